"""SM207: not Relevant: the objective reaches no audience.

It reaches one through its own ``audiences``, through a channel that lists it
in ``objectives``, or through a channel named in its own ``channels`` that
has audiences (SPEC section 7).
Fails: an objective with no audiences whose channel serves none. Passes:
``audiences: [jonge-gezinnen]``.
"""

from __future__ import annotations

CODE = "SM207"


def check(ctx):
    for objective in ctx.doc.objectives:
        if objective.audiences:
            continue
        listed = any(objective.id and objective.id in (ch.objectives or []) for ch in ctx.doc.channels)
        through = any(
            ctx.channels_by_id[cid].audiences for cid in objective.channels or [] if cid in ctx.channels_by_id
        )
        if not (listed or through):
            yield ctx.report(CODE, objective, "no_audience", id=objective.id or "?")
