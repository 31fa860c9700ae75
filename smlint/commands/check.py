"""`smlint check`: lint strategy files, and folders of them; baselines and --since narrow what is reported."""

from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..i18n import common
from ..reporters import FORMATS
from .base import (COLOR, FAIL_ON, SettingsError, channel_data_option, use_colour, config_option, configuration, date_value,
                   open_destination, engine_options, lang_option, lint_files, rule_entries, strategy_files, write_report)

@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "--output-format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding of this severity or worse is found (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are found (2 still means a usage error).")
@click.option("--select", multiple=True, help="Codes or prefixes to check (comma-separated), e.g. SM2,SM301.")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to check on top of the selection.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to leave out (comma-separated).")
@lang_option
@click.option("--today", callback=date_value, default=None, metavar="YYYY-MM-DD",
              help="The date 'overdue' is judged against (default: today).")
@channel_data_option
@config_option
@click.option("--color", "color", type=click.Choice(COLOR), default="auto", show_default=True,
              help="Colour text output: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always, "
                   "never.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no notes.")
@click.option("--statistics", is_flag=True, help="Count the findings per rule instead of listing them.")
@click.option("--stdin-filename", metavar="NAME", help="The name to report for a strategy read from standard input (-).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to lint with; 0: one per CPU core.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings not recorded in this baseline (default: the configuration's baseline).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record every finding of this run in FILE and report none.")
@click.option("--exclude", multiple=True, metavar="PATTERN",
              help="Files or folders to leave out, as in .gitignore (e.g. drafts/); on top of the configuration's.")
@click.option("--since", "since", metavar="REV",
              help="Report only findings on lines or values changed since the git revision REV.")
def check(paths, fmt, output, fail_on, exit_zero, select, extend_select, ignore, lang, today, channel_data,
          config_path, color, quiet, statistics, stdin_filename, jobs, baseline_path, write_baseline, exclude,
          since) -> None:
    """Lint strategy files, and folders of them (default: the current folder; - reads standard input)."""
    from ..engine import SEVERITY_RANK
    from ..reporters import Run, write

    loaded = configuration(config_path, lang)
    options = engine_options(loaded, select=select, extend_select=extend_select, ignore=ignore, lang=lang, today=today,
                       channel_data=channel_data)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError(common("statistics_format", options.lang or "en"))
    files = strategy_files(paths or (".",), options.lang, loaded.config.patterns, quiet, loaded.exclusions(exclude))
    colour = fmt == "text" and use_colour(color, output)
    run = Run(lang=options.lang, rules=rule_entries(loaded) if fmt == "sarif" or statistics else {},
              version=__version__, colour=colour, quiet=quiet, config_base=str(loaded.base) if loaded.file else None)
    results = lint_files(files, options, stdin_filename, jobs)  # lazily: nothing is linted before it is written
    if output and write_baseline:  # both would be written to one file, and the one written last would win
        from .output import same_file

        if same_file(output, write_baseline):
            raise click.UsageError(common("baseline_is_output", options.lang or "en").format(path=write_baseline))
    results = _narrow(results, files, options.lang, loaded, baseline_path, write_baseline, since, quiet)
    read = [*files, loaded.file, *options.channel_data, *options.rule_packs, baseline_path or loaded.baseline()]
    destination = open_destination(output, [path for path in read if path], options.lang or "en")
    if statistics:
        from ..reporters import statistics as stats

        write_report(destination, options.lang, lambda out: stats.write(run, results, out, fmt))
    else:
        write_report(destination, options.lang, lambda out: write(fmt, run, results, out))
    fail_on = fail_on or loaded.config.fail_on or "warning"
    failing = any(run.summary[s] for s in SEVERITY_RANK if SEVERITY_RANK[s] >= SEVERITY_RANK[fail_on])
    sys.exit(1 if failing and not exit_zero else 0)


def _narrow(results, files, lang, loaded, baseline_path, write_baseline, since, quiet):
    """The results with only what a baseline does not hold and, with --since, what changed."""
    if since is not None:  # an empty REV (an unset variable in CI) is an error, not "everything"
        from .. import changes

        try:
            changes.prepare(files, since)
        except changes.SinceError as exc:
            raise SettingsError(common(exc.key, lang or "en").format(**exc.values)) from None
        results = changes.narrow(results, since)
    from ..locations import Locations

    locations = Locations(str(loaded.base))  # files named from the repository root, as SARIF and GitLab name them
    if write_baseline:  # never over a file the run reads (checked before anything is linted)
        from ..baseline import BaselineError, describe, refuse_inputs

        try:
            refuse_inputs(write_baseline, [*files, loaded.file, *loaded.channel_data(), *loaded.rule_packs()])
        except BaselineError as exc:
            raise SettingsError(describe(exc, lang or "en")) from None
        return _writing_baseline(results, write_baseline, lang, quiet, locations)
    baseline_path = baseline_path or loaded.baseline()
    if baseline_path:
        from ..baseline import Baseline, BaselineError, describe

        try:
            baseline = Baseline.read(baseline_path)
        except BaselineError as exc:
            raise SettingsError(f"{baseline_path}: {describe(exc, lang or 'en')}") from None
        return _against_baseline(results, baseline, lang, quiet, locations)
    return results


def _against_baseline(results, baseline, lang: str, quiet: bool, locations):
    from ..baseline import relative_file

    hidden, files, langs = 0, set(), set()
    for result in results:
        files.add(relative_file(result.file, locations))
        langs.add(result.lang)
        result.findings, count = baseline.new_findings(result.findings, locations)
        hidden += count
        yield result
    stale = baseline.stale(files)
    lang = langs.pop() if len(langs) == 1 and lang is None else lang or "en"
    if not quiet:
        if hidden:
            click.echo(common("baseline_hidden", lang).format(count=hidden, file=baseline.file), err=True)
        if stale:
            click.echo(common("baseline_stale", lang).format(count=stale, file=baseline.file), err=True)


def _writing_baseline(results, path: str, lang: str, quiet: bool, locations):
    from .. import baseline

    recorded, langs = [], set()
    for result in results:
        recorded += result.findings
        langs.add(result.lang)
        result.findings = []
        yield result
    lang = langs.pop() if len(langs) == 1 and lang is None else lang or "en"
    from ..atomic import write_text

    try:
        write_text(path, baseline.render(recorded, locations))
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror or exc}") from None
    if not quiet:
        click.echo(common("baseline_written", lang).format(count=len(recorded), file=path), err=True)
