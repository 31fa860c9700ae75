"""SM508: an objective's owner covers none of the objective's channels.

The owner answers for the result; when they run none of the channels the
result has to come from, they depend on colleagues they may not have
agreed with. A member covers a channel as for SM506: it is in their
``channels``, or they own a calendar entry on it. Judged only when the
owner is a team member and the objective has live channels (its own, or
channels that list it). Points at the objective.
Fails: owner ``anna`` (channels: facebook) on an objective for Instagram.
Passes: owner ``sem`` with ``channels: [instagram]``.
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM508"


def _covered_by(ctx, member_id: str) -> set[str]:
    """The channels a member covers: in their ``channels``, or owner of a calendar entry on it (one pass per file)."""
    if "covered by" not in ctx.cache:
        covered: dict[str, set] = {}
        for member in ctx.doc.team:
            covered.setdefault(member.id, set()).update(ctx.resolve_channel(ref) for ref in member.channels or [])
        for entry, cid in zip(ctx.doc.calendar, ctx.entry_channels):
            covered.setdefault(entry.owner, set()).add(cid)
        for channels in covered.values():
            channels.discard(None)
        ctx.cache["covered by"] = covered
    return ctx.cache["covered by"].get(member_id, set())


def check(ctx):
    members = ctx.ids("team")
    for objective in ctx.doc.objectives:
        if not objective.owner or objective.owner not in members:
            continue  # SM204, SM004
        channels = [ctx.channel_id(ch) for ch in view(ctx, objective).channels if not ctx.dormant(ch)]
        channels = [cid for cid in channels if cid]
        if not channels or _covered_by(ctx, objective.owner) & set(channels):
            continue
        yield ctx.report(CODE, objective, "uncovered", id=objective.id or "?", owner=objective.owner,
                         channels=", ".join(channels))
