"""What the editor shows on hover: a rule's documentation on a finding, a key's description on a key.

Rule documentation comes from the rule catalogue (what, why, a bad and a good
example) in the message language; a key's description from the strategy's
JSON Schema (a key the schema does not describe gets no hover).
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..data import catalogue, data_dir
from ..i18n import common
from ..load.loader import Mapping, Sequence, escape_pointer
from .diagnostics import token_end
from .session import Linted
from .texts import text


def rule_markdown(code: str, lang: str, entries: dict | None = None) -> str | None:
    """A rule's documentation as Markdown: what it checks, why, a bad and a good example (a pack's rules too)."""
    entry = (entries or catalogue()).get(code)
    if entry is None:
        return None
    doc = entry["doc"].get(lang) or entry["doc"]["en"]
    heads = common("explain_heads", lang)
    parts = [
        f"**{code} {entry['name']}** ({entry['category']}, {entry['severity']})",
        "",
        doc["summary"],
    ]
    parts += [line for head, body in ((heads[0], doc.get("what")), (heads[1], doc.get("why"))) if body
              for line in ("", f"**{head}:** {body}")]
    for head, example in ((heads[2], doc.get("bad")), (heads[3], doc.get("good"))):
        if example:
            parts += ["", f"**{head}:**", "```yaml", example.rstrip(), "```"]
    return "\n".join(parts)


@lru_cache(maxsize=None)
def _schema() -> dict:
    return json.loads((data_dir("schemas") / "strategy.schema.json").read_text(encoding="utf-8"))


def _resolve(node: dict) -> dict:
    """Follow a local ``$ref`` (``#/$defs/Name``)."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 16:
        target: object = _schema()
        for token in node["$ref"].lstrip("#/").split("/"):
            target = target.get(token, {}) if isinstance(target, dict) else {}
        node = target if isinstance(target, dict) else {}
        seen += 1
    return node if isinstance(node, dict) else {}


def _branches(node: dict) -> list[dict]:
    """The schema and, for ``anyOf``/``oneOf``/``allOf``, each of its branches, resolved."""
    node = _resolve(node)
    out = [node]
    for key in ("anyOf", "oneOf", "allOf"):
        out += [_resolve(branch) for branch in node.get(key, []) if isinstance(branch, dict)]
    return out


def _child(node: dict, token: str) -> dict | None:
    for branch in _branches(node):
        properties = branch.get("properties")
        if isinstance(properties, dict) and token in properties:
            return properties[token]
        if token.isdigit() and isinstance(branch.get("items"), dict):
            return branch["items"]
    return None


def schema_for(pointer: str) -> dict | None:
    """The schema of the key at a JSON Pointer, or None when the schema does not know it."""
    node: dict | None = _schema()
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.lstrip("/").split("/") if t]:
        node = _child(node, token) if node is not None else None
        if node is None:
            return None
    return node


def _localised(node: dict, name: str, lang: str):
    for key in (f"x-{name}-{lang}", f"x-{lang}-{name}"):
        if isinstance(node.get(key), str):
            return node[key]
    localised = node.get(f"x-{name}s") or node.get(f"x-{name}")
    if isinstance(localised, dict) and isinstance(localised.get(lang), str):
        return localised[lang]
    return node.get(name) if isinstance(node.get(name), str) else None


def key_markdown(pointer: str, lang: str) -> str | None:
    """A key's description from the schema (with its allowed values), or None when it has none."""
    node = schema_for(pointer)
    if node is None:
        return None
    description, values = None, None
    for branch in [node] + _branches(node):
        description = description or _localised(branch, "description", lang)
        if values is None and isinstance(branch.get("enum"), list):
            values = branch["enum"]
    if not description and not values:
        return None
    key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    parts = [f"**{key}**"]
    if description:
        parts += ["", description]
    if values:
        parts += ["", f"{text('allowed', lang)}: " + ", ".join(f"`{v}`" for v in values if v is not None)]
    return "\n".join(parts)


def key_at(linted: Linted, offset: int):
    """(JSON Pointer, start offset, end offset) of the key written at ``offset``, or None."""
    context = linted.result.context if linted.result else None
    if context is None:
        return None
    index = linted.index
    line, _ = index.from_lsp(*index.lsp_position(offset))
    stack: list[tuple[object, str]] = [(context.root, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, Mapping):
            for key, (key_node, value) in node.items.items():
                child = f"{path}/{escape_pointer(key)}"
                if key_node.line == line:
                    start = index.offset(key_node.line, key_node.column)
                    number = index.lsp_position(start)[0]
                    line_start = index.lsp_starts[number]
                    end = line_start + token_end(index.text[line_start:index.lsp_ends[number]], start - line_start)
                    if start <= offset < end:
                        return child, start, end
                if value.line <= line:
                    stack.append((value, child))
        elif isinstance(node, Sequence):
            stack += [(item, f"{path}/{number}") for number, item in enumerate(node.children) if item.line <= line]
    return None
