"""The runtime validator: checks values against ``schemas/models.compiled.json``.

The table is compiled from the pydantic models (``compile_models.py``), and a
differential test holds this module to pydantic's verdicts, so the models stay
the source of truth while a lint run never imports pydantic. Values become
``Record`` objects: plain slotted objects with the models' attribute names.

Errors are raised as :class:`Invalid` and reported as pydantic-shaped dicts
(type, loc, msg, input, ctx), which ``validate.schema_error_text`` words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from .convert import CONVERTERS, RELATIVE_TARGET_PATTERN
from ..data import read_json
from ..patterncache import compile as compile_kept

_INT_TEXT = compile_kept(r"[+-]?[0-9]+(_[0-9]+)*(\.0+)?\Z")  # as pydantic: "1_000", "12.0", after stripping
_TRUE_WORDS = {"1", "on", "t", "true", "y", "yes"}
_FALSE_WORDS = {"0", "off", "f", "false", "n", "no"}


@lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern:
    """A pattern of the table as pydantic and JSON Schema read it: a final ``$`` is the end of the text
    (in Python it also matches before a final newline, so "abc\\n" would pass as a slug)."""
    return compile_kept(pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern)


class Invalid(Exception):
    def __init__(self, kind: str, msg: str, value, loc=(), ctx: dict | None = None, more: tuple = ()) -> None:
        super().__init__(msg)
        self.kind, self.msg, self.value, self.loc, self.ctx = kind, msg, value, tuple(loc), ctx
        self.more = more  # further problems inside the same mapping (pydantic-shaped dicts)

    def at(self, *prefix) -> Invalid:
        more = tuple({**error, "loc": (*prefix, *error["loc"])} for error in self.more)
        return Invalid(self.kind, self.msg, self.value, (*prefix, *self.loc), self.ctx, more)

    def errors(self) -> list[dict]:
        return [self.error(), *self.more]

    def error(self) -> dict:
        out = {"type": self.kind, "loc": self.loc, "msg": self.msg, "input": self.value}
        if self.ctx is not None:
            out["ctx"] = self.ctx
        return out


@lru_cache(maxsize=None)
def table() -> dict:
    return read_json("schemas", "models.compiled.json")["models"]


class Record:
    """A validated mapping: its fields as attributes (the models' names and defaults)."""

    __slots__ = ()

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({values})"


@lru_cache(maxsize=None)
def record_class(model: str) -> type:
    return type(model, (Record,), {"__slots__": tuple(table()[model]["fields"]), "__module__": __name__})


def default(field: dict):
    factory = field.get("factory")
    if factory == "list":
        return []
    if factory == "dict":
        return {}
    if factory:
        return make(factory.split(":", 1)[1], {})
    return field.get("default")


@lru_cache(maxsize=None)
def _layout(model: str) -> tuple[type, tuple]:
    """A model's record class and its fields: (name, the field when its default is made fresh, else the default)."""
    fields = table()[model]["fields"].items()
    return record_class(model), tuple((name, field if field.get("factory") else None, field.get("default"))
                                      for name, field in fields)


def make(model: str, values: dict) -> Record:
    """A record of ``model`` from validated values; missing fields get their defaults."""
    maker = _makers.get(model)
    if maker is not None:
        return maker(values)
    _made[model] = made = _made.get(model, 0) + 1
    if made >= _COMPILE_AFTER:
        _makers[model] = _maker(model)
    return _make(model, values)


def _make(model: str, values: dict) -> Record:
    cls, fields = _layout(model)
    record = cls.__new__(cls)
    for name, factory, value in fields:
        setattr(record, name, values[name] if name in values else default(factory) if factory else value)
    return record


_COMPILE_AFTER = 16  # records of a model made before its own ``make`` is compiled (a calendar has hundreds)
_made: dict[str, int] = {}
_makers: dict = {}


def _maker(model: str):
    """``make`` for one model, as code that sets each slot in turn (a seventh of the time of the loop above)."""
    import keyword

    cls, fields = _layout(model)
    lines = ["def make(values, new=object.__new__, cls=cls, default=default):", "    record = new(cls)"]
    space: dict = {"cls": cls, "default": default}
    for number, (name, factory, value) in enumerate(fields):
        space[f"d{number}"] = factory if factory else value
        if factory and factory.get("factory") in ("list", "dict"):
            otherwise = "[]" if factory["factory"] == "list" else "{}"
        elif factory:
            otherwise = f"default(d{number})"
        else:
            otherwise = f"d{number}"
        got = f"values[{name!r}] if {name!r} in values else {otherwise}"
        if name.isidentifier() and not keyword.iskeyword(name):
            lines.append(f"    record.{name} = {got}")
        else:
            lines.append(f"    setattr(record, {name!r}, {got})")
    lines.append("    return record")
    exec(compile("\n".join(lines), f"<make {model}>", "exec"), space)  # noqa: S102 - our own field names
    return space["make"]


def key_of(name: str, field: dict) -> str:
    """The key written in the file for a field (its alias, when it has one)."""
    return field.get("alias", name)


# -- one value --------------------------------------------------------------------


_checkers: dict[int, object] = {}  # id of a spec of the table -> its checker (the table lives as long)
_MISS = object()  # a quick check's "not sure": check() decides
_BOUNDS = (("ge", lambda a, b: a >= b), ("gt", lambda a, b: a > b), ("le", lambda a, b: a <= b),
           ("lt", lambda a, b: a < b))
_BIG = 2**63  # integers within this are floats without overflow, and pydantic's integers


def checker(spec: dict):
    """``check(spec, value)`` as a function of the value: the same result or Invalid, sooner for a value of
    the kind the spec wants (a text for a text, one of the words for a choice, a number in its range)."""
    found = _checkers.get(id(spec))
    if found is None:
        quick = _quick(spec)
        if quick is None:
            def found(value):
                return check(spec, value)
        else:
            def found(value):
                result = quick(value)
                return check(spec, value) if result is _MISS else result
        _checkers[id(spec)] = found
    return found


def _quick(spec: dict):
    """A function giving what ``check(spec, value)`` gives for the values it knows, else _MISS; None for a
    spec it does not read. Only a value of exactly the wanted type passes, so strict and lenient agree."""
    kind, before = spec["kind"], spec.get("before")
    if kind == "str" and not before:
        if not spec.get("pattern"):
            return lambda value: value if value.__class__ is str else _MISS
        search = _regex(spec["pattern"]).search
        return lambda value: value if value.__class__ is str and search(value) else _MISS
    if kind == "literal" and not before:
        allowed: dict = {}
        for word in spec["values"]:
            if isinstance(word, str):
                allowed.setdefault(word, word)  # the first of equal words, as check() returns it
        return lambda value: allowed[value] if value.__class__ is str and value in allowed else _MISS
    if kind == "date" and before in (None, "iso_date"):
        from .convert import _DATE

        def date(value):
            if value.__class__ is dt.date:
                return value
            if before and value.__class__ is str and _DATE.fullmatch(value):
                return dt.date.fromisoformat(value)
            return _MISS
        return date
    if kind == "bool" and before in (None, "truthy"):
        return lambda value: value if value.__class__ is bool else _MISS
    if kind in ("int", "float") and before in (None, "plain_number", "percent"):
        bounds = tuple((spec[key], test) for key, test in _BOUNDS if key in spec)
        whole = kind == "int"

        def number(value):
            if value.__class__ is int and -_BIG < value < _BIG:
                value = value if whole else float(value)
            elif value.__class__ is not float or whole or value - value != 0:  # (inf and nan: check() says)
                return _MISS
            for limit, test in bounds:
                if not test(value, limit):
                    return _MISS
            return value
        return number
    if kind == "list" and not before:
        item = _quick(spec["item"])
        if item is None:
            return None

        def each(value):
            if value.__class__ is not list:
                return _MISS
            out = []
            for element in value:
                result = item(element)
                if result is _MISS:
                    return _MISS
                out.append(result)
            return out
        return each
    if kind == "union" and not before:
        return _quick(spec["options"][0])  # check() takes the first option that fits: only the first is sure
    return None


def check(spec: dict, value, strict: bool = False):
    """The value converted to ``spec``'s type, or Invalid."""
    if value is None and spec.get("nullable"):
        return None
    before = spec.get("before")
    if before:
        try:
            value = CONVERTERS[before](value)
        except ValueError as exc:
            raise Invalid("value_error", f"Value error, {exc}", value) from None
    kind = spec["kind"]
    if kind == "str":
        if not isinstance(value, str):
            raise Invalid("string_type", "Input should be a valid string", value)
        pattern = spec.get("pattern")
        if pattern and not _regex(pattern).search(value):
            raise Invalid("string_pattern_mismatch", f"String should match pattern '{pattern}'", value,
                          ctx={"pattern": pattern})
        return value
    if kind in ("int", "float"):
        value = _number(kind, value, strict)
        if spec.get("finite") and not math.isfinite(value):
            raise Invalid("finite_number", "Input should be a finite number", value)
        for key, kind_name, test in (("ge", "greater_than_equal", lambda a, b: a >= b),
                                     ("gt", "greater_than", lambda a, b: a > b),
                                     ("le", "less_than_equal", lambda a, b: a <= b),
                                     ("lt", "less_than", lambda a, b: a < b)):
            if key in spec and not test(value, spec[key]):
                raise Invalid(kind_name, f"Input should satisfy {key} {spec[key]}", value, ctx={key: spec[key]})
        return value
    if kind == "bool":
        return _bool(value, strict)
    if kind == "literal":
        for allowed in spec["values"]:
            if value == allowed and isinstance(value, str) == isinstance(allowed, str):
                return allowed
        expected = _expected(spec["values"])
        raise Invalid("literal_error", f"Input should be {expected}", value, ctx={"expected": expected})
    if kind == "date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        raise Invalid("date_type", "Input should be a valid date", value)
    if kind == "list":
        if not isinstance(value, list):
            raise Invalid("list_type", "Input should be a valid list", value)
        item = spec["item"]
        out = []
        for index, element in enumerate(value):
            try:
                out.append(check(item, element, strict))
            except Invalid as exc:
                raise exc.at(index) from None
        return out
    if kind == "dict":
        if not isinstance(value, dict):
            raise Invalid("dict_type", "Input should be a valid dictionary", value)
        out = {}
        for key, element in value.items():
            try:
                out[check(spec["key"], key, strict)] = check(spec["value"], element, strict)
            except Invalid as exc:
                raise exc.at(key) from None
        return out
    if kind == "model":
        if not isinstance(value, dict):
            raise Invalid("model_type", "Input should be a valid dictionary", value)
        converted, errors = _convert(spec["model"], value)  # one pass: nested models are not checked twice
        if errors:
            first = errors[0]
            raise Invalid(first["type"], first["msg"], first["input"], first["loc"], first.get("ctx"), tuple(errors[1:]))
        return make(spec["model"], converted)
    if kind == "union":
        return _union(spec, value, strict)
    return value


def _number(kind: str, value, strict: bool):
    if isinstance(value, bool):
        if strict:
            raise Invalid(f"{kind}_type", "Input should be a valid number", value)
        return int(value) if kind == "int" else float(value)
    if isinstance(value, int):
        if kind == "int":
            return value
        try:
            return float(value)
        except OverflowError:  # as pydantic: an integer no float holds is not a number
            raise Invalid("float_type", "Input should be a valid number", value) from None
    if isinstance(value, float):
        if kind == "float":
            return value
        if not math.isfinite(value):
            raise Invalid("finite_number", "Input should be a finite number", value)
        if not -(2**63) <= value < 2**63:  # as pydantic: a float becomes a 64-bit integer at most
            raise Invalid("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size",
                          value)
        if value != int(value):
            raise Invalid("int_from_float", "Input should be a valid integer, got a number with a fractional part",
                          value)
        return int(value)
    if isinstance(value, str) and not strict:
        text = value.strip()
        if kind == "int":
            if _INT_TEXT.match(text):
                try:
                    return int(text.split(".")[0])
                except ValueError:  # more than 4,300 digits, as pydantic
                    raise Invalid("int_parsing_size",
                                  "Unable to parse input string as an integer, exceeded maximum size", value) from None
            raise Invalid("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
                          value)
        try:
            if not text.isascii():  # Python reads "１２" as 12; pydantic does not
                raise ValueError(text)
            return float(text)
        except ValueError:
            raise Invalid("float_parsing", "Input should be a valid number, unable to parse string as a number",
                          value) from None
    raise Invalid(f"{kind}_type", "Input should be a valid integer" if kind == "int" else
                  "Input should be a valid number", value)


def _bool(value, strict: bool):
    if isinstance(value, bool):
        return value
    if not strict:
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        if isinstance(value, str):
            word = value.strip().lower()
            if word in _TRUE_WORDS:
                return True
            if word in _FALSE_WORDS:
                return False
        if isinstance(value, (int, str, float)):
            raise Invalid("bool_parsing", "Input should be a valid boolean, unable to interpret input", value)
    raise Invalid("bool_type", "Input should be a valid boolean", value)


def _union(spec: dict, value, strict: bool):
    # the branches' errors are kept without their tracebacks (copies): a kept traceback is a reference cycle
    first = quoted = None
    relative = False
    for mode in (True, False) if not strict else (True,):
        for option in spec["options"]:
            try:
                return check(option, value, mode)
            except Invalid as exc:
                if first is None:
                    first = exc.at()
                if quoted is None and exc.msg.endswith("quoted_number"):
                    quoted = exc.at()
                relative = relative or option.get("pattern") == RELATIVE_TARGET_PATTERN
    if quoted is not None:  # "1320" in quotes: say to leave the quotes off
        raise quoted.at()  # a copy: the frame's own reference would close a cycle through the traceback
    # a relative target ("+10%") is the likelier intent when a number does not fit either: say what is expected
    if relative:
        return _raise_pattern(value, RELATIVE_TARGET_PATTERN)
    raise first.at()


def _raise_pattern(value, pattern: str):
    raise Invalid("string_pattern_mismatch", f"String should match pattern '{pattern}'", value, ctx={"pattern": pattern})


def _expected(values: list) -> str:
    shown = [repr(v) if isinstance(v, str) else str(v) for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


# -- a whole mapping, strictly (data and configuration files) -----------------------------


def _convert(model: str, values: dict) -> tuple[dict, list[dict]]:
    """One pass over a mapping: its converted fields (by attribute name) and every problem (pydantic-shaped)."""
    errors: list[dict] = []
    converted: dict = {}
    entry = table()[model]
    fields = entry["fields"]
    keys = {key_of(name, field): name for name, field in fields.items()}
    for key, value in values.items():
        name = keys.get(key)
        if name is None:
            if not (entry["extensions"] and isinstance(key, str) and key.startswith("x-")):
                errors.append({"type": "extra_forbidden", "loc": (key,), "msg": "Extra inputs are not permitted",
                               "input": value})
            continue
        try:
            converted[name] = check(fields[name]["type"], value)
        except Invalid as exc:
            errors += exc.at(key).errors()
    for name, field in fields.items():
        if field["required"] and key_of(name, field) not in values:
            errors.append({"type": "missing", "loc": (key_of(name, field),), "msg": "Field required", "input": values})
    return converted, errors


def validate(model: str, values: dict) -> list[dict]:
    """Every problem of ``values`` as ``model``: unknown keys, missing keys, bad values (pydantic-shaped)."""
    return _convert(model, values)[1]


def build(model: str, values: dict) -> Record:
    """A record from values that ``validate`` accepted (aliases become attribute names)."""
    return make(model, _convert(model, values)[0])


def fields_at(model: str, loc) -> list[str]:
    """The keys allowed at a location inside ``model``, for a "did you mean" suggestion."""
    spec: dict | None = {"kind": "model", "model": model}
    for part in loc:
        while spec is not None and spec["kind"] == "union":
            spec = next((o for o in spec["options"] if o["kind"] in ("model", "dict", "list")), None)
        if spec is None:
            return []
        if spec["kind"] == "model":
            fields = table()[spec["model"]]["fields"]
            field = next((f for n, f in fields.items() if key_of(n, f) == part), None)
            spec = field["type"] if field else None
        elif spec["kind"] == "dict":
            spec = spec["value"]
        elif spec["kind"] == "list":
            spec = spec["item"]
        else:
            return []
    while spec is not None and spec["kind"] == "union":
        spec = next((o for o in spec["options"] if o["kind"] == "model"), None)
    if spec is None or spec["kind"] != "model":
        return []
    return [key_of(name, field) for name, field in table()[spec["model"]]["fields"].items()]
