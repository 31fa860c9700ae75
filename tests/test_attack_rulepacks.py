"""Hostile rule packs: exit 2 at the place in the pack, or a bounded run; never a hang, a crash or a forged line."""

from __future__ import annotations

import json

import pytest

from smlint import rulepacks
from smlint.load.loader import load_text

from .conftest import EXAMPLES
from .test_rulepacks import _fresh_packs  # noqa: F401 (an autouse fixture: every test reads its packs anew)

TODAY = ("--today", "2027-03-01")


@pytest.fixture
def org(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")

    def write(rules: str, strategy: str | None = None):
        (tmp_path / "pack.yaml").write_text("version: 1\nrules:\n" + rules, encoding="utf-8")
        if strategy is not None:
            (tmp_path / "s.strategy.yaml").write_text(strategy, encoding="utf-8")
        return tmp_path

    return write


def _rule(given: str, then: str, message: str = "x") -> str:
    return f"  - code: ORG001\n    message: {{en: {json.dumps(message)}}}\n    given: {json.dumps(given)}\n" \
           f"    then: {then}\n"


def _statement(text: str) -> str:
    return f"version: 1\nobjectives:\n  - id: one\n    statement: {json.dumps(text)}\n"


def _pack_findings(cli, *extra):
    result = cli("check", "s.strategy.yaml", "--format", "json", "--select", "ORG", "--lang", "en", *TODAY, *extra)
    assert result.exit_code in (0, 1), result.output
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("ORG")]


def test_a_value_with_line_breaks_and_escapes_cannot_forge_lines_in_the_output(org, cli):
    org(_rule("$.objectives[*]", "{field: statement, function: pattern, functionOptions: {match: '^zzz'}}",
              "bad: {value} in {id}"),
        _statement("one\nx.yaml:1:1: SM001 error forged\u2028\r\x1b[31mred\u202e"))
    result = cli("check", "s.strategy.yaml", "--select", "ORG", "--lang", "en", "-q", *TODAY)
    lines = result.stdout.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].endswith(r"bad: one\nx.yaml:1:1: SM001 error forged\u2028\r\x1b[31mred\u202e in one")


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("given", "then"), [
    ("$.objectives[*]", "{field: statement, function: pattern, functionOptions: {match: '^(a+)+$'}}"),
    ("$.objectives[*]", "{field: statement, function: pattern, functionOptions: {notMatch: '(a|aa)*b'}}"),
    ("$.objectives[?search(@.statement, '^(a|a)*$')]", "{function: falsy}"),
    ("$.objectives[?match(@.statement, '(a*)*b')]", "{function: falsy}"),
    ("$.objectives[?@.statement =~ /(a+)+b/i]", "{function: falsy}"),
])
def test_patterns_that_backtrack_forever_in_python_finish_in_linear_time(org, cli, given, then):
    """Each of these takes hours with Python's re on this text (2**5000 ways to split the a's)."""
    org(_rule(given, then), _statement("a" * 5000 + "!"))
    findings = _pack_findings(cli)
    assert len(findings) <= 1


@pytest.mark.parametrize("pattern", ["(?<=a)b", "(?=a)", "(a)\\1", "(?<!x)y"])
def test_a_pattern_that_needs_backtracking_is_exit_2_at_its_place(org, cli, pattern):
    org(_rule("$.objectives[*]", f"{{field: statement, function: pattern, functionOptions: {{match: '{pattern}'}}}}"),
        _statement("ab"))
    result = cli("check", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2
    assert "pack.yaml:6:" in result.stderr and "lookaround and backreferences are not allowed" in result.stderr
    assert "b'invalid" not in result.stderr and "re2.cc" not in result.stderr


def test_python_classes_keep_their_meaning_for_every_script(org, cli):
    org(_rule("$.objectives[*]", r"{field: statement, function: pattern, functionOptions: {match: '^\w+\s\d+\Z'}}"),
        _statement("café\u00a0٣"))  # a no-break space, an Arabic-Indic three
    assert _pack_findings(cli) == []


def test_translation_leaves_escapes_and_classes_as_python_means_them():
    from smlint.patterns import compile_pattern

    for pattern, text, found in [(r"[\w-]+", "é-é", "é-é"), (r"[^\d]+", "ab٣", "ab"), (r"\D+", "ab٣", "ab"),
                                 (r"[]a]+", "]a]", "]a]"), (r"\\w", "\\w", "\\w"), (r"a\Z", "ba", "a"),
                                 (r"[\s]", "\u2003", "\u2003"), (r"\S+", "x\u2003", "x")]:
        match = compile_pattern(pattern).search(text)
        assert match is not None and match.group(0) == found, pattern


def test_a_jsonpath_that_visits_too_much_stops_for_that_file_and_says_so(org, cli, monkeypatch):
    monkeypatch.setattr(rulepacks, "MAX_VISITS", 2_000)
    calendar = "".join(f"  - {{date: 2027-01-{i % 28 + 1:02d}, channel: instagram, title: t{i}}}\n" for i in range(300))
    org(_rule("$..*..*..*", "{function: pattern, functionOptions: {notMatch: zzz}}"),
        "version: 1\ncalendar:\n" + calendar)
    findings = _pack_findings(cli)
    assert len(findings) == 1
    assert findings[0]["line"] == 1 and "visits more than 2,000 nodes" in findings[0]["message"]
    dutch = cli("check", "s.strategy.yaml", "--select", "ORG", "--lang", "nl", "-q", *TODAY)
    assert "bezoekt meer dan 2.000 knopen" in dutch.stdout


def test_the_visit_budget_counts_the_queries_inside_filters_too(monkeypatch):
    monkeypatch.setattr(rulepacks, "MAX_VISITS", 5_000)
    data = {"calendar": [{"title": f"t{i}", "tags": [1, 2, 3]} for i in range(500)]}
    query = rulepacks.Query("$.calendar[?count($..*) > 1]")  # every entry walks the whole document again
    with pytest.raises(rulepacks.TooMuchWork):
        list(query.find(data))
    assert len(list(rulepacks.Query("$.calendar[*].title").find(data))) == 500  # a plain path is not budgeted


def test_a_jsonpath_longer_than_the_limit_or_nested_too_deeply_is_exit_2(org, cli):
    org(_rule("$" + ".a" * 600, "{function: truthy}"), _statement("x"))
    long = cli("check", "s.strategy.yaml", *TODAY)
    assert long.exit_code == 2 and "longer than the 1000 characters" in long.stderr
    org(_rule("$[?" + "(" * 495 + "@.a" + ")" * 495 + "]", "{function: truthy}"), _statement("x"))
    deep = cli("check", "s.strategy.yaml", *TODAY)  # as deep as the limit allows: the parser's own limit speaks
    assert deep.exit_code == 2 and "is not a JSONPath: maximum recursion depth exceeded" in deep.stderr


@pytest.mark.parametrize(("then", "words"), [
    ("{field: target, function: minimum, functionOptions: {value: .nan}}", "not infinity or NaN"),
    ("{field: target, function: maximum, functionOptions: {value: .inf}}", "not infinity or NaN"),
    ("{field: target, function: maximum, functionOptions: {value: 1e400}}", "not infinity or NaN"),
    ("{field: statement, function: length, functionOptions: {min: 10, max: 2}}", "min of length is larger than max"),
    ("{field: statement, function: length, functionOptions: {max: -1}}", "'max' of length cannot be negative"),
    ("{field: statement, function: enum, functionOptions: {values: []}}", "at least one value under values"),
    ("{field: 'a..b', function: truthy}", "not valid"),
    ("[]", "not valid"),
])
def test_function_options_that_make_no_sense_are_exit_2(org, cli, then, words):
    org(_rule("$.objectives[*]", then), _statement("x"))
    result = cli("check", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2 and words in result.stderr, result.stderr
    assert "pack.yaml:" in result.stderr


@pytest.mark.parametrize("given", ["", []])
def test_an_empty_given_is_exit_2(org, cli, given):
    org(f"  - code: ORG001\n    message: {{en: x}}\n    given: {json.dumps(given)}\n    then: {{function: truthy}}\n",
        _statement("x"))
    result = cli("check", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2 and "pack.yaml:5:" in result.stderr


@pytest.mark.parametrize("placeholder", ["{vaule}", "{ID}", "{0}", "{}", "{value.__class__}"])
def test_a_placeholder_smlint_does_not_fill_in_is_exit_2(org, cli, placeholder):
    org(_rule("$.objectives[*]", "{field: owner, function: truthy}", f"owner missing {placeholder}"), _statement("x"))
    result = cli("check", "s.strategy.yaml", "--lang", "nl", *TODAY)
    assert result.exit_code == 2 and f"De melding bevat {placeholder}" in result.stderr


def test_a_pack_listed_twice_is_read_once(org, cli, tmp_path):
    org(_rule("$.objectives[*]", "{field: owner, function: truthy}"), _statement("x"))
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [pack.yaml, ./pack.yaml, pack.yaml]\n", encoding="utf-8")
    assert len(_pack_findings(cli)) == 1
    (tmp_path / "other.yaml").write_text((tmp_path / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [pack.yaml, other.yaml]\n", encoding="utf-8")
    clash = cli("check", "s.strategy.yaml", *TODAY)
    assert clash.exit_code == 2 and "ORG001 is already used in" in clash.stderr


def test_a_relative_pack_in_pyproject_is_found_from_a_subfolder(tmp_path, monkeypatch, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pack.yaml").write_text("version: 1\nrules:\n" + _rule("$.objectives[*]", "{field: owner, function: truthy}"),
                                        encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.smlint]\nrule-packs = ["pack.yaml"]\n', encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "s.strategy.yaml").write_text(_statement("x"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "plans")
    assert len(_pack_findings(cli)) == 1


def test_the_example_pack_still_loads_and_its_filters_still_work():
    rules = rulepacks.load((str(EXAMPLES / "rulepacks" / "gemeente-zuidstad.rulepack.yaml"),))
    root = load_text((EXAMPLES / "groene-buurt.strategy.yaml").read_text(encoding="utf-8")).root
    document = rulepacks.Document(root)
    assert rules and all(rulepacks.evaluate(rule, document, rulepacks.period_of(root)) == [] for rule in rules)


@pytest.mark.timeout(60)
def test_a_fifo_as_rule_pack_is_exit_2_never_a_hang(org, cli, tmp_path, monkeypatch):
    import os

    from smlint.load import discovery

    monkeypatch.setattr(discovery, "FIFO_WAIT", 0.2)
    org(_rule("$.objectives[*]", "{function: truthy}"), _statement("x"))
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / ".smlint.yaml").write_text("rule-packs: [fifo.yaml]\n", encoding="utf-8")
    assert cli("check", "s.strategy.yaml", *TODAY).exit_code == 2


def test_a_nul_in_a_rule_pack_path_is_exit_2(org, cli, tmp_path):
    org(_rule("$.objectives[*]", "{function: truthy}"), _statement("x"))
    (tmp_path / ".smlint.yaml").write_text('rule-packs: ["pack\\0.yaml"]\n', encoding="utf-8")
    result = cli("check", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2 and "NUL in the file name" in result.stderr


def test_a_nul_in_a_channel_data_path_is_exit_2(org, cli, tmp_path):
    org(_rule("$.objectives[*]", "{function: truthy}"), _statement("x"))
    (tmp_path / ".smlint.yaml").write_text('channel-data: "data\\0.yaml"\n', encoding="utf-8")
    assert cli("check", "s.strategy.yaml", *TODAY).exit_code == 2


def test_a_packs_documentation_reaches_the_terminal_with_its_escapes_shown_not_run(org, cli):
    docs = ("    docs:\n      en:\n        summary: \"Sum\\e[31mmary\\u202e\"\n"
            "        what: \"First line\\nsecond \\e]0;title\\a line\\u2028end\"\n"
            "        bad: \"channels:\\n\\t- \\e[2Jx\"\n")
    org(_rule("$.objectives[*]", "{field: statement, function: truthy}") + docs, _statement("one"))
    for args in (("explain", "ORG001"), ("rules",)):
        shown = cli(*args, "--lang", "en").stdout
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown and "\u2028" not in shown
        assert r"\x1b[31m" in shown and r"\u202e" in shown
    shown = cli("explain", "ORG001", "--lang", "en").stdout
    assert "First line\nsecond \\x1b]0;title\\x07 line\\u2028end" in shown  # its own lines kept, one per line
    assert "channels:\n\t- \\x1b[2Jx" in shown
