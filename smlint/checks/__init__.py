"""The rules: one module per rule, named after its code (``sm004_unknown_reference``).

Each module exports ``CODE`` and ``check(ctx)``, which yields
:class:`smlint.context.Report` objects. The module's docstring is for
developers; what users read (docs and messages, English and Dutch) is in
``rules/catalog/``. Rules know nothing of the command line or the output.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache


# Codes the loading pipeline (loader.py, validate.py, engine.py) reports itself.
PIPELINE = ("SM001", "SM002", "SM003", "SM006", "SM007", "SM008", "SM009", "SM010")


def implemented() -> list[str]:
    """Every code smlint can report, sorted."""
    return sorted(set(PIPELINE) | set(modules()))


@lru_cache(maxsize=None)
def modules() -> dict[str, str]:
    """Module name by rule code, for every rule with a check module."""
    table = {}
    for name in _module_names():
        head = name.split("_", 1)[0]
        if head.startswith("sm") and head[2:].isdigit():
            table[head.upper()] = f"{__name__}.{name}"
    return dict(sorted(table.items()))


def _module_names() -> list[str]:
    """The modules in this package, from a look at its folder (pkgutil, which imports typing, when it is not one)."""
    try:
        return [name[:-3] for folder in __path__ for name in os.listdir(folder)
                if name.endswith(".py") and name != "__init__.py"]
    except OSError:  # a zip file, say
        import pkgutil

        return [info.name for info in pkgutil.iter_modules(__path__)]


@lru_cache(maxsize=None)
def load(code: str):
    """The module of a rule (imported once; each file asks for every rule's)."""
    return importlib.import_module(modules()[code])
