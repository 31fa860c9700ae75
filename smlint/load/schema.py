"""Generate the JSON Schemas from the pydantic models.

``python -m smlint.load.schema --write`` rewrites ``schemas/strategy.schema.json``,
``schemas/channel-data.schema.json``, ``schemas/config.schema.json`` and
``schemas/rulepack.schema.json``; a
test fails when a committed file differs from what this generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BASE = "https://smlint.dev/schemas/"
COMPILED = "models.compiled.json"
SCHEMAS = {"strategy": "strategy.schema.json", "channel-data": "channel-data.schema.json",
           "config": "config.schema.json", "rule-pack": "rulepack.schema.json"}


def generate(which: str = "strategy") -> dict:
    if which == "channel-data":
        from .channeldata_model import ChannelDataFile as model
    elif which == "config":
        from .config_model import Config as model
    elif which == "rule-pack":
        from .rulepack_model import RulePack as model
    else:
        from .model import Strategy as model

    schema = model.model_json_schema(mode="validation", by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + SCHEMAS[which],
        **schema,
    }


def compiled_text() -> str:
    """The table the runtime validator reads (records.py), compiled from the same models."""
    from .compile_models import table

    return json.dumps(table(), indent=1, ensure_ascii=False, sort_keys=False, default=str) + "\n"


def text(which: str = "strategy") -> str:
    return json.dumps(generate(which), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    folder = Path(__file__).resolve().parents[2] / "schemas"
    if "--write" in sys.argv:
        for which, name in SCHEMAS.items():
            (folder / name).write_text(text(which), encoding="utf-8")
            print(f"wrote {folder / name}")
        (folder / COMPILED).write_text(compiled_text(), encoding="utf-8")
        print(f"wrote {folder / COMPILED}")
    else:
        sys.stdout.write(text(sys.argv[1] if len(sys.argv) > 1 else "strategy"))
