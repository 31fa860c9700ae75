"""SM005: two items in one section share an id.

Fails::

    audiences:
      - id: students
      - id: students      # reported here

A channel without ``id`` takes its canonical platform as id, so two
``platform: instagram`` channels collide and the second one is reported.
"""

from __future__ import annotations

from ..load.loader import position
from ..load.validate import describe

CODE = "SM005"


def check(ctx):
    sections = {
        "audiences": ctx.doc.audiences,
        "objectives": ctx.doc.objectives,
        "channels": ctx.doc.channels,
        "pillars": ctx.pillars,
        "team": ctx.doc.team,
        "tasks": ctx.doc.tasks,
    }
    for section, items in sections.items():
        seen: dict[str, object] = {}
        for item in items:
            item_id = ctx.channel_id(item) if section == "channels" else item.id
            if not item_id:
                continue
            if item_id in seen:
                path = ctx.path(item)
                first_line = position(ctx.root, ctx.path(seen[item_id]))[0]
                key = "duplicate_channel" if section == "channels" and not item.id else "duplicate"
                yield ctx.report(CODE, path, key, id=item_id, first=first_line, where=describe(path, ctx.root, count=True))
            else:
                seen[item_id] = item
