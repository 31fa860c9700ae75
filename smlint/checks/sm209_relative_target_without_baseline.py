"""SM209: a relative target ("+10%") without a baseline.

Fires when ``target`` is relative or the statement says "met 10%" / "by 10%",
and there is no ``baseline`` and no "van 1.200" / "from 1,200" in the
statement: progress cannot be tracked in absolute numbers.
Passes: ``target: "+10%"`` with ``baseline: 1200``.
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM209"


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        relative = v.relative_target if v.relative_target is not None else (v.analysis.relative or [None])[0]
        if relative is not None and v.baseline is None:
            yield ctx.report(CODE, objective, "missing", id=objective.id or "?", percent=f"{abs(relative):g}%")
