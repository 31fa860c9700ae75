"""SM205: vague statement: vague wording with no number and no date in it.

Fails: "Ik zal mijn aantal fans op sociale mediaplatforms vergroten".
Passes: "Tegen het einde van het jaar zal ik het aantal fans op de
Facebook-pagina met 10% verhogen" (vague verbs are fine once the statement
says how much and by when). The message proposes a SMART rewrite built from
the objective's fields, with placeholders where a field is missing.
"""

from __future__ import annotations

from ..i18n import format_date, format_number
from ..smart import metric_table, view

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
    if v.relative_target is not None and baseline is None:
        values["percent"] = format_number(v.relative_target, lang) + "%"
        return ctx.message_in(CODE, "rewrite_relative", lang, values)
    values["baseline"] = format_number(baseline, lang) if baseline is not None else word("ph_baseline")
    values["target"] = format_number(target, lang) if target is not None else word("ph_target")
    return ctx.message_in(CODE, "rewrite", lang, values)
