"""SM204: the objective has no owner.

A sentence cannot say which team member owns it, so this needs ``owner``.
Fails: an objective without ``owner``. Passes: ``owner: anna``.
"""

from __future__ import annotations

CODE = "SM204"


def check(ctx):
    for objective in ctx.doc.objectives:
        if not objective.owner:
            yield ctx.report(CODE, objective, "missing", id=objective.id or "?")
