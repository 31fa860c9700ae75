"""SM402: a channel without a cadence ("how often").

Step 4 of the workshop decides what you communicate and how often. A channel
has a cadence when an entry in ``content.cadence`` names it (by id, or by a
platform alias of it). Not reported when the whole ``content`` section is
missing (SM105 says that). Paused and archived channels need none. Points
at the channel.
Fails: channel ``instagram`` with no ``{channel: instagram, ...}`` entry.
Passes: ``cadence: [{channel: instagram, posts: 3, per: week}]``.
"""

from __future__ import annotations

CODE = "SM402"


def recommended(ctx, platform) -> str:
    """'Recommended for Facebook: 1 a day to 2 a day', or '' when the data has no range."""
    low, high = ctx.channel_data.cadence_range(platform)
    if not (low and high):
        return ""
    return ctx.word(CODE, "range", platform=ctx.channel_data.display(platform), low=ctx.how_often(low),
                    high=ctx.how_often(high))


def check(ctx):
    if not ctx.present("content"):
        return
    covered = ctx.cadence_by_channel
    for cid, channel in ctx.live_channels.items():
        if cid in covered:
            continue
        hint = recommended(ctx, channel.platform) if channel.platform else ""
        yield ctx.report(CODE, channel, "missing", id=cid, hint=hint)

