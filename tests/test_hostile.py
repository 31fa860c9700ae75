"""Hostile input: nothing escapes, exit codes stay 0/1/2, every finding has a line."""

from __future__ import annotations

import json

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
