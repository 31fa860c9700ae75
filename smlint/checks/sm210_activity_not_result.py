"""SM210: an activity, not a result: the objective is an output of step 4.

"Twee keer per dag posten", "launch a campaign", "produce better content",
"encourage shares", "we zetten Instagram in": what the team does, not what
it achieves for an audience. The workshop puts these in step 4 (what you
communicate, and how often) and asks which result they serve. Fires when the
objective's metric is the number of posts, or when the statement names an
activity (``activities`` in rules/vocabulary.yaml) and no measurable result:
a metric other than posts, with a number (``target`` or in the statement).
A SMART outcome that says how it will be reached ("... by posting 3 Reels a
week") does not fire. Points at the statement.
"""

from __future__ import annotations

from ..language import wording
from ..language.smart import canonical_metric, view

CODE = "SM210"
OUTPUT = "posts"


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        statement = objective.statement or ""
        field_metric = canonical_metric(objective.metric)
        results = [m for m in ([field_metric] if field_metric else []) + list(v.analysis.metrics) if m != OUTPUT]
        measurable = objective.target is not None or v.analysis.measurable
        if field_metric == OUTPUT or (not results and OUTPUT in v.analysis.metrics and measurable):
            words = wording.activities().find(statement) or [ctx.message_in(CODE, "posts", v.analysis.lang)]
        elif not (results and measurable):  # a measurable result: its activity words are how it is reached
            words = wording.activities().find(statement)
            if not words:
                continue
        else:
            continue
        yield ctx.report(CODE, f"{ctx.path(objective)}/statement", "activity", id=objective.id or "?",
                         words=", ".join(f"'{w}'" for w in words))
