"""SM208: the statement says something else than the fields.

Compares only what both say: a number (10% agrees with target 1320 on
baseline 1200; the number after "naar" / "to" is the statement's target, so
"van 1.200 naar 2.000" disagrees with target 1500; a year-like number next
to a metric, "naar 2000 volgers", is a number, not a year), a platform in
the statement that the objective's channels lack, or a date. Fields saying
more than the statement is fine.
Fails: statement "10% meer fans" with ``target: "+20%"``. Passes: the same
statement with ``target: 1320`` and ``baseline: 1200``.
"""

from __future__ import annotations

from ..language.smart import field_platforms, view

CODE = "SM208"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, abs(b) * 0.005)


def check(ctx):
    for objective in ctx.doc.objectives:
        v = view(ctx, objective)
        a = v.analysis
        oid = objective.id or "?"
        field_pct = v.relative_target
        if field_pct is None and v.absolute_target is not None and objective.baseline:
            field_pct = (v.absolute_target / objective.baseline - 1) * 100
        statement_pcts = a.relative or a.percents
        if statement_pcts and field_pct is not None:
            if not any(_close(p, abs(field_pct)) for p in statement_pcts):
                yield ctx.report(CODE, objective, "number_percent", id=oid,
                                 said=", ".join(f"{p:g}%" for p in statement_pcts), field=f"{abs(field_pct):.3g}%")
        elif a.target is not None and v.target_value is not None and not _close(a.target, v.target_value):
            # "van 1.200 naar 2.000 volgers" against target 1500: the number the statement ends at is the target
            yield ctx.report(CODE, objective, "number", id=oid, said=f"{a.target:g}", field=f"{v.target_value:g}")
        elif a.numbers and (v.absolute_target is not None or (field_pct is not None and objective.baseline)):
            numbers = {objective.baseline, v.absolute_target}
            if v.relative_target is not None and objective.baseline:
                numbers.add(objective.baseline * (1 + v.relative_target / 100))
            numbers.discard(None)
            if not any(_close(n, f) for n in a.numbers for f in numbers):
                yield ctx.report(CODE, objective, "number", id=oid, said=", ".join(f"{n:g}" for n in a.numbers),
                                 field=", ".join(f"{n:g}" for n in sorted(numbers)))
        named = field_platforms(ctx, v)
        extra = [p for p in a.platforms if p not in named]
        if named and extra:
            yield ctx.report(CODE, objective, "platform", id=oid,
                             said=", ".join(ctx.channel_data.display(p) for p in extra),
                             field=", ".join(ctx.channel_data.display(p) for p in sorted(named)))
        if objective.deadline and a.time and a.time.date:
            slack = 3 if a.time.kind == "duration" else 1
            if abs((a.time.date - objective.deadline).days) > slack:
                yield ctx.report(CODE, objective, "deadline", id=oid, text=a.time.text, said=a.time.date,
                                 field=objective.deadline)
