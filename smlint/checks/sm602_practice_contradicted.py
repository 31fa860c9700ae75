"""SM602: a practice declared but contradicted by the document.

Checked (SPEC section 7): ``kpis: true`` yet no objective has a metric and a
target; ``written_strategy: true`` yet a step is missing; ``team_roles: true``
yet a channel is covered by no one. Points at the practice.
Fails: ``kpis: true`` with only "More followers" as objective. Passes: the
same with "500 followers on Instagram by June 30".
"""

from __future__ import annotations

from ..ruledata.maturity import assess
from ..language.smart import has_kpi

CODE = "SM602"
PRACTICES = "/maturity/practices"


def check(ctx):
    maturity = ctx.doc.maturity
    practices = maturity.practices if maturity else None
    if practices is None:
        return
    criteria = {c.id: c for c in assess(ctx).criteria}
    if practices.kpis is True and not any(has_kpi(ctx, o) for o in ctx.doc.objectives):
        yield ctx.report(CODE, f"{PRACTICES}/kpis", "kpis")
    if practices.written_strategy is True and not criteria["written_strategy"].met:
        yield ctx.report(CODE, f"{PRACTICES}/written_strategy", "written_strategy",
                         detail=criteria["written_strategy"].detail)
    uncovered = ctx.uncovered_channels
    if practices.team_roles is True and uncovered:
        yield ctx.report(CODE, f"{PRACTICES}/team_roles", "team_roles", ids=", ".join(uncovered))
