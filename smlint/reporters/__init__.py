"""Reporters turn findings into text. They know nothing of rules.

Each reporter module has ``render(results, summary, lang) -> str``; the
modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib

FORMATS = ("text", "json")


def render(fmt: str, results, summary: dict, lang: str) -> str:
    module = importlib.import_module(f"{__name__}.{fmt}_report")
    return module.render(results, summary, lang)
