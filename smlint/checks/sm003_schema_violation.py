"""SM003: schema violation. Reported by the validator (validate.py); this module holds its fixes.

Safe fixes: a Dutch thousands number in a count (``1.200`` -> ``1200``); a
number written as text (``"85"`` -> ``85``); a
date in another notation with one reading (``31-12-2027``, ``31 december
2027``, ``December 31, 2027`` -> ``2027-12-31``); a choice in another case or
language (``Nonprofit``, ``maand``, ``wekelijks``); a share written as text
(``"40 procent"`` -> ``40``); a missing ``version`` (``version: 1``); a
missing ``id``, derived from the item's name or title.

Unsafe fixes (they may change what the plan means): an id that is not a
slug, renamed together with every reference to it; a date with two readings
(``07/01/2027``), read the way the file's language writes dates.
"""

from __future__ import annotations

import re

from ..load.loader import Mapping, Scalar, Sequence, escape_pointer, find
from ..patterncache import compile as compile_kept

CODE = "SM003"

_SHARE = compile_kept(r"\s*(\d+(?:[.,]\d+)?)\s*(?:%|procent|percent|pct\.?)?\s*\Z", re.IGNORECASE)
# sections whose items have an id, and the key whose text the id is made from
_NAMED = {"audiences": "name", "pillars": "name", "team": "name", "tasks": "title"}


def check(ctx):
    return ()  # the validator reports SM003 while it reads the file


def fix(ctx, report):
    from .. import fixes

    at = report.path + report.args.get("at", "")
    node, _ = find(ctx.root, at)
    value = node.value if isinstance(node, Scalar) else None  # as written (the message shows it quoted)
    key = report.key
    if key == "dutch_thousands":
        return fixes.set_value(report.path, int(report.args["fixed"]))
    if key == "quoted_number":  # "85" -> 85, "1.200" -> 1200
        number = float(report.args["fixed"])
        return fixes.set_value(at, int(number) if number == int(number) else number)
    if key in ("not_date", "not_date_dmy", "not_date_either"):
        return _date(ctx, at, value)
    if key in ("bad_choice", "bad_choice_hint"):
        return _choice(at, value, report.args.get("options", ""))
    if key == "not_percent":
        match = _SHARE.match(str(value))
        if match:
            number = float(match[1].replace(",", "."))
            return fixes.set_value(at, int(number) if number == int(number) else number)
    if key == "missing_key":
        return _missing(ctx, report.path, report.args.get("key"))
    if key == "not_slug":
        return _slug(ctx, at, value, report.args["fixed"])
    return None


def _date(ctx, path: str, value):
    from .. import fixes
    from ..load.convert import date_readings

    readings = date_readings(value)
    if len(readings) == 1:
        return fixes.set_value(path, readings[0][1].isoformat())
    if len(readings) == 2:  # day and month can be swapped: read it the way the file's language writes dates
        organisation = ctx.doc.organisation
        region = (organisation.region or "").lower() if organisation else ""
        order = "mdy" if ctx.lang == "en" and region == "us" else "dmy"
        date = next(d for o, d in readings if o == order)
        return fixes.set_value(path, date.isoformat(), safe=False)
    return None


def _choice(path: str, value, options: str):
    from .. import fixes
    from ..language.synonyms import meant

    allowed = [o for o in options.split(", ") if o]
    if not isinstance(value, str):
        return None
    found = meant("choices", value, allowed)
    if len(found) != 1:
        return None
    choice = found[0]
    return fixes.set_value(path, int(choice) if choice.isdigit() else choice)


def _missing(ctx, path: str, key: str | None):
    from .. import fixes

    if key == "version" and path == "":
        return fixes.add_key("", "version", 1)
    if key != "id":
        return None
    section = path.rstrip("/0123456789").rsplit("/", 1)[-1]
    made = _made_ids(ctx, section, path.rstrip("/0123456789"))
    index = int(path.rsplit("/", 1)[-1]) if path.rsplit("/", 1)[-1].isdigit() else -1
    return fixes.add_key(path, "id", made[index]) if index in made else None


def _made_ids(ctx, section: str, items_path: str) -> dict[int, str]:
    """Ids for the section's items that lack one, made from their name or title, unique among all (once per file)."""
    cache = ctx.cache.setdefault(CODE + ":ids", {})
    if section in cache:
        return cache[section]
    from ..load.validate import slugify

    items, _ = find(ctx.root, items_path)
    taken = set(ctx.written_ids(section))
    made: dict[int, str] = {}
    for index, item in enumerate(items.children if isinstance(items, Sequence) else []):
        source = item.get(_NAMED.get(section, "")) if isinstance(item, Mapping) and "id" not in item.items else None
        if not isinstance(source, Scalar) or not isinstance(source.value, str) or not source.value.strip():
            continue
        base = slugify(source.value)[:40].strip("-_") or "id"
        new, number = base, 2
        while new in taken:
            new, number = f"{base}-{number}", number + 1
        taken.add(new)
        made[index] = new
    cache[section] = made
    return made


def _slug(ctx, path: str, old, new: str):
    """An id that is not a slug: renamed, with every reference written the same way (unsafe)."""
    from .. import fixes

    edits = [fixes.Edit("set", path, new)]
    if path.endswith("/id") and isinstance(old, str):
        from .sm004_unknown_reference import REFERENCES

        section = path[:-3].rstrip("/0123456789").rsplit("/", 1)[-1]
        for holder, field, target, _many in REFERENCES:
            if target != section:
                continue
            content = ctx.root.get("content")
            parent = content if holder in ("pillars", "cadence") else ctx.root
            items = parent.get(holder) if isinstance(parent, Mapping) else None
            if not isinstance(items, Sequence):
                continue
            base = "/content/" + holder if holder in ("pillars", "cadence") else "/" + holder
            for index, item in enumerate(items.children):
                ref = item.get(field) if isinstance(item, Mapping) else None
                refs = ref.children if isinstance(ref, Sequence) else [ref]
                for position, node in enumerate(refs):
                    if isinstance(node, Scalar) and node.value == old:
                        tail = f"/{position}" if isinstance(ref, Sequence) else ""
                        edits.append(fixes.Edit("set", f"{base}/{index}/{escape_pointer(field)}{tail}", new))
    return fixes.Fix(tuple(edits), safe=False)

