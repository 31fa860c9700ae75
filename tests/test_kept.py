"""What smlint makes from its rule data is kept between runs, and made again when the data or the code changes
(smlint/kept.py ``made``)."""

from __future__ import annotations

import os

import pytest

from smlint import kept
from smlint.language import text, wording

from .conftest import empty_store

calls = []


def _count(words, prefix_ok):
    calls.append(words)
    return {"lists": len(words), "prefix": prefix_ok, "first": {w[:1] for w in words}}


@pytest.fixture
def table(tmp_path, monkeypatch):
    calls.clear()
    return empty_store(kept.MADE, tmp_path, monkeypatch)


def _new_process():
    kept.MADE.save()
    kept.MADE.table, kept.MADE.changed = None, False


def test_a_value_is_made_once_and_read_back_the_same(table):
    value = kept.made(_count, ["volgers", "bereik"], True)
    _new_process()
    assert kept.made(_count, ["volgers", "bereik"], True) == value == _count(["volgers", "bereik"], True)
    assert len(calls) == 2  # made once; the second run read it (the third call is the comparison's)
    assert kept.MADE.changed is False


def test_other_inputs_or_other_data_make_it_again(table):
    kept.made(_count, ["volgers"], True)
    kept.made(_count, ["volgers"], False)
    kept.made(_count, ["volgers"], True, also=({"nl": {"groeien": ["groeit"]}},))
    assert len(calls) == 3


def test_a_changed_module_makes_it_again(table, tmp_path, monkeypatch):
    module = tmp_path / "module.py"
    module.write_text("# the code\n", encoding="utf-8")
    monkeypatch.setattr(_count, "__module__", "fake_module")
    monkeypatch.setitem(__import__("sys").modules, "fake_module", type("M", (), {"__file__": str(module)}))
    kept.made(_count, ["volgers"], True)
    kept.made(_count, ["volgers"], True)
    assert len(calls) == 1
    os.utime(module, ns=(1, 1))  # as an edit leaves it
    kept.made(_count, ["volgers"], True)
    assert len(calls) == 2


def _patterns():
    wording.vague.cache_clear()
    wording.activities.cache_clear()
    text._vocabulary.cache_clear()
    vocabulary = text._vocabulary()
    return (wording.vague().pattern.pattern, wording.vague().entries, wording.activities().pattern.pattern,
            vocabulary.named.scan.pattern, vocabulary.named.hidden_by)


def test_the_word_lists_read_back_are_those_made(table):
    made = _patterns()
    _new_process()
    assert _patterns() == made
    assert kept.MADE.changed is False
    assert made[-1] == text._hiders(text._vocabulary().named.lists, True)
