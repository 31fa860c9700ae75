"""SM509: the plan's period ended before today.

A plan whose whole period lies in the past is a record, not a to-do list:
reporting every open task as overdue (SM505) or an empty calendar (SM507)
would bury the one thing worth saying. This rule says it once, at
``/period``, and the rules that judge against today stay silent.
Fails: ``period: {start: 2023-01-01, end: 2023-12-31}`` checked on
2027-03-01. Passes: a period that ends today or later.
"""

from __future__ import annotations

CODE = "SM509"


def check(ctx):
    if ctx.period_ended:
        period = ctx.valid_period
        yield ctx.report(CODE, period, "ended", start=period.start, end=period.end, today=ctx.today)
