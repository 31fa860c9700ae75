"""``smlint maturity --format json``: SPEC section 4's object, or an array of them."""

from __future__ import annotations

import json

from .files import text

KEYS = ("file", "stage", "name", "declared_stage", "met", "missing", "next_steps")


def render(views: list[dict], lang: str, single: bool) -> str:
    shaped = []
    for view in views:
        item = {key: view.get(key) for key in KEYS}
        item["file"] = text(item["file"])
        if view.get("error"):  # SM001 or SM006: no stage (SPEC section 7)
            item.update(stage=None, name=None, met=[], missing=[], next_steps=[], error=view["error_finding"])
        shaped.append(item)
    document = shaped[0] if single and len(shaped) == 1 else shaped
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
