"""SPEC section 4's JSON object: version, findings, summary."""

from __future__ import annotations

from .files import text
from .jsonstream import stream


def write(run, results, out) -> None:
    stream(out, lambda findings: {"version": 1, "findings": findings, "summary": dict(run.summary)},
           ({**f.as_dict(), "file": text(f.file)} for f in run.findings(results)))
