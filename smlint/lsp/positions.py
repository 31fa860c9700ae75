"""From smlint's positions to the editor's, and back.

smlint counts lines from 1 as libyaml does (a line ends at LF, CR LF, CR, NEL,
LS or PS) and columns from 1 in code points. The Language Server Protocol
counts both from 0; its lines end only at LF, CR LF or CR, and its columns
are UTF-16 code units unless client and server agreed on UTF-8 or UTF-32.
So a position goes through its offset in the text: exact for emoji (two
UTF-16 units), accented letters and unusual line breaks alike.
"""

from __future__ import annotations

import bisect
import re

_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_LSP_BREAK = re.compile("\r\n|[\r\n]")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _lines(text: str, pattern: re.Pattern) -> tuple[list[int], list[int]]:
    """Where each line starts, and where it ends (before its line break)."""
    starts, ends = [0], []
    for match in pattern.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    ends.append(len(text))
    return starts, ends


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in the position encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _chars(text: str, count: int, encoding: str) -> int:
    """How many code points of ``text`` fill ``count`` code units (never splitting a character)."""
    if encoding == UTF32:
        return min(count, len(text))
    used = 0
    for index, char in enumerate(text):
        used += units(char, encoding)
        if used > count:
            return index
    return len(text)


class TextIndex:
    """Line starts of one text, in smlint's and in the protocol's sense."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        # the loader drops a byte order mark before parsing: smlint's columns on line 1 start after it
        self.bom = 1 if text.startswith("\ufeff") else 0
        self.yaml_starts, self.yaml_ends = _lines(text, _YAML_BREAK)
        self.lsp_starts, self.lsp_ends = _lines(text, _LSP_BREAK)

    def offset(self, line: int, column: int) -> int:
        """The offset of smlint's 1-based ``line``:``column`` (clamped to the text)."""
        number = min(max(line, 1), len(self.yaml_starts)) - 1
        start = self.yaml_starts[number] + (self.bom if number == 0 else 0)
        end = self.yaml_ends[number]
        return min(start + max(column, 1) - 1, max(end, start))

    def lsp_position(self, offset: int) -> tuple[int, int]:
        """(line, character) of an offset, 0-based, in the agreed encoding."""
        offset = min(max(offset, 0), len(self.text))
        number = bisect.bisect_right(self.lsp_starts, offset) - 1
        start = self.lsp_starts[number]
        return number, units(self.text[start:offset], self.encoding)

    def to_lsp(self, line: int, column: int) -> tuple[int, int]:
        """smlint's 1-based line and code-point column as the protocol's 0-based line and character."""
        return self.lsp_position(self.offset(line, column))

    def lsp_offset(self, line: int, character: int) -> int:
        """The offset of the protocol's position (clamped to the line, as the protocol asks)."""
        if line < 0:
            return 0
        if line >= len(self.lsp_starts):
            return len(self.text)
        start = self.lsp_starts[line]
        end = self.lsp_ends[line]
        return start + _chars(self.text[start:end], max(character, 0), self.encoding)

    def from_lsp(self, line: int, character: int) -> tuple[int, int]:
        """The protocol's position as smlint's 1-based line and column."""
        offset = self.lsp_offset(line, character)
        number = bisect.bisect_right(self.yaml_starts, offset) - 1
        column = offset - self.yaml_starts[number] + 1 - (self.bom if number == 0 else 0)
        return number + 1, max(column, 1)

    def lsp_line_text(self, line: int) -> str:
        """The protocol's 0-based line ``line`` without its line break."""
        if not 0 <= line < len(self.lsp_starts):
            return ""
        return self.text[self.lsp_starts[line]:self.lsp_ends[line]]

    @property
    def lsp_lines(self) -> int:
        return len(self.lsp_starts)
