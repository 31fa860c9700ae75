"""SM403: a cadence outside the platform's recommended range.

The channel's cadence entries are added up (posts per week) and compared
with the range in the channel data (Facebook 1-2 a day, Instagram 2-7 a
week, ...). Platforms without a sourced range (TikTok, YouTube, ...) are not
judged. Points at the channel's first cadence entry.
Fails: ``{channel: instagram, posts: 1, per: month}``. Passes: ``posts: 3, per: week``.
"""

from __future__ import annotations

from ..ruledata.channeldata import per_week

CODE = "SM403"


def planned_per_week(entries) -> float:
    """A channel's cadence entries added up, in posts per week (also the report's cadence chart)."""
    return sum(per_week({"posts": e.posts, "per": e.per}) for e in entries if e.posts and e.per)


def check(ctx):
    data = ctx.channel_data
    for cid, entries in ctx.cadence_by_channel.items():
        platform = ctx.channels_by_id[cid].platform
        if not platform or cid not in ctx.live_channels:
            continue
        low, high = data.cadence_range(platform)
        planned = planned_per_week(entries)
        if not planned:
            continue
        if low and planned < per_week(low):
            key, limit = "too_few", low
        elif high and planned > per_week(high):
            key, limit = "too_many", high
        else:
            continue
        yield ctx.report(CODE, ctx.path(entries[0]), key, id=cid, planned=round(planned, 1),
                         platform=data.display(platform), bound=ctx.how_often(limit),
                         citation=data.citation([limit], ctx.lang))
