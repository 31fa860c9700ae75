"""Build the wheel, install it into a fresh venv, and run it from outside the repo.

This catches package data (rules/, schemas/) missing from the wheel, which
tests run inside the source tree would never notice.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work), str(REPO)],
        check=True,
    )
    wheel = next(work.glob("smlint-*.whl"))
    venv = work / "venv"
    # --system-site-packages: the dependencies come from the test environment, smlint only from the wheel
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    # and the test environment's own packages too (Jinja2, icalendar), when it is itself a virtual environment
    purelib = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "test-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    outside = tmp_path_factory.mktemp("elsewhere")
    return wheel, venv / "bin" / "smlint", outside


def test_wheel_ships_rule_data_and_schema(installed):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "smlint/_data/schemas/strategy.schema.json" in names
    assert "smlint/_data/rules/channels.yaml" in names
    assert "smlint/_data/schemas/channel-data.schema.json" in names
    assert "smlint/_data/schemas/config.schema.json" in names
    assert "smlint/_data/schemas/models.compiled.json" in names  # the runtime validator reads it
    assert any(n.startswith("smlint/_data/rules/catalog/") for n in names)


def run(installed, *args):
    _, smlint, outside = installed
    return subprocess.run([str(smlint), *map(str, args)], cwd=outside, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("name", ["groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml"])
def test_installed_smlint_passes_complete_examples(installed, name):
    result = run(installed, "check", EXAMPLES / name, "--today", "2027-01-02")
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_smlint_fails_flawed_example_with_json(installed):
    result = run(installed, "check", EXAMPLES / "flawed.strategy.yaml", "--format", "json", "--today", "2027-01-02")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["summary"]["error"] > 0
    assert {"rule", "line", "column", "path"} <= set(document["findings"][0])


def test_installed_smlint_uses_its_own_data(installed):
    _, smlint, outside = installed
    python = smlint.parent / "python"
    code = "import smlint.data as d; print(d.data_dir('rules'))"
    where = subprocess.run([str(python), "-c", code], cwd=outside, capture_output=True, text=True, check=True).stdout
    assert "site-packages" in where and str(REPO) not in where
    assert json.loads(run(installed, "schema").stdout)["$id"].endswith("strategy.schema.json")
    assert "SM005" in run(installed, "rules").stdout
    assert json.loads(run(installed, "schema", "channel-data").stdout)["title"] == "smlint channel data"
    explained = run(installed, "explain", "SM301").stdout
    assert "site-packages" in explained and "pew-2025: Pew Research Center" in explained


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```sh\n")[1:3]]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert blocks[1] == ci[-1]
    assert "smlint check examples/" in blocks[0]


def test_installed_smlint_writes_a_report_and_a_calendar(installed, tmp_path):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "smlint/reporters/html/templates/page.html.j2" in names and "smlint/_data/rules/report.yaml" in names
    page, ics = tmp_path / "report.html", tmp_path / "calendar.ics"
    result = run(installed, "report", EXAMPLES / "flawed.strategy.yaml", "-o", page, "--today", "2027-01-02")
    assert result.returncode == 0, result.stderr
    assert "Bakkerij De Korenaar" in page.read_text(encoding="utf-8")
    result = run(installed, "calendar", EXAMPLES / "groene-buurt.strategy.yaml", "--format", "ics", "-o", ics)
    assert result.returncode == 0, result.stderr
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 15


def test_installed_smlint_keeps_its_compiled_data_for_the_next_run(installed):
    """A run of the installed smlint keeps the rule data, patterns, classes and word lists it made (beside the data, as
    Python keeps bytecode), and the next run reads them instead of compiling again (start-up, issue 15)."""
    _, smlint, outside = installed
    python = smlint.parent / "python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user runs it
    args = [str(smlint), "check", str(EXAMPLES / "flawed.strategy.yaml"), "--today", "2027-01-02"]
    first = subprocess.run(args, cwd=outside, env=env, capture_output=True, text=True)
    code = ("import sys, smlint.data, smlint.kept\n"
            "compiled = []\n"
            "def counting(self, key, value):\n"
            "    compiled.append(key)\n"
            "smlint.kept.Kept.put = counting\n"
            "smlint.data._parse = lambda path: sys.exit(f'parsed {path}')\n"
            "sys.argv = ['smlint', *sys.argv[1:]]\n"
            "from smlint.console import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(len(compiled), smlint.data.data_folder('rules'), file=sys.stderr)\n")
    again = subprocess.run([str(python), "-c", code, *args[1:]], cwd=outside, env=env, capture_output=True, text=True)
    assert again.stdout == first.stdout
    count, folder = again.stderr.split()
    assert count == "0" and "site-packages" in folder
    kept = sorted(p.name.split("-")[0] for p in (Path(folder) / "__pycache__").iterdir())
    assert kept == ["classes", "data", "made", "patterns"]
