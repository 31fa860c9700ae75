"""What the SMART rules need to know about one objective, from its fields and statement.

The rule modules SM201-SM209 each read one aspect of this; it is computed
once per objective and cached on the rule context.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from ..classcache import dataclass
from ..data import read_yaml
from ..i18n import language_code
from .text import Analysis, analyse
from ..patterncache import compile as compile_kept

DAYS_PER_MONTH = 30.44
RELATIVE = compile_kept(r"\s*([+-]?)(\d+(?:[.,]\d+)?)\s*%\s*")


@lru_cache(maxsize=None)
def metric_table() -> dict:
    return read_yaml("metrics.yaml")


def canonical_metric(name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"[\s_]+", "-", name.strip().lower())
    table = metric_table()
    if key in table and key != "aliases":
        return key
    return table["aliases"].get(key)


@dataclass
class SmartView:
    objective: object
    analysis: Analysis
    channels: list  # channel objects linked to the objective, both ways
    metric: str | None  # canonical metric, from the field or the statement
    metric_named: bool
    deadline: dt.date | None  # the field, else the statement's time expression
    relative_target: float | None  # "+10%" as 10.0
    absolute_target: float | None
    baseline: float | None

    @property
    def target_value(self) -> float | None:
        """The target as an absolute number: the field, or the baseline grown by the relative target."""
        if self.absolute_target is not None:
            return float(self.absolute_target)
        if self.relative_target is not None and self.baseline is not None:
            return self.baseline * (1 + self.relative_target / 100)
        return None


def relative_value(target) -> float | None:
    if isinstance(target, str):
        match = RELATIVE.fullmatch(target)
        if match:
            value = float(match[2].replace(",", "."))
            if math.isfinite(value):  # else SM003 says the field is too large a number
                return -value if match[1] == "-" else value
    return None


def view(ctx, objective) -> SmartView:
    cache = ctx.cache.setdefault("smart", {})
    key = id(objective)
    if key in cache:
        return cache[key]
    period = ctx.doc.period
    start = period.start if period is not None else None
    languages = ctx.doc.organisation.languages if ctx.doc.organisation else []
    hint = None
    known = [code for code in map(language_code, languages) if code in ("nl", "en")]
    if len(known) == 1:
        hint = known[0]
    analysis = analyse(objective.statement or "", start, hint)
    linked = []
    for cid in objective.channels or []:
        channel = ctx.channels_by_id.get(cid)
        if channel is not None:
            linked.append(channel)
    for channel in ctx.doc.channels:
        if objective.id and objective.id in (channel.objectives or []) and channel not in linked:
            linked.append(channel)
    metric = canonical_metric(objective.metric) or (analysis.metrics[0] if analysis.metrics else None)
    relative = relative_value(objective.target)
    absolute = objective.target if isinstance(objective.target, (int, float)) else None
    baseline = objective.baseline if objective.baseline is not None else analysis.baseline
    result = SmartView(
        objective=objective,
        analysis=analysis,
        channels=linked,
        metric=metric,
        metric_named=bool(objective.metric or analysis.metrics),
        deadline=objective.deadline or (analysis.time.date if analysis.time else None),
        relative_target=relative,
        absolute_target=absolute,
        baseline=baseline,
    )
    cache[key] = result
    return result


def channel_named(ctx, v: SmartView) -> bool:
    return bool(v.objective.channels or v.channels or v.analysis.platforms)


def field_platforms(ctx, v: SmartView) -> set[str]:
    out = set()
    for channel in v.channels:
        if channel.platform:
            out.add(ctx.channel_data.canonical(channel.platform) or channel.platform)
    return out


def months_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / DAYS_PER_MONTH


def has_kpi(ctx, objective) -> bool:
    """A metric and a target, from the fields or the statement (the growth model's KPI)."""
    v = view(ctx, objective)
    return v.metric_named and (objective.target is not None or v.analysis.measurable)
