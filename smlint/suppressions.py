"""Inline suppressions in a strategy file (SPEC section 3).

``# smlint: disable=SM205`` at the end of a line suppresses findings reported
on that line; ``# smlint: disable-next-line=SM205`` those on the next line
that holds YAML (blank and comment-only lines are skipped); and
``# smlint: disable-file=SM3`` those anywhere in the file. Codes or prefixes,
separated by commas; no codes means every code. A suppression that
suppresses nothing is reported as SM008.

Comments are found in the text: a ``#`` at the start of a line or after
whitespace, outside quotes on that line. (A ``#`` line inside a block scalar
looks the same, and is read as a comment too.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .shown import printable

_DIRECTIVE = re.compile(r"smlint\s*:\s*(disable-next-line|disable-file|disable)\b\s*(?:=\s*)?(.*)$", re.IGNORECASE)
# reason="..." and until=YYYY-MM-DD, anywhere after the codes. A value is quoted with "..." (\" inside), '...'
# ('' inside), the curly quotes a word processor or phone types (“...”, „...”, ‘...’), or is one word. A quote
# left open ends where the next option starts, so an unclosed reason never swallows the until after it.
_OPTION = re.compile(r"""\b(reason|until)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|[“„]([^“”]*)”|‘([^‘’]*)’"""
                     r"""|["'“„‘]((?:(?!\s(?:reason|until)\s*=).)*)|(\S*))""", re.IGNORECASE)
_UNESCAPE = {2: lambda v: re.sub(r"\\(.)", r"\1", v), 3: lambda v: v.replace("''", "'")}
MAX_REASON = 300  # characters of a reason shown in a message
_CODE = re.compile(r"^[A-Z][A-Z0-9]{0,9}$")  # smlint's codes and prefixes, and rule packs' (ORG001)


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


def parse(text: str) -> list[Directive]:
    lines = text.splitlines()
    directives = []
    for number, line in enumerate(lines, 1):
        if "smlint" not in line:
            continue
        start = _comment_start(line)
        if start is None:
            continue
        match = _DIRECTIVE.search(line[start + 1:].strip())
        if not match:
            continue
        rest, reason, until, bad_until = _options(match[2] or "")
        tokens = [t.strip().upper() for t in re.split(r"[,\s]+", rest) if t.strip()]
        codes = tuple(t for t in tokens if _CODE.match(t))
        invalid = tuple(t for t in tokens if not _CODE.match(t))
        kind = match[1].lower()
        if kind == "disable-file":
            target = None
        elif kind == "disable-next-line":
            target = next((n for n in range(number + 1, len(lines) + 1)
                           if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), number + 1)
        else:
            target = number
        if invalid and not codes:
            codes = ("\0",)  # only bad tokens: suppresses nothing, reported as such
        directives.append(Directive(kind, number, start + 1, target, codes, invalid, reason=reason, until=until,
                                    bad_until=bad_until))
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
        working = [d for d in directives if id(d) not in self._expired_ids]
        self._by_line: dict[int, list[Directive]] = {}
        self._file = [d for d in working if d.target is None]
        for directive in working:
            if directive.target is not None:
                self._by_line.setdefault(directive.target, []).append(directive)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def suppresses(self, code: str, line: int, mark: bool = True) -> bool:
        for directive in self._by_line.get(line, []) + self._file:
            token = directive.covers(code)
            if token is not None:
                if mark:
                    directive.used.add(token)
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


NONE = Suppressions([])
