"""Words people write for the format's keys and choices (``rules/synonyms.yaml``), and "did you mean"."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..data import read_yaml


def normal(word) -> str:
    """Lower case, without spaces, '-', '_' and apostrophes: ``Non-Profit`` -> ``nonprofit``."""
    return re.sub(r"[\s\-_'’]+", "", str(word).strip().lower())


@lru_cache(maxsize=None)
def _table(kind: str) -> dict[str, tuple[str, ...]]:
    """Normalised word -> the keys (kind "keys") or choices ("choices") it may mean."""
    out: dict[str, list[str]] = {}
    for canonical, words in (read_yaml("synonyms.yaml").get(kind) or {}).items():
        for word in [canonical, *(words or [])]:
            bucket = out.setdefault(normal(word), [])
            if canonical not in bucket:
                bucket.append(canonical)
    return {word: tuple(found) for word, found in out.items()}


def meant(kind: str, word, allowed) -> list[str]:
    """The allowed keys or choices ``word`` stands for: its own spelling in another case or form, or a synonym."""
    allowed = [str(a) for a in allowed]
    key = normal(word)
    same = [a for a in allowed if normal(a) == key]
    if same:
        return same
    return [a for a in _table(kind).get(key, ()) if a in allowed]


def suggestions(kind: str, word, allowed, cutoff: float = 0.6) -> list[str]:
    """What ``word`` may have meant, best first: a synonym or other spelling, else close spellings (at most two)."""
    found = meant(kind, word, allowed)
    if found:
        return found
    return difflib.get_close_matches(str(word), [str(a) for a in allowed], n=2, cutoff=cutoff)
