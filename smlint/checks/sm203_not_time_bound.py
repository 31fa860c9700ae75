"""SM203: not Time-bound: no deadline, or a deadline outside the period.

A ``deadline`` or a time expression in the statement ("tegen het einde van
het jaar", "by June 30", "Q3 2027", "binnen 6 maanden") makes it time-bound;
it must fall inside the period.
Fails: "Meer fans op Facebook". Passes: "Tegen eind 2027 10% meer fans op Facebook".
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM203"


def check(ctx):
    period = ctx.valid_period
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        if objective.deadline is None and v.analysis.time is None:
            yield ctx.report(CODE, objective, "missing", id=objective.id or "?")
            continue
        if period is None or v.deadline is None:
            continue
        if not period.start <= v.deadline <= period.end:
            where = f"{ctx.path(objective)}/deadline" if objective.deadline else ctx.path(objective)
            key = "outside_field" if objective.deadline else "outside_statement"
            yield ctx.report(CODE, where, key, id=objective.id or "?", deadline=v.deadline,
                             start=period.start, end=period.end,
                             text=v.analysis.time.text if v.analysis.time else "")
