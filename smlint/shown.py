"""Text from a user's file, made safe to show inside a message: one finding stays one line of output.

Line breaks (``\\n``, ``\\r``, U+2028, U+2029, NEL), terminal escapes and other
control characters, and the bidirectional controls that make text read
otherwise than it is stored, are written as escapes (``\\n``, ``\\x1b``,
``\\u202e``); everything else is kept, accents and emoji included.
"""

from __future__ import annotations

from .patterncache import compile as compile_kept

_UNPRINTABLE = compile_kept("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE_IN_BLOCK = compile_kept("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str, limit: int | None = None) -> str:
    """``text`` with control characters escaped, cut to ``limit`` characters (ending in "…") when given."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def printable_block(text: str) -> str:
    """``text`` of several lines (a rule's documentation) with control characters escaped but ``\\n`` and tabs."""
    text = text.replace("\r\n", "\n")
    return _UNPRINTABLE_IN_BLOCK.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
