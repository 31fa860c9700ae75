"""The JSON Schema (what an editor checks) and the linter (what `smlint check` reports) give the same verdict.

A differential test over generated strategy documents, with ``jsonschema``
(the design's validator) on one side and the runtime validator on the other.
Patterns are matched as the schema's consumers match them, with ECMAScript
regular expressions (``regress``, as check-jsonschema does; the YAML language
server is ECMAScript too). What is compared:

- the verdict: the schema accepts a document exactly when the linter reports
  no SM003 (schema violation), SM006 (unsupported version) and SM007
  (unknown key);
- SM007 against ``additionalProperties``: the same unknown keys, at the same
  JSON Pointers;
- SM003 against the schema's other errors, by place: every SM003 is at or
  above a schema error, and every schema error is at or below an SM003 (the
  linter reports a bad field once, the schema each bad element of it).

Not comparable, so not generated: duplicate keys (SM002: a JSON object has
none), a number written with Dutch thousands (``1.200``: the linter judges
the text as written, the schema sees 1.2), and YAML's ``.inf`` and ``.nan``
(not JSON numbers). SM006 is fatal for its file (nothing else is reported),
so only the verdict is compared then.

Documents come from the compiled table (each field's type, valid values most
of the time, and odd ones: text for numbers, nulls, unknown keys, missing
keys); the verdicts come from each side on its own. Derandomized, so a run
sees the same documents every time; ``SMLINT_EXPLORE=1`` explores at random.
"""

from __future__ import annotations

import json
import os
import re

import jsonschema
import pytest
import regress
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smlint.load import records
from smlint.load.convert import (
    AGE_PATTERN,
    CODE_PATTERN,
    CODE_PREFIX_PATTERN,
    DATE_PATTERN,
    PERCENT_PATTERN,
    PRACTICE_WORD_PATTERN,
    RELATIVE_TARGET_PATTERN,
    SLUG_PATTERN,
)
from smlint.data import data_dir
from smlint.load.loader import escape_pointer, load_bytes, to_python

from .conftest import lint

EXPLORE = bool(os.environ.get("SMLINT_EXPLORE"))
COMPARED = ("SM003", "SM006", "SM007")


def _ecma_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and _regex(pattern).find(instance) is None:
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_REGEXES: dict = {}


def _regex(pattern: str):
    if pattern not in _REGEXES:
        _REGEXES[pattern] = regress.Regex(pattern, "u")  # as the YAML language server compiles them
    return _REGEXES[pattern]


SCHEMA = json.loads((data_dir("schemas") / "strategy.schema.json").read_text(encoding="utf-8"))
Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})
VALIDATOR = Validator(SCHEMA)


# -- the two verdicts -------------------------------------------------------------------------------


def pointer(path) -> str:
    return "".join(f"/{escape_pointer(str(part))}" for part in path)


def schema_verdict(instance) -> tuple[set[str], set[str], bool]:
    """(pointers of unknown keys, pointers of the other errors, valid) from jsonschema."""
    unknown: set[str] = set()
    other: set[str] = set()
    errors = list(VALIDATOR.iter_errors(instance))
    for error in errors:
        _collect(error, unknown, other)
    return unknown, other, not errors


def _collect(error, unknown: set[str], other: set[str]) -> None:
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        for key in error.instance:
            if key not in known and not re.match("^x-", key):
                unknown.add(pointer(error.absolute_path) + "/" + escape_pointer(key))
        return
    if error.validator == "anyOf":
        # the alternatives the value has the type of are the ones meant: their errors are the places
        by_option: dict[int, list] = {}
        for inner in error.context:
            by_option.setdefault(inner.relative_schema_path[0], []).append(inner)
        meant = [inner for option in by_option.values()
                 if not any(e.validator == "type" and not e.relative_path for e in option) for inner in option]
        if meant:
            for inner in meant:
                _collect(inner, unknown, other)
            return
    other.add(pointer(error.absolute_path))


def runtime_verdict(text: str) -> tuple[set[str], set[str], bool]:
    """(pointers of SM007, pointers of SM003, whether SM006 was reported) from the linter."""
    findings = lint(text, dedent=False, select=COMPARED)
    assert all(f.rule in COMPARED for f in findings)
    return ({f.path for f in findings if f.rule == "SM007"}, {f.path for f in findings if f.rule == "SM003"},
            any(f.rule == "SM006" for f in findings))


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith(outer + "/")


class _Dumper(yaml.SafeDumper):
    """Text always in double quotes: PyYAML writes YAML 1.1, where 0o17 or 1e3 would be text, unquoted."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def check_agreement(document) -> None:
    text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    instance = to_python(load_bytes(text.encode("utf-8")).root)
    assert instance == document
    schema_unknown, schema_other, valid = schema_verdict(instance)
    unknown, sm003, sm006 = runtime_verdict(text)
    assert valid == (not (unknown or sm003 or sm006)), (text, schema_unknown, schema_other, unknown, sm003, sm006)
    if sm006:
        return
    assert unknown == schema_unknown, text
    for place in sm003:
        assert any(_within(other, place) for other in schema_other), (text, place, schema_other)
    for other in schema_other:
        assert any(_within(other, place) for place in sm003), (text, other, sm003)


# -- documents -----------------------------------------------------------------------------------------

_DUTCH_THOUSANDS = re.compile(r"-?[0-9]{1,3}(\.[0-9]{3})+")
ODD_TEXTS = ["", " ", "abc", "Abc", "a b", "abc\n", "a\nb", "ａ", "٣", "1", "40", "40%", " 40 % ", "40 %%", "120%",
             "100.000001", "99.9999", "0", "-0", "+1", "1.5", "1,5", "1e3", "1_000", "12.0", "1.200", " 12 ",
             "+10%", "-20%", "10,5%", "10%", "%", "25-40", "65+", "121", "30", "25 - 40", "25-400", "0-120",
             "2027-01-31", "2027-02-29", "2028-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "2027-13-01",
             "2027-1-5", "31-12-2027", "12/31/2027", "1/7/2027", "2027-12-31\n", "ja", "nee", "Ja", "JA", "yes",
             "No", "true", "False", "misschien", "null", "fb", "facebook", "x-", "day", "week", "consumer",
             "image", "todo", "idea", "monthly", "nonprofit", "low"]
ODD_NUMBERS = [0, 1, -1, 3, 4, 5, 40, 100, 101, 120, 121, -5, 2**63, 10**20, 0.0, -0.0, 0.5, 1.0, 12.5, 99.5,
               100.0, 100.5, 1e-9, 1e300]
odd_scalars = st.one_of(st.none(), st.booleans(), st.sampled_from(ODD_NUMBERS), st.sampled_from(ODD_TEXTS),
                        st.integers(-10, 130),
                        st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: not _DUTCH_THOUSANDS.fullmatch(repr(f))),
                        st.text(max_size=6))
odd_values = st.one_of(odd_scalars, st.lists(odd_scalars, max_size=2),
                       st.dictionaries(st.sampled_from(["min", "max", "id", "x-note", "foo"]), odd_scalars, max_size=2))
ODD_KEYS = ["foo", "nmae", "x-budget", "X-Budget", "x-", "Name", "ids", "deadlne", ""]

_BY_PATTERN = {
    SLUG_PATTERN: ["a", "fb", "fb-fans", "tips", "anna", "x_1", "0a", "facebook", "instagram"],
    RELATIVE_TARGET_PATTERN: ["+10%", "-20%", "10%", " 5,5 % ", "+0%"],
    AGE_PATTERN: ["25-40", "65+", "0-120", " 18 - 24 ", "120+", "007-9"],
    PERCENT_PATTERN: ["40", "40%", "12.5 %", "100", "0", "100.0%"],
    PRACTICE_WORD_PATTERN: ["ja", "nee", "yes", "no", "Ja", "NEE", "True"],
    DATE_PATTERN: ["2027-01-01", "2027-12-31", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31"],
    # codes that exist (whether a code exists is the linter's alone to know: not generated otherwise)
    CODE_PREFIX_PATTERN: ["SM", "SM2", "sm205", " SM301 ", "SM30", "Sm0"],
    CODE_PATTERN: ["SM205", "sm301", " SM003"],
}
ODD_CODES = ["SM2O5", "SMX", "S M2", "sm205\n", "SM2051", "ORG1234", "1SM", "", "SM\t", "ＳＭ２", "-SM2"]


def _valid(spec: dict, depth: int):
    """Values of ``spec``'s type, mostly acceptable ones."""
    kind = spec["kind"]
    if kind == "model":
        return model_values(spec["model"], depth + 1)
    if kind == "list":
        return st.lists(value_of(spec["item"], depth + 1), max_size=2)
    if kind == "literal":
        return st.sampled_from(spec["values"])
    if kind == "union":
        return st.one_of([_valid(option, depth) for option in spec["options"]])
    if kind == "str" and spec.get("before") in ("code", "code_prefix"):
        pattern = CODE_PATTERN if spec["before"] == "code" else CODE_PREFIX_PATTERN
        return weighted(st.sampled_from(_BY_PATTERN[pattern]), st.sampled_from(ODD_CODES), 6)
    if kind == "str":
        return st.sampled_from(_BY_PATTERN[spec["pattern"]]) if "pattern" in spec else st.text(max_size=12)
    if kind == "dict":
        return st.dictionaries(_valid(spec["key"], depth), value_of(spec["value"], depth + 1), max_size=2)
    if kind in ("int", "float"):
        low, high = spec.get("ge", spec.get("gt", -10**6)), spec.get("le", 10**6)
        numbers = st.integers(int(low), int(high))
        if kind == "float":
            numbers = st.one_of(numbers, st.floats(low, high, allow_nan=False).filter(
                lambda f: not _DUTCH_THOUSANDS.fullmatch(repr(f))))
        return numbers
    if kind == "bool":
        return st.booleans()
    if kind == "date":
        return st.dates().map(lambda d: d.isoformat())
    return odd_values


_SHORTHANDS = {"percent": PERCENT_PATTERN, "age": AGE_PATTERN, "truthy": PRACTICE_WORD_PATTERN,
               "iso_date": DATE_PATTERN}


def value_of(spec: dict, depth: int = 0):
    """A value for a field: usually of its type, sometimes a shorthand, a null, or something odd."""
    others = [st.none(), odd_values if depth < 3 else odd_scalars]
    if spec.get("before") in _SHORTHANDS:
        others.append(st.sampled_from(_BY_PATTERN[_SHORTHANDS[spec["before"]]]))
    return weighted(_valid(spec, depth), st.one_of(others), 8)


def weighted(usual, now_and_then, one_in: int):
    """``usual``, and once in ``one_in`` draws ``now_and_then`` (st.one_of would make them equally likely)."""
    return st.sampled_from(range(one_in)).flatmap(lambda n: now_and_then if n == one_in - 1 else usual)


def model_values(model: str, depth: int = 0):
    fields = records.table()[model]["fields"]
    keys = {records.key_of(name, field): field for name, field in fields.items()}
    required = {key: value_of(field["type"], depth) for key, field in keys.items() if field["required"]}
    optional = {key: value_of(field["type"], depth) for key, field in keys.items() if not field["required"]}
    odd_keys = [key for key in ODD_KEYS if key not in keys]

    def now_and_then(document: dict):  # a required key missing, or a key the format does not know
        missing = st.sampled_from(sorted(document) or [""]).map(
            lambda key: {k: v for k, v in document.items() if k != key})
        unknown = st.tuples(st.sampled_from(odd_keys), odd_scalars).map(lambda kv: {**document, kv[0]: kv[1]})
        return weighted(st.just(document), st.one_of(missing, unknown), 10)

    return st.fixed_dictionaries(required, optional=optional).flatmap(now_and_then)


documents = model_values("Strategy")


@settings(max_examples=1000 if EXPLORE else 300, deadline=None, derandomize=not EXPLORE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(document=documents)
def test_schema_and_linter_agree_on_generated_documents(document):
    check_agreement(document)


MINIMAL = {"version": 1, "organisation": {"name": "Test"}, "period": {"start": "2027-01-01", "end": "2027-12-31"}}


@pytest.mark.parametrize("extra, valid", [
    # issue 11, item 16: each of these once had the editor and the linter disagree
    ({"content": {"pillars": [{"id": "p", "share": 120}]}}, False),
    ({"content": {"pillars": [{"id": "p", "share": "40"}]}}, True),
    ({"content": {"pillars": [{"id": "p", "share": "40%"}]}}, True),
    ({"content": {"pillars": [{"id": "p", "share": "120%"}]}}, False),
    ({"content": {"pillars": [{"id": "p", "share": True}]}}, False),
    ({"organisation": {"name": "Test", "size": "85"}}, False),
    ({"organisation": {"name": "Test", "size": 85}}, True),
    ({"objectives": None}, True),
    ({"objectives": []}, True),
    ({"audiences": [{"id": "a", "occupations": None, "age": None}]}, True),
    ({"maturity": {"practices": None}}, True),
    ({"version": True}, False),
    ({"version": "1"}, False),
    ({"audiences": [{"id": "a\n"}]}, False),
    ({"audiences": [{"id": "a", "age": "25-400"}]}, False),
    ({"audiences": [{"id": "a", "age": {"min": "25"}}]}, False),
    ({"audiences": [{"id": "a", "age": {"min": 25, "mx": 40}}]}, False),
    ({"audiences": [{"id": "a", "age": 30}]}, False),
    ({"objectives": [{"id": "o", "statement": "s", "deadline": "2027-02-29"}]}, False),
    ({"objectives": [{"id": "o", "statement": "s", "deadline": "2028-02-29"}]}, True),
    ({"objectives": [{"id": "o", "statement": "s", "target": "1320"}]}, False),
    ({"objectives": [{"id": "o", "statement": "s", "target": "+10%"}]}, True),
    ({"maturity": {"practices": {"kpis": "JA"}}}, True),
    ({"maturity": {"practices": {"kpis": " ja"}}}, False),
    ({"maturity": {"declared_stage": "3"}}, False),
])
def test_the_cases_that_once_disagreed(extra, valid):
    document = {**MINIMAL, **extra}
    assert VALIDATOR.is_valid(document) is valid
    check_agreement(document)


# -- the configuration: schemas/config.schema.json against the loader's validator ----------------------
CONFIG_VALIDATOR = Validator(json.loads((data_dir("schemas") / "config.schema.json").read_text(encoding="utf-8")))


def check_config_agreement(document) -> None:
    """The editor accepts a configuration exactly when smlint's validator does (that its codes and rule options
    exist, and that its rule packs can be read, smlint alone checks after that)."""
    text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    values = to_python(load_bytes(text.encode("utf-8")).root) if document else {}
    assert values == document
    values = {key: value for key, value in values.items() if not str(key).startswith("x-")}
    errors = records.validate("Config", values)
    assert CONFIG_VALIDATOR.is_valid(document) == (not errors), (text, errors,
                                                                 [e.message for e in CONFIG_VALIDATOR.iter_errors(document)])


@settings(max_examples=1000 if EXPLORE else 300, deadline=None, derandomize=not EXPLORE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(document=model_values("Config"))
def test_config_schema_and_validator_agree_on_generated_configurations(document):
    check_config_agreement(document)


@pytest.mark.parametrize("document, valid", [
    ({"max-file-size": "100"}, False),          # once accepted by smlint, refused by the editor
    ({"max-file-size": 100}, True),
    ({"require-suppression-reason": "yes"}, False),
    ({"require-suppression-reason": 1}, False),
    ({"require-suppression-reason": True}, True),
    ({"thresholds": {"SM301": {"min-reach": "15"}}}, False),
    ({"thresholds": {"sm301": {"min-reach": 15}}}, True),
    ({"select": ["sm2", " SM301 ", "ORG001"]}, True),
    ({"select": ["SM2O5"]}, False),             # once accepted by the editor, refused by smlint
    ({"severity": {"SM2": "error"}}, False),
    ({"severity": {"Sm205": "error"}}, True),
])
def test_the_configurations_that_once_disagreed(document, valid):
    assert CONFIG_VALIDATOR.is_valid(document) is valid
    check_config_agreement(document)

