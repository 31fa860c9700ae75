"""SM504: a channel with a cadence but no calendar entries.

The cadence says how often; the calendar says what and when. A channel with
a cadence that never appears in the calendar has a promise and no plan.
Points at the channel.
Fails: ``cadence: [{channel: instagram, posts: 3, per: week}]`` and no
calendar entry on instagram. Passes: one or more entries on it.
"""

from __future__ import annotations

CODE = "SM504"


def check(ctx):
    calendar = ctx.calendar_by_channel
    for cid in ctx.cadence_by_channel:
        if cid not in calendar and cid in ctx.live_channels:
            yield ctx.report(CODE, ctx.channels_by_id[cid], "empty", id=cid)
