"""Plans shaped like real ones: the false positives trainers saw, and the checks they asked for.

Two plans are the base: a Dutch municipality (role-defined audiences, a
paused account, tasks without status) and an English university. Each test
changes one thing and asserts the rule it is about, Dutch and English, where
it must fire and where it must not.
"""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
import yaml

from .conftest import lint, only

D = dt.date


def gemeente() -> dict:
    """A municipality's plan, as real ones are written: press, council and staff as audiences."""
    return {
        "version": 1,
        "organisation": {"name": "Gemeente Voorbeeld", "kind": "government", "region": "nl", "languages": ["nl"]},
        "period": {"start": D(2027, 1, 1), "end": D(2027, 12, 31)},
        "audiences": [
            {"id": "inwoners", "name": "Inwoners", "age": "18-80", "gender": "any", "interests": ["wijknieuws"]},
            {"id": "pers", "name": "Pers", "segment": "public", "occupations": ["journalisten"],
             "interests": ["raadsbesluiten"]},
            {"id": "medewerkers", "name": "Medewerkers", "segment": "internal", "departments": ["alle afdelingen"],
             "interests": ["organisatienieuws"]},
        ],
        "objectives": [
            {"id": "volgers", "statement": "Eind 2027 heeft ons Facebook-account 6.000 volgers, nu 5.000.",
             "metric": "followers", "channels": ["facebook"], "audiences": ["inwoners"], "baseline": 5000,
             "target": 6000, "owner": "fatima"},
            {"id": "persberichten", "statement": "Eind 2027 nemen 20 media onze LinkedIn-updates over.",
             "metric": "mentions", "channels": ["linkedin"], "audiences": ["pers", "medewerkers"],
             "target": 20, "owner": "joost"},
        ],
        "channels": [
            {"platform": "facebook", "audiences": ["inwoners"], "objectives": ["volgers"]},
            {"platform": "linkedin", "audiences": ["pers", "medewerkers"], "objectives": ["persberichten"]},
        ],
        "content": {"cadence": [{"channel": "facebook", "posts": 1, "per": "day"},
                                {"channel": "linkedin", "posts": 5, "per": "week"}]},
        "team": [{"id": "fatima", "role": "webredacteur", "channels": ["facebook"]},
                 {"id": "joost", "role": "woordvoerder", "channels": ["linkedin"]}],
        "tasks": [{"id": "huisstijl", "title": "Sjablonen", "owner": "fatima", "due": D(2027, 1, 20),
                   "status": "done"}],
        "calendar": [{"date": D(2027, 1, 1) + dt.timedelta(days=d), "channel": "facebook", "owner": "fatima"}
                     for d in range(0, 28)]
        + [{"date": D(2027, 1, 1) + dt.timedelta(days=d), "channel": "linkedin", "owner": "joost"}
           for d in range(0, 28, 2)],
    }


def university() -> dict:
    """A university's plan in English: prospective students and staff."""
    return {
        "version": 1,
        "organisation": {"name": "Northfield University", "kind": "education", "region": "us", "languages": ["en"]},
        "period": {"start": D(2027, 1, 1), "end": D(2027, 12, 31)},
        "audiences": [
            {"id": "prospects", "name": "Prospective students", "age": "16-19", "gender": "any",
             "interests": ["campus life"]},
            {"id": "staff", "name": "Staff", "segment": "internal", "occupations": ["lecturers", "support staff"],
             "interests": ["campus news"]},
        ],
        "objectives": [
            {"id": "applications", "statement": "By June 30 we get 900 open day sign-ups through Instagram.",
             "metric": "sign-ups", "channels": ["instagram"], "audiences": ["prospects"], "target": 900,
             "owner": "kim"},
            {"id": "staff-reach", "statement": "By the end of the year our LinkedIn posts reach 3,000 staff a month.",
             "metric": "reach", "channels": ["linkedin"], "audiences": ["staff"], "baseline": 2000, "target": 3000,
             "owner": "raj"},
        ],
        "channels": [
            {"platform": "instagram", "audiences": ["prospects"], "objectives": ["applications"]},
            {"platform": "linkedin", "audiences": ["staff"], "objectives": ["staff-reach"]},
        ],
        "content": {"cadence": [{"channel": "instagram", "posts": 3, "per": "week"},
                                {"channel": "linkedin", "posts": 5, "per": "week"}]},
        "team": [{"id": "kim", "role": "social media lead", "channels": ["instagram"]},
                 {"id": "raj", "role": "internal comms", "channels": ["linkedin"]}],
        "tasks": [{"id": "shoot", "title": "Campus photo shoot", "owner": "kim", "due": D(2027, 2, 1),
                   "status": "todo"}],
        "calendar": [{"date": D(2027, 1, 1) + dt.timedelta(days=d), "channel": "instagram", "owner": "kim"}
                     for d in range(0, 28, 2)]
        + [{"date": D(2027, 1, 1) + dt.timedelta(days=d), "channel": "linkedin", "owner": "raj"}
           for d in range(0, 28, 2)],
    }


PLANS = {"nl": gemeente, "en": university}
TODAY = D(2027, 1, 2)


def run(doc: dict, lang: str, today=TODAY, **options):
    return lint(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), dedent=False, lang=lang, today=today,
                **options)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_both_base_plans_are_clean(lang):
    assert [f"{f.rule} {f.path}: {f.message}" for f in run(PLANS[lang](), lang)] == []


# -- SM501: finished work needs no owner --------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm501_silent_on_done_tasks_and_published_entries(lang):
    doc = PLANS[lang]()
    doc["tasks"][0].pop("owner")
    doc["tasks"][0]["status"] = "done"
    doc["calendar"][0].pop("owner")
    doc["calendar"][0]["status"] = "published"
    assert only(run(doc, lang), "SM501") == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm501_still_fires_on_open_work(lang):
    doc = PLANS[lang]()
    doc["tasks"][0].pop("owner")
    doc["tasks"][0]["status"] = "doing"
    doc["calendar"][0].pop("owner")
    doc["calendar"][0]["status"] = "scheduled"
    assert sorted(f.path for f in only(run(doc, lang), "SM501")) == ["/calendar/0", "/tasks/0"]


# -- SM505 and SM509: a plan judged against today -----------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_that_ended_years_ago_gets_one_info_and_no_overdue_tasks(lang):
    doc = PLANS[lang]()
    doc["tasks"] = [{"id": f"t{i}", "title": "T", "owner": doc["team"][0]["id"], "due": D(2027, 3, i + 1),
                     "status": "todo"} for i in range(5)]
    findings = run(doc, lang, today=D(2030, 6, 1))
    assert [f.rule for f in findings] == ["SM509"]
    [ended] = findings
    assert (ended.severity, ended.path) == ("info", "/period")
    expected = "is voorbij (vandaag is 1 juni 2030)" if lang == "nl" else "ended before today (1 June 2030)"
    assert expected in ended.message


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm509_silent_while_the_period_runs_and_on_its_last_day(lang):
    assert only(run(PLANS[lang](), lang, today=D(2027, 12, 31)), "SM509") == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm505_task_without_status_is_not_overdue_but_todo_is(lang):
    doc = PLANS[lang]()
    doc["tasks"] = [{"id": "open", "title": "T", "owner": doc["team"][0]["id"], "due": D(2027, 1, 1)},
                    {"id": "late", "title": "T", "owner": doc["team"][0]["id"], "due": D(2027, 1, 1),
                     "status": "todo"}]
    assert [f.path for f in only(run(doc, lang), "SM505")] == ["/tasks/1"]


# -- SM102 by segment ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm102_never_asks_role_defined_audiences_for_age_gender_income(lang):
    doc = PLANS[lang]()
    for audience in doc["audiences"]:
        if audience.get("segment") in ("internal", "public"):
            assert not {"age", "gender", "income"} & set(audience)
    assert only(run(doc, lang), "SM102") == []


@pytest.mark.parametrize("segment", ["business", "internal", "public"])
def test_sm102_asks_a_role_defined_audience_for_who_and_what_interests_them(segment):
    doc = gemeente()
    doc["audiences"][1] = {"id": "pers", "segment": segment, "age": "30-60", "gender": "any", "income": "high"}
    [finding] = only(run(doc, "en"), "SM102")
    assert "who they are (`occupations`, `sectors` or `departments`) and interests" in finding.message
    assert "Age, gender and income are not needed here" in finding.message
    doc["audiences"][1].update(sectors=["media"], interests=["local politics"])
    assert only(run(doc, "en"), "SM102") == []


def test_sm102_consumer_audience_still_needs_three_of_five():
    doc = university()
    doc["audiences"][0] = {"id": "prospects", "name": "Prospective students", "age": "16-19"}
    [finding] = only(run(doc, "en"), "SM102")
    assert "1 of the 5 dimensions" in finding.message


@pytest.mark.parametrize("lang, name, word", [("nl", "Journalisten en pers", "journalisten"),
                                              ("en", "Business buyers", "business buyers")])
def test_sm102_an_audience_named_by_its_role_is_judged_as_that_segment_and_says_so(lang, name, word):
    doc = PLANS[lang]()
    doc["audiences"].append({"id": "extra", "name": name})
    doc["channels"][1]["audiences"].append("extra")
    [finding] = only(run(doc, lang), "SM102")
    assert f"'{word}'" in finding.message and "`segment" in finding.message
    assert ("leeftijd" not in finding.message) if lang == "nl" else ("age," not in finding.message)
    doc["audiences"][-1].update(occupations=["x"], interests=["y"])
    assert only(run(doc, lang), "SM102") == []


# -- channels: all -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_objective_for_every_channel_says_channels_all(lang):
    doc = PLANS[lang]()
    objective = doc["objectives"][1]
    objective.update(channels="all", statement=objective["statement"].replace("LinkedIn-", "").replace("LinkedIn ", ""))
    objective.pop("audiences")
    for channel in doc["channels"]:
        channel["objectives"] = [o for o in channel["objectives"] if o != objective["id"]]
    findings = run(doc, lang)
    assert not {"SM201", "SM207", "SM004", "SM003"} & {f.rule for f in findings}, [f.message for f in findings]
    objective["channels"] = []
    assert {"SM201", "SM207"} <= {f.rule for f in run(doc, lang)}


def test_channels_all_on_a_pillar_means_every_channel():
    doc = gemeente()
    doc["content"]["pillars"] = [{"id": "video", "formats": ["video"], "channels": "all"}]
    doc["channels"].append({"platform": "tiktok", "audiences": ["inwoners"]})
    doc["content"]["pillars"].append({"id": "tekst", "formats": ["text"], "channels": "all"})
    findings = run(doc, "nl", select=("SM404", "SM003", "SM004"))
    assert [(f.rule, f.path) for f in findings] == [("SM404", "/content/pillars/1")]


def test_channels_all_is_the_only_word_allowed():
    doc = gemeente()
    doc["objectives"][0]["channels"] = "alle"
    assert [f.path for f in only(run(doc, "nl"), "SM003")] == ["/objectives/0/channels"]


# -- channel status ------------------------------------------------------------------------


def legacy_channel(lang: str, status: str) -> dict:
    doc = PLANS[lang]()
    doc["channels"].append({"platform": "x", "status": status})  # an old account kept for the record
    return doc


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("status", ["paused", "archived"])
def test_a_paused_or_archived_channel_is_no_island_and_needs_no_cadence_owner_or_calendar(lang, status):
    doc = legacy_channel(lang, status)
    doc["content"]["cadence"].append({"channel": "x", "posts": 1, "per": "day"})  # the old cadence, left in
    assert run(doc, lang) == []
    assessment_codes = {f.rule for f in run(doc, lang, select=("SM6",))}
    assert assessment_codes == set()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("status", ["active", "planned"])
def test_an_active_or_planned_channel_is_still_judged(lang, status):
    doc = legacy_channel(lang, status)
    assert {"SM303", "SM402", "SM506"} <= {f.rule for f in run(doc, lang)}


def test_an_audience_served_only_by_a_paused_channel_is_unserved():
    doc = gemeente()
    doc["channels"][1]["status"] = "paused"
    findings = run(doc, "nl")
    assert sorted(f.path for f in only(findings, "SM302")) == ["/audiences/1", "/audiences/2"]
    assert only(findings, "SM504") == [] and only(findings, "SM503") == []


def test_maturity_every_channel_serves_an_audience_skips_paused_channels():
    from smlint.ruledata import maturity
    from smlint.engine import Linter, Options

    doc = legacy_channel("nl", "paused")
    result = Linter(Options(today=TODAY)).lint_bytes("s.yaml", yaml.safe_dump(doc).encode())
    [criterion] = [c for c in maturity.assess(result.context).criteria if c.id == "channels_serve_audiences"]
    assert criterion.met
    doc["channels"][-1]["status"] = "active"
    result = Linter(Options(today=TODAY)).lint_bytes("s.yaml", yaml.safe_dump(doc).encode())
    [criterion] = [c for c in maturity.assess(result.context).criteria if c.id == "channels_serve_audiences"]
    assert not criterion.met and "x" in criterion.detail


# -- SM305: no silent fallbacks --------------------------------------------------------------


@pytest.mark.parametrize("lang, region, expected", [
    ("nl", "be", "geen kanaalcijfers voor regio 'be': de kanaalregels gebruiken in plaats daarvan de cijfers voor de VS"),
    ("en", "uk", "no channel figures for region 'uk': the channel rules use the figures for the US (Pew Research"),
    ("en", "au", "Regions with their own figures: nl, us"),
    ("nl", "Nederland", "Regio 'Nederland' is uitgeschreven; schrijf de code 'nl'"),
    ("en", "Netherlands", "Region 'Netherlands' is written out; write the code 'nl'"),
])
def test_sm305_names_the_figures_used_for_a_region_without_data(lang, region, expected):
    doc = PLANS[lang]()
    doc["organisation"]["region"] = region
    [finding] = only(run(doc, lang), "SM305")
    assert expected in finding.message and finding.path == "/organisation/region" and finding.severity == "info"


@pytest.mark.parametrize("region", ["nl", "NL", "us", "US", "global", None])
def test_sm305_silent_on_region_codes_in_any_case_and_without_region(region):
    doc = gemeente()
    if region is None:
        doc["organisation"].pop("region")
    else:
        doc["organisation"]["region"] = region
    assert only(run(doc, "nl"), "SM305") == []


def test_a_region_written_out_uses_the_figures_it_names():
    doc = gemeente()
    doc["audiences"][0]["age"] = "65+"
    doc["channels"].append({"platform": "tiktok", "audiences": ["inwoners"]})
    doc["organisation"]["region"] = "Nederland"
    [finding] = only(run(doc, "nl"), "SM301")
    assert "in Nederland" in finding.message


@pytest.mark.parametrize("languages, lang, fires", [
    (["Nederlands"], "nl", "Taal 'Nederlands' is uitgeschreven; schrijf de code 'nl'"),
    (["Dutch", "en"], "en", "Language 'Dutch' is written out; write the code 'nl'"),
    (["English"], "en", "Language 'English' is written out; write the code 'en'"),
    (["NL"], "nl", None),
    (["nl-BE", "fr"], "nl", None),
])
def test_sm305_languages_in_words_get_a_did_you_mean_and_codes_any_case_do_not(languages, lang, fires):
    doc = gemeente()
    doc["organisation"]["languages"] = languages
    findings = only(run(doc, lang), "SM305")
    if fires:
        [finding] = findings
        assert fires in finding.message and finding.path == "/organisation/languages/0"
    else:
        assert findings == []


@pytest.mark.parametrize("languages", [["NL"], ["Nederlands"], ["nl-BE"]])
def test_the_message_language_follows_a_language_in_any_case_or_in_words(languages):
    doc = gemeente()
    doc["organisation"]["languages"] = languages
    doc["tasks"][0].pop("owner")
    doc["tasks"][0]["status"] = "todo"
    [finding] = only(run(doc, None), "SM501")
    assert finding.message.startswith("Taak 'huisstijl' heeft geen eigenaar")


# -- SM301: an audience's own words name its age ----------------------------------------------


@pytest.mark.parametrize("lang, audience, word, ages", [
    ("nl", {"id": "senioren", "name": "Senioren in de wijk"}, "senioren", "65+"),
    ("nl", {"id": "ouderen-65", "name": "65-plussers"}, "65-plussers", "65+"),
    ("en", {"id": "retirees", "name": "Retirees in Springfield"}, "retirees", "65+"),
    ("en", {"id": "seniors", "description": "Seniors and pensioners who volunteer"}, "seniors", "65+"),
])
def test_sm301_judges_an_audience_without_age_by_the_age_group_its_words_name(lang, audience, word, ages):
    doc = PLANS[lang]()
    doc["audiences"].append({**audience, "gender": "any", "interests": ["x"], "income": "mixed"})
    doc["channels"].append({"platform": "tiktok", "audiences": [audience["id"]]})
    [finding] = only(run(doc, lang), "SM301")
    assert f"'{word}'" in finding.message and ages in finding.message
    assert ("aangenomen" in finding.message) if lang == "nl" else ("assumed" in finding.message)


@pytest.mark.parametrize("lang, audience", [
    ("nl", {"id": "scholieren", "name": "Scholieren"}),          # TikTok suits them: no finding
    ("nl", {"id": "ouders", "name": "Ouders van scholieren"}),    # next to the group, not in it
    ("en", {"id": "parents", "name": "Parents of teenagers"}),
    ("en", {"id": "fans", "name": "Fans of the club"}),           # no age words: not judged
])
def test_sm301_silent_when_the_words_fit_the_platform_or_name_no_age(lang, audience):
    doc = PLANS[lang]()
    doc["audiences"].append({**audience, "gender": "any", "interests": ["x"], "income": "mixed"})
    doc["channels"].append({"platform": "tiktok", "audiences": [audience["id"]]})
    assert only(run(doc, lang), "SM301") == []


@pytest.mark.parametrize("lang, name, fires", [
    ("nl", "Alle inwoners van Zwolle", True),
    ("en", "Local residents", True),
    ("nl", "Fans van de club", False),
])
def test_sm301_judges_everyone_in_a_place_by_the_all_adults_figure(lang, name, fires):
    doc = PLANS[lang]()
    doc["audiences"].append({"id": "public", "name": name, "gender": "any", "interests": ["x"], "income": "mixed"})
    doc["channels"].append({"platform": "threads", "audiences": ["public"]})
    findings = only(run(doc, lang), "SM301")
    assert bool(findings) == fires
    if fires:
        assert ("alle leeftijden" in findings[0].message) if lang == "nl" else ("of all ages" in findings[0].message)


# -- SM306: an audience no objective is for -----------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm306_fires_on_an_audience_no_objective_names(lang):
    doc = PLANS[lang]()
    doc["audiences"].append({"id": "alumni", "name": "Alumni", "segment": "public", "occupations": ["x"],
                             "interests": ["y"]})
    doc["channels"][0]["audiences"].append("alumni")
    [finding] = only(run(doc, lang), "SM306")
    assert finding.path == f"/audiences/{len(doc['audiences']) - 1}" and finding.severity == "info"
    assert "alumni" in finding.message


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm306_an_objective_without_audiences_counts_for_its_channels_audiences(lang):
    doc = PLANS[lang]()
    doc["audiences"].append({"id": "alumni", "name": "Alumni", "segment": "public", "occupations": ["x"],
                             "interests": ["y"]})
    doc["channels"][0]["audiences"].append("alumni")
    doc["objectives"][0].pop("audiences")
    assert only(run(doc, lang), "SM306") == []


# -- SM211: an absolute target without a baseline ------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm211_fires_on_an_absolute_growth_target_without_baseline(lang):
    doc = PLANS[lang]()
    objective = doc["objectives"][0] if lang == "nl" else doc["objectives"][1]
    objective.pop("baseline")
    objective["statement"] = objective["statement"].replace(", nu 5.000", "")
    [finding] = only(run(doc, lang), "SM211")
    assert finding.severity == "info"
    assert ("beginwaarde" in finding.message) if lang == "nl" else ("baseline" in finding.message)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm211_silent_with_a_baseline_or_on_a_count_from_zero(lang):
    doc = PLANS[lang]()
    assert only(run(doc, lang), "SM211") == []  # the sign-ups and mentions targets count from zero


def test_sm211_reads_a_baseline_in_the_statement():
    doc = gemeente()
    objective = doc["objectives"][0]
    objective.pop("baseline")
    objective["statement"] = "Eind 2027 groeit ons Facebook-account van 5.000 naar 6.000 volgers."
    assert only(run(doc, "nl"), "SM211") == []


# -- SM507: a calendar that has run out ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm507_fires_when_the_next_fortnight_is_empty(lang):
    findings = only(run(PLANS[lang](), lang, today=D(2027, 3, 1)), "SM507")
    assert sorted(f.path for f in findings) == ["/channels/0", "/channels/1"]
    expected = "is opgeraakt" if lang == "nl" else "has run out"
    assert all(expected in f.message for f in findings)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm507_silent_on_a_rolling_calendar_a_few_weeks_ahead(lang):
    doc = PLANS[lang]()
    today = D(2027, 1, 10)
    assert only(run(doc, lang, today=today), "SM507") == []  # entries run to 28 January


def test_sm507_a_gap_in_the_next_fortnight_fires_with_the_next_entry():
    doc = university()
    doc["calendar"] = [e for e in doc["calendar"] if e["channel"] == "linkedin"] + [
        {"date": D(2027, 1, 2), "channel": "instagram", "owner": "kim"},
        {"date": D(2027, 2, 5), "channel": "instagram", "owner": "kim"}]
    doc["content"]["cadence"][0].update(posts=1, per="month")
    assert only(run(doc, "en", today=D(2027, 1, 10)), "SM507") == []  # 1 a month: 31 days ahead reach 5 February
    doc["content"]["cadence"][0].update(posts=2, per="week")
    [finding] = only(run(doc, "en", today=D(2027, 1, 10)), "SM507")
    assert "from today (10 January 2027) to 23 January 2027; the next is on 5 February 2027" in finding.message


@pytest.mark.parametrize("today", [D(2026, 12, 31), D(2028, 1, 1)])
def test_sm507_not_judged_outside_the_period(today):
    assert only(run(gemeente(), "nl", today=today), "SM507") == []


def test_sm507_window_is_an_option():
    doc = gemeente()
    assert only(run(doc, "nl", today=D(2027, 1, 27)), "SM507") == []
    assert len(only(run(doc, "nl", today=D(2027, 1, 29)), "SM507")) == 2
    assert len(only(run(doc, "nl", today=D(2027, 1, 20), thresholds={"SM507": {"days": 30}}), "SM507")) == 0


# -- SM508: the owner runs none of the objective's channels -----------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm508_fires_when_the_owner_covers_none_of_the_channels(lang):
    doc = PLANS[lang]()
    doc["objectives"][0]["owner"] = doc["team"][1]["id"]
    [finding] = only(run(doc, lang), "SM508")
    assert finding.path == "/objectives/0" and finding.severity == "info"
    assert doc["team"][1]["id"] in finding.message


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sm508_silent_when_the_owner_covers_a_channel_or_owns_an_entry_on_it(lang):
    doc = PLANS[lang]()
    assert only(run(doc, lang), "SM508") == []
    doc["objectives"][0]["owner"] = doc["team"][1]["id"]
    doc["calendar"].append({"date": D(2027, 1, 9), "channel": doc["channels"][0]["platform"],
                            "owner": doc["team"][1]["id"]})
    assert only(run(doc, lang), "SM508") == []


# -- the growth model: trained experts the document shows ---------------------------------------------


def stage_three(lang: str) -> dict:
    doc = PLANS[lang]()
    for member in doc["team"]:
        member["role"] = member.get("role") or "x"
    return doc


def assessment(doc, lang, today=TODAY):
    from smlint.ruledata import maturity
    from smlint.engine import Linter, Options

    result = Linter(Options(today=today, lang=lang)).lint_bytes("s.yaml", yaml.safe_dump(doc).encode())
    return maturity.assess(result.context)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_stage_3_reached_from_the_document_with_an_expert_in_the_team(lang):
    doc = stage_three(lang)
    assert assessment(doc, lang).stage == 2
    doc["team"][0]["expert"] = True
    result = assessment(doc, lang)
    assert result.stage == 3
    [criterion] = [c for c in result.criteria if c.id == "experts_trained"]
    assert doc["team"][0]["id"] in criterion.text(lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_training_date_shows_trained_experts_once_it_has_passed(lang):
    doc = stage_three(lang)
    doc["team"][1]["trained"] = D(2027, 3, 1)
    result = assessment(doc, lang)
    assert result.stage == 2
    [criterion] = [c for c in result.criteria if c.id == "experts_trained"]
    planned = "scholing staat gepland voor" if lang == "nl" else "training is planned for"
    assert planned in criterion.text(lang)
    assert assessment(doc, lang, today=D(2027, 3, 2)).stage == 3


def test_expert_and_trained_are_in_the_schema():
    import json

    from smlint.load.schema import text

    member = json.loads(text())["$defs"]["TeamMember"]["properties"]
    assert {"expert", "trained"} <= set(member)


# -- SM207 counts the channel the statement names ------------------------------------------------------


@pytest.mark.parametrize("lang, statement", [
    ("nl", "Eind 2027 heeft ons Facebook-account 6.000 volgers, nu 5.000."),
    ("en", "By June 30 we get 900 open day sign-ups through Instagram."),
])
def test_sm207_counts_a_channel_the_statement_names(lang, statement):
    doc = PLANS[lang]()
    objective = doc["objectives"][0]
    objective.update(statement=statement)
    for key in ("audiences", "channels"):
        objective.pop(key)
    doc["channels"][0]["objectives"] = []
    assert only(run(doc, lang), "SM207") == []
    doc["channels"][0]["audiences"] = []  # the named channel serves no one: not relevant
    doc["audiences"] = [a for a in doc["audiences"] if a["id"] not in (doc["audiences"][0]["id"],)]
    assert [f.path for f in only(run(doc, lang), "SM207")] == ["/objectives/0"]


@pytest.mark.parametrize("status, fires", [("paused", False), ("active", True)])
def test_sm301_sm403_sm404_skip_a_paused_channel(status, fires):
    doc = gemeente()
    doc["audiences"].append({"id": "senioren", "age": "65+", "gender": "any", "interests": ["x"]})
    doc["objectives"][0]["audiences"].append("senioren")
    doc["channels"].append({"platform": "tiktok", "audiences": ["senioren"], "status": status})
    doc["content"]["cadence"].append({"channel": "tiktok", "posts": 40, "per": "day"})
    doc["content"]["pillars"] = [{"id": "tekst", "formats": ["text"], "channels": ["tiktok"]}]
    doc["team"][0]["channels"].append("tiktok")
    found = {f.rule for f in run(doc, "nl", select=("SM301", "SM404"))}
    assert (found == {"SM301", "SM404"}) if fires else (found == set())


@pytest.mark.parametrize("name, ages", [("Ouderen tussen 60 en 75 jaar", "60-75"), ("Bewoners 50+", "50+"),
                                        ("Adults aged 55-70 years", "55-70")])
def test_sm301_reads_ages_written_in_numbers(name, ages):
    doc = university()
    doc["audiences"].append({"id": "x", "name": name, "gender": "any", "interests": ["x"], "income": "mixed"})
    doc["channels"].append({"platform": "snapchat", "audiences": ["x"]})
    [finding] = only(run(doc, "en"), "SM301")
    assert f"aged {ages}" in finding.message and "assumed" in finding.message


def test_the_maturity_command_judges_a_training_date_against_its_today(cli, tmp_path):
    doc = stage_three("en")
    doc["team"][1]["trained"] = D(2027, 3, 1)
    plan = tmp_path / "plan.strategy.yaml"
    plan.write_text(yaml.safe_dump(doc), encoding="utf-8")
    stages = {}
    for today in ("2027-02-28", "2027-03-02"):
        result = cli("maturity", plan, "--today", today, "--format", "json", "--lang", "en")
        assert result.exit_code == 0, result.output
        stages[today] = json.loads(result.stdout)["stage"]
    assert stages == {"2027-02-28": 2, "2027-03-02": 3}
    assert cli("maturity", plan, "--today", "2027-02-30").exit_code == 2  # not a date: a usage error
