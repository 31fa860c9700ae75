"""The fast ways of searching the word lists and time patterns find exactly what the plain patterns find.

alternation.py searches a word list by the letter at each word start;
patterncache.compile_guarded puts a look-ahead at a pattern's first characters
in front of it. Both must give the matches (places, groups) of the pattern they
stand for, on plans as written and on odd text (case folding beyond ASCII:
``ſ`` is an ``s`` and the Kelvin sign a ``k`` to a case-blind pattern).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from smlint import patterncache
from smlint.language import text, timewords, wording
from smlint.language.alternation import ANY, Alternatives

ROOT = Path(__file__).resolve().parent.parent
ODD = ["İ ſ \u212a ß ǅ ﬀ", "ſterk groeien, \u212aerst en ſummer", "VERHOGEN ver­hogen verhoogd-campagne x-campagne",
       "We bouwen onze aanwezigheid verder uit en zetten het merk neer", "-campagne wervingscampagne CAMPAGNES",
       "", " ", "a", "1", "q3 Q4 h2 H1 2027-12-31 31-12-2027 31 dec. 2027", "voor de zomervakantie, rond kerst"]


def _texts() -> list[str]:
    """Lines of every YAML file in the repository (statements among them), odd ones, and random word salads."""
    lines = list(ODD)
    for path in sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/data/**/*.yaml"), ROOT / "rules" / "vocabulary.yaml"]):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    words = " ".join(lines).split()
    pick = random.Random(15)
    lines += [" ".join(pick.choice(words) for _ in range(pick.randint(1, 25))) for _ in range(1500)]
    return lines


TEXTS = _texts()


def _matches(found) -> list:
    return [(match.span(), match.lastgroup, match.group()) for match in found]


@pytest.mark.parametrize("words", [wording.vague, wording.shrinking, wording.activities])
def test_a_word_list_finds_what_its_whole_pattern_finds(words):
    listed = words()
    for line in TEXTS:
        assert _matches(listed.alternatives.finditer(line)) == _matches(listed.pattern.finditer(line)), line
        assert listed.alternatives.search(line) == (listed.pattern.search(line) is not None)


def test_metric_and_platform_words_are_found_as_by_their_whole_pattern():
    named = text._vocabulary().named
    for line in TEXTS:
        assert _matches(named.alternatives.finditer(line)) == _matches(named.scan.finditer(line)), line
        for position in (0, 1, 5):
            assert _matches(filter(None, [named.alternatives.match(line, position)])) == \
                   _matches(filter(None, [named.scan.match(line, position)]))


def test_alternatives_keep_the_order_of_the_alternation():
    """At one place the first alternative that matches wins, whatever letter the others begin with."""
    alternatives = Alternatives([("g0", [("ab", "a")]), ("g1", [(r"\w+", ANY)]), ("g2", [("abc", "a")])],
                                r"(?<!\w)", r"(?!\w)", re.IGNORECASE)
    assert [(m.lastgroup, m.group()) for m in alternatives.finditer("ab abc Abc x")] == \
           [("g0", "ab"), ("g1", "abc"), ("g1", "Abc"), ("g1", "x")]


def _guarded_patterns() -> list[tuple[str, int]]:
    found = [(p.pattern, p.flags) for p, *_ in text._time_patterns()]
    found += [(p[2].pattern, p[2].flags) for p in timewords.patterns() if len(p) > 2][:1]  # the holidays' gate
    found += [(text._COUNT, re.IGNORECASE), (text._DOUBLE, re.IGNORECASE), (text._BARE_X, 0)]
    return found


@pytest.mark.parametrize("pattern, flags", _guarded_patterns())
def test_a_guarded_pattern_matches_as_the_pattern_itself(pattern, flags):
    guarded = patterncache.compile_guarded(pattern, flags)
    plain = re.compile(pattern, flags)
    for line in TEXTS:
        assert [m.span() + m.groups() for m in guarded.finditer(line)] == \
               [m.span() + m.groups() for m in plain.finditer(line)], line


@pytest.mark.parametrize("pattern, first", [
    (r"\b(\d{4})-(\d{2})", r"\d"),
    (r"\b(?:(?:in|by)\s+)?(?:the\s+end\s+of\s+)?(?:next|komend)\s+x", "ibtnk"),
    (r"x{0,2}y", "xy"),
    (r"(?:a|)b", "ab"),
    (r"\w*campagne", r"\wc"),
    (r"a*|b", ""),  # can match nothing: no look-ahead
    (r"[^a]b", ""),  # a negated class: not read
    (r"(?i:a)b", ""),  # flags of its own: not read
    (r"(?i)ab", ""),  # global flags stay first: not wrapped
])
def test_the_first_characters_of_a_pattern(pattern, first):
    assert patterncache.first_class(pattern, re.IGNORECASE) == first
