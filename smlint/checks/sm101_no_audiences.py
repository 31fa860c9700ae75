"""SM101: step 1 is missing, the strategy has no audiences.

Fails: a file without ``audiences`` (or ``audiences: []``). Passes: one or
more audiences, even when one of them has a bad field (SM003 says so).
"""

from __future__ import annotations

CODE = "SM101"


def check(ctx):
    if not ctx.present("audiences"):
        yield ctx.report(CODE, ctx.section_path("audiences"), "missing")
