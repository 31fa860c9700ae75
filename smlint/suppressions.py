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

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"smlint\s*:\s*(disable-next-line|disable-file|disable)\b\s*(?:=\s*(.*))?$", re.IGNORECASE)
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
        tokens = [t.strip().upper() for t in re.split(r"[,\s]+", match[2] or "") if t.strip()]
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
        directives.append(Directive(kind, number, start + 1, target, codes, invalid))
    return directives


class Suppressions:
    def __init__(self, directives: list[Directive]) -> None:
        self.directives = directives
        self._by_line: dict[int, list[Directive]] = {}
        self._file = [d for d in directives if d.target is None]
        for directive in directives:
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
            for token in directive.invalid:
                out.append((directive, token))
            for token in directive.codes or ("*",):
                if token == "\0" or token in directive.used:
                    continue
                if token == "*" or enabled(token):
                    out.append((directive, token))
        return out


NONE = Suppressions([])
