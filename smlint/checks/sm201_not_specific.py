"""SM201: not Specific: the objective names no channel or no metric.

A channel is named by the objective's ``channels``, by a channel that lists
the objective, or by a platform in the statement; a metric by ``metric`` or a
metric word in the statement ("fans", "volgers", "reach").
Fails: "Ik zal mijn aantal fans op sociale mediaplatforms vergroten" (no
platform). Passes: "... fans op de Facebook-pagina ...".
"""

from __future__ import annotations

from ..language.smart import channel_named, view

CODE = "SM201"


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        has_channel, has_metric = channel_named(ctx, v), v.metric_named
        if has_channel and has_metric:
            continue
        key = "no_channel" if has_metric else "no_metric" if has_channel else "neither"
        yield ctx.report(CODE, objective, key, id=objective.id or "?")
