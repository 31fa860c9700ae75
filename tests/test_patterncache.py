"""The compiled code of smlint's large patterns is kept between runs and gives the same patterns (smlint/patterncache.py)."""

from __future__ import annotations

import re
import sys

import pytest

from smlint import patterncache
from smlint.language import text, wording

from .conftest import empty_store

SAMPLES = ["Voor 1 december 2027 groeit het aantal volgers op Instagram van 1.200 naar 1.500.",
           "We willen meer bereik en naamsbekendheid, binnen 24 uur reageren, voor de zomervakantie in Q3",
           "By June 30 we grow LinkedIn-followers from 1,200 to 1,500 (+25%) tegen Kerst", "", "İ ſ \u212a ß"]


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """An empty place to keep code in, as a new process finds it."""
    return empty_store(patterncache.KEPT, tmp_path, monkeypatch)


def _smlint_patterns() -> list[tuple[str, int]]:
    found = [(p.pattern, p.flags) for p, *_ in text._time_patterns()]
    found += [(w.pattern.pattern, w.pattern.flags) for w in (wording.vague(), wording.shrinking(), wording.activities())]
    found.append((text._vocabulary().named.scan.pattern, text._vocabulary().named.scan.flags))
    return found


def _same(one: re.Pattern, other: re.Pattern) -> None:
    assert (one.pattern, one.flags, one.groups, one.groupindex) == (other.pattern, other.flags, other.groups,
                                                                    other.groupindex)
    for sample in SAMPLES:
        assert [m.span() + m.groups() for m in one.finditer(sample)] == \
               [m.span() + m.groups() for m in other.finditer(sample)]


def test_kept_code_makes_the_same_patterns_as_re_compile(kept):
    wanted = _smlint_patterns()
    assert len(wanted) > 40
    first = [patterncache.compile(pattern, flags) for pattern, flags in wanted]
    patterncache.KEPT.save()
    assert len(list(kept.glob("patterns-*"))) == 1
    patterncache.KEPT.table, patterncache.KEPT.changed = None, False  # a new process: read from the kept file
    again = [patterncache.compile(pattern, flags) for pattern, flags in wanted]
    assert patterncache.KEPT.changed is False  # nothing compiled again
    for made, from_kept, (pattern, flags) in zip(first, again, wanted, strict=True):
        reference = re.compile(pattern, flags)
        _same(made, reference)
        _same(from_kept, reference)


def test_a_damaged_file_is_compiled_again(kept):
    kept.mkdir()
    patterncache.KEPT.path().write_bytes(b"\x00not marshal")
    _same(patterncache.compile(r"\b(?P<word>volgers?)\b", re.IGNORECASE), re.compile(r"\b(?P<word>volgers?)\b", re.I))


def test_nothing_is_kept_under_python_dash_b(kept, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterncache.compile(r"kwartaal|quarter", re.IGNORECASE)
    patterncache.KEPT.save()
    assert not kept.exists()


def test_patterns_are_the_same_text_in_every_run():
    """The kept code is found by the pattern's text: a set's order must not leak into it."""
    import subprocess

    code = "from smlint.language import text; print(text._vocabulary().named.scan.pattern[-200:])"
    outputs = {subprocess.run([sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed), "PATH": ""},
                              capture_output=True, text=True, check=True).stdout for seed in (1, 2, 3)}
    assert len(outputs) == 1
