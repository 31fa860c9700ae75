"""A reader for the plain block style most strategies are written in, without libyaml.

Almost every strategy is block mappings and sequences of one-line scalars,
with short flow lists (``[nl, en]``) and flow mappings
(``{start: 2027-01-01, end: 2027-12-31}``). For such a text this module
builds the same tree as :mod:`smlint.load.loader` builds from libyaml's events
(the same nodes, values, raw texts and positions) in one pass over the lines,
without an event object per node, and without importing PyYAML at all.

It only reads what it is sure of (line ends may be "\n" or Windows' "\r\n").
Anything else: a tab, a carriage return on its own, an unusual character, a document marker, an anchor, an alias, a tag, a block
scalar, a scalar that goes on to a next line, an escape in a quoted scalar,
a nested flow collection, a repeated key, a merge key, an indentation it
does not expect, a syntax error, and it returns ``None``: the caller reads
the text with libyaml, which gives the located problems and everything
YAML allows. So the cost of a text it declines is one partial pass.

``tests/test_blockyaml.py`` checks, on every document the test suite reads
and on generated ones, that this reader and libyaml's agree node for node
whenever this reader answers.
"""

from __future__ import annotations

from .nodes import (
    _MISSING,
    _RESOLVED,
    MAX_DEPTH,
    Mapping,
    Scalar,
    Sequence,
    resolve_plain,
)
from ..patterncache import compile as compile_kept

# Characters this reader leaves to libyaml: tab, CR, NEL, other C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF,
# the BOM inside a text, and U+2028/U+2029 (line breaks to libyaml)
_UNUSUAL = compile_kept("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")

# plain scalars may not start with these (in block context); '-' may when a non-space follows ("-5")
_NOT_PLAIN_START = frozenset("?:,[]{}#&*!|>'\"%@`")
_NOT_KEY_START = _NOT_PLAIN_START | {"-", " "}  # a key may not start with '-' here either (left to libyaml)
_SINGLE_QUOTED = compile_kept(r"'((?:[^']|'')*)'")
_DOUBLE_QUOTED = compile_kept(r'"([^"\\]*)"')

_MAX_DEPTH = MAX_DEPTH - 4  # deeper texts are libyaml's, which reports smlint's depth limit


class _Decline(Exception):
    """This text is not one this reader is sure of: libyaml reads it."""


def _plain(raw: str, line: int, column: int) -> Scalar:
    return Scalar(*_resolved(raw), True, line, column)


def _check_plain(text: str) -> None:
    """Raise _Decline unless ``text`` (a comment already cut off) is a one-line plain scalar as libyaml reads it."""
    first = text[0]
    if first in _NOT_PLAIN_START or (first == "-" and (len(text) == 1 or text[1] == " ")):
        raise _Decline
    if ": " in text or text[-1] == ":":
        raise _Decline


def _end_of(text: str, start: int) -> None:
    """After a value: nothing but spaces and a comment may follow on its line."""
    rest = text[start:].lstrip(" ")
    if rest and rest[0] != "#":
        raise _Decline
    if rest and start < len(text) and text[start] != " ":  # a '#' straight after the value is not a comment
        raise _Decline


def _value(text: str, start: int, line: int):
    """The scalar or flow collection written at ``text[start:]`` (the rest of a line)."""
    first = text[start]
    column = start + 1
    if first == "'":
        match = _SINGLE_QUOTED.match(text, start)
        if match is None:
            raise _Decline
        _end_of(text, match.end())
        raw = match.group(1).replace("''", "'")
        return Scalar(raw, raw, False, line, column)
    if first == '"':
        match = _DOUBLE_QUOTED.match(text, start)
        if match is None:
            raise _Decline
        _end_of(text, match.end())
        raw = match.group(1)
        return Scalar(raw, raw, False, line, column)
    if first == "[":
        return _flow(text, start, line, "]")
    if first == "{":
        return _flow(text, start, line, "}")
    hash_at = text.find(" #", start)
    raw = (text[start:hash_at] if hash_at >= 0 else text[start:]).rstrip(" ")
    _check_plain(raw)
    return _plain(raw, line, column)


# one entry of a one-line flow collection and what follows it: a quoted scalar without escapes, or a plain one
# without the characters flow context treats specially (':', '?', '#': left to libyaml)
_FLOW_ENTRY = compile_kept(r"""(?:'((?:[^']|'')*)'|"([^"\\]*)"|([^ ,\[\]{}#:?'"][^,\[\]{}#:?]*?)) *([,\]}])""")
_FLOW_KEY = compile_kept(r"([^ ,\[\]{}#:?'\"\-][^,\[\]{}#:?]*?) *: +")


def _flow_entry(text: str, position: int, line: int, depth: int) -> tuple:
    """The node at ``position`` in a flow collection, the ',' or bracket after it, and where that ends."""
    opening = text[position:position + 1]
    if opening == "[" or opening == "{":
        node, position = _flow_collection(text, position, line, "]" if opening == "[" else "}", depth + 1)
        while position < len(text) and text[position] == " ":
            position += 1
        after = text[position:position + 1]
        if after not in (",", "]", "}") or not after:
            raise _Decline
        return node, after, position + 1
    match = _FLOW_ENTRY.match(text, position)
    if match is None:
        raise _Decline
    single, double, plain, after = match.groups()
    if plain is not None:
        _check_plain(plain)
        node = _plain(plain, line, position + 1)
    else:
        raw = single.replace("''", "'") if single is not None else double
        node = Scalar(raw, raw, False, line, position + 1)
    return node, after, match.end()


def _flow_collection(text: str, start: int, line: int, closing: str, depth: int = 0) -> tuple:
    """A one-line flow sequence or mapping opened at ``start`` (its bracket), and where it ends."""
    if depth > 8:
        raise _Decline
    is_mapping = closing == "}"
    node = Mapping(line, start + 1) if is_mapping else Sequence(line, start + 1)
    position = start + 1
    length = len(text)
    while position < length and text[position] == " ":
        position += 1
    if position < length and text[position] == closing:
        return node, position + 1
    while True:
        if is_mapping:
            match = _FLOW_KEY.match(text, position)
            if match is None:
                raise _Decline
            key_raw = match.group(1)
            _check_plain(key_raw)
            key_node = _plain(key_raw, line, position + 1)
            key = _key_text(key_node)
            if key in node.items:
                raise _Decline
            value, after, position = _flow_entry(text, match.end(), line, depth)
            node.items[key] = (key_node, value)
        else:
            value, after, position = _flow_entry(text, position, line, depth)
            node.children.append(value)
        if after == closing:
            return node, position
        if after != ",":
            raise _Decline
        while position < length and text[position] == " ":
            position += 1
        if position >= length or text[position] in ",]}":  # an empty entry or a trailing comma
            raise _Decline


# characters that make a flow collection one for the general path: nesting, quotes, comments, '?'
_FLOW_SPECIAL = compile_kept(r"[\[\]{}'\"#?]")
_BAD_FLOW_START = frozenset("&*!|>%@`")  # indicators a plain scalar cannot start with (besides those above)


def _resolved(raw: str) -> tuple[object, str]:
    """A plain scalar's value, and its text (one object for all occurrences of a text that stays text)."""
    value = _RESOLVED.get(raw, _MISSING)
    if value is _MISSING:
        value = resolve_plain(raw)
    return value, value if value.__class__ is str else raw


def _flow_plain(raw: str) -> tuple[object, str]:
    """The value and text of a plain scalar in a flow collection of plain scalars (no quotes, brackets, '#', '?')."""
    first = raw[0]
    if first in _BAD_FLOW_START or (first == "-" and (len(raw) == 1 or raw[1] == " ")):
        raise _Decline
    return _resolved(raw)


# What the parts of flow collections of plain scalars hold, by their text: most repeat from line to line of a
# calendar ("channel: instagram", " status: scheduled"). Emptied when full, as nodes._RESOLVED is.
_PAIRS: dict[str, tuple] = {}
_ITEMS: dict[str, tuple] = {}
_PARTS_MAX = 4_096  # entries per table: the repeats are near each other; a few MB at most over any run
_PART_LENGTH_MAX = 200  # longer parts are not kept: memory stays flat whatever the texts


def forget() -> None:
    """Empty the tables of texts seen before (this module's and the plain scalars'), as a new process has them."""
    from .nodes import forget as forget_scalars

    _PAIRS.clear()
    _ITEMS.clear()
    _KEY_LINES.clear()
    forget_scalars()


def _pair(part: str) -> tuple:
    """(key value, key text, its offset in ``part``, value, value text, its offset) of "key: value"."""
    key_raw, colon, value_raw = part.partition(":")
    if not colon or value_raw[:1] != " " or ":" in value_raw:
        raise _Decline
    key_offset = len(key_raw) - len(key_raw := key_raw.lstrip(" "))
    value_offset = len(part) - len(value_raw := value_raw.lstrip(" "))
    key_raw, value_raw = key_raw.rstrip(" "), value_raw.rstrip(" ")
    if not key_raw or not value_raw or key_raw[0] == "-":
        raise _Decline
    key_value, key_raw = _flow_plain(key_raw)
    if key_raw == "<<":
        raise _Decline
    entry = (key_value, key_raw, key_offset, *_flow_plain(value_raw), value_offset)
    if len(part) <= _PART_LENGTH_MAX:
        if len(_PAIRS) >= _PARTS_MAX:
            _PAIRS.clear()
        _PAIRS[part] = entry
    return entry


def _item(part: str) -> tuple:
    """(value, text, offset in ``part``) of a flow sequence's plain item."""
    raw = part.strip(" ")
    if not raw or ":" in raw:
        raise _Decline
    entry = (*_flow_plain(raw), len(part) - len(part.lstrip(" ")))
    if len(part) <= _PART_LENGTH_MAX:
        if len(_ITEMS) >= _PARTS_MAX:
            _ITEMS.clear()
        _ITEMS[part] = entry
    return entry


def _flow(text: str, start: int, line: int, closing: str):
    """A flow collection that is a block value: nothing but a comment may follow it on its line."""
    end = text.find(closing, start)
    inner = text[start + 1:end] if end > start else ""
    if inner and _FLOW_SPECIAL.search(inner) is None and inner.strip(" "):
        # the common case, plain scalars only, split at ',' and ':' (calendars hold thousands of these)
        if end + 1 != len(text):
            _end_of(text, end + 1)
        column = start + 2  # of the first character after the bracket
        if closing == "}":
            node = Mapping(line, start + 1)
            items = node.items
            known = _PAIRS
            for part in inner.split(","):
                key_value, key, key_offset, value, raw, value_offset = known.get(part) or _pair(part)
                if key in items:
                    raise _Decline
                items[key] = (Scalar(key_value, key, True, line, column + key_offset),
                              Scalar(value, raw, True, line, column + value_offset))
                column += len(part) + 1
        else:
            node = Sequence(line, start + 1)
            children = node.children
            known = _ITEMS
            for part in inner.split(","):
                value, raw, offset = known.get(part) or _item(part)
                children.append(Scalar(value, raw, True, line, column + offset))
                column += len(part) + 1
        return node
    node, end = _flow_collection(text, start, line, closing)
    _end_of(text, end)
    return node


def _key_text(key_node: Scalar) -> str:
    key = key_node.value
    if key.__class__ is not str:
        key = key_node.raw
    if key == "<<":
        raise _Decline
    return key


def read(text: str) -> Mapping | None:
    """The tree of ``text`` when it is written in the plain block style, else None (libyaml reads it then)."""
    if "\r" in text:  # Windows line ends: the same lines and columns as "\n" (a lone CR is libyaml's)
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    if _UNUSUAL.search(text) is not None:
        return None
    try:
        return _read(text)
    except _Decline:
        return None


def _read(text: str) -> Mapping | None:
    # The open block collections, innermost last: [indent, node, is a mapping, is indentless]. A sequence
    # written at its key's own indentation ("key:\n- item") is "indentless": a line of that indentation that
    # is not an item closes it.
    stack: list[list] = []
    root = None
    pending = None  # (mapping, key, key node, indent of the key, column of an empty value): value on lines below
    limit = -1  # after a one-line value: the next line may be indented this much at most (else the value goes on)
    known = _KEY_LINES
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        first = line[0]
        if first == " ":
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            indent = len(line) - len(content)
            first = content[0]
        elif first == "#":
            continue
        else:
            if (first == "-" or first == ".") and line.startswith(("---", "...")):
                raise _Decline  # document markers
            indent = 0
        if indent > limit >= 0:
            raise _Decline  # a plain scalar going on to this line, or an error: libyaml's
        limit = -1
        if line[-1] == " ":
            line = line.rstrip(" ")
        is_item = first == "-" and (len(line) == indent + 1 or line[indent + 1] == " ")
        if pending is not None:
            mapping, key, key_node, key_indent, null_column = pending
            pending = None
            if indent > key_indent or (indent == key_indent and is_item):
                if len(stack) > _MAX_DEPTH:
                    raise _Decline
                if is_item:
                    child = Sequence(number, indent + 1)
                    stack.append([indent, child, False, indent == key_indent])
                else:
                    child = Mapping(number, indent + 1)  # a key is checked below; anything else declines there
                    stack.append([indent, child, True, False])
                mapping.items[key] = (key_node, child)
            else:
                mapping.items[key] = (key_node, Scalar(None, "", True, key_node.line, null_column))
        elif root is None:
            if indent or is_item:
                raise _Decline
            root = Mapping(number, 1)
            stack.append([0, root, True, False])
        # close the collections this line is not part of
        top = stack[-1]
        while top[0] > indent or (top[3] and top[0] == indent and not is_item):
            stack.pop()
            if not stack:
                raise _Decline
            top = stack[-1]
        if top[0] != indent:
            raise _Decline
        node = top[1]
        column = indent
        if not top[2]:  # a sequence: this line is one of its items
            if not is_item:
                raise _Decline
            column = indent + 1
            length = len(line)
            while column < length and line[column] == " ":
                column += 1
            if column >= length or line[column] == "#" or line[column] == "-" and (
                    column + 1 == length or line[column + 1] == " "):
                raise _Decline  # "-" alone (an item on the lines below, or an empty one), or "- - x"
            rest = line[column:]
            entry = known.get(rest) or _key_line(rest)
            if entry is _NO_KEY:
                node.children.append(_value(line, column, number))
                limit = indent
                continue
            if len(stack) > _MAX_DEPTH:
                raise _Decline
            node = Mapping(number, column + 1)
            top[1].children.append(node)
            stack.append([column, node, True, False])
        elif is_item:
            raise _Decline
        else:
            rest = line[column:] if column else line
            entry = known.get(rest) or _key_line(rest)
            if entry is _NO_KEY:
                raise _Decline
        # a mapping's "key: value" or "key:", the key at ``column``
        key, key_value, kind, offset, value, raw = entry
        items = node.items
        if key in items:
            raise _Decline  # a repeated key: SM002 comes from libyaml's path
        key_node = Scalar(key_value, key, True, number, column + 1)
        if kind is _PLAIN:
            items[key] = (key_node, Scalar(value, raw, True, number, column + offset))
        elif kind is _BELOW:
            items[key] = None  # holds the key's place in the order of keys until its value is known
            pending = (node, key, key_node, column, column + offset)
            continue
        else:
            items[key] = (key_node, _value(line, column + offset, number))
        limit = column
    if root is None:
        return None
    if pending is not None:
        mapping, key, key_node, _, null_column = pending
        mapping.items[key] = (key_node, Scalar(None, "", True, key_node.line, null_column))
    return root


_NO_KEY = (None,) * 6  # a line that holds no "key:" where its key would be
_PLAIN, _BELOW, _OTHER = "plain", "below", "other"  # a key's value: a plain scalar; on the lines below; other
# The key lines of a text by what they hold from the key on ("status: active", "- id: x" less its dash):
# (key, its value, what the value is, where the value starts (1-based, from the key), value, raw text).
# Many repeat from item to item; emptied when full, as nodes._RESOLVED is.
_KEY_LINES: dict[str, tuple] = {}
_KEY_LINE_LENGTH_MAX = 200


def _key_line(rest: str) -> tuple:
    """What a line holds from where a key would start: a key and its value, or _NO_KEY."""
    if rest[0] in _NOT_KEY_START:
        return _NO_KEY
    colon = rest.find(": ")
    if colon < 0:
        if rest[-1] != ":":
            return _NO_KEY
        colon = len(rest) - 1
    key = rest[:colon]
    if ":" in key or "#" in key:
        raise _Decline  # "a:b: c", a comment or "#" in a key: libyaml's
    key_value, key = _resolved(key.rstrip(" "))
    if key == "<<":
        raise _Decline
    start = colon + 2
    length = len(rest)
    while start < length and rest[start] == " ":
        start += 1
    if start >= length or rest[start] == "#":
        entry = (key, key_value, _BELOW, colon + 2, None, None)
    elif rest[start] in _NOT_PLAIN_START or rest[start] == "-":
        entry = (key, key_value, _OTHER, start, None, None)
    else:  # a plain scalar, the common case
        end = rest.find(" #", start)
        raw = rest[start:] if end < 0 else rest[start:end].rstrip(" ")
        if ": " in raw or raw[-1] == ":":
            raise _Decline
        entry = (key, key_value, _PLAIN, start + 1, *_resolved(raw))
    if length <= _KEY_LINE_LENGTH_MAX:
        if len(_KEY_LINES) >= _PARTS_MAX:
            _KEY_LINES.clear()
        _KEY_LINES[rest] = entry
    return entry
