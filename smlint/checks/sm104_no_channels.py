"""SM104: step 3 is missing, the strategy has no channels.

Fails: a file without ``channels`` (or ``channels: []``). Passes: one or
more channels, even when one of them has a bad field (SM003 says so).
"""

from __future__ import annotations

CODE = "SM104"


def check(ctx):
    if not ctx.present("channels"):
        yield ctx.report(CODE, ctx.section_path("channels"), "missing")
