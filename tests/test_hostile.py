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
@pytest.mark.parametrize(("comment", "code"), [("disable=SM205", "SM008"),                     # unused
                                               ("disable=SM205 until=2000-01-01", "SM009")])  # expired
def test_many_unused_or_expired_suppressions_are_reported_in_linear_time(comment, code):
    text = "".join(f"x-k{i}: 1  # smlint: {comment}\n" for i in range(MANY))
    findings = LINTER.lint_bytes("strategy.yaml", text.encode()).findings
    reported = [f for f in findings if f.rule == code]
    assert len(reported) == MANY
    assert reported[-1].path == f"/x-k{MANY - 1}"


@pytest.mark.timeout(30)
def test_a_long_run_of_disable_next_line_comments_is_read_in_linear_time():
    text = "# smlint: disable-next-line=SM205\n" * (3 * MANY) + "x-a: 1\n"
    findings = LINTER.lint_bytes("strategy.yaml", text.encode()).findings
    assert sum(f.rule == "SM008" for f in findings) == 3 * MANY


# Numbers too large to work with: Python reads at most 4,300 digits (ValueError beyond), a float holds at most
# about 1.8e308 (OverflowError beyond). Either is a located SM003 in a numeric field, nothing anywhere else,
# and an exit 2 with file:line:column in a configuration or data file.
LONG = "9" * 400  # beyond a float
HUGE = "9" * 5000  # beyond Python's int() of text
GROENE = EXAMPLES / "groene-buurt.strategy.yaml"
FIELDS = {"baseline: 1200": 49, "target: 150": 61, "share: 40": 84, "posts: 3": 102, "size: 12": 13}


HUGE_VARIANTS = [pytest.param(field, line, number, id=f"{field.split(':')[0]}-{number[:3]}-{len(number)}")
                 for number in (LONG, HUGE, "-" + LONG, "0x" + "f" * 300, f'"{LONG}"', f'"{HUGE}"')
                 for field, line in FIELDS.items()
                 if (field, number) != ("size: 12", f'"{LONG}"')]  # a whole number written as text: valid, as pydantic says


@pytest.mark.parametrize(("field", "line", "number"), HUGE_VARIANTS)
def test_huge_numbers_in_numeric_fields_are_located_sm003(cli, tmp_path, field, line, number):
    name, value = field.split(": ")
    text = GROENE.read_text(encoding="utf-8").replace(field, f"{name}: {number}")
    (tmp_path / "a.strategy.yaml").write_text(text, encoding="utf-8")
    result = cli("check", tmp_path / "a.strategy.yaml", "--format", "json", "--today", "2027-01-02", "--lang", "en")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    [problem] = [f for f in findings if f["rule"] == "SM003"]
    assert problem["line"] == line
    assert "9999999999" not in problem["message"] or len(problem["message"]) < 300  # a number is shown abbreviated
    result = cli("maturity", tmp_path / "a.strategy.yaml", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["stage"] >= 1


@pytest.mark.parametrize("number", [LONG, HUGE, "0x" + "f" * 5000, "1" + "0" * 400 + ".5"])
def test_huge_numbers_elsewhere_are_fine(number):
    result = LINTER.lint_bytes("strategy.yaml", EXAMPLE.replace("version: 1", f"version: 1\nx-big: {number}\nx-list: [{number}]").encode())
    assert [f.rule for f in result.findings if f.rule.startswith("SM0")] == []


def test_a_huge_version_is_sm006_with_the_number_abbreviated():
    [finding] = LINTER.lint_bytes("strategy.yaml", EXAMPLE.replace("version: 1", f"version: {HUGE}").encode()).findings
    assert finding.rule == "SM006"
    assert len(finding.message) < 300


def test_a_folder_run_with_a_huge_number_finishes_with_valid_json(cli, tmp_path):
    (tmp_path / "a.strategy.yaml").write_text(f"x-a: {HUGE}\n" + EXAMPLE, encoding="utf-8")
    (tmp_path / "b.strategy.yaml").write_text(EXAMPLE.replace("size: 12", f"size: {HUGE}"), encoding="utf-8")
    result = cli("check", tmp_path, "--format", "json", "--today", "2027-01-02")
    document = json.loads(result.output)
    assert document["summary"]["files"] == 2
    assert [f["rule"] for f in document["findings"] if f["rule"] == "SM003"] == ["SM003"]


@pytest.mark.parametrize("number", [LONG, HUGE, "-" + LONG])
@pytest.mark.parametrize("kind", ["config", "channel-data", "pyproject"])
def test_huge_numbers_in_configuration_and_data_files_exit_2_located(cli, tmp_path, monkeypatch, number, kind):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    args = ["check", "--today", "2027-01-02"]
    if kind == "config":
        (tmp_path / ".smlint.yaml").write_text(f"lang: en\nthresholds:\n  SM301: {{min-reach: {number}}}\n")
        where = ".smlint.yaml:3:"
    elif kind == "pyproject":
        (tmp_path / "pyproject.toml").write_text(f"[tool.smlint]\nlang = 'en'\n\n[tool.smlint.thresholds.SM301]\nmin-reach = {number}\n")
        where = "pyproject.toml:5:"
    else:
        (tmp_path / "data.yaml").write_text(f"platforms:\n  tiktok:\n    cadence:\n      min: {{posts: {number}, per: week}}\n")
        args += ["--channel-data", "data.yaml"]
        where = "data.yaml:4:"
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert where in result.output
    assert len(result.output) < 1000


# Special files: never a hang, never an unbounded read.
def _fifo(path):
    import os

    os.mkfifo(path)
    return path


def _run(*args, stdin=None, cwd=None):
    """smlint in a fresh process (standard input as given, closed when ``stdin`` is "closed")."""
    import subprocess
    import sys

    command = [sys.executable, "-m", "smlint", *map(str, args)]
    if stdin == "closed":
        command = ["sh", "-c", 'exec "$@" <&-', "sh", *command]
        stdin = None
    return subprocess.run(command, stdin=stdin, capture_output=True, text=True, timeout=120, cwd=cwd, check=False)


@pytest.mark.timeout(60)
def test_a_fifo_or_device_met_in_a_folder_is_sm001_and_the_run_goes_on(cli, tmp_path):
    import os

    _fifo(tmp_path / "strategy.yaml")
    (tmp_path / "zero").mkdir()
    os.symlink("/dev/zero", tmp_path / "zero" / "strategy.yaml")
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = cli("check", tmp_path, "--format", "json", "--select", "SM001", "--lang", "en")
    document = json.loads(result.output)
    assert document["summary"]["files"] == 3
    assert [(os.path.relpath(f["file"], tmp_path), f["line"]) for f in document["findings"]] == [
        ("strategy.yaml", 1), (os.path.join("zero", "strategy.yaml"), 1)]
    assert all("not a regular file" in f["message"] for f in document["findings"])


@pytest.mark.timeout(120)
def test_special_files_met_in_a_folder_in_parallel_runs(tmp_path):
    _fifo(tmp_path / "fifo.strategy.yaml")
    for index in range(20):
        (tmp_path / f"s{index}.strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = _run("check", tmp_path, "--format", "json", "--select", "SM001", "--jobs", "2")
    document = json.loads(result.stdout)
    assert document["summary"]["files"] == 21
    assert [f["file"] for f in document["findings"]] == [str(tmp_path / "fifo.strategy.yaml")]


@pytest.mark.timeout(60)
def test_a_device_named_explicitly_is_read_up_to_the_size_limit(cli):
    result = cli("check", "/dev/zero", "--format", "json", "--lang", "en")
    [finding] = json.loads(result.output)["findings"]
    assert finding["rule"] == "SM001" and "more than" in finding["message"]


@pytest.mark.timeout(60)
def test_a_fifo_named_explicitly_is_read(cli, tmp_path):
    import threading

    fifo = _fifo(tmp_path / "plan.yaml")

    def write():
        with open(fifo, "w", encoding="utf-8") as handle:
            handle.write(EXAMPLE + "unknown-key: 1\n")

    writer = threading.Thread(target=write)
    writer.start()
    result = cli("check", fifo, "--format", "json", "--select", "SM007")
    writer.join()
    assert [f["rule"] for f in json.loads(result.output)["findings"]] == ["SM007"]


@pytest.fixture
def short_wait(monkeypatch):
    from smlint.load import discovery

    monkeypatch.setattr(discovery, "FIFO_WAIT", 0.2)


@pytest.mark.timeout(60)
def test_a_fifo_named_explicitly_that_nobody_writes_to_does_not_hang(cli, tmp_path, short_wait):
    result = cli("check", _fifo(tmp_path / "plan.yaml"), "--format", "json", "--lang", "en")
    [finding] = json.loads(result.output)["findings"]
    assert finding["rule"] == "SM001" and "Nothing was written" in finding["message"]


@pytest.mark.timeout(60)
def test_a_huge_file_is_not_read(cli, tmp_path):
    big = tmp_path / "strategy.yaml"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB that take no room
    result = cli("check", tmp_path, "--format", "json", "--lang", "en")
    [finding] = json.loads(result.output)["findings"]
    assert finding["rule"] == "SM001" and "3221225472" in finding["message"].replace(",", "")


@pytest.mark.timeout(60)
def test_endless_standard_input_is_read_up_to_the_size_limit():
    with open("/dev/zero", "rb") as zero:
        result = _run("check", "-", "--format", "json", "--lang", "en", stdin=zero)
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "SM001" and "more than" in finding["message"]


def test_closed_standard_input_is_a_usage_error():
    result = _run("check", "-", "--lang", "nl", stdin="closed")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "invoer" in result.stderr


@pytest.mark.timeout(60)
@pytest.mark.parametrize("option", ["--config", "--channel-data"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_special_configuration_and_data_files_exit_2(cli, tmp_path, monkeypatch, short_wait, option, special):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    path = _fifo(tmp_path / "settings.yaml") if special == "fifo" else special
    result = CliRunner().invoke(main, ["check", option, str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{path}:1:1:" in result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_special_baseline_file_exits_2(cli, tmp_path, monkeypatch, short_wait, special):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    path = _fifo(tmp_path / "baseline.json") if special == "fifo" else special
    result = CliRunner().invoke(main, ["check", "--baseline", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.timeout(60)
def test_fix_meets_special_files_without_a_hang(tmp_path):
    _fifo(tmp_path / "strategy.yaml")
    (tmp_path / "b.strategy.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = _run("fix", tmp_path, "--lang", "en")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert "not a regular file" in result.stderr
    with open("/dev/zero", "rb") as zero:
        result = _run("fix", "-", "--lang", "en", stdin=zero)
    assert result.returncode == 1 and "more than" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.timeout(60)
def test_init_answers_from_a_fifo_nobody_writes_to_exit_2(cli, tmp_path, short_wait):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new.strategy.yaml"), "--answers",
                                       str(_fifo(tmp_path / "answers.yaml")), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Nothing was written" in result.output


@pytest.mark.parametrize("target", [f"+{LONG}%", f"'+{LONG}%'", f"'-{HUGE} %'"])
def test_a_relative_target_too_large_to_work_with_is_sm003_not_infinity_in_a_message(cli, tmp_path, target):
    text = GROENE.read_text(encoding="utf-8").replace("target: 150", f"target: {target}")
    (tmp_path / "a.strategy.yaml").write_text(text, encoding="utf-8")
    result = cli("check", tmp_path / "a.strategy.yaml", "--format", "json", "--today", "2027-01-02", "--lang", "en")
    findings = json.loads(result.output)["findings"]
    assert [f["line"] for f in findings if f["rule"] == "SM003"] == [FIELDS["target: 150"]]
    assert not any("inf" in f["message"].split("%")[0][-4:] or "inf%" in f["message"] for f in findings)


def test_a_statement_with_a_number_beyond_a_float_never_shows_infinity():
    old = "statement: Voor 1 juli 2027 melden zich via Instagram 150 gezinnen aan voor de Groene Week."
    new = f"statement: Voor 1 juli 2027 melden zich via Instagram {LONG} gezinnen aan ({LONG}%) voor de Groene Week."
    assert old in EXAMPLE
    findings = LINTER.lint_bytes("strategy.yaml", EXAMPLE.replace(old, new).encode()).findings
    # a number no float holds is not compared (once: "the numbers in the statement (inf) do not match")
    assert not any("inf" in f.message.replace("info", "") for f in findings), [f.message for f in findings]
