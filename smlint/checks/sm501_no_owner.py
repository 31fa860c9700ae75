"""SM501: a task or calendar entry without an owner.

Step 5 of the workshop assigns tasks to the team; work nobody owns does not
get done. Points at the task or calendar entry. (A missing owner is SM501,
not SM003: ``owner`` is optional in the schema, SPEC section 7.) Work that is
finished needs no owner any more: a task with ``status: done`` and a calendar
entry with ``status: published`` are not reported (SPEC section 8).
Fails: ``{id: photos, title: Photo shoot}``. Passes: ``owner: anna``, or
``status: done``.
"""

from __future__ import annotations

CODE = "SM501"


def check(ctx):
    for task in ctx.doc.tasks:
        if not task.owner and task.status != "done":
            yield ctx.report(CODE, task, "task", id=task.id or "?")
    for entry in ctx.doc.calendar:
        if not entry.owner and entry.status != "published":
            yield ctx.report(CODE, entry, "entry", date=entry.date or "?", channel=entry.channel or "?")
