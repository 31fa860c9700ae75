"""`smlint fix`: the corpus of files in the styles people write, each fix kind, and the command."""

from __future__ import annotations

import json
import os
import stat
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings

from smlint import checks
from smlint.data import catalogue

from .conftest import lint
from .fixcorpus import CORPUS, FILES, golden, linter, run
from .fuzzing import edited_text, mutated_examples

FIXABLE_CODES = [code for code in checks.modules() if hasattr(checks.load(code), "fix")]


def only_spans_changed(before: str, after: str, spans) -> bool:
    """Whether ``after`` is ``before`` with only the text inside ``spans`` replaced, character for character."""
    import re

    pattern, at = [], 0
    for start, end in spans:
        pattern.append(re.escape(before[at:start]) + "(.*?)")
        at = max(at, end)
    pattern.append(re.escape(before[at:]))
    return re.fullmatch("".join(pattern), after, re.S) is not None


def test_the_corpus_is_large_and_varied():
    assert len(FILES) >= 30
    raw = [path.read_bytes() for path in FILES]
    assert sum(b"\r\n" in data for data in raw) >= 2 and any(data.startswith(b"\xef\xbb\xbf") for data in raw)
    assert sum(b"#" in data for data in raw) >= 10 and sum(b"{" in data for data in raw) >= 10
    assert sum(b"languages: [nl]" in data for data in raw) >= 5 and sum(b"languages: [en]" in data for data in raw) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".")[0])
def test_corpus_file_is_fixed_exactly_and_only_where_fixes_apply(path):
    original = path.read_bytes()
    outcome = run(path)
    expected = golden(path, "fixed")
    assert outcome.fixed == (expected.read_bytes() if expected.exists() else original)
    assert not outcome.refused
    # nothing changes outside the changed spans: comments, order, quoting, layout, line endings
    before = original.decode("utf-8-sig")
    assert only_spans_changed(before, outcome.fixed.decode("utf-8-sig"), outcome.spans)
    if b"\r\n" in original:
        assert outcome.fixed.count(b"\r\n") == outcome.fixed.count(b"\n")
    assert outcome.fixed.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    # every safe-fixable finding is gone, and a second run changes nothing
    after = linter().lint_bytes(path.name, outcome.fixed).findings
    assert not [f for f in after if f.fixable]
    again = run(path, data=outcome.fixed)
    assert not again.changed and not again.applied


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".")[0])
def test_corpus_file_with_unsafe_fixes(path):
    outcome = run(path, unsafe=True)
    expected = golden(path, "unsafe")
    if not expected.exists():
        expected = golden(path, "fixed")
    assert outcome.fixed == (expected.read_bytes() if expected.exists() else path.read_bytes())
    after = linter().lint_bytes(path.name, outcome.fixed).findings
    assert not [f for f in after if f.fix is not None]
    assert not run(path, data=outcome.fixed, unsafe=True).changed


def test_a_file_that_does_not_parse_is_never_touched():
    path = CORPUS / "25-sm001-broken.strategy.yaml"
    outcome = run(path, unsafe=True)
    assert outcome.fatal is not None and outcome.fatal.rule == "SM001" and not outcome.changed


def fixed(text: str, unsafe: bool = False, select=("SM",)) -> str:
    from smlint.engine import Options
    from smlint.fixes import repair

    lint_with = linter()
    wanted = Options(select=tuple(select))
    data = textwrap.dedent(text).encode("utf-8")
    outcome = repair(lambda content: lint_with.lint_bytes("strategy.yaml", content), "strategy.yaml", data,
                     unsafe=unsafe, choose=lambda f: wanted.enabled(f.rule))
    return outcome.fixed.decode("utf-8")


HEAD = "version: 1\norganisation: {name: T}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"


def fixable(text: str) -> list[str]:
    return [f.rule for f in lint(text) if f.fixable]


@pytest.mark.parametrize("before, after", [
    ("objectives:\n  - {id: a, statement: x, baseline: 1.200}\n", "baseline: 1200}"),
    ("objectives:\n  - {id: a, statement: x, deadline: 31-12-2027}\n", "deadline: 2027-12-31}"),
    ("objectives:\n  - {id: a, statement: x, deadline: 31 december 2027}\n", "deadline: 2027-12-31}"),
    ("objectives:\n  - {id: a, statement: x, deadline: 'December 31, 2027'}\n", "deadline: '2027-12-31'}"),
    ("objectives:\n  - {id: a, statement: x, deadlnie: 2027-12-31}\n", "deadline: 2027-12-31}"),
    ("doelgroepen:\n  - id: a\n", "audiences:\n"),
    ("maturity:\n  practices: {reporting_cadence: wekelijks}\n", "reporting_cadence: weekly}"),
    ("content:\n  cadence: [{channel: x, posts: 1, per: maand}]\n", "per: month}"),
    ("audiences:\n  - {id: a, segment: Consumer}\n", "segment: consumer}"),
    ("content:\n  pillars: [{id: a, share: 40 procent}]\n", "share: 40}"),
    ("audiences:\n  - name: Jonge gezinnen\n", "  - id: jonge-gezinnen\n    name: Jonge gezinnen\n"),
])
def test_each_safe_fix(before, after):
    assert fixable(HEAD + before)
    assert after in fixed(HEAD + before)


def test_missing_version_is_added_before_the_first_key_after_the_header_comments():
    text = "# yaml-language-server: $schema=x.json\n# Ons plan\norganisation: {name: T}\n"
    assert fixed(text) == "# yaml-language-server: $schema=x.json\n# Ons plan\nversion: 1\norganisation: {name: T}\n"


@pytest.mark.parametrize("text", [
    "objectives:\n  - {id: a, statement: x, deadline: 2027-02-30}\n",  # no such date
    "objectives:\n  - {id: a, statement: x, deadline: someday}\n",
    "objectives:\n  - {id: a, statement: x, deadline: 2027-12-31, deadlnie: 2027-12-31}\n",  # the key exists
    "audiences:\n  - {id: a, segment: klanten}\n",  # no choice it surely means
    "audiences:\n  - {age: 25-40}\n",  # no name to make an id from
    "objectives:\n  - {id: a, statement: x, deadline: 07/01/2027}\n",  # two readings: unsafe only
    "audiences:\n  - {id: Jonge Ouders}\n",  # not a slug: unsafe only
    "x-anchor: &d 1.200\nobjectives:\n  - {id: a, statement: x, baseline: *d}\n",  # through an alias
])
def test_no_safe_fix_where_it_is_not_sure(text):
    assert not fixable(HEAD + text)
    assert fixed(HEAD + text) == textwrap.dedent(HEAD + text)


def test_a_key_is_renamed_only_when_one_key_is_close():
    assert not fixable(HEAD + "audiences:\n  - {id: a, nme: x}\n")  # name or income?
    assert "role: x" in fixed(HEAD + "team:\n  - {id: a, roel: x}\n")


def test_ambiguous_date_follows_the_file_language_with_unsafe_fixes():
    dutch = HEAD.replace("{name: T}", "{name: T, languages: [nl]}")
    us = HEAD.replace("{name: T}", "{name: T, languages: [en], region: us}")
    entry = "tasks:\n  - {id: a, title: x, due: 07/01/2027}\n"
    assert "due: 2027-01-07" in fixed(dutch + entry, unsafe=True)
    assert "due: 2027-07-01" in fixed(us + entry, unsafe=True)
    assert "07/01/2027" in fixed(dutch + entry)


def test_an_id_that_is_not_a_slug_is_renamed_with_its_references():
    text = HEAD + textwrap.dedent("""\
        audiences:
          - id: Jonge Ouders
        objectives:
          - {id: a, statement: x, audiences: [Jonge Ouders]}
        channels:
          - {platform: instagram, audiences: [Jonge Ouders]}
        """)
    out = fixed(text, unsafe=True)
    assert "Jonge Ouders" not in out and out.count("jonge-ouders") == 3


def test_a_fix_that_would_add_a_finding_is_not_applied():
    text = HEAD + "audiences:\n  - id: studenten\n  - id: Studenten\n"
    from smlint.engine import Options
    from smlint.fixes import repair

    lint_with = linter()
    outcome = repair(lambda c: lint_with.lint_bytes("s.yaml", c), "s.yaml", text.encode(), unsafe=True,
                     choose=lambda f: Options().enabled(f.rule))
    assert not outcome.changed
    [(finding, harm)] = outcome.refused
    assert finding.rule == "SM003" and [h.rule for h in harm] == ["SM005"]


def test_two_keys_meaning_the_same_key_rename_only_once():
    out = fixed(HEAD + "objectives:\n  - id: a\n    statement: x\n    deadlnie: 2027-12-31\n    dedline: 2027-11-30\n")
    assert out.count("deadline:") == 1


def test_select_and_ignore_choose_the_rules_fixed():
    text = HEAD + "objectives:\n  - {id: a, statement: x, baseline: 1.200, deadlnie: 2027-12-31}\n"
    only_keys = fixed(text, select=("SM007",))
    assert "deadline:" in only_keys and "1.200" in only_keys


def test_rules_that_fix_are_documented_as_fixable():
    for code in checks.implemented():
        documented = "fix" in catalogue()[code]
        assert documented == (code in FIXABLE_CODES), code
        if documented:
            for lang in ("en", "nl"):
                assert catalogue()[code]["fix"][lang].strip()


# -- the command ----------------------------------------------------------------------


def write(tmp_path, name: str, text: str, mode: int = 0o640):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    os.chmod(path, mode)
    return path


FLAWED = HEAD + "objectives:\n  - id: a      # het doel\n    statement: x\n    baseline: 1.200   # nu\n"


def test_fix_command_writes_in_place_keeping_permissions(cli, tmp_path):
    path = write(tmp_path, "a.strategy.yaml", FLAWED)
    result = cli("fix", path, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert path.read_text() == FLAWED.replace("1.200   #", "1200    #")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.strategy.yaml"]  # no temporary file left
    assert "SM003 fixed: `1.200` -> `1200`" in result.output and "Fixed 1 problem in 1 file." in result.output
    again = cli("fix", path, "--lang", "en")
    assert again.exit_code == 0 and "Nothing to fix" in again.output


def test_fix_command_through_a_link_replaces_the_target(cli, tmp_path):
    target = write(tmp_path, "real.yaml", FLAWED)
    link = tmp_path / "link.strategy.yaml"
    link.symlink_to(target.name)
    assert cli("fix", link).exit_code == 0
    assert link.is_symlink() and "1200" in target.read_text()


def test_fix_diff_writes_nothing_and_exits_1(cli, tmp_path):
    path = write(tmp_path, "a.strategy.yaml", FLAWED)
    result = cli("fix", "--diff", path)
    assert result.exit_code == 1
    assert path.read_text() == FLAWED
    assert "-    baseline: 1.200   # nu\n+    baseline: 1200    # nu\n" in result.stdout
    assert cli("fix", "--diff", write(tmp_path, "b.strategy.yaml", HEAD)).exit_code == 0


def test_fix_leaves_an_unreadable_file_alone_and_exits_1(cli, tmp_path):
    broken = "version: 1\norganisation: {name: [\n"
    path = write(tmp_path, "a.strategy.yaml", broken)
    result = cli("fix", path, "--lang", "nl")
    assert result.exit_code == 1 and path.read_text() == broken
    assert "niet aangeraakt: SM001" in result.output


def test_fix_reports_unsafe_fixes_it_left(cli, tmp_path):
    path = write(tmp_path, "a.strategy.yaml", HEAD + "tasks:\n  - {id: a, title: x, due: 07/01/2027}\n")
    result = cli("fix", path, "--lang", "en")
    assert "1 more can be fixed with --unsafe-fixes." in result.output and "07/01/2027" in path.read_text()
    assert cli("fix", path, "--unsafe-fixes").exit_code == 0 and "2027-01-07" in path.read_text()


def test_fix_reads_standard_input_and_writes_standard_output(cli):
    result = cli("fix", "-", input=FLAWED)
    assert result.exit_code == 0 and result.stdout == FLAWED.replace("1.200   #", "1200    #")


def test_check_marks_fixable_findings(cli, tmp_path):
    path = write(tmp_path, "a.strategy.yaml", FLAWED + "    deadline: 07/01/2027\n")
    text = cli("check", path, "--lang", "en", "--today", "2027-01-02").output
    assert "SM003 error [*] baseline of objective 'a'" in text
    assert "[*] 1 fixable with `smlint fix`. 1 more with `smlint fix --unsafe-fixes`." in text
    findings = json.loads(cli("check", path, "--format", "json", "--today", "2027-01-02").output)["findings"]
    assert [f["fixable"] for f in findings if f["rule"] == "SM003"] == [True, False]
    sarif = json.loads(cli("check", path, "--format", "sarif", "--today", "2027-01-02").output)
    fixes = [r["fixes"] for r in sarif["runs"][0]["results"] if "fixes" in r]
    [[only]] = fixes
    [replacement] = only["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == {"startLine": 7, "startColumn": 15, "endLine": 7, "endColumn": 23}
    assert replacement["insertedContent"] == {"text": "1200    "}


def test_explain_says_what_a_rule_fixes(cli):
    assert "smlint fix" in cli("explain", "SM007").output
    assert "smlint fix" not in cli("explain", "SM205").output


def test_the_work_per_file_is_bounded(monkeypatch):
    """Fixes that collide are tried one at a time, within a bounded number of lint passes."""
    from smlint import fixes

    monkeypatch.setattr(fixes, "MAX_LINTS", 6)
    text = (HEAD + "audiences:\n" + "  - name: Ouders\n" * 40
            + "".join(f"  - id: groep-{n}\n  - id: Groep {n}\n" for n in range(40)))  # each rename: a duplicate
    passes = []
    lint_with = linter()

    def lint(content):
        passes.append(1)
        return lint_with.lint_bytes("s.yaml", content)

    outcome = fixes.repair(lint, "s.yaml", text.encode(), choose=lambda f: True, unsafe=True)
    assert len(passes) <= 6 and outcome.refused and outcome.left
    # the ids made from the same name are unique from the start: all 40 in one round
    assert outcome.fixed.count(b"  - id: ouders") == 40 and b"id: ouders-40\n" in outcome.fixed



FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fix_property(data: bytes) -> None:
    """Hostile input: fix raises nothing, never breaks the file, changes only its spans, and is done in one run."""
    from smlint.fixes import repair

    lint_with = linter()
    outcome = repair(lambda c: lint_with.lint_bytes("s.yaml", c), "s.yaml", data, unsafe=True, choose=lambda f: True)
    if not outcome.changed:
        return
    assert not [f for f in lint_with.lint_bytes("s.yaml", outcome.fixed).findings if f.rule == "SM001"]
    assert only_spans_changed(data.decode("utf-8-sig"), outcome.fixed.decode("utf-8-sig"), outcome.spans)
    again = repair(lambda c: lint_with.lint_bytes("s.yaml", c), "s.yaml", outcome.fixed, unsafe=True,
                   choose=lambda f: True)
    assert not again.changed


@FUZZ
@given(edited_text())
def test_fix_on_examples_edited_as_text(data):
    fix_property(data)


@FUZZ
@given(mutated_examples())
def test_fix_on_mutated_examples(data):
    fix_property(data)
