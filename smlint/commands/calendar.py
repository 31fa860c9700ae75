"""``smlint calendar``: the content calendar and task due dates as iCalendar or CSV.

``--format ics`` writes an RFC 5545 calendar (made with the ``icalendar``
library) that Outlook, Google Calendar and Apple Calendar import: one
all-day event per calendar entry (channel, pillar, title, owner and status
in the description) and one all-day event per task due date. ``--format
csv`` writes the same items for spreadsheets, with a header row in the
user's language.

UIDs are derived from the strategy, never from line numbers, so that
importing the file again updates the events instead of duplicating them,
and editing one part of the strategy does not change the UIDs of the rest:

- a task: the organisation and the task's id (its due date may move);
- a calendar entry with a title: the organisation, the entry's year, its
  channel and its title, and which of the entries sharing those it is, in
  date order (so a post can be moved to another day of the year);
- an entry without a title: the organisation, its date, channel and pillar.

DTSTAMP is ``--today`` (default: the system date) at midnight UTC, so the
same strategy and ``--today`` give byte-identical output.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import sys
from collections import Counter
from dataclasses import dataclass

import click

from .. import __version__
from .common import lint, say, strategy_options
from .output import refuse_inputs, write_atomic

CONFIRMED = ("approved", "scheduled", "published")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


@dataclass(frozen=True)
class Item:
    kind: str  # entry | task
    date: dt.date
    uid: str
    summary: str
    channel: str = ""
    pillar: str = ""
    title: str = ""
    owner: str = ""
    status: str = ""  # in the user's words
    state: str = ""  # the status as written (planned, done, ...)
    organisation: str = ""
    order: int = 0  # position in the file, to keep equal dates in file order


def uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@smlint"


def items(ctx, findings, lang: str) -> tuple[list[Item], int]:
    """The calendar entries and tasks of one strategy, and how many have a date that could not be read."""
    from .report_view import words

    w = words(lang)
    doc = ctx.doc
    data = ctx.channel_data
    organisation = doc.organisation.name if doc.organisation and doc.organisation.name else ""
    team = ctx.ids("team")
    pillars = ctx.ids("pillars")

    def member(member_id):
        found = team.get(member_id) if member_id else None
        return (found.name or member_id) if found is not None else (member_id or "")

    def channel_name(cid):
        channel = ctx.channels_by_id.get(cid)
        return data.display(channel.platform if channel is not None and channel.platform else cid)

    out: list[Item] = []
    skipped = 0
    seen: Counter = Counter()
    entries = sorted(((e.date, n, e) for n, e in enumerate(doc.calendar) if e.date), key=lambda t: (t[0], t[1]))
    skipped += sum(1 for e in doc.calendar if not e.date)
    for date, order, entry in entries:
        cid = ctx.resolve_channel(entry.channel) or entry.channel or ""
        title = (entry.title or "").strip()
        key = (organisation, "entry", str(date.year), cid, title) if title else (
            organisation, "entry", date.isoformat(), cid, entry.pillar or "")
        seen[key] += 1
        pillar = pillars.get(entry.pillar) if entry.pillar else None
        name = channel_name(cid) if cid else ""
        label = title or (pillar.name if pillar and pillar.name else entry.pillar or "")
        out.append(Item(
            kind="entry", date=date, uid=uid(*key, str(seen[key])),
            # "channel: title", or the one that is there (a title's own colons and spaces kept)
            summary=w["ical"]["entry"].format(channel=name, title=label) if name and label else name or label,
            channel=name, pillar=(pillar.name or entry.pillar) if pillar else (entry.pillar or ""), title=title,
            owner=member(entry.owner), status=w["status"].get(entry.status, entry.status or ""),
            state=entry.status or "", organisation=organisation, order=order))
    tasks_seen: Counter = Counter()
    for order, task in enumerate(doc.tasks):
        if not task.due:
            continue  # a task without a due date has no place in a calendar
        key = (organisation, "task", task.id or task.title or "")
        tasks_seen[key] += 1
        title = (task.title or task.id or "").strip()
        out.append(Item(
            kind="task", date=task.due, uid=uid(*key, str(tasks_seen[key])),
            summary=w["ical"]["task"].format(title=title), title=title, owner=member(task.owner),
            status=w["status"].get(task.status, task.status or ""), state=task.status or "",
            organisation=organisation, order=len(doc.calendar) + order))
    unreadable = {f.path for f in findings if f.rule == "SM003"}
    skipped += sum(1 for task in doc.tasks if task.due is None and f"{ctx.path(task)}/due" in unreadable)
    return out, skipped


def description(item: Item, lang: str) -> str:
    from .report_view import words

    w = words(lang)["ical"]
    lines = []
    if item.kind == "entry":
        lines += [f"{w['channel']}: {item.channel}"] if item.channel else []
        lines += [f"{w['pillar']}: {item.pillar}"] if item.pillar else []
    else:
        lines.append(f"{w['due']}: {item.date.isoformat()}")
    lines += [f"{w['owner']}: {item.owner}"] if item.owner else []
    lines += [f"{w['status']}: {item.status}"] if item.status else []
    lines += [f"{w['strategy']}: {item.organisation}"] if item.organisation else []
    return "\n".join(lines)


def to_ics(found: list[Item], names: list[str], lang: str, today: dt.date) -> bytes:
    from icalendar import Calendar, Event

    from .report_view import words

    w = words(lang)["ical"]
    calendar = Calendar()
    calendar.add("prodid", f"-//smlint//smlint {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = w["calendar_name"].format(name=", ".join(dict.fromkeys(n for n in names if n)) or "smlint")
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    for item in found:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        try:
            event.add("dtend", item.date + dt.timedelta(days=1))
        except OverflowError:  # 9999-12-31: an all-day event without DTEND lasts that one day (RFC 5545)
            pass
        event.add("summary", item.summary)
        event.add("description", description(item, lang))
        categories = [c for c in ((item.channel, item.pillar) if item.kind == "entry" else (w["task"].format(title="").strip(": "),)) if c]
        if categories:
            event.add("categories", categories)
        if item.kind == "entry" and item.state:
            event.add("status", "CONFIRMED" if item.state in CONFIRMED else "TENTATIVE")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def _cell(value: str) -> str:
    """A text a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def to_csv(found: list[Item], lang: str) -> bytes:
    """Comma-separated in English, semicolon-separated in Dutch (Excel's list separator there); UTF-8 with a BOM."""
    from .report_view import words

    w = words(lang)["ical"]
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n")
    writer.writerow(w["csv_header"])
    for item in found:
        writer.writerow([w["csv_kind"][item.kind], item.date.isoformat(), _cell(item.channel), _cell(item.pillar),
                         _cell(item.title), _cell(item.owner), item.status, item.uid])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["ics", "csv"]), default="ics", show_default=True,
              help="iCalendar (Outlook, Google Calendar, Apple Calendar) or CSV (spreadsheets).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write to FILE (default: standard output).")
@strategy_options("The date stamped on the events (default: today).")
def calendar(paths, fmt, output, lang, today, channel_data, config_path) -> None:
    """The content calendar and task due dates as iCalendar (.ics) or CSV."""
    from .report_view import counted, words

    linted = lint(paths, lang=lang, today=today, channel_data=channel_data, config_path=config_path)
    options, errors = linted.options, linted.errors
    if output is not None:
        refuse_inputs(output, linted.inputs, errors["same_file"])
    found: list[Item] = []
    names: list[str] = []
    langs = []
    for item in linted:
        result = item.result
        if item.error:
            continue
        part, skipped = items(result.context, result.findings, result.lang)
        if skipped:
            say(counted(words(result.lang)["ical"]["skipped"], skipped, result.lang, file=result.file))
        found += sorted(part, key=lambda i: (i.date, i.kind != "entry", i.order))
        names.append(result.context.doc.organisation.name if result.context.doc.organisation else "")
        langs.append(result.lang)
    out_lang = options.lang or (langs[0] if len(set(langs)) == 1 else "en")
    if found or not linted.failed:
        data = to_ics(found, names, out_lang, options.today) if fmt == "ics" else to_csv(found, out_lang)
        if output is None:
            click.echo(data.decode("utf-8"), nl=False)
        else:
            write_atomic(output, data, errors["not_written"])
    sys.exit(1 if linted.failed else 0)
