"""The command line: exit codes, output formats, selection, discovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from smlint import __version__

from .conftest import EXAMPLES, MINIMAL, smlint_process

FLAWED = EXAMPLES / "flawed.strategy.yaml"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_0(cli, tmp_path):
    path = write(tmp_path, "strategy.yaml", MINIMAL)
    result = cli("check", path, "--select", "SM0", "--today", "2027-01-01")
    assert result.exit_code == 0
    assert result.output.strip().endswith("No problems found in 1 file.")


def test_text_format_line_shape_and_sorting(cli, tmp_path):
    path = write(tmp_path, "x.strategy.yaml", "version: 1\nfoo: 1\norganisation: {name: A, name: B}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n")
    result = cli("check", path, "--select", "SM0")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{path}:2:1: SM007 warning Unknown key 'foo' in the file; known keys here: " + lines[0].split("known keys here: ")[1]
    assert lines[1].startswith(f"{path}:3:25: SM002 error ")
    assert lines[-1] == "Found 2 problems in 1 file: 1 error, 1 warning, 0 info."


def test_json_format_shape(cli):
    result = cli("check", FLAWED, "--format", "json", "--today", "2027-01-02")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert set(document) == {"version", "findings", "summary"}
    assert document["version"] == 1
    assert set(document["summary"]) == {"files", "error", "warning", "info"}
    finding = document["findings"][0]
    assert list(finding) == ["rule", "category", "severity", "message", "file", "line", "column", "path", "fixable"]
    assert finding["file"] == str(FLAWED)
    keys = [(f["file"], f["line"], f["column"], f["rule"]) for f in document["findings"]]
    assert keys == sorted(keys)


def test_output_is_deterministic(cli):
    first = cli("check", EXAMPLES, "--format", "json", "--today", "2027-01-02").output
    second = cli("check", EXAMPLES, "--format", "json", "--today", "2027-01-02").output
    assert first == second


def test_fail_on_error_ignores_warnings(cli, tmp_path):
    path = write(tmp_path, "strategy.yaml", MINIMAL + "foo: 1\n")
    assert cli("check", path, "--select", "SM0").exit_code == 1
    assert cli("check", path, "--select", "SM0", "--fail-on", "error").exit_code == 0


def test_select_and_ignore_by_prefix(cli):
    only_refs = json.loads(cli("check", FLAWED, "--format", "json", "--select", "SM004").output)
    assert {f["rule"] for f in only_refs["findings"]} == {"SM004"}
    without = json.loads(cli("check", FLAWED, "--format", "json", "--select", "SM0", "--ignore", "SM003,SM004").output)
    rules = {f["rule"] for f in without["findings"]}
    assert rules and not rules & {"SM003", "SM004"}


def test_missing_path_exits_2(cli, tmp_path):
    result = cli("check", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_bad_option_values_exit_2(cli):
    assert cli("check", FLAWED, "--today", "31-12-2027").exit_code == 2
    assert cli("check", FLAWED, "--format", "xml").exit_code == 2


def test_folder_search_finds_strategy_files_and_skips_hidden(cli, tmp_path):
    write(tmp_path, "a/strategy.yaml", MINIMAL)
    write(tmp_path, "b/plan.strategy.yml", MINIMAL + "foo: 1\n")
    write(tmp_path, "b/other.yaml", "not: [valid")
    write(tmp_path, ".hidden/strategy.yaml", "not: [valid")
    write(tmp_path, "node_modules/x/strategy.yaml", "not: [valid")
    result = cli("check", tmp_path, "--select", "SM0", "--format", "json")
    document = json.loads(result.output)
    assert document["summary"]["files"] == 2
    assert {f["file"] for f in document["findings"]} == {str(tmp_path / "b" / "plan.strategy.yml")}


def test_file_named_explicitly_is_checked_whatever_its_name(cli, tmp_path):
    path = write(tmp_path, "plan.yaml", "version: [1\n")
    assert cli("check", path).exit_code == 1


def test_empty_folder_exits_0_with_note(tmp_path):
    from click.testing import CliRunner

    from smlint.cli import main

    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0
    assert "No strategy files found" in result.stderr


def test_unreadable_file_is_sm001_and_others_still_checked(cli, tmp_path, monkeypatch):
    # CI runs as root, who can read anything, so the permission error is simulated
    from smlint.load import discovery

    locked = write(tmp_path, "a/strategy.yaml", MINIMAL)
    write(tmp_path, "b/strategy.yaml", MINIMAL + "foo: 1\n")
    real_read = discovery.read

    def read(path, *limit):
        if path == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_read(path, *limit)

    monkeypatch.setattr(discovery, "read", read)
    document = json.loads(cli("check", tmp_path, "--format", "json", "--select", "SM0").output)
    assert [(f["rule"], f["file"], f["line"]) for f in document["findings"]] == [
        ("SM001", str(locked), 1),
        ("SM007", str(tmp_path / "b" / "strategy.yaml"), 4),
    ]
    assert "Permission denied" in document["findings"][0]["message"]


def test_directory_named_like_a_strategy_and_broken_link_are_sm001(cli, tmp_path):
    (tmp_path / "dir.strategy.yaml").mkdir()
    (tmp_path / "broken.strategy.yaml").symlink_to(tmp_path / "missing")
    write(tmp_path, "good/strategy.yaml", MINIMAL)
    result = cli("check", tmp_path, "--format", "json", "--select", "SM0")
    document = json.loads(result.output)
    assert document["summary"]["files"] == 3
    bad = {os.path.basename(f["file"]) for f in document["findings"] if f["rule"] == "SM001"}
    assert bad == {"dir.strategy.yaml", "broken.strategy.yaml"}
    assert all(f["line"] == 1 for f in document["findings"])
    assert result.exit_code == 1


def test_version_schema_rules_explain(cli):
    assert __version__ in cli("--version").output
    schema = json.loads(cli("schema").output)
    assert schema["title"].startswith("smlint strategy")
    table = cli("rules").output
    assert "SM004" in table and "unknown-reference" in table
    rules = json.loads(cli("rules", "--format", "json").output)
    assert all({"code", "name", "category", "severity", "doc"} <= set(r) for r in rules)
    explained = cli("explain", "sm002").output
    assert "duplicate-key" in explained and "## Example" in explained
    dutch = cli("explain", "SM002", "--lang", "nl").output
    assert "Waarom het ertoe doet" in dutch
    unknown = cli("explain", "SM00")
    assert unknown.exit_code == 2 and "did you mean" in unknown.output


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "smlint", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.parametrize("args, config", [
    (["--select", "SM2"], None),
    (["--ignore", "SM001,SM006"], None),
    (["--ignore", "SM0"], None),
    ([], "select: [SM2]\n"),
    ([], "ignore: [SM001, SM006]\n"),
    ([], "per-file-ignores: {'*.yaml': [SM0]}\n"),
])
def test_a_file_that_cannot_be_read_is_never_clean(cli, tmp_path, args, config):
    """SM001 and SM006 are reported whatever the selection: a gate must not pass a file it could not check."""
    broken = write(tmp_path, "broken.strategy.yaml", "version: 1\norganisation: [\n")
    future = write(tmp_path, "future.strategy.yaml", "version: 2\n")
    folder = write(tmp_path, "folder.strategy.yaml/x", "")
    if config is not None:
        args = [*args, "--config", write(tmp_path, ".smlint.yaml", config)]
    assert broken.parent == future.parent == folder.parent.parent == tmp_path
    result = cli("check", tmp_path, "--format", "json", *args)
    assert result.exit_code == 1, result.output
    found = sorted((os.path.basename(f["file"]), f["rule"]) for f in json.loads(result.output)["findings"])
    assert found == [("broken.strategy.yaml", "SM001"), ("folder.strategy.yaml", "SM001"),
                     ("future.strategy.yaml", "SM006")]


@pytest.mark.parametrize("option, value, expected", [
    ("--select", "SM2O5", "'SM2O5'; did you mean 'SM205'?"),
    ("--select", "XYZ", "'XYZ'"),
    ("--select", "SM205 SM206", "separate them with commas: SM205,SM206"),
    ("--select", "SM999", "'SM999'; did you mean"),
    ("--ignore", "SM2O5", "'SM2O5'; did you mean 'SM205'?"),
    ("--extend-select", "SM20S", "'SM20S'; did you mean"),
    ("--ignore", "SM205,,bogus", "'BOGUS'"),
])
def test_unknown_codes_on_the_command_line_are_usage_errors(cli, option, value, expected):
    """A typo in --select must not turn the gate into one that checks nothing (as in the configuration)."""
    result = cli("check", FLAWED, option, value)
    assert result.exit_code == 2
    assert option in result.output and expected in result.output
    assert "Traceback" not in result.output


def test_unknown_codes_are_told_in_dutch(cli):
    result = cli("check", FLAWED, "--select", "SM2O5", "--lang", "nl")
    assert result.exit_code == 2
    assert "Fout: --select: onbekende regelcode of voorvoegsel 'SM2O5'; bedoel je 'SM205'?" in result.output


def test_known_codes_and_prefixes_in_any_case_still_work(cli):
    result = cli("check", FLAWED, "--select", "sm2,SM301", "--ignore", "sm205", "--extend-select", "SM0",
                 "--format", "json", "--today", "2027-01-02")
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert result.exit_code == 1 and "SM205" not in rules and {"SM201", "SM301", "SM002"} <= rules
    maturity = cli("maturity", FLAWED, "--ignore", "SM2O5")
    assert maturity.exit_code == 2 and "'SM2O5'; did you mean 'SM205'?" in maturity.output


# --output: a usage error when the report cannot be written (exit 2, no traceback), and never over an input


@pytest.mark.parametrize("lang, expected", [
    ("en", "Error: Cannot write the report to {path}: the folder {folder} does not exist"),
    ("nl", "Fout: Kan het rapport niet schrijven naar {path}: de map {folder} bestaat niet"),
])
def test_output_into_a_missing_folder_is_a_usage_error(cli, tmp_path, lang, expected):
    report = tmp_path / "missing" / "report.sarif"
    result = cli("check", FLAWED, "--format", "sarif", "-o", report, "--lang", lang)
    assert result.exit_code == 2
    assert expected.format(path=report, folder=report.parent) in result.output
    assert not report.parent.exists()


def test_output_under_a_file_or_into_a_folder_is_a_usage_error(cli, tmp_path):
    plain = write(tmp_path, "notes.txt", "keep me\n")
    under = cli("check", FLAWED, "-o", plain / "report.txt")
    assert under.exit_code == 2 and f"{tmp_path / 'notes.txt'} is not a folder" in under.output
    assert cli("check", FLAWED, "-o", tmp_path).exit_code == 2
    assert plain.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_output_where_no_file_can_be_created_is_a_usage_error(cli):
    result = cli("check", FLAWED, "-o", "/proc/smlint-report.txt", "--lang", "nl")
    assert result.exit_code == 2
    assert "Fout: Kan het rapport niet schrijven naar /proc/smlint-report.txt: in /proc kan geen bestand" in result.output


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_output_into_a_folder_without_write_permission_is_a_usage_error(cli, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli("check", FLAWED, "-o", locked / "report.txt")
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2 and "no permission to write there" in result.output


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_full_disk_is_a_usage_error_not_a_traceback(tmp_path, fmt):
    to_file = smlint_process("check", FLAWED, "--format", fmt, "--output", "/dev/full", "--lang", "nl")
    assert to_file.returncode == 2, to_file.stderr
    assert to_file.stderr == "Fout: Kan het rapport niet schrijven naar /dev/full: de schijf is vol\n"
    with open("/dev/full", "w") as full:
        to_stdout = smlint_process("check", FLAWED, "--format", fmt, stdout=full, stderr=subprocess.PIPE, text=True)
    assert to_stdout.returncode == 2
    assert to_stdout.stderr == "Error: Cannot write the report to standard output: the disk is full\n"


def test_closed_standard_output_is_a_usage_error():
    result = smlint_process("check", FLAWED, stdout=None, stderr=subprocess.PIPE, text=True,
                     preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert result.stderr == "Error: Cannot write the report to standard output: it is closed\n"


def test_a_report_that_does_not_fit_leaves_the_old_report_whole(tmp_path):
    """A file size limit (as a full disk would) stops the write half-way: the old report must survive, whole."""
    import resource

    report = write(tmp_path, "report.json", '{"old": "report"}\n')
    report.chmod(0o640)

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    result = smlint_process("check", FLAWED, "--format", "json", "-o", report, preexec_fn=small_files)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"Error: Cannot write the report to {report}: the file would grow larger than allowed\n"
    assert report.read_text(encoding="utf-8") == '{"old": "report"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file left behind


def test_a_report_replaces_the_old_one_whole_and_keeps_its_permissions(cli, tmp_path):
    report = write(tmp_path, "report.json", "old\n")
    report.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(report.name)
    assert cli("check", FLAWED, "--format", "json", "-o", link, "--today", "2027-01-02").exit_code == 1
    assert link.is_symlink() and json.loads(report.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert report.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    umask = os.umask(0o022)
    try:
        cli("check", FLAWED, "--format", "json", "-o", fresh)
    finally:
        os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.json", "latest.json", "report.json"]


@pytest.mark.parametrize("spelling", ["same", "dotted", "absolute", "link", "folder"])
def test_the_report_is_never_written_over_a_file_being_checked(cli, tmp_path, monkeypatch, spelling):
    plan = write(tmp_path, "plans/s.strategy.yaml", FLAWED.read_text(encoding="utf-8"))
    before = plan.read_bytes()
    (tmp_path / "alias.yaml").symlink_to(plan)
    monkeypatch.chdir(tmp_path)
    paths, output = {
        "same": (["plans/s.strategy.yaml"], "plans/s.strategy.yaml"),
        "dotted": (["plans/s.strategy.yaml"], "./plans/../plans/s.strategy.yaml"),
        "absolute": (["plans/s.strategy.yaml"], str(plan)),
        "link": (["plans/s.strategy.yaml"], "alias.yaml"),
        "folder": (["plans"], "plans/s.strategy.yaml"),
    }[spelling]
    result = cli("check", *paths, "-o", output)
    assert result.exit_code == 2
    assert f"Not writing the report to {output}: it is one of the files this run reads" in result.output
    assert plan.read_bytes() == before


def test_the_report_is_never_written_over_the_configuration(cli, tmp_path):
    config = write(tmp_path, ".smlint.yaml", "today: 2027-01-02\n")
    result = cli("check", FLAWED, "--config", config, "-o", config)
    assert result.exit_code == 2 and config.read_text(encoding="utf-8") == "today: 2027-01-02\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["maturity", FLAWED], ["rules"], ["explain", "SM205"], ["schema"],
                                  ["calendar", EXAMPLES / "groene-buurt.strategy.yaml", "--format", "ics"],
                                  ["report", EXAMPLES / "groene-buurt.strategy.yaml"]])
def test_every_command_tells_a_full_standard_output(args):
    with open("/dev/full", "w") as full:
        result = smlint_process(*args, stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert result.stderr == "Error: Cannot write the report to standard output: the disk is full\n"


def test_output_to_dev_stdout_appends_to_what_standard_output_is(tmp_path):
    """`-o /dev/stdout >> log`: the report goes where standard output goes; the log is not replaced."""
    log = write(tmp_path, "log.txt", "earlier run\n")
    with open(log, "a", encoding="utf-8") as appended:
        result = smlint_process("check", FLAWED, "--select", "SM002", "-o", "/dev/stdout", stdout=appended,
                                stderr=subprocess.PIPE, text=True)
    assert result.returncode == 1, result.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier run" and ": SM002 fout " in lines[1]  # the flawed example is Dutch
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt"]


def test_codes_of_the_configurations_rule_packs_are_known_on_the_command_line(cli, tmp_path):
    pack = EXAMPLES / "rulepacks" / "gemeente-zuidstad.rulepack.yaml"
    config = write(tmp_path, ".smlint.yaml", f"rule-packs: ['{pack}']\ntoday: 2027-01-02\n")
    assert cli("check", FLAWED, "--config", config, "--select", "ZST001,SM0", "--ignore", "ZST").exit_code == 1
    typo = cli("check", FLAWED, "--config", config, "--select", "ZTS001")
    assert typo.exit_code == 2 and "'ZTS001'; did you mean 'ZST001'?" in typo.output


def test_a_run_stopped_before_its_report_leaves_no_temporary_file(cli, tmp_path):
    write(tmp_path, "baseline.json", "not a baseline\n")
    result = cli("check", FLAWED, "-o", tmp_path / "report.txt", "--baseline", tmp_path / "baseline.json")
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json"]
