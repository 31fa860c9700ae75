"""What `smlint report` shows of one strategy, as plain data for the HTML templates.

Everything comes from one lint run of the file: the findings `check` prints
(after configuration and inline suppressions), the growth-model assessment
`maturity` prints, and the rule context's own look-ups (SM301's fit of a
platform for an audience, SM403's posts per week, the channels nobody
covers). Nothing is judged a second time here: this module only arranges
and words what the lint run found, in the user's language.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import lru_cache

from .. import checks
from ..ruledata import maturity as growth
from ..ruledata.channeldata import DAYS, per_week
from ..data import read_yaml
from ..i18n import format_date, format_number
from ..language.smart import view as smart_view

SMART_LETTERS = {"S": "SM201", "M": "SM202", "A": "SM206", "R": "SM207", "T": "SM203"}
OWNER_CODE = "SM204"
STEP_OF_SECTION = {"audiences": "1", "objectives": "2", "channels": "3", "content": "4", "team": "5",
                   "tasks": "5", "calendar": "5", "maturity": "growth"}
STEP_OF_CODE = {"SM101": "1", "SM102": "1", "SM103": "2", "SM104": "3", "SM105": "4", "SM106": "5", "SM2": "2",
                "SM3": "3", "SM4": "4", "SM5": "5", "SM6": "growth"}
STEP_ORDER = ("general", "1", "2", "3", "4", "5", "growth")
MAX_COLUMNS = 106  # heat map columns: two years of weeks; longer periods go by month, then by year
MAX_AXIS = 50  # channels, audiences or team members in one table or chart: real plans have a handful
PALETTE = ("#2f6f4f", "#d08c2f", "#3b6ea8", "#a8485b", "#6b5ca5", "#4d9a9a", "#8a7a3a", "#c0608a")


@lru_cache(maxsize=None)
def words(lang: str) -> dict:
    return read_yaml("report.yaml")[lang]


def counted(pair: list[str], n: int, lang: str, **more) -> str:
    """["{n} entry", "{n} entries"] with n (and ``more``) filled in."""
    return pair[0 if n == 1 else 1].format(n=format_number(float(n), lang), **more)


def summary(findings) -> dict:
    counts = Counter(f.severity for f in findings)
    return {"error": counts["error"], "warning": counts["warning"], "info": counts["info"], "total": len(findings)}


def _number(value, lang: str) -> str:
    return format_number(float(value), lang) if value is not None else ""


def _percent(value: float, lang: str) -> str:
    return f"{format_number(round(value, 1), lang)}%"


class Page:
    """The view of one linted file: ``build()`` gives the template's data."""

    def __init__(self, result, lang: str, today: dt.date, version: str) -> None:
        self.result = result
        self.ctx = result.context
        self.doc = self.ctx.doc
        self.lang = lang
        self.today = today
        self.version = version
        self.words = words(lang)
        self.data = self.ctx.channel_data
        self.findings = result.findings

    # -- helpers ---------------------------------------------------------
    def findings_by_item(self, section: str) -> dict[str, list]:
        """The findings about each item of a section and everything in it, by the item's path
        (``/objectives/1`` holds those at ``/objectives/1`` and ``/objectives/1/deadline``)."""
        found: dict[str, list] = {}
        for f in self.findings:
            parts = f.path.split("/")
            if len(parts) >= 3 and parts[1] == section:
                found.setdefault("/".join(parts[:3]), []).append(f)
        return found

    def date(self, value) -> str:
        return format_date(value, self.lang) if value else ""

    def channel_name(self, cid: str) -> str:
        channel = self.ctx.channels_by_id.get(cid)
        platform = channel.platform if channel is not None else cid
        name = self.data.display(platform) if platform else cid
        return name if self.data.canonical(platform) == cid or name.lower() == cid else f"{name} ({cid})"

    def member_name(self, member_id: str | None) -> str:
        if not member_id:
            return ""
        member = self.ctx.ids("team").get(member_id)
        return (member.name or member_id) if member is not None else member_id

    @staticmethod
    def finding(f) -> dict:
        return {"rule": f.rule, "severity": f.severity, "message": f.message, "line": f.line, "column": f.column}

    # -- sections --------------------------------------------------------
    def build(self) -> dict:
        w = self.words
        organisation = self.doc.organisation
        name = organisation.name if organisation and organisation.name else self.result.file
        return {
            "lang": self.lang,
            "w": w,
            "title": w["title"].format(name=name),
            "organisation": name,
            "facts": self.facts(),
            "period": self.period(),
            "today": self.date(self.today),
            "generated": w["generated"].format(version=self.version, file=self.result.file, today=self.date(self.today)),
            "file": self.result.file,
            "summary": summary(self.findings),
            "maturity": self.maturity(),
            "smart": self.smart(),
            "matrix": self.matrix(),
            "content": self.content(),
            "calendar": self.calendar(),
            "team": self.team(),
            "findings": self.grouped_findings(),
            "retrospective": self.retrospective(),
        }

    def facts(self) -> list[str]:
        organisation = self.doc.organisation
        if organisation is None:
            return []
        w = self.words["facts"]
        facts = []
        if organisation.kind:
            facts.append(w["kind"].get(organisation.kind, organisation.kind))
        if organisation.sector:
            facts.append(organisation.sector)
        if organisation.size is not None:
            facts.append(counted(w["people"], organisation.size, self.lang))
        if organisation.region:
            region = self.data.region(organisation.region)
            facts.append(self.data.region_words(region, self.lang)[0] if region == organisation.region.lower()
                         else organisation.region)
        return facts

    def period(self) -> str:
        period = self.ctx.valid_period
        if period is None:
            return self.words["no_period"]
        return f"{self.date(period.start)} – {self.date(period.end)}"

    def maturity(self) -> dict:
        assessment = growth.assess(self.ctx)
        view = growth.view(self.result.file, assessment, self.lang)
        model = growth.model()
        view["ladder"] = [
            {"stage": stage, "name": model["stages"][stage]["name"][self.lang],
             "current": stage == assessment.stage, "declared": stage == assessment.declared,
             "reached": stage <= assessment.stage}
            for stage in range(1, growth.TOP + 1)
        ]
        return view

    def smart(self) -> dict:
        rows = []
        smart_codes = set(growth.SMART_CODES)
        by_objective = self.findings_by_item("objectives")
        for index, objective in enumerate(self.doc.objectives):
            path = self.ctx.path(objective) or f"/objectives/{index}"
            found = by_objective.get(path, [])
            by_code: dict[str, list] = {}
            for f in found:
                by_code.setdefault(f.rule, []).append(self.finding(f))
            notes: list[dict] = []

            def marks(items: list) -> list[int]:
                """Footnote numbers for findings, counted from 1 in the order they are shown."""
                start = len(notes)
                notes.extend(items)
                return list(range(start + 1, len(notes) + 1))

            letters = [{"letter": letter, "name": self.words["smart"]["letters"][letter],
                        "marks": marks(by_code.get(code, []))} for letter, code in SMART_LETTERS.items()]
            owner_marks = marks(by_code.get(OWNER_CODE, []))
            shown = set(SMART_LETTERS.values()) | {OWNER_CODE}
            marks([self.finding(f) for f in found if f.rule not in shown])
            view = smart_view(self.ctx, objective)
            rows.append({
                "id": objective.id or str(index + 1),
                "statement": objective.statement or "",
                "letters": letters,
                "owner": self.member_name(objective.owner),
                "owner_marks": owner_marks,
                "deadline": self.date(view.deadline),
                "target": self.target(view),
                "notes": notes,
                "smart": not any(f.rule in smart_codes for f in found),
            })
        smart = sum(1 for row in rows if row["smart"])
        count = self.words["smart"]["smart_count"].format(n=format_number(float(smart), self.lang),
                                                          total=format_number(float(len(rows)), self.lang))
        return {"rows": rows, "count": count, "smart": smart}

    def target(self, view) -> str:
        objective = view.objective
        baseline = _number(view.baseline, self.lang)
        goal = view.target_value
        if view.relative_target is not None:
            relative = (objective.target or "").strip()
            text = f"{format_number(round(goal), self.lang)} ({relative})" if goal is not None else relative
        else:
            text = _number(goal, self.lang)
        if baseline and text:
            return f"{baseline} → {text}"
        return text or baseline

    def matrix(self) -> dict:
        audiences = dict(list(self.ctx.ids("audiences").items())[:MAX_AXIS])
        channels = dict(list(self.ctx.channels_by_id.items())[:MAX_AXIS])
        fit = checks.load("SM301").fit
        organisation = self.doc.organisation
        region = self.data.region(organisation.region if organisation else None)
        region_name = self.data.region_words(region, self.lang)[0] if region else ""
        w = self.words["matrix"]
        columns = []
        for aid, audience in audiences.items():
            age = audience.age
            ages = ""
            if age is not None and (age.min is not None or age.max is not None):
                ages = f"{age.min}–{age.max}" if age.min is not None and age.max is not None else (
                    f"{age.min}+" if age.min is not None else f"≤ {age.max}")
            columns.append({"id": aid, "name": audience.name or aid, "ages": ages})
        rows = []
        threshold = None
        for cid, channel in channels.items():
            platform = self.data.canonical(channel.platform) if channel.platform else None
            served = set(channel.audiences or [])
            cells = []
            for aid, audience in audiences.items():
                verdict = fit(self.ctx, platform, audience)
                threshold = verdict.threshold
                cell = {"served": aid in served, "fit": {True: "good", False: "weak", None: "none"}[verdict.good],
                        "value": "", "source": "", "note": ""}
                if verdict.basis == "reach":
                    cell["value"] = f"{int(verdict.reach.value + 0.5)}%"
                    cell["source"] = self.data.citation(verdict.reach.figures, self.lang)
                    cell["note"] = ", ".join(verdict.reach.bands)
                elif verdict.basis == "business":
                    cell["note"] = w["business_yes"] if verdict.good else w["business_no"]
                    basis = (self.data.platform(platform) or {}).get("business_basis") or ""
                    cell["source"] = basis
                else:
                    cell["note"] = w["reasons"].get(verdict.reason, "")
                cells.append(cell)
            rows.append({"id": cid, "name": self.channel_name(cid), "handle": channel.handle or "", "cells": cells})
        if threshold is None:
            threshold = float(self.ctx.option("SM301", "min-reach"))
        caption = w["caption"].format(region=region_name or "-", threshold=format_number(threshold, self.lang))
        return {"columns": columns, "rows": rows, "caption": caption,
                "cut": self.cut(len(self.ctx.channels_by_id), len(self.ctx.ids("audiences")))}

    def cut(self, *sizes: int) -> str:
        """A note when a table shows only the first MAX_AXIS of something."""
        if max(sizes, default=0) <= MAX_AXIS:
            return ""
        return self.words["cut"].format(n=MAX_AXIS)

    def content(self) -> dict:
        w = self.words["content"]
        pillars = []
        total = 0.0
        for index, pillar in enumerate(self.ctx.pillars):
            share = pillar.share
            if share is not None:
                total += share
            names = [self.channel_name(c) for c in (self.ctx.resolve_channel(ref) for ref in pillar.channels or []) if c]
            pillars.append({"id": pillar.id or str(index + 1), "name": pillar.name or pillar.id or str(index + 1),
                            "share": _percent(share, self.lang) if share is not None else w["not_given"],
                            "value": share or 0.0, "formats": ", ".join(pillar.formats or []),
                            "channels": ", ".join(names), "colour": PALETTE[index % len(PALETTE)]})
        # the bar: each pillar's share of 100% (or of the total, when the shares add up to more)
        scale = max(total, 100.0)
        offset = 0.0
        for pillar in pillars:
            pillar["x"] = round(offset / scale * 100, 3)
            pillar["width"] = round(pillar["value"] / scale * 100, 3)
            offset += pillar["value"]
        cadence = self.cadence()
        return {"pillars": pillars, "total": _percent(total, self.lang), "total_value": total,
                "total_ok": abs(total - 100) < 0.05, "cadence": cadence}

    def cadence(self) -> dict:
        planned_per_week = checks.load("SM403").planned_per_week
        w = self.words["content"]
        rows = []
        for cid, channel in list(self.ctx.channels_by_id.items())[:MAX_AXIS]:
            planned = planned_per_week(self.ctx.cadence_by_channel.get(cid, []))
            low, high = self.data.cadence_range(channel.platform) if channel.platform else (None, None)
            low_week = per_week(low) if low else None
            high_week = per_week(high) if high else None
            fmt = lambda v: format_number(round(v, 1), self.lang)  # noqa: E731
            if low_week is not None and high_week is not None:
                advice = w["range"].format(low=fmt(low_week), high=fmt(high_week))
            elif low_week is not None:
                advice = w["at_least"].format(low=fmt(low_week))
            elif high_week is not None:
                advice = w["at_most"].format(high=fmt(high_week))
            else:
                advice = w["no_advice"]
            bounds = [b for b in (low, high) if b]
            source = self.data.citation(bounds, self.lang) if bounds else ""
            within = None
            if planned:
                within = (low_week is None or planned >= low_week - 1e-9) and (high_week is None or planned <= high_week + 1e-9)
            rows.append({"id": cid, "name": self.channel_name(cid), "planned": planned,
                         "planned_text": w["per_week"].format(posts=fmt(planned)) if planned else "–",
                         "low": low_week, "high": high_week, "advice": advice, "source": source,
                         "within": within})
        top = max([r["planned"] for r in rows] + [r["high"] or r["low"] or 0 for r in rows] + [1.0]) * 1.1
        for row in rows:
            row["dot"] = round(row["planned"] / top * 100, 3) if row["planned"] else None
            low = row["low"] or 0.0
            high = row["high"] if row["high"] is not None else (top if row["low"] is not None else None)
            row["band"] = (round(low / top * 100, 3), round((high - low) / top * 100, 3)) if high is not None else None
        ticks = _ticks(top)
        return {"rows": rows, "ticks": [{"x": round(t / top * 100, 3), "label": format_number(t, self.lang)} for t in ticks],
                "cut": self.cut(len(self.ctx.channels_by_id))}

    def calendar(self) -> dict:
        entries = [e for e in self.doc.calendar if e.date]
        period = self.ctx.valid_period
        w = self.words["calendar"]
        if period is not None:
            first, last = period.start, period.end
        elif entries:
            first, last = min(e.date for e in entries), max(e.date for e in entries)
        else:
            first = last = None
        heat = None
        outside = 0
        if entries and first is not None:
            heat, outside = self.heatmap(entries, first, last)
        tasks = []
        overdue = {f.path for f in self.findings if f.rule == "SM505"}
        status_words = self.words["status"]
        for index, task in enumerate(self.doc.tasks):
            tasks.append({"id": task.id or str(index + 1), "title": task.title or "", "owner": self.member_name(task.owner),
                          "due": self.date(task.due), "status": status_words.get(task.status, task.status or ""),
                          "overdue": self.ctx.path(task) in overdue})
        return {"heat": heat, "count": len(entries),
                "outside": counted(w["outside"], outside, self.lang) if outside else "", "tasks": tasks}

    def heatmap(self, entries, first: dt.date, last: dt.date):
        """Columns of weeks (months, years for long periods) × rows of channels; counts against the cadence."""
        unit, starts = _columns(first, last)
        shown_end = _next(starts[-1], unit)
        planned_per_week = checks.load("SM403").planned_per_week
        per_channel: dict[str, Counter] = {}
        outside = 0
        for entry in entries:
            cid = self.ctx.resolve_channel(entry.channel) or entry.channel or "?"
            if not (starts[0] <= entry.date < shown_end) or (entry.date < first or entry.date > last):
                outside += 1
                continue
            per_channel.setdefault(cid, Counter())[_column_start(entry.date, unit)] += 1
        channel_ids = (list(self.ctx.channels_by_id) + sorted(c for c in per_channel if c not in self.ctx.channels_by_id))
        channel_ids = channel_ids[:MAX_AXIS]
        lw = self.words["calendar"]["legend"]
        rows = []
        for cid in channel_ids:
            counts = per_channel.get(cid, Counter())
            weekly = planned_per_week(self.ctx.cadence_by_channel.get(cid, []))
            cells = []
            for start in starts:
                days = (_next(start, unit) - start).days
                expected = weekly * days / DAYS["week"] if weekly else None
                count = counts.get(start, 0)
                cells.append({"count": count, "level": _level(count, expected), "start": start})
            rows.append({"id": cid, "name": self.channel_name(cid) if cid in self.ctx.channels_by_id else cid,
                         "total": sum(counts.values()), "cells": cells})
        columns = []
        previous = None
        for index, start in enumerate(starts):
            end = _next(start, unit) - dt.timedelta(days=1) if _next(start, unit) != dt.date.max else start
            if unit == "week":  # a week is labelled with the month it ends in
                label = _month_short(end, self.lang) if previous is None or end.month != previous.month else ""
                title = f"{self.words['calendar']['week']} {start.isocalendar()[1]} ({self.date(start)})"
            elif unit == "month":
                label = _month_short(start, self.lang) if start.month in (1, 7) or index == 0 else ""
                title = f"{_month_short(start, self.lang)} {start.year}"
            else:
                label = str(start.year) if index % 5 == 0 else ""
                title = str(start.year)
            previous = end
            columns.append({"label": label, "title": title, "today": start <= self.today <= end})
        for row in rows:
            for cell, column in zip(row["cells"], columns):
                cell["title"] = f"{row['name']}, {column['title']}: {cell['count']} ({lw[cell['level']]})"
        levels = ("empty", "under", "ok", "over", "free") + (("today",) if any(c["today"] for c in columns) else ())
        legend = [{"level": level, "text": lw[level]} for level in levels]
        return {"unit": unit, "columns": columns, "rows": rows, "legend": legend,
                "cut": self.cut(len(self.ctx.channels_by_id) + len(per_channel))}, outside

    def team(self) -> dict:
        channels = list(self.ctx.channels_by_id)[:MAX_AXIS]
        uncovered = set(self.ctx.uncovered_channels)
        owned: dict[tuple[str, str], int] = Counter()
        for entry in self.doc.calendar:
            cid = self.ctx.resolve_channel(entry.channel)
            if entry.owner and cid:
                owned[(entry.owner, cid)] += 1
        w = self.words["team"]
        members = []
        for index, member in enumerate(self.doc.team[:MAX_AXIS]):
            listed = {self.ctx.resolve_channel(ref) for ref in member.channels or []}
            cells = []
            for cid in channels:
                n = owned.get((member.id, cid), 0) if member.id else 0
                cells.append({"covers": cid in listed, "owns": counted(w["owns"], n, self.lang) if n else ""})
            members.append({"id": member.id or str(index + 1), "name": member.name or member.id or str(index + 1),
                            "role": member.role or "", "department": member.department or "", "cells": cells})
        columns = [{"id": cid, "name": self.channel_name(cid), "uncovered": cid in uncovered} for cid in channels]
        note = ""
        if uncovered and self.doc.team:
            note = w["uncovered_note"].format(channels=", ".join(self.channel_name(c) for c in self.ctx.uncovered_channels))
        return {"columns": columns, "members": members, "note": note,
                "cut": self.cut(len(self.doc.team), len(self.ctx.channels_by_id))}

    def grouped_findings(self) -> list[dict]:
        groups: dict[str, list] = {}
        for f in self.findings:
            groups.setdefault(_step(f), []).append(self.finding(f))
        names = self.words["findings"]["steps"]
        return [{"step": step, "name": names[step], "entries": groups[step]} for step in STEP_ORDER if step in groups]

    def retrospective(self) -> dict | None:
        retro = self.doc.retrospective
        if retro is None or not (retro.rose or retro.thorn or retro.bud):
            return None
        return {"rose": list(retro.rose), "thorn": list(retro.thorn), "bud": list(retro.bud)}


def _step(finding) -> str:
    """The workshop step a finding belongs to: by the section it points at, else by its code."""
    section = finding.path.split("/")[1] if finding.path.startswith("/") else ""
    if section in STEP_OF_SECTION:
        return STEP_OF_SECTION[section]
    for prefix in (finding.rule, finding.rule[:3]):
        if prefix in STEP_OF_CODE:
            return STEP_OF_CODE[prefix]
    return "general"


def _ticks(top: float) -> list[float]:
    """Round tick values from 0 up to ``top`` (at most about six)."""
    step = 1.0
    for candidate in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        step = float(candidate)
        if top / step <= 6:
            break
    ticks = []
    value = 0.0
    while value <= top and len(ticks) < 12:
        ticks.append(value)
        value += step
    return ticks


def _column_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next(start: dt.date, unit: str) -> dt.date:
    try:
        if unit == "week":
            return start + dt.timedelta(days=7)
        if unit == "month":
            return start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
        return start.replace(year=start.year + 1)
    except (OverflowError, ValueError):  # the end of the calendar (year 9999)
        return dt.date.max


def _columns(first: dt.date, last: dt.date) -> tuple[str, list[dt.date]]:
    """The finest unit that shows ``first``..``last`` in at most MAX_COLUMNS columns, and the columns' starts."""
    for unit in ("week", "month", "year"):
        starts = []
        start = _column_start(first, unit)
        while start <= last and len(starts) <= MAX_COLUMNS:
            starts.append(start)
            following = _next(start, unit)
            if following == dt.date.max:
                break
            start = following
        if len(starts) <= MAX_COLUMNS or unit == "year":
            return unit, starts[:MAX_COLUMNS]
    raise AssertionError("unreachable")


def _level(count: int, expected: float | None) -> str:
    if count == 0:
        return "empty"
    if expected is None:
        return "free"
    if count * 2 < expected:
        return "under"
    if count > expected * 2 and count > 1:
        return "over"
    return "ok"


def _month_short(day: dt.date, lang: str) -> str:
    from ..i18n import MONTHS

    return MONTHS[lang][day.month - 1][:3]
