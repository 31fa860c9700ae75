"""Hypothesis strategies for hostile strategy files, and the property every input must keep.

Used by tests/test_fuzz.py (a few hundred examples in CI) and by
benchmarks/fuzz.py (as many as you like: ``--examples 100000``).

The property: ``smlint check`` lets no exception escape, exits 0, 1 or 2,
prints JSON that parses, and every finding has a line and column of at
least 1.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import strategies as st

from smlint.cli import main

from .blockfuzz import block_texts, check_block_reader

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


# -- numbers too large to work with (Python's int() of text stops at 4,300 digits, a float at about 1.8e308) ------

_NUMBER = re.compile(r"(?m)(\b(?:version|baseline|target|share|posts|size|min|max|declared_stage|value|year)"
                     r"\s*:\s*)(-?\d+(?:\.\d+)?%?)")


@st.composite
def huge_number(draw) -> str:
    length = draw(st.one_of(st.integers(300, 320), st.integers(4290, 4310), st.integers(320, 6000)))
    digits = draw(st.sampled_from("123456789")) + draw(st.text("0123456789", max_size=8)) + "9" * length
    form = draw(st.sampled_from(["plain", "minus", "hex", "octal", "quoted", "decimal", "exponent", "percent",
                                 "relative", "underscores", "leading-zeros"]))
    return {"plain": digits, "minus": "-" + digits, "hex": "0x" + "f" * (len(digits) // 4 + 256),
            "octal": "0o" + "7" * (len(digits) // 2 + 342), "quoted": f'"{digits}"', "decimal": digits + ".5",
            "exponent": "1e" + digits[:4], "percent": digits + "%", "relative": f'"+{digits}%"',
            "underscores": f'"{digits[:100]}_{digits[100:]}"', "leading-zeros": "0" * 4400 + "12"}[form]


@st.composite
def huge_numbers(draw) -> bytes:
    """An example whose numbers (some, or one) are huge, and an x- key holding one."""
    text = draw(st.sampled_from(SOURCES))
    places = list(_NUMBER.finditer(text))
    chosen = draw(st.sets(st.integers(0, len(places) - 1), min_size=1, max_size=4))
    for index in sorted(chosen, reverse=True):
        match = places[index]
        text = text[:match.start(2)] + draw(huge_number()) + text[match.end(2):]
    if draw(st.booleans()):
        text = f"x-big: {draw(huge_number())}\nx-list: [{draw(huge_number())}]\n" + text
    return text.encode("utf-8")


# -- long statements (text analysis must stay linear in their length) ------------------------------------------

LONG_STATEMENT_UNITS = ["1 ", "10% ", "Q3 ", "1.200 ", "1,200 ", "voor 1 juli ", "binnen 6 maanden ", "by June 30 ",
                        "fans op Facebook ", "meer ", "2027-12-31 ", "+10% ", "van 1.200 naar 1.320 ", "a", "é", "#"]


def long_statements(max_repeats: int = 300):
    """An example with one statement (or name) made of one phrase repeated up to ``max_repeats`` times."""

    @st.composite
    def build(draw) -> bytes:
        unit = draw(st.sampled_from(LONG_STATEMENT_UNITS))
        text = json.dumps((unit * draw(st.integers(1, max_repeats))).strip(), ensure_ascii=False)
        source = draw(st.sampled_from(SOURCES[:2]))
        key = draw(st.sampled_from(["statement", "name", "title"]))
        position = source.find(f"{key}: ")
        if position < 0:
            position = source.find("statement: ")
            key = "statement"
        end = source.find("\n", position)
        return (source[:position] + f"{key}: {text}" + source[end:]).encode("utf-8")

    return build()


# -- line breaks YAML 1.2 and editors do not count (U+0085, U+2028, U+2029), and CR / CRLF mixes -----------------

ODD_BREAKS = ["\x85", "\u2028", "\u2029"]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def yaml12_lines(text: str) -> int:
    return len(_LINE_BREAK.split(text))


@st.composite
def odd_line_breaks(draw) -> bytes:
    """An example with U+0085, U+2028 or U+2029 put anywhere, and its line ends mixed (\\n, \\r\\n, \\r)."""
    lines = draw(st.sampled_from(SOURCES)).split("\n")
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        at = draw(st.integers(0, len(lines[index])))
        lines[index] = lines[index][:at] + draw(st.sampled_from(ODD_BREAKS)) + lines[index][at:]
    return _with_mixed_ends(draw, lines).encode("utf-8")


def _with_mixed_ends(draw, lines: list[str]) -> str:
    """The lines joined with \\n, \\r\\n or \\r each, as many breaks as lines (never a \\r then a \\n)."""
    ends = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)))
    for index in range(1, len(lines)):
        if ends[index - 1] == "\r" and lines[index] == "" and ends[index] == "\n":
            ends[index] = "\r"
    return "".join(line + end for line, end in zip(lines, ends))


@st.composite
def same_meaning(draw) -> tuple[bytes, bytes]:
    """(an example, the same example with its line ends mixed and odd line breaks inside its comments)

    Both mean the same to YAML 1.2, so smlint must report the same findings at the same places.
    """
    source = draw(st.sampled_from(SOURCES))
    lines = source.split("\n")
    comments = [i for i, line in enumerate(lines) if line.lstrip().startswith("#")]
    for index in draw(st.sets(st.sampled_from(comments), max_size=4)) if comments else ():
        at = draw(st.integers(lines[index].index("#") + 1, len(lines[index])))
        lines[index] = lines[index][:at] + draw(st.sampled_from(ODD_BREAKS)) + lines[index][at:]
    return source.encode("utf-8"), _with_mixed_ends(draw, lines).encode("utf-8")


hostile_inputs = st.one_of(random_bytes, random_text, random_yaml, mutated_examples(), edited_text(),
                           huge_numbers(), long_statements(), odd_line_breaks())

_RUNNER = CliRunner()
ARGS = ["check", "-", "--format", "json", "--today", "2027-01-02", "--stdin-filename", "fuzz.strategy.yaml"]


def _invoke(args, data: bytes | None = None):
    result = _RUNNER.invoke(main, args, input=data, env={"GITHUB_ACTIONS": None, "NO_COLOR": None})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        raise AssertionError("exception escaped: " + "".join(traceback.format_exception(result.exception)))
    assert result.exit_code in (0, 1, 2), result.exit_code
    return result


def findings_of(data: bytes) -> list[dict]:
    return json.loads(_invoke(ARGS, data).stdout)["findings"]


def check_property(data: bytes) -> None:
    """Raise AssertionError when ``smlint check`` breaks the property on this input.

    Every finding lies inside the file, its lines counted as YAML 1.2 and editors count them.
    """
    document = json.loads(_invoke(ARGS, data).stdout)
    text = data.decode("utf-8", "replace")
    lines = yaml12_lines(text)
    for finding in document["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1, finding
        assert finding["line"] <= lines, (finding, lines)
        assert finding["message"], finding
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in document["findings"]:
        counts[finding["severity"]] += 1
    assert {k: document["summary"][k] for k in counts} == counts


def check_same_findings(pair: tuple[bytes, bytes]) -> None:
    """Two texts that mean the same to YAML 1.2 get the same findings, at the same places."""
    first, second = (findings_of(data) for data in pair)
    differ = [(a, b) for a, b in zip(first, second) if a != b]
    assert len(first) == len(second) and not differ, (len(first), len(second), differ[:1])


# -- special files met in a folder search, and hostile settings files ---------------------------------------------

SPECIAL_KINDS = ["fifo", "zero", "directory", "broken-link", "socket"]


def _make(path: str, kind: str) -> None:
    import socket

    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    elif kind == "directory":
        os.mkdir(path)
    elif kind == "broken-link":
        os.symlink(path + ".missing", path)
    else:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path)


special_folders = st.tuples(st.lists(st.sampled_from(SPECIAL_KINDS), min_size=1, max_size=4),
                            st.sampled_from(SOURCES).map(lambda text: text.encode("utf-8")))


def check_folder_property(case: tuple[list[str], bytes]) -> None:
    """A folder with special files named like strategies, and one real strategy: every one is reported, none hangs.

    (A hang is caught by pytest's timeout in CI, by the time limit per example in benchmarks/fuzz.py.)
    """
    kinds, data = case
    with tempfile.TemporaryDirectory() as folder:
        for index, kind in enumerate(kinds):
            _make(os.path.join(folder, f"s{index}.strategy.yaml"), kind)
        Path(folder, "real.strategy.yaml").write_bytes(data)
        result = _invoke(["check", folder, "--format", "json", "--today", "2027-01-02", "--jobs", "1"])
        document = json.loads(result.stdout)
        assert document["summary"]["files"] == len(kinds) + 1
        unread = {os.path.basename(f["file"]) for f in document["findings"] if f["rule"] == "SM001" and f["line"] == 1}
        assert {f"s{index}.strategy.yaml" for index in range(len(kinds))} <= unread, document["findings"]


SETTINGS_TEXTS = ["lang: en\nthresholds:\n  SM301: {min-reach: 15}\n", "select: [SM2]\nignore: [SM205]\n",
                  "platforms:\n  tiktok:\n    cadence:\n      min: {posts: 3, per: week}\n"]


@st.composite
def settings_files(draw) -> tuple[str, bytes]:
    """(kind, bytes) of a hostile configuration or channel data file: broken YAML, odd keys, huge numbers."""
    kind = draw(st.sampled_from(["config", "channel-data", "pyproject"]))
    text = draw(st.sampled_from(SETTINGS_TEXTS))
    action = draw(st.sampled_from(["huge", "complex-key", "merge", "cut", "insert", "bytes", "toml"]))
    if action == "huge":
        text = re.sub(r"\b(15|3)\b", lambda _: draw(huge_number()), text)
    elif action == "complex-key":
        text = "? [a]\n: 1\n" + text
    elif action == "merge":
        text = draw(st.sampled_from(["<<: 1\n", "<<: [1, 2]\n", "<<: {lang: nl}\n"])) + text
    elif action == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif action == "insert":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(ODD_TEXT + ODD_BREAKS + ["\r", "\t", "[tool.smlint"])) + text[at:]
    elif action == "toml":
        text = draw(st.sampled_from(["tool = 5\nx = '[tool.smlint]'\n", "[tool]\nsmlint = 5\n", "[tool.smlint\n",
                                     "[tool.smlint]\nignore = 5\n", "[tool.smlint]\nmax-file-size = 0x" + "f" * 5000,
                                     "[tool.smlint]\nlang = 'en'\n[tool.smlint.thresholds.SM301]\nmin-reach = "
                                     + "9" * 5000 + "\n"]))
        kind = "pyproject"
    data = draw(st.binary(max_size=40)) if action == "bytes" else text.encode("utf-8", "surrogatepass")
    return kind, data


def check_settings_property(case: tuple[str, bytes]) -> None:
    """A configuration or data file smlint cannot use stops the run with exit 2 and its file:line:column."""
    kind, data = case
    with tempfile.TemporaryDirectory() as folder:
        name = {"config": ".smlint.yaml", "channel-data": "data.yaml", "pyproject": "pyproject.toml"}[kind]
        path = Path(folder, name)
        path.write_bytes(data)
        Path(folder, "strategy.yaml").write_text(SOURCES[0], encoding="utf-8")
        args = ["check", str(Path(folder, "strategy.yaml")), "--format", "json", "--today", "2027-01-02"]
        args += ["--channel-data", str(path)] if kind == "channel-data" else ["--config", str(path)]
        result = _invoke(args)
        if result.exit_code == 2:
            assert re.search(re.escape(str(path)) + r":\d+:\d+: ", result.output), result.output
            assert len(result.output) < 5000, result.output[:300]
        else:
            json.loads(result.stdout)


# Every target of the long fuzz run (benchmarks/fuzz.py): (name, strategy, property).
def targets(long_statement_repeats: int = 300):
    return [
        ("random bytes", random_bytes, check_property),
        ("random text", random_text, check_property),
        ("random YAML", random_yaml, check_property),
        ("mutated examples", mutated_examples(), check_property),
        ("examples edited as text", edited_text(), check_property),
        ("huge numbers", huge_numbers(), check_property),
        ("long statements", long_statements(long_statement_repeats), check_property),
        ("odd line breaks", odd_line_breaks(), check_property),
        ("same meaning, other line breaks", same_meaning(), check_same_findings),
        ("special files in a folder", special_folders, check_folder_property),
        ("hostile settings files", settings_files(), check_settings_property),
        ("block reader against libyaml", block_texts(), check_block_reader),
    ]
