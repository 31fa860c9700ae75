"""SM102: an audience described by fewer than 3 of the workshop's dimensions.

The workshop's step 1 names age, gender, occupation, income and interests.
Fails: ``{id: buurt, name: Buurtbewoners}``. Passes: three or more of them.
"""

from __future__ import annotations

CODE = "SM102"
DIMENSIONS = ("age", "gender", "occupations", "income", "interests")
MINIMUM = 3


def check(ctx):
    for audience in ctx.doc.audiences:
        missing = [d for d in DIMENSIONS if not getattr(audience, d)]
        if len(DIMENSIONS) - len(missing) < MINIMUM:
            words = ", ".join(ctx.word(CODE, f"dim_{d}") for d in missing)
            yield ctx.report(CODE, audience, "underspecified", id=audience.id or "?", missing=words,
                             count=len(DIMENSIONS) - len(missing))
