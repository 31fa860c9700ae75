"""SM1xx and SM2xx, rule by rule: where each fires, and where it must not."""

from __future__ import annotations

from .conftest import MINIMAL, codes, lint, only

FULL = MINIMAL + """\
audiences:
  - {id: a, age: 25-40, gender: any, interests: [cooking]}
objectives:
  - id: o
    statement: By the end of the year 1,320 followers on Instagram.
    owner: anna
    audiences: [a]
channels:
  - {platform: instagram, audiences: [a], objectives: [o]}
content:
  cadence:
    - {channel: instagram, posts: 3, per: week}
team:
  - {id: anna, role: manager, channels: [instagram]}
calendar:
  - {date: 2027-01-05, channel: instagram, owner: anna}
"""


def sm(text, prefix):
    return [f for f in lint(text) if f.rule.startswith(prefix)]


def test_full_document_has_no_sm1_or_sm2():
    assert sm(FULL, "SM1") == [] and sm(FULL, "SM2") == []


def test_sm101_103_104_105_106_fire_on_an_empty_plan_at_the_root():
    findings = sm(MINIMAL, "SM1")
    assert codes(findings) == ["SM101", "SM103", "SM104", "SM105", "SM106"]
    assert all((f.line, f.column, f.path) == (1, 1, "") for f in findings)


def test_missing_step_points_at_an_empty_section():
    findings = only(lint(MINIMAL + "audiences: []\n"), "SM101")
    assert (findings[0].line, findings[0].path) == (4, "/audiences")


def test_section_with_bad_field_still_counts_as_present():
    text = FULL.replace("audiences:\n  - {id: a,", "audiences:\n  - {id: A,")
    assert only(lint(text), "SM101") == []


def test_sm102_names_the_missing_dimensions():
    findings = only(lint(MINIMAL + "audiences:\n  - {id: buurt, name: Buurt, age: 50-70}\n"), "SM102")
    assert len(findings) == 1
    assert (findings[0].line, findings[0].column, findings[0].path) == (5, 6, "/audiences/0")  # the item's first key
    assert "gender, occupations, income, interests" in findings[0].message
    dutch = only(lint(MINIMAL + "audiences:\n  - {id: buurt, age: 50-70}\n", lang="nl"), "SM102")
    assert "geslacht" in dutch[0].message


def test_sm102_silent_with_three_dimensions():
    assert only(lint(MINIMAL + "audiences:\n  - {id: b, age: 20-30, income: low, occupations: [student]}\n"), "SM102") == []


def test_sm105_pillars_or_cadence_is_enough():
    assert only(lint(MINIMAL + "content: {pillars: [{id: p}]}\n"), "SM105") == []
    assert only(lint(MINIMAL + "content: {pillars: []}\n"), "SM105")[0].path == "/content"


def test_sm106_variants():
    assert "no team" in only(lint(MINIMAL + "tasks: [{id: t, title: T}]\n"), "SM106")[0].message
    plan = only(lint(MINIMAL + "team: [{id: anna}]\n"), "SM106")
    assert plan[0].path == "/team" and "neither tasks nor a calendar" in plan[0].message
    assert only(lint(MINIMAL + "team: [{id: anna}]\ntasks: [{id: t, title: T}]\n"), "SM106") == []


def test_sm107_fires_and_not():
    bad = MINIMAL.replace("end: 2027-12-31", "end: 2026-12-31")
    findings = only(lint(bad), "SM107")
    assert (findings[0].line, findings[0].column, findings[0].path) == (3, 1, "/period")
    assert "31 December 2026" in findings[0].message
    assert only(lint(MINIMAL), "SM107") == []


def test_sm201_via_channel_listing_the_objective():
    text = FULL.replace("on Instagram", "in our community")
    assert only(lint(text), "SM201") == []  # the instagram channel lists objective o
    text = text.replace("objectives: [o]", "objectives: []")
    findings = only(lint(text), "SM201")
    assert (findings[0].line, findings[0].path) == (7, "/objectives/0")


def test_sm203_deadline_outside_the_period_points_at_the_deadline():
    text = FULL.replace("    owner: anna\n    audiences", "    owner: anna\n    deadline: 2028-03-01\n    audiences")
    findings = only(lint(text), "SM203")
    assert [f.path for f in findings] == ["/objectives/0/deadline"]
    assert "outside the period" in findings[0].message


def test_sm203_statement_time_outside_the_period():
    text = FULL.replace("By the end of the year", "By the end of 2029")
    assert only(lint(text), "SM203")[0].path == "/objectives/0"


def test_sm204_fires_and_not():
    assert only(lint(FULL.replace("    owner: anna\n", "")), "SM204")[0].path == "/objectives/0"
    assert only(lint(FULL), "SM204") == []


def test_sm205_message_names_words_and_proposes_rewrite_from_fields():
    text = MINIMAL + """\
organisation: {name: X, languages: [nl]}
objectives:
  - id: fb
    statement: Ik zal mijn aantal fans op sociale mediaplatforms vergroten.
    metric: followers
    channels: [facebook]
    baseline: 1200
    target: 1320
    deadline: 2027-12-31
channels:
  - platform: facebook
""".replace("version: 1\norganisation: {name: Test}\n", "version: 1\n")
    findings = only(lint(text, lang="nl"), "SM205")
    assert len(findings) == 1
    assert findings[0].path == "/objectives/0/statement"
    assert "'vergroten'" in findings[0].message
    assert "Tegen 31 december 2027 verhogen we het aantal volgers op Facebook van 1.200 naar 1.320." in findings[0].message


def test_sm205_placeholders_when_fields_are_missing():
    text = MINIMAL + "objectives:\n  - id: o\n    statement: Improve awareness.\n"
    message = only(lint(text), "SM205")[0].message
    assert "'awareness', 'improve'" in message
    assert "By <deadline> we grow <the metric> on <platform> from <baseline> to <target>." in message


def test_sm205_silent_when_vague_word_comes_with_number_or_date():
    text = MINIMAL + "objectives:\n  - id: o\n    statement: Increase Instagram followers by 10% by Q3.\n"
    assert only(lint(text), "SM205") == []


def test_sm206_too_fast_and_not_beyond_and_plausible():
    base = FULL.replace("    owner: anna\n", "    owner: anna\n    metric: followers\n    BASE\n")
    too_fast = base.replace("BASE", "baseline: 1000\n    target: 50000\n    deadline: 2027-06-30").replace("1,320", "50,000")
    findings = only(lint(too_fast), "SM206")
    assert len(findings) == 1 and "a month" in findings[0].message and findings[0].path == "/objectives/0"
    flat = base.replace("BASE", "baseline: 1320\n    target: 1320")
    assert "not above" in only(lint(flat), "SM206")[0].message
    fine = base.replace("BASE", "baseline: 1200\n    target: 1320")
    assert only(lint(fine), "SM206") == []


def test_sm206_not_judged_without_baseline_or_for_shrinking_metrics():
    base = FULL.replace("    owner: anna\n", "    owner: anna\n    METRIC\n")
    assert only(lint(base.replace("METRIC", "metric: followers\n    target: 999999")), "SM206") == []
    shrink = base.replace("METRIC", "metric: response-time\n    baseline: 60\n    target: 30")
    assert only(lint(shrink.replace("1,320 followers", "30 minutes response time")), "SM206") == []


def test_sm207_fires_and_not():
    text = FULL.replace("    audiences: [a]\nchannels", "channels").replace("objectives: [o]", "objectives: []")
    text = text.replace("followers on Instagram.", "followers.")  # a platform in the statement would count (SPEC 8)
    findings = only(lint(text), "SM207")
    assert [f.path for f in findings] == ["/objectives/0"]
    assert only(lint(FULL), "SM207") == []
    via_channel = text.replace("    owner: anna\n", "    owner: anna\n    channels: [instagram]\n")
    assert only(lint(via_channel), "SM207") == []


def test_sm208_number_platform_and_deadline():
    def with_fields(fields, statement="By June 30 we grow our Instagram followers by 10%."):
        return FULL.replace("By the end of the year 1,320 followers on Instagram.", statement).replace(
            "    owner: anna\n", "    owner: anna\n" + fields)

    agree = with_fields("    channels: [instagram]\n    baseline: 1200\n    target: 1320\n    deadline: 2027-06-30\n")
    assert only(lint(agree), "SM208") == []
    number = with_fields("    baseline: 1200\n    target: '+20%'\n")
    assert "10%" in only(lint(number), "SM208")[0].message
    date = with_fields("    deadline: 2027-09-30\n")
    assert "deadline" in only(lint(date), "SM208")[0].message
    platform = with_fields("    channels: [instagram]\n", "By June 30 we grow our TikTok followers by 10%.")
    assert "TikTok" in only(lint(platform), "SM208")[0].message
    fields_say_more = with_fields("    metric: followers\n    deadline: 2027-06-30\n", "By June 30 more than 2,000 followers on Instagram.")
    assert only(lint(fields_say_more), "SM208") == []


def test_sm208_dutch_numbers_are_read_the_dutch_way():
    text = FULL.replace("By the end of the year 1,320 followers on Instagram.", "Eind 2027 van 1.200 naar 1.320 volgers op Instagram.")
    text = text.replace("    owner: anna\n", "    owner: anna\n    baseline: 1200\n    target: 1320\n")
    text = text.replace("organisation: {name: Test}", "organisation: {name: Test, languages: [nl]}")
    assert only(lint(text), "SM208") == []


def test_sm209_fires_without_baseline_and_not_with_one():
    text = FULL.replace("By the end of the year 1,320 followers on Instagram.", "By the end of the year 10% more Instagram followers.")
    assert only(lint(text), "SM209")[0].severity == "info"
    with_base = text.replace("    owner: anna\n", "    owner: anna\n    baseline: 1200\n")
    assert only(lint(with_base), "SM209") == []
    in_statement = FULL.replace("By the end of the year 1,320 followers on Instagram.", "By the end of the year grow Instagram followers from 1,200 by 10%.")
    assert only(lint(in_statement), "SM209") == []


def test_seed_example_sentences():
    vague = "Ik zal mijn aantal fans op sociale mediaplatforms vergroten."
    smart = "Tegen het einde van het jaar zal ik het aantal fans op de Facebook-pagina met 10% verhogen."

    def codes_for(statement):
        text = FULL.replace("By the end of the year 1,320 followers on Instagram.", statement).replace(
            "objectives: [o]", "objectives: []").replace("organisation: {name: Test}", "organisation: {name: T, languages: [nl]}")
        return {f.rule for f in lint(text) if f.rule.startswith("SM2")}

    assert codes_for(vague) == {"SM201", "SM202", "SM203", "SM205"}
    assert codes_for(smart) == {"SM209"}  # SMART; only the info that "10%" has no baseline


def test_vocabularies_are_data():
    from smlint.data import read_yaml

    vocabulary = read_yaml("vocabulary.yaml")
    assert "vergroten" in vocabulary["vague_verbs"]["nl"] and "awareness" in vocabulary["vague"]["en"]
    metrics = read_yaml("metrics.yaml")
    assert metrics["followers"]["max_monthly_growth"] == 0.12 and metrics["followers"]["sources"]
    assert all("reasoning" in entry for name, entry in metrics.items() if name != "aliases")


def test_sm206_eight_times_the_followers_in_a_year_is_too_fast_and_three_times_is_not():
    base = FULL.replace("    owner: anna\n", "    owner: anna\n    metric: followers\n    baseline: 1100\n    TARGET\n")
    base = base.replace("By the end of the year 1,320 followers on Instagram.", "By the end of the year NUMBER followers on Instagram.")
    too_fast = base.replace("TARGET", "target: 9000").replace("NUMBER", "9,000")
    [finding] = only(lint(too_fast), "SM206")
    assert "19.2% growth every month" in finding.message and "more than 12% a month" in finding.message
    dutch = only(lint(too_fast.replace("9,000", "9.000"), lang="nl"), "SM206")
    assert "meer dan 12% per maand" in dutch[0].message
    plausible = base.replace("TARGET", "target: 3500").replace("NUMBER", "3,500")
    assert only(lint(plausible), "SM206") == []
