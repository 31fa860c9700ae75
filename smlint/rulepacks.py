"""Rule packs: an organisation's own rules, written as data.

A pack is a YAML file (``schemas/rulepack.schema.json``); each rule is
``given`` JSONPath expressions into the strategy and ``then`` applies a
function to a field of every node found, as in Spectral's rulesets. A pack is
checked when it is loaded (against the schema, with ``jsonschema``; its
JSONPaths and patterns compiled), so a bad pack stops the run with exit 2 and
the file:line of the problem, before any strategy is linted.

The JSONPath engine is ``python-jsonpath`` (RFC 9535, pure Python, keeps the
location of every match as a JSON Pointer, which is what places a finding).
It and ``jsonschema`` are imported only when a configuration names a pack.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

from .load.datafile import DataFileError, TreeLocator
from .load.loader import Mapping, Scalar, Sequence, escape_pointer
from .load.loader import to_python as _to_python
from .locations import same_file
from .shown import printable, printable_block

CATEGORY = "organisation"
_PLACEHOLDER = re.compile(r"\{(id|field|value|path|code)\}")
_MISSING = object()
_NAMES = ("id", "platform", "channel", "name", "title", "date")


@dataclass(frozen=True)
class Then:
    field: str | None
    function: str
    options: dict
    compiled: tuple = ()  # compiled patterns or JSONPaths the function needs


@dataclass(frozen=True)
class PackRule:
    code: str
    name: str
    severity: str
    message: dict  # lang -> template
    given: tuple  # Query objects
    then: tuple[Then, ...]
    docs: dict = field(default_factory=dict)  # lang -> {summary, what, why, bad, good}
    file: str = ""

    def text(self, lang: str, values: dict) -> str:
        if values.get("stopped"):
            from .i18n import common, format_number

            expressions = ", ".join(query.expression for query in self.given)
            return common("pack_too_much_work", lang).format(code=self.code, limit=format_number(MAX_VISITS, lang),
                                                             expression=printable(expressions[:200]))
        template = self.message.get(lang) or self.message.get("en") or self.message.get("nl") or self.code
        return _PLACEHOLDER.sub(lambda m: printable(str(values.get(m[1], ""))), template)

    def entry(self) -> dict:
        """A catalogue-shaped entry, for `smlint rules`, `explain` and SARIF's rule list."""
        doc = {}
        for lang in ("en", "nl"):
            given = self.docs.get(lang) or self.docs.get("en") or self.docs.get("nl") or {}
            summary = given.get("summary") or self.message.get(lang) or self.message.get("en") or self.code
            # the pack's own words reach a terminal (`smlint rules`, `explain`): escapes and line breaks shown, not run
            doc[lang] = {"summary": printable(_PLACEHOLDER.sub("…", summary)),
                         **{part: printable_block(given.get(part) or "") for part in ("what", "why", "bad", "good")}}
        return {"name": self.name, "category": CATEGORY, "severity": self.severity, "doc": doc,
                "pack": self.file, "messages": {}}


_LOADED: dict = {}


def load(files, lang: str = "en") -> tuple[PackRule, ...]:
    """Every rule of the packs, in file order; DataFileError for the first problem of a bad pack."""
    cache_key = (tuple(files), lang)
    if cache_key not in _LOADED:  # the configuration check and the linter read the same packs once
        _LOADED[cache_key] = _load(files, lang)
    return _LOADED[cache_key]


def _load(files, lang: str) -> tuple[PackRule, ...]:
    rules: list[PackRule] = []
    seen: dict[str, str] = {}
    read: list[str] = []
    for file in files:
        if "\0" in file:  # no file system has such a name (open() raises ValueError, not OSError)
            from .i18n import message

            raise DataFileError(file.replace("\0", "\\0"), 1, 1,
                                message("SM001", "unreadable", lang, {"problem": "NUL in the file name"}))
        if any(same_file(file, other) for other in read):  # listed twice (perhaps spelt another way): read once
            continue
        read.append(file)
        for rule, locate in _read(file, lang):
            if rule.code in seen:
                from .i18n import common

                line, column = locate
                raise DataFileError(file, line, column,
                                    common("pack_duplicate_code", lang).format(code=rule.code, other=seen[rule.code]))
            seen[rule.code] = file
            rules.append(rule)
    return tuple(rules)


def compile_pattern(pattern: str):
    from .patterns import compile_pattern

    return compile_pattern(pattern)


def _schema() -> dict:
    from .data import data_dir

    return json.loads((data_dir("schemas") / "rulepack.schema.json").read_text(encoding="utf-8"))


def _read(file: str, lang: str):
    import jsonschema

    from .load.datafile import read
    from .i18n import common

    values, root = read(file, None, lang)
    locator = TreeLocator(root)
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(values), key=lambda e: locator.key(_schema_pointer(e.absolute_path)))
    if errors:
        error = _deepest(errors[0])
        line, column = locator.key(_schema_pointer(error.absolute_path))
        raise DataFileError(file, line, column, common("pack_schema", lang).format(problem=_describe(error)))

    def fail(pointer: str, key: str, **args):
        line, column = locator.key(pointer)
        raise DataFileError(file, line, column, common(key, lang).format(**args))

    for index, raw in enumerate(values["rules"]):
        here = f"/rules/{index}"
        given_list = raw["given"] if isinstance(raw["given"], list) else [raw["given"]]
        given = []
        for number, expression in enumerate(given_list):
            where = f"{here}/given" + (f"/{number}" if isinstance(raw["given"], list) else "")
            given.append(_query(expression, where, fail))
        then_list = raw["then"] if isinstance(raw["then"], list) else [raw["then"]]
        thens = []
        for number, then in enumerate(then_list):
            where = f"{here}/then" + (f"/{number}" if isinstance(raw["then"], list) else "")
            thens.append(_then(then, where, fail))
        docs = {k: v for k, v in (raw.get("docs") or {}).items() if not k.startswith("x-") and v}
        message = {k: v for k, v in raw["message"].items() if k in ("en", "nl") and v}
        if not message:
            fail(f"{here}/message", "pack_no_message")
        for language, template in message.items():
            for name in re.findall(r"\{([^{}]*)\}", template):
                if not _PLACEHOLDER.fullmatch(f"{{{name}}}"):
                    fail(f"{here}/message/{language}", "pack_unknown_placeholder", placeholder=f"{{{name}}}"[:60])
        rule = PackRule(code=raw["code"], name=raw.get("name") or raw["code"].lower(),
                        severity=raw.get("severity", "warning"), message=message, given=tuple(given),
                        then=tuple(thens), docs=docs, file=file)
        yield rule, locator.key(f"{here}/code")


# The options each function needs, and their types (the schema leaves functionOptions open).
_OPTIONS = {
    "truthy": {}, "falsy": {}, "date-within-period": {},
    "pattern": {"match": str, "notMatch": str},
    "enum": {"values": list},
    "length": {"min": int, "max": int},
    "minimum": {"value": (int, float)},
    "maximum": {"value": (int, float)},
    "unique": {"key": str},
    "reference": {"to": str},
}
_REQUIRED = {"pattern": ("match", "notMatch"), "enum": ("values",), "length": ("min", "max"),
             "minimum": ("value",), "maximum": ("value",), "reference": ("to",)}


def _then(raw: dict, where: str, fail) -> Then:
    function = raw["function"]
    options = raw.get("functionOptions") or {}
    allowed = _OPTIONS[function]
    for name, value in options.items():
        if name not in allowed:
            fail(f"{where}/functionOptions/{escape_pointer(name)}", "pack_unknown_option", function=function,
                 option=name, known=", ".join(allowed) or "-")
        if isinstance(value, bool) or not isinstance(value, allowed[name]):
            fail(f"{where}/functionOptions/{escape_pointer(name)}", "pack_bad_option", function=function, option=name)
    needed = _REQUIRED.get(function)
    if needed and not any(name in options for name in needed):
        fail(f"{where}/function", "pack_missing_option", function=function, options=" / ".join(needed))
    for name, value in options.items():
        if isinstance(value, float) and not math.isfinite(value):
            fail(f"{where}/functionOptions/{escape_pointer(name)}", "pack_not_finite", function=function, option=name)
        if function == "length" and value < 0:
            fail(f"{where}/functionOptions/{name}", "pack_negative", function=function, option=name)
    if function == "length" and options.get("min", 0) > options.get("max", options.get("min", 0)):
        fail(f"{where}/functionOptions/min", "pack_min_above_max", function=function)
    if function == "enum" and not options["values"]:
        fail(f"{where}/functionOptions/values", "pack_no_values", function=function)
    compiled: tuple = ()
    if function == "pattern":
        patterns = []
        for name in ("match", "notMatch"):
            if name in options:
                try:
                    patterns.append((name, compile_pattern(options[name])))
                except compile_error() as exc:
                    shown = options[name] if len(options[name]) <= 80 else options[name][:77] + "..."
                    fail(f"{where}/functionOptions/{name}", "pack_bad_pattern", pattern=printable(shown),
                         problem=printable(_problem(exc)))
        compiled = tuple(patterns)
    elif function == "reference":
        compiled = (_query(options["to"], f"{where}/functionOptions/to", fail),)
    return Then(raw.get("field"), function, dict(options), compiled)


MAX_EXPRESSION = 1000  # characters of a JSONPath: the library nests a generator per segment (deeper ones crash)


def _query(expression: str, where: str, fail) -> Query:
    """The compiled JSONPath, or exit 2 at ``where`` with what is wrong."""
    import jsonpath

    shown = expression if len(expression) <= 80 else expression[:77] + "..."
    if len(expression) > MAX_EXPRESSION:
        fail(where, "pack_long_jsonpath", expression=printable(shown), limit=MAX_EXPRESSION)
    try:
        return Query(expression)
    except (jsonpath.JSONPathError, RecursionError, compile_error()) as exc:
        fail(where, "pack_bad_jsonpath", expression=printable(shown), problem=printable(_problem(exc)))


def _problem(exc: BaseException) -> str:
    first = exc.args[0] if exc.args else None
    if isinstance(first, bytes):  # RE2's errors
        text = first.decode("utf-8", "replace")
    else:
        try:
            text = str(exc)
        except Exception:  # python-jsonpath cannot always show where its error is (an empty expression)
            text = str(first) if first is not None else type(exc).__name__
    return (text.splitlines() or [""])[0][:200]


def _schema_pointer(parts) -> str:
    return "".join(f"/{escape_pointer(str(part))}" for part in parts)


def _deepest(error):
    """For a `oneOf`/`anyOf` failure, the most specific reason (as jsonschema's best_match does)."""
    import jsonschema

    return jsonschema.exceptions.best_match([error]) or error


def _describe(error) -> str:
    text = error.message
    return text if len(text) <= 200 else text[:197] + "..."


# --- evaluation ------------------------------------------------------------------------------

@dataclass
class Hit:
    """One finding of a pack rule: where (JSON Pointer) and the message's values."""

    pointer: str
    values: dict


MAX_VISITS = 1_000_000  # nodes one JSONPath may visit in one strategy (``$..*`` visits each node once)


class TooMuchWork(Exception):
    """A JSONPath visited more than MAX_VISITS nodes of one strategy (``$..*..*..*`` on a large file)."""


_BUDGET = threading.local()


@lru_cache(maxsize=1)
def _environment():
    """python-jsonpath set up for packs: its regexes through RE2 (never a hang), its work counted (never unbounded)."""
    import jsonpath
    from jsonpath import function_extensions
    from jsonpath.filter import RegexLiteral
    from jsonpath.token import TOKEN_RE_FLAGS

    from .patterns import compile_pattern

    # Every node the library visits, in a path or in a filter's own queries, is a JSONPathMatch made by
    # new_child(); counting there bounds the work of any expression (the library has no such limit of its own).
    new_child = jsonpath.JSONPathMatch.new_child
    if not getattr(new_child, "counted", False):
        def counted(match, obj, key):
            _BUDGET.left = left = getattr(_BUDGET, "left", MAX_VISITS) - 1
            if left < 0:
                raise TooMuchWork
            return new_child(match, obj, key)

        counted.counted = True
        jsonpath.JSONPathMatch.new_child = counted

    class Regexes:
        """match() and search() (RFC 9535) with RE2; a pattern RE2 refuses matches nothing, as the RFC says."""

        def check_cache(self, pattern):
            try:
                return compile_pattern(pattern)
            except compile_error():
                return None

    class Match(Regexes, function_extensions.Match):
        pass

    class Search(Regexes, function_extensions.Search):
        pass

    class Parser(jsonpath.Parser):
        def parse_regex(self, stream):  # `=~ /pattern/flags`
            pattern = stream.current().value
            flags = ""
            if stream.peek().kind == TOKEN_RE_FLAGS:
                stream.next()
                flags = stream.next().value
            try:
                return RegexLiteral(value=compile_pattern(pattern, flags))
            except compile_error() as exc:
                raise jsonpath.JSONPathSyntaxError(_problem(exc), token=stream.current()) from None

    class Environment(jsonpath.JSONPathEnvironment):
        parser_class = Parser

        def setup_function_extensions(self) -> None:
            super().setup_function_extensions()
            self.function_extensions["match"] = Match()
            self.function_extensions["search"] = Search()

    return Environment()


def compile_error():
    from .patterns import error

    return error()


class Query:
    """A compiled JSONPath. Plain paths (``$.objectives[*].owner``, ``$.team[0]``) are walked directly, which is
    many times faster; anything else (filters, slices, descendants) is left to the JSONPath library."""

    _SIMPLE = re.compile(r"\$(?:\.[A-Za-z_][\w-]*|\.\*|\[\*\]|\[\d+\]|\['[^'\\]*'\])*\Z")
    _STEP = re.compile(r"\.([A-Za-z_][\w-]*)|\.\*|\[\*\]|\[(\d+)\]|\['([^'\\]*)'\]")

    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.compiled = _environment().compile(expression)  # also the syntax check, for simple paths too
        self.steps = None
        if self._SIMPLE.match(expression):
            self.steps = [m[1] or m[3] if (m[1] or m[3] is not None) else (int(m[2]) if m[2] else None)
                          for m in self._STEP.finditer(expression)]

    def find(self, document: Document):
        """(JSON Pointer or its tokens, node) for every match, in document order.

        A plain path is walked on the positioned tree (no conversion of the whole document, pointers built only
        for a finding); anything else runs on the document's plain data.
        """
        if not isinstance(document, Document):
            document = Document(_Plain(document))
        if self.steps is None:
            _BUDGET.left = MAX_VISITS  # TooMuchWork past it: the caller says so for this file
            for match in self.compiled.finditer(document.plain()):
                pointer = str(match.pointer())
                yield ("" if pointer == "/" else pointer), match.obj
            return
        root = document.root
        nodes = [((), root.data if root.__class__ is _Plain else root)]
        for step in self.steps:
            following = []
            for tokens, node in nodes:
                cls = node.__class__
                if step is None:  # [*] or .*
                    if cls is Sequence or cls is list:
                        children = node.children if cls is Sequence else node
                        following += [((*tokens, str(i)), child) for i, child in enumerate(children)]
                    elif cls is Mapping:
                        following += [((*tokens, escape_pointer(k)), pair[1]) for k, pair in node.items.items()]
                    elif cls is dict:
                        following += [((*tokens, escape_pointer(str(k))), v) for k, v in node.items()]
                elif isinstance(step, int):
                    children = node.children if cls is Sequence else node if cls is list else ()
                    if step < len(children):
                        following.append(((*tokens, str(step)), children[step]))
                else:
                    child = _child(node, step) if cls is Mapping or cls is dict else _MISSING
                    if child is not _MISSING:
                        following.append(((*tokens, escape_pointer(step)), child))
            nodes = following
        yield from nodes


class Document:
    """A strategy as the pack rules see it: its positioned tree, and its plain data when a query needs it."""

    def __init__(self, root) -> None:
        self.root = root
        self._plain = None

    def plain(self):
        if self._plain is None:
            self._plain = to_python(self.root)
        return self._plain


def _pointer(where) -> str:
    return where if isinstance(where, str) else "".join(f"/{token}" for token in where)


def evaluate(rule: PackRule, document: Document, period: tuple | None = None) -> list[Hit]:
    """The rule's findings on a strategy (a :class:`Document`, or plain data)."""
    if not isinstance(document, Document):
        document = Document(_Plain(document))
    hits: list[Hit] = []
    try:
        _evaluate(rule, document, period, hits)
    except TooMuchWork:  # the rule stops for this file, and says so (the rest of the run goes on)
        hits.append(Hit("", {"stopped": True, "code": rule.code, "path": ""}))
    return hits


def _evaluate(rule: PackRule, document: Document, period, hits: list[Hit]) -> None:
    several = len(rule.given) > 1
    seen: set[tuple[str, int]] = set()
    allowed: dict[int, set] = {}  # a reference's allowed values: found once per file, not once per item
    for query in rule.given:
        for where, node in query.find(document):
            for number, then in enumerate(rule.then):
                if several:  # two `given` paths that find the same node report it once
                    key = (_pointer(where), number)
                    if key in seen:
                        continue
                    seen.add(key)
                if then.function == "reference" and number not in allowed:
                    allowed[number] = {_shown(_value(found)) for _, found in then.compiled[0].find(document)}
                hit = _apply(then, node, where, allowed.get(number), period)
                if hit is not None:
                    hit.values.setdefault("id", _item_id(document.root if not isinstance(document.root, _Plain)
                                                         else document.root.data, hit.values["path"]))
                    hit.values["code"] = rule.code
                    hits.append(hit)


class _Plain:
    """Plain data in the place of a tree (for tests and callers that have no tree)."""

    def __init__(self, data) -> None:
        self.data = data


def to_python(root):
    return root.data if isinstance(root, _Plain) else _to_python(root)


def _value(node):
    """A found node as plain data: a tree node converted, plain data as it is."""
    cls = node.__class__
    if cls is Scalar:
        return node.value
    if cls is Mapping or cls is Sequence:
        return _to_python(node)
    return node


def _field(node, name: str | None):
    if name is None:
        return _value(node)
    for part in name.split("."):
        cls = node.__class__
        if cls is Mapping:
            pair = node.items.get(part)
            if pair is None:
                return _MISSING
            node = pair[1]
        elif cls is dict:
            if part not in node:
                return _MISSING
            node = node[part]
        else:
            return _MISSING
    return _value(node)


def _shown(value) -> str:
    if value is _MISSING or value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)[:80]
    return str(value)[:200]


def _apply(then: Then, node, where, allowed, period) -> Hit | None:
    value = _field(node, then.field)
    if not _fails(then, value, allowed, period):
        return None
    pointer = _pointer(where)
    target = pointer + "".join(f"/{escape_pointer(p)}" for p in then.field.split(".")) if then.field else pointer
    where = target if value is not _MISSING else pointer
    return Hit(where, {"field": then.field or "", "value": _shown(value), "path": target})


def _empty(value) -> bool:
    return value is _MISSING or value is None or value is False or value == "" or value == [] or value == {}


def _fails(then: Then, value, allowed, period) -> bool:
    function, options = then.function, then.options
    if function == "truthy":
        return _empty(value)
    if function == "falsy":
        return not _empty(value)
    if value is _MISSING or value is None:  # the other functions judge only what is written (pair with truthy)
        return False
    if function == "pattern":
        text = value if isinstance(value, str) else _shown(value)
        for name, pattern in then.compiled:
            found = pattern.search(text) is not None
            if (name == "match") != found:
                return True
        return False
    if function == "enum":
        items = value if isinstance(value, list) else [value]
        return any(item not in options["values"] for item in items)
    if function == "length":
        if not isinstance(value, (str, list, dict)):
            return False
        return len(value) < options.get("min", 0) or len(value) > options.get("max", len(value))
    if function in ("minimum", "maximum"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        try:
            return value < options["value"] if function == "minimum" else value > options["value"]
        except (OverflowError, ValueError):
            return False
    if function == "unique":
        if not isinstance(value, list):
            return False
        key = options.get("key")
        keys = [_shown(_field(item, key)) if key else _shown(item) for item in value]
        keys = [k for k in keys if k]
        return len(keys) != len(set(keys))
    if function == "reference":
        items = value if isinstance(value, list) else [value]
        return any(_shown(item) not in allowed for item in items)
    if function == "date-within-period":
        if period is None:
            return False
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            return False  # not a date: SM003 says so
        return not period[0] <= day <= period[1]
    return False


def _item_id(root, pointer: str) -> str:
    """The id of the nearest list item on the way to ``pointer`` (what a message names), or ""."""
    node, found = root, ""
    for token in pointer.lstrip("/").split("/") if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        cls = node.__class__
        if cls is Mapping or cls is dict:
            node = _child(node, token)
        elif (cls is Sequence or cls is list) and token.isdigit():
            items = node.children if cls is Sequence else node
            if int(token) >= len(items):
                break
            node = items[int(token)]
            # an item without an id: what names it (a channel by its platform)
            for key in _NAMES:
                value = _field(node, key)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
                    found = str(value)
                    break
        else:
            break
        if node is _MISSING:
            break
    return found


def _child(node, key: str):
    if node.__class__ is Mapping:
        pair = node.items.get(key)
        return pair[1] if pair is not None else _MISSING
    return node.get(key, _MISSING)


def period_of(data) -> tuple | None:
    """The strategy's period as two dates (from its tree or its plain data), or None."""
    period = _field(data, "period")
    if not isinstance(period, dict):
        return None
    try:
        return dt.date.fromisoformat(str(period.get("start"))), dt.date.fromisoformat(str(period.get("end")))
    except ValueError:
        return None
