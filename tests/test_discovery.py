"""Folder searches: Dutch file names, .gitignore, `exclude` and `--exclude`."""

from __future__ import annotations

import json
import os

import pytest

from smlint.load.discovery import discover

from .conftest import MINIMAL


def tree(root, *files):
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MINIMAL if name.endswith((".yaml", ".yml")) else "", encoding="utf-8")
    return root


def found(root, **options) -> list[str]:
    return [os.path.relpath(path, root) for path in discover(str(root), **options)]


def test_dutch_file_names_are_found_by_default(tmp_path):
    tree(tmp_path, "strategie.yaml", "a/strategie.yml", "b/2027.strategie.yaml", "c/x.strategie.yml", "d/notes.yaml")
    assert found(tmp_path) == ["a/strategie.yml", "b/2027.strategie.yaml", "c/x.strategie.yml", "strategie.yaml"]


def test_gitignore_is_respected_from_the_repository_root(tmp_path):
    tree(tmp_path, ".git/HEAD", "strategy.yaml", "venv/lib/strategy.yaml", "plans/strategy.yaml",
         "plans/old/x.strategy.yaml", "plans/keep.strategy.yaml", "plans/drop.strategy.yaml")
    (tmp_path / ".gitignore").write_text("venv/\n*.strategy.yaml\n!keep.strategy.yaml\n", encoding="utf-8")
    (tmp_path / "plans" / ".gitignore").write_text("old/\n", encoding="utf-8")
    assert found(tmp_path) == ["plans/keep.strategy.yaml", "plans/strategy.yaml", "strategy.yaml"]
    # searching a sub-folder: the .gitignore above it still applies, as in git
    assert found(tmp_path / "plans") == ["keep.strategy.yaml", "strategy.yaml"]


def test_git_info_exclude_and_a_deeper_gitignore_taking_a_file_back(tmp_path):
    tree(tmp_path, ".git/HEAD", "a/strategy.yaml", "b/strategy.yaml", "b/c/strategy.yaml")
    (tmp_path / ".git" / "info").mkdir()
    (tmp_path / ".git" / "info" / "exclude").write_text("a/\nstrategy.yaml\n", encoding="utf-8")
    (tmp_path / "b" / "c" / ".gitignore").write_text("!strategy.yaml\n", encoding="utf-8")
    assert found(tmp_path) == ["b/c/strategy.yaml"]


def test_without_a_repository_only_the_searched_folders_gitignore_files_count(tmp_path):
    tree(tmp_path / "outer", "inner/strategy.yaml", "inner/venv/strategy.yaml")
    (tmp_path / "outer" / ".gitignore").write_text("inner/\n", encoding="utf-8")
    (tmp_path / "outer" / "inner" / ".gitignore").write_text("venv/\n", encoding="utf-8")
    assert found(tmp_path / "outer" / "inner") == ["strategy.yaml"]


def test_a_file_named_explicitly_is_checked_even_when_gitignored(cli, tmp_path, monkeypatch):
    tree(tmp_path, ".git/HEAD", "venv/strategy.yaml")
    (tmp_path / ".gitignore").write_text("venv/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "No strategy files found" in cli("check", "--format", "json").stderr
    assert json.loads(cli("check", "venv/strategy.yaml", "--format", "json").output)["summary"]["files"] == 1


def test_exclude_in_the_configuration_and_on_the_command_line(cli, tmp_path, monkeypatch):
    tree(tmp_path, ".git/HEAD", "strategy.yaml", "drafts/strategy.yaml", "plans/old.strategy.yaml",
         "plans/new.strategy.yaml", "sub/archive/strategy.yaml")
    (tmp_path / ".smlint.yaml").write_text("exclude: [drafts/, '*.old.strategy.yaml', old.strategy.yaml]\n",
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")  # the configuration's patterns are relative to its folder

    def files(*args, folder=".."):
        document = json.loads(cli("check", folder, "--format", "json", "--select", "SM001", *args).output)
        return document["summary"]["files"]

    assert files() == 3  # strategy.yaml, plans/new.strategy.yaml, sub/archive/strategy.yaml
    assert files("--exclude", "archive/") == 2  # --exclude is relative to the current folder
    assert files("--exclude", "/plans/") == 3  # ... so this names nothing here
    monkeypatch.chdir(tmp_path)
    assert files("--exclude", "/plans/", "--exclude", "sub", folder=".") == 1


@pytest.mark.parametrize("how", ["config", "option"])
def test_exclude_also_leaves_out_a_file_named_explicitly(cli, tmp_path, monkeypatch, how):
    # pre-commit passes files one by one: `exclude` must hold for them too
    tree(tmp_path, ".git/HEAD", "drafts/strategy.yaml", "strategy.yaml")
    monkeypatch.chdir(tmp_path)
    args = ["check", "drafts/strategy.yaml", "strategy.yaml", "--format", "json"]
    if how == "config":
        (tmp_path / ".smlint.yaml").write_text("exclude: [drafts/]\n", encoding="utf-8")
    else:
        args += ["--exclude", "drafts"]
    assert json.loads(cli(*args).output)["summary"]["files"] == 1


def test_gitignore_costs_no_import_when_there_is_none(tmp_path):
    import subprocess
    import sys

    tree(tmp_path, ".git/HEAD", "strategy.yaml")
    code = ("import sys\nfrom smlint.load.discovery import discover\ndiscover('.')\n"
            "print('pathspec' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_pre_commit_hook_takes_the_files_a_folder_search_finds():
    import re

    import yaml

    from smlint.load.discovery import DEFAULT_PATTERNS, matches

    from .conftest import REPO

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    names = [pattern.replace("*", "plan-2027") for pattern in DEFAULT_PATTERNS] + ["notes.yaml", "strategy.json"]
    assert [bool(re.search(hook["files"], f"plans/{name}")) for name in names] == [matches(n) for n in names]
