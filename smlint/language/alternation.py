"""Many words in one pattern, searched at word starts only with the words that can start there.

A word list (the vague words, the metric and platform words) is one
alternation: ``(?<![\\w-])(?:(?P<g0>...)|(?P<g1>...)|...)(?![\\w])``. Python's
engine tries every alternative, in order, at every place a word starts, and
with ``re.IGNORECASE`` it cannot skip the ones whose first letter differs, so a
statement of ten words cost some 60 µs. Here the places are found first (a
small pattern), and at each the alternatives that can begin with the letter
there are tried, in the same order, in one pattern per letter (compiled when a
letter is first met). The alternatives that fail at once are the only ones
left out, so every match, group and the place the search goes on from are
those of the whole alternation.
"""

from __future__ import annotations

import re

from ..patterncache import compile as compile_kept

ANY = None  # an alternative whose first character is not known: tried everywhere


class Alternatives:
    """``start`` + ``(?:(?P<name>alt|alt...)|...)`` + ``end``, searched by the character at each place.

    ``groups``: (group name, [(regex, first)]) in the pattern's order, where ``first`` is the inside of a
    character class that the first character of every match of the regex is in (``"vV"``, ``"\\wc"``
    for ``\\w*campagne``; ``patterncache.first_class`` reads it from a regex), or ``ANY``. No alternative
    matches the empty text. ``start`` is zero-width and is checked at the place (``(?<![\\w-])``, ``\\b``);
    ``end`` follows every alternative.
    """

    def __init__(self, groups, start: str, end: str, flags: int) -> None:
        self.groups = [(name, list(alternatives)) for name, alternatives in groups]
        self.end, self.flags = end, flags
        firsts = [first for _, alternatives in self.groups for _, first in alternatives]
        look = "" if ANY in firsts else "(?=[" + "".join(dict.fromkeys(firsts)) + "])"
        self.places = compile_kept(start + look, flags)  # where a match can begin
        self._by_char: dict[str, re.Pattern | None] = {}
        self._by_choice: dict[tuple, re.Pattern | None] = {}

    def _for(self, char: str) -> re.Pattern | None:
        """The pattern of the alternatives that can begin with ``char`` (None: none can)."""
        pattern = self._by_char.get(char, False)
        if pattern is not False:
            return pattern
        fits: dict[str, bool] = {}
        for _, alternatives in self.groups:
            for _, first in alternatives:
                if first is not ANY and first not in fits:
                    fits[first] = self._fits(first, char)
        choice = tuple((name, indices) for name, indices in (
            (name, tuple(index for index, (_, first) in enumerate(alternatives) if first is ANY or fits[first]))
            for name, alternatives in self.groups) if indices)
        if choice not in self._by_choice:
            self._by_choice[choice] = self._compile(choice) if choice else None
        self._by_char[char] = pattern = self._by_choice[choice]
        return pattern

    def _fits(self, first: str, char: str) -> bool:
        """Whether ``char`` is in the class ``[first]``."""
        if first.isascii() and first.isalnum() and char.isascii():  # letters, as most words begin: no pattern
            return (char.lower() in first.lower()) if self.flags & re.IGNORECASE else char in first
        return compile_kept("[" + first + "]", self.flags).match(char) is not None

    def _compile(self, choice) -> re.Pattern:
        groups = dict(self.groups)
        body = "|".join(f"(?P<{name}>" + "|".join(groups[name][index][0] for index in indices) + ")"
                        for name, indices in choice)
        return compile_kept("(?:" + body + ")" + self.end, self.flags)

    def finditer(self, text: str):
        """The matches of the whole alternation in ``text``, as ``pattern.finditer`` gives them."""
        place, size, by_char = self.places.search, len(text), self._by_char
        position = 0
        while position < size:
            found = place(text, position)
            if found is None:
                return
            here = found.start()
            if here >= size:
                return
            pattern = by_char.get(text[here], False)
            if pattern is False:
                pattern = self._for(text[here])
            match = pattern.match(text, here) if pattern is not None else None
            if match is None:
                position = here + 1
                continue
            yield match
            position = match.end()

    def match(self, text: str, position: int = 0):
        """The match at ``position``, as ``pattern.match`` gives it."""
        if position >= len(text) or self.places.match(text, position) is None:
            return None
        pattern = self._for(text[position])
        return pattern.match(text, position) if pattern is not None else None

    def search(self, text: str) -> bool:
        """Whether the alternation matches somewhere in ``text``."""
        return next(self.finditer(text), None) is not None
