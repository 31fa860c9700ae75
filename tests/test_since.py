"""`smlint check --since REV`: only what changed since a git revision, in a real repository made by the test."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from .conftest import EXAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GOOD = EXAMPLES / "groene-buurt.strategy.yaml"


def git(folder, *args) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "plans").mkdir()
    shutil.copy(GOOD, tmp_path / "plans" / "groen.strategy.yaml")
    (tmp_path / "plans" / "oud.strategy.yaml").write_text(
        "version: 1\norganisation: {name: Oud}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(result) -> list[tuple[str, str]]:
    assert result.exit_code in (0, 1), result.output
    return [(os.path.basename(f["file"]), f["rule"]) for f in json.loads(result.stdout)["findings"]]


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unchanged_files_report_nothing_though_they_have_findings(repo, cli):
    everything = _rules(cli("check", "plans", "--format", "json", "--today", "2027-03-01"))
    assert ("oud.strategy.yaml", "SM101") in everything
    assert _rules(cli("check", "plans", "--format", "json", "--today", "2027-03-01", "--since", "HEAD")) == []


def test_a_changed_line_brings_its_findings_and_only_those(repo, cli):
    plan = repo / "plans" / "groen.strategy.yaml"
    _edit(plan, "    deadline: 2027-12-31\n", "    deadline: 2029-12-31\n")  # outside the period: SM203
    found = _rules(cli("check", "plans", "--format", "json", "--today", "2027-03-01", "--since", "HEAD"))
    assert sorted(found) == [("groen.strategy.yaml", "SM203"), ("groen.strategy.yaml", "SM208")]  # both on the deadline


def test_a_finding_on_an_item_whose_value_changed_is_kept(repo, cli):
    """SM204 points at the objective's first line; deleting its owner (another line) changes the objective."""
    plan = repo / "plans" / "groen.strategy.yaml"
    _edit(plan, "    owner: anna\n", "")
    found = _rules(cli("check", "plans", "--format", "json", "--today", "2027-03-01", "--since", "HEAD"))
    assert ("groen.strategy.yaml", "SM204") in found
    assert all(name == "groen.strategy.yaml" for name, _ in found)


def test_a_new_file_is_reported_whole(repo, cli):
    (repo / "plans" / "nieuw.strategy.yaml").write_text(
        "version: 1\norganisation: {name: Nieuw}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n", encoding="utf-8")
    found = _rules(cli("check", "plans", "--format", "json", "--today", "2027-03-01", "--since", "HEAD"))
    assert ("nieuw.strategy.yaml", "SM101") in found
    assert not [f for f in found if f[0] == "oud.strategy.yaml"]


def test_since_an_older_commit_and_from_a_subfolder(repo, cli):
    plan = repo / "plans" / "groen.strategy.yaml"
    _edit(plan, "    deadline: 2027-12-31\n", "    deadline: 2029-12-31\n")
    git(repo, "commit", "-q", "-am", "second")
    os.chdir(repo / "plans")
    assert _rules(cli("check", ".", "--format", "json", "--today", "2027-03-01", "--since", "HEAD")) == []
    found = _rules(cli("check", ".", "--format", "json", "--today", "2027-03-01", "--since", "HEAD~1"))
    assert sorted(found) == [("groen.strategy.yaml", "SM203"), ("groen.strategy.yaml", "SM208")]


def test_an_unknown_revision_is_exit_2(repo, cli):
    result = cli("check", "plans", "--since", "no-such-branch")
    assert result.exit_code == 2 and "no-such-branch" in result.output
    assert cli("check", "plans", "--since", "--output=x").exit_code == 2


def test_outside_a_repository_is_exit_2(tmp_path, monkeypatch, cli):
    shutil.copy(GOOD, tmp_path / "strategy.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = cli("check", "strategy.yaml", "--since", "HEAD")
    assert result.exit_code == 2 and "git" in result.output


def test_a_shallow_clone_says_to_fetch_more_history(repo, tmp_path_factory, cli):
    plan = repo / "plans" / "groen.strategy.yaml"
    _edit(plan, "    deadline: 2027-12-31\n", "    deadline: 2027-12-30\n")
    git(repo, "commit", "-q", "-am", "second")
    first = git(repo, "rev-parse", "HEAD~1").strip()
    clone = tmp_path_factory.mktemp("clone") / "c"
    git(repo.parent, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    os.chdir(clone)
    result = cli("check", "plans", "--since", first, "--lang", "en")
    assert result.exit_code == 2
    assert "shallow" in result.output and "fetch" in result.output
