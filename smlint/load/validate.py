"""Validate the node tree against the models, leniently.

Each mapping is validated on its own, so a bad field costs only that field:
SPEC section 7 wants the rest of the document linted. Problems come back as
SM003 (schema) and SM007 (unknown key) with their JSON Pointer; the values
come back as *lenient* model instances whose required fields may be None.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache

from . import records
from .convert import RELATIVE_TARGET_PATTERN, SLUG_PATTERN, unquoted
from ..i18n import Noun, Place
from .loader import LoadProblem, Mapping, Node, Scalar, Sequence, abbreviate, escape_pointer, to_python
from ..patterncache import compile as compile_kept

_DUTCH_THOUSANDS = compile_kept(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+\Z")
# the lists of items, by where they are: an item is named by its id (or counted) in messages
_ITEMS = {("audiences",): "audiences", ("objectives",): "objectives", ("channels",): "channels",
          ("content", "pillars"): "pillars", ("content", "cadence"): "cadence", ("team",): "team",
          ("tasks",): "tasks", ("calendar",): "calendar"}


def _numeric(spec: dict) -> bool:
    if spec["kind"] in ("int", "float"):
        return True
    return spec["kind"] == "union" and any(o["kind"] in ("int", "float") for o in spec["options"])


_PLANS: dict = {}  # model -> its plan, made once


def _plan(model: str):
    """Per model, computed once: its fields, each key's (sub-model, is a list, is numeric, checker, has a
    shorthand, checked texts), the required keys, and the checked texts of the keys whose scalar value is
    a plain value (the common case, read first in Validator.model)."""
    fields = records.table()[model]["fields"]
    plan, leaves = {}, {}
    for name, field in fields.items():
        spec = field["type"]
        sub, is_list = None, False
        if spec["kind"] == "model":
            sub = spec["model"]
        elif spec["kind"] == "list" and spec["item"]["kind"] == "model" and "before" not in spec["item"]:
            sub, is_list = spec["item"]["model"], True
        # a model with a shorthand (age: "25-40") is a value unless it is written as a mapping; last: the field's
        # checked texts (see Validator.model)
        checked: dict = {}
        plan[name] = (sub, is_list, _numeric(spec), records.checker(spec), "before" in spec, checked)
        if (sub is None or "before" in spec) and not _numeric(spec):
            leaves[name] = checked
    required = tuple(name for name, field in fields.items() if field["required"])
    _PLANS[model] = found = (fields, plan, required, leaves)
    return found


_IMMUTABLE = (str, int, float, bool, type(None), dt.date)
_CHECKED_MAX = 2_000  # texts kept per field (of 64 characters at most); emptied when full: memory stays flat


def describe(path: str, root: Node | None = None, count: bool = False) -> Place:
    """Where ``path`` is, for a reader: the list item it is in, by its id (or counted from 1), and the keys below it.

    ``/objectives/1/deadline`` becomes "deadline of objective 'fb-fans'" (i18n.Place words it). Without
    the document's ``root``, or with ``count`` (the id is what the message is about), an item is counted;
    an element of a plain list (``channels: [a, b]``) is not named, as the message shows its value.
    """
    fields: list[str] = []
    kind, name, number, entry = "", "", 0, ("", "")
    node = root
    for token in (t.replace("~1", "/").replace("~0", "~") for t in path.lstrip("/").split("/") if t):
        if isinstance(node, Sequence) or (node is None and token.isdigit()):
            index = int(token)
            child = node.children[index] if isinstance(node, Sequence) and index < len(node.children) else None
            section = "" if kind else _ITEMS.get(tuple(fields), "")
            if section or isinstance(child, Mapping):
                kind, number, fields = section or "item", index + 1, []
                name, entry = _item_name(child, section)
            node = child
        else:
            fields.append(token)
            node = node.items[token][1] if isinstance(node, Mapping) and token in node.items else None
    if count:
        name, entry = "", ("", "")
    return Place(".".join(fields), kind, name, number, *entry)


def _item_name(item: Node | None, section: str) -> tuple[str, tuple[str, str]]:
    """An item's id (a channel's platform when it has none); a calendar entry's date and channel."""
    if not isinstance(item, Mapping):
        return "", ("", "")
    values = {key: value.value for key, (_, value) in item.items.items() if isinstance(value, Scalar)}
    if section == "calendar":
        date, channel = values.get("date"), values.get("channel")
        if isinstance(date, str) and isinstance(channel, str):
            return "", (date, channel)
        return "", ("", "")
    for key in ("id", "platform") if section == "channels" else ("id",):
        value = values.get(key)
        if isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value):
            return value, ("", "")
    return "", ("", "")


_NOT_SLUG = compile_kept(r"[^a-z0-9_-]+")


def slugify(text: str) -> str:
    slug = _NOT_SLUG.sub("-", str(text).lower()).strip("-_")
    return slug or "my-id"


class Validator:
    def __init__(self, root: Node | None = None) -> None:
        self.root = root
        self.problems: list[LoadProblem] = []
        self.paths: dict[int, str] = {}

    def _problem(self, code: str, message_key: str, node: Node, path: str, **args) -> None:
        self.problems.append(LoadProblem(code, message_key, node.line, node.column, args, path))

    def model(self, model: str, node: Mapping, path: str):
        fields, plan, required, leaves = _PLANS.get(model) or _plan(model)
        values: dict = {}
        reported: tuple = ()  # keys already reported (a bad value): not reported missing too
        leaf_nodes: dict[str, tuple[Scalar, Node]] = {}
        for key, pair in node.items.items():
            checked = leaves.get(key)
            if checked is not None and pair[1].__class__ is Scalar:  # the common case: a plain value
                value = pair[1].value
                if value is None:
                    continue  # `title:` with nothing after it: treated as absent
                if value.__class__ is str and value in checked:  # most repeat: ids, channels, statuses, dates
                    values[key] = checked[value]
                else:
                    values[key] = value  # validated below
                    leaf_nodes[key] = pair
                continue
            key_node, value_node = pair
            kind = plan.get(key)
            if kind is None:
                if key.startswith("x-"):
                    continue
                child = f"{path}/{escape_pointer(key)}"
                from ..language.synonyms import suggestions

                close = suggestions("keys", key, fields)[:1]  # "deadlnie", "doelgroepen" -> deadline, audiences
                self._problem("SM007", "unknown_key_hint" if close else "unknown_key", key_node, child,
                              key=key, where=describe(path, self.root), hint=close[0] if close else "",
                              known=", ".join(fields))
                continue
            sub, is_list, numeric, _, shorthand, checked = kind
            if value_node.__class__ is Scalar and value_node.value is None:
                continue  # `content:` with nothing under it: treated as absent
            if shorthand and value_node.__class__ is not Mapping:
                sub = None  # age: "25-40" is a value; age: {min: 25} is checked key by key below
            if sub is None and value_node.__class__ is Scalar and not numeric:
                value = value_node.value  # the common case: a plain value, validated below
                if value.__class__ is str and value in checked:  # most repeat: ids, channels, statuses, dates
                    values[key] = checked[value]
                    continue
                values[key] = value
                leaf_nodes[key] = (key_node, value_node)
                continue
            child = f"{path}/{escape_pointer(key)}"
            if sub is not None and is_list:
                if not isinstance(value_node, Sequence):
                    self._problem("SM003", "want_list", key_node, child, where=describe(child, self.root))
                    reported += (key,)
                    continue
                items = []
                for index, item in enumerate(value_node.children):
                    item_path = f"{child}/{index}"
                    if not isinstance(item, Mapping):
                        self._problem("SM003", "want_mapping", item, item_path, where=describe(item_path, self.root),
                                      value=shown(None, item))
                        continue
                    items.append(self.model(sub, item, item_path))
                values[key] = items
            elif sub is not None:
                if not isinstance(value_node, Mapping):
                    self._problem("SM003", "want_mapping", key_node, child, where=describe(child, self.root),
                                  value=shown(None, value_node))
                    reported += (key,)
                    continue
                values[key] = self.model(sub, value_node, child)
            else:
                if (
                    numeric
                    and isinstance(value_node, Scalar)
                    and value_node.plain
                    and _DUTCH_THOUSANDS.match(value_node.raw)
                ):
                    self._problem("SM003", "dutch_thousands", key_node, child, where=describe(child, self.root),
                                  value=value_node.raw, fixed=value_node.raw.replace(".", ""))
                    reported += (key,)
                    continue
                values[key] = to_python(value_node)
                leaf_nodes[key] = (key_node, value_node)
        for name in required:
            if name not in values and name not in reported:
                self._problem("SM003", "missing_key", node, path, where=describe(path, self.root), key=name)
        for name, (key_node, value_node) in leaf_nodes.items():
            _, _, numeric, check, _, checked = plan[name]
            value = values[name]
            try:
                values[name] = result = check(value)
            except records.Invalid as exc:
                values.pop(name)
                self._schema_error(exc.at(name).error(), key_node, value_node, f"{path}/{escape_pointer(name)}")
                continue
            if not numeric and value.__class__ is str and len(value) <= 64 and result.__class__ in _IMMUTABLE:
                if len(checked) >= _CHECKED_MAX:  # short texts only, and not made into a record or list
                    checked.clear()
                checked[value] = result
        instance = records.make(model, values)
        self.paths[id(instance)] = path
        return instance

    def _schema_error(self, error: dict, key_node: Scalar, value_node: Node, path: str) -> None:
        inner = "".join(f"/{escape_pointer(str(p))}" for p in error["loc"][1:])
        key, args = schema_error_text(error, _node_at(value_node, error["loc"][1:]), describe(path + inner, self.root))
        args["at"] = "".join(f"/{p}" for p in error["loc"][1:])  # the item inside the field (formats/1), for fixes
        self.problems.append(LoadProblem("SM003", key, key_node.line, key_node.column, args, path))


_DIGITS = compile_kept(r"\s*[+-]?(0[xo])?([0-9a-fA-F_]+)(\.[0-9]*)?\s*%?\s*\Z")


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


def _node_at(node: Node | None, parts) -> Node | None:
    """The node below ``node`` at the keys and indices ``parts``, or None."""
    for part in parts:
        if isinstance(node, Mapping) and part in node.items:
            node = node.items[part][1]
        elif isinstance(node, Sequence) and isinstance(part, int) and part < len(node.children):
            node = node.children[part]
        else:
            return None
    return node


def shown(value, node: Node | None = None):
    """A value as the user wrote it, for a message: text in quotes, a number as typed (-5, not -5.0); a long one
    cut to its start and end."""
    text = _shown(value, node)
    return f"{text[:64]}…{text[-8:]}" if isinstance(text, str) and len(text) > 80 else text


def _shown(value, node: Node | None = None):
    if isinstance(node, Scalar):
        return repr(node.value) if isinstance(node.value, str) else node.raw
    if isinstance(node, Sequence) or isinstance(value, list):
        return Noun("list")
    if isinstance(node, Mapping) or isinstance(value, dict):
        return Noun("mapping")
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return str(value)


def date_readings(text: str) -> list[dt.date]:
    """The real dates a date written another way can mean, likeliest first (``convert.date_readings``)."""
    from .convert import date_readings as readings

    return [date for _, date in readings(text)]


def schema_error_text(error: dict, value_node: Node | None, where) -> tuple[str, dict]:
    """The SM003 message key and arguments for one pydantic-shaped error (also used for data files).

    ``value_node`` is the node of the value the error is about (when known): the message shows the
    value as it is written there.
    """
    value = error.get("input")
    huge = huge_number(value, value_node)
    if huge:
        return "huge_number", {"where": where, "value": huge[0], "digits": huge[1]}
    kind = error["type"]
    message = str(error.get("msg", ""))
    args = {"where": where, "value": shown(value, value_node)}
    if kind == "value_error":
        key = message.rsplit(", ", 1)[-1]
        key = {"not_number": "want_number"}.get(key, key)  # a yes/no where a number belongs
        if key == "quoted_number":
            args["fixed"] = unquoted(value)
        elif key == "not_date" and isinstance(value, str):
            key = _date_advice(value, args)
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'|(\d+)", expected)
        options = [a or b for a, b in options]
        args["options"] = ", ".join(options)
        from ..language.synonyms import suggestions

        close = suggestions("choices", value, options, cutoff=0.5)[:1]  # "Nonprofit", "maand" -> nonprofit, month
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
        if isinstance(value_node, Scalar) or isinstance(value, (int, float, bool)):
            key, args["raw"] = "want_text_quoted", value_node.raw if isinstance(value_node, Scalar) else args["value"]
        else:
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


def _date_advice(text: str, args: dict) -> str:
    """The message key for a text that is not a date, with the date(s) it can be read as."""
    readings = date_readings(text)
    if len(readings) == 1:
        args["fixed"], args["day"] = readings[0].isoformat(), readings[0]
        return "not_date_dmy"
    if len(readings) == 2:
        args["fixed"], args["day"] = readings[0].isoformat(), readings[0]
        args["other"], args["other_day"] = readings[1].isoformat(), readings[1]
        return "not_date_either"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return "no_such_day"
    return "not_date"


@lru_cache(maxsize=None)
def _sm003_keys() -> frozenset[str]:
    from ..data import catalogue

    return frozenset(catalogue()["SM003"]["messages"]["en"])


def validate(root: Mapping):
    """Return (lenient Strategy, problems, paths of every model instance)."""
    validator = Validator(root)
    strategy = validator.model("Strategy", root, "")
    return strategy, validator.problems, validator.paths
