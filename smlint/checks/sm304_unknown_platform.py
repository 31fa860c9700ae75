"""SM304: a platform that is not in the channel data, so its fit cannot be judged.

Known platforms and their aliases (``fb``, ``insta``, ``twitter``) are in
``rules/channels.yaml``; ``--channel-data`` can add more. Points at
``platform`` and suggests the closest known name or alias.
Fails: ``platform: instagam``. Passes: ``platform: insta``.
"""

from __future__ import annotations

CODE = "SM304"


def check(ctx):
    data = ctx.channel_data
    for channel in ctx.doc.channels:
        if not channel.platform or data.canonical(channel.platform):
            continue
        path = f"{ctx.path(channel)}/platform"
        hint = data.closest(channel.platform)
        known = ", ".join(sorted(data.platforms))
        key = "unknown_hint" if hint else "unknown"
        yield ctx.report(CODE, path, key, platform=channel.platform, hint=hint or "", known=known)
