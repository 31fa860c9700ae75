"""Hostile input: nothing escapes, exit codes stay 0/1/2, every finding has a line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smlint.cli import main
from smlint.engine import Linter, Options

from .conftest import EXAMPLES, TODAY

LINTER = Linter(Options(today=TODAY))
EXAMPLE = (EXAMPLES / "groene-buurt.strategy.yaml").read_text(encoding="utf-8")

FIXED_CASES = [
    b"", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"---", b"--- !!set {a}", b"? [a]\n: 1",
    b"a: !!binary aGVsbG8=", b"a: !!timestamp 2001-12-14", b"a: !!int nope", b"a: !!float x",
    b"&a a: b", b"[" * 70 + b"]" * 70, b"{" * 70 + b"}" * 70, b"a:\n" + b"  " * 500 + b"b",
    b"version: 1\x85x", b"\t\t\t", b"a: 'unterminated", b'a: "\\uZZZZ"', b"%YAML 1.1\n--- a",
    b"%TAG ! tag:x,2000:\n--- !foo a", b"a: b: c", b"- - - -", b"version: 1e400",
    b"version: .nan\norganisation: x", b"version: true", b"version: '1'", b"period: 2027",
    b"version: 1\norganisation: {name: x}\nperiod: {start: 2027-02-30, end: 2027-01-01}",
    b"version: 1\nobjectives: [1, 2, null, {id: ~}]", b"version: 1\nchannels: [{platform: null}]",
    b"version: 1\naudiences: [{id: a, age: 500-900}]", b"version: 1\ncontent: {cadence: [{channel: x, posts: -1, per: year}]}",
    b"<<: {version: 1}", b"<<: [1, 2]", b"a: &x 1\nb: *x\n" * 50, ("x: " + "\U0001F600" * 5000).encode(),
    b"a: " + b"x" * 200_000,
    # found by benchmarks/fuzz.py: infinite numbers once crashed the message formatting (OverflowError)
    b"version: 1\norganisation: {name: x}\nperiod: {start: 2027-01-01, end: 2027-12-31}\nchannels: [{platform: x}]\n"
    b"content: {cadence: [{channel: x, posts: .inf, per: week}]}\ncalendar: [{date: 2027-01-02, channel: x}]\n"
    b"objectives: [{id: o, statement: s, baseline: .nan, target: -.inf}]",
]


def _check(data: bytes) -> None:
    result = LINTER.lint_bytes("strategy.yaml", data)
    for finding in result.findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.message


def test_fixed_hostile_cases():
    for data in FIXED_CASES:
        _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@` \n\t,?0123456789.x") + ["\u00e9", "\U0001F600"]), max_size=300))
def test_random_yaml_like_text(text):
    _check(text.encode("utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(EXAMPLE) - 1), st.integers(0, 40), st.text(max_size=20))
def test_mutated_example(at, cut, insert):
    _check((EXAMPLE[:at] + insert + EXAMPLE[at + cut :]).encode("utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_cli_exit_codes_and_json(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("h") / "strategy.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--today", "2027-01-01"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 1, 2)
    document = json.loads(result.output)
    assert all(f["line"] >= 1 for f in document["findings"])


# Work that grows with the square of the input: the tests bound it with a timeout far above the linear cost
# (well under a second each) and far below the quadratic one (minutes).
MANY = 20_000  # the linear cost: well under a second; the quadratic one: minutes


@pytest.mark.timeout(30)
def test_many_duplicate_keys_are_located_in_linear_time():
    keys = "".join(f"k{i}: 1\n" for i in range(MANY))
    findings = LINTER.lint_bytes("strategy.yaml", ("x-map:\n" + keys.replace("k", "  k") * 2).encode()).findings
    duplicates = [f for f in findings if f.rule == "SM002"]
    assert len(duplicates) == MANY
    assert duplicates[0].path == "/x-map/k0" and duplicates[-1].path == f"/x-map/k{MANY - 1}"


@pytest.mark.timeout(30)
def test_a_key_written_three_times_has_the_path_of_each_repetition():
    findings = LINTER.lint_bytes("strategy.yaml", b"x-a:\n  b: 1\n  b: 2\n  b: 3\n").findings
    assert [(f.line, f.path) for f in findings if f.rule == "SM002"] == [(3, "/x-a/b"), (4, "/x-a/b")]


@pytest.mark.timeout(30)
def test_many_unused_suppressions_are_reported_in_linear_time():
    text = "".join(f"x-k{i}: 1  # smlint: disable=SM205\n" for i in range(MANY))
    findings = LINTER.lint_bytes("strategy.yaml", text.encode()).findings
    unused = [f for f in findings if f.rule == "SM008"]
    assert len(unused) == MANY
    assert unused[-1].path == f"/x-k{MANY - 1}"


@pytest.mark.timeout(30)
def test_a_long_run_of_disable_next_line_comments_is_read_in_linear_time():
    text = "# smlint: disable-next-line=SM205\n" * (3 * MANY) + "x-a: 1\n"
    findings = LINTER.lint_bytes("strategy.yaml", text.encode()).findings
    assert sum(f.rule == "SM008" for f in findings) == 3 * MANY
