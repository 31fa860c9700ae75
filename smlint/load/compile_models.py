"""Compile the pydantic models into a plain table the linter validates with at run time.

pydantic stays the source of truth: ``python -m smlint.load.schema --write``
writes ``schemas/models.compiled.json`` from the models, a test fails when
the committed table drifts, and a differential test checks that the runtime
validator (``records.py``) agrees with pydantic. The linter itself then
never imports pydantic, which costs more start-up time than linting a file.

A type in the table is a dict with ``kind`` (model, list, dict, union, str,
int, float, bool, literal, date, any) and, where they apply, ``nullable``,
``before`` (a converter in convert.py), ``pattern``, ``ge``/``gt``/``le``/``lt``,
``values`` (literal), ``item``/``key``/``value`` (containers), ``options``
(union) and ``model`` (a model's name).
"""

from __future__ import annotations

import datetime as dt
import types
import typing

import annotated_types
from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .convert import CONVERTERS

_BY_FUNCTION = {function: name for name, function in CONVERTERS.items()}
_BOUNDS = {annotated_types.Ge: "ge", annotated_types.Gt: "gt", annotated_types.Le: "le", annotated_types.Lt: "lt"}


def _apply(spec: dict, metadata) -> dict:
    for item in metadata:
        if isinstance(item, BeforeValidator):
            spec["before"] = _BY_FUNCTION[item.func]
        elif type(item) in _BOUNDS:
            key = _BOUNDS[type(item)]
            spec[key] = getattr(item, key)
        elif isinstance(item, FieldInfo):
            _apply(spec, item.metadata)
        elif getattr(item, "allow_inf_nan", None) is False:
            spec["finite"] = True
        elif getattr(item, "pattern", None):
            spec["pattern"] = item.pattern
        elif isinstance(item, annotated_types.Interval):
            for key in ("ge", "gt", "le", "lt"):
                if getattr(item, key) is not None:
                    spec[key] = getattr(item, key)
    return spec


def _type(annotation, models: dict) -> dict:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        return _apply(_type(inner, models), metadata)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        spec = _type(options[0], models) if len(options) == 1 else {
            "kind": "union", "options": [_type(o, models) for o in options]}
        if len(options) < len(typing.get_args(annotation)):
            spec["nullable"] = True
        return spec
    if origin is list:
        return {"kind": "list", "item": _type(typing.get_args(annotation)[0], models)}
    if origin is dict:
        key, value = typing.get_args(annotation)
        return {"kind": "dict", "key": _type(key, models), "value": _type(value, models)}
    if origin is typing.Literal:
        return {"kind": "literal", "values": list(typing.get_args(annotation))}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        _model(annotation, models)
        return {"kind": "model", "model": annotation.__name__}
    simple = {str: "str", int: "int", float: "float", bool: "bool", dt.date: "date"}
    if annotation in simple:
        return {"kind": simple[annotation]}
    raise TypeError(f"no compiled form for {annotation!r}")


def _model(cls: type[BaseModel], models: dict) -> None:
    name = cls.__name__
    if name in models:
        return
    models[name] = entry = {"fields": {}}
    extra = cls.model_config.get("json_schema_extra") or {}
    if callable(extra):  # a function that shapes the model's schema: ask it what it adds to an empty one
        probe: dict = {}
        extra(probe, cls)
        extra = probe
    entry["extensions"] = "^x-" in (extra.get("patternProperties") or {})
    for field_name, info in cls.model_fields.items():
        spec = _apply(_type(info.annotation, models), info.metadata)
        field = {"type": spec, "required": info.is_required()}
        if info.alias and info.alias != field_name:
            field["alias"] = info.alias
        if info.default_factory is not None:
            factory = info.default_factory
            field["factory"] = "list" if factory is list else "dict" if factory is dict else f"model:{factory.__name__}"
        elif info.default is not PydanticUndefined:
            field["default"] = info.default
        entry["fields"][field_name] = field


def compile_models(*roots: type[BaseModel]) -> dict:
    models: dict = {}
    for root in roots:
        _model(root, models)
    return {"models": dict(sorted(models.items()))}


def table() -> dict:
    from .channeldata_model import ChannelDataFile
    from .config_model import Config
    from .model import Strategy

    return compile_models(Strategy, Config, ChannelDataFile)
