"""Regular expressions from rule packs, matched in time linear in the text: never a hang.

Python's ``re`` backtracks: ``^(a+)+$`` against thirty a's and a ``!`` runs
for minutes, and a rule pack is data an organisation writes, not code it
tests. Pack patterns (the ``pattern`` function, and ``match()``, ``search()``
and ``=~`` in a JSONPath filter) are compiled with RE2 (Google's engine,
``google-re2``), which guarantees time linear in the text and bounds its own
memory. Its syntax is Python's, less what needs backtracking:
lookaround (``(?=``, ``(?<=``) and backreferences (``\\1``) are refused when
the pack is loaded (exit 2, with the place in the pack).

``\\d``, ``\\w`` and ``\\s`` mean what they mean in Python (any script's
digits, letters and spaces: ``\\w+`` matches ``café``), since RE2's own are
ASCII only; ``\\Z`` is the end of the text as in Python. ``\\b`` is RE2's,
which counts only ASCII letters as word characters.
"""

from __future__ import annotations

from functools import lru_cache

# Python's Unicode classes, in RE2's syntax (as the inside of a [...] class)
_UNICODE = {"d": r"\p{Nd}", "w": r"\p{L}\p{N}_", "s": r"\s\x{0B}\x{1C}-\x{1F}\x{85}\p{Z}"}


def translate(pattern: str) -> str:
    """A Python pattern in RE2's syntax, with Python's meaning of ``\\d``, ``\\w``, ``\\s`` and ``\\Z``."""
    out: list[str] = []
    index, in_class, size = 0, False, len(pattern)
    while index < size:
        char = pattern[index]
        if char == "\\" and index + 1 < size:
            escaped = pattern[index + 1]
            if escaped in _UNICODE:
                out.append(_UNICODE[escaped] if in_class else f"[{_UNICODE[escaped]}]")
            elif escaped in "DWS" and not in_class:
                out.append(f"[^{_UNICODE[escaped.lower()]}]")
            elif escaped == "Z" and not in_class:
                out.append(r"\z")
            else:
                out.append(pattern[index:index + 2])
            index += 2
            continue
        out.append(char)
        index += 1
        if char == "[" and not in_class:
            in_class = True
            if pattern[index:index + 1] == "^":
                out.append("^")
                index += 1
            if pattern[index:index + 1] == "]":  # a ] first in a class is the character itself
                out.append("\\]")
                index += 1
        elif char == "]" and in_class:
            in_class = False
    return "".join(out)


def error():
    """The exception a pattern RE2 cannot compile raises."""
    import re2

    return re2.error


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, flags: str = ""):
    """The compiled pattern (``search``, ``fullmatch``); ``error()`` when RE2 refuses it.

    ``flags``: letters of Python's inline flags (``i``, ``m``, ``s``) to set for the whole pattern.
    """
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print its own line on standard error; the pack error says it
    prefix = f"(?{''.join(sorted(set(flags) & set('ims')))})" if set(flags) & set("ims") else ""
    return re2.compile(prefix + translate(pattern), options)
