"""SM5xx (team, tasks, calendar), the growth model, SM6xx and `smlint maturity`."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
import yaml

from smlint.ruledata import maturity
from smlint.engine import Linter, Options

from .conftest import EXAMPLES, TODAY, codes, lint, only

D = dt.date


def stage_four() -> dict:
    """A strategy that meets every criterion of the growth model."""
    return {
        "version": 1,
        "organisation": {"name": "Test", "region": "nl", "languages": ["en"]},
        "period": {"start": D(2027, 1, 1), "end": D(2027, 12, 31)},
        "audiences": [{"id": "a", "age": "25-40", "gender": "any", "interests": ["cooking"]}],
        "objectives": [{"id": "o", "statement": "By the end of the year 1,320 followers on Instagram.",
                        "owner": "anna", "audiences": ["a"]}],
        "channels": [{"platform": "instagram", "audiences": ["a"], "objectives": ["o"]}],
        "content": {"cadence": [{"channel": "instagram", "posts": 3, "per": "week"}]},
        "team": [{"id": "anna", "role": "social media manager", "channels": ["instagram"]}],
        "calendar": [{"date": D(2027, 1, 4), "channel": "instagram", "owner": "anna"},
                     {"date": D(2027, 1, 6), "channel": "instagram", "owner": "anna"}],
        "maturity": {"practices": {
            "experts_trained": True, "integrated_media": ["website"], "measurement_tool": "Meta Business Suite",
            "reporting_cadence": "monthly", "org_wide_team": True, "cross_department": True}},
    }


def stage_three() -> dict:
    doc = stage_four()
    practices = doc["maturity"]["practices"]
    for key in ("integrated_media", "measurement_tool", "reporting_cadence", "org_wide_team", "cross_department"):
        del practices[key]
    return doc


def stage_two() -> dict:
    return {key: value for key, value in stage_three().items() if key in ("version", "organisation", "period",
                                                                            "audiences", "channels")}


def stage_one() -> dict:
    return {"version": 1, "organisation": {"name": "Test"}, "period": {"start": D(2027, 1, 1), "end": D(2027, 12, 31)},
            "channels": [{"platform": "facebook"}]}


def text(doc: dict) -> str:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def assess(doc: dict, **options):
    linter = Linter(Options(today=TODAY, **options))
    result = linter.lint_bytes("strategy.yaml", text(doc).encode("utf-8"))
    return maturity.assess(result.context), result.findings


@pytest.mark.parametrize("build, stage", [(stage_one, 1), (stage_two, 2), (stage_three, 3), (stage_four, 4)])
def test_each_stage_is_recognised(build, stage):
    assessment, findings = assess(build())
    assert assessment.stage == stage, [c for c in assessment.criteria if not c.met]
    if stage == 4:
        assert findings == []  # the stage-4 document is a clean plan
        assert assessment.missing == [] and assessment.next_steps("en")[0].startswith("Keep it up")


def _without(key):
    def change(doc):
        del doc["maturity"]["practices"][key]
    return change


def _set(path, value):
    def change(doc):
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    return change


ONE_SHORT = [
    # (start from, change, criterion named in missing, stage expected)
    (stage_two, lambda d: [d.pop("audiences"), d["channels"][0].pop("audiences")], "plan_in_progress", 1),
    (stage_three, lambda d: d.pop("content"), "written_strategy", 2),
    (stage_three, lambda d: d["channels"].append({"platform": "facebook", "objectives": ["o"]}) or
     d["team"][0]["channels"].append("facebook"), "channels_serve_audiences", 2),
    (stage_three, lambda d: [d["team"][0].update(channels=[]), d["calendar"].clear(),
                             d["calendar"].append({"date": D(2027, 1, 4), "channel": "instagram"})], "team_roles", 2),
    (stage_three, _without("experts_trained"), "experts_trained", 2),
    (stage_four, _without("integrated_media"), "integrated_media", 3),
    (stage_four, _without("measurement_tool"), "measurement_tool", 3),
    (stage_four, _without("reporting_cadence"), "reporting_cadence", 3),
    (stage_four, _set(["objectives", 0, "metric"], "followers"), None, 4),  # a KPI from fields as well: still 4
    (stage_four, lambda d: d["objectives"][0].pop("owner"), "all_smart", 3),
    (stage_four, _without("org_wide_team"), "org_wide_team", 3),
    (stage_four, _set(["maturity", "practices", "cross_department"], False), "cross_department", 3),
]


@pytest.mark.parametrize("build, change, criterion, stage", ONE_SHORT,
                         ids=[f"{c}-{i}" for i, (_, _, c, _) in enumerate(ONE_SHORT)])
def test_one_criterion_short_gives_the_stage_below_and_names_it(build, change, criterion, stage):
    doc = copy.deepcopy(build())
    change(doc)
    assessment, _ = assess(doc)
    assert assessment.stage == stage
    assert [c.id for c in assessment.missing] == ([criterion] if criterion else [])


def test_an_objective_without_target_misses_kpis_and_smart_together():
    # A KPI needs a target, and so does Measurable (SM202): the two cannot be missed one at a time.
    doc = stage_four()
    doc["objectives"][0]["statement"] = "By the end of the year more followers on Instagram."
    assessment, _ = assess(doc)
    assert assessment.stage == 3 and [c.id for c in assessment.missing] == ["kpis", "all_smart"]


def test_team_roles_role_missing_counts_only_when_not_declared():
    doc = stage_three()
    doc["team"][0].pop("role")
    assert assess(doc)[0].stage == 2
    doc["maturity"]["practices"]["team_roles"] = True  # declared, and every channel is covered: not contradicted
    assert assess(doc)[0].stage == 3


def test_stage_3_needs_clear_objectives_a_vague_one_keeps_the_plan_at_stage_2():
    doc = stage_three()
    doc["objectives"][0]["statement"] = "More followers on Instagram."
    assessment, findings = assess(doc)
    assert "SM205" in codes(findings) and assessment.stage == 2
    [missing] = assessment.missing
    assert missing.id == "objectives_defined"
    assert missing.text("en") == "The objectives are not clear yet: objective o is vague (SM205)."
    [dutch] = assess(doc, lang="nl")[0].missing
    assert dutch.text("nl") == "De doelstellingen zijn nog niet helder: doelstelling o is vaag (SM205)."
    assert assess(doc, ignore=("SM205",))[0].stage == 3  # ignored on purpose: does not count


def test_stage_3_clear_objectives_met_text_follows_the_seed():
    [criterion] = [c for c in assess(stage_three())[0].criteria if c.id == "objectives_defined"]
    assert criterion.met and criterion.text("nl") == "De organisatie heeft haar doelstellingen helder: geen ervan is vaag."


def test_ignored_smart_findings_do_not_count_but_unselected_ones_do():
    doc = stage_four()
    doc["objectives"][0].pop("owner")  # SM204
    assert assess(doc)[0].stage == 3
    assert assess(doc, ignore=("SM204",))[0].stage == 4
    assert assess(doc, select=("SM6",))[0].stage == 3


def test_missing_texts_name_what_is_missing():
    doc = stage_three()
    doc["channels"].append({"platform": "tiktok"})
    assessment, _ = assess(doc)
    texts = {c.id: c.text("en") for c in assessment.missing}
    assert texts["channels_serve_audiences"] == "Not every channel serves an audience: channel tiktok serves no audience."
    assert texts["team_roles"].endswith("no team member covers channel tiktok.")


# -- SM601, SM602 -------------------------------------------------------------------


def test_sm601_fires_when_declared_above_evidence_and_names_what_is_missing():
    doc = stage_two()
    doc["maturity"] = {"declared_stage": 3}
    [finding] = only(lint(text(doc), dedent=False), "SM601")
    assert finding.path == "/maturity/declared_stage"
    assert "Declared stage 3 (Consciously competent), but the document supports stage 2" in finding.message
    assert "a written strategy with all five steps" in finding.message and "trained experts" in finding.message


@pytest.mark.parametrize("declared", [1, 2, 3])
def test_sm601_silent_at_or_below_the_evidence(declared):
    doc = stage_three()
    doc["maturity"]["declared_stage"] = declared
    assert only(lint(text(doc), dedent=False), "SM601") == []


def test_sm602_fires_on_each_contradicted_practice_at_the_practice():
    doc = stage_two()
    doc["objectives"] = [{"id": "o", "statement": "More fans."}]
    doc["maturity"] = {"practices": {"kpis": True, "written_strategy": "ja", "team_roles": True}}
    findings = only(lint(text(doc), dedent=False), "SM602")
    assert [f.path for f in findings] == ["/maturity/practices/kpis", "/maturity/practices/written_strategy",
                                          "/maturity/practices/team_roles"]
    assert "step 4 (content) and step 5 (team with tasks or a calendar) are missing" in findings[1].message


def test_sm602_silent_when_the_document_agrees():
    doc = stage_four()
    doc["maturity"]["practices"].update(kpis=True, written_strategy=True, team_roles=True)
    assert only(lint(text(doc), dedent=False), "SM602") == []


# -- SM501-SM506 ------------------------------------------------------------------------


def planning(calendar=(), tasks=(), cadence=({"channel": "instagram", "posts": 3, "per": "week"},), team=True):
    doc = stage_three()
    doc["calendar"] = list(calendar)
    doc["tasks"] = list(tasks)
    doc["content"]["cadence"] = list(cadence)
    if not team:
        doc.pop("team")
    return lint(text(doc), dedent=False)


def entries(*days, channel="instagram", owner="anna"):
    return [{"date": D(2027, 1, 1) + dt.timedelta(days=d - 1), "channel": channel, "owner": owner} for d in days]


def test_sm501_fires_on_task_and_entry_without_owner():
    findings = only(planning(calendar=entries(1, 3, owner=None), tasks=[{"id": "t", "title": "T"}]), "SM501")
    assert sorted(f.path for f in findings) == ["/calendar/0", "/calendar/1", "/tasks/0"]
    assert any("Task 't' has no owner" in f.message for f in findings)


def test_sm501_silent_with_owners():
    assert only(planning(calendar=entries(1, 3), tasks=[{"id": "t", "title": "T", "owner": "anna"}]), "SM501") == []


def test_sm502_fires_outside_the_period_and_not_inside():
    findings = only(planning(calendar=entries(1, 3) + [{"date": D(2028, 1, 1), "channel": "instagram",
                                                        "owner": "anna"}],
                             tasks=[{"id": "t", "title": "T", "owner": "anna", "due": D(2026, 12, 31)},
                                    {"id": "u", "title": "U", "owner": "anna", "due": D(2027, 12, 31)}]), "SM502")
    assert sorted(f.path for f in findings) == ["/calendar/2", "/tasks/0"]


def weekly(posts):
    return ({"channel": "instagram", "posts": posts, "per": "week"},)


@pytest.mark.parametrize("cadence, days, fires", [
    (weekly(2), (1, 14), None),                   # expected 2 x 14 / 7 = 4: 2 entries is exactly half
    (weekly(2), (1, 15), "fewer"),                # expected 4.29: 2 entries is just below half
    (weekly(2), (1, 3, 5, 7), None),              # expected 2 x 7 / 7 = 2: 4 entries is exactly double
    (weekly(2), (1, 2, 3, 5, 7), "more"),         # 5 entries is just above double
    (weekly(2), (1,), None),                      # one entry: the span is one unit (a week), expected 2
    (({"channel": "instagram", "posts": 1, "per": "day"},), (1, 5), "fewer"),  # expected 5, 2 is below 2.5
    ((*weekly(1), {"channel": "instagram", "posts": 1, "per": "week"}), (1, 14), None),  # entries add up: 4
    (({"channel": "instagram", "posts": 4, "per": "month"},), (1, 15, 31), None),  # 4 x 31 / 30.44 = 4.07
    (({"channel": "instagram", "posts": 4, "per": "month"},), (1, 31), "fewer"),     # 2 is below 2.04
])
def test_sm503_boundaries(cadence, days, fires):
    findings = only(planning(calendar=entries(*days), cadence=cadence), "SM503")
    if fires is None:
        assert findings == []
    else:
        [finding] = findings
        assert finding.path == "/channels/0" and fires in finding.message


def test_sm503_message_gives_the_count_span_and_expectation():
    [finding] = only(planning(calendar=entries(1, 15), cadence=weekly(2)), "SM503")
    assert finding.message.startswith("Channel 'instagram' has 2 calendar entries from 1 January 2027 to "
                                      "15 January 2027 (15 days), fewer than half of the 4.3 its cadence (2 a week)")


def test_sm504_fires_on_cadence_without_entries_and_not_with_one():
    findings = only(planning(calendar=entries(1, channel="facebook")), "SM504")
    assert [f.path for f in findings] == ["/channels/0"]
    assert only(planning(calendar=entries(1)), "SM504") == []


@pytest.mark.parametrize("due, status, fires", [
    (D(2027, 1, 1), "todo", True),
    (D(2027, 1, 1), None, False),          # no status: nothing says it is still open (SPEC section 8)
    (D(2027, 1, 1), "doing", True),
    (D(2027, 1, 1), "done", False),
    (TODAY, "todo", False),                # due today is not overdue
    (D(2027, 3, 1), "todo", False),
])
def test_sm505_overdue_against_today(due, status, fires):
    task = {"id": "t", "title": "T", "owner": "anna", "due": due}
    if status:
        task["status"] = status
    assert bool(only(planning(calendar=entries(1, 3), tasks=[task]), "SM505")) == fires


def test_sm505_follows_the_today_option():
    doc = stage_three()
    doc["tasks"] = [{"id": "t", "title": "T", "owner": "anna", "due": D(2027, 2, 1), "status": "todo"}]
    assert only(lint(text(doc), dedent=False, today=D(2027, 2, 1)), "SM505") == []
    assert len(only(lint(text(doc), dedent=False, today=D(2027, 2, 2)), "SM505")) == 1


def test_sm506_fires_on_an_uncovered_channel_and_not_when_covered_or_without_team():
    doc = stage_three()
    doc["channels"].append({"platform": "facebook", "audiences": ["a"]})
    doc["content"]["cadence"].append({"channel": "facebook", "posts": 1, "per": "day"})
    findings = only(lint(text(doc), dedent=False), "SM506")
    assert [f.path for f in findings] == ["/channels/1"]
    doc["calendar"].append({"date": D(2027, 1, 5), "channel": "fb", "owner": "anna"})  # owning an entry covers it
    assert only(lint(text(doc), dedent=False), "SM506") == []
    doc.pop("team")
    assert only(lint(text(doc), dedent=False), "SM506") == []


# -- smlint maturity --------------------------------------------------------------------


def test_maturity_command_on_the_dutch_example(cli):
    result = cli("maturity", EXAMPLES / "groene-buurt.strategy.yaml")
    assert result.exit_code == 0
    out = result.output
    assert "Fase 3 van 4: Bewust bekwaam (Consciously competent)" in out
    assert "Wat deze fase betekent: De fase waarin de organisatie haar doelstellingen helder heeft" in out
    assert "Al aanwezig:" in out and "[x] De strategie is vastgelegd: alle vijf stappen zijn aanwezig." in out
    assert "Ontbreekt voor fase 4, Onbewust bekwaam:" in out
    assert "Volgende stappen:" in out and "binnen de gehele organisatie" in out


def test_maturity_json_shape_for_one_file_and_for_several(cli, tmp_path):
    one = json.loads(cli("maturity", EXAMPLES / "northwind-analytics.strategy.yaml", "--format", "json").output)
    assert list(one) == ["file", "stage", "name", "declared_stage", "met", "missing", "next_steps"]
    assert one["stage"] == 3 and one["name"] == "Consciously competent" and one["declared_stage"] == 3
    assert one["missing"] == [{"criterion": "org_wide_team", "text": one["missing"][0]["text"]}]
    several = json.loads(cli("maturity", EXAMPLES / "groene-buurt.strategy.yaml",
                             EXAMPLES / "northwind-analytics.strategy.yaml", "--format", "json", "--lang", "en").output)
    assert [item["stage"] for item in several] == [3, 3] and several[0]["name"] == "Consciously competent"
    (tmp_path / "a.strategy.yaml").write_text(text(stage_four()), encoding="utf-8")
    folder = json.loads(cli("maturity", tmp_path, "--format", "json").output)
    assert isinstance(folder, list) and folder[0]["stage"] == 4


def test_maturity_of_an_unreadable_file_has_no_stage_and_exits_1(cli, tmp_path):
    bad = tmp_path / "strategy.yaml"
    bad.write_text("version: 1\norganisation: [\n", encoding="utf-8")
    result = cli("maturity", bad, "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["stage"] is None and document["error"]["rule"] == "SM001"
    text_out = cli("maturity", bad).output
    assert "SM001" in text_out and "No stage" in text_out


def test_maturity_model_data_and_judges_match():
    data = maturity.model()
    assert set(data["stages"]) == {1, 2, 3, 4}
    judged = {c.id for c in assess(stage_four())[0].criteria}
    assert judged == set(data["criteria"])
    for entry in data["criteria"].values():
        for field in ("label", "met", "missing", "step"):
            assert entry[field]["en"] and entry[field]["nl"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_stage_text_never_contradicts_the_evidence_shown(cli, tmp_path, lang):
    doc = stage_three()
    doc["maturity"]["practices"].pop("experts_trained")  # stage 2, with every channel serving an audience
    path = tmp_path / "s.strategy.yaml"
    path.write_text(text(doc), encoding="utf-8")
    out = cli("maturity", path, "--lang", lang).output
    assert ("Fase 2 van 4" if lang == "nl" else "Stage 2 of 4") in out
    assert maturity.model()["criteria"]["channels_serve_audiences"]["met"][lang] in out  # the evidence, shown
    for claim in ("eilandjes", "islands nobody", "still islands"):
        assert claim not in out
    means = "Wat deze fase betekent:" if lang == "nl" else "What this stage means:"
    already = "Al aanwezig:" if lang == "nl" else "Already in place:"
    assert means in out and already in out and out.index(means) < out.index(already)


def test_stage_summaries_describe_the_stage_not_the_plan():
    for stage, entry in maturity.model()["stages"].items():
        assert entry["summary"]["en"].startswith("The stage where"), stage
        assert entry["summary"]["nl"].startswith("De fase waarin"), stage
