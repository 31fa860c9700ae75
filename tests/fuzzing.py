"""Hypothesis strategies for hostile strategy files, and the property every input must keep.

Used by tests/test_fuzz.py (a few hundred examples in CI) and by
benchmarks/fuzz.py (as many as you like: ``--examples 100000``).

The property: ``smlint check`` lets no exception escape, exits 0, 1 or 2,
prints JSON that parses, and every finding has a line and column of at
least 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import strategies as st

from smlint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SOURCES = [(EXAMPLES / name).read_text(encoding="utf-8")
           for name in ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml", "flawed.strategy.yaml")]
DOCUMENTS = [yaml.safe_load(text) for text in SOURCES[:2]]

ODD_TEXT = ["\u202e", "\u200b", "\ufeff", "\U0001F600", "e\u0301", "\u0000", "\x85", "\u2028", "ﬁ", "𝔛", "'", '"',
            "#", ": ", "- ", "&a", "*a", "!!python/object:os.system", "<<", "%", "@", "`", "\t", "{", "[", "|", ">"]
HUGE = [10**100, -(10**100), 1e308, -1e308, float("inf"), float("-inf"), float("nan"), 2**63, -(2**63) - 1]
BAD_DATES = ["2027-02-30", "2027-13-01", "31-12-2027", "2027/01/01", "0000-00-00", "9999-99-99", "2027-1-1", "today"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.sampled_from(ODD_TEXT + BAD_DATES), st.sampled_from(HUGE),
)


def _nested(value, depth: int, as_list: bool):
    for _ in range(depth):
        value = [value] if as_list else {"x": value}
    return value


any_value = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)


def _paths(document, prefix=()):
    """Every (container, key) in a parsed document, to mutate."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield document, key
            yield from _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield document, index
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated_examples(draw) -> bytes:
    """An example strategy with keys deleted, types swapped, bad dates, huge numbers, odd text, deep nesting."""
    import copy

    document = copy.deepcopy(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 6))):
        places = list(_paths(document))
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["delete", "swap", "date", "huge", "odd", "deep", "text"]))
        if action == "delete":
            del container[key]
        elif action == "swap":
            container[key] = draw(any_value)
        elif action == "date":
            container[key] = draw(st.sampled_from(BAD_DATES))
        elif action == "huge":
            container[key] = draw(st.sampled_from(HUGE))
        elif action == "odd":
            container[key] = str(container[key]) + draw(st.sampled_from(ODD_TEXT))
        elif action == "deep":
            container[key] = _nested(container[key], draw(st.integers(1, 120)), draw(st.booleans()))
        else:
            container[key] = draw(st.text(max_size=40))
    try:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False,
                              default_flow_style=draw(st.sampled_from([False, None, True])))
    except (yaml.YAMLError, RecursionError):
        text = str(document)
    return text.encode("utf-8", "surrogatepass")


@st.composite
def edited_text(draw) -> bytes:
    """An example file edited as text: lines dropped, repeated, cut, with odd characters inserted."""
    lines = draw(st.sampled_from(SOURCES)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "cut", "insert", "indent"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: draw(st.integers(0, max(0, len(lines[index]))))]
        elif action == "insert":
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + draw(st.sampled_from(ODD_TEXT + ["\t", "  ", "&x ", "*x", "!!int "])) + \
                lines[index][at:]
        else:
            lines[index] = draw(st.sampled_from(["  ", "\t", "- ", " "])) + lines[index]
        if not lines:
            lines = [""]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


random_yaml = st.builds(
    lambda value, flow: yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow).encode("utf-8", "surrogatepass"),
    any_value, st.sampled_from([False, None, True]),
)
random_bytes = st.binary(max_size=600)
random_text = st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass"))

hostile_inputs = st.one_of(random_bytes, random_text, random_yaml, mutated_examples(), edited_text())

_RUNNER = CliRunner()
ARGS = ["check", "-", "--format", "json", "--today", "2027-01-02", "--stdin-filename", "fuzz.strategy.yaml"]


def check_property(data: bytes) -> None:
    """Raise AssertionError when ``smlint check`` breaks the property on this input."""
    result = _RUNNER.invoke(main, ARGS, input=data, env={"GITHUB_ACTIONS": None, "NO_COLOR": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        raise AssertionError("exception escaped: " + "".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 1, 2), result.exit_code
    document = json.loads(result.stdout)
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert finding["message"], finding
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in document["findings"]:
        counts[finding["severity"]] += 1
    assert {k: document["summary"][k] for k in counts} == counts
