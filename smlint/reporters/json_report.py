"""SPEC section 4's JSON object: version, findings, summary."""

from __future__ import annotations

import json


def render(results, summary: dict, lang: str) -> str:
    document = {
        "version": 1,
        "findings": [f.as_dict() for result in results for f in result.findings],
        "summary": summary,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
