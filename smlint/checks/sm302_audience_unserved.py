"""SM302: an audience that no channel serves.

An audience is served when some channel lists it in ``audiences``; a channel
that fits it badly still serves it (SM301 says how badly); a paused or
archived channel does not (it posts nothing). Not reported when
the strategy has no channels at all (SM104 says that).
Fails: audience ``seniors`` in no channel's ``audiences``. Passes:
``channels: [{platform: facebook, audiences: [seniors]}]``.
"""

from __future__ import annotations

CODE = "SM302"


def check(ctx):
    if not ctx.present("channels"):
        return
    served = {audience for channel in ctx.doc.channels if not ctx.dormant(channel) for audience in channel.audiences or []}
    for audience in ctx.doc.audiences:
        if audience.id and audience.id not in served:
            yield ctx.report(CODE, audience, "unserved", id=audience.id)
