"""SM306: an audience that no objective is for.

Step 2 sets objectives for the audiences of step 1. An audience is named by
an objective when the objective lists it in ``audiences``; an objective
without ``audiences`` of its own counts for every audience of its channels
(its ``channels``, and the channels that list it in ``objectives``). Not
reported when there are no objectives at all (SM103 says that). Points at
the audience.
Fails: audience ``pers`` that no objective names. Passes: an objective with
``audiences: [pers]``, or one on a channel that serves ``pers``.
"""

from __future__ import annotations

from ..language.smart import view

CODE = "SM306"


def check(ctx):
    if not ctx.doc.objectives:
        return
    named: set[str] = set()
    for objective in ctx.doc.objectives:
        if objective.audiences:
            named.update(objective.audiences)
        else:
            for channel in view(ctx, objective).channels:
                named.update(channel.audiences or [])
    for audience in ctx.doc.audiences:
        if audience.id and audience.id not in named:
            yield ctx.report(CODE, audience, "no_objective", id=audience.id)
