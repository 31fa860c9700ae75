"""Dataclasses made with kept code behave as the standard library's (smlint/classcache.py)."""

from __future__ import annotations

import dataclasses
import inspect
import sys

import pytest

from smlint import classcache

from .conftest import empty_store


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """An empty place to keep code in, as a new process finds it."""
    return empty_store(classcache.KEPT, tmp_path, monkeypatch)


def _classes(dataclass):
    """The same classes, made by ``dataclass``: every kind of method a lint run's dataclasses have."""

    @dataclass(frozen=True)
    class Finding:
        file: str
        line: int
        rule: str = "SM001"
        fix: object = dataclasses.field(default=None, compare=False, repr=False)

    @dataclass
    class Analysis:
        """What a statement says."""

        lang: str
        numbers: list[float] = dataclasses.field(default_factory=list)
        args: dict = dataclasses.field(default_factory=dict, compare=False, hash=False)
        target: float | None = None

    return Finding, Analysis


def _behaviour(finding_class, analysis_class) -> list:
    one = finding_class("a.yaml", 3)
    other = finding_class("a.yaml", 3, fix="different")
    analysis = analysis_class("nl", [1.0], {"x": 1})
    seen = [repr(one), one == other, hash(one) == hash(other), repr(analysis), analysis == analysis_class("nl", [1.0]),
            analysis_class("en").numbers, str(inspect.signature(finding_class)), str(inspect.signature(analysis_class)),
            [f.name for f in dataclasses.fields(analysis_class)], repr(dataclasses.replace(one, line=4)),
            analysis_class.__doc__, finding_class.__doc__]
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.line = 5
    return seen


def test_kept_code_makes_the_same_classes_as_dataclasses(kept):
    expected = _behaviour(*_classes(dataclasses.dataclass))
    assert _behaviour(*_classes(classcache.dataclass)) == expected
    assert classcache.KEPT.changed
    classcache.KEPT.save()
    assert len(list(kept.glob("classes-*"))) == 1
    classcache.KEPT.table, classcache.KEPT.changed = None, False  # a new process: read from the kept file
    assert _behaviour(*_classes(classcache.dataclass)) == expected
    assert classcache.KEPT.changed is False  # nothing compiled again


def test_dataclasses_is_left_as_it_was(kept):
    classcache.dataclass(type("Plain", (), {"__annotations__": {"x": "int"}}))
    with pytest.raises(TypeError):  # a non-default field after a default one: dataclasses refuses the class
        classcache.dataclass(type("Bad", (), {"__annotations__": {"x": "int", "y": "int"}, "x": 1}))
    assert "exec" not in vars(dataclasses)


def test_a_damaged_file_is_compiled_again(kept):
    kept.mkdir()
    classcache.KEPT.path().write_bytes(b"\x00not marshal")
    assert _behaviour(*_classes(classcache.dataclass)) == _behaviour(*_classes(dataclasses.dataclass))


def test_nothing_is_kept_under_python_dash_b(kept, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _classes(classcache.dataclass)
    classcache.KEPT.save()
    assert not kept.exists()
