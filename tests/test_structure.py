"""SM003-SM007 and the schema: each fires at its node, and stays silent on good input."""

from __future__ import annotations

import json
import re

import pytest

from smlint.data import data_dir
from smlint.load.schema import text as schema_text

from .conftest import MINIMAL, codes, lint, only


def test_committed_schema_matches_the_models():
    committed = (data_dir("schemas") / "strategy.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python -m smlint.load.schema --write"


def test_schema_allows_extensions_and_forbids_unknown_keys():
    schema = json.loads(schema_text())
    objective = schema["$defs"]["Objective"]
    assert objective["additionalProperties"] is False
    assert "^x-" in objective["patternProperties"]
    assert set(objective["required"]) == {"id", "statement"}
    assert set(schema["required"]) == {"version", "organisation", "period"}


def _properties(schema: dict):
    """Every (model, property name, property schema) of the strategy schema."""
    for name, model in [("Strategy", schema), *schema["$defs"].items()]:
        for key, prop in model.get("properties", {}).items():
            yield name, key, prop, key in model.get("required", ())


def test_every_schema_property_is_documented_and_completes_without_null():
    # issue 11, item 17: 10 of 79 properties had a description; completion inserted `default: null`
    properties = list(_properties(json.loads(schema_text())))
    assert len(properties) > 79
    assert [(m, k) for m, k, prop, _ in properties if not prop.get("description")] == []
    assert [(m, k) for m, k, prop, _ in properties if "default" in prop] == []


def test_every_pattern_says_in_words_what_it_wants():
    # the YAML language server shows patternErrorMessage instead of the regular expression itself
    def walk(node):
        if isinstance(node, dict):
            if "pattern" in node and isinstance(node["pattern"], str):
                yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    patterns = list(walk(json.loads(schema_text())))
    assert patterns and all(node.get("patternErrorMessage") for node in patterns)


def test_an_optional_key_written_without_a_value_is_no_schema_error():
    # `objectives:` with nothing after it is read as no objectives (SM103), in the editor too
    import jsonschema

    schema = json.loads(schema_text())
    for model, key, prop, required in _properties(schema):
        accepts_null = jsonschema.Draft202012Validator({**prop, "$defs": schema["$defs"]}).is_valid(None)
        assert accepts_null is not required, (model, key)
    base = {"version": 1, "organisation": {"name": "X"}, "period": {"start": "2027-01-01", "end": "2027-12-31"}}
    assert jsonschema.Draft202012Validator(schema).is_valid({**base, "objectives": None})
    assert sorted(codes(lint(MINIMAL + "objectives:\n"))) == ["SM101", "SM103", "SM104", "SM105", "SM106"]


def test_minimal_document_has_no_structure_findings():
    assert [c for c in codes(lint(MINIMAL)) if c.startswith("SM0")] == []


def test_sm003_bad_date_points_at_the_key_with_a_rewrite():
    findings = only(lint(MINIMAL + "objectives:\n  - id: a\n    statement: s\n    deadline: 31-12-2027\n"), "SM003")
    assert len(findings) == 1
    f = findings[0]
    assert (f.line, f.column, f.path) == (7, 5, "/objectives/0/deadline")
    assert f.message == "deadline of objective 'a': '31-12-2027' is not a date; write 2027-12-31 (31 December 2027)"


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
    assert findings[0].message.startswith("deadline van doelstelling 'a': '2027-13-01' is geen datum")


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
    assert found["/organisation/size"] == "organisation.size: true is not a number; write digits only, e.g. 1200"
    assert found["/objectives/0/baseline"].endswith("true is not a number; write digits only, e.g. 1200")
    assert "is not a target" in found["/objectives/0/target"] and "function-before" not in found["/objectives/0/target"]
    assert "/content/cadence/0/posts" in found


# -- issue 11, items 19 and 20: messages say what the user wrote, and name items as a reader does ----------

def sm003(text: str, lang: str = "en") -> dict[str, str]:
    return {f.path: f.message for f in lint(MINIMAL + text, select=["SM003"], lang=lang)}


def test_numbers_are_echoed_as_written_not_as_floats():
    found = sm003("content:\n  pillars:\n    - {id: p, share: 120}\n  cadence:\n    - {channel: fb, posts: -5, per: week}\n"
                  "objectives:\n  - {id: o, statement: s, baseline: 1.200}\n")
    assert found["/content/pillars/0/share"] == "share of pillar 'p': 120 is too large; the highest allowed is 100"
    assert found["/content/cadence/0/posts"] == "posts of cadence entry 1: -5 must be more than 0"
    assert found["/objectives/0/baseline"].startswith("baseline of objective 'o': 1.200 is read as a decimal")


def test_a_number_in_quotes_is_told_to_lose_the_quotes():
    text = MINIMAL.replace("version: 1", "version: '1'").replace("{name: Test}", "{name: Test, size: '85'}")
    found = {f.path: f.message for f in lint(text, select=["SM003"])}
    assert found["/version"] == "version: '1' is text, not a number; write 1 without quotes"
    assert found["/organisation/size"] == "organisation.size: '85' is text, not a number; write 85 without quotes"
    found = sm003("objectives:\n  - {id: o, statement: s, baseline: '1.200', target: '1320'}\n")
    assert found["/objectives/0/baseline"].endswith("'1.200' is text, not a number; write 1200 without quotes")
    assert found["/objectives/0/target"].endswith("'1320' is text, not a number; write 1320 without quotes")


def test_an_age_that_is_no_range_says_what_is_accepted():
    found = sm003("audiences:\n  - {id: a, age: 30}\n  - {id: b, age: [25, 40]}\n")
    assert found["/audiences/0/age"] == "age of audience 'a': 30 is not an age range; write 25-40, 65+ or {min: 25, max: 40}"
    assert found["/audiences/1/age"].startswith("age of audience 'b': a list is not an age range")


def test_an_age_mapping_is_checked_key_by_key():
    findings = lint(MINIMAL + "audiences:\n  - id: a\n    age: {min: 25, mx: 40}\n  - id: b\n    age: {min: 200}\n")
    assert [(f.rule, f.path, f.message) for f in findings if f.rule in ("SM003", "SM007")] == [
        ("SM007", "/audiences/0/age/mx", "Unknown key 'mx' in age of audience 'a'; did you mean 'max'?"),
        ("SM003", "/audiences/1/age/min", "age.min of audience 'b': 200 is too large; the highest allowed is 120"),
    ]


def test_items_are_named_by_their_id_or_counted_from_one():
    text = MINIMAL + (
        "audiences:\n  - id: a\n  - id: Young People\n  - id: a\n"
        "objectives:\n  - {id: o1, statement: s}\n  - {id: o2, statement: s, deadline: 2027-13-45, channels: [tiktk]}\n"
        "  - statement: no id\n  - 5\n"
        "channels:\n  - {platform: fb, audiences: [nobody]}\n"
        "calendar:\n  - {date: 2027-03-01, channel: facebook, status: done}\n")
    found = {(f.rule, f.path): f.message for f in lint(text)}
    assert found["SM003", "/audiences/1/id"].startswith("id of audience 2: 'Young People' is not a valid id")
    assert found["SM005", "/audiences/2"].startswith("Audience 3: the id 'a' is already used on line 5")
    assert found["SM003", "/objectives/1/deadline"].startswith("deadline of objective 'o2': '2027-13-45' is not a day")
    assert found["SM004", "/objectives/1/channels/0"].startswith("channels of objective 'o2': there is no channel")
    assert found["SM003", "/objectives/2"] == "Objective 3: the required key 'id' is missing"
    assert found["SM003", "/objectives/3"] == "Objective 4: expected keys with values (key: value), not 5"
    assert found["SM004", "/channels/0/audiences/0"].startswith("audiences of channel 'fb': there is no audience")
    assert found["SM003", "/calendar/0/status"].startswith(
        "status of calendar entry of 1 March 2027 on 'facebook': 'done' is not allowed")
    assert not [m for m in found.values() if re.search(r"\[\d+\]", m)]


def test_items_are_named_in_dutch():
    found = sm003("objectives:\n  - {id: o1, statement: s, deadline: 31-12-2027}\n  - 5\n", lang="nl")
    assert found["/objectives/0/deadline"] == \
        "deadline van doelstelling 'o1': '31-12-2027' is geen datum; schrijf 2027-12-31 (31 december 2027)"
    assert found["/objectives/1"] == "Doelstelling 2: hier horen sleutels met waarden (sleutel: waarde), niet 5"
    assert sm003("version2: 1\norganisation: 5\n", lang="nl").get("/organisation", "").startswith("organisation: ")


@pytest.mark.parametrize("written, advice", [
    ("12/31/2027", "write 2027-12-31 (31 December 2027)"),  # month first: once told "write 2027-31-12"
    ("31-12-2027", "write 2027-12-31 (31 December 2027)"),
    ("1/7/2027", "can be read two ways: write 2027-07-01 (1 July 2027) or 2027-01-07 (7 January 2027)"),
    ("7.7.2027", "write 2027-07-07 (7 July 2027)"),
    ("2027/12/31", "write 2027-12-31 (31 December 2027)"),
    ("2027-31-12", "write 2027-12-31 (31 December 2027)"),
    ("2027-1-5", "write 2027-01-05 (5 January 2027)"),
    ("31/02/2027", "is not a date; write it as YYYY-MM-DD, e.g. 2027-12-31"),
    ("2027-02-29", "is not a day in the calendar; check the month and the day"),
    ("end of 2027", "is not a date; write it as YYYY-MM-DD, e.g. 2027-12-31"),
])
def test_a_date_in_another_order_gets_the_readings_it_can_have(written, advice):
    found = sm003(f"objectives:\n  - {{id: o, statement: s, deadline: '{written}'}}\n")
    message = found["/objectives/0/deadline"]
    assert message.startswith(f"deadline of objective 'o': '{written}' ") and message.endswith(advice), message


def test_text_where_a_number_was_written_is_told_to_use_quotes():
    found = sm003("objectives:\n  - {id: o, statement: 2027}\n")
    assert found["/objectives/0/statement"] == \
        "statement of objective 'o': 2027 is read as a number or yes/no, not as text; put it in quotes: \"2027\""


def test_an_item_without_a_valid_id_is_counted_in_the_rules_messages_too():
    findings = lint(MINIMAL + "audiences:\n  - id: a\n  - {id: Young People, name: Jongeren}\n"
                    "objectives:\n  - {statement: Meer fans}\n")
    messages = {f.rule: f.message for f in findings if f.rule in ("SM102", "SM204")}
    assert messages["SM204"].startswith("Objective '#1' has no owner")
    assert [f.message for f in findings if f.rule == "SM102"][1].startswith("Audience '#2' is described by")
    assert not [f.message for f in findings if "'?'" in f.message]
