"""Load a strategy file into a tree of nodes that know their line and column.

Most strategies are written in the plain block style; :mod:`smlint.load.blockyaml`
reads those in one pass over the lines and gives the same tree. Every other
text is read here: we read libyaml's event stream (PyYAML's C parser,
imported on first use) and build the tree ourselves instead of calling
libyaml's compose: that puts positions,
duplicate keys, alias bounds, nesting depth, tag safety and YAML 1.2 scalar
resolution in one place, and avoids compose's recursion (it segfaults on very
deep nesting). Nothing here constructs Python objects from tags.
"""

from __future__ import annotations

import itertools
from dataclasses import field

from ..classcache import dataclass
from .nodes import (  # noqa: F401 - the tree's names, also imported from here
    _MISSING,
    _RESOLVED,
    MAX_DEPTH,
    Mapping,
    Node,
    Scalar,
    Sequence,
    Unquoted,
    abbreviate,
    resolve_plain,
)
from ..patterncache import compile as compile_kept

yaml = _Parser = None  # imported on first use (Builder.build)
_ScalarEvent = _AliasEvent = _MappingStartEvent = _MappingEndEvent = _SequenceStartEvent = _SequenceEndEvent = None

MAX_ALIAS_EXPANSION = 100_000
FATAL = ("SM001", "SM006")  # the file could not be checked: reported whatever --select and --ignore say
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class LoadProblem:
    """A problem found while loading: code SM001, SM002 or SM003."""

    code: str
    key: str  # message key in the catalogue
    line: int
    column: int
    args: dict = field(default_factory=dict)
    path: str = ""
    mapping: Node | None = None  # SM002: the mapping the key is repeated in (its path is found after loading)


class FatalLoadError(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.key)
        self.problem = problem


_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}


def _resolve_tagged(tag: str, text: str, line: int, column: int):
    short = tag.rsplit(":", 1)[-1]
    if tag in ("!", "tag:yaml.org,2002:str"):
        return text
    value = resolve_plain(text)
    expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[short]
    if short == "int" and isinstance(value, bool) or not isinstance(value, expected):
        shown = text if len(text) < 80 else f"{text[:64]}…{text[-8:]}"
        raise FatalLoadError(LoadProblem("SM001", "bad_tagged_value", line, column, {"tag": "!!" + short, "value": shown}))
    return float(value) if short == "float" else value


def _check_tag(tag: str | None, line: int, column: int) -> None:
    if tag is not None and tag not in _SAFE_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        raise FatalLoadError(LoadProblem("SM001", "unsafe_tag", line, column, {"tag": shown}))


_LINE_BREAK = compile_kept(r"\r\n|\r|\n")
_ODD_BREAKS = "\x85\u2028\u2029"  # line breaks to libyaml (YAML 1.1), ordinary characters to YAML 1.2
_PRIVATE_USE = compile_kept("[\ue000-\uf8ff\U000f0000-\U000ffffd]")


def lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML 1.2 and editors count them: broken at \\n, \\r\\n and \\r only."""
    return _LINE_BREAK.split(text)


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of character ``index`` in ``text``, lines counted as :func:`lines` does."""
    before = text[:index]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, index - max(before.rfind("\n"), before.rfind("\r"))


def _stand_ins(text: str) -> dict[str, str]:
    """For each of U+0085, U+2028 and U+2029 in ``text``, a private-use character the text does not hold.

    libyaml reads these three as line breaks, so lines after one are counted one too many and one in a
    comment ends the comment. In their place libyaml reads a private-use character as ordinary text;
    values get the original back (:func:`_restore`).
    """
    present = [char for char in _ODD_BREAKS if char in text]
    if not present:
        return {}
    used = set(_PRIVATE_USE.findall(text))
    free = (char for char in map(chr, itertools.chain(range(0xE000, 0xF900), range(0xF0000, 0xFFFFE)))
            if char not in used)
    return dict(zip(present, free))


def _translated(text: str, stand_ins: dict[str, str]) -> str:
    return text.translate(str.maketrans(stand_ins)) if stand_ins else text


def for_libyaml(text: str) -> str:
    """``text`` as smlint hands it to libyaml: the same characters at the same places, except that U+0085,
    U+2028 and U+2029 are private-use characters, so libyaml counts lines as YAML 1.2 does (values read from
    it hold those instead; for positions and spans only)."""
    return _translated(text, _stand_ins(text))


def _restore(root: Node | None, problems: list[LoadProblem], back: dict) -> None:
    """Put the characters :func:`_stand_ins` replaced back into scalars, keys and problems."""

    def text(value):
        return value.translate(back) if value.__class__ is str else value

    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Scalar):
            node.raw, node.value = text(node.raw), text(node.value)
        elif isinstance(node, Mapping):
            node.items = {text(key): pair for key, pair in node.items.items()}
            for key_node, value in node.items.values():
                stack += (key_node, value)
        elif isinstance(node, Sequence):
            stack += node.children
    for problem in problems:
        problem.args = {name: text(value) for name, value in problem.args.items()}


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed); bad bytes are SM001 with their offset."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8")
        line, column = line_column(before, len(before))
        raise FatalLoadError(
            LoadProblem("SM001", "not_utf8", line, column, {"offset": exc.start, "byte": f"0x{data[exc.start]:02x}"})
        ) from None


class _Builder:
    def __init__(self, text: str, max_depth: int, max_alias_expansion: int) -> None:
        self.text = text
        self.parser = None
        self.max_depth = max_depth
        self.max_alias_expansion = max_alias_expansion
        self.anchors: dict[str, Node] = {}
        self.unfinished: set[str] = set()
        self.expansion = 0  # nodes added by aliases beyond the file's own
        self.problems: list[LoadProblem] = []
        self.text_spans: list[tuple[tuple[int, int], tuple[int, int]]] = []  # multi-line quoted and block scalars
        # one int object per line number, shared by the nodes on the line (a 10 MB file has a million nodes)
        self.line_numbers = list(range(1, text.count("\n") + text.count("\r") + 3))

    def build(self) -> Node | None:
        global yaml, _Parser, _ScalarEvent, _AliasEvent, _MappingStartEvent, _MappingEndEvent, _SequenceStartEvent
        global _SequenceEndEvent
        if _Parser is None:  # PyYAML only for the texts the block reader leaves to libyaml
            import yaml

            try:  # libyaml is the fast path; the pure-Python parser is a fallback only.
                from yaml.cyaml import CParser as _Parser
            except ImportError:  # pragma: no cover - depends on the PyYAML build
                from yaml.loader import SafeLoader as _Parser  # type: ignore[assignment]
            _ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
            _MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
            _SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
        try:
            # PyYAML checks for control characters while constructing the parser
            parser = self.parser = _Parser(self.text)
            root = None
            documents = 0
            parser.get_event()  # stream start
            while not parser.check_event(yaml.StreamEndEvent):
                start = parser.get_event()  # document start
                documents += 1
                if documents > 1:
                    mark = start.start_mark
                    raise FatalLoadError(LoadProblem("SM001", "several_documents", mark.line + 1, mark.column + 1))
                root = self._node(parser.get_event(), 1)
                parser.get_event()  # document end
            return root
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            # at the end of a file without a final line break libyaml counts one line more than there is
            line, column = min((line, column), line_column(self.text, len(self.text)))
            problem = (exc.problem or exc.context or "syntax error").strip()
            if "maximum nesting depth" in problem:  # libyaml's own bound (PyYAML >= 6.0.2) lies above ours: one message
                raise FatalLoadError(self._too_deep(mark, line, column)) from None
            key = "tab_indent" if "'\\t'" in problem or "\t" in problem or self._tab_at(line) else "syntax"
            raise FatalLoadError(LoadProblem("SM001", key, line, column, {"problem": problem})) from None
        except yaml.reader.ReaderError as exc:  # a control character such as NUL
            line, column = line_column(self.text, exc.position)
            raise FatalLoadError(
                LoadProblem("SM001", "control_character", line, column, {"char": f"U+{exc.character:04X}"})
            ) from None
        except yaml.YAMLError as exc:
            raise FatalLoadError(LoadProblem("SM001", "syntax", 1, 1, {"problem": str(exc).splitlines()[0]})) from None

    def _too_deep(self, mark, line: int, column: int) -> LoadProblem:
        """smlint's own too_deep, where smlint's limit is passed, whatever bound libyaml has (PyYAML 6.0.4: 1000).

        libyaml's scanner looks ahead and stops at its own bound before our builder sees our depth; the text up
        to that point holds the place where ours is passed, so it is read again (on this error path only).
        """
        index = getattr(mark, "index", None)
        if index:
            try:
                _Builder(self.text[:index], self.max_depth, self.max_alias_expansion).build()
            except FatalLoadError as exc:
                if exc.problem.key == "too_deep":
                    return exc.problem
        return LoadProblem("SM001", "too_deep", line, column, {"limit": self.max_depth})

    def _tab_at(self, line: int) -> bool:
        """A tab in the indentation of the line an error is on (libyaml only says it cannot start a token)."""
        all_lines = lines(self.text)
        if not 1 <= line <= len(all_lines):
            return False
        text = all_lines[line - 1]
        return "\t" in text[: len(text) - len(text.lstrip())]

    def _node(self, event, depth: int) -> Node:
        cls = event.__class__
        mark = event.start_mark
        try:
            line = self.line_numbers[mark.line]
        except IndexError:  # a line break libyaml counts and \n and \r do not (U+2028)
            line = mark.line + 1
        column = mark.column + 1
        if cls is _ScalarEvent:  # most nodes: first, and with as few calls as possible
            tag = event.tag
            raw = event.value
            if event.style:  # quoted or a block: its text holds no comment, also on the lines it goes on to
                plain = False
                end = event.end_mark
                if end.line != mark.line:
                    start = (line + 1, 0) if event.style in "|>" else (line, column)
                    self.text_spans.append((start, (end.line + 1, end.column + 1)))
            else:
                plain = event.implicit[0]
            if tag is not None and tag != "!":
                _check_tag(tag, line, column)
                value = _resolve_tagged(tag, raw, line, column)
            elif plain:
                value = _RESOLVED.get(raw, _MISSING)  # resolve_plain's table, looked up here: most scalars are in it
                if value is _MISSING:
                    value = resolve_plain(raw)
                if value.__class__ is str:
                    raw = value  # the same text, one object for all its occurrences
            else:
                value = raw
            node: Node = Scalar(value, raw, plain, line, column)
            if event.anchor:
                self.anchors[event.anchor] = node
            if depth > self.max_depth:
                raise FatalLoadError(LoadProblem("SM001", "too_deep", line, column, {"limit": self.max_depth}))
            return node
        if cls is _AliasEvent:
            anchor = event.anchor
            if anchor in self.unfinished:
                raise FatalLoadError(LoadProblem("SM001", "recursive_alias", line, column, {"anchor": anchor}))
            target = self.anchors.get(anchor)
            if target is None:
                raise FatalLoadError(LoadProblem("SM001", "unknown_alias", line, column, {"anchor": anchor}))
            self.expansion += target.size
            if self.expansion > self.max_alias_expansion:
                raise FatalLoadError(LoadProblem("SM001", "alias_bomb", line, column, {"limit": self.max_alias_expansion}))
            return target
        if depth > self.max_depth:
            raise FatalLoadError(LoadProblem("SM001", "too_deep", line, column, {"limit": self.max_depth}))
        if event.tag is not None:
            _check_tag(event.tag, line, column)
        anchor = event.anchor
        if cls is _MappingStartEvent:
            return self._mapping(line, column, anchor, depth)
        if cls is not _SequenceStartEvent:
            raise FatalLoadError(LoadProblem("SM001", "syntax", line, column, {"problem": cls.__name__}))
        seq = Sequence(line, column)
        if anchor:
            self.unfinished.add(anchor)
        get_event = self.parser.get_event
        children = seq.children
        size = 1
        while True:
            child_event = get_event()
            if child_event.__class__ is _SequenceEndEvent:
                break
            child = self._node(child_event, depth + 1)
            children.append(child)
            size += child.size
        seq.size = size
        if anchor:
            self.unfinished.discard(anchor)
            self.anchors[anchor] = seq
        return seq

    def _mapping(self, line: int, column: int, anchor: str | None, depth: int) -> Mapping:
        mapping = Mapping(line, column)
        if anchor:
            self.unfinished.add(anchor)
        get_event = self.parser.get_event
        items = mapping.items
        merges: list[tuple[Scalar, Node]] = []
        size = 1
        node = self._node
        while True:
            key_event = get_event()
            if key_event.__class__ is _MappingEndEvent:
                break
            key_node = node(key_event, depth + 1)
            value_node = node(get_event(), depth + 1)
            if key_node.__class__ is not Scalar:
                self.problems.append(LoadProblem("SM003", "complex_key", key_node.line, key_node.column))
                continue
            if key_node.plain and key_node.raw == "<<":
                merges.append((key_node, value_node))
                continue
            key = key_node.value
            if key.__class__ is not str:
                key = key_node.raw
            previous = items.get(key)
            if previous is not None:
                self.problems.append(LoadProblem("SM002", "duplicate_key", key_node.line, key_node.column,
                                                 {"key": key, "first": previous[0].line}, mapping=mapping))
                size -= previous[1].size
            items[key] = (key_node, value_node)
            size += 1 + value_node.size
        for merge_key, value in merges:
            sources = value.children if isinstance(value, Sequence) else [value]
            for source in sources:
                if not isinstance(source, Mapping):
                    self.problems.append(LoadProblem("SM003", "bad_merge", merge_key.line, merge_key.column))
                    continue
                for key, pair in source.items.items():
                    if key not in items:  # explicit keys win over merged ones
                        items[key] = pair
                        size += 1 + pair[1].size
        mapping.size = size
        if anchor:
            self.unfinished.discard(anchor)
            self.anchors[anchor] = mapping
        return mapping


@dataclass
class Loaded:
    """A file read into its tree, with what was found while reading it."""

    root: Node | None
    text: str
    problems: list[LoadProblem]
    # (start, end) line and column of each scalar that spans lines and whose text may hold a '#': quoted and
    # block scalars (a '#' strictly between the two is text, not a comment), in document order
    text_spans: list = field(default_factory=list)


def load_text(text: str, max_depth: int = MAX_DEPTH, max_alias_expansion: int = MAX_ALIAS_EXPANSION,
              block_reader: bool = True) -> Loaded:
    """Parse ``text``; raises FatalLoadError for SM001, returns SM002/SM003 problems.

    ``block_reader=False`` reads it with libyaml even when the block reader could (to compare the two).
    """
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise FatalLoadError(LoadProblem("SM001", "empty", 1, 1))
    if block_reader and max_depth >= MAX_DEPTH and max_alias_expansion >= MAX_ALIAS_EXPANSION:
        from .blockyaml import read

        root = read(text)
        if root is not None:
            return Loaded(root, text, [], [])
    stand_ins = _stand_ins(text)
    builder = _Builder(_translated(text, stand_ins), max_depth, max_alias_expansion)
    if not stand_ins:
        root = builder.build()
    else:  # rare: U+0085, U+2028 or U+2029 in the file
        back = str.maketrans({v: k for k, v in stand_ins.items()})
        try:
            root = builder.build()
        except FatalLoadError as exc:
            _restore(None, [exc.problem], back)
            raise
        _restore(root, builder.problems, back)
    if root is None or (isinstance(root, Scalar) and root.value is None):
        raise FatalLoadError(LoadProblem("SM001", "empty", 1, 1))
    if not isinstance(root, Mapping):
        raise FatalLoadError(LoadProblem("SM001", "not_mapping", root.line, root.column))
    return Loaded(root, text, builder.problems, builder.text_spans)


def load_bytes(data: bytes, max_bytes: int = MAX_FILE_BYTES, **limits) -> Loaded:
    if len(data) > max_bytes:
        raise FatalLoadError(LoadProblem("SM001", "too_large", 1, 1, {"size": len(data), "limit": max_bytes}))
    return load_text(decode(data), **limits)


def to_python(node: Node):
    """Plain Python data (aliases already bounded, so expansion is safe)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Mapping):
        return {k: to_python(v) for k, (_, v) in node.items.items()}
    return [to_python(child) for child in node.children]  # type: ignore[union-attr]


def escape_pointer(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def find(root: Node, pointer: str) -> tuple[Node | None, Node | None]:
    """Return (node, key node holding it) for a JSON Pointer, or the deepest that exists."""
    node, holder = root, None
    if not pointer:
        return node, None
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping) and token in node.items:
            holder, node = node.items[token]
        elif isinstance(node, Sequence) and token.isdigit() and int(token) < len(node.children):
            node, holder = node.children[int(token)], None
        else:
            break
    return node, holder


class Pointers:
    """JSON Pointers found in one walk of the tree, made on first use: many paths are found in linear time."""

    def __init__(self, root: Node) -> None:
        self.root = root
        self._of_node: dict[int, str] | None = None  # id of each mapping and sequence -> its (first) pointer
        self._key_on_line: dict[int, str] = {}  # line -> pointer of the first key written on it

    def _walk(self) -> dict[int, str]:
        if self._of_node is None:
            of_node: dict[int, str] = {}
            stack: list[tuple[Node, str, Scalar | None]] = [(self.root, "", None)]
            while stack:
                node, path, key_node = stack.pop()
                if key_node is not None:
                    self._key_on_line.setdefault(key_node.line, path)
                if isinstance(node, Scalar) or id(node) in of_node:
                    continue
                of_node[id(node)] = path
                if isinstance(node, Mapping):
                    children = [(value, f"{path}/{escape_pointer(key)}", key_node)
                                for key, (key_node, value) in node.items.items()]
                else:
                    children = [(child, f"{path}/{index}", None) for index, child in enumerate(node.children)]
                stack += reversed(children)
            self._of_node = of_node
        return self._of_node

    def of_problem(self, problem: LoadProblem) -> str:
        """The pointer of a load problem: its own, or for SM002 the repeated key's."""
        if problem.path or problem.mapping is None or id(problem.mapping) not in self._walk():
            return problem.path
        return f"{self._walk()[id(problem.mapping)]}/{escape_pointer(problem.args['key'])}"

    def key_on_line(self, line: int) -> str:
        """The pointer of the first key written on ``line`` (where an inline comment sits), or ""."""
        self._walk()
        return self._key_on_line.get(line, "")


def position(root: Node, pointer: str) -> tuple[int, int]:
    """Where a finding about ``pointer`` is reported (SPEC section 7).

    A field points at its key; a sequence item at its first key (or itself
    when it is a scalar); the document root at 1:1.
    """
    if not pointer:
        return 1, 1
    node, holder = find(root, pointer)
    if holder is not None:
        return holder.line, holder.column
    if isinstance(node, Mapping) and node.items:
        first_key = next(iter(node.items.values()))[0]
        return first_key.line, first_key.column
    return (node.line, node.column) if node is not None else (1, 1)
