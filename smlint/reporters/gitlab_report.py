"""GitLab Code Quality: a JSON array of issues for the merge-request widget.

Each issue has ``description``, ``check_name``, ``fingerprint``, ``severity``
(info, minor, major) and ``location`` (the path from the repository root,
and the line). The fingerprint comes from the rule, that path and the JSON
Pointer (see ``files``), not from the message or the line, so an issue keeps
its identity in another language and when lines above it move.
"""

from __future__ import annotations

import os

from . import files
from .jsonstream import stream

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _issues(findings, locations: files.Locations):
    fingerprint = files.Fingerprints()
    for f in findings:
        base, path = locations.locate(f.file)
        if base is None and os.path.isabs(path):  # under no root: GitLab still wants a relative path
            path = os.path.relpath(path).replace(os.sep, "/")
        yield {
            "description": f"{f.rule}: {f.message}",
            "check_name": f.rule,
            "fingerprint": fingerprint(f.rule, path, f.stable_path or f.path),
            "severity": SEVERITY[f.severity],
            "location": {"path": files.text(path), "lines": {"begin": f.line}},
        }


def write(run, results, out) -> None:
    stream(out, lambda issues: issues, _issues(run.findings(results), files.Locations(run.config_base)))
