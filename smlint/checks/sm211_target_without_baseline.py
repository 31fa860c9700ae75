"""SM211: an absolute target without a baseline, so achievability cannot be judged.

SM206 judges whether a growth target is achievable from its baseline. An
objective with an absolute ``target`` (``target: 5000``) on a metric that has
a growth bound in ``rules/metrics.yaml`` (followers, reach, views,
engagement, clicks), but no ``baseline`` and no "van 1.200" / "from 1,200"
in the statement, cannot be judged; this rule says so. Relative targets
without a baseline are SM209. Points at the objective.
Fails: ``{metric: followers, target: 5000}``. Passes: the same with
``baseline: 3200``.
"""

from __future__ import annotations

from ..language.smart import metric_table, view

CODE = "SM211"


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        if v.absolute_target is None or v.baseline is not None or ctx.written(objective, "baseline"):
            continue  # a baseline that failed validation is SM003's
        info = metric_table().get(v.metric) if v.metric else None
        if not info or info.get("direction") != "up" or not info.get("max_monthly_growth"):
            continue
        yield ctx.report(CODE, objective, "missing", id=objective.id or "?", target=float(v.absolute_target),
                         metric=info["names"][ctx.lang])
