"""The block-style reader (smlint/blockyaml.py) against libyaml: the same tree whenever it answers.

The reader may decline any text (libyaml reads it then); what it must never do
is answer differently from libyaml, or answer where libyaml finds a problem.
Checked on every YAML file in the repository, on generated block documents
(hypothesis, with the characters YAML treats specially), and on mutations of
the examples.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smlint import blockyaml
from smlint.loader import FatalLoadError, Mapping, Scalar, load_text

REPO = Path(__file__).resolve().parent.parent
YAML_FILES = sorted(path for folder in ("examples", "tests/data", "rules") for pattern in ("*.yaml", "*.yml")
                    for path in (REPO / folder).rglob(pattern))
EXAMPLES = [REPO / "examples" / name for name in ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml")]
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


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


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_every_yaml_file_in_the_repository_reads_the_same(path):
    text = path.read_bytes().decode("utf-8-sig", "replace")
    agrees(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_the_examples_are_read_without_libyaml(path):
    assert agrees(path.read_text(encoding="utf-8"))


def test_an_ordinary_strategy_is_linted_without_importing_pyyaml():
    code = ("import sys; from smlint.loader import load_bytes; "
            f"load_bytes(open({str(EXAMPLES[0])!r}, 'rb').read()); print('yaml' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a:\nb: 1\n", 1, 3),            # an empty value: just after the colon
        ("a:   # note\nb: 1\n", 1, 3),
        ("x:\n  y:\n", 2, 5),
        ("x:\n  - k: 1\n    j:\n", 3, 7),
    ],
)
def test_an_empty_value_is_placed_after_its_colon_as_libyaml_places_it(text, line, column):
    assert agrees(text)
    stack, empty = [blockyaml.read(text)], []
    while stack:
        node = stack.pop()
        if isinstance(node, Scalar):
            empty += [(node.line, node.column)] if node.value is None else []
        else:
            stack += [value for _, value in node.items.values()] if isinstance(node, Mapping) else node.children
    assert empty == [(line, column)]


@pytest.mark.parametrize(
    "text",
    [
        "a:\n- x\n- y\nb: 2\n",                     # an indentless sequence
        "list:\n  - id: x\n    tags:\n    - a\n  - plain\n",
        "a: [p, q]\nb: {c: 1, d: 2}\nc: []\nd: {}\n",
        "a: {x: [1, 2], y: {z: 'q'}}\n",
        "a: {x:  1 ,  y : 2}\n",
        "a: [ 'it''s', \"x, y\" , -5]\n",
        "a: 'it''s'  # c\nb: \"say: hi\"\n",
        "a: C#  # a comment\nb: x#y\nc: 10:30\nd: http://example.org\n",
        "1: x\ntrue: y\nnull: z\n",
        "é: 😀 ok\nkey with spaces: value with  spaces\n",
        "a  :\nb  : 1\n",
    ],
)
def test_the_block_style_is_read_as_libyaml_reads_it(text):
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\r\nb: 2\r\n", "a:\n\tb: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: one\n  two\n", "a:\n  text on the next line\n", "a: 1\na: 2\n", "<<: {b: 1}\n", "'a': 1\n", "--- \na: 1\n",
        "a: \"esc\\n\"\n", "a: [1,\n  2]\n", "a: b: c\n", "a: - x\n", "- x\n", "a:\n-\n", "a:\n  - - x\n",
        "a: 1\n b: 2\n", "a: x\u2028y\n", "a: x\x85y\n", "a: {b: 1, b: 2}\n", "a: [x]y\n", "a: 'x'y\n", "a: ?x\n",
        "a:b: c\n", "  a: 1\n",
    ],
)
def test_what_the_reader_is_unsure_of_is_left_to_libyaml(text):
    assert blockyaml.read(text) is None


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
    return "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n", "\n# end"]))


@SETTINGS
@given(documents())
def test_generated_block_documents_read_the_same(text):
    agrees(text)


MUTATIONS = list(": #-'\"[]{},&*!|>%@`?~.09aé😀") + [": ", " #", "- ", "  ", "\n", "\n  ", "\n- ", "null", "<<", "---",
                                                     "''", "\\", "\t", "\r"]


@SETTINGS
@given(st.sampled_from(EXAMPLES), st.integers(5, 120),
       st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 200), st.sampled_from(MUTATIONS), st.integers(0, 3)),
                min_size=1, max_size=4))
def test_mutated_examples_read_the_same_or_are_left_to_libyaml(path, keep, edits):
    lines = path.read_text(encoding="utf-8").split("\n")[:keep]
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
    agrees("\n".join(lines))
