"""SM106: step 5 is missing: no team, or neither tasks nor a calendar.

Fails: no ``team``; or a team but no ``tasks`` and no ``calendar``.
Passes: a team plus tasks or a calendar (or both).
"""

from __future__ import annotations

CODE = "SM106"


def check(ctx):
    has_team = ctx.present("team")
    has_plan = ctx.present("tasks") or ctx.present("calendar")
    if not has_team and not has_plan:
        yield ctx.report(CODE, "", "missing_both")
    elif not has_team:
        yield ctx.report(CODE, "", "missing_team")
    elif not has_plan:
        yield ctx.report(CODE, ctx.section_path("team"), "missing_plan")
