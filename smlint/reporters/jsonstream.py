"""Write a JSON document whose one long list is streamed, byte-identical to ``json.dumps(indent=2)``.

Reporters stream findings file by file instead of holding them all: the
document is rendered around a placeholder, the prefix is written, the list
items follow as they come, and the suffix (which may hold totals known only
at the end, such as the summary) is rendered last.
"""

from __future__ import annotations

import json

_PLACEHOLDER = "\x00smlint-stream\x00"
_QUOTED = json.dumps(_PLACEHOLDER, ensure_ascii=False)


def _dumps(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def stream(out, document_for, items) -> None:
    """Write ``document_for(placeholder)`` with the placeholder replaced by the list of ``items``.

    ``document_for`` is called twice: before the items (for the prefix) and
    after them (for the suffix), so the suffix can hold what the items added up to.
    """
    before = _dumps(document_for(_PLACEHOLDER))
    at = before.index(_QUOTED)
    line_start = before.rfind("\n", 0, at) + 1
    indent = len(before[line_start:at]) - len(before[line_start:at].lstrip(" "))
    out.write(before[:at])
    inner = "\n" + " " * (indent + 2)
    first = True
    for item in items:
        out.write(("[" if first else ",") + inner + _dumps(item).replace("\n", inner))
        first = False
    out.write("[]" if first else "\n" + " " * indent + "]")
    after = _dumps(document_for(_PLACEHOLDER))
    out.write(after[after.index(_QUOTED) + len(_QUOTED):] + "\n")
