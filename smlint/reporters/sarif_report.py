"""SARIF 2.1.0, as GitHub code scanning and the SARIF multitool ask for it.

``tool.driver.rules`` comes from the catalogue, in the run's language (the
language of the results, known once they are written: the rules follow
them in the run object); each result has a physical location relative to
its repository root (``uriBaseId``, resolved by ``run.originalUriBaseIds``),
a region from the key it points at to the end of that key, and a
``partialFingerprints`` entry that does not change with the language, the
lines above or the way the path was typed (see ``files``). Columns count
Unicode code points, as smlint's loader does, so ``columnKind`` says so:
an emoji in a post title is one column, not two UTF-16 units.
"""

from __future__ import annotations

from . import files
from .jsonstream import stream

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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


def _fix(f, artifact: dict) -> dict:
    """The safe fix as SARIF replacements (regions in the file as linted; an empty region inserts)."""
    return {
        "description": {"text": f"smlint fix: {f.fix.describe()}"},
        "artifactChanges": [{
            "artifactLocation": dict(artifact),
            "replacements": [{
                "deletedRegion": {"startLine": e.start_line, "startColumn": e.start_column,
                                  "endLine": e.end_line, "endColumn": e.end_column},
                "insertedContent": {"text": e.new},
            } for e in f.fix.edits],
        }],
    }


def _results(findings, index: dict, locations: files.Locations):
    fingerprint = files.Fingerprints()
    for f in findings:
        base, path = locations.locate(f.file)
        artifact = {"uri": files.uri(path)}
        if base is not None:
            artifact["uriBaseId"] = base
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.line}
        if f.end_column:
            region["endColumn"] = f.end_column
        result = {
            "ruleId": f.rule,
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            "partialFingerprints": {files.FINGERPRINT: fingerprint(f.rule, path, f.stable_path or f.path)},
            "properties": {"path": f.path, "category": f.category},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.fixable:
            result["fixes"] = [_fix(f, artifact)]
        if f.path:
            result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "element"}]
        yield result


def _home_page() -> str | None:
    """The project's home page from the installed package's metadata (``[project.urls]``), if it names one."""
    from importlib import metadata

    try:
        urls = metadata.metadata("smlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "repository", "source"):
            return url.strip()
    return None


def write(run, results, out) -> None:
    codes = sorted(run.rules)
    index = {code: number for number, code in enumerate(codes)}
    home = _home_page()
    locations = files.Locations(run.config_base)

    def document(found):
        # what is known only once the results are written follows them: the run's language (that of the files
        # seen, unless --lang said), the rule texts in it, and the repository roots the locations are relative to
        driver = {"name": "smlint", "fullName": f"smlint {run.version}", "version": run.version,
                  "semanticVersion": run.version}
        if home:
            driver["informationUri"] = home
        driver["rules"] = [_rule(code, run.rules[code], run.language) for code in codes]
        document_run = {
            "automationDetails": {"id": "smlint/"},
            "columnKind": "unicodeCodePoints",
            "results": found,
            "language": run.language,
            "tool": {"driver": driver},
        }
        if locations.bases:
            document_run["originalUriBaseIds"] = {base: {"uri": files.folder_uri(root)}
                                                  for root, base in locations.bases.items()}
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [document_run]}

    stream(out, document, _results(run.findings(results), index, locations))
