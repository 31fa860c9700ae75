"""SM404: a content pillar none of whose formats a channel's platform carries.

For each channel of the pillar (all channels when the pillar names none),
the pillar's ``formats`` are compared with the formats the platform carries
in the channel data: a text-only pillar on TikTok has nothing to post.
Pillars without formats, and unknown platforms, are not judged. Points at
the pillar.
Fails: ``{id: news, formats: [text], channels: [tiktok]}``. Passes:
``formats: [text, video]``.
"""

from __future__ import annotations

CODE = "SM404"


def check(ctx):
    data = ctx.channel_data
    channels = ctx.channels_by_id
    for pillar in ctx.pillars:
        if not pillar.formats:
            continue
        for cid in dict.fromkeys(pillar.channels or list(channels)):
            channel = channels.get(cid)
            if channel is not None and ctx.dormant(channel):
                continue
            carried = data.formats(channel.platform) if channel is not None and channel.platform else None
            if not carried or set(pillar.formats) & set(carried):
                continue
            yield ctx.report(CODE, pillar, "unsupported", id=pillar.id or "?", channel=cid,
                             platform=data.display(channel.platform), formats=", ".join(pillar.formats),
                             carried=", ".join(carried))
