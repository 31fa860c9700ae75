"""``smlint init``: a new strategy from the workshop's five steps, asked in a terminal or read from an answers file.

The answers (asked, or ``--answers FILE``) have the shape of a strategy,
with conveniences: ids may be left out (they are made from names), items are
referred to by name or id, an objective may name its ``platform``, a cadence
may be written as "3 per week", and ``calendar: first-month`` fills the
first month of the calendar from the cadence. The plan is written with the
schema modeline and a comment per section in the chosen language, the safe
fixes of ``smlint fix`` are applied to it (dates and Dutch words become the
format's), and it is linted before it is written: it never has a structural
error. An existing file is only replaced with ``--force``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys

import click

from .base import date_value
from ..i18n import LANGUAGES

SECTIONS = ("organisation", "period", "audiences", "objectives", "channels", "content", "team", "tasks", "calendar",
            "maturity", "retrospective")
ANSWER_KEYS = ("lang",) + SECTIONS
SCHEMA_FILE = "strategy.schema.json"
# sections written as one flow mapping per item (they are short and many)
FLOW_ITEMS = ("cadence", "tasks", "calendar")
FLOW_MAPS = ("period",)
CADENCE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*(?:x\s*)?(?:per|/|a|an|in de|keer per)?\s*([^\W\d_]+)\s*\Z", re.I)


class InitError(click.ClickException):
    exit_code = 2


def texts(lang: str) -> dict:
    from ..data import read_yaml

    return read_yaml("commands.yaml")["init"][lang]


# -- reading answers ----------------------------------------------------------------------


def read_answers(path: str, lang: str | None) -> tuple[dict, str]:
    """The answers file as plain data, checked for unknown questions; its language wins over English."""
    from ..load.loader import MAX_FILE_BYTES, FatalLoadError, Mapping, Sequence, load_bytes, to_python

    words = texts(lang or "en")
    try:
        from ..load.discovery import read_input

        loaded = load_bytes(read_input(path, MAX_FILE_BYTES))  # never a hang on a FIFO, never unbounded
    except OSError as exc:
        raise InitError(words["bad_answers"].format(file=path, problem=exc.strerror)) from None
    except FatalLoadError as exc:
        from ..i18n import message

        p = exc.problem
        raise InitError(words["bad_answers"].format(file=f"{path}:{p.line}:{p.column}",
                                                    problem=message(p.code, p.key, lang or "en", p.args))) from None
    root = loaded.root
    for key, (key_node, value) in root.items.items():
        where = f"{path}:{key_node.line}:{key_node.column}"
        if key not in ANSWER_KEYS and not key.startswith("x-"):
            raise InitError(words["bad_answers"].format(
                file=where, problem=words["answers_key"].format(key=key, known=", ".join(ANSWER_KEYS))))
        shape = "mapping" if key in ("organisation", "period", "content", "maturity", "retrospective") else "list"
        if key != "lang" and not (key == "calendar" and not isinstance(value, Mapping)) and value is not None:
            if (shape == "mapping") != isinstance(value, Mapping) or (shape == "list" and isinstance(value, Mapping)):
                raise InitError(words["bad_answers"].format(
                    file=where, problem=words["answers_shape"].format(key=key, shape=words["shapes"][shape])))
        items = value.children if isinstance(value, Sequence) else []
        if key == "content" and isinstance(value, Mapping):
            items = [i for part in ("pillars", "cadence") if isinstance(value.get(part), Sequence)
                     for i in value.get(part).children]
        for item in items:
            if not isinstance(item, Mapping):
                raise InitError(words["bad_answers"].format(
                    file=f"{path}:{item.line}:{item.column}",
                    problem=words["answers_shape"].format(key=key, shape=words["shapes"]["items"])))
    answers = to_python(root)
    chosen = lang or (answers.get("lang") if answers.get("lang") in LANGUAGES else None) or "en"
    return answers, chosen


# -- from answers to a plan -------------------------------------------------------------------


def _field_order(model: str) -> list[str]:
    from ..load.records import table

    return list(table()[model]["fields"])


DATE_KEYS = ("start", "end", "deadline", "due", "date")


def _tidy(key: str, value):
    """A date in another notation as a date, a yes/no answer as true/false; anything else as given."""
    if key in DATE_KEYS and isinstance(value, str):
        return _as_date(value) or value
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee", "yes", "no", "true", "false"):
        from ..load.convert import truthy

        return truthy(value)
    return value


def _ordered(item: dict, model: str) -> dict:
    """The item's keys in the format's order, unknown ones after (they are reported as SM007)."""
    order = _field_order(model)
    item = {k: _tidy(k, v) if model in ("Period", "Objective", "Task", "CalendarEntry", "Practices") else v
            for k, v in item.items()}
    out = {k: item[k] for k in order if k in item and item[k] not in (None, "", [])}
    out.update({k: v for k, v in item.items() if k not in order and v not in (None, "", [])})
    return out


class _Ids:
    """Ids made from names, unique per section, and references by name or id resolved to them."""

    def __init__(self) -> None:
        self.by_section: dict[str, dict[str, str]] = {}

    def make(self, section: str, item: dict, source: str | None, fallback: str, also=()) -> str:
        """The item's id (its own, else one made from ``item[source]``, else ``fallback``); its names refer to it."""
        from ..load.validate import slugify

        table = self.by_section.setdefault(section, {})
        named = item.get(source) if source else None
        wanted = str(item.get("id") or (slugify(str(named))[:40].strip("-_") if named else "") or fallback)
        new, number = wanted, 2
        while new in table.values():
            new, number = f"{wanted}-{number}", number + 1
        for name in (named, item.get("id"), new, *also):
            if name:
                table.setdefault(str(name).strip().lower(), new)
        return new

    def ref(self, section: str, value):
        if value is None:
            return None
        return self.by_section.get(section, {}).get(str(value).strip().lower(), value)

    def refs(self, section: str, values) -> list:
        if isinstance(values, str) and values != "all":
            values = [v.strip() for v in values.split(",") if v.strip()]
        return [self.ref(section, v) for v in values or []] if not isinstance(values, str) else values


def _section(ids: _Ids, items, section: str | None, model: str, source: str = "name", many=(), one=()) -> list:
    """A section's items in the format's order: an id made when ``section`` is given, references resolved.

    ``many`` and ``one`` are (field, section it refers to) pairs, for a list
    of references and for a single one.
    """
    out = []
    for item in items or []:
        item = dict(item) if isinstance(item, dict) else {}
        if section:
            item["id"] = ids.make(section, item, source, section.rstrip("s"))
        for field, target in many:
            item[field] = ids.refs(target, item.get(field))
        for field, target in one:
            item[field] = ids.ref(target, item.get(field))
        out.append(_ordered(item, model))
    return out


def parse_cadence(entry) -> dict | None:
    """`3 per week`, `1 per dag`, `2x per maand` as {posts, per}; a mapping as it is; else None."""
    if isinstance(entry, dict):
        return entry
    match = CADENCE.match(str(entry or ""))
    if not match:
        return None
    from ..language.synonyms import meant

    per = meant("choices", match[2], ["day", "week", "month"])
    posts = float(match[1].replace(",", "."))
    return {"posts": int(posts) if posts == int(posts) else posts, "per": per[0]} if per else None


def _first_month(plan: dict) -> list[dict]:
    """Calendar entries for the plan's first month, spread evenly per channel, pillars taking turns by share."""
    from ..ruledata.channeldata import DAYS

    start = _as_date(plan["period"]["start"])
    if start is None:
        return []
    days = 30
    pillars = (plan.get("content") or {}).get("pillars") or []
    turns = []
    for pillar in pillars:
        turns += [pillar["id"]] * max(1, round(float(pillar.get("share") or 0) / 10))
    owners = {}
    for member in plan.get("team") or []:
        for channel in member.get("channels") or []:
            owners.setdefault(channel, member["id"])
    entries = []
    turn = 0
    for cadence in (plan.get("content") or {}).get("cadence") or []:
        count = int(round(float(cadence["posts"]) * days / DAYS[cadence["per"]]))
        for n in range(max(count, 1)):
            entry = {"date": start + dt.timedelta(days=(n * days) // max(count, 1)), "channel": cadence["channel"]}
            if turns:
                entry["pillar"] = turns[turn % len(turns)]
                entry["title"] = next(p.get("name") or p["id"] for p in pillars if p["id"] == entry["pillar"])
                turn += 1
            if cadence["channel"] in owners:
                entry["owner"] = owners[cadence["channel"]]
            entry["status"] = "idea"
            entries.append(entry)
    return entries


def _as_date(value):
    if isinstance(value, dt.date):
        return value
    from ..load.convert import date_readings

    readings = date_readings(str(value)) if value else []
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return readings[0][1] if len(readings) == 1 else None


def year_from(start: dt.date) -> dt.date:
    """The last day of the year that begins on ``start``."""
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start + dt.timedelta(days=364)


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """From the first day of next month, for a year."""
    start = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return start, year_from(start)


def build(answers: dict, lang: str, today: dt.date, default_name: str) -> dict:
    """The plan (plain data, in the format's order) the answers describe."""
    from ..ruledata.channeldata import built_in

    data = built_in()
    ids = _Ids()
    words = texts(lang)
    plan: dict = {"version": 1}
    org = dict(answers.get("organisation") or {})
    org["name"] = org.get("name") or default_name
    org.setdefault("languages", [lang])
    plan["organisation"] = _ordered(org, "Organisation")
    period = answers.get("period") or {}
    start, end = default_period(today)
    plan["period"] = _ordered({"start": period.get("start") or start, "end": period.get("end") or end}, "Period")

    plan["audiences"] = _section(ids, answers.get("audiences"), "audiences", "Audience")

    objectives = []
    for number, item in enumerate(answers.get("objectives") or [], 1):
        item = dict(item)
        platform = item.pop("platform", None)
        if platform and not item.get("channels"):
            item["channels"] = [data.canonical(platform) or platform]
        if not item.get("id") and item.get("channels") and item.get("metric") and isinstance(item["channels"], list):
            item["id"] = f"{item['channels'][0]}-{item['metric']}"
        item["id"] = ids.make("objectives", item, None, f"{words['objective_id']}-{number}",
                              also=(item.get("statement"),))  # an objective may be named by its statement
        item["audiences"] = ids.refs("audiences", item.get("audiences"))
        objectives.append(item)

    channels = []
    for item in answers.get("channels") or []:
        item = dict(item)
        canonical = data.canonical(item.get("platform")) if item.get("platform") else None
        if canonical:
            item["platform"] = canonical
        cid = item.get("id") or canonical or item.get("platform")
        ids.by_section.setdefault("channels", {})[str(item.get("platform", "")).lower()] = cid
        ids.by_section["channels"][str(cid).lower()] = cid
        item["audiences"] = ids.refs("audiences", item.get("audiences"))
        item["objectives"] = ids.refs("objectives", item.get("objectives"))
        channels.append(_ordered(item, "Channel"))
    for objective in objectives:
        objective["channels"] = ids.refs("channels", objective.get("channels"))
    plan["objectives"] = objectives  # owners are resolved after the team
    plan["channels"] = channels

    content = answers.get("content") or {}
    pillars = _section(ids, content.get("pillars"), "pillars", "Pillar",
                       many=(("audiences", "audiences"), ("channels", "channels")))
    cadence = []
    for item in content.get("cadence") or []:
        entry = dict(item) if isinstance(item, dict) else None
        if entry is not None and isinstance(entry.get("posts"), str):
            entry.update(parse_cadence(entry.pop("posts")) or {})
        if entry is not None:
            entry["channel"] = ids.ref("channels", entry.get("channel"))
            cadence.append(_ordered(entry, "Cadence"))
    plan["content"] = {"pillars": pillars, "cadence": cadence}

    plan["team"] = _section(ids, answers.get("team"), "team", "TeamMember", many=(("channels", "channels"),))
    plan["objectives"] = [_ordered({**o, "owner": ids.ref("team", o.get("owner"))}, "Objective") for o in objectives]
    plan["tasks"] = _section(ids, answers.get("tasks"), "tasks", "Task", "title", one=(("owner", "team"),))
    calendar = answers.get("calendar")
    if calendar in ("first-month", True):
        plan["calendar"] = _first_month(plan)
    else:
        plan["calendar"] = _section(ids, calendar if isinstance(calendar, list) else [], None, "CalendarEntry",
                                    one=(("channel", "channels"), ("pillar", "pillars"), ("owner", "team")))
    if answers.get("maturity"):
        maturity = dict(answers["maturity"])
        if isinstance(maturity.get("practices"), dict):
            maturity["practices"] = _ordered(maturity["practices"], "Practices")
        plan["maturity"] = _ordered(maturity, "Maturity")
    if answers.get("retrospective"):
        plan["retrospective"] = _ordered(dict(answers["retrospective"]), "Retrospective")
    return plan


# -- writing the plan ------------------------------------------------------------------------------


def _scalar(value, flow: bool = False) -> str:
    from ..fixes import scalar_text

    if isinstance(value, dt.date):
        return value.isoformat()
    return scalar_text(value, flow=flow)


def _flow(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, flow=True)


def _block(key: str, value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict) and value and key not in FLOW_MAPS and key != "age":
        lines = [f"{pad}{_scalar(key)}:"]
        for child, child_value in value.items():
            lines += _block(child, child_value, indent + 2)
        return lines
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = [f"{pad}{_scalar(key)}:"]
        for item in value:
            if key in FLOW_ITEMS:
                lines.append(f"{pad}  - {_flow(item)}")
                continue
            inner: list[str] = []
            for child, child_value in item.items():
                inner += _block(child, child_value, indent + 4)
            inner[0] = f"{pad}  - " + inner[0][indent + 4:]
            lines += inner
        return lines
    shown = _flow(value) if isinstance(value, (dict, list)) else _scalar(value)
    return [f"{pad}{_scalar(key)}: {shown}"]


def render(plan: dict, lang: str, file: str, schema: str) -> str:
    comments = texts(lang)["comments"]
    lines = [f"# yaml-language-server: $schema={schema}", "#"]
    header = comments["header"].format(name=plan["organisation"]["name"], file=os.path.basename(file))
    lines += [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines += ["version: 1"]
    for section in SECTIONS:
        if section not in plan:
            continue
        lines.append("")
        if section in comments:
            lines.append(f"# {comments[section]}")
        lines += _block(section, plan[section], 0)
    return "\n".join(lines) + "\n"


def polish(text: str, lang: str):
    """The safe fixes applied (other notations of dates, Dutch words for choices), and the plan's findings."""
    from ..engine import Linter, Options
    from ..fixes import repair

    linter = Linter(Options(lang=lang))
    outcome = repair(lambda data: linter.lint_bytes("strategy.yaml", data), "strategy.yaml", text.encode("utf-8"),
                     choose=lambda f: True)
    result = linter.lint_bytes("strategy.yaml", outcome.fixed)
    return outcome.fixed.decode("utf-8"), result.findings


def write_new(path: str, text: str, failed: str) -> None:
    """Write a new file atomically (a temporary file beside it, then a rename), making its folder."""
    from .output import OutputError, write_atomic

    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    except OSError as exc:
        raise OutputError(failed.format(path=path, problem=exc.strerror or exc)) from None
    write_atomic(path, text.encode("utf-8"), failed)


# -- the command --------------------------------------------------------------------------------


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=True))
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the questions and of the comments in the file (default: English).")
@click.option("--answers", "answers_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Read the answers from FILE instead of asking (for trainers, scripts and tests).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--today", callback=date_value, default=None, metavar="YYYY-MM-DD",
              help="The date the suggested period starts from (default: today).")
def init(path, lang, answers_path, force, today) -> None:
    """Write a new strategy by walking through the workshop's five steps (default file: strategy.yaml)."""
    target = path or "strategy.yaml"
    if os.path.isdir(target):
        target = os.path.join(target, "strategy.yaml")
    today = today or dt.date.today()
    if os.path.lexists(target) and not force:
        raise InitError(texts(lang or "en")["exists"].format(file=target))
    if answers_path:
        answers, lang = read_answers(answers_path, lang)
    else:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InitError(texts(lang or "en")["no_terminal"])
        from .interview import interview

        answers, lang = interview(lang, today, _default_name(target, lang or "en"))
    words = texts(lang)
    plan = build(answers, lang, today, _default_name(target, lang))
    schema = f"./{SCHEMA_FILE}"
    text, findings = polish(render(plan, lang, target, schema), lang)
    broken = [f for f in findings if f.rule.startswith("SM0") and f.severity == "error"]
    if broken:
        source = answers_path or target
        raise InitError("\n".join(words["bad_answers"].format(file=source, problem=f"{f.rule} {f.message}")
                                  for f in broken))
    for f in findings:
        if f.rule == "SM205":
            click.echo(words["vague_note"].format(where=f"{target}:{f.line}:{f.column}", message=f.message), err=True)
    write_new(target, text, words["cannot_write"])
    click.echo(words["written"].format(file=target))
    schema_path = os.path.join(os.path.dirname(os.path.abspath(target)), SCHEMA_FILE)
    if not os.path.lexists(schema_path):
        from ..data import data_dir

        write_new(schema_path, (data_dir("schemas") / "strategy.schema.json").read_text(encoding="utf-8"),
                  words["cannot_write"])
        click.echo(words["schema_written"].format(file=os.path.join(os.path.dirname(target), SCHEMA_FILE)))
    from ..reporters.text_report import summary_line

    summary = {"files": 1, "error": 0, "warning": 0, "info": 0}
    for f in findings:
        summary[f.severity] += 1
    click.echo(words["result"].format(summary=summary_line(summary, lang), file=target))


def _default_name(target: str, lang: str) -> str:
    folder = os.path.basename(os.path.dirname(os.path.abspath(target)))
    return folder.replace("-", " ").replace("_", " ").strip().title() or {"en": "My organisation",
                                                                           "nl": "Mijn organisatie"}[lang]
