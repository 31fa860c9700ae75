"""Documents for the block reader (smlint/load/blockyaml.py) and the property it keeps against libyaml.

Used by tests/test_blockyaml.py, tests/test_fuzz.py and benchmarks/fuzz.py (as many examples as you like).
The property: whenever the block reader answers, libyaml reads the same text without a problem and gives
the same tree (types, positions, values, raw texts, styles, keys and their order). It may decline anything.
"""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import strategies as st

from smlint.load import blockyaml
from smlint.load.loader import FatalLoadError, Mapping, Scalar, load_text

EXAMPLES = [Path(__file__).resolve().parent.parent / "examples" / name
            for name in ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml")]


def difference(fast, slow, path: str = "") -> str | None:
    """Where two trees differ (type, position, value, raw text, style, keys and their order), or None."""
    if type(fast) is not type(slow):
        return f"{path}: {type(fast).__name__} against {type(slow).__name__}"
    if (fast.line, fast.column) != (slow.line, slow.column):
        return f"{path}: at {fast.line}:{fast.column} against {slow.line}:{slow.column}"
    if isinstance(fast, Scalar):
        same_value = fast.value == slow.value or (isinstance(fast.value, float) and math.isnan(fast.value)
                                                  and isinstance(slow.value, float) and math.isnan(slow.value))
        if (type(fast.value), fast.raw, fast.plain) != (type(slow.value), slow.raw, slow.plain) or not same_value:
            return f"{path}: {fast.value!r} {fast.raw!r} {fast.plain} against {slow.value!r} {slow.raw!r} {slow.plain}"
        return None
    if isinstance(fast, Mapping):
        if list(fast.items) != list(slow.items):
            return f"{path}: keys {list(fast.items)} against {list(slow.items)}"
        for key, (key_node, value) in fast.items.items():
            slow_key, slow_value = slow.items[key]
            found = difference(key_node, slow_key, f"{path}/{key}(key)") or difference(value, slow_value, f"{path}/{key}")
            if found:
                return found
        return None
    if len(fast.children) != len(slow.children):
        return f"{path}: {len(fast.children)} items against {len(slow.children)}"
    for index, (one, other) in enumerate(zip(fast.children, slow.children)):
        found = difference(one, other, f"{path}/{index}")
        if found:
            return found
    return None


def agrees(text: str) -> bool:
    """Assert the property; True when the block reader answered (so a test can count how often it did)."""
    fast = blockyaml.read(text)
    if fast is None:
        return False
    try:
        slow = load_text(text, block_reader=False)
    except FatalLoadError as exc:
        raise AssertionError(f"the block reader read a text libyaml rejects ({exc.problem.key}):\n{text}") from None
    assert not slow.problems, f"the block reader read a text with problems {slow.problems}:\n{text}"
    found = difference(fast, slow.root)
    assert found is None, f"{found}\n{text}"
    return True


# -- generated block documents -----------------------------------------------------------------------------
PLAIN = ["a", "b c", "x#y", "12", "-5", "0x1A", "1e3", ".5", "~", "null", "True", "yes", "2027-01-01", "é", "😀 ok",
         "R&D", "50%", "a?", "a!", "it's", 'say "hi"', "=", "a  b", ".inf", "+1", "0o17", "007", "10:30", "x-y"]
TRICKY = ["x #y", "a:b", "a: b", "a:", "- a", "-", "a,b", "?a", "!a", "&a", "*a", "@a", "`a", "|", ">", "%a", "<<",
          "[x]", "{x}", "a]", "a}", "#", ":", ",", "'q'", '"q"', "'it''s'", '"a\\nb"', '"a#b"', "'a: b'", '"x, y"', " a"]
KEYS = ["id", "name", "title", "channel", "date", "owner", "a b", "1", "true", "é", "null", "~", "x-y"]
BAD_KEYS = ["k:", "k#", "-k", '"q"', "'q'", "<<", "a,b", "a]", "?k"]


@st.composite
def scalars(draw):
    return draw(st.sampled_from(TRICKY)) if draw(st.integers(0, 39)) == 0 else draw(st.sampled_from(PLAIN))


@st.composite
def flows(draw, depth=0):
    space = st.sampled_from(["", " ", " ", "  "])
    entry = flows(depth + 1) if depth < 2 else scalars()
    if draw(st.booleans()):
        items = draw(st.lists(st.one_of(scalars(), entry) if depth < 2 else scalars(), max_size=4))
        separator = draw(space) + "," + draw(space)
        return "[" + draw(space) + separator.join(items) + draw(st.sampled_from(["", "", ","])) + draw(space) + "]"
    pairs = draw(st.lists(st.tuples(st.sampled_from(KEYS + BAD_KEYS[:2]), st.sampled_from(["", " "]),
                                    st.sampled_from([" ", " ", "  ", ""]), scalars()), max_size=4))
    separator = draw(space) + "," + draw(space)
    return "{" + draw(space) + separator.join(f"{k}{a}:{b}{v}" for k, a, b, v in pairs) + draw(space) + "}"


COMMENTS = st.sampled_from(["", "", "", " # note", "  #note", "#x", " #: x"])


@st.composite
def documents(draw):
    out: list[str] = []

    def value():
        return draw(flows()) if draw(st.integers(0, 3)) == 0 else draw(scalars())

    def mapping(indent, depth):
        for _ in range(draw(st.integers(1, 4))):
            pad = " " * indent
            if draw(st.integers(0, 9)) == 0:
                out.append(draw(st.sampled_from(["", "    # a note", "#"])))
            key = draw(st.sampled_from(KEYS + BAD_KEYS if draw(st.integers(0, 5)) == 0 else KEYS))
            if depth < 4 and draw(st.integers(0, 2)) == 0:
                out.append(pad + key + ":" + draw(COMMENTS))
                child = indent + draw(st.sampled_from([2, 2, 4, 0, 1]))
                if child == indent or draw(st.integers(0, 3)) == 0:
                    sequence(child, depth + 1)
                else:
                    mapping(child, depth + 1)
            else:
                colon = draw(st.sampled_from([":", ":", " :"]))
                gap = draw(st.sampled_from([" ", " ", "  ", ""]))
                written = value() if draw(st.integers(0, 11)) else ""
                out.append(pad + key + colon + gap + written + draw(COMMENTS) + draw(st.sampled_from(["", "", " "])))

    def sequence(indent, depth):
        for _ in range(draw(st.integers(1, 3))):
            pad = " " * indent
            dash = "-" + draw(st.sampled_from([" ", " ", "   "]))
            kind = draw(st.integers(0, 9))
            if kind < 4 or depth >= 5:
                out.append(pad + dash + value() + draw(COMMENTS))
            elif kind < 9:
                start = len(out)
                mapping(indent + len(dash), depth + 1)
                out[start] = pad + dash + out[start][indent + len(dash):] if out[start].startswith(
                    " " * (indent + len(dash))) else out[start]
            else:
                out.append(pad + "-" + draw(COMMENTS))

    mapping(0, 0)
    text = "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n", "\n# end"]))
    return text.replace("\n", "\r\n") if draw(st.integers(0, 4)) == 0 else text  # Windows line ends too


MUTATIONS = list(": #-'\"[]{},&*!|>%@`?~.09aé😀") + [": ", " #", "- ", "  ", "\n", "\n  ", "\n- ", "null", "<<", "---",
                                                     "''", "\\", "\t", "\r"]


@st.composite
def mutated_examples(draw) -> str:
    """An example strategy cut short and edited: characters inserted and deleted, lines repeated, re-indented."""
    path = draw(st.sampled_from(EXAMPLES))
    lines = path.read_text(encoding="utf-8").split("\n")[:draw(st.integers(5, 120))]
    edits = draw(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 200), st.sampled_from(MUTATIONS),
                                    st.integers(0, 3)), min_size=1, max_size=4))
    for where, at, text, kind in edits:
        index = where % len(lines)
        line = lines[index]
        at = min(at, len(line))
        if kind == 0:
            lines[index] = line[:at] + text + line[at:]
        elif kind == 1:
            lines[index] = line[:at] + line[at + 1:]
        elif kind == 2:
            lines.insert(index, lines[(where // 7) % len(lines)])
        else:
            lines[index] = " " * (at % 7) + line.lstrip(" ")
    return "\n".join(lines)


def block_texts():
    """Generated block documents and mutated examples, half each."""
    return st.one_of(documents(), mutated_examples())


def check_block_reader(text: str) -> None:
    agrees(text)
