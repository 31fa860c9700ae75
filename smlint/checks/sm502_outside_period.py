"""SM502: a task due date or calendar date outside the strategy's period.

Judged only when the period is valid (SM107 says when it is not). Points at
the task or calendar entry.
Fails: ``due: 2028-02-01`` in a 2027 plan. Passes: ``due: 2027-02-01``.
"""

from __future__ import annotations

CODE = "SM502"


def check(ctx):
    period = ctx.valid_period
    if period is None:
        return
    for task in ctx.doc.tasks:
        if task.due and not period.start <= task.due <= period.end:
            yield ctx.report(CODE, task, "task", id=task.id or "?", date=task.due, start=period.start, end=period.end)
    for entry in ctx.doc.calendar:
        if entry.date and not period.start <= entry.date <= period.end:
            yield ctx.report(CODE, entry, "entry", date=entry.date, channel=entry.channel or "?",
                             start=period.start, end=period.end)
