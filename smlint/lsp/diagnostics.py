"""Findings as the protocol's diagnostics: the same code, severity and message as ``smlint check``.

A diagnostic starts where the finding points (smlint's line and column, made
0-based and counted in the agreed encoding) and covers the word there: the
key, the id, the value. Its related information points at the rule's entry
in smlint's rule catalogue (a file on this machine, no web link), with the
rule's one-line summary in the message language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lsprotocol import types

from ..data import catalogue, data_dir
from .positions import UTF16
from .session import Linted, Session

SOURCE = "smlint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
UNNECESSARY = [types.DiagnosticTag.Unnecessary]  # an unused suppression: editors fade it out
_TOKEN_END = re.compile(r"""(?:"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?|(?:[^\s:,\[\]{}#]|:(?=[^\s,\[\]{}]))+)""")


def token_end(line: str, start: int) -> int:
    """Where the word that starts at ``start`` (a code-point index) ends: a key, a quoted or plain scalar."""
    if start >= len(line):
        return start
    if line[start] in "-[{":  # a sequence item or flow collection: the indicator itself
        return start + 1
    match = _TOKEN_END.match(line, start)
    return match.end() if match and match.end() > start else start + 1


@lru_cache(maxsize=64)
def _code_lines(file: str) -> dict[str, int]:
    """The 0-based line on which each rule code is first written in a catalogue or rule pack file."""
    out: dict[str, int] = {}
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return out
    for number, line in enumerate(lines):
        match = re.match(r"\s*(?:-\s*)?(?:code:\s*)?['\"]?([A-Z][A-Z0-9]*\d)['\"]?:?\s*$", line)
        if match:
            out.setdefault(match[1], number)
    return out


def rule_location(code: str, entry: dict | None = None) -> tuple[str, int] | None:
    """Where a rule is documented: its catalogue entry, or its rule pack, as (file URI, 0-based line)."""
    files = [entry["pack"]] if entry and entry.get("pack") else sorted((data_dir("rules") / "catalog").glob("*.yaml"))
    for file in files:
        line = _code_lines(str(file)).get(code)
        if line is not None:
            return Path(file).resolve().as_uri(), line
    return None


def finding_range(linted: Linted, finding) -> types.Range:
    index = linted.index
    start = index.offset(finding.line, finding.column)
    number = index.lsp_position(start)[0]
    line_start, line_end = index.lsp_starts[number], index.lsp_ends[number]
    end = line_start + token_end(index.text[line_start:line_end], start - line_start)
    (l1, c1), (l2, c2) = index.lsp_position(start), index.lsp_position(end)
    return types.Range(types.Position(l1, c1), types.Position(l2, c2))


def related(code: str, lang: str, entries: dict | None = None) -> list[types.DiagnosticRelatedInformation] | None:
    entry = (entries or catalogue()).get(code)
    location = rule_location(code, entry) if entry else None
    if location is None:
        return None
    uri, line = location
    doc = entry["doc"].get(lang) or entry["doc"]["en"]
    where = types.Location(uri, types.Range(types.Position(line, 0), types.Position(line, len(code) + 1)))
    return [types.DiagnosticRelatedInformation(where, f"{code} {entry['name']}: {doc['summary']}")]


def diagnostic(linted: Linted, finding) -> types.Diagnostic:
    return types.Diagnostic(
        range=finding_range(linted, finding),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        source=SOURCE,
        related_information=related(finding.rule, linted.lang, linted.configured.entries if linted.configured else None),
        tags=UNNECESSARY if finding.rule == "SM008" else None,
        data={"path": finding.path, "fixable": finding.fixable, "line": finding.line, "column": finding.column},
    )


def diagnostics(linted: Linted) -> list[types.Diagnostic]:
    return [diagnostic(linted, finding) for finding in linted.findings]


def lint_document(session: Session, uri: str, path: str | None, text: str, encoding: str = UTF16,
                  version: int | None = None) -> tuple[Linted, list[types.Diagnostic]]:
    """The server's lint path: the document linted with its configuration, and the diagnostics to publish."""
    linted = session.lint(uri, path, text, encoding, version)
    return linted, diagnostics(linted)
