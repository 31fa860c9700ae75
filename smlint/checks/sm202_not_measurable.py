"""SM202: not Measurable: no numeric target, in the fields or the statement.

A ``target``, or a number or percentage in the statement that is not a year,
a date or a quarter, makes it measurable.
Fails: "Meer volgers op Instagram". Passes: "500 nieuwe volgers op Instagram".
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM202"


def check(ctx):
    for objective in ctx.doc.objectives:
        if objective.target is not None or view(ctx, objective).analysis.measurable:
            continue
        yield ctx.report(CODE, objective, "missing", id=objective.id or "?")
