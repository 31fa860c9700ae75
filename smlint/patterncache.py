"""smlint's patterns (vocabularies, time expressions, and every module's own) compiled once, their code kept.

Python compiles a regular expression in Python code, and the vocabulary and
time-expression patterns took about a third of a one-file run to compile;
the fifty-odd patterns the modules of a lint run compile when imported took
another 4 ms, so they come from here too.

What the compiler hands to the C engine (``_sre``) is a list of integers: it
is kept in ``rules/__pycache__`` beside the rule data's marshal copy
(``smlint/data.py``), by the pattern's text and flags, in a file named for
the Python version and the engine's format (``_sre.MAGIC``), and written
under the same rules (``kept.py``: a writable folder, not ``python -B``). A pattern that
changes is a new key, compiled as before. Anything unexpected (another
Python's internals, a damaged file) falls back to ``re.compile``.
"""

from __future__ import annotations

import re
import sys

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

from .kept import Kept

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup), and (pattern, flags, "first") -> its
# first characters (first_class); a run uses about 300
KEPT = Kept(f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC if _sre else 0}.marshal", limit=500)


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - as re.compile
    """``re.compile(pattern, flags)``, from the kept compiled code when there is some."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    entry = KEPT.get((pattern, flags))
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a kept entry this engine does not take: compile it again
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), groupindex,
                 tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # noqa: BLE001 - internals not as in CPython 3.11-3.13: the public way, nothing kept
        return re.compile(pattern, flags)
    KEPT.put((pattern, flags), entry)
    return compiled


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` behind a look-ahead at the characters its matches begin with: the same matches, found faster.

    Under ``re.IGNORECASE`` the engine cannot skip ahead to a letter, so a pattern that begins with
    ``\\b(?:voor|before|...)`` tries each word at each place; the look-ahead rejects most places with
    one test. The characters are read from the parsed pattern (:func:`first_class`), once, and kept.
    """
    first = first_class(pattern, flags)
    return compile(f"(?=[{first}])(?:{pattern})" if first else pattern, flags)


def first_class(pattern: str, flags: int = 0) -> str:
    """The inside of a character class every match of ``pattern`` begins with ("" when not known, or when
    it can match the empty text), kept like the compiled code."""
    flags = int(flags)
    key = (pattern, flags, "first")
    first = KEPT.get(key) if _sre is not None else None
    if not isinstance(first, str):
        try:
            first = _first(_parser.parse(pattern, flags).data) or ""
        except Exception:  # noqa: BLE001 - not CPython's parser, or a pattern with its own global flags
            first = ""
        if pattern.startswith("(?") and pattern[2:3].isalpha():
            first = ""  # global flags must stay at the start: the pattern is not wrapped
        if _sre is not None:
            KEPT.put(key, first)
    return first


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class _Unknown(Exception):
    pass


def _first(items) -> str | None:
    """The inside of a class holding the first character of every match of a parsed pattern, or None."""
    try:
        found, empty = _starts(items)
    except _Unknown:
        return None
    return None if empty or not found else "".join(dict.fromkeys(found))  # each item once, in order


def _starts(items) -> tuple[list[str], bool]:
    """(class items the first character of a match of the parsed sequence is in, whether it can match the
    empty text); _Unknown for what is not read here."""
    from re import _constants as c

    found: list[str] = []
    for op, value in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: an item after it consumes the first character
            continue
        if op is c.LITERAL:
            return found + [re.escape(chr(value))], False
        if op is c.IN:
            for kind, item in value:
                if kind is c.LITERAL:
                    found.append(re.escape(chr(item)))
                elif kind is c.RANGE:
                    found.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
                elif kind is c.CATEGORY and str(item) in _CATEGORIES:
                    found.append(_CATEGORIES[str(item)])
                else:  # a negated class, a locale's category
                    raise _Unknown
            return found, False
        if op is c.BRANCH:
            empty = False
            for branch in value[1]:
                inner, inner_empty = _starts(branch)
                found += inner
                empty = empty or inner_empty
        elif op is c.SUBPATTERN:
            if value[1] or value[2]:
                raise _Unknown  # flags of its own
            inner, empty = _starts(value[3])
            found += inner
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            inner, inner_empty = _starts(value[2])
            found += inner
            empty = value[0] == 0 or inner_empty
        elif op is getattr(c, "ATOMIC_GROUP", None):
            inner, empty = _starts(value)
            found += inner
        else:
            raise _Unknown
        if not empty:
            return found, False
    return found, True
