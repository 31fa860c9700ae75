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

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup); a run uses about 130 patterns
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
