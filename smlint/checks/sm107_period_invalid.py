"""SM107: the period's end is not after its start.

Fails: ``period: {start: 2027-12-31, end: 2027-01-01}``. Passes: an end
after the start. A date that is not a date at all is SM003, not this.
"""

from __future__ import annotations

CODE = "SM107"


def check(ctx):
    period = ctx.doc.period
    if period is not None and period.start and period.end and ctx.valid_period is None:
        yield ctx.report(CODE, period, "invalid", start=period.start, end=period.end)
