"""`--since REV` with hostile revisions and repositories in odd states: exit 2 with a clear message, or the right lines."""

from __future__ import annotations

import os

import pytest

from .conftest import EXAMPLES
from .test_since import _edit, _rules, git, pytestmark  # noqa: F401 (pytestmark: skipped without git)

FLAWED = EXAMPLES / "flawed.strategy.yaml"
TODAY = ("--today", "2027-03-01")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.strategy.yaml").write_bytes(FLAWED.read_bytes())
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _since(cli, rev, *paths, lang="en"):
    return cli("check", *(paths or ("plans",)), "--format", "json", "--lang", lang, *TODAY, "--since", rev)


def test_a_renamed_file_reports_only_its_changed_lines(repo, cli):
    git(repo, "mv", "plans/a.strategy.yaml", "plans/b.strategy.yaml")
    assert _rules(_since(cli, "HEAD")) == []  # renamed, nothing else: nothing new
    _edit(repo / "plans" / "b.strategy.yaml", "Meer bereik op Instagram", "Veel meer bereik op Instagram")
    assert _rules(_since(cli, "HEAD")) == [("b.strategy.yaml", "SM205")]
    git(repo, "commit", "-q", "-m", "renamed")
    assert _rules(_since(cli, "HEAD~1")) == [("b.strategy.yaml", "SM205")]


def test_file_names_that_are_glob_patterns_only_name_themselves(repo, cli):
    """git reads `--` paths as patterns: `[ab].strategy.yaml` would take the hunks of a.strategy.yaml."""
    odd = repo / "plans" / "[ab].strategy.yaml"
    odd.write_bytes(FLAWED.read_bytes())
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd name")
    _edit(repo / "plans" / "a.strategy.yaml", "Meer bereik op Instagram", "Veel meer bereik op Instagram")
    assert _rules(_since(cli, "HEAD")) == [("a.strategy.yaml", "SM205")]


@pytest.mark.parametrize("name", ["my plan.strategy.yaml", "new\nline.strategy.yaml", "crlf.strategy.yaml"])
def test_odd_names_and_crlf_files_report_their_changed_lines(repo, cli, name):
    path = repo / "plans" / name
    data = FLAWED.read_bytes()
    path.write_bytes(data.replace(b"\n", b"\r\n") if name.startswith("crlf") else data)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more")
    path.write_bytes(path.read_bytes().replace(b"Meer bereik op Instagram", b"Veel meer bereik op Instagram"))
    assert _rules(_since(cli, "HEAD")) == [(name, "SM205")]


@pytest.mark.parametrize("rev", ["", " ", "--output=/tmp/x", "-h", "HEAD\nx", "x" * 10_000, "HEAD..HEAD~1", ".."])
def test_hostile_revisions_are_exit_2_and_echoed_safely(repo, cli, rev):
    result = _since(cli, rev)
    assert result.exit_code == 2
    message = result.stderr.splitlines()[-1]
    assert "is not a commit, branch or tag" in message and len(message) < 200
    assert not os.path.exists("/tmp/x")


def test_a_repository_without_commits_says_so(tmp_path, monkeypatch, cli):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.strategy.yaml").write_bytes(FLAWED.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = _since(cli, "HEAD", "a.strategy.yaml", lang="nl")
    assert result.exit_code == 2 and "deze repository heeft er nog geen" in result.stderr


def test_a_detached_head_and_a_deleted_file_work(repo, cli):
    (repo / "plans" / "gone.strategy.yaml").write_bytes(FLAWED.read_bytes())
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    git(repo, "checkout", "-q", "--detach", "HEAD")
    (repo / "plans" / "gone.strategy.yaml").unlink()
    assert _rules(_since(cli, "HEAD~1")) == []


def test_without_git_on_the_path_it_is_exit_2(repo, cli, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    result = _since(cli, "HEAD")
    assert result.exit_code == 2 and "--since needs git" in result.stderr
