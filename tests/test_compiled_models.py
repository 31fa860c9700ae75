"""The compiled table and its runtime validator (records.py) hold to the pydantic models.

The models are the source of truth; the linter validates with a table
compiled from them so that a run never imports pydantic. These tests keep the
two in step: the committed table must be what the models compile to, and for
every field of every model, the runtime validator must accept exactly what
pydantic accepts, with the same value.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Annotated

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from smlint.load import records
from smlint.load.channeldata_model import ChannelDataFile
from smlint.load.compile_models import table
from smlint.load.config_model import Config
from smlint.data import data_dir
from smlint.load.model import Strategy
from smlint.load.schema import compiled_text

from .conftest import REPO, modules_imported_by


def all_models(*roots):
    seen: dict[str, type[BaseModel]] = {}

    def visit(cls):
        if cls.__name__ in seen:
            return
        seen[cls.__name__] = cls
        for info in cls.model_fields.values():
            for inner in _classes(info.annotation):
                visit(inner)

    for root in roots:
        visit(root)
    return seen


def _classes(annotation):
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _classes(arg)


MODELS = all_models(Strategy, Config, ChannelDataFile)
FIELDS = [(name, field) for name, cls in sorted(MODELS.items()) for field in cls.model_fields]


def test_committed_table_is_what_the_models_compile_to():
    committed = (data_dir("schemas") / "models.compiled.json").read_text(encoding="utf-8")
    assert committed == compiled_text(), "run: python -m smlint.load.schema --write"
    assert set(table()["models"]) == set(MODELS)


def test_a_lint_run_never_imports_pydantic():
    imported = modules_imported_by("check", "examples/flawed.strategy.yaml", "--format", "sarif")
    assert "smlint.reporters.sarif_report" in imported  # the run did happen
    assert [m for m in imported if m.split(".")[0] in ("pydantic", "pydantic_core", "jsonschema")] == []


def plain(value):
    """Validated values in one comparable shape: records and pydantic models as dicts."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, records.Record):
        return {name: plain(getattr(value, name)) for name in value.__slots__}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    return value


_ADAPTERS: dict = {}


def pydantic_verdict(model: str, field: str, value):
    key = (model, field)
    if key not in _ADAPTERS:
        info = MODELS[model].model_fields[field]
        _ADAPTERS[key] = TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)
    try:
        return True, plain(_ADAPTERS[key].validate_python(value))
    except ValidationError as exc:
        return False, exc.errors()[0]["type"]


def runtime_verdict(model: str, field: str, value):
    spec = records.table()[model]["fields"][field]["type"]
    try:
        return True, plain(records.check(spec, value))
    except records.Invalid as exc:
        return False, exc.kind


# Values as YAML gives them (YAML 1.2 core scalars, lists, mappings), aimed at the shapes the format uses.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.integers(), st.floats(allow_nan=True),
    st.sampled_from(["", " ", "abc", "Abc", "my-id", "a_b", "25-40", "65+", "40%", "40", " 40 %", "+10%", "-20%",
                     "10,5%", "1.200", "2027-01-31", "2027-02-30", "31-12-2027", "yes", "no", "ja", "nee", "true",
                     "on", "1", "0", "SM205", "sm2", "SM", "SM9999", "error", "warning", "nl", "en", "day", "week",
                     "12.0", "1_000", " 7.00 ", "1e400", "-0.0", "Infinity",
                     "image", "video", "consumer", "monthly", "todo", "idea", "1e3", " 12 ", "inf", "nan", "12.0",
                     # issue 11: a final newline, Unicode digits, leap days, ages out of range, practice words in capitals
                     "ab\n", "2027-12-31\n", "٣", "２０", "2028-02-29", "2027-02-29", "0000-01-01", "25-400",
                     " 18 - 24 ", "120+", "121+", "JA", "Nee", " ja", "100.000001%", "99.5 %", "1/7/2027"]),
    st.text(max_size=8),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["min", "max", "value", "source", "year", "en", "nl", "posts", "per", "x"]),
                    inner, max_size=3)), max_leaves=6)


@pytest.mark.parametrize("model, field", FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(value=values)
def test_runtime_validator_agrees_with_pydantic(model, field, value):
    expected, got = pydantic_verdict(model, field, value), runtime_verdict(model, field, value)
    assert got[0] == expected[0], (model, field, value, expected, got)
    if expected[0]:
        assert got[1] == expected[1], (model, field, value, expected, got)


def _exactly(value):
    """A checked value with every type in it: 1 and 1.0, 0.0 and -0.0 differ."""
    if isinstance(value, records.Record):
        return type(value).__name__, {name: _exactly(getattr(value, name)) for name in value.__slots__}
    if isinstance(value, list):
        return "list", [_exactly(v) for v in value]
    if isinstance(value, dict):
        return "dict", {k: _exactly(v) for k, v in value.items()}
    return type(value).__name__, repr(value)


def _outcome(function, *args):
    try:
        return True, _exactly(function(*args))
    except records.Invalid as exc:
        return False, repr(exc.errors())  # repr: a NaN input equals itself


@pytest.mark.parametrize("model, field", FIELDS, ids=[f"{m}.{f}" for m, f in FIELDS])
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(value=values)
def test_the_quick_checker_gives_what_check_gives(model, field, value):
    """records.checker's quick paths (a text for a text, a number in range) change no result and no error."""
    spec = records.table()[model]["fields"][field]["type"]
    assert _outcome(records.checker(spec), value) == _outcome(records.check, spec, value), (model, field, value)


@pytest.mark.parametrize("value", [1, 1.0, -0.0, True, 2**63, -(2**63), 2**63 - 1, 10**400, float("inf"), float("nan"),
                                   120, 121, 0, -1, 0.5, "2027-01-31", "2027-02-30", dt.date(2027, 1, 31),
                                   dt.datetime(2027, 1, 31), ["a", "b"], ["a", 1], ["A"], [], "all", "idea", "Idea", None])
def test_the_quick_checker_on_edges(value):
    for name, model in sorted(records.table().items()):
        for field, entry in model["fields"].items():
            spec = entry["type"]
            assert _outcome(records.checker(spec), value) == _outcome(records.check, spec, value), (name, field, value)


def test_a_compiled_make_makes_what_make_makes():
    """After a few records of a model, records.make runs code made for the model: the same fields, fresh
    lists and dicts for each record."""
    for model, entry in sorted(records.table().items()):
        compiled = records._maker(model)
        everything = {name: f"value of {name}" for name in entry["fields"]}
        for values in ({}, everything, dict(list(everything.items())[::2])):
            made = compiled(values)
            assert _exactly(made) == _exactly(records._make(model, values)), model
            again = compiled(values)
            for name in entry["fields"]:
                if isinstance(getattr(made, name), (list, dict, records.Record)):
                    assert getattr(made, name) is not getattr(again, name), (model, name)  # never shared
    made = [records.make("Task", {}) for _ in range(records._COMPILE_AFTER + 1)]
    assert "Task" in records._makers and _exactly(made[-1]) == _exactly(made[0])


def test_whole_files_agree_on_acceptance():
    raw_channels = json.loads(json.dumps(records.table()["ChannelDataFile"]))  # the table itself is data
    assert raw_channels
    import yaml

    channels = yaml.safe_load((REPO / "rules" / "channels.yaml").read_text(encoding="utf-8"))
    assert records.validate("ChannelDataFile", channels) == []
    ChannelDataFile.model_validate(channels)
    broken = {"platforms": {"tiktok": {"reach": {"nl": {"all": {"value": 120, "source": "x"}}}}}, "extra": 1}
    kinds = sorted(e["type"] for e in records.validate("ChannelDataFile", broken))
    with pytest.raises(ValidationError) as caught:
        ChannelDataFile.model_validate(broken)
    assert kinds == sorted(e["type"] for e in caught.value.errors())


NUMBER_TEXTS = ["12", "12.0", "12.00", "12.5", "12.", ".0", "-0.0", "+12.0", "1_000", "1__000", "_1", "1_000.0",
                "12e0", "0x10", " 12.0 ", "012", "１２", "٣", "12\x00", "\xa012", "\x8512", "1_0.5", " 1e3 ", "in f",
                "Infinity", "+.5", "1.5_0", "nan", "-inf", "1e400", "+-1", "- 1"]


@pytest.mark.parametrize("kind", ["int", "float"])
@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_numbers_written_as_text_are_read_as_pydantic_reads_them(kind, text):
    # a clean clone's CI run once found "12.0" as an integer by chance; these forms are now checked every run
    adapter = TypeAdapter(int if kind == "int" else float)
    try:
        expected = (True, plain(adapter.validate_python(text)))
    except ValidationError as exc:
        expected = (False, exc.errors()[0]["type"])
    try:
        got = (True, plain(records.check({"kind": kind}, text)))
    except records.Invalid as exc:
        got = (False, exc.kind)
    assert got == expected
