"""Output formats and the conveniences CI users expect: SARIF, GitLab, GitHub, stdin, --output, ..."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from .conftest import EXAMPLES, MINIMAL, REPO, modules_imported_by

FLAWED = EXAMPLES / "flawed.strategy.yaml"
CLEAN = EXAMPLES / "groene-buurt.strategy.yaml"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_flawed_example_sarif_validates_against_the_oasis_schema(cli):
    result = cli("check", FLAWED, "--format", "sarif", "--today", "2027-01-02")
    assert result.exit_code == 1
    document = json.loads(result.output)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(document)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules) and len(rules) >= 40
    sm205 = next(r for r in rules if r["id"] == "SM205")
    assert sm205["shortDescription"]["text"] and "```yaml" in sm205["help"]["markdown"]
    assert sm205["defaultConfiguration"]["level"] == "warning"
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("examples/flawed.strategy.yaml")
    assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    assert {r["level"] for r in run["results"]} == {"error", "warning", "note"}


def test_sarif_of_a_clean_file_validates_too(cli):
    document = json.loads(cli("check", CLEAN, "--format", "sarif", "--today", "2027-01-02").output)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(document)
    assert document["runs"][0]["results"] == []


def test_sarif_columns_count_code_points_not_utf16_units(cli, tmp_path):
    path = tmp_path / "strategy.yaml"
    path.write_text('version: 1\norganisation: {name: "😀😀", kind: bogus}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n',
                    encoding="utf-8")
    document = json.loads(cli("check", path, "--format", "sarif", "--select", "SM003").output)
    region = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 28}  # 30 if each emoji counted as two UTF-16 units


def test_gitlab_code_quality(cli):
    issues = json.loads(cli("check", FLAWED, "--format", "gitlab", "--today", "2027-01-02").output)
    assert issues and {"description", "check_name", "fingerprint", "severity", "location"} == set(issues[0])
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # unique, or GitLab drops the rest
    assert issues[0]["location"]["path"] == str(FLAWED) and issues[0]["location"]["lines"]["begin"] >= 1


def test_github_workflow_commands_and_automatic_choice(cli):
    explicit = cli("check", FLAWED, "--format", "github", "--today", "2027-01-02").output.splitlines()
    assert explicit[0].startswith(f"::error file={FLAWED},line=9,col=3,title=SM002 error::")
    assert any(line.startswith("::notice ") for line in explicit)
    automatic = cli("check", FLAWED, "--today", "2027-01-02", env={"GITHUB_ACTIONS": "true"}).output.splitlines()
    assert automatic == explicit
    assert "::" not in cli("check", FLAWED, "--format", "text", "--today", "2027-01-02",
                           env={"GITHUB_ACTIONS": "true"}).output.splitlines()[0][:2]


def test_github_escapes_newlines_and_property_separators(tmp_path, cli):
    path = tmp_path / "a,b:c.strategy.yaml"
    path.write_text(MINIMAL + "foo: 1\n", encoding="utf-8")
    line = cli("check", path, "--format", "github", "--select", "SM007").output.splitlines()[0]
    assert "a%2Cb%3Ac.strategy.yaml" in line


def test_output_file_exit_zero_and_quiet(cli, tmp_path):
    report = tmp_path / "report.sarif"
    result = cli("check", FLAWED, "--format", "sarif", "--output", report, "--today", "2027-01-02")
    assert result.exit_code == 1 and result.output == ""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(report.read_text(encoding="utf-8")))
    assert cli("check", FLAWED, "--exit-zero", "--today", "2027-01-02").exit_code == 0
    quiet = cli("check", FLAWED, "--quiet", "--today", "2027-01-02").output.splitlines()
    assert quiet and all(": SM" in line for line in quiet)
    assert cli("check", CLEAN, "--quiet", "--today", "2027-01-02").output == ""


def test_exit_zero_still_exits_2_on_usage_errors(cli, tmp_path):
    assert cli("check", tmp_path / "nope.yaml", "--exit-zero").exit_code == 2


def test_statistics(cli):
    text = cli("check", FLAWED, "--statistics", "--today", "2027-01-02").output.splitlines()
    assert text[0].split() == ["4", "SM003", "error", "schema-violation"]
    assert text[-1].startswith("47 problemen gevonden")  # the flawed example is Dutch
    rows = json.loads(cli("check", FLAWED, "--statistics", "--format", "json", "--today", "2027-01-02").output)
    assert rows[0] == {"code": "SM003", "name": "schema-violation", "severity": "error", "count": 4}
    assert sum(r["count"] for r in rows) == 47
    assert cli("check", FLAWED, "--statistics", "--format", "sarif").exit_code == 2


def test_standard_input_with_a_name(cli):
    data = FLAWED.read_text(encoding="utf-8")
    result = cli("check", "-", "--stdin-filename", "plans/strategy.yaml", "--today", "2027-01-02", input=data)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith("plans/strategy.yaml:9:3: SM002")
    unnamed = cli("check", "-", "--select", "SM002", input=data)
    assert unnamed.output.startswith("-:9:3: SM002")


def _run(args, env_extra=None):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "smlint", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, env=env, check=False)


def test_colour_only_on_a_terminal_and_never_with_no_color():
    script = ("import pty, sys, os; "
              "pid, fd = pty.fork()\n"
              "if pid == 0:\n"
              "    os.execvp(sys.executable, [sys.executable, '-m', 'smlint', 'check', sys.argv[1], '--select', 'SM002'])\n"
              "out = b''\n"
              "while True:\n"
              "    try:\n"
              "        chunk = os.read(fd, 4096)\n"
              "    except OSError:\n"
              "        break\n"
              "    if not chunk:\n"
              "        break\n"
              "    out += chunk\n"
              "sys.stdout.write(out.decode())\n")
    import os

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    on_terminal = subprocess.run([sys.executable, "-c", script, str(FLAWED)], capture_output=True, text=True,
                                 cwd=REPO, env=env, check=False).stdout
    assert "\x1b[" in on_terminal
    no_color = subprocess.run([sys.executable, "-c", script, str(FLAWED)], capture_output=True, text=True,
                              cwd=REPO, env={**env, "NO_COLOR": "1"}, check=False).stdout
    assert "SM002" in no_color and "\x1b[" not in no_color
    piped = _run(["check", FLAWED, "--select", "SM002"]).stdout
    assert "SM002" in piped and "\x1b[" not in piped


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab", "github"])
def test_every_format_is_deterministic(cli, fmt):
    first = cli("check", FLAWED, EXAMPLES, "--format", fmt, "--today", "2027-01-02").output
    assert first == cli("check", FLAWED, EXAMPLES, "--format", fmt, "--today", "2027-01-02").output


def test_jobs_give_the_same_report_as_one_process(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus

    corpus.write_corpus(tmp_path / "plans", 24)
    serial = _run(["check", tmp_path / "plans", "--jobs", "1", "--format", "json", "--today", "2027-01-02"])
    parallel = _run(["check", tmp_path / "plans", "--jobs", "2", "--format", "json", "--today", "2027-01-02"])
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout and json.loads(serial.stdout)["summary"]["files"] == 24


def test_only_the_reporter_asked_for_is_imported():
    imported = modules_imported_by("check", "examples/groene-buurt.strategy.yaml")
    assert [m for m in imported if m.startswith("smlint.reporters.")] == ["smlint.reporters.text_report"]
