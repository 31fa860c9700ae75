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

from ..audiences import assumed_age
from ..channeldata import OPEN_BAND_END

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


def check(ctx):
    data = ctx.channel_data
    threshold = float(ctx.option(CODE, "min-reach"))
    audiences = ctx.ids("audiences")
    organisation = ctx.doc.organisation
    region = data.region(organisation.region if organisation else None)
    for channel in ctx.doc.channels:
        platform = data.canonical(channel.platform) if channel.platform else None
        if platform is None or ctx.dormant(channel):
            continue  # SM304; a paused or archived channel reaches no one on purpose
        for audience_id in dict.fromkeys(channel.audiences or []):
            audience = audiences.get(audience_id)
            if audience is None:
                continue  # SM004
            segment = audience.segment or "consumer"
            if segment == "business":
                if data.suits_business(platform) is False:
                    yield ctx.report(CODE, channel, "business", channel=ctx.channel_id(channel),
                                     platform=data.display(platform), audience=audience_id,
                                     basis=data.platform(platform).get("business_basis") or "")
                continue
            if segment == "internal" or region is None:
                continue
            ages = age_range(audience.age)
            assumed = assumed_age(audience, data) if audience.age is None else None
            if assumed is not None:
                ages = assumed.ages
                reach = data.reach(platform, region, *ages) if ages else data.reach_all(platform, region)
            else:
                reach = data.reach(platform, region, *ages) if ages else None
            if reach is None or reach.value >= threshold:
                continue
            region_name, people = data.region_words(region, ctx.lang)
            citation = data.citation(reach.figures, ctx.lang)
            if len(reach.bands) > 1:
                bands = ctx.word(CODE, "and").join([", ".join(reach.bands[:-1]), reach.bands[-1]])
                citation = ctx.word(CODE, "weighted", bands=bands) + citation
            best = best_alternative(ctx, region, ages, platform, max(threshold, reach.value))
            better = ""
            if best:
                better = ctx.word(CODE, "better", platform=data.display(best[0]), value=about(best[1].value))
            yield ctx.report(CODE, channel, "low_reach", platform=data.display(platform), value=about(reach.value),
                             people=people, region=region_name,
                             ages=assumed_words(ctx, assumed) if assumed else age_words(ctx, audience.age),
                             citation=citation, threshold=threshold, audience=audience_id,
                             channel=ctx.channel_id(channel), better=better)
