"""SM004: a reference names an id that does not exist.

Fails::

    channels:
      - platform: instagram
        audiences: [young-famlies]   # no audience has this id

Passes when every referenced id exists. References into a section that has
no items at all are left to the completeness rules (SM101-SM106).

Fix: a platform alias where the channel's id is the platform (``fb`` ->
``facebook``) is safe; another close id (``young-famlies`` ->
``young-families``) is unsafe: the reference may name an item not written yet.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from ..load.validate import describe

CODE = "SM004"

# (where the items are, the field, the section it refers to, a list or a single id)
REFERENCES = (
    ("objectives", "channels", "channels", True),
    ("objectives", "audiences", "audiences", True),
    ("objectives", "owner", "team", False),
    ("channels", "audiences", "audiences", True),
    ("channels", "objectives", "objectives", True),
    ("pillars", "audiences", "audiences", True),
    ("pillars", "channels", "channels", True),
    ("cadence", "channel", "channels", False),
    ("team", "channels", "channels", True),
    ("tasks", "owner", "team", False),
    ("calendar", "channel", "channels", False),
    ("calendar", "pillar", "pillars", False),
    ("calendar", "owner", "team", False),
)

KIND = {"channels": "channel", "audiences": "audience", "team": "team", "objectives": "objective", "pillars": "pillar"}


def _items(ctx, section: str):
    if section == "pillars":
        return ctx.pillars
    if section == "cadence":
        return ctx.cadence
    return getattr(ctx.doc, section)


def check(ctx):
    accepted = {}  # per target section: its ids, and those written but invalid (made once, not per reference kind)
    for section, field, target, many in REFERENCES:
        known = ctx.ids(target)
        if not known:
            continue
        if target not in accepted:
            accepted[target] = known.keys() | ctx.written_ids(target)
        ok = accepted[target]
        items = _items(ctx, section)
        if _all_known(ok, items, field, many):
            continue
        for item in items:
            value = getattr(item, field)
            if not value:
                continue
            if not many:
                if value not in ok:
                    yield _report(ctx, target, value, f"{ctx.path(item)}/{field}", known)
                continue
            for index, ref in enumerate(value):
                if ref not in ok:
                    yield _report(ctx, target, ref, f"{ctx.path(item)}/{field}/{index}", known)


def _all_known(ok, items, field: str, many: bool) -> bool:
    """Whether every reference of the items is an accepted id (the common case), looked at without a loop in Python."""
    written = filter(None, map(attrgetter(field), items))
    try:
        return ok.issuperset(chain.from_iterable(written) if many else written)
    except TypeError:  # a reference that is no text: looked at one by one
        return False


def _report(ctx, target: str, ref, path: str, known: dict):
    from difflib import get_close_matches  # a reference to nothing: seldom

    close = get_close_matches(ref, list(known), n=1, cutoff=0.75)
    if target == "channels" and ctx.channel_data.canonical(ref) in known:
        close = [ctx.channel_data.canonical(ref)]  # `fb` where the channel's id is `facebook`
    kind = ctx.word(CODE, f"kind_{KIND[target]}")
    if close:
        return ctx.report(CODE, path, "unknown_hint", ref=ref, kind=kind, hint=close[0], where=describe(path, ctx.root))
    return ctx.report(CODE, path, "unknown", ref=ref, kind=kind, where=describe(path, ctx.root))


def fix(ctx, report):
    from .. import fixes

    hint = report.args.get("hint")
    if report.key != "unknown_hint" or not hint:
        return None
    return fixes.set_value(report.path, hint, safe=ctx.channel_data.canonical(report.args["ref"]) == hint)
