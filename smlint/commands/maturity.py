"""`smlint maturity`: the growth-model stage of a strategy, with its evidence and next steps."""

from __future__ import annotations

import os
import sys

import click

from ..i18n import common
from .base import (channel_data_option, config_option, configuration, date_value, emit, engine_options, lang_option,
                   lint_files, strategy_files)

@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@lang_option
@click.option("--ignore", multiple=True,
              help="Codes or prefixes whose findings do not count against an objective being SMART.")
@click.option("--today", callback=date_value, default=None, metavar="YYYY-MM-DD",
              help="The date to judge against (default: the configuration's `today`, else the system date).")
@channel_data_option
@config_option
def maturity(paths, fmt, lang, ignore, today, channel_data, config_path) -> None:
    """The growth-model stage of a strategy: evidence, what is missing, next steps."""
    from ..ruledata import maturity as model
    from ..load.loader import FATAL
    from ..reporters.files import shown, text

    loaded = configuration(config_path, lang)
    options = engine_options(loaded, ignore=ignore, lang=lang, today=today, channel_data=channel_data)
    files = strategy_files(paths or (".",), options.lang, loaded.config.patterns, False, loaded.exclusions())
    views = []
    for result in lint_files(files, options, keep_context=True):
        fatal = [f for f in result.findings if f.rule in FATAL]
        if result.context is None or fatal:
            first = fatal[0] if fatal else result.findings[0]
            severity = common("severity", result.lang)[first.severity]
            views.append({"file": result.file, "error": f"{shown(first.file)}:{first.line}:{first.column}: {first.rule} "
                          f"{severity} {first.message}", "error_finding": {**first.as_dict(), "file": text(first.file)},
                          "lang": result.lang})
            continue
        view = model.view(result.file, model.assess(result.context), options.lang or result.lang)
        views.append({**view, "lang": result.lang})
    languages = {view.get("lang", "en") for view in views}
    out_lang = options.lang or (languages.pop() if len(languages) == 1 else "en")
    if fmt == "json":
        from ..reporters.maturity_json import render

        single = len(paths) == 1 and os.path.isfile(paths[0])
        emit(render(views, out_lang, single).removesuffix("\n"), options.lang)
    else:
        from ..reporters.maturity_text import render

        if views:
            emit(render(views, out_lang).removesuffix("\n"), options.lang)
    sys.exit(1 if any(view.get("error") for view in views) else 0)
