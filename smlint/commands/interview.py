"""The questions ``smlint init`` asks in a terminal, step by step, with questionary.

questionary (on prompt_toolkit) gives people who are not engineers what a
form would: a suggestion already filled in that Enter accepts, choices
picked with the arrow keys and ticked with the space bar instead of typed
words, and a wrong answer (a date, an age) pointed out under the question
before it is taken. It is imported only here, when init runs in a terminal.

The answers come back in the shape of an answers file (see init.py), so a
session and ``--answers`` produce the plan the same way.
"""

from __future__ import annotations

import datetime as dt

from .init import _as_date, default_period, parse_cadence, texts, year_from


class Asker:
    """The questions, in one language; an empty answer skips."""

    def __init__(self, lang: str) -> None:
        import questionary

        self.q = questionary
        self.w = texts(lang)
        self.lang = lang

    def say(self, text: str = "") -> None:
        self.q.print(text)

    def head(self, key: str) -> None:
        self.q.print("")
        self.q.print(self.w["heads"][key], style="bold")

    def text(self, key: str, default="", check=None, **values) -> str:
        def validate(answer: str):
            if not answer.strip() or check is None or check(answer.strip()):
                return True
            return self.w["invalid"][check.__name__.strip("_")]

        answer = self.q.text(self.w["q"][key].format(**values), default=str(default or ""),
                             validate=validate).unsafe_ask()
        return answer.strip()

    def items(self, key: str, **values) -> list[str]:
        return [part.strip() for part in self.text(key, **values).split(",") if part.strip()]

    def select(self, key: str, options: list, default=None, labels: dict | None = None, **values):
        skip = self.w["q"]["skip"]
        choices = [self.q.Choice(labels.get(o, o) if labels else str(o), value=o) for o in options]
        choices.append(self.q.Choice(skip, value=None))
        return self.q.select(self.w["q"][key].format(**values), choices=choices, instruction=self.w["q"]["choose_one"],
                             default=next((c for c in choices if c.value == default), None)).unsafe_ask()

    def either(self, key: str, yes: str, no: str) -> bool:
        """One of two answers, the first the default."""
        choices = [self.q.Choice(yes, value=True), self.q.Choice(no, value=False)]
        return self.q.select(self.w["q"][key], choices=choices, instruction=self.w["q"]["choose_one"]).unsafe_ask() is True

    def checkbox(self, key: str, options: list, checked=(), labels: dict | None = None, **values) -> list:
        if not options:
            return []
        choices = [self.q.Choice(labels.get(o, o) if labels else str(o), value=o, checked=o in checked)
                   for o in options]
        return list(self.q.checkbox(self.w["q"][key].format(**values), choices=choices,
                                    instruction=self.w["q"]["choose_many"]).unsafe_ask() or [])

    def confirm(self, key: str, default: bool) -> bool:
        return bool(self.q.confirm(self.w["q"][key], default=default).unsafe_ask())


# answer checks: their names are the keys of the "invalid" texts
def _date(text: str) -> bool:
    return _as_date(text) is not None


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _age(text: str) -> bool:
    from ..load.convert import age

    try:
        age(text)
    except ValueError:
        return False
    return True


def _target(text: str) -> bool:
    from ..language.smart import RELATIVE

    return _number(text) or RELATIVE.fullmatch(text) is not None


def _cadence(text: str) -> bool:
    return parse_cadence(text) is not None


def _share(text: str) -> bool:
    return _number(text.rstrip("% ")) and 0 <= float(text.rstrip("% ").replace(",", ".")) <= 100


def _count(text: str):
    value = float(text.replace(",", "."))
    return int(value) if value == int(value) else value


def interview(lang: str | None, today: dt.date, default_name: str) -> tuple[dict, str]:
    import questionary

    if lang is None:
        lang = questionary.select("Language / Taal", choices=[questionary.Choice("Nederlands", value="nl"),
                                                              questionary.Choice("English", value="en")]
                                  ).unsafe_ask() or "en"
    ask = Asker(lang)
    try:
        return _steps(ask, today, default_name), lang
    except KeyboardInterrupt:
        import click

        raise click.Abort() from None


def _steps(ask: Asker, today: dt.date, default_name: str) -> dict:
    from ..ruledata.channeldata import built_in
    from ..language.text import analyse

    w = ask.w
    data = built_in()
    ask.say(w["welcome"])
    answers: dict = {"lang": ask.lang}

    ask.head("organisation")
    org = {"name": ask.text("name", default_name) or default_name}
    org["kind"] = ask.select("kind", list(w["labels"]["kind"]), labels=w["labels"]["kind"])
    org["sector"] = ask.text("sector")
    size = ask.text("size", check=_number)
    org["size"] = _count(size) if size else None
    org["region"] = ask.select("region", list(w["labels"]["region"]), default="nl" if ask.lang == "nl" else "us",
                               labels=w["labels"]["region"])
    org["languages"] = [ask.lang]
    answers["organisation"] = org
    start, end = default_period(today)
    start = _as_date(ask.text("start", start.isoformat(), check=_date)) or start
    end = _as_date(ask.text("end", year_from(start).isoformat(), check=_date)) or year_from(start)
    answers["period"] = {"start": start, "end": end}

    ask.head("step1")
    audiences = answers["audiences"] = []
    while name := ask.text("audience"):
        audience = {"name": name, "description": ask.text("description"), "age": ask.text("age", check=_age),
                    "gender": ask.text("gender", w["gender_any"]), "occupations": ask.items("occupations"),
                    "income": ask.select("income", list(w["labels"]["income"]), labels=w["labels"]["income"]),
                    "interests": ask.items("interests"), "locations": ask.items("locations"),
                    "segment": ask.select("segment", list(w["labels"]["segment"]), default="consumer",
                                          labels=w["labels"]["segment"])}
        audiences.append(audience)
    names = [a["name"] for a in audiences]

    ask.head("step2")
    objectives = answers["objectives"] = []
    metrics = _metrics(ask.lang)
    platforms = sorted(data.platforms, key=lambda p: data.display(p).lower())
    while statement := ask.text("statement"):
        statement = _judged(ask, answers, statement)
        said = analyse(statement, start, ask.lang)  # what the sentence already says is the suggestion
        objective = {"statement": statement,
                     "metric": ask.select("metric", list(metrics), labels=metrics,
                                          default=next(iter(said.metrics), None)),
                     "platform": ask.select("platform", platforms, labels={p: data.display(p) for p in platforms},
                                            default=next(iter(said.platforms), None)),
                     "audiences": ask.checkbox("objective_audiences", names, checked=names[:1])}
        baseline = ask.text("baseline", check=_number)
        objective["baseline"] = _count(baseline) if baseline else None
        target = ask.text("target", check=_target)
        objective["target"] = _count(target) if target and _number(target) else target
        objective["deadline"] = _as_date(ask.text("deadline", end.isoformat(), check=_date))
        objective["statement"] = _proposal(ask, answers, objective)
        objectives.append(objective)

    ask.head("step3")
    _reach_table(ask, answers, data, platforms)
    named = [o["platform"] for o in objectives if o.get("platform")]
    chosen = ask.checkbox("channels", platforms, checked=named, labels={p: data.display(p) for p in platforms})
    channels = answers["channels"] = []
    statements = [o["statement"] for o in objectives]
    for platform in chosen:
        shown = data.display(platform)
        serves = [o["statement"] for o in objectives if o.get("platform") == platform]
        channels.append({"platform": platform,
                         "audiences": ask.checkbox("channel_audiences", names, checked=names, platform=shown),
                         "objectives": ask.checkbox("channel_objectives", statements, checked=serves, platform=shown),
                         "handle": ask.text("handle", platform=shown),
                         "rationale": ask.text("rationale", platform=shown)})

    ask.head("step4")
    pillars = []
    left = 100
    formats = sorted({f for p in chosen for f in (data.formats(p) or [])})
    while pillar := ask.text("pillar"):
        share = ask.text("share", left if left > 0 else "", check=_share, pillar=pillar)
        entry = {"name": pillar, "share": _count(share.rstrip("% ")) if share else None,
                 "formats": ask.checkbox("formats", formats, checked=["image"] if "image" in formats else formats[:1]),
                 "audiences": ask.checkbox("objective_audiences", names, checked=names),
                 "channels": ask.checkbox("pillar_channels", chosen, checked=chosen,
                                          labels={p: data.display(p) for p in chosen})}
        left -= entry["share"] or 0
        pillars.append(entry)
    cadence = []
    for platform in chosen:
        low, high = data.cadence_range(platform)
        advice = ""
        if low and high:
            advice = w["q"]["advice"].format(low=_how_often(ask, low), high=_how_often(ask, high))
        how = ask.text("cadence", _how_often(ask, low) if low else "", check=_cadence,
                       platform=data.display(platform), advice=advice)
        if how:
            cadence.append({"channel": platform, "posts": how})
    answers["content"] = {"pillars": pillars, "cadence": cadence}

    ask.head("step5")
    team = answers["team"] = []
    while name := ask.text("member"):
        team.append({"name": name, "role": ask.text("role", name=name), "department": ask.text("department", name=name),
                     "channels": ask.checkbox("member_channels", chosen, name=name,
                                              checked=[] if team else chosen,
                                              labels={p: data.display(p) for p in chosen})})
    members = [m["name"] for m in team]
    for objective in objectives:
        if members:
            covering = [m["name"] for m in team if objective.get("platform") in m["channels"]]
            objective["owner"] = ask.select("owner", members, default=(covering or members)[0],
                                            objective=objective["statement"][:60])
    tasks = answers["tasks"] = []
    while title := ask.text("task"):
        task = {"title": title, "owner": ask.select("task_owner", members) if members else None,
                "due": _as_date(ask.text("due", check=_date)), "status": "todo"}
        tasks.append(task)
    if cadence and ask.confirm("calendar", True):
        answers["calendar"] = "first-month"

    if ask.confirm("maturity", False):
        ask.head("maturity")
        practices = {}
        for key, question in w["practices"].items():
            if key == "integrated_media":
                practices[key] = ask.items("practice", text=question)
            elif key == "measurement_tool":
                practices[key] = ask.text("practice", text=question)
            elif key == "reporting_cadence":
                practices[key] = ask.select("practice", list(w["labels"]["reporting_cadence"]),
                                            labels=w["labels"]["reporting_cadence"], text=question)
            else:
                yes_no = {True: w["q"]["yes"], False: w["q"]["no"]}
                practices[key] = ask.select("practice", [True, False], labels=yes_no, text=question)
        answers["maturity"] = {"declared_stage": ask.select("declared_stage", [1, 2, 3, 4]), "practices": practices}
    return answers


def _metrics(lang: str) -> dict:
    from ..language.smart import metric_table

    return {key: entry["names"][lang] for key, entry in metric_table().items() if key != "aliases"}


def _how_often(ask: Asker, bound: dict) -> str:
    posts = bound["posts"]
    posts = int(posts) if float(posts) == int(posts) else posts
    return f"{posts} per {ask.w['labels']['per'][bound['per']]}"


def _lint_one(answers: dict, objective: dict, lang: str):
    """The plan so far with this one objective, linted for SM205 (with its context, for the rewrite proposal)."""
    from ..engine import Linter, Options
    from .init import build, render

    sketch = {**answers, "objectives": [objective], "channels": [], "content": {}, "team": [], "tasks": [],
              "calendar": []}
    text = render(build(sketch, lang, dt.date.today(), "x"), lang, "strategy.yaml", "x")
    result = Linter(Options(select=("SM205",), lang=lang)).lint_bytes("strategy.yaml", text.encode("utf-8"))
    return result


def _judged(ask: Asker, answers: dict, statement: str) -> str:
    """A vague objective is answered at once with SM205's explanation and rewrite proposal: rewrite or keep."""
    while True:
        findings = _lint_one(answers, {"statement": statement}, ask.lang).findings
        if not findings:
            return statement
        ask.say(findings[0].message)
        if not ask.either("judged", ask.w["q"]["rewrite"], ask.w["q"]["keep"]):
            return statement
        statement = ask.text("statement", statement) or statement


def _proposal(ask: Asker, answers: dict, objective: dict) -> str:
    """Still vague once the numbers are known: offer SM205's proposal, now filled in with them."""
    from ..checks.sm205_vague_statement import proposal
    from ..language.smart import view

    candidate = {k: v for k, v in objective.items() if v not in (None, "", [])}
    result = _lint_one(answers, candidate, ask.lang)
    if not result.findings or result.context is None or not result.context.doc.objectives:
        return objective["statement"]
    ctx = result.context
    better = proposal(ctx, view(ctx, ctx.doc.objectives[0]))
    if "<" in better:
        return objective["statement"]
    use = ask.either("judged", ask.w["q"]["use_proposal"].format(proposal=better), ask.w["q"]["keep"])
    return better if use else objective["statement"]


def _reach_table(ask: Asker, answers: dict, data, platforms) -> None:
    """How many people of each audience each platform reaches, from the channel data, shown while choosing."""
    from ..load.convert import age

    audiences = answers.get("audiences") or []
    if not audiences:
        return
    region = data.region((answers.get("organisation") or {}).get("region"))
    name, _ = data.region_words(region, ask.lang) if region else ("", "")
    ask.say(ask.w["q"]["reach_intro"].format(region=name))
    for platform in platforms:
        parts = []
        for audience in audiences:
            if audience.get("segment") == "business":
                fit = data.suits_business(platform)
                answer = ask.w["q"]["yes"] if fit else ask.w["q"]["no"] if fit is not None else "?"
                parts.append(f"{audience['name']}: {ask.w['business_fit'].format(answer=answer)}")
                continue
            try:
                ages = age(audience.get("age") or "")
            except ValueError:
                ages = None
            reach = data.reach(platform, region, ages.get("min", 0), ages.get("max", 80)) if ages and region else None
            parts.append(f"{audience['name']}: {int(reach.value + 0.5)}%" if reach else
                         f"{audience['name']}: {ask.w['no_figure']}")
        ask.say(f"  {data.display(platform):<10} " + " · ".join(parts))
