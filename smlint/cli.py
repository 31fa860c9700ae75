"""The command line: ``smlint check``, ``rules``, ``explain``, ``schema``."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import click

from . import __version__
from .i18n import LANGUAGES, common

FAIL_ON = ("error", "warning", "info")


class SettingsError(click.ClickException):
    """A configuration or data file smlint cannot use: exit 2, with its location."""

    exit_code = 2


def _codes(values) -> tuple[str, ...]:
    """``--select SM2,SM301 --select SM4`` -> ("SM2", "SM301", "SM4")."""
    out = []
    for value in values or ():
        out += [part.strip().upper() for part in value.split(",") if part.strip()]
    return tuple(out)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value):
    raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD, e.g. 2027-01-31")


@click.group(name="smlint", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="smlint")
def main() -> None:
    """smlint: a linter for social media strategies written as YAML."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--select", multiple=True, help="Codes or prefixes to check (comma-separated), e.g. SM2,SM301.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to leave out (comma-separated).")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Message language (default: the file's).")
@click.option("--today", callback=_date, default=None, metavar="YYYY-MM-DD",
              help="The date 'overdue' is judged against (default: today).")
@click.option("--channel-data", "channel_data", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Your own channel figures (YAML, same shape as rules/channels.yaml), merged over smlint's.")
def check(paths, fmt, fail_on, select, ignore, lang, today, channel_data) -> None:
    """Lint strategy files, and folders of them (default: the current folder)."""
    from .engine import SEVERITY_RANK, Options
    from .reporters import render

    options = Options(
        select=_codes(select) or ("SM",),
        ignore=_codes(ignore),
        lang=lang,
        today=today or dt.date.today(),
        channel_data=tuple(channel_data),
    )
    results = _lint_paths(paths or (".",), options)
    summary = {"files": len(results), "error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            summary[finding.severity] += 1
    out_lang = lang or (results[0].lang if len(results) == 1 else "en")
    sys.stdout.write(render(fmt, results, summary, out_lang))
    threshold = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    sys.exit(1 if failing else 0)


def _files(paths, lang: str | None) -> list[str]:
    """The strategy files the paths name, each once; a path that does not exist is a usage error."""
    from .discovery import DEFAULT_PATTERNS, discover

    files: list[str] = []
    for path in paths:
        if not os.path.lexists(path):
            raise click.UsageError(common("path_missing", lang or "en").format(path=path))
        files += [file for file in discover(path) if file not in files]
    if not files:
        click.echo(common("no_files", lang or "en").format(paths=", ".join(paths), patterns=", ".join(DEFAULT_PATTERNS)),
                   err=True)
    return files


def _lint_paths(paths, options) -> list:
    from .discovery import read

    files = _files(paths, options.lang)
    linter = _linter(options)
    results = []
    for file in files:
        try:
            data = read(file)
        except OSError as exc:
            results.append(linter.unreadable(file, exc.strerror or str(exc)))
            continue
        results.append(linter.lint_bytes(file, data))
    return results


def _linter(options):
    from .datafile import DataFileError
    from .engine import Linter

    try:
        return Linter(options)
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language (default: the file's).")
@click.option("--ignore", multiple=True,
              help="Codes or prefixes whose findings do not count against an objective being SMART.")
@click.option("--channel-data", "channel_data", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Your own channel data (platform aliases decide which channel is which).")
def maturity(paths, fmt, lang, ignore, channel_data) -> None:
    """The growth-model stage of a strategy: evidence, what is missing, next steps."""
    from . import maturity as model
    from .engine import FATAL, Options

    options = Options(ignore=_codes(ignore), lang=lang, channel_data=tuple(channel_data))
    results = _lint_paths(paths or (".",), options)
    views = []
    for result in results:
        fatal = [f for f in result.findings if f.rule in FATAL]
        if result.context is None or fatal:
            first = fatal[0] if fatal else result.findings[0]
            views.append({"file": result.file, "error": f"{first.file}:{first.line}:{first.column}: {first.rule} "
                          f"{first.severity} {first.message}", "error_finding": first.as_dict()})
            continue
        views.append(model.view(result.file, model.assess(result.context), lang or result.lang))
    out_lang = lang or (results[0].lang if len(results) == 1 else "en")
    if fmt == "json":
        from .reporters.maturity_json import render

        single = len(paths) == 1 and os.path.isfile(paths[0])
        sys.stdout.write(render(views, out_lang, single))
    else:
        from .reporters.maturity_text import render

        sys.stdout.write(render(views, out_lang) if views else "")
    sys.exit(1 if any(view.get("error") for view in views) else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
def rules(fmt, lang) -> None:
    """The rule catalogue."""
    from .checks import implemented
    from .data import catalogue

    entries = {code: catalogue()[code] for code in implemented()}
    if fmt == "json":
        out = [
            {"code": code, "name": e["name"], "category": e["category"], "severity": e["severity"], "doc": e["doc"]}
            for code, e in entries.items()
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for code, e in entries.items():
        click.echo(f"{code}  {e['severity']:<7}  {e['category']:<12}  {e['name']:<28}  {e['doc'][lang]['summary']}")


@main.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--channel-data", "channel_data", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="Show the sources of your own channel data too.")
def explain(code, lang, channel_data) -> None:
    """One rule's documentation: what it checks, why, a bad and a good example."""
    import difflib

    from .checks import implemented
    from .data import catalogue

    code = code.strip().upper()
    if code not in implemented():
        close = difflib.get_close_matches(code, implemented(), n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise click.UsageError(f"Unknown rule code {code}{hint} (see `smlint rules`)")
    entry = catalogue()[code]
    doc = entry["doc"][lang]
    heads = common("explain_heads", lang)
    parts = [
        f"{code} {entry['name']} ({entry['category']}, {entry['severity']})",
        doc["summary"],
        "",
        f"## {heads[0]}",
        doc["what"],
        "",
        f"## {heads[1]}",
        doc["why"],
    ]
    if doc.get("data"):
        parts += ["", f"## {heads[4]}", doc["data"]]
    if entry.get("channel_data"):
        parts += _data_sources(lang, tuple(channel_data))
    parts += ["", f"## {heads[2]}", "```yaml", doc["bad"].rstrip(), "```", "",
              f"## {heads[3]}", "```yaml", doc["good"].rstrip(), "```"]
    click.echo("\n".join(parts))


def _data_sources(lang: str, files: tuple[str, ...]) -> list[str]:
    """The channel data's file(s) and sources, for `explain` of a rule that uses them."""
    from . import channeldata
    from .data import data_dir
    from .datafile import DataFileError

    try:
        data = channeldata.load(files, lang)
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None
    words = common("explain_data", lang)
    lines = ["", words["files"], f"- {data_dir('rules') / 'channels.yaml'}"]
    lines += [f"- {file}" for file in files]
    lines += ["", words["sources"]]
    for key, source in sorted(data.sources.items()):
        details = [str(source[k]) for k in ("title", "year", "url") if source.get(k)]
        if source.get("denominator"):
            details.append(f"{words['denominator']}: {source['denominator']}")
        lines.append(f"- {key}: {source['cite']}" + (f" ({'; '.join(details)})" if details else ""))
    return lines


@main.command()
@click.argument("which", type=click.Choice(["strategy", "channel-data"]), default="strategy")
def schema(which) -> None:
    """Print the JSON Schema of the strategy file format (or of a channel data file)."""
    from .data import data_dir
    from .schema import SCHEMAS

    sys.stdout.write((data_dir("schemas") / SCHEMAS[which]).read_text(encoding="utf-8"))
