"""SM303: a channel that is an island ("eilandje"): it serves no audience and no objective.

The growth model warns against channels run as islands nobody has thought
through. A channel is linked when it lists ``audiences`` or ``objectives``,
or when an objective names it in its own ``channels`` (that objective has
thought it through).
Fails: ``{platform: tiktok}``. Passes: ``{platform: tiktok, audiences: [students]}``.
"""

from __future__ import annotations

CODE = "SM303"


def check(ctx):
    named = {cid for objective in ctx.doc.objectives for cid in objective.channels or []}
    for channel in ctx.doc.channels:
        cid = ctx.channel_id(channel)
        if ctx.dormant(channel) or channel.audiences or channel.objectives or (cid and cid in named):
            continue
        yield ctx.report(CODE, channel, "island", id=cid or "?")
