"""SM506: a channel that no team member covers.

Covered: a team member lists the channel in ``channels``, or owns a calendar
entry on it. Not reported when there is no team (SM106 says that). Points at
the channel.
Fails: channel ``tiktok`` with no member for it. Passes: ``team: [{id: sem,
channels: [tiktok]}]``.
"""

from __future__ import annotations

CODE = "SM506"


def check(ctx):
    if not ctx.doc.team:
        return
    for cid in ctx.uncovered_channels:
        yield ctx.report(CODE, ctx.channels_by_id[cid], "uncovered", id=cid)
