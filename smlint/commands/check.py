"""`smlint check`: lint strategy files, and folders of them; baselines and --since narrow what is reported.

The command as click declares it; what it does is ``check_run.run_check``, which a plain ``smlint check`` runs
without click (``smlint/console.py``).
"""

from __future__ import annotations

import click

from ..reporters import FORMATS
from .base import COLOR, FAIL_ON, channel_data_option, config_option, date_value, lang_option

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
    from .check_run import run_check

    run_check(paths, fmt, output, fail_on, exit_zero, select, extend_select, ignore, lang, today, channel_data,
              config_path, color, quiet, statistics, stdin_filename, jobs, baseline_path, write_baseline, exclude,
              since)
