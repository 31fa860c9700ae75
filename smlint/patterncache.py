"""smlint's patterns (vocabularies, time expressions, and every module's own) compiled once, their code kept.

Python compiles a regular expression in Python code, and the vocabulary and
time-expression patterns took about a third of a one-file run to compile;
the fifty-odd patterns the modules of a lint run compile when imported took
another 4 ms, so they come from here too.
What the compiler hands to the C engine (``_sre``) is a list of integers: it
is kept in ``rules/__pycache__`` beside the rule data's marshal copy
(``smlint/data.py``), by the pattern's text and flags, in a file named for
the Python version and the engine's format (``_sre.MAGIC``), and written
under the same rules (a writable folder, not ``python -B``). A pattern that
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

_MAX = 500  # patterns kept at most (a run uses about 130; when the vocabulary changes, the file starts again)
_kept: dict | None = None  # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup)
_changed = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - as re.compile
    """``re.compile(pattern, flags)``, from the kept compiled code when there is some."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    kept = _load()
    entry = kept.get((pattern, flags))
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
    _keep((pattern, flags), entry)
    return compiled


def _file():
    from .data import data_dir

    return data_dir("rules") / "__pycache__" / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def _load() -> dict:
    global _kept
    if _kept is None:
        import marshal

        try:
            kept = marshal.loads(_file().read_bytes())
            _kept = kept if isinstance(kept, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            _kept = {}
    return _kept


def _keep(key, entry) -> None:
    global _changed
    if len(_kept) >= _MAX:
        _kept.clear()
    _kept[key] = entry
    if not _changed and not sys.dont_write_bytecode:
        import atexit

        atexit.register(_save)
    _changed = True


def _save() -> None:
    """Write the kept code when the process ends (a run compiles what it needs, then it is kept)."""
    import marshal

    from .data import write_copy

    if sys.dont_write_bytecode:
        return
    try:
        data = marshal.dumps(_kept)
    except ValueError:
        return
    from .data import data_dir

    write_copy(_file(), data, like=data_dir("rules") / "vocabulary.yaml")
