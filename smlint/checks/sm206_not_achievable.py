"""SM206: not Achievable: the target is not beyond the baseline, or grows implausibly fast.

Applies to growth goals on metrics that should grow (rules/metrics.yaml):
a positive relative target, or an absolute target with a baseline. Growth
per month, compounded from the period start to the deadline (months =
days / 30.44), must stay under the metric's bound (followers: 12%, after
the published benchmarks cited in rules/metrics.yaml).
Fails: followers from 1,000 to 50,000 in six months, or 1,100 to 9,000 in a
year. Passes: 1,200 to 1,320 in a year. Not judged without a baseline or with an invalid period.
"""

from __future__ import annotations

from ..language.smart import metric_table, months_between, view

CODE = "SM206"


def check(ctx):
    period = ctx.valid_period
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        info = metric_table().get(v.metric) if v.metric else None
        if not info or info.get("direction") != "up" or v.baseline is None:
            continue
        target = v.target_value
        if target is None:
            continue
        if target <= v.baseline:
            yield ctx.report(CODE, objective, "not_beyond", id=objective.id or "?", target=target, baseline=float(v.baseline))
            continue
        bound = info.get("max_monthly_growth")
        if not bound or v.baseline <= 0 or period is None:
            continue
        end = v.deadline or period.end
        months = months_between(period.start, end)
        if months <= 0:
            continue
        monthly = (target / v.baseline) ** (1 / months) - 1
        if monthly > bound:
            yield ctx.report(CODE, objective, "too_fast", id=objective.id or "?", baseline=float(v.baseline),
                             target=target, months=round(months, 1), monthly=round(monthly * 100, 1),
                             bound=round(bound * 100), metric=info["names"][ctx.lang])
