"""The block-style reader (smlint/load/blockyaml.py) against libyaml: the same tree whenever it answers.

The reader may decline any text (libyaml reads it then); what it must never do
is answer differently from libyaml, or answer where libyaml finds a problem.
Checked on every YAML file in the repository, on generated block documents
(hypothesis, with the characters YAML treats specially), and on mutations of
the examples.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from smlint.load import blockyaml
from smlint.load.loader import Mapping, Scalar

from .blockfuzz import EXAMPLES, agrees, difference, documents, mutated_examples

REPO = Path(__file__).resolve().parent.parent
YAML_FILES = sorted(path for folder in ("examples", "tests/data", "rules") for pattern in ("*.yaml", "*.yml")
                    for path in (REPO / folder).rglob(pattern))
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(REPO)))
def test_every_yaml_file_in_the_repository_reads_the_same(path):
    text = path.read_bytes().decode("utf-8-sig", "replace")
    agrees(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_the_examples_are_read_without_libyaml(path, line_end):
    assert agrees(path.read_text(encoding="utf-8").replace("\n", line_end))


def test_an_ordinary_strategy_is_linted_without_importing_pyyaml():
    code = ("import sys; from smlint.load.loader import load_bytes; "
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
        "a: 1\rb: 2\r\n", "a: 1\r\nb: 2\r", "a:\n\tb: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n",
        "a: one\n  two\n", "a:\n  text on the next line\n", "a: 1\na: 2\n", "<<: {b: 1}\n", "'a': 1\n", "--- \na: 1\n",
        "a: \"esc\\n\"\n", "a: [1,\n  2]\n", "a: b: c\n", "a: - x\n", "- x\n", "a:\n-\n", "a:\n  - - x\n",
        "a: 1\n b: 2\n", "a: x\u2028y\n", "a: x\x85y\n", "a: {b: 1, b: 2}\n", "a: [x]y\n", "a: 'x'y\n", "a: ?x\n",
        "a:b: c\n", "  a: 1\n",
    ],
)
def test_what_the_reader_is_unsure_of_is_left_to_libyaml(text):
    assert blockyaml.read(text) is None


@SETTINGS
@given(documents())
def test_generated_block_documents_read_the_same(text):
    agrees(text)


@SETTINGS
@given(mutated_examples())
def test_mutated_examples_read_the_same_or_are_left_to_libyaml(text):
    agrees(text)


def test_forget_empties_the_tables_of_texts_seen_and_the_tree_stays_the_same():
    from smlint.load import nodes

    text = EXAMPLES[1].read_text(encoding="utf-8")
    before = blockyaml.read(text)
    assert blockyaml._PAIRS and blockyaml._KEY_LINES and nodes._RESOLVED
    blockyaml.forget()
    assert not (blockyaml._PAIRS or blockyaml._ITEMS or blockyaml._KEY_LINES or nodes._RESOLVED)
    assert difference(blockyaml.read(text), before) is None
