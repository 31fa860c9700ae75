"""SM105: step 4 is missing, no content plan (neither pillars nor cadence).

Fails: no ``content``, or ``content`` with empty ``pillars`` and ``cadence``.
Passes: pillars, or a cadence, or both.
"""

from __future__ import annotations

CODE = "SM105"


def check(ctx):
    if not (ctx.present("content", "pillars") or ctx.present("content", "cadence")):
        yield ctx.report(CODE, ctx.section_path("content"), "missing")
