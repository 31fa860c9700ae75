"""SM007: unknown key. Reported by the validator (validate.py); this module holds its fix.

Safe fix: a key with exactly one key it can mean at that place, in another
spelling, in Dutch or with a typo (``deadlnie`` -> ``deadline``,
``doelgroepen`` -> ``audiences``, ``Name`` -> ``name``), is renamed, unless
the mapping already has that key.
"""

from __future__ import annotations

from ..load.loader import Mapping, find

CODE = "SM007"


def check(ctx):
    return ()  # the validator reports SM007 while it reads the file


def fix(ctx, report):
    from .. import fixes
    from ..language.synonyms import suggestions

    key = report.args.get("key")
    known = [k for k in str(report.args.get("known", "")).split(", ") if k]
    found = suggestions("keys", key, known)
    if len(found) != 1:
        return None
    parent, _ = find(ctx.root, report.path.rsplit("/", 1)[0])
    if not isinstance(parent, Mapping) or found[0] in parent.items:
        return None  # renaming would write the key twice
    return fixes.rename_key(report.path, found[0])
