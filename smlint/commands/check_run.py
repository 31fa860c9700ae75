"""What `smlint check` does, without click; and the plain command lines that need no click to parse.

``check.py`` holds the command as click declares it (its options and help) and calls :func:`run_check`. A plain
``smlint check`` (``smlint/console.py``) is parsed by :func:`plain_arguments` instead, which knows the same
options, takes a value only where click would take it unchanged, and gives up (None: click parses it) on
anything else; tests/test_console.py holds the two to the same values, output and exit code.
"""

from __future__ import annotations

import os
import sys

from .. import __version__
from ..i18n import LANGUAGES, common
from ..reporters import FORMATS
from .base import (COLOR, FAIL_ON, configuration, echo_error, engine_options, iso_date, lint_files, open_destination,
                   rule_entries, settings_error, strategy_files, usage_error, use_colour, write_report)


def run_check(paths, fmt, output, fail_on, exit_zero, select, extend_select, ignore, lang, today, channel_data,
              config_path, color, quiet, statistics, stdin_filename, jobs, baseline_path, write_baseline, exclude,
              since) -> None:
    """Lint the files (the command's values, as click gives them) and write the report; exits 0, 1 or 2."""
    from ..engine import SEVERITY_RANK
    from ..reporters import Run, write

    loaded = configuration(config_path, lang)
    options = engine_options(loaded, select=select, extend_select=extend_select, ignore=ignore, lang=lang, today=today,
                       channel_data=channel_data)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"
    if statistics and fmt not in ("text", "json"):
        raise usage_error(common("statistics_format", options.lang or "en"))
    files = strategy_files(paths or (".",), options.lang, loaded.config.patterns, quiet, loaded.exclusions(exclude))
    colour = fmt == "text" and use_colour(color, output)
    run = Run(lang=options.lang, rules=rule_entries(loaded) if fmt == "sarif" or statistics else {},
              version=__version__, colour=colour, quiet=quiet, config_base=str(loaded.base) if loaded.file else None)
    results = lint_files(files, options, stdin_filename, jobs)  # lazily: nothing is linted before it is written
    if output and write_baseline:  # both would be written to one file, and the one written last would win
        from ..locations import same_file

        if same_file(output, write_baseline):
            raise usage_error(common("baseline_is_output", options.lang or "en").format(path=write_baseline))
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
            raise settings_error(common(exc.key, lang or "en").format(**exc.values)) from None
        results = changes.narrow(results, since)
    from ..locations import Locations

    locations = Locations(str(loaded.base))  # files named from the repository root, as SARIF and GitLab name them
    if write_baseline:  # never over a file the run reads (checked before anything is linted)
        from ..baseline import BaselineError, describe, refuse_inputs

        try:
            refuse_inputs(write_baseline, [*files, loaded.file, *loaded.channel_data(), *loaded.rule_packs()])
        except BaselineError as exc:
            raise settings_error(describe(exc, lang or "en")) from None
        folder = os.path.dirname(write_baseline) or "."
        if not os.path.isdir(folder):  # said now, not after every file is linted
            reason = "not_folder" if os.path.exists(folder) else "no_folder"
            raise settings_error(_not_written(write_baseline, reason, folder, lang or "en"))
        return _writing_baseline(results, write_baseline, lang, quiet, locations)
    baseline_path = baseline_path or loaded.baseline()
    if baseline_path:
        from ..baseline import Baseline, BaselineError, describe

        try:
            baseline = Baseline.read(baseline_path)
        except BaselineError as exc:
            raise settings_error(f"{baseline_path}: {describe(exc, lang or 'en')}") from None
        return _against_baseline(results, baseline, lang, quiet, locations)
    return results


def _not_written(path: str, reason: str, folder: str, lang: str, problem: str = "") -> str:
    """Why the baseline cannot be written to ``path``, in the user's language."""
    reasons = common("os_errors", lang)
    said = reasons[reason].format(folder=folder) if reason in reasons else problem
    return common("baseline_not_written", lang).format(path=path, problem=said)


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
            echo_error(common("baseline_hidden", lang).format(count=hidden, file=baseline.file))
        if stale:
            echo_error(common("baseline_stale", lang).format(count=stale, file=baseline.file))


def _writing_baseline(results, path: str, lang: str, quiet: bool, locations):
    from .. import baseline

    recorded, langs = [], set()
    for result in results:
        recorded += result.findings
        langs.add(result.lang)
        result.findings = []
        yield result
    from ..atomic import write_text

    try:
        write_text(path, baseline.render(recorded, locations))
    except OSError as exc:  # said as the run's other errors are: in --lang or the configuration's language
        from ..reporters.destination import write_error

        failure = write_error(path, exc)
        raise settings_error(_not_written(path, failure.reason, failure.folder, lang or "en", failure.problem)) from None
    lang = langs.pop() if len(langs) == 1 and lang is None else lang or "en"
    if not quiet:
        echo_error(common("baseline_written", lang).format(count=len(recorded), file=path))


# What click gives run_check when an option is not on the command line (check.py's defaults).
DEFAULTS = {"paths": (), "fmt": None, "output": None, "fail_on": None, "exit_zero": False, "select": (),
            "extend_select": (), "ignore": (), "lang": None, "today": None, "channel_data": (), "config_path": None,
            "color": "auto", "quiet": False, "statistics": False, "stdin_filename": None, "jobs": 0,
            "baseline_path": None, "write_baseline": None, "exclude": (), "since": None}
# check.py's options by name: the parameter, and what click makes of a value (kinds below)
FLAGS = {"--exit-zero": "exit_zero", "--quiet": "quiet", "-q": "quiet", "--statistics": "statistics"}
OPTIONS = {
    "--format": ("fmt", FORMATS), "--output-format": ("fmt", FORMATS), "--output": ("output", "report"),
    "-o": ("output", "report"), "--fail-on": ("fail_on", FAIL_ON), "--select": ("select", "list"),
    "--extend-select": ("extend_select", "list"), "--ignore": ("ignore", "list"), "--lang": ("lang", LANGUAGES),
    "--today": ("today", "date"), "--channel-data": ("channel_data", "files"), "--config": ("config_path", "file"),
    "--color": ("color", COLOR), "--stdin-filename": ("stdin_filename", "text"), "--jobs": ("jobs", "count"),
    "-j": ("jobs", "count"), "--baseline": ("baseline_path", "file"), "--write-baseline": ("write_baseline", "file"),
    "--exclude": ("exclude", "list"), "--since": ("since", "text"),
}


def plain_arguments(args: list[str]) -> dict | None:
    """run_check's values for the arguments after ``check``, as click would make them; None unless every
    argument is one click takes as it is (an option of check's with a value it accepts, or a path), so that
    click parses, and words the errors of, anything else: help, an unknown option, a bad value, ``-qj4``."""
    values = dict(DEFAULTS)
    lists: dict[str, list] = {}
    paths = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths += rest
            break
        if arg[:1] != "-" or arg == "-":
            paths.append(arg)
            continue
        name, given, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not given:
            values[FLAGS[name]] = True
            continue
        if name not in OPTIONS:
            return None  # -h, --help, an option click does not know, short options run together: click says
        if not given:
            value = next(rest, None)
            if value is None:
                return None
        parameter, kind = OPTIONS[name]
        converted = _value(value, kind)
        if converted is None:
            return None
        if kind in ("list", "files"):
            lists.setdefault(parameter, []).append(converted)
        else:
            values[parameter] = converted  # given twice: the last, as click takes it
    if not all(_path(path, folder=True) for path in paths):
        return None
    values.update((parameter, tuple(given)) for parameter, given in lists.items())
    values["paths"] = tuple(paths)
    return values


def _value(value: str, kind):
    """The value as click converts it for an option of this kind; None when click would refuse it."""
    if isinstance(kind, tuple):  # a choice: exactly one of them
        return value if value in kind else None
    if kind == "date":
        return iso_date(value)
    if kind == "count":  # click.IntRange(min=0)
        try:
            number = int(value)
        except ValueError:
            return None
        return number if number >= 0 else None
    if kind in ("file", "files", "report"):
        return value if _path(value, folder=False, writable=kind == "report") else None
    return value


def _path(value: str, folder: bool, writable: bool = False) -> bool:
    """Whether click.Path(dir_okay=folder, writable=writable) takes ``value``: a path that does not exist, or
    one of the kind it accepts that can be read (and written)."""
    import stat

    try:
        found = os.stat(value)
    except OSError:
        return True
    except ValueError:  # a NUL in it: let click say what it says
        return False
    if not folder and stat.S_ISDIR(found.st_mode):
        return False
    return os.access(value, os.R_OK) and (not writable or os.access(value, os.W_OK))
