"""smlint's rule data is parsed once and kept as marshal next to it, like Python's bytecode (smlint/data.py)."""

from __future__ import annotations

import shutil
import sys

import pytest
import yaml

from smlint import data

from .conftest import REPO


@pytest.fixture
def rules(tmp_path, monkeypatch):
    """A copy of rules/ and schemas/ that smlint reads its data from."""
    shutil.copytree(REPO / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / "schemas" / "models.compiled.json", tmp_path / "schemas")
    monkeypatch.setattr(data, "data_folder", lambda name: str(tmp_path / name))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _forget()
    yield tmp_path / "rules"
    _forget()


def _forget() -> None:
    for cached in (data._parsed, data.read_yaml, data.read_json, data.catalogue):
        cached.cache_clear()


def _copies(rules):
    return sorted((rules / "__pycache__").glob("data-*"))


def test_the_data_is_the_same_as_parsed_and_read_from_the_copy_the_second_time(rules, monkeypatch):
    first = data._parsed()
    assert len(_copies(rules)) == 1
    assert first["vocabulary.yaml"] == yaml.safe_load((rules / "vocabulary.yaml").read_text(encoding="utf-8"))
    assert set(first) >= {"messages.yaml", "catalog/smart.yaml", "../schemas/models.compiled.json"}
    _forget()

    def no_parsing(path):
        raise AssertionError(f"parsed {path} although the copy is current")

    monkeypatch.setattr(data, "_parse", no_parsing)
    assert data._parsed() == first
    assert data.catalogue()["SM205"]["severity"] == "warning"


def test_a_changed_source_is_parsed_again_and_the_old_copy_removed(rules):
    data._parsed()
    old = _copies(rules)
    with open(rules / "vocabulary.yaml", "a", encoding="utf-8") as handle:
        handle.write("\nextra: [een, twee]\n")
    _forget()
    assert data.read_yaml("vocabulary.yaml")["extra"] == ["een", "twee"]
    assert len(_copies(rules)) == 1 and _copies(rules) != old


def test_a_folder_smlint_cannot_write_to_costs_only_speed(rules):
    (rules / "__pycache__").write_text("a file, not a folder", encoding="utf-8")
    assert data.read_yaml("metrics.yaml") == yaml.safe_load((rules / "metrics.yaml").read_text(encoding="utf-8"))


def test_no_copy_is_written_under_python_dash_b(rules, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert data.read_yaml("metrics.yaml")
    assert not (rules / "__pycache__").exists()


def test_a_damaged_copy_is_ignored(rules):
    data._parsed()
    copy = _copies(rules)[0]
    copy.write_bytes(b"\x00garbage")
    _forget()
    assert data.read_yaml("metrics.yaml") == yaml.safe_load((rules / "metrics.yaml").read_text(encoding="utf-8"))
