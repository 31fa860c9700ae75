"""``smlint fix``: apply the rules' automatic fixes in place, or show them as a diff.

Only the changed characters change: comments, key order, quoting, layout and
line endings stay. A file that does not parse is never touched; a file is
written atomically (a temporary file beside it, then a rename) with its
permissions; after each round of fixes the file is linted again and a fix
that would add a new structural finding is not applied (see smlint.fixes).
"""

from __future__ import annotations

import dataclasses
import os
import sys

import click

from .base import configuration, date_value, strategy_files, make_linter, engine_options, channel_data_option, config_option, lang_option
from ..load.discovery import read_input


def texts(lang: str) -> dict:
    from ..data import read_yaml

    return read_yaml("commands.yaml")["fix"][lang]


def _count(words: dict, name: str, count: int) -> str:
    return f"{count} {words[name][0 if count == 1 else 1]}"


def fixable_codes(options) -> tuple[str, ...]:
    """The enabled codes whose rule module can fix its findings."""
    from .. import checks

    return tuple(code for code in checks.modules() if hasattr(checks.load(code), "fix") and options.enabled(code))


def write_fixed(path: str, data: bytes, expected: bytes, failed: str) -> str | None:
    """Replace the file (through a link: its target) atomically, unless it changed since it was read; None, or why not."""
    from .output import OutputError, write_atomic

    real = os.path.realpath(path)
    try:
        with open(real, "rb") as handle:
            if handle.read() != expected:
                return "changed"
        write_atomic(real, data, failed)
    except OutputError as exc:
        return exc.format_message()
    except OSError as exc:
        return failed.format(path=path, problem=exc.strerror or exc)
    return None


def unified_diff(file: str, before: bytes, after: bytes) -> str:
    import difflib

    old = before.decode("utf-8", "replace").splitlines(keepends=True)
    new = after.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=file, tofile=file)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--diff", is_flag=True, help="Print the changes as a unified diff and write nothing (exit 1 when there are any).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that may change what the plan means.")
@click.option("--select", multiple=True, help="Codes or prefixes to fix (comma-separated), e.g. SM003,SM007.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to leave alone (comma-separated).")
@lang_option
@click.option("--today", callback=date_value, default=None, metavar="YYYY-MM-DD", help="The date rules judge against.")
@channel_data_option
@config_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors (and the diff with --diff).")
def fix(paths, diff, unsafe_fixes, select, ignore, lang, today, channel_data, config_path, quiet) -> None:
    """Repair what the rules can repair, keeping comments and layout (default: the current folder; - reads standard input)."""
    from ..fixes import repair

    loaded = configuration(config_path, lang)
    options = engine_options(loaded, select=select, ignore=ignore, lang=lang, today=today, channel_data=channel_data)
    # lint every structural rule, whatever is selected, so that a fix's damage is seen
    linter = make_linter(dataclasses.replace(options, select=("SM0",) + fixable_codes(options), ignore=(),
                                         per_file_ignores={}))
    files = strategy_files(paths or (".",), options.lang, loaded.config.patterns, quiet, loaded.exclusions())
    total = changed_files = unsafe_left = 0
    failed = False
    out_lang = options.lang
    for file in files:
        try:  # never a hang on a FIFO, never more than the size limit
            data = read_input(file, options.max_bytes)
        except OSError as exc:
            click.echo(texts(options.lang or "en")["cannot_read"].format(file=file, problem=exc.strerror), err=True)
            failed = True
            continue
        name = "-" if file == "-" else file
        extra = options.ignore_for(name)
        outcome = repair(lambda content, name=name: linter.lint_bytes(name, content), name, data,
                         unsafe=unsafe_fixes, choose=lambda f, extra=extra: options.enabled(f.rule, extra))
        lang_here = options.lang or outcome.lang
        out_lang = out_lang or (lang_here if len(files) == 1 else "en")
        words = texts(lang_here)
        report = sys.stderr if diff or file == "-" else sys.stdout
        if outcome.fatal is not None:
            f = outcome.fatal
            click.echo(words["fatal"].format(file=f"{name}:{f.line}:{f.column}", code=f.rule, message=f.message),
                       file=report)
            failed = True
        for finding in outcome.applied:
            if not quiet:
                key = "would_fix" if diff else "fixed"
                click.echo(words[key].format(where=f"{name}:{finding.line}:{finding.column}", code=finding.rule,
                                             change=finding.fix.describe()), file=report)
        for finding, harm in outcome.refused:
            if not quiet:
                added = ", ".join(f"{h.rule} ({h.message})" for h in harm[:2])
                click.echo(words["refused"].format(where=f"{name}:{finding.line}:{finding.column}", code=finding.rule,
                                                   change=finding.fix.describe(), added=added), file=report)
        unsafe_left += sum(1 for f in outcome.left if not f.fix.safe)
        if not outcome.changed:
            if file == "-" and not diff:
                sys.stdout.buffer.write(data)
            continue
        total += len(outcome.applied)
        changed_files += 1
        if diff:
            sys.stdout.write(unified_diff(name, outcome.original, outcome.fixed))
        elif file == "-":
            sys.stdout.buffer.write(outcome.fixed)
        else:
            problem = write_fixed(file, outcome.fixed, outcome.original, words["cannot_write"])
            if problem is not None:
                click.echo(words["changed_meanwhile"].format(file=name) if problem == "changed" else problem, err=True)
                failed = True
    words = texts(out_lang or "en")
    if not quiet:
        report = sys.stderr if diff or "-" in files else sys.stdout
        counted = {"fixed": _count(words["words"], "problems", total),
                   "files": _count(words["words"], "files", changed_files if total else len(files))}
        key = "summary_none" if not total else ("summary_diff" if diff else "summary")
        lines = [words[key].format(**counted)]
        if unsafe_left and not unsafe_fixes:
            lines.append(words["unsafe_left"].format(count=unsafe_left))
        if total and not diff:
            lines.append(words["check_after"])
        click.echo(" ".join(lines), file=report)
    sys.exit(1 if failed or (diff and total) else 0)
