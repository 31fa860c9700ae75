"""Generate the JSON Schema from the pydantic models.

``python -m smlint.schema --write`` rewrites ``schemas/strategy.schema.json``;
a test fails when the committed file differs from what this generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SCHEMA_ID = "https://smlint.dev/schemas/strategy.schema.json"


def generate() -> dict:
    from .model import Strategy

    schema = Strategy.model_json_schema(mode="validation")
    ordered = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
    return ordered


def text() -> str:
    return json.dumps(generate(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "schemas" / "strategy.schema.json"
    if "--write" in sys.argv:
        target.write_text(text(), encoding="utf-8")
        print(f"wrote {target}")
    else:
        sys.stdout.write(text())
