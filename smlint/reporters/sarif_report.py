"""SARIF 2.1.0, as GitHub code scanning accepts it.

``tool.driver.rules`` comes from the catalogue (summary, what it does, the
full help in Markdown); each result has a physical location. Columns count
Unicode code points, as smlint's loader does, so ``columnKind`` says so:
an emoji in a post title is one column, not two UTF-16 units.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from .jsonstream import stream

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix().removeprefix("./"))


def _rule(code: str, entry: dict, lang: str) -> dict:
    doc = entry["doc"].get(lang) or entry["doc"]["en"]
    markdown = (f"**{doc['summary']}**\n\n{doc['what']}\n\n{doc['why']}\n\n"
                f"```yaml\n{doc['bad'].rstrip()}\n```\n\n```yaml\n{doc['good'].rstrip()}\n```\n")
    return {
        "id": code,
        "name": entry["name"],
        "shortDescription": {"text": doc["summary"]},
        "fullDescription": {"text": doc["what"]},
        "help": {"text": f"{doc['what']} {doc['why']}", "markdown": markdown},
        "defaultConfiguration": {"level": LEVEL[entry["severity"]]},
        "properties": {"category": entry["category"], "tags": [entry["category"]]},
    }


def _fix(f) -> dict:
    """The safe fix as SARIF replacements (regions in the file as linted; an empty region inserts)."""
    return {
        "description": {"text": f"smlint fix: {f.fix.describe()}"},
        "artifactChanges": [{
            "artifactLocation": {"uri": _uri(f.file)},
            "replacements": [{
                "deletedRegion": {"startLine": e.start_line, "startColumn": e.start_column,
                                  "endLine": e.end_line, "endColumn": e.end_column},
                "insertedContent": {"text": e.new},
            } for e in f.fix.edits],
        }],
    }


def _results(findings, index: dict):
    for f in findings:
        result = {
            "ruleId": f.rule,
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.file)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
            }],
            "properties": {"path": f.path, "category": f.category},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.fixable:
            result["fixes"] = [_fix(f)]
        if f.path:
            result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "element"}]
        yield result


def write(run, results, out) -> None:
    codes = sorted(run.rules)
    index = {code: number for number, code in enumerate(codes)}
    rules = [_rule(code, run.rules[code], run.language) for code in codes]
    stream(out, lambda found: {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "smlint", "version": run.version, "semanticVersion": run.version,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": found,
        }],
    }, _results(run.findings(results), index))
