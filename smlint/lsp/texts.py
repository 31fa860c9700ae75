"""The server's own texts (``rules/server.yaml``): action titles, hover headings, notices."""

from __future__ import annotations

from ..data import read_yaml


def text(key: str, lang: str) -> str:
    """One text in ``lang`` (English when the language lacks it)."""
    texts = read_yaml("server.yaml")
    return texts.get(lang, texts["en"]).get(key) or texts["en"][key]
