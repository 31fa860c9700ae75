"""Inline suppressions in a strategy file (SPEC section 3).

``# smlint: disable=SM205`` at the end of a line suppresses findings reported
on that line; ``# smlint: disable-next-line=SM205`` those on the next line
that holds YAML (blank and comment-only lines are skipped); and
``# smlint: disable-file=SM3`` those anywhere in the file. Codes or prefixes,
separated by commas; no codes means every code. Directives are read in any
case (``# SMLINT: DISABLE=sm205``). A suppression that suppresses nothing is
reported as SM008.

Comments are found in the text: a ``#`` at the start of a line or after
whitespace, outside quotes on that line, and not inside a block scalar or a
quoted scalar that spans lines (their text is text, never a comment; the
loader gives their extent). Lines are counted as YAML 1.2 and editors count
them (:func:`smlint.load.loader.lines`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import field

from .classcache import dataclass
from .load.loader import lines as split_lines
from .shown import printable
from .patterncache import compile as compile_kept

_DIRECTIVE = compile_kept(r"smlint\s*:\s*(disable-next-line|disable-file|disable)\b\s*(?:=\s*)?(.*)$", re.IGNORECASE)
# reason="..." and until=YYYY-MM-DD, anywhere after the codes. A value is quoted with "..." (\" inside), '...'
# ('' inside), the curly quotes a word processor or phone types (“...”, „...”, ‘...’), or is one word. A quote
# left open ends where the next option starts, so an unclosed reason never swallows the until after it.
_OPTION = compile_kept(r"""\b(reason|until)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|[“„]([^“”]*)”|‘([^‘’]*)’"""
                     r"""|["'“„‘]((?:(?!\s(?:reason|until)\s*=).)*)|(\S*))""", re.IGNORECASE)
_UNESCAPE = {2: lambda v: re.sub(r"\\(.)", r"\1", v), 3: lambda v: v.replace("''", "'")}
MAX_REASON = 300  # characters of a reason shown in a message
_CODE = compile_kept(r"^[A-Z][A-Z0-9]{0,9}$")  # smlint's codes and prefixes, and rule packs' (ORG001)
_MENTION = compile_kept("[sS][mM][lL][iI][nN][tT]")


@dataclass
class Directive:
    kind: str  # disable | disable-next-line | disable-file
    line: int  # where the comment is
    column: int
    target: int | None  # the line it applies to; None for the whole file
    codes: tuple[str, ...]  # () = every code
    invalid: tuple[str, ...] = ()  # tokens that are not codes
    used: set = field(default_factory=set)  # the codes (or "*") that suppressed something
    reason: str | None = None  # reason="..."
    until: dt.date | None = None  # until=YYYY-MM-DD: the last day it works
    bad_until: str | None = None  # an until= that is not a date (the directive is then not used)

    def covers(self, code: str) -> str | None:
        """The token of this directive that covers ``code``, if any."""
        if not self.codes:
            return "*"
        return next((token for token in self.codes if code.startswith(token)), None)


def _comment_start(line: str) -> int | None:
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "'\"" and (index == 0 or not line[index - 1].isalnum()):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return None


def mentioned(text: str) -> bool:
    """Whether ``text`` may hold a directive (in any case): the cheap test before :func:`parse`.

    Every text _MENTION finds holds "smlint" once lowered (lowering may find more: parse() decides), and
    lowering a whole file and looking once is some ten times quicker than the pattern's scan.
    """
    return "smlint" in text or "smlint" in text.lower()


def parse(text: str, text_spans=()) -> list[Directive]:
    """The directives in ``text``.

    ``text_spans``: ((line, column), (line, column)) of the scalars that span lines, in document order, from
    the loader: a ``#`` strictly between the two is part of a value.
    """
    lines = split_lines(text)
    starts = [start for start, _ in text_spans]
    directives = []
    pending: list[Directive] = []  # disable-next-line directives waiting for a line that holds YAML
    for number, line in enumerate(lines, 1):
        if pending:
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                for directive in pending:
                    directive.target = number
                pending = []
        if not _MENTION.search(line):
            continue
        start = _comment_start(line)
        if start is None:
            continue
        at = bisect_right(starts, (number, start + 1)) - 1
        if at >= 0 and (number, start + 1) < text_spans[at][1]:
            continue  # inside a block scalar or a quoted scalar: text, not a comment
        match = _DIRECTIVE.search(line[start + 1:].strip())
        if not match:
            continue
        rest, reason, until, bad_until = _options(match[2] or "")
        tokens = [t.strip().upper() for t in re.split(r"[,\s]+", rest) if t.strip()]
        codes = tuple(t for t in tokens if _CODE.match(t))
        invalid = tuple(t for t in tokens if not _CODE.match(t))
        kind = match[1].lower()
        if invalid and not codes:
            codes = ("\0",)  # only bad tokens: suppresses nothing, reported as such
        directive = Directive(kind, number, start + 1, None if kind == "disable-file" else number, codes, invalid,
                              reason=reason, until=until, bad_until=bad_until)
        if kind == "disable-next-line":
            directive.target = number + 1  # unless a line holding YAML follows
            pending.append(directive)
        directives.append(directive)
    return directives


def _options(tail: str) -> tuple[str, str | None, dt.date | None, str | None]:
    """The codes part of a directive, and its reason and end date."""
    reason = until = bad_until = None
    for match in _OPTION.finditer(tail):
        group = next(number for number in range(2, 8) if match[number] is not None)
        value = _UNESCAPE.get(group, str)(match[group]).strip()
        if match[1].lower() == "reason":
            reason = printable(value, MAX_REASON) or None
        else:
            try:
                until = dt.date.fromisoformat(value) if len(value) == 10 and value.isascii() else None
            except ValueError:
                until = None
            if until is None:
                bad_until = printable(value, 40) or '""'  # said by SM009, never silently no end at all
    return _OPTION.sub(" ", tail), reason, until, bad_until


class Suppressions:
    def __init__(self, directives: list[Directive], today: dt.date | None = None) -> None:
        self.directives = directives
        # an expired suppression (its `until` before today) or one with a bad `until` hides nothing
        self.expired = [d for d in directives if d.bad_until or (d.until is not None and today is not None
                                                                 and d.until < today)]
        self._expired_ids = {id(d) for d in self.expired}  # by identity: equal-looking directives on one line differ
        # per line (None: the whole file), per token, the first working directive with it: a finding is looked
        # up in a few steps however many directives there are
        self._index: dict[int | None, dict[str, tuple[int, Directive]]] = {}
        for order, directive in enumerate(directives):
            if id(directive) not in self._expired_ids:
                tokens = self._index.setdefault(directive.target, {})
                for token in directive.codes or ("*",):
                    tokens.setdefault(token, (order, directive))

    def __bool__(self) -> bool:
        return bool(self.directives)

    def suppresses(self, code: str, line: int, mark: bool = True) -> bool:
        """Whether a directive for this line, else one for the whole file, covers ``code``; the first one counts."""
        prefixes = ["*", *(code[:end] for end in range(1, len(code) + 1))]
        for target in (line, None):
            tokens = self._index.get(target)
            if not tokens:
                continue
            found = [tokens[prefix] for prefix in prefixes if prefix in tokens]
            if found:
                _, directive = min(found, key=lambda pair: pair[0])
                if mark:
                    directive.used.add(directive.covers(code))
                return True
        return False

    def unused(self, enabled) -> list[tuple[Directive, str]]:
        """(directive, token) for each code or prefix that suppressed nothing, among codes that ran."""
        out = []
        for directive in self.directives:
            if id(directive) in self._expired_ids:  # SM009 says what is wrong with it
                continue
            for token in directive.invalid:
                out.append((directive, token))
            for token in directive.codes or ("*",):
                if token == "\0" or token in directive.used:
                    continue
                if token == "*" or enabled(token):
                    out.append((directive, token))
        return out


def read(loaded, today: dt.date | None = None) -> Suppressions:
    """The suppressions of a loaded file (:class:`smlint.load.loader.Loaded`)."""
    if not mentioned(loaded.text):
        return NONE
    return Suppressions(parse(loaded.text, loaded.text_spans), today)


NONE = Suppressions([])
