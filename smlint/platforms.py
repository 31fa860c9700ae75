"""Platform names and aliases from ``rules/platforms.yaml``."""

from __future__ import annotations

import difflib
from functools import lru_cache

from .data import read_yaml


def _norm(name: str) -> str:
    return " ".join(str(name).strip().lower().replace("_", " ").split())


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    table = {}
    for canonical, aliases in read_yaml("platforms.yaml").items():
        table[_norm(canonical)] = canonical
        for alias in aliases or []:
            table[_norm(alias)] = canonical
    return table


def canonical(name: str) -> str | None:
    """The canonical platform for a name or alias, or None when unknown."""
    return _aliases().get(_norm(name))


def default_id(platform: str) -> str:
    known = canonical(platform)
    return known if known else _norm(platform).replace(" ", "-")


def closest(name: str) -> str | None:
    match = difflib.get_close_matches(_norm(name), list(_aliases()), n=1, cutoff=0.7)
    return _aliases()[match[0]] if match else None


def names() -> list[str]:
    return sorted(read_yaml("platforms.yaml"))


_DISPLAY = {"linkedin": "LinkedIn", "tiktok": "TikTok", "youtube": "YouTube", "whatsapp": "WhatsApp", "x": "X"}


def display(name: str) -> str:
    """How a platform is written in a sentence: LinkedIn, TikTok, X."""
    known = canonical(name) or str(name)
    return _DISPLAY.get(known, known[:1].upper() + known[1:])
