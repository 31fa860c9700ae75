"""SM505: a task that is overdue.

Overdue: ``due`` strictly before today (``--today``, default the system date)
and ``status`` not ``done`` (no status counts as not done). Points at the task.
Fails: ``{due: 2027-01-20, status: doing}`` on 2027-02-01. Passes:
``status: done``, or a due date today or later.
"""

from __future__ import annotations

CODE = "SM505"


def check(ctx):
    for task in ctx.doc.tasks:
        if task.due and task.due < ctx.today and task.status != "done":
            yield ctx.report(CODE, task, "overdue", id=task.id or "?", due=task.due, today=ctx.today,
                             status=task.status or "-")
