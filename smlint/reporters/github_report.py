"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding.

GitHub shows them as annotations on the pull request's files. A file name
with control characters or bytes that are not UTF-8 is shown escaped.
"""

from __future__ import annotations

from .files import shown

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write(run, results, out) -> None:
    for f in run.findings(results):
        out.write(f"::{LEVEL[f.severity]} file={_property(shown(f.file))},line={f.line},col={f.column},"
                  f"title={_property(f'{f.rule} {f.severity}')}::{_data(f.message)}\n")
