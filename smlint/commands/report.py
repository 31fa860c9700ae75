"""``smlint report``: one self-contained HTML page per strategy, and an index for several.

The page shows what `check` and `maturity` find, from the same lint run
(findings after configuration and suppressions, the same growth-model
assessment), arranged for people who would rather look than read a list:
the organisation and period, the growth-model ladder, a SMART table, the
channel x audience matrix, the content mix and cadence, a calendar heat map,
team coverage, the findings by step, and the retrospective rose.

One PATH: the page goes to ``-o FILE`` (or standard output). Several: ``-o
FOLDER`` gets one page per strategy and ``index.html``. Writes are atomic
and never replace a strategy file. A file that cannot be read gets its
error on standard error and exit 1; the other files still get their page.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import __version__
from .common import lint, strategy_options
from .output import OutputError, refuse_inputs, write_atomic


def _words(lang: str) -> dict:
    from .report_view import words

    return words(lang)


def page_name(file: str, taken: set[str]) -> str:
    """``plans/groene-buurt.strategy.yaml`` -> ``groene-buurt.strategy.html``; unique within the folder."""
    name = Path(file).name
    for suffix in (".yaml", ".yml"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip(".") or "strategy"
    # a file system allows 255 bytes in a name: keep room for "-NNN.html" after a long one
    name = name.encode("utf-8")[:200].decode("utf-8", "ignore").rstrip(".") or "strategy"
    candidate, n = f"{name}.html", 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{name}-{n}.html"
    taken.add(candidate.lower())
    return candidate


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", "output", type=click.Path(), metavar="FILE|FOLDER",
              help="Write the page to FILE (default: standard output); with several strategies, a FOLDER.")
@strategy_options("The date 'overdue' is judged against (default: today).")
def report(paths, output, lang, today, channel_data, config_path) -> None:
    """One self-contained HTML page per strategy (an index too, for several)."""
    from ..reporters.html import render_index, render_page
    from .report_view import Page

    linted = lint(paths, lang=lang, today=today, channel_data=channel_data, config_path=config_path)
    options, files, errors = linted.options, linted.files, linted.errors
    folder = None
    if len(files) > 1 or (output is not None and os.path.isdir(output)):
        if output is None:
            raise click.UsageError(errors["several_need_folder"])
        if os.path.exists(output) and not os.path.isdir(output):
            raise click.UsageError(errors["output_is_file"].format(path=output))
        folder = output
    elif output is not None:
        refuse_inputs(output, linted.inputs, errors["same_file"])

    if folder is not None:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise OutputError(errors["not_written"].format(path=folder, problem=exc.strerror or exc)) from None
    taken = {"index.html"}
    pages = []
    for item in linted:
        result = item.result
        if item.error:
            pages.append({"file": result.file, "error": item.error})
            continue
        view = Page(result, result.lang, options.today, __version__).build()
        html = render_page(view).encode("utf-8")
        if folder is None:
            if output is None:
                click.echo(html.decode("utf-8"), nl=False)
            else:
                write_atomic(output, html, errors["not_written"])
            continue
        name = page_name(result.file, taken)
        target = os.path.join(folder, name)
        refuse_inputs(target, linted.inputs, errors["same_file"])
        write_atomic(target, html, errors["not_written"])
        pages.append({"file": result.file, "href": name, "organisation": view["organisation"],
                      "stage": view["maturity"]["stage"], "summary": view["summary"], "lang": result.lang, "error": None})
    if folder is not None:
        langs = {p["lang"] for p in pages if "lang" in p}
        index_lang = options.lang or (langs.pop() if len(langs) == 1 else "en")
        w = _words(index_lang)
        from ..i18n import format_date
        from ..ruledata.maturity import model

        for entry in pages:
            if entry["error"] is None:
                entry["stage_name"] = model()["stages"][entry["stage"]]["name"][index_lang]
        totals = {key: sum(p["summary"][key] for p in pages if "summary" in p) for key in ("error", "warning", "info")}
        index = render_index({
            "lang": index_lang, "w": w, "title": w["index_title"], "pages": pages, "summary": totals,
            "generated": w["generated_index"].format(version=__version__, today=format_date(options.today, index_lang)),
        }).encode("utf-8")
        target = os.path.join(folder, "index.html")
        refuse_inputs(target, linted.inputs, errors["same_file"])
        write_atomic(target, index, errors["not_written"])
    sys.exit(1 if linted.failed else 0)
