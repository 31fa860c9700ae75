"""SPEC section 4's JSON object: version, findings, summary."""

from __future__ import annotations

import json


def render(run) -> str:
    document = {"version": 1, "findings": [f.as_dict() for f in run.findings], "summary": run.summary}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
