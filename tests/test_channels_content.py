"""SM3xx and SM4xx, rule by rule: where each fires, and where it must not."""

from __future__ import annotations

import textwrap

import pytest

from .conftest import MINIMAL, lint, only


def plan(audiences: str = "", channels: str = "", content: str = "", region: str = "us", objectives: str = "") -> str:
    """A strategy with the given sections (YAML, already indented as list items)."""
    head = MINIMAL.replace("organisation: {name: Test}", f"organisation: {{name: Test, region: {region}}}" if region
                           else "organisation: {name: Test}")
    text = head
    for name, body in (("audiences", audiences), ("objectives", objectives), ("channels", channels)):
        if body:
            text += f"{name}:\n{textwrap.indent(textwrap.dedent(body).strip(), '  ')}\n"
    if content:
        text += f"content:\n{textwrap.indent(textwrap.dedent(content).strip(), '  ')}\n"
    return text


def reach(audience: str, platform: str, region: str = "us", lang: str = "en", **options):
    text = plan(f"- {{id: people, {audience}}}", f"- {{platform: {platform}, audiences: [people]}}", region=region)
    return only(lint(text, lang=lang, **options), "SM301")


# -- SM301: reach of the audience's age range ---------------------------------


def test_sm301_fires_with_the_figure_and_its_source():
    [finding] = reach("age: 65+", "tiktok")
    assert finding.message.startswith(
        "TikTok reaches about 12% of adults aged 65+ in the US (Pew Research Center, 2025), "
        "less than the 20% this check asks for audience 'people' on channel 'tiktok'.")
    assert "YouTube reaches about 64% of them" in finding.message  # what a good choice looks like
    assert (finding.path, finding.line, finding.column) == ("/channels/0", 7, 6)  # the channel


def test_sm301_silent_on_a_platform_the_age_group_uses():
    assert reach("age: 65+", "youtube") == []
    assert reach("age: 18-29", "tiktok") == []


def test_sm301_weights_an_age_range_across_two_bands():
    # Snapchat, US: 50-64 is 18%, 65+ is 4%. Ages 50-70 = 15 years at 18% and 6 years at 4%: 14%.
    [finding] = reach("age: 50-70", "snapchat")
    assert "about 14% of adults aged 50-70" in finding.message
    assert "weighted over the age bands 50-64 and 65+" in finding.message
    # Ages 45-60 = 5 years of 30-49 (40%) and 11 of 50-64 (18%): 24.9%, above 20%, though 50-64 alone is below.
    assert reach("age: 45-60", "snapchat") == []


def test_sm301_open_and_partial_ranges():
    assert "aged 70+" in reach("age: 70+", "tiktok")[0].message  # open top band: 65+ (12%)
    assert reach("age: {max: 25}", "tiktok") == []  # below the youngest band: 18-29 (63%)


def test_sm301_ages_below_the_youngest_band_use_that_band():
    assert reach("age: 13-17", "snapchat") == []  # 18-29: 65%
    [finding] = reach("age: {max: 16}", "tiktok", thresholds={"SM301": {"min-reach": 70}})
    assert "aged up to 16" in finding.message and "about 63%" in finding.message


def test_sm301_audience_without_age_is_not_judged():
    assert reach("segment: consumer, interests: [games]", "tiktok") == []


def test_sm301_band_without_a_published_figure_is_not_judged():
    # Pew publishes no age split for X: smlint does not guess one.
    assert reach("age: 65+", "x") == []


def test_sm301_business_audience_is_judged_on_business_fit():
    [finding] = reach("age: 30-55, segment: business", "tiktok")
    assert "puts business audience 'people' on TikTok, which does not suit business audiences" in finding.message
    assert "smlint specification, section 7" in finding.message
    assert reach("age: 30-55, segment: business", "linkedin") == []
    assert reach("segment: business", "youtube") == []
    assert reach("age: 30-55, segment: business", "whatsapp") == []  # the data makes no judgement


def test_sm301_internal_audience_is_not_judged_and_no_segment_is_consumer():
    assert reach("age: 65+, segment: internal", "tiktok") == []
    assert len(reach("age: 65+", "tiktok")) == 1
    assert len(reach("age: 65+, segment: public", "tiktok")) == 1


def test_sm301_region_nl_uses_the_dutch_estimates_in_dutch():
    [finding] = reach("age: 65+", "tiktok", region="nl", lang="nl")
    assert finding.message.startswith(
        "TikTok bereikt ongeveer 9% van de mensen van 65+ in Nederland "
        "(schatting op basis van Newcom en Pew Research Center, 2025)")


@pytest.mark.parametrize("region", ["global", "be", None])
def test_sm301_other_regions_fall_back_to_the_us_figures(region):
    [finding] = reach("age: 65+", "tiktok", region=region)
    assert "in the US" in finding.message


def test_sm301_threshold_is_configurable():
    assert reach("age: 65+", "tiktok", thresholds={"SM301": {"min-reach": 10}}) == []
    assert len(reach("age: 18-29", "tiktok", thresholds={"SM301": {"min-reach": 70}})) == 1


def test_sm301_override_file_replaces_a_figure_and_changes_the_verdict(tmp_path):
    own = tmp_path / "newcom-2026.yaml"
    own.write_text(textwrap.dedent("""\
        platforms:
          tiktok:
            reach:
              nl:
                bands:
                  65+: {value: 31, source: Newcom 2026, year: 2026, denominator: Dutch population aged 65+}
          youtube:
            reach:
              nl:
                bands:
                  65+: {value: 8, source: Newcom 2026, year: 2026, denominator: Dutch population aged 65+}
        """), encoding="utf-8")
    assert len(reach("age: 65+", "tiktok", region="nl")) == 1
    assert reach("age: 65+", "tiktok", region="nl", channel_data=(str(own),)) == []
    [finding] = reach("age: 65+", "youtube", region="nl", channel_data=(str(own),))
    assert "YouTube reaches about 8% of people aged 65+ in the Netherlands (Newcom 2026, 2026)" in finding.message


# -- SM302, SM303, SM304 ------------------------------------------------------


def test_sm302_fires_on_an_audience_no_channel_serves():
    text = plan("- {id: a, age: 30-40}\n- {id: b, age: 30-40}", "- {platform: facebook, audiences: [a]}")
    [finding] = only(lint(text), "SM302")
    assert finding.path == "/audiences/1" and "'b'" in finding.message


def test_sm302_silent_when_served_and_when_there_are_no_channels():
    assert only(lint(plan("- {id: a}", "- {platform: tiktok, audiences: [a]}")), "SM302") == []
    assert only(lint(plan("- {id: a}")), "SM302") == []  # SM104 reports the missing step


def test_sm303_fires_on_an_island():
    [finding] = only(lint(plan("- {id: a}", "- {platform: facebook, audiences: [a]}\n- {platform: tiktok}")), "SM303")
    assert finding.path == "/channels/1" and "island" in finding.message
    dutch = only(lint(plan("", "- {platform: tiktok}"), lang="nl"), "SM303")
    assert "eilandje" in dutch[0].message


def test_sm303_silent_when_linked_either_way():
    assert only(lint(plan("- {id: a}", "- {platform: tiktok, audiences: [a]}")), "SM303") == []
    assert only(lint(plan("", "- {platform: tiktok, objectives: [o]}",
                          objectives="- {id: o, statement: 100 views}")), "SM303") == []
    assert only(lint(plan("", "- {platform: tiktok}",
                          objectives="- {id: o, statement: 100 views, channels: [tiktok]}")), "SM303") == []


def test_sm304_fires_on_an_unknown_platform_with_a_suggestion():
    [finding] = only(lint(plan("", "- {platform: instagam, audiences: []}")), "SM304")
    assert finding.path == "/channels/0/platform" and "did you mean 'instagram'" in finding.message
    [far] = only(lint(plan("", "- {platform: myspace}")), "SM304")
    assert "Known platforms: bluesky, facebook" in far.message


def test_sm304_silent_on_aliases_and_on_platforms_added_by_the_user(tmp_path):
    assert only(lint(plan("", "- {platform: insta}\n- {platform: Twitter}\n- {platform: yt}")), "SM304") == []
    own = tmp_path / "own.yaml"
    own.write_text("platforms:\n  mastodon-nl: {aliases: [toot], formats: [text]}\n", encoding="utf-8")
    assert only(lint(plan("", "- {platform: toot}"), channel_data=(str(own),)), "SM304") == []


# -- SM401-SM404 --------------------------------------------------------------


@pytest.mark.parametrize("shares, fires", [
    ((40, 40, 40), True),
    ((40, 35, 20), True),
    ((40, 35, 25), False),
    ((33, 33, 33), False),     # within the tolerance of 1
    (("50%", "50%", None), False),
    ((60, None, None), True),
    ((None, None, None), False),  # not judged
])
def test_sm401_shares_add_up_to_100(shares, fires):
    pillars = "\n".join(
        f"  - {{id: p{i}" + (f", share: {s!r}" if isinstance(s, str) else f", share: {s}" if s is not None else "") + "}"
        for i, s in enumerate(shares))
    findings = only(lint(plan(content=f"pillars:\n{pillars}")), "SM401")
    assert bool(findings) == fires
    if fires:
        assert findings[0].path == "/content/pillars"


def test_sm401_message_lists_the_shares_and_the_pillars_without_one():
    [finding] = only(lint(plan(content="pillars:\n  - {id: tips, share: 60}\n  - {id: news}")), "SM401")
    assert finding.message == ("Pillar shares add up to 60% (tips 60%), not 100%; without a share: news. "
                               "Adjust them so they total 100")


def test_sm402_fires_on_a_channel_without_cadence_with_the_recommended_range():
    text = plan("", "- {platform: facebook}\n- {platform: instagram}",
                content="cadence:\n  - {channel: facebook, posts: 1, per: day}")
    [finding] = only(lint(text), "SM402")
    assert finding.path == "/channels/1"
    assert "(recommended for Instagram: 2 a week to 7 a week)" in finding.message


def test_sm402_silent_with_cadence_by_alias_and_without_a_content_section():
    text = plan("", "- {platform: facebook}", content="cadence:\n  - {channel: fb, posts: 1, per: day}")
    assert only(lint(text), "SM402") == []
    assert only(lint(plan("", "- {platform: facebook}")), "SM402") == []  # SM105 reports the missing step


@pytest.mark.parametrize("platform, cadence, key", [
    ("instagram", "- {channel: instagram, posts: 1, per: month}", "fewer"),
    ("facebook", "- {channel: facebook, posts: 3, per: day}", "more"),
    ("linkedin", "- {channel: linkedin, posts: 3, per: week}", "fewer"),   # 20 a month is 4.6 a week
    ("instagram", "- {channel: instagram, posts: 3, per: week}", None),
    ("instagram", "- {channel: instagram, posts: 1, per: week}\n- {channel: instagram, posts: 1, per: week}", None),
    ("linkedin", "- {channel: linkedin, posts: 5, per: week}", None),
    ("tiktok", "- {channel: tiktok, posts: 40, per: day}", None),       # no sourced range: not judged
])
def test_sm403_cadence_against_the_recommended_range(platform, cadence, key):
    findings = only(lint(plan("", f"- {{platform: {platform}}}", content=f"cadence:\n{textwrap.indent(cadence, '  ')}")),
                    "SM403")
    if key is None:
        assert findings == []
    else:
        [finding] = findings
        assert key in finding.message and finding.path == "/content/cadence/0"
        assert any(cite in finding.message for cite in ("(Hootsuite, 2023)", "(Adam Mosseri", "(Buffer and SumAll)"))


def test_sm404_fires_on_a_pillar_the_platform_cannot_carry():
    text = plan("", "- {platform: tiktok}\n- {platform: facebook}",
                content="pillars:\n  - {id: news, formats: [text, link], channels: [tiktok, facebook]}")
    [finding] = only(lint(text), "SM404")
    assert finding.path == "/content/pillars/0"
    assert "none of which TikTok carries (channel 'tiktok'); TikTok carries video" in finding.message


def test_sm404_pillar_without_channels_is_checked_on_every_channel():
    text = plan("", "- {platform: tiktok}\n- {platform: youtube}", content="pillars:\n  - {id: news, formats: [text]}")
    assert sorted("'tiktok'" in f.message for f in only(lint(text), "SM404")) == [False, True]


@pytest.mark.parametrize("channels, formats", [
    ("- {platform: tiktok}", "[text, video]"),
    ("- {platform: tiktok}", "[]"),               # no formats: not judged
    ("- {platform: myspace}", "[text]"),          # unknown platform: not judged
    ("- {platform: reddit}", "[story]"),          # no format data for Reddit: not judged
])
def test_sm404_silent(channels, formats):
    assert only(lint(plan("", channels, content=f"pillars:\n  - {{id: p, formats: {formats}}}")), "SM404") == []


def test_complete_examples_have_no_sm3_or_sm4():
    from .conftest import EXAMPLES

    for name in ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml"):
        found = [f for f in lint("", data=(EXAMPLES / name).read_bytes(), lang=None) if f.rule[:3] in ("SM3", "SM4")]
        assert found == [], name
