"""Rule packs: an organisation's own rules as data, flowing through everything smlint's own rules do."""

from __future__ import annotations

import json
import shutil
import textwrap

import jsonschema
import pytest

from smlint import rulepacks
from smlint.data import data_dir
from smlint.load.loader import load_text, to_python
from smlint.load.schema import text as schema_text

from .conftest import EXAMPLES, MINIMAL, REPO

PACK = EXAMPLES / "rulepacks" / "gemeente-zuidstad.rulepack.yaml"
BREAKS_ALL = REPO / "tests" / "data" / "rulepacks" / "zuidstad-breaks-every-rule.strategy.yaml"
COMPLETE = ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml")


@pytest.fixture(autouse=True)
def _fresh_packs():
    rulepacks._LOADED.clear()
    yield
    rulepacks._LOADED.clear()


@pytest.fixture
def org(tmp_path, monkeypatch):
    """A repository whose configuration loads the example pack."""
    (tmp_path / ".git").mkdir()
    shutil.copy(PACK, tmp_path / "house.rulepack.yaml")
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [house.rulepack.yaml]\ntoday: 2027-03-01\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(result) -> list[dict]:
    return json.loads(result.output)["findings"]


def _pack_codes() -> list[str]:
    return sorted(rule.code for rule in rulepacks.load([str(PACK)]))


def test_every_rule_of_the_example_pack_fires_on_its_purpose_made_file(org, cli):
    result = cli("check", BREAKS_ALL, "--format", "json", "--select", "ZST")
    assert sorted({f["rule"] for f in _json(result)}) == _pack_codes()
    assert len(_pack_codes()) >= 10


@pytest.mark.parametrize("name", COMPLETE)
def test_the_example_pack_is_silent_on_the_complete_examples(org, cli, name):
    result = cli("check", EXAMPLES / name, "--format", "json")
    assert [f for f in _json(result) if f["rule"].startswith("ZST")] == []


def test_pack_findings_are_placed_and_worded_like_smlints_own(org, cli):
    findings = _json(cli("check", BREAKS_ALL, "--format", "json", "--lang", "en"))
    by_rule = {f["rule"]: f for f in findings if f["rule"].startswith("ZST")}
    tiktok = by_rule["ZST002"]
    assert (tiktok["line"], tiktok["column"], tiktok["path"]) == (18, 5, "/channels/0/platform")
    assert tiktok["severity"] == "error" and tiktok["category"] == "organisation"
    assert "'tiktok'" in tiktok["message"]
    # a missing field points at the item that lacks it; {id} names it
    owner = [f for f in findings if f["rule"] == "ZST001"]
    assert owner[0]["path"] == "/objectives/0" and "'zonder-eigenaar'" in owner[0]["message"]
    assert owner[1]["path"] == "/objectives/1/owner" and "'eigenaar-zonder-afdeling'" in owner[1]["message"]
    nl = _json(cli("check", BREAKS_ALL, "--format", "json", "--lang", "nl", "--select", "ZST002"))
    assert nl[0]["message"].startswith("De gemeente gebruikt geen TikTok")


def test_pack_rules_obey_select_ignore_severity_and_suppressions(org, cli, tmp_path):
    assert not [f for f in _json(cli("check", BREAKS_ALL, "--format", "json", "--ignore", "ZST"))
                if f["rule"].startswith("ZST")]
    only = _json(cli("check", BREAKS_ALL, "--format", "json", "--select", "ZST002"))
    assert [f["rule"] for f in only] == ["ZST002"]
    # smlint's own selection without the pack's codes leaves them out; --extend-select adds them back
    assert not [f for f in _json(cli("check", BREAKS_ALL, "--format", "json", "--select", "SM2"))
                if f["rule"].startswith("ZST")]
    (tmp_path / ".smlint.yaml").write_text(
        "rule-packs: [house.rulepack.yaml]\ntoday: 2027-03-01\nseverity: {ZST002: info}\n", encoding="utf-8")
    assert [f["severity"] for f in _json(cli("check", BREAKS_ALL, "--format", "json", "--select", "ZST002"))] == ["info"]
    text = BREAKS_ALL.read_text(encoding="utf-8").replace("  - platform: tiktok\n",
                                                          "  - platform: tiktok  # smlint: disable=ZST002\n")
    (tmp_path / "s.strategy.yaml").write_text(text, encoding="utf-8")
    rules = [f["rule"] for f in _json(cli("check", "s.strategy.yaml", "--format", "json", "--select", "ZST,SM008"))]
    assert "ZST002" not in rules and "SM008" not in rules
    text = text.replace("# smlint: disable=ZST002", "# smlint: disable=ZST099")
    (tmp_path / "s.strategy.yaml").write_text(text, encoding="utf-8")
    unused = [f for f in _json(cli("check", "s.strategy.yaml", "--format", "json", "--select", "ZST,SM008"))
              if f["rule"] == "SM008"]
    assert len(unused) == 1 and "ZST099" in unused[0]["message"]


def test_pack_findings_reach_sarif_with_their_rule(org, cli):
    sarif = json.loads(cli("check", BREAKS_ALL, "--format", "sarif").output)
    run = sarif["runs"][0]
    ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert set(_pack_codes()) <= ids
    assert {r["ruleId"] for r in run["results"]} >= set(_pack_codes())


def test_explain_and_rules_show_pack_rules(org, cli):
    shown = cli("explain", "ZST001", "--lang", "nl").output
    assert "KPI-eigenaar" in shown and "house.rulepack.yaml" in shown and "```yaml" in shown
    listed = cli("rules").output
    assert "ZST012" in listed and "two-in-the-team" in listed


def test_configuration_codes_may_name_pack_rules_but_not_unknown_ones(org, cli, tmp_path):
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [house.rulepack.yaml]\nignore: [ZST999]\n", encoding="utf-8")
    result = cli("check", BREAKS_ALL)
    assert result.exit_code == 2 and "ZST999" in result.output


# --- the functions, one by one: a case that fires and one that must not ---------------------------

FUNCTION_CASES = [
    ("truthy", {}, {"a": ""}, {"a": "x"}),
    ("truthy", {}, {}, {"a": 0.5}),
    ("falsy", {}, {"a": True}, {"a": False}),
    ("falsy", {}, {"a": [1]}, {}),
    ("pattern", {"match": "^@"}, {"a": "zuidstad"}, {"a": "@zuidstad"}),
    ("pattern", {"notMatch": "(?i)tiktok"}, {"a": "TikTok"}, {"a": "instagram"}),
    ("enum", {"values": ["nl", "en"]}, {"a": "de"}, {"a": "nl"}),
    ("enum", {"values": ["nl", "en"]}, {"a": ["nl", "fr"]}, {"a": ["nl", "en"]}),
    ("length", {"min": 2}, {"a": [1]}, {"a": [1, 2]}),
    ("length", {"max": 3}, {"a": "abcd"}, {"a": "abc"}),
    ("minimum", {"value": 10}, {"a": 9}, {"a": 10}),
    ("maximum", {"value": 10}, {"a": 10.5}, {"a": 10}),
    ("unique", {}, {"a": [1, 1]}, {"a": [1, 2]}),
    ("unique", {"key": "n"}, {"a": [{"n": "x"}, {"n": "x"}]}, {"a": [{"n": "x"}, {"n": "y"}]}),
    ("reference", {"to": "$.ids[*]"}, {"a": "z"}, {"a": "x"}),
    ("reference", {"to": "$.ids[*]"}, {"a": ["x", "z"]}, {"a": ["x", "y"]}),
    ("date-within-period", {}, {"a": "2028-01-01"}, {"a": "2027-06-30"}),
]


def _rule(function: str, options: dict) -> rulepacks.PackRule:
    then = {"field": "a", "function": function, "functionOptions": options}
    compiled = rulepacks._then(then, "/rules/0/then", lambda *a, **k: pytest.fail(f"bad test rule {a} {k}"))
    return rulepacks.PackRule("T001", "t", "warning", {"en": "{value}"}, (rulepacks.Query("$.items[*]"),),
                              (compiled,))


@pytest.mark.parametrize(("function", "options", "fires", "silent"), FUNCTION_CASES)
def test_each_function_fires_and_stays_silent(function, options, fires, silent):
    rule = _rule(function, options)
    period = rulepacks.period_of({"period": {"start": "2027-01-01", "end": "2027-12-31"}})
    data = {"ids": ["x", "y"], "items": [fires, silent]}
    hits = rulepacks.evaluate(rule, data, period)
    assert [hit.pointer.split("/")[2] for hit in hits] == ["0"], (function, options)


@pytest.mark.parametrize("expression", ["$", "$.objectives", "$.objectives[*]", "$.objectives[1].owner",
                                        "$.objectives.*", "$['content']['pillars'][*].id", "$.x[*][*]",
                                        "$.nowhere[*].owner", "$.objectives[7]"])
def test_plain_paths_walked_directly_find_what_the_jsonpath_library_finds(expression):
    data = {"objectives": [{"id": "a", "owner": "o"}, {"id": "b/c", "owner": None}],
            "content": {"pillars": [{"id": "p"}, {"name": "q"}]}, "x": [[1, 2], {"k": 3}]}
    query = rulepacks.Query(expression)
    assert query.steps is not None
    library = [("" if str(m.pointer()) == "/" else str(m.pointer()), m.obj) for m in query.compiled.finditer(data)]
    assert [(rulepacks._pointer(where), node) for where, node in query.find(data)] == library
    tree = load_text(json.dumps(data)).root  # the same walk on the positioned tree finds the same nodes
    assert [(rulepacks._pointer(where), to_python(node)) for where, node in
            query.find(rulepacks.Document(tree))] == library


def test_functions_never_raise_on_odd_values():
    odd = [None, True, 10 ** 400, float("inf"), "2027-13-45", {"x": 1}, [None], ""]
    for function, options, _, _ in FUNCTION_CASES:
        rule = _rule(function, options)
        rulepacks.evaluate(rule, {"ids": [None, 1], "items": [{"a": value} for value in odd]}, None)


# --- bad packs: exit 2 with the file, line and column of the problem ------------------------------

BAD_PACKS = [
    ("schema: unknown function", """\
        version: 1
        rules:
          - code: ORG001
            message: {en: x}
            given: $.objectives[*]
            then: {field: owner, function: thruthy}
        """, 6, "not valid"),
    ("schema: smlint's own prefix", """\
        version: 1
        rules:
          - code: SM999
            message: {en: x}
            given: $
            then: {function: truthy}
        """, 3, "not valid"),
    ("bad JSONPath", """\
        version: 1
        rules:
          - code: ORG001
            message: {en: x}
            given: $.objectives[
            then: {function: truthy}
        """, 5, "JSONPath"),
    ("bad regular expression", """\
        version: 1
        rules:
          - code: ORG001
            message: {en: x}
            given: $.channels[*]
            then:
              field: platform
              function: pattern
              functionOptions: {match: "(unclosed"}
        """, 9, "regular expression"),
    ("unknown option", """\
        version: 1
        rules:
          - code: ORG001
            message: {en: x}
            given: $.channels[*]
            then:
              function: length
              functionOptions: {maximum: 3}
        """, 8, "maximum"),
    ("missing option", """\
        version: 1
        rules:
          - code: ORG001
            message: {en: x}
            given: $.channels[*]
            then:
              function: enum
        """, 7, "values"),
    ("duplicate code", """\
        version: 1
        rules:
          - {code: ORG001, message: {en: x}, given: $, then: {function: truthy}}
          - {code: ORG001, message: {en: y}, given: $, then: {function: falsy}}
        """, 4, "ORG001"),
    ("not YAML", "version: 1\nrules: [\n", 3, ""),
]


@pytest.mark.parametrize(("case", "pack", "line", "words"), BAD_PACKS, ids=[c[0] for c in BAD_PACKS])
def test_a_malformed_pack_is_exit_2_with_its_location(tmp_path, monkeypatch, cli, case, pack, line, words):
    (tmp_path / ".git").mkdir()
    (tmp_path / "bad.rulepack.yaml").write_text(textwrap.dedent(pack), encoding="utf-8")
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [bad.rulepack.yaml]\n", encoding="utf-8")
    (tmp_path / "strategy.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "strategy.yaml")
    assert result.exit_code == 2, result.output
    assert f"bad.rulepack.yaml:{line}:" in result.output, result.output
    assert words in result.output
    assert "Traceback" not in result.output


def test_a_missing_pack_is_exit_2(tmp_path, monkeypatch, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [nowhere.yaml]\n", encoding="utf-8")
    (tmp_path / "strategy.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "strategy.yaml")
    assert result.exit_code == 2 and "nowhere.yaml" in result.output


def test_message_placeholders_cannot_reach_into_python(tmp_path):
    rule = rulepacks.PackRule("T001", "t", "warning", {"en": "{value.__class__} {id} {0}"}, (), ())
    assert rule.text("en", {"value": "x", "id": "a"}) == "{value.__class__} a {0}"


def test_rulepack_schema_is_generated_from_its_model_and_accepts_the_example():
    committed = (data_dir("schemas") / "rulepack.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text("rule-pack"), "run: python -m smlint.load.schema --write"
    import yaml

    jsonschema.validate(yaml.safe_load(PACK.read_text(encoding="utf-8")), json.loads(committed))
