"""SM205: vague statement: vague wording with no number and no date in it.

Fails: "Ik zal mijn aantal fans op sociale mediaplatforms vergroten".
Passes: "Tegen het einde van het jaar zal ik het aantal fans op de
Facebook-pagina met 10% verhogen" (vague verbs are fine once the statement
says how much and by when). Vague wording is found in every form of the
listed verbs ("verhoogd", "grew") and in phrases ("naar buiten treden",
"build relationships"), shrinking words too ("minder", "reduce"). The message
proposes a SMART rewrite built from the objective's fields, with placeholders
where a field is missing; it reduces instead of grows when the metric shrinks
(response time, complaints) or the statement asks for less.
"""

from __future__ import annotations

from ..language import wording
from ..i18n import format_date, format_number
from ..language.smart import canonical_metric, metric_table, view

CODE = "SM205"


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        a = v.analysis
        if not a.vague or a.measurable or a.time is not None:
            continue
        yield ctx.report(CODE, f"{ctx.path(objective)}/statement", "vague", id=objective.id or "?",
                         words=", ".join(f"'{w}'" for w in a.vague), proposal=proposal(ctx, v))


def proposal(ctx, v) -> str:
    lang = v.analysis.lang
    o = v.objective
    word = lambda key: ctx.message_in(CODE, key, lang)  # noqa: E731
    deadline = format_date(o.deadline, lang) if o.deadline else word("ph_deadline")
    metric = metric_table()[v.metric]["names"][lang] if v.metric in metric_table() else word("ph_metric")
    names = [ctx.channel_data.display(ch.platform) for ch in v.channels if ch.platform]
    platform = " / ".join(names) if names else word("ph_platform")
    baseline = v.baseline
    target = v.target_value
    values = {"deadline": deadline, "metric": metric, "platform": platform}
    down = "_down" if shrinks(v) else ""
    if v.relative_target is not None and baseline is None:
        values["percent"] = format_number(abs(v.relative_target), lang) + "%"
        return ctx.message_in(CODE, "rewrite_relative" + down, lang, values)
    values["baseline"] = format_number(baseline, lang) if baseline is not None else word("ph_baseline")
    values["target"] = format_number(target, lang) if target is not None else word("ph_target")
    return ctx.message_in(CODE, "rewrite" + down, lang, values)


def shrinks(v) -> bool:
    """Whether the goal is to get less: the `metric` field's direction (rules/metrics.yaml), a negative
    relative target, the statement's words ("minder", "reduce"), else the direction of the metric it names."""
    field = canonical_metric(v.objective.metric)
    if field in metric_table() and metric_table()[field].get("direction"):
        return metric_table()[field]["direction"] == "down"
    if v.relative_target is not None:
        return v.relative_target < 0
    if wording.shrinking().search(v.objective.statement or ""):
        return True
    return (metric_table().get(v.metric) or {}).get("direction") == "down"
