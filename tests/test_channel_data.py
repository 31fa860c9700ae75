"""The channel data (rules/channels.yaml): sourced, consistent, estimates reproducible, overridable."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest
import yaml

from smlint.ruledata import channeldata
from smlint.ruledata.channeldata import built_in, consistency, merge
from smlint.load.channeldata_model import ChannelDataFile
from smlint.data import data_dir
from smlint.load.schema import text as schema_text

RAW = yaml.safe_load((data_dir("rules") / "channels.yaml").read_text(encoding="utf-8"))
DATA = built_in()
POPULATION_NL_15_PLUS = 15.3  # million; the denominator of newcom-2025
BAND_MIDDLE = {"18-29": 23.5, "30-49": 39.5, "50-64": 57.0, "65+": 72.5}  # 65+ taken as ending at 80
ALL_ADULTS_AGE = 49.0  # the middle of 18-80, where the interpolation places the all-adults share


def figures():
    """Every (where, figure) of a reach or gender split in the built-in data."""
    for name, platform in RAW["platforms"].items():
        for region, reach in (platform.get("reach") or {}).items():
            if reach is None:
                continue
            if reach.get("all"):
                yield f"{name}/{region}/all", reach["all"]
            for band, figure in (reach.get("bands") or {}).items():
                if figure:
                    yield f"{name}/{region}/{band}", figure
        for region, split in (platform.get("gender") or {}).items():
            yield f"{name}/{region}/gender", split


def test_built_in_data_matches_its_model_and_is_consistent():
    ChannelDataFile.model_validate(RAW)
    assert consistency(DATA) is None


def test_committed_channel_data_schema_matches_the_model_and_the_data():
    committed = (data_dir("schemas") / "channel-data.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text("channel-data"), "run: python -m smlint.load.schema --write"
    jsonschema.validate(RAW, json.loads(committed))


def test_every_figure_carries_source_year_and_denominator():
    for where, figure in figures():
        assert "year" in figure, where  # null is allowed only when written: "the source does not say"
        refs = figure["source"] if isinstance(figure["source"], list) else [figure["source"]]
        assert all(ref in RAW["sources"] for ref in refs), where
        if "value" in figure:
            assert DATA.denominator(figure), where


def test_every_estimate_names_a_documented_method():
    methods = RAW["methods"]
    estimates = [(where, f) for where, f in figures() if f.get("estimated")]
    assert len(estimates) > 20
    for where, figure in estimates:
        assert figure.get("method") in methods, where
        assert methods[figure["method"]]["en"] and methods[figure["method"]]["nl"]


def test_national_shares_are_users_over_the_population_aged_15_plus():
    checked = 0
    for name, platform in RAW["platforms"].items():
        nl = (platform.get("reach") or {}).get("nl")
        if nl and nl.get("all"):
            figure = nl["all"]
            assert figure["method"] == "national-share", name
            assert abs(figure["value"] - 100 * figure["users_millions"] / POPULATION_NL_15_PLUS) <= 0.5, name
            checked += 1
    assert checked == 10


def test_dutch_age_bands_follow_the_us_age_profile():
    checked = 0
    for name, platform in RAW["platforms"].items():
        us, nl = platform["reach"].get("us"), platform["reach"].get("nl")
        for band, figure in ((nl or {}).get("bands") or {}).items():
            if figure is None:
                assert not (us and us["bands"].get(band) and all(us["bands"].values())), f"{name} {band}"
                continue
            assert figure["method"] == "us-age-profile"
            expected = nl["all"]["value"] * us["bands"][band]["value"] / us["all"]["value"]
            assert abs(figure["value"] - expected) <= 0.5, f"{name} {band}: {expected:.1f}"
            checked += 1
    assert checked == 20  # five platforms with a complete US age profile, four bands each


def test_interpolated_us_bands_lie_on_the_documented_line():
    checked = 0
    for name, platform in RAW["platforms"].items():
        us = (platform.get("reach") or {}).get("us") or {}
        bands = us.get("bands") or {}
        if not us.get("all"):
            continue
        known = [(BAND_MIDDLE[b], f["value"]) for b, f in bands.items() if f and not f.get("estimated")]
        points = sorted(known + [(ALL_ADULTS_AGE, us["all"]["value"])])
        for band, figure in bands.items():
            if not (figure and figure.get("method") == "interpolated"):
                continue
            x = BAND_MIDDLE[band]
            (x0, y0), (x1, y1) = next((p, q) for p, q in zip(points, points[1:]) if p[0] <= x <= q[0])
            assert abs(figure["value"] - (y0 + (y1 - y0) * (x - x0) / (x1 - x0))) <= 0.5, f"{name} {band}"
            checked += 1
    assert checked == 4  # Instagram and Snapchat, 30-49 and 50-64


def test_figures_from_the_fact_sheet_are_as_published():
    # a sample straight from Pew and Newcom, so a slip in the data file is caught
    assert RAW["platforms"]["tiktok"]["reach"]["us"]["bands"]["65+"] == {
        "value": 12, "source": "pew-2025", "year": 2025, "confidence": "low"}
    assert RAW["platforms"]["youtube"]["reach"]["us"]["all"]["value"] == 84
    assert RAW["platforms"]["linkedin"]["reach"]["us"]["bands"]["30-49"]["year"] == 2023
    assert RAW["platforms"]["x"]["reach"]["nl"]["all"]["users_millions"] == 2.8
    assert RAW["platforms"]["bluesky"]["reach"]["nl"] is None  # no Dutch figure found: none invented


def test_business_suitability_follows_the_specification():
    assert [p for p in ("linkedin", "youtube", "x") if DATA.suits_business(p) is not True] == []
    assert [p for p in ("snapchat", "tiktok", "pinterest") if DATA.suits_business(p) is not False] == []


def test_aliases_resolve():
    assert DATA.canonical("FB") == "facebook" and DATA.canonical("twitter") == "x"
    assert DATA.default_id("Linked In") == "linkedin" and DATA.default_id("My Space") == "my-space"
    assert DATA.display("tiktok") == "TikTok" and DATA.display("insta") == "Instagram"


def test_years_by_band_weights_and_clamps():
    assert DATA.years_by_band("us", 25, 40) == {"18-29": 5, "30-49": 11}
    assert DATA.years_by_band("us", 10, 17) == {"18-29": 8}
    assert DATA.years_by_band("us", 65, 80) == {"65+": 16}
    assert DATA.years_by_band("us", 85, 95) == {"65+": 11}


def test_merge_replaces_a_figure_whole_and_merges_the_rest():
    base = {"platforms": {"tiktok": {"aliases": ["tt"], "reach": {"nl": {"all": {
        "value": 29, "source": "newcom-2025", "year": 2025, "estimated": True}}}}}}
    own = {"platforms": {"tiktok": {"reach": {"nl": {"all": {"value": 30, "source": "Newcom 2026", "year": 2026}}}}}}
    merged = merge(base, own)
    assert merged["platforms"]["tiktok"]["aliases"] == ["tt"]
    assert merged["platforms"]["tiktok"]["reach"]["nl"]["all"] == {"value": 30, "source": "Newcom 2026", "year": 2026}


# -- a user's file that smlint cannot use: exit 2, with file, line and a hint -----


@pytest.mark.parametrize("text, where, words", [
    ("platfroms: {}\n", ":1:1:", "did you mean 'platforms'"),
    ("platforms:\n  tiktok:\n    buisness: false\n", ":3:5:", "did you mean 'business'"),
    ("platforms:\n  tiktok:\n    reach:\n      nl:\n        all: {value: 120, source: x y, year: 2026, denominator: d}\n",
     ":5:15:", "the highest allowed is 100"),
    ("platforms:\n  tiktok:\n    reach:\n      nl:\n        all: {value: 20, source: Newcom 2026}\n", ":5:14:", "'year'"),
    ("platforms:\n  tiktok:\n    reach:\n      nl:\n        bands:\n          15-17: {value: 20, source: n, year: 2026, denominator: d}\n",
     ":6:11:", "Age band '15-17' is not one of region nl's bands"),
    ("platforms:\n  tiktok:\n    reach:\n      nl:\n        all: {value: 20, source: newcom-2062, year: 2026}\n",
     ":5:26:", "did you mean 'newcom-2025'"),
    ("platforms:\n  tiktok:\n    reach:\n      nl:\n        all: {value: 20, source: Newcom 2026, year: 2026}\n",
     ":5:9:", "no denominator"),
    ("platforms: {}\nplatforms: {}\n", ":2:1:", "platforms"),
    ("- a list\n", ":1:1:", "mapping"),
])
def test_bad_channel_data_file_exits_2_naming_file_line_and_fix(cli, tmp_path, text, where, words):
    own = tmp_path / "own.yaml"
    own.write_text(text, encoding="utf-8")
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text("version: 1\norganisation: {name: T}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n",
                        encoding="utf-8")
    result = cli("check", strategy, "--channel-data", own)
    assert result.exit_code == 2
    assert f"own.yaml{where}" in result.output and words in result.output, result.output
    assert "Traceback" not in result.output


def test_missing_channel_data_file_exits_2(cli, tmp_path):
    result = cli("check", tmp_path, "--channel-data", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml" in result.output


def test_override_changes_the_verdict_on_the_command_line(cli, tmp_path):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(textwrap.dedent("""\
        version: 1
        organisation: {name: T, region: nl}
        period: {start: 2027-01-01, end: 2027-12-31}
        audiences:
          - {id: seniors, age: 65+}
        channels:
          - {platform: tiktok, audiences: [seniors]}
        """), encoding="utf-8")
    own = tmp_path / "own.yaml"
    own.write_text("platforms:\n  tiktok:\n    reach:\n      nl:\n        bands:\n"
                   "          65+: {value: 25, source: Eigen onderzoek, year: 2026, denominator: leden 65+}\n",
                   encoding="utf-8")
    assert "SM301" in cli("check", strategy, "--select", "SM301").output
    result = cli("check", strategy, "--select", "SM301", "--channel-data", own)
    assert result.exit_code == 0 and "SM301" not in result.output


def test_explain_sm301_shows_where_the_data_comes_from_and_how_to_override(cli, tmp_path):
    out = cli("explain", "SM301").output
    assert "## Where the data comes from" in out and "--channel-data FILE" in out
    assert str(data_dir("rules") / "channels.yaml") in out
    assert "pew-2025: Pew Research Center (Americans' Social Media Use 2025" in out
    assert "newcom-2025: Newcom" in out and "Dutch population aged 15+" in out
    dutch = cli("explain", "SM301", "--lang", "nl").output
    assert "## Waar de gegevens vandaan komen" in dutch and "Bronnen:" in dutch
    own = tmp_path / "own.yaml"
    own.write_text("sources:\n  mine: {cite: Eigen panel, year: 2026, denominator: leden}\n", encoding="utf-8")
    assert "mine: Eigen panel" in cli("explain", "SM301", "--channel-data", own).output


def test_channel_data_loads_once_per_set_of_files():
    assert channeldata.load(()) is built_in()


def test_answers_kept_by_channel_data_stay_bounded():
    """A run over thousands of files keeps a bounded number of looked-up names and age ranges (flat memory)."""
    data = channeldata.built_in()
    names = [f"platform-{number}" for number in range(channeldata._KEPT + 500)]
    assert [data.canonical(name) for name in names] == [None] * len(names)
    assert data.canonical("Facebook") == data.canonical(" facebook ") == "facebook"
    for low in range(0, 90):
        for high in range(low, low + 60):
            data.reach("instagram", "nl", low, high)
    assert len(data._known) <= channeldata._KEPT and len(data._reaches) <= channeldata._KEPT
    assert data.reach("instagram", "nl", 25, 34) == data._reach("instagram", "nl", 25, 34)
