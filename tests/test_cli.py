"""The command line: exit codes, output formats, selection, discovery."""

from __future__ import annotations

import json
import os

from smlint import __version__

from .conftest import EXAMPLES, MINIMAL

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
    from smlint import discovery

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
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "smlint", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and __version__ in result.stdout
