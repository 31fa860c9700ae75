"""Find and read the rule data shipped with smlint (``rules/``, ``schemas/``).

Installed, the data lives in ``smlint/_data``; in a source checkout it is the
top-level ``rules/`` and ``schemas/`` folders.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    installed = _HERE / "_data" / name
    if installed.is_dir():
        return installed
    return _HERE.parent / name


@lru_cache(maxsize=None)
def read_yaml(relative: str):
    """Read one of smlint's own (trusted) data files, e.g. ``channels.yaml``."""
    with open(data_dir("rules") / relative, "rb") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def catalogue() -> dict:
    """Every rule's entry (name, category, severity, docs, messages), by code."""
    entries: dict = {}
    for path in sorted((data_dir("rules") / "catalog").glob("*.yaml")):
        entries.update(read_yaml(f"catalog/{path.name}"))
    return dict(sorted(entries.items()))
