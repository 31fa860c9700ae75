"""SM505: a task that is overdue.

Overdue: ``due`` strictly before today (``--today``, default the system date)
and a ``status`` other than ``done``. A task without a status is not judged:
nothing says it is still open (SPEC section 8). When the whole period ended
before today, SM509 says so once instead of this rule per task. Points at the
task.
Fails: ``{due: 2027-01-20, status: doing}`` on 2027-02-01. Passes:
``status: done``, no status, or a due date today or later.
"""

from __future__ import annotations

CODE = "SM505"


def check(ctx):
    if ctx.period_ended:
        return
    for task in ctx.doc.tasks:
        if task.due and task.due < ctx.today and task.status in ("todo", "doing"):
            yield ctx.report(CODE, task, "overdue", id=task.id or "?", due=task.due, today=ctx.today,
                             status=task.status)
