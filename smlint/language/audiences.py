"""What an audience's own words say about it, when its fields do not.

Two readings, both reported with what they assumed:

- the ages an audience without ``age`` stands for ("senioren", "students",
  "65-plussers", "tussen 18 en 25 jaar"), or that it is the general public
  ("inwoners", "residents"): SM301 judges reach on that (SPEC section 8);
- the segment an audience without ``segment`` belongs to when its words name
  a role ("pers", "medewerkers", "business buyers"): SM102 then does not ask
  it for age, gender and income.

The words are data: ``audience_words`` in ``rules/channels.yaml`` (ages) and
``segment_words`` in ``rules/vocabulary.yaml`` (roles).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..classcache import dataclass
from ..data import read_yaml
from ..patterncache import compile as compile_kept

_FROM = compile_kept(
    r"\b(\d{2})\s*(?:\+|-?\s*plussers?\b|(?:jaar\s+)?en\s+ouder\b|(?:years?\s+)?and\s+(?:over|older)\b)", re.IGNORECASE)
_OVER = compile_kept(r"\b(?:over|boven\s+de|ouder\s+dan|aged)\s+(\d{2})\b(?!\s*(?:-|tot|to)\s*\d)", re.IGNORECASE)
_RANGE = compile_kept(
    r"\b(?:tussen\s+)?(\d{1,2})\s*(?:-|tot|t/m|to|en|and)\s*(\d{2})\s*(?:jaar|jarigen|years?(?:\s+old)?|year-olds)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class AssumedAge:
    """Ages read from an audience's words: (low, high), or None for the general public."""

    word: str
    ages: tuple[int, int] | None


def _normal(text: str) -> str:
    return " ".join(str(text).lower().replace("_", " ").replace("’", "'").split())


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(_normal(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?<![\w'-])(" + alternatives + r")(?![\w'-])")


def _all_words(words) -> tuple[str, ...]:
    """A word list (channel data), or word lists by language (vocabulary), as one tuple."""
    if isinstance(words, dict):
        return tuple(w for values in words.values() for w in values or [])
    return tuple(words or ())


def _text(audience) -> str:
    """The words an audience is described with: id, name, description, occupations."""
    parts = [(audience.id or "").replace("-", " "), audience.name or "", audience.description or ""]
    parts += list(audience.occupations or [])
    return _normal(" . ".join(p for p in parts if p))


def _ages(text: str) -> tuple[int, int]:
    text = text.strip()
    if text.endswith("+"):
        return int(text[:-1]), 80
    low, high = text.split("-")
    return int(low), int(high)


def assumed_age(audience, data) -> AssumedAge | None:
    """The age an audience without ``age`` stands for, from its words; None when they say nothing."""
    words = data.raw.get("audience_words") or {}
    text = _text(audience)
    if not text:
        return None
    blocker = _words_pattern(_all_words(words.get("not_in_group")))
    if blocker is not None and blocker.search(text):
        return None  # "ouders van scholieren": next to the group, not in it
    for pattern, kind in ((_RANGE, "range"), (_FROM, "from"), (_OVER, "from")):
        match = pattern.search(text)
        if match:
            low = int(match[1])
            high = int(match[2]) if kind == "range" else 80
            if low <= high <= 120:
                return AssumedAge(match[0].strip(), (low, high))
    found = []
    for group in (words.get("age_groups") or {}).values():
        pattern = _words_pattern(_all_words(group.get("words")))
        match = pattern.search(text) if pattern is not None else None
        if match:
            found.append((match.start(), match[1], _ages(group["ages"])))
    if found:
        found.sort()
        return AssumedAge(found[0][1], found[0][2])
    public = _words_pattern(_all_words(words.get("general_public")))
    match = public.search(text) if public is not None else None
    if match:
        return AssumedAge(match[1], None)
    return None


def inferred_segment(audience) -> tuple[str, str] | None:
    """(segment, word) for an audience without ``segment`` whose id or name names a role; else None."""
    if audience.segment:
        return None
    text = _normal(" . ".join(p for p in ((audience.id or "").replace("-", " "), audience.name or "") if p))
    table = read_yaml("vocabulary.yaml").get("segment_words") or {}
    for segment in ("internal", "public", "business"):
        pattern = _words_pattern(_all_words(table.get(segment)))
        match = pattern.search(text) if pattern is not None else None
        if match:
            return segment, match[1]
    return None
