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


@lru_cache(maxsize=None)
def rule_locations() -> dict[str, tuple[str, int]]:
    """For each rule code, its catalogue file (as a file URI) and the 0-based line its entry starts on."""
    out = {}
    for path in sorted((data_dir("rules") / "catalog").glob("*.yaml")):
        uri = Path(path).resolve().as_uri()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            match = re.match(r"(SM\d{3}):", line)
            if match:
                out[match[1]] = (uri, number)
    return out


def finding_range(linted: Linted, finding) -> types.Range:
    index = linted.index
    start = index.offset(finding.line, finding.column)
    number = index.lsp_position(start)[0]
    line_start, line_end = index.lsp_starts[number], index.lsp_ends[number]
    end = line_start + token_end(index.text[line_start:line_end], start - line_start)
    (l1, c1), (l2, c2) = index.lsp_position(start), index.lsp_position(end)
    return types.Range(types.Position(l1, c1), types.Position(l2, c2))


def related(code: str, lang: str) -> list[types.DiagnosticRelatedInformation] | None:
    location = rule_locations().get(code)
    entry = catalogue().get(code)
    if location is None or entry is None:
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
        related_information=related(finding.rule, linted.lang),
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
