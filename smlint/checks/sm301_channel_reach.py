"""SM301: a channel that reaches little of its audience.

For every audience a channel lists (SPEC section 7):

- ``consumer`` and ``public`` audiences, and those without a ``segment``, with
  an ``age``: the platform's share of that age range in the organisation's
  region, from the channel data, weighted by the years the range covers in
  each data band. Below ``min-reach`` (default 20%) it fires.
- ``business`` audiences: the platform's ``business`` flag in the channel
  data; ``false`` fires (TikTok, Snapchat, Pinterest).
- an audience without ``age`` whose words name an age group ("senioren",
  "students", "65-plussers"; ``audience_words`` in ``rules/channels.yaml``)
  is judged for those ages, and one for everyone in a place ("inwoners",
  "residents") by the platform's share of all adults; the message says what
  was assumed (SPEC section 8).
- ``internal`` audiences, other audiences without an age, paused or archived
  channels, unknown platforms and bands without a published figure: not
  judged.

Fails: ``{platform: tiktok, audiences: [seniors]}`` with ``seniors`` aged
65+ in the US (TikTok reaches about 12%). Passes: YouTube for the same
audience (about 64%).
"""

from __future__ import annotations


from ..language.audiences import AssumedAge, assumed_age
from ..ruledata.channeldata import OPEN_BAND_END, Reach
from ..classcache import dataclass

CODE = "SM301"
OPTIONS = {"min-reach": 20}


def age_range(age) -> tuple[int, int] | None:
    """The ages an audience covers, as (low, high); None when it has no usable age."""
    if age is None or (age.min is None and age.max is None):
        return None
    low = age.min if age.min is not None else 0
    high = age.max if age.max is not None else max(OPEN_BAND_END, low)
    return (low, high) if low <= high else None


def age_words(ctx, age) -> str:
    if age.min is not None and age.max is not None:
        return ctx.word(CODE, "age_range", low=age.min, high=age.max)
    if age.min is not None:
        return ctx.word(CODE, "age_from", low=age.min)
    return ctx.word(CODE, "age_upto", high=age.max)


def assumed_words(ctx, assumed) -> str:
    """What was assumed for an audience without an age, to say in the message."""
    if assumed.ages is None:
        return ctx.word(CODE, "assumed_public", word=assumed.word)
    low, high = assumed.ages
    ages = ctx.word(CODE, "age_from", low=low) if high >= OPEN_BAND_END else ctx.word(CODE, "age_range", low=low, high=high)
    return ctx.word(CODE, "assumed_age", ages=ages, word=assumed.word)


def about(value: float) -> int:
    return int(value + 0.5)


def best_alternative(ctx, region: str, ages: tuple[int, int] | None, current: str, floor: float):
    """The platform that reaches this age range (None: everyone) best, when it beats the current one and the threshold."""
    data = ctx.channel_data
    best = None
    for name in sorted(data.platforms):
        if name == current:
            continue
        reach = data.reach(name, region, *ages) if ages else data.reach_all(name, region)
        if reach is not None and reach.value >= floor and (best is None or reach.value > best[1].value):
            best = (name, reach)
    return best


@dataclass(frozen=True)
class Fit:
    """How well a platform reaches one audience: SM301's verdict, also shown in the report's matrix.

    ``basis`` is ``reach`` (a figure for the audience's ages), ``business``
    (the platform's business flag) or ``none`` (not judged: an internal
    audience, no age, an unknown platform, no published figure, no region).
    ``good`` is None when not judged.
    """

    basis: str
    good: bool | None
    reach: Reach | None = None
    threshold: float = 0.0
    reason: str = ""  # why not judged: unknown_platform, internal, no_region, no_age, no_figure
    assumed: AssumedAge | None = None  # the age read from the audience's words, when it has no `age`


def fit(ctx, platform: str | None, audience) -> Fit:
    """SM301's judgement of ``platform`` (canonical, or None when unknown) for ``audience``."""
    data = ctx.channel_data
    threshold = float(ctx.option(CODE, "min-reach"))
    if platform is None:
        return Fit("none", None, threshold=threshold, reason="unknown_platform")
    segment = audience.segment or "consumer"
    if segment == "business":
        suits = data.suits_business(platform)
        if suits is None:
            return Fit("none", None, threshold=threshold, reason="no_figure")
        return Fit("business", suits, threshold=threshold)
    if segment == "internal":
        return Fit("none", None, threshold=threshold, reason="internal")
    organisation = ctx.doc.organisation
    region = data.region(organisation.region if organisation else None)
    if region is None:
        return Fit("none", None, threshold=threshold, reason="no_region")
    ages = age_range(audience.age)
    assumed = assumed_age(audience, data) if audience.age is None else None
    if assumed is not None:
        ages = assumed.ages
        reach = data.reach(platform, region, *ages) if ages else data.reach_all(platform, region)
    elif ages is None:
        return Fit("none", None, threshold=threshold, reason="no_age")
    else:
        reach = data.reach(platform, region, *ages)
    if reach is None:
        return Fit("none", None, threshold=threshold, reason="no_figure", assumed=assumed)
    return Fit("reach", reach.value >= threshold, reach, threshold, assumed=assumed)


def check(ctx):
    data = ctx.channel_data
    audiences = ctx.ids("audiences")
    for channel in ctx.doc.channels:
        platform = data.canonical(channel.platform) if channel.platform else None
        if platform is None or ctx.dormant(channel):
            continue  # SM304; a paused or archived channel reaches no one on purpose
        for audience_id in dict.fromkeys(channel.audiences or []):
            audience = audiences.get(audience_id)
            if audience is None:
                continue  # SM004
            verdict = fit(ctx, platform, audience)
            if verdict.good is not False:
                continue
            if verdict.basis == "business":
                yield ctx.report(CODE, channel, "business", channel=ctx.channel_id(channel),
                                 platform=data.display(platform), audience=audience_id,
                                 basis=data.platform(platform).get("business_basis") or "")
                continue
            reach, threshold = verdict.reach, verdict.threshold
            region_name, people = data.region_words(reach.region, ctx.lang)
            citation = data.citation(reach.figures, ctx.lang)
            if len(reach.bands) > 1:
                bands = ctx.word(CODE, "and").join([", ".join(reach.bands[:-1]), reach.bands[-1]])
                citation = ctx.word(CODE, "weighted", bands=bands) + citation
            ages = verdict.assumed.ages if verdict.assumed else age_range(audience.age)
            best = best_alternative(ctx, reach.region, ages, platform, max(threshold, reach.value))
            better = ""
            if best:
                better = ctx.word(CODE, "better", platform=data.display(best[0]), value=about(best[1].value))
            yield ctx.report(CODE, channel, "low_reach", platform=data.display(platform), value=about(reach.value),
                             people=people, region=region_name,
                             ages=assumed_words(ctx, verdict.assumed) if verdict.assumed else age_words(ctx, audience.age),
                             citation=citation, threshold=threshold, audience=audience_id,
                             channel=ctx.channel_id(channel), better=better)
