"""SM401: content pillar shares that do not add up to 100%.

The shares say which part of the posts each pillar gets; together they must
make 100, give or take 1 for rounding (33 + 33 + 33 passes). Not judged when
no pillar has a share. Points at ``/content/pillars``.
Fails: shares 40, 40 and 40. Passes: 40, 35 and 25.
"""

from __future__ import annotations

CODE = "SM401"
TOLERANCE = 1.0


def check(ctx):
    pillars = ctx.pillars
    shares = [(p.id or "?", p.share) for p in pillars if p.share is not None]
    if not shares:
        return
    total = sum(share for _, share in shares)
    if abs(total - 100.0) <= TOLERANCE:
        return
    listed = " + ".join(f"{pid} {ctx.word(CODE, 'percent', share=share)}" for pid, share in shares)
    without = [p.id or "?" for p in pillars if p.share is None]
    rest = ctx.word(CODE, "without", ids=", ".join(without)) if without else ""
    yield ctx.report(CODE, "/content/pillars", "total", total=total, listed=listed, without=rest)
