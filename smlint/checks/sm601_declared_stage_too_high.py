"""SM601: the declared maturity stage is above the stage the evidence supports.

The stage is scored as ``smlint maturity`` does (SPEC section 6); the message
names what is missing for each stage up to the declared one. Points at
``/maturity/declared_stage``.
Fails: ``declared_stage: 3`` in a plan without a team. Passes: a declared
stage at or below the evidenced one.
"""

from __future__ import annotations

from ..ruledata.maturity import assess

CODE = "SM601"


def check(ctx):
    maturity = ctx.doc.maturity
    if maturity is None or maturity.declared_stage is None or maturity.declared_stage <= 1:
        return  # nothing declared, or the first stage, which every plan is at: no need to score the plan
    assessment = assess(ctx)
    declared = assessment.declared
    if declared is None or declared <= assessment.stage:
        return
    unmet = assessment.unmet(declared)
    missing = "; ".join(
        ctx.word(CODE, "stage", stage=stage, labels=", ".join(c.label(ctx.lang) for c in unmet if c.stage == stage))
        for stage in sorted({c.stage for c in unmet}))
    yield ctx.report(CODE, "/maturity/declared_stage", "too_high", declared=declared,
                     declared_name=assessment.name(ctx.lang, declared), stage=assessment.stage,
                     name=assessment.name(ctx.lang), missing=missing)
