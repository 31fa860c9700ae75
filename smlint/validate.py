"""Validate the node tree against the models, leniently.

Each mapping is validated on its own, so a bad field costs only that field:
SPEC section 7 wants the rest of the document linted. Problems come back as
SM003 (schema) and SM007 (unknown key) with their JSON Pointer; the values
come back as *lenient* model instances whose required fields may be None.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import lru_cache

from . import records
from .loader import LoadProblem, Mapping, Node, Scalar, Sequence, abbreviate, escape_pointer, to_python

_DUTCH_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+\Z")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
RELATIVE_TARGET_PATTERN = records.RELATIVE_TARGET_PATTERN


def _numeric(spec: dict) -> bool:
    if spec["kind"] in ("int", "float"):
        return True
    return spec["kind"] == "union" and any(o["kind"] in ("int", "float") for o in spec["options"])


@lru_cache(maxsize=None)
def _plan(model: str):
    """Per model, computed once: its fields, each key's (sub-model, is a list, is numeric, spec), the required keys."""
    fields = records.table()[model]["fields"]
    plan = {}
    for name, field in fields.items():
        spec = field["type"]
        sub, is_list = None, False
        if spec["kind"] == "model" and "before" not in spec:
            sub = spec["model"]  # a shorthand-capable model (age: "25-40") is validated whole, as a value
        elif spec["kind"] == "list" and spec["item"]["kind"] == "model" and "before" not in spec["item"]:
            sub, is_list = spec["item"]["model"], True
        plan[name] = (sub, is_list, _numeric(spec), spec)
    required = tuple(name for name, field in fields.items() if field["required"])
    return fields, plan, required


def describe(path: str) -> str:
    """``/objectives/1/deadline`` -> ``objectives[1].deadline`` for messages."""
    out = ""
    for token in path.lstrip("/").split("/"):
        if not token:
            continue
        out += f"[{token}]" if token.isdigit() else (("." if out else "") + token)
    return out


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", str(text).lower()).strip("-_")
    return slug or "my-id"


class Validator:
    def __init__(self) -> None:
        self.problems: list[LoadProblem] = []
        self.paths: dict[int, str] = {}

    def _problem(self, code: str, message_key: str, node: Node, path: str, **args) -> None:
        self.problems.append(LoadProblem(code, message_key, node.line, node.column, args, path))

    def model(self, model: str, node: Mapping, path: str):
        fields, plan, required = _plan(model)
        values: dict = {}
        reported: set[str] = set()
        leaf_nodes: dict[str, tuple[Scalar, Node]] = {}
        for key, (key_node, value_node) in node.items.items():
            kind = plan.get(key)
            if kind is None:
                if key.startswith("x-"):
                    continue
                child = f"{path}/{escape_pointer(key)}"
                close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
                self._problem("SM007", "unknown_key_hint" if close else "unknown_key", key_node, child,
                              key=key, where=describe(path), hint=close[0] if close else "",
                              known=", ".join(fields))
                continue
            sub, is_list, numeric, _ = kind
            if value_node.__class__ is Scalar and value_node.value is None:
                continue  # `content:` with nothing under it: treated as absent
            if sub is None and value_node.__class__ is Scalar and not numeric:
                values[key] = value_node.value  # the common case: a plain value, validated below
                leaf_nodes[key] = (key_node, value_node)
                continue
            child = f"{path}/{escape_pointer(key)}"
            if sub is not None and is_list:
                if not isinstance(value_node, Sequence):
                    self._problem("SM003", "want_list", key_node, child, where=describe(child))
                    reported.add(key)
                    continue
                items = []
                for index, item in enumerate(value_node.children):
                    item_path = f"{child}/{index}"
                    if not isinstance(item, Mapping):
                        self._problem("SM003", "want_mapping", item, item_path, where=describe(item_path))
                        continue
                    items.append(self.model(sub, item, item_path))
                values[key] = items
            elif sub is not None:
                if not isinstance(value_node, Mapping):
                    self._problem("SM003", "want_mapping", key_node, child, where=describe(child))
                    reported.add(key)
                    continue
                values[key] = self.model(sub, value_node, child)
            else:
                if (
                    numeric
                    and isinstance(value_node, Scalar)
                    and value_node.plain
                    and _DUTCH_THOUSANDS.match(value_node.raw)
                ):
                    self._problem("SM003", "dutch_thousands", key_node, child, where=describe(child),
                                  value=value_node.raw, fixed=value_node.raw.replace(".", ""))
                    reported.add(key)
                    continue
                values[key] = to_python(value_node)
                leaf_nodes[key] = (key_node, value_node)
        for name in required:
            if name not in values and name not in reported:
                self._problem("SM003", "missing_key", node, path, where=describe(path), key=name)
        for name, (key_node, value_node) in leaf_nodes.items():
            try:
                values[name] = records.check(plan[name][3], values[name])
            except records.Invalid as exc:
                values.pop(name)
                self._schema_error(exc.at(name).error(), key_node, value_node, f"{path}/{escape_pointer(name)}")
        instance = records.make(model, values)
        self.paths[id(instance)] = path
        return instance

    def _schema_error(self, error: dict, key_node: Scalar, value_node: Node, path: str) -> None:
        where = describe(path + "".join(f"/{p}" for p in error["loc"][1:]))
        key, args = schema_error_text(error, value_node, where)
        self.problems.append(LoadProblem("SM003", key, key_node.line, key_node.column, args, path))


_DIGITS = re.compile(r"\s*[+-]?(0[xo])?([0-9a-fA-F_]+)(\.[0-9]*)?\s*%?\s*\Z")


def huge_number(value, value_node: Node | None) -> tuple[str, int] | None:
    """(the number abbreviated, its digits) for a number too large to work with, else None.

    The loader reads an integer beyond a float as infinity; text of digits and TOML's integers come as they are.
    """
    if isinstance(value, float) and math.isinf(value) and isinstance(value_node, Scalar):
        text = value_node.raw
    elif isinstance(value, int) and not isinstance(value, bool) and not -1e308 < value < 1e308:
        text = str(value) if value.bit_length() < 14_000 else f"{value:x}"  # str() stops at 4,300 digits
    elif isinstance(value, str) and len(value) > 300:
        text = value
    else:
        return None
    match = _DIGITS.match(text)
    if not match or len(match[2]) < 300:
        return None
    return abbreviate(text.strip()), len(match[2])


def schema_error_text(error: dict, value_node: Node | None, where: str) -> tuple[str, dict]:
    """The SM003 message key and arguments for one pydantic error (also used for data files)."""
    value = error.get("input")
    huge = huge_number(value, value_node)
    if huge:
        return "huge_number", {"where": where, "value": huge[0], "digits": huge[1]}
    if isinstance(value, float) and not math.isfinite(value) and isinstance(value_node, Scalar):
        shown = abbreviate(value_node.raw)  # as written (1e400), not as read (inf)
    elif isinstance(value, str) and len(value) > 80:
        shown = f"{value[:64]}…{value[-8:]}"
    elif isinstance(value, (str, int, float, bool)) or value is None:
        shown = value
    else:
        shown = value_node.__class__.__name__.lower() if value_node is not None else type(value).__name__
    kind = error["type"]
    message = str(error.get("msg", ""))
    args = {"where": where, "value": shown}
    if kind == "value_error":
        key = message.rsplit(", ", 1)[-1]
        key = {"not_number": "want_number"}.get(key, key)  # a yes/no where a number belongs
        if key == "not_date" and isinstance(value, str) and (match := _DMY.match(value.strip())):
            args["fixed"] = f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
            key = "not_date_dmy"
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'|(\d+)", expected)
        options = [a or b for a, b in options]
        args["options"] = ", ".join(options)
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        args["hint"] = close[0] if close else ""
        key = "bad_choice_hint" if close else "bad_choice"
    elif kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == SLUG_PATTERN:
            key, args["fixed"] = "not_slug", slugify(value)
        elif pattern == RELATIVE_TARGET_PATTERN:
            key = "bad_target"
        else:
            key = "bad_text"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        args["limit"] = next(iter(error.get("ctx", {}).values()), "")
        key = {"greater_than_equal": "too_small", "greater_than": "not_positive"}.get(kind, "too_large")
    elif kind in ("int_from_float", "int_parsing", "int_type"):
        key = "want_whole"
    elif kind in ("float_parsing", "float_type", "finite_number"):
        key = "want_number"
    elif kind in ("string_type",):
        key = "want_text"
    elif kind in ("list_type",):
        key = "want_list"
    elif kind in ("bool_type", "bool_parsing"):
        key = "not_bool"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        key = "want_mapping"
    else:
        key, args["problem"] = "other", message
    if key not in _sm003_keys():
        key, args["problem"] = "other", message
    return key, args


@lru_cache(maxsize=None)
def _sm003_keys() -> frozenset[str]:
    from .data import catalogue

    return frozenset(catalogue()["SM003"]["messages"]["en"])


def validate(root: Mapping):
    """Return (lenient Strategy, problems, paths of every model instance)."""
    validator = Validator()
    strategy = validator.model("Strategy", root, "")
    return strategy, validator.problems, validator.paths
