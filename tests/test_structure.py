"""SM003-SM007 and the schema: each fires at its node, and stays silent on good input."""

from __future__ import annotations

import json

from smlint.data import data_dir
from smlint.schema import text as schema_text

from .conftest import MINIMAL, codes, lint, only


def test_committed_schema_matches_the_models():
    committed = (data_dir("schemas") / "strategy.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python -m smlint.schema --write"


def test_schema_allows_extensions_and_forbids_unknown_keys():
    schema = json.loads(schema_text())
    objective = schema["$defs"]["Objective"]
    assert objective["additionalProperties"] is False
    assert "^x-" in objective["patternProperties"]
    assert set(objective["required"]) == {"id", "statement"}
    assert set(schema["required"]) == {"version", "organisation", "period"}


def test_minimal_document_has_no_structure_findings():
    assert [c for c in codes(lint(MINIMAL)) if c.startswith("SM0")] == []


def test_sm003_bad_date_points_at_the_key_with_a_rewrite():
    findings = only(lint(MINIMAL + "objectives:\n  - id: a\n    statement: s\n    deadline: 31-12-2027\n"), "SM003")
    assert len(findings) == 1
    f = findings[0]
    assert (f.line, f.column, f.path) == (7, 5, "/objectives/0/deadline")
    assert f.message == "objectives[0].deadline: '31-12-2027' is not a date; write 2027-12-31"


def test_sm003_dutch_thousands_hint():
    findings = only(lint(MINIMAL + "objectives:\n  - id: a\n    statement: s\n    baseline: 1.200\n"), "SM003")
    assert len(findings) == 1
    assert "write 1200" in findings[0].message
    assert (findings[0].line, findings[0].column) == (7, 5)


def test_sm003_decimal_that_is_not_a_thousands_pattern_is_fine():
    assert only(lint(MINIMAL + "objectives:\n  - id: a\n    statement: s\n    baseline: 1.25\n"), "SM003") == []


def test_sm003_missing_required_key_points_at_the_mapping():
    findings = only(lint(MINIMAL + "objectives:\n  - id: a\n    metric: reach\n"), "SM003")
    assert len(findings) == 1
    assert (findings[0].line, findings[0].column, findings[0].path) == (5, 5, "/objectives/0")
    assert "statement" in findings[0].message


def test_sm003_missing_version_and_the_file_is_still_read():
    findings = lint("organisation: {name: X}\nperiod: {start: 2027-01-01, end: 2027-12-31}\nfoo: 1\n")
    assert only(findings, "SM003")[0].path == ""
    assert "version" in only(findings, "SM003")[0].message
    assert codes(only(findings, "SM007")) == ["SM007"]


def test_sm003_bad_enum_suggests_the_closest():
    findings = only(lint(MINIMAL + "audiences:\n  - id: a\n    segment: bussiness\n"), "SM003")
    assert "did you mean 'business'" in findings[0].message
    assert (findings[0].line, findings[0].column) == (6, 5)


def test_sm003_not_a_slug():
    findings = only(lint(MINIMAL + "audiences:\n  - id: Young Families\n"), "SM003")
    assert "young-families" in findings[0].message
    assert (findings[0].line, findings[0].column) == (5, 5)


def test_sm003_wrong_container_type():
    findings = only(lint(MINIMAL + "audiences:\n  id: a\n"), "SM003")
    assert (findings[0].line, findings[0].column, findings[0].path) == (4, 1, "/audiences")


def test_sm003_dutch_message():
    findings = only(lint(MINIMAL + "period2: 1\nobjectives:\n  - id: a\n    statement: s\n    deadline: 2027-13-01\n", lang="nl"), "SM003")
    assert findings[0].message.startswith("objectives[0].deadline: '2027-13-01' is geen datum")


def test_shorthands_are_accepted():
    text = MINIMAL + (
        "audiences:\n  - {id: a, age: 25-40}\n  - {id: b, age: 65+}\n  - {id: c, age: {min: 18, max: 24}}\n"
        "content:\n  pillars:\n    - {id: p, share: 40%}\n    - {id: q, share: 60}\n"
        "objectives:\n  - {id: o, statement: s, target: '+10%'}\n"
        "maturity:\n  practices: {kpis: ja, team_roles: nee, org_wide_team: yes, cross_department: no}\n"
    )
    assert [c for c in codes(lint(text)) if c.startswith("SM0")] == []


def test_practices_reject_other_words():
    findings = only(lint(MINIMAL + "maturity:\n  practices: {kpis: misschien}\n"), "SM003")
    assert len(findings) == 1 and "true or false" in findings[0].message


def test_bad_field_does_not_hide_the_rest_of_the_item():
    # the deadline is bad, the owner reference is still checked
    text = MINIMAL + "team:\n  - id: anna\nobjectives:\n  - {id: o, statement: s, deadline: soon, owner: bob}\n"
    assert sorted(codes(lint(text, select=["SM0"]))) == ["SM003", "SM004"]


def test_sm004_fires_at_the_reference_with_hint():
    text = MINIMAL + "audiences:\n  - id: young-families\nchannels:\n  - platform: instagram\n    audiences: [young-famlies]\n"
    findings = only(lint(text), "SM004")
    assert len(findings) == 1
    f = findings[0]
    assert (f.line, f.column, f.path) == (8, 17, "/channels/0/audiences/0")
    assert "did you mean 'young-families'" in f.message


def test_sm004_alias_hint_for_channel_ids():
    text = MINIMAL + "channels:\n  - platform: fb\nobjectives:\n  - {id: o, statement: s, channels: [fb]}\n"
    findings = only(lint(text), "SM004")
    assert "did you mean 'facebook'" in findings[0].message


def test_sm004_silent_when_references_resolve():
    text = MINIMAL + (
        "audiences:\n  - id: a\nteam:\n  - id: anna\nchannels:\n  - {platform: fb, audiences: [a]}\n"
        "  - {id: insta-nl, platform: instagram}\n"
        "objectives:\n  - {id: o, statement: s, channels: [facebook, insta-nl], audiences: [a], owner: anna}\n"
        "calendar:\n  - {date: 2027-01-02, channel: insta-nl, owner: anna}\n"
    )
    assert only(lint(text), "SM004") == []


def test_sm004_silent_when_target_section_is_missing_or_invalid_id():
    assert only(lint(MINIMAL + "tasks:\n  - {id: t, title: T, owner: nobody}\n"), "SM004") == []
    text = MINIMAL + "audiences:\n  - id: Students\nchannels:\n  - {platform: fb, audiences: [students]}\n"
    assert only(lint(text), "SM004") == []


def test_sm005_points_at_second_item():
    text = MINIMAL + "audiences:\n  - id: students\n  - id: teachers\n  - id: students\n"
    findings = only(lint(text), "SM005")
    assert len(findings) == 1
    assert (findings[0].line, findings[0].column, findings[0].path) == (7, 5, "/audiences/2")
    assert "line 5" in findings[0].message


def test_sm005_channel_default_ids_collide():
    text = MINIMAL + "channels:\n  - platform: fb\n  - platform: facebook\n"
    findings = only(lint(text), "SM005")
    assert [f.path for f in findings] == ["/channels/1"]


def test_sm005_silent_on_unique_ids_and_across_sections():
    text = MINIMAL + "audiences:\n  - id: x\n  - id: y\nobjectives:\n  - {id: x, statement: s}\n"
    assert only(lint(text), "SM005") == []


def test_sm006_is_fatal_and_points_at_version():
    findings = lint("version: 2\norganisation: {name: X}\nfoo: 1\n")
    assert codes(findings) == ["SM006"]
    assert (findings[0].line, findings[0].column, findings[0].path) == (1, 1, "/version")


def test_sm006_silent_for_version_1():
    assert only(lint(MINIMAL), "SM006") == []


def test_sm007_did_you_mean_and_extensions_ignored():
    text = MINIMAL + "objectives:\n  - id: o\n    statement: s\n    deadlne: 2027-12-31\n    x-budget: 500\nx-owner: me\n"
    findings = only(lint(text), "SM007")
    assert len(findings) == 1
    assert (findings[0].line, findings[0].column, findings[0].path) == (7, 5, "/objectives/0/deadlne")
    assert "did you mean 'deadline'" in findings[0].message


def test_sm007_silent_on_known_keys():
    assert only(lint(MINIMAL + "audiences:\n  - {id: a, name: A, age: 20-30, gender: any}\n"), "SM007") == []


def test_yes_no_where_a_number_belongs_is_sm003_not_a_crash():
    # found while compiling the models: `target: true` once raised a KeyError inside the message lookup
    text = MINIMAL.replace("{name: Test}", "{name: Test, size: true}") + (
        "objectives:\n  - {id: o, statement: s, target: true, baseline: true}\n"
        "content:\n  cadence:\n    - {channel: x, posts: true, per: week}\n")
    found = {f.path: f.message for f in lint(text, select=["SM003"])}
    assert found["/organisation/size"] == "organisation.size: True is not a number; write digits only, e.g. 1200"
    assert found["/objectives/0/baseline"].endswith("True is not a number; write digits only, e.g. 1200")
    assert "is not a target" in found["/objectives/0/target"] and "function-before" not in found["/objectives/0/target"]
    assert "/content/cadence/0/posts" in found
