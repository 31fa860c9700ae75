"""The pre-commit hook, run by the real client: `pre-commit try-repo <this repo> smlint`.

pre-commit installs smlint from this repository into its own environment
(from PyPI for the dependencies), then runs the hook on a temporary
marketing repository: it must fail on the flawed example and pass on a clean
strategy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import EXAMPLES, REPO

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")  # git is on every CI image
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(cwd, *args, env):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def try_repo(marketing, env, *files):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "smlint", "--files", *files],
        cwd=marketing, env=env, capture_output=True, text=True, check=False, timeout=600,
    )


@needs_git
def test_pre_commit_hook_fails_on_a_flawed_plan_and_passes_on_a_clean_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "cache"),  # a fresh cache: the hook really installs from this repo
        GIT_AUTHOR_NAME="smlint tests", GIT_AUTHOR_EMAIL="tests@example.org",
        GIT_COMMITTER_NAME="smlint tests", GIT_COMMITTER_EMAIL="tests@example.org",
        NO_COLOR="1",
    )
    env.pop("GITHUB_ACTIONS", None)
    marketing = tmp_path / "marketing"
    marketing.mkdir()
    git(marketing, "init", "-q", env=env)
    # `today` pinned, so the clean plan's tasks do not become overdue as the calendar moves on
    (marketing / ".smlint.yaml").write_text("today: 2027-01-02\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "groene-buurt.strategy.yaml", marketing / "strategy.yaml")
    (marketing / "plans").mkdir()
    shutil.copy(EXAMPLES / "flawed.strategy.yaml", marketing / "plans" / "flawed.strategy.yaml")
    shutil.copy(EXAMPLES / "flawed.strategy.yaml", marketing / "plans" / "strategie.yml")  # a Dutch name
    (marketing / "notes.yaml").write_text("not: a strategy\n", encoding="utf-8")  # not matched by the hook
    git(marketing, "add", "-A", env=env)

    clean = try_repo(marketing, env, "strategy.yaml", "notes.yaml")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "smlint" in clean.stdout and "Passed" in clean.stdout

    flawed = try_repo(marketing, env, "strategy.yaml", "plans/flawed.strategy.yaml", "plans/strategie.yml")
    assert flawed.returncode == 1, flawed.stdout + flawed.stderr
    assert "Failed" in flawed.stdout and "plans/flawed.strategy.yaml:9:3: SM002" in flawed.stdout
    assert "plans/strategie.yml:9:3: SM002" in flawed.stdout


def test_the_hook_is_valid_for_the_pre_commit_it_asks_for():
    from importlib.metadata import version

    from pre_commit.clientlib import load_manifest, parse_version

    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["types"] == ["yaml"]  # pre-commit's own file type: a strategy is YAML
    assert "minimum_pre_commit_version" in HOOKS[0]  # an older pre-commit says so, instead of failing oddly
    assert parse_version(version("pre-commit")) >= parse_version(hook["minimum_pre_commit_version"])


@pytest.mark.parametrize("name, matched", [
    ("strategy.yaml", True), ("plans/strategy.yml", True), ("plans/2027.strategy.yaml", True),
    ("strategie.yaml", True), ("nl/strategie.yml", True), ("plans/groene-buurt.strategie.yaml", True),
    ("notes.yaml", False), ("strategy.yaml.bak", False), ("mystrategy.yaml", False), ("strategies.yaml", False),
])
def test_the_hook_matches_english_and_dutch_strategy_names(name, matched):
    import re

    assert bool(re.search(HOOKS[0]["files"], name)) == matched
