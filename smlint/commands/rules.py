"""`smlint rules`: the rule catalogue, smlint's own and the configuration's rule packs."""

from __future__ import annotations

import json

import click

from ..i18n import common
from .base import config_option, configuration, emit, lang_option, rule_entries

@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@config_option
def rules(fmt, lang, config_path) -> None:
    """The rule catalogue, with every rule's documentation in JSON."""
    loaded = configuration(config_path, lang)
    lang = lang or loaded.config.lang or "en"
    entries = rule_entries(loaded)
    if fmt == "json":
        out = [
            {"code": code, "name": e["name"], "category": e["category"], "severity": e["severity"], "doc": e["doc"]}
            for code, e in entries.items()
        ]
        emit(json.dumps(out, ensure_ascii=False, indent=2), lang)
        return
    lines = []
    for code, e in entries.items():
        severity = common("severity", lang)[e["severity"]]
        category = common("categories", lang).get(e["category"], e["category"])  # a rule pack's own category as is
        lines.append(f"{code}  {severity:<12}  {category:<12}  {e['name']:<28}  {e['doc'][lang]['summary']}")
    emit("\n".join(lines), lang)
