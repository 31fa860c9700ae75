"""SM102: an audience described too thinly for its segment.

A ``consumer`` audience (also one without ``segment``) is described by the
workshop's five dimensions: age, gender, occupations, income and interests;
fewer than 3 fire. A ``business``, ``internal`` or ``public`` audience (press,
politicians, staff, business buyers) is described by who they are
(occupations or roles, ``sectors``, ``departments``) and what interests them;
it is never asked for age, gender or income (SPEC section 8). An audience
without ``segment`` whose id or name names a role ("pers", "medewerkers") is
judged as that segment when the consumer dimensions fall short, and the
message says so.
Fails: ``{id: buurt, name: Buurtbewoners}``; ``{id: pers, segment: public}``.
Passes: three consumer dimensions; ``{id: pers, segment: public,
occupations: [journalisten], interests: [lokaal nieuws]}``.
"""

from __future__ import annotations

from ..language.audiences import inferred_segment

CODE = "SM102"
DIMENSIONS = ("age", "gender", "occupations", "income", "interests")
MINIMUM = 3


def _role_gaps(audience) -> list[str]:
    """What a role-defined audience lacks: who they are, what interests them."""
    missing = []
    if not (audience.occupations or audience.sectors or audience.departments):
        missing.append("dim_role")
    if not audience.interests:
        missing.append("dim_interests")
    return missing


def check(ctx):
    for audience in ctx.doc.audiences:
        segment = audience.segment or "consumer"
        if segment != "consumer":
            gaps = _role_gaps(audience)
            if gaps:
                yield ctx.report(CODE, audience, "role_based", id=audience.id or "?",
                                 segment=ctx.word(CODE, f"segment_{segment}"),
                                 missing=ctx.word(CODE, "and").join(ctx.word(CODE, g) for g in gaps), assumed="")
            continue
        missing = [d for d in DIMENSIONS if not getattr(audience, d)]
        if len(DIMENSIONS) - len(missing) >= MINIMUM:
            continue
        inferred = inferred_segment(audience)
        if inferred is not None:
            gaps = _role_gaps(audience)
            if gaps:
                yield ctx.report(CODE, audience, "role_based", id=audience.id or "?",
                                 segment=ctx.word(CODE, f"segment_{inferred[0]}"),
                                 missing=ctx.word(CODE, "and").join(ctx.word(CODE, g) for g in gaps),
                                 assumed=ctx.word(CODE, "assumed", word=inferred[1], segment=inferred[0]))
            continue
        words = ", ".join(ctx.word(CODE, f"dim_{d}") for d in missing)
        yield ctx.report(CODE, audience, "underspecified", id=audience.id or "?", missing=words,
                         count=len(DIMENSIONS) - len(missing))
