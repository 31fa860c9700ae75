"""Automatic fixes: what a rule proposes, where it lands in the text, and applying it safely.

A rule module that can repair its finding has ``fix(ctx, report)``, which
returns a :class:`Fix`: edits addressed by JSON Pointer (set a scalar,
rename a key, add a key to a mapping), marked safe or unsafe (unsafe:
it may change what the plan means, applied only with ``--unsafe-fixes``).

The engine resolves each Fix to text edits on the file as written
(:func:`resolve`): spans come from libyaml's events, so only the changed
characters change and comments, key order, quoting, flow or block style,
indentation and line endings stay as they are everywhere else. A value
reached through an alias or a merge key, an anchored value and a block
scalar are never edited.

:func:`repair` is what ``smlint fix`` and editors use: it applies the
chosen fixes round by round, lints again after each round and keeps a fix
only when it adds no new structural finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # only its event parser is used

MAX_ROUNDS = 100
MAX_LINTS = 200  # lint passes per file: the work stays bounded whatever the file holds


# -- what a rule proposes ----------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One change, addressed by JSON Pointer.

    ``op`` is ``set`` (the scalar at ``path`` gets ``value``), ``rename`` (the
    key holding ``path`` becomes ``value``) or ``add`` (the mapping at
    ``path`` gets ``key: value``, written before its first key).
    """

    op: str
    path: str
    value: object
    key: str = ""


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


def set_value(path: str, value, safe: bool = True) -> Fix:
    return Fix((Edit("set", path, value),), safe)


def rename_key(path: str, new_key: str, safe: bool = True) -> Fix:
    return Fix((Edit("rename", path, new_key),), safe)


def add_key(path: str, key: str, value, safe: bool = True) -> Fix:
    return Fix((Edit("add", path, value, key),), safe)


# -- where it lands -----------------------------------------------------------------


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` (character offsets) with ``new``; lines and columns are 1-based."""

    start: int
    end: int
    new: str
    old: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Resolved:
    """A fix as text edits on the file as it was linted."""

    safe: bool
    edits: tuple[TextEdit, ...]
    revealed: tuple[str, ...] = field(default=(), compare=False)  # pointers a renamed key makes readable

    def describe(self) -> str:
        """`1.200` -> `1200` (the first change, and how many more)."""
        first = self.edits[0]
        old, new = first.old.strip(), first.new.strip().rstrip(",").strip()
        text = f"`{old}` -> `{new}`" if old else f"+ `{new}`"
        return text + (f" (+{len(self.edits) - 1})" if len(self.edits) > 1 else "")


class _Node:
    __slots__ = ("kind", "start", "end", "style", "flow", "items", "children", "editable", "line", "column")

    def __init__(self, kind: str, start: int, end: int, line: int, column: int, style=None, flow=False,
                 editable=True) -> None:
        self.kind, self.start, self.end, self.style, self.flow = kind, start, end, style, flow
        self.line, self.column = line, column
        self.items: dict = {}  # mapping: key -> (key node, value node)
        self.children: list = []
        self.editable = editable


class Spans:
    """The file's nodes with their character spans, addressed by JSON Pointer."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = None
        self._line_starts: list[int] | None = None
        from .load.loader import for_libyaml

        self._events = iter(yaml.parse(for_libyaml(text), Loader=_Loader))  # lines counted as the loader counts them
        for event in self._events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.root = self._node(next(self._events), False)
                break

    def _node(self, event, in_flow: bool) -> _Node:
        s, e = event.start_mark, event.end_mark
        anchored = bool(getattr(event, "anchor", None))
        if isinstance(event, yaml.AliasEvent):
            return _Node("alias", s.index, e.index, s.line, s.column, editable=False)
        if isinstance(event, yaml.ScalarEvent):
            return _Node("scalar", s.index, e.index, s.line, s.column, style=event.style, flow=in_flow,
                         editable=not anchored and event.style not in ("|", ">"))
        flow = bool(event.flow_style)
        if isinstance(event, yaml.SequenceStartEvent):
            node = _Node("sequence", s.index, e.index, s.line, s.column, flow=flow, editable=not anchored)
            for child in self._events:
                if isinstance(child, yaml.SequenceEndEvent):
                    node.end = child.end_mark.index
                    break
                node.children.append(self._node(child, in_flow or flow))
            return node
        node = _Node("mapping", s.index, e.index, s.line, s.column, flow=flow, editable=not anchored)
        for key_event in self._events:
            if isinstance(key_event, yaml.MappingEndEvent):
                node.end = key_event.end_mark.index
                break
            key = self._node(key_event, in_flow or flow)
            value = self._node(next(self._events), in_flow or flow)
            if key.kind != "scalar":
                continue
            name = key_event.value
            if key_event.style is None and name == "<<":
                node.editable = False  # merged keys live elsewhere: leave such a mapping alone
                continue
            node.items[name] = (key, value)
        return node

    def find(self, pointer: str):
        """(key node or None, node) at ``pointer``; None when it is not written in the file itself."""
        node, holder = self.root, None
        if node is None:
            return None
        for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]] if pointer else []:
            if node.kind == "mapping" and token in node.items and node.editable:
                holder, node = node.items[token]
            elif node.kind == "sequence" and token.isdigit() and int(token) < len(node.children) and node.editable:
                holder, node = None, node.children[int(token)]
            else:
                return None
            if node.kind == "alias":
                return None
        return holder, node

    def position(self, index: int) -> tuple[int, int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        import bisect

        line = bisect.bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1

    def eol(self, index: int) -> str:
        """The line ending of the line holding ``index`` (the file's first one when that line has none)."""
        end = self.text.find("\n", index)
        if end == -1:
            end = self.text.find("\n")
        return "\r\n" if end > 0 and self.text[end - 1] == "\r" else "\n"

    def edit(self, start: int, end: int, new: str) -> TextEdit:
        return TextEdit(start, end, new, self.text[start:end], *self.position(start), *self.position(end))

    def replace(self, start: int, end: int, new: str) -> TextEdit:
        """Like :meth:`edit`, keeping an end-of-line comment after the span in its column."""
        gap = _GAP_BEFORE_COMMENT.match(self.text, end)
        if gap and "\n" not in self.text[start:end]:
            spaces = max(1, len(gap[1]) + (end - start) - len(new))
            return self.edit(start, gap.end(1), new + " " * spaces)
        return self.edit(start, end, new)


_GAP_BEFORE_COMMENT = re.compile(r"( +)#")


def scalar_text(value, *, style=None, flow: bool = False) -> str:
    """A value written as a YAML scalar that smlint's loader reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and value != int(value) else str(int(value))
    text = str(value)
    if style == "'" and not any(c in text for c in "\n\r\t\x85\u2028\u2029\ufeff"):
        return "'" + text.replace("'", "''") + "'"
    if style != '"' and _plain_ok(text, flow):
        return text
    import json

    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    for odd in "\x85\u2028\u2029\ufeff":  # line breaks to libyaml: written as escapes
        quoted = quoted.replace(odd, f"\\u{ord(odd):04x}")
    return quoted


def _plain_ok(text: str, flow: bool) -> bool:
    """Whether ``text`` can be written without quotes and still be read back as this text."""
    from .load.loader import resolve_plain

    if not text or text != text.strip() or text[0] in "-?:,[]{}#&*!|>'\"%@`" or text.endswith(":"):
        return False
    if ": " in text or " #" in text or (flow and any(c in text for c in ",[]{}:")):
        return False
    if any(ord(c) < 32 or c in "\x7f\x85\ufeff\u2028\u2029" for c in text):
        return False
    return resolve_plain(text) == text


def _parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0]


def _text_edit(spans: Spans, edit: Edit) -> tuple[TextEdit, str | None] | None:
    found = spans.find(edit.path)
    if found is None:
        return None
    holder, node = found
    if edit.op == "set":
        if node.kind != "scalar" or not node.editable:
            return None
        new_style = node.style if isinstance(edit.value, str) else None
        return spans.replace(node.start, node.end, scalar_text(edit.value, style=new_style, flow=node.flow)), None
    if edit.op == "rename":
        if holder is None or not holder.editable:
            return None
        new = scalar_text(edit.value, style=holder.style, flow=holder.flow)
        escaped = str(edit.value).replace("~", "~0").replace("/", "~1")
        return spans.replace(holder.start, holder.end, new), f"{_parent(edit.path)}/{escaped}"
    if edit.op == "add":
        if node.kind != "mapping" or not node.editable or edit.key in node.items:
            return None
        entry = f"{scalar_text(edit.key, flow=node.flow)}: {scalar_text(edit.value, flow=node.flow)}"
        if not node.items:
            if not node.flow:
                return None
            return spans.edit(node.start + 1, node.start + 1, entry), None
        first_key = next(iter(node.items.values()))[0]
        if node.flow:
            return spans.edit(first_key.start, first_key.start, entry + ", "), None
        indent = " " * first_key.column
        if spans.text[first_key.start - first_key.column:first_key.start].strip(" -") and first_key.column:
            return None  # something other than indentation and "- " before the first key: leave it
        return spans.edit(first_key.start, first_key.start, entry + spans.eol(first_key.start) + indent), None
    return None


def resolve(spans: Spans, fix: Fix) -> Resolved | None:
    """The fix as text edits on ``spans``' text, or None when some part of it cannot be placed safely."""
    edits, revealed = [], []
    for edit in fix.edits:
        placed = _text_edit(spans, edit)
        if placed is None:
            return None
        edits.append(placed[0])
        if placed[1]:
            revealed.append(placed[1])
    edits.sort(key=lambda e: (e.start, e.end))
    if any(a.end > b.start for a, b in zip(edits, edits[1:])) or all(e.new == e.old for e in edits):
        return None
    return Resolved(fix.safe, tuple(edits), tuple(revealed))


def apply(text: str, edits) -> str:
    """``text`` with non-overlapping text edits applied."""
    out, at = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[at:edit.start])
        out.append(edit.new)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def attach(findings: list, text: str) -> list:
    """``findings`` with each proposed :class:`Fix` resolved onto ``text``; one that cannot be placed is dropped."""
    import dataclasses

    spans = None
    out = []
    for finding in findings:
        if isinstance(finding.fix, Fix):
            if spans is None:
                spans = Spans(text)
            resolved = resolve(spans, finding.fix)
            finding = dataclasses.replace(finding, fix=resolved, fixable=resolved is not None and resolved.safe)
        out.append(finding)
    return out


# -- applying them ------------------------------------------------------------------


@dataclass
class Outcome:
    """What :func:`repair` did to one file."""

    file: str
    original: bytes
    fixed: bytes
    applied: list = field(default_factory=list)  # findings whose fix was applied
    refused: list = field(default_factory=list)  # (finding, [new findings it would add])
    left: list = field(default_factory=list)  # findings with a fix that was not chosen (unsafe, not selected)
    fatal: object = None  # the SM001/SM006 finding when the file was left alone
    lang: str = "en"  # the file's message language
    spans: list = field(default_factory=list)  # (start, end) of every change, in the original text

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


STRUCTURAL = "SM0"


def _counts(findings) -> dict:
    out: dict = {}
    for f in findings:
        if f.rule.startswith(STRUCTURAL):
            out[(f.rule, f.path)] = out.get((f.rule, f.path), 0) + 1
    return out


def damage(before, after, applied) -> list:
    """Structural findings ``after`` has that ``before`` had not, outside what a renamed key made readable.

    Findings of the other families are not damage: a value a fix makes
    readable is then judged by the rules, and what they say is what the
    fix revealed, not harm it did.
    """
    had = _counts(before)
    revealed = tuple(p for f in applied for p in f.fix.revealed)
    new = []
    for f in after:
        if not f.rule.startswith(STRUCTURAL):
            continue
        if any(f.path == p or f.path.startswith(p + "/") for p in revealed):
            continue
        key = (f.rule, f.path)
        if had.get(key, 0) > 0:
            had[key] -= 1
        else:
            new.append(f)
    return new


def _related(a: str, b: str) -> bool:
    """Pointers to the same item or field, one inside the other, or in the same mapping."""
    same_mapping = _parent(a) == _parent(b) and not a.rsplit("/", 1)[-1].isdigit()
    return a == b or a.startswith(b + "/") or b.startswith(a + "/") or same_mapping


def _decode(data: bytes) -> tuple[str, str]:
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    return bom, data[len(bom.encode()):].decode("utf-8")


def _identity(f) -> tuple:
    return (f.rule, f.path, tuple((e.old, e.new) for e in f.fix.edits))


def _offset(text: str, line: int, column: int) -> int:
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
    return at + column - 1


def _back(offset: int, edits, end: bool = False) -> int:
    """Where a character of the text after ``edits`` stood before them (inside a change: its start, or its end)."""
    delta = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if offset < edit.start + delta:
            break
        if offset < edit.start + delta + len(edit.new):
            return edit.end if end else edit.start
        delta += len(edit.new) - (edit.end - edit.start)
    return offset - delta


class _History:
    """The rounds applied so far, to report each fix where it stood in the file as it was."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.rounds: list[list[TextEdit]] = []
        self.spans: list[tuple[int, int]] = []  # what each applied edit replaced, in the original text

    def add(self, edits) -> None:
        for edit in edits:
            start, end = edit.start, edit.end
            for earlier in reversed(self.rounds):
                start, end = _back(start, earlier), _back(end, earlier, end=True)
            self.spans.append((start, max(start, end)))
        self.rounds.append(list(edits))

    def where(self, text: str, finding):
        offset = _offset(text, finding.line, finding.column)
        for edits in reversed(self.rounds):
            offset = _back(offset, edits)
        line = self.original.count("\n", 0, offset) + 1
        import dataclasses

        return dataclasses.replace(finding, line=line, column=offset - (self.original.rfind("\n", 0, offset) + 1) + 1)


def repair(lint, file: str, data: bytes, *, choose, unsafe: bool = False) -> Outcome:
    """Apply the chosen fixes to one file's bytes.

    ``lint(bytes)`` returns an engine FileResult; ``choose(finding)`` says
    whether the user wants this finding's rule fixed. A file that does not
    parse, or whose version smlint does not read, is left alone.
    """
    from .load.loader import FATAL

    outcome = Outcome(file, data, data)
    passes = [0]
    linter = lint

    def lint(content: bytes):
        passes[0] += 1
        return linter(content)

    result = lint(data)
    outcome.lang = result.lang
    fatal = [f for f in result.findings if f.rule in FATAL]
    if fatal:
        outcome.fatal = fatal[0]
        return outcome
    bom, text = _decode(data)
    history = _History(text)
    rejected: set = set()

    def attempt(group) -> list:
        """Apply ``group`` together and keep it when it does no harm; the harm it would do, else []."""
        nonlocal text, result
        new_text = apply(text, [e for f in group for e in f.fix.edits])
        after = lint((bom + new_text).encode("utf-8"))
        harm = damage(result.findings, after.findings, group)
        if not harm:
            outcome.applied.extend(history.where(text, f) for f in group)
            history.add([e for f in group for e in f.fix.edits])
            text, result = new_text, after
        return harm

    for _ in range(MAX_ROUNDS):
        wanted = [f for f in result.findings if f.fix is not None and choose(f) and _identity(f) not in rejected]
        # an edit applies only where the text is what the linter saw (it always is; never guess if not)
        candidates = [f for f in wanted if (f.fix.safe or unsafe) and all(text[e.start:e.end] == e.old
                                                                          for e in f.fix.edits)]
        if not candidates or passes[0] >= MAX_LINTS:
            outcome.left = wanted
            break
        batch, last = [], -1
        for f in sorted(candidates, key=lambda f: f.fix.edits[0].start):
            if f.fix.edits[0].start >= last:  # non-overlapping this round; the rest come back in the next
                batch.append(f)
                last = f.fix.edits[-1].end
        harm = attempt(batch)
        if not harm:
            continue
        suspects = [f for f in batch if any(_related(f.path, h.path) for h in harm)]
        rest = [f for f in batch if f not in suspects]
        if suspects and rest and not attempt(rest):  # the fixes near the harm wait; the others go in together
            continue
        for f in suspects + rest:  # one at a time: keep the first that does no harm, then look again
            if passes[0] >= MAX_LINTS:
                break
            harm = attempt([f])
            if not harm:
                break
            rejected.add(_identity(f))
            outcome.refused.append((history.where(text, f), harm))
    outcome.applied.sort(key=lambda f: (f.line, f.column, f.rule))
    outcome.spans = sorted(history.spans)
    outcome.fixed = (bom + text).encode("utf-8") if outcome.applied else data
    return outcome
