"""SM207: not Relevant: the objective reaches no audience.

It reaches one through its own ``audiences``, through a channel that lists it
in ``objectives``, through a channel named in its own ``channels`` (or
``channels: all``) that has audiences, or through a channel of the plan whose
platform the statement names ("... on Instagram") and that has audiences
(SPEC sections 7 and 8).
Fails: an objective with no audiences whose channel serves none. Passes:
``audiences: [jonge-gezinnen]``, or "500 volgers op Instagram" when the
plan's Instagram channel serves an audience.
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM207"


def _named_in_statement(ctx, objective) -> list:
    """The plan's channels on a platform the statement names."""
    platforms = set(view(ctx, objective).analysis.platforms)
    if not platforms:
        return []
    data = ctx.channel_data
    return [ch for ch in ctx.doc.channels if ch.platform and (data.canonical(ch.platform) or ch.platform) in platforms]


def check(ctx):
    for objective in ctx.doc.objectives:
        if objective.audiences:
            continue
        listed = any(objective.id and objective.id in (ch.objectives or []) for ch in ctx.doc.channels)
        through = any(
            ctx.channels_by_id[cid].audiences for cid in objective.channels or [] if cid in ctx.channels_by_id
        )
        if listed or through or any(ch.audiences for ch in _named_in_statement(ctx, objective)):
            continue
        yield ctx.report(CODE, objective, "no_audience", id=objective.id or "?")
