"""GitLab Code Quality: a JSON array of issues for the merge-request widget.

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity``
(info, minor, major) and ``location`` (path and line). The fingerprint is
built from the file, rule, JSON Pointer and message, not the line, so an
issue keeps its identity when lines above it move.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from .jsonstream import stream

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _issues(findings):
    seen: dict[str, int] = {}
    for f in findings:
        path = PurePath(f.file).as_posix().removeprefix("./")
        key = "\0".join((path, f.rule, f.path, f.message))
        seen[key] = seen.get(key, 0) + 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8")).hexdigest()[:32]
        yield {
            "description": f"{f.rule}: {f.message}",
            "check_name": f.rule,
            "fingerprint": fingerprint,
            "severity": SEVERITY[f.severity],
            "location": {"path": path, "lines": {"begin": f.line}},
        }


def write(run, results, out) -> None:
    stream(out, lambda issues: issues, _issues(run.findings(results)))
