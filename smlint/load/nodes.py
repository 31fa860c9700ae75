"""The tree smlint reads a file into: nodes that know their line and column, and YAML 1.2's plain scalars.

Both readers build it: the block reader (blockyaml.py) and libyaml's event stream (loader.py).
"""

from __future__ import annotations

import sys

from ..patterncache import compile as compile_kept

MAX_DEPTH = 64  # the deepest nesting a tree may have (SM001 beyond)


class Node:
    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class Scalar(Node):
    __slots__ = ("value", "raw", "plain")
    size = 1  # nodes it stands for, for the alias-expansion bound

    def __init__(self, value, raw: str, plain: bool, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.value = value
        self.raw = raw
        self.plain = plain


class Mapping(Node):
    """A YAML mapping: ``items`` maps a key's text to (key node, value node)."""

    __slots__ = ("items", "size")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.items: dict[str, tuple[Scalar, Node]] = {}
        self.size = 1  # nodes it stands for: the libyaml builder's alias bound (block reader: no aliases, left 1)

    def get(self, key: str) -> Node | None:
        pair = self.items.get(key)
        return pair[1] if pair else None


class Sequence(Node):
    __slots__ = ("children", "size")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.children: list[Node] = []
        self.size = 1  # as Mapping.size


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT10 = compile_kept(r"[-+]?[0-9]+\Z")
_INT8 = compile_kept(r"0o[0-7]+\Z")
_INT16 = compile_kept(r"0x[0-9a-fA-F]+\Z")
_FLOAT = compile_kept(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = compile_kept(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = compile_kept(r"\.(nan|NaN|NAN)\Z")


_FLOAT_MAX = int(sys.float_info.max)


def _within_float(value: int):
    """An integer as it is, or infinity when no float holds it (rules compute in floats; Python refuses)."""
    if -_FLOAT_MAX <= value <= _FLOAT_MAX:
        return value
    return float("-inf") if value < 0 else float("inf")


def _long_int(text: str):
    """A decimal integer of many digits: int() of text stops at 4,300 digits, and a float at about 1.8e308."""
    digits = text.lstrip("+-").lstrip("0") or "0"
    if len(digits) > len(str(_FLOAT_MAX)):
        return float("-inf") if text[0] == "-" else float("inf")
    return _within_float(-int(digits) if text[0] == "-" else int(digits))


_RESOLVED: dict = {}  # plain scalar -> its value: most repeat (keys, statuses, channels, dates)
_RESOLVED_MAX = 20_000  # texts of 64 characters at most; emptied when full: memory stays flat over many files
_MISSING = object()


def forget() -> None:
    """Empty the table of plain scalars seen before."""
    _RESOLVED.clear()


def resolve_plain(text: str):
    """Resolve a plain scalar as YAML 1.2's core schema does (a text seen before: its value from before).

    smlint's own bound: an integer beyond the range of a float is read as infinity (as ``1e400`` is), so a
    numeric field reports it as SM003 and no computation or message ever meets a number it cannot handle.
    """
    value = _RESOLVED.get(text, _MISSING)
    if value is _MISSING:
        value = _resolve_plain(text)
        if len(text) <= 64:
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[text] = value
    return value


def _resolve_plain(text: str):
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    first = text[0]
    if not (first.isdigit() or first in "+-."):
        return text
    if text[4:5] == "-" and text[7:8] == "-":  # a date ("2027-01-04"): no number has two signs there
        return text
    if _INT10.match(text):
        return int(text) if len(text) < 300 else _long_int(text)
    if _INT8.match(text):
        return _within_float(int(text[2:], 8))
    if _INT16.match(text):
        return _within_float(int(text[2:], 16))
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


class Unquoted(str):
    """A value as written in the file, for a message: ``{value!r}`` shows it without quotes."""

    def __repr__(self) -> str:
        return str(self)


def abbreviate(text: str, width: int = 24) -> Unquoted:
    """A number as written (``1e400``, not ``inf``), its first and last digits when it is longer than ``width``."""
    return Unquoted(text if len(text) <= width else f"{text[:width - 8]}…{text[-4:]}")
