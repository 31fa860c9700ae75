"""SM103: step 2 is missing, the strategy has no objectives.

Fails: a file without ``objectives`` (or ``objectives: []``). Passes: one or
more objectives, even when one of them has a bad field (SM003 says so).
"""

from __future__ import annotations

CODE = "SM103"


def check(ctx):
    if not ctx.present("objectives"):
        yield ctx.report(CODE, ctx.section_path("objectives"), "missing")
