"""What the commands share: the configuration and engine options, finding the files, linting them, and writing
what they print (a failure to write is a usage error, exit 2).

Nothing here imports click until there is an error to raise or a note to print: a plain ``smlint check`` runs
without it (``smlint/console.py``). What is click's (the options the commands share, ``date_value`` for --today,
``SettingsError``) is defined in ``options.py`` and imported from here as before: it is made when first asked for.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

from ..collector import between_files
from ..i18n import LANGUAGES, common

FAIL_ON = ("error", "warning", "info")


COLOR = ("auto", "always", "never")


def __getattr__(name: str):
    if name in ("SettingsError", "date_value", "config_option", "lang_option", "channel_data_option"):
        from . import options

        return getattr(options, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def settings_error(message: str):
    """A ``SettingsError`` (options.py): a configuration or data file smlint cannot use, exit 2."""
    from .options import SettingsError

    return SettingsError(message)


def usage_error(message: str):
    """click's ``UsageError``: the command line asks for something smlint cannot do, exit 2."""
    import click

    return click.UsageError(message)


def echo_error(message: str) -> None:
    """A note on standard error, as click writes it."""
    import click

    click.echo(message, err=True)


def error_language(args) -> str:
    """The language for command-line errors, found before click has parsed anything."""
    args = list(args or [])
    path = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGUAGES:
            return args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
        if arg == "--config" and index + 1 < len(args):
            path = args[index + 1]
        elif arg.startswith("--config="):
            path = arg[9:]
    from .. import config
    from ..load.datafile import DataFileError

    try:
        return config.load(path).config.lang or "en"
    except DataFileError:  # a configuration with an error: the language it sets, from a look at its text
        return config.written_language(path) or "en"


def codes(values, option: str, lang: str, known) -> tuple[str, ...]:
    """``--select SM2,SM301 --select SM4`` -> ("SM2", "SM301", "SM4"); a code not ``known`` is a usage error.

    A typo must not quietly select nothing: the gate would pass without checking.
    """
    from ..config import unknown_code

    out = []
    for value in values or ():
        for part in (part.strip().upper() for part in value.split(",")):
            if not part:
                continue
            words = part.split()
            if len(words) > 1 and not any(unknown_code(word, known) is not None for word in words):
                raise usage_error(common("codes_with_spaces", lang).format(
                    option=option, value=part, fixed=",".join(words)))
            hint = unknown_code(part, known)
            if hint is not None:
                raise usage_error(common("option_unknown_code_hint" if hint else "option_unknown_code", lang)
                                  .format(option=option, code=part, hint=hint))
            out.append(part)
    return tuple(out)


def iso_date(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` (--today) as a date; None when it is not one."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    return None


def configuration(path, lang):
    from .. import config
    from ..load.datafile import DataFileError

    try:
        return config.load(path, lang)
    except DataFileError as exc:
        raise settings_error(str(exc)) from None


def engine_options(loaded, *, select=(), extend_select=(), ignore=(), lang=None, today=None, channel_data=()):
    """Engine options: the command line over the configuration over the defaults."""
    from ..engine import Options
    from ..load.loader import MAX_FILE_BYTES

    cfg = loaded.config
    error_lang = lang or cfg.lang or "en"
    packs = loaded.rule_packs()
    pack_codes = rule_pack_codes(packs, error_lang) if packs else ()
    # a pack's codes as prefixes (ZST, not ZST001), so that `--ignore ZST` wins over the default selection
    default_select = ("SM",) + tuple(sorted({code.rstrip("0123456789") for code in pack_codes}))
    known = (*implemented(), *pack_codes)
    return Options(
        select=((codes(select, "--select", error_lang, known) or tuple(cfg.select or default_select))
                + tuple(cfg.extend_select) + codes(extend_select, "--extend-select", error_lang, known)),
        ignore=tuple(cfg.ignore) + codes(ignore, "--ignore", error_lang, known),
        severities=dict(cfg.severity),
        lang=lang or cfg.lang,
        today=today or cfg.today or dt.date.today(),
        thresholds={code: dict(values) for code, values in cfg.thresholds.items()},
        max_bytes=cfg.max_file_size or MAX_FILE_BYTES,
        channel_data=loaded.channel_data() + tuple(channel_data),
        per_file_ignores=dict(cfg.per_file_ignores),
        base=str(loaded.base),
        rule_packs=packs,
        require_reason=bool(cfg.require_suppression_reason),
        config_file=loaded.file or "",
    )


def rule_pack_codes(packs, lang: str) -> tuple[str, ...]:
    """The codes of the configuration's rule packs: selected by default, like smlint's own."""
    from .. import rulepacks
    from ..load.datafile import DataFileError

    try:
        return tuple(sorted(rule.code for rule in rulepacks.load(packs, lang)))
    except DataFileError as exc:
        raise settings_error(str(exc)) from None


def implemented() -> list[str]:
    from ..checks import implemented

    return implemented()


def use_colour(choice: str, output: str | None) -> bool:
    """--color always or never decides; auto colours a terminal (as ruff: FORCE_COLOR forces it, NO_COLOR stops it)."""
    if choice != "auto":
        return choice == "always"
    if output is not None:  # a report file is read by tools, never coloured unless asked
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return not os.environ.get("NO_COLOR") and sys.stdout is not None and sys.stdout.isatty()


def open_destination(output, inputs, lang: str):
    """Standard output or the report file, opened before any file is linted: a bad --output is a usage error."""
    from ..reporters.destination import Destination, InputClash, WriteError

    try:
        return Destination.open(output, inputs)
    except InputClash as exc:
        raise settings_error(common("output_is_input", lang).format(path=exc.path)) from None
    except WriteError as exc:
        raise settings_error(write_problem(exc, lang)) from None


def write_report(destination, lang: str | None, write) -> None:
    """``write(out)`` the report to ``destination``; a failure to write is a usage error (exit 2)."""
    from ..reporters.destination import WriteError

    try:
        write(destination.out)
        destination.finish()
    except WriteError as exc:
        raise settings_error(write_problem(exc, lang or "en")) from None
    finally:
        destination.discard()


def emit(text: str, lang: str | None = None) -> None:
    """Print ``text`` (and a newline) on standard output; a full or closed one is a usage error, not a traceback."""
    write_report(open_destination(None, (), lang or "en"), lang, lambda out: out.write(text + "\n"))


def write_problem(exc, lang: str) -> str:
    """Why the report could not be written, in the user's language."""
    reasons = common("os_errors", lang)
    problem = reasons[exc.reason].format(folder=exc.folder) if exc.reason in reasons else exc.problem
    where = exc.path if exc.path is not None else common("stdout", lang)
    return common("output_failed", lang).format(path=where, problem=problem)


def rule_entries(loaded=None) -> dict:
    """Every rule's catalogue entry: smlint's own, then those of the configuration's rule packs."""
    from ..checks import implemented
    from ..data import catalogue

    entries = {code: catalogue()[code] for code in implemented()}
    packs = loaded.rule_packs() if loaded is not None else ()
    if packs:
        from .. import rulepacks

        lang = loaded.config.lang or "en"
        entries.update((rule.code, rule.entry()) for rule in rulepacks.load(packs, lang))
    return entries


def strategy_files(paths, lang: str | None, patterns, quiet: bool, exclude=None) -> list[str]:
    """The strategy files the paths name, each once; a path that does not exist is a usage error."""
    from ..load.discovery import DEFAULT_PATTERNS, discover

    patterns = tuple(patterns or DEFAULT_PATTERNS)
    files: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path == "-":
            if sys.stdin is None:  # started with standard input closed (`<&-`)
                raise usage_error(common("stdin_closed", lang or "en"))
            found = ["-"]
        elif not os.path.lexists(path):
            raise usage_error(common("path_missing", lang or "en").format(path=path))
        else:
            found = discover(path, patterns, exclude)
        for file in found:
            if file not in seen:
                seen.add(file)
                files.append(file)
    if not files and not quiet:
        echo_error(common("no_files", lang or "en").format(paths=", ".join(paths), patterns=", ".join(patterns)))
    return files


PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves


def lint_files(files, options, stdin_filename=None, jobs: int = 1, keep_context: bool = False):
    """FileResults in the order of ``files``, linted in ``jobs`` processes (0: one per core)."""
    linter = make_linter(options)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and not keep_context and "-" not in files and len(files) >= max(PARALLEL_MIN_FILES, 2 * jobs):
        from .. import parallel

        yield from parallel.lint(files, options, jobs, linter)
        return
    for index, file in enumerate(files):
        if index:  # what the file before left (before the first: start-up, which leaves nothing to collect)
            between_files()
        if file == "-":
            yield linter.lint_stream(stdin_filename or "-", sys.stdin.buffer)
        else:
            yield linter.lint_path(file, keep_context)


def make_linter(options):
    from ..load.datafile import DataFileError
    from ..engine import Linter

    try:
        return Linter(options)
    except DataFileError as exc:
        raise settings_error(str(exc)) from None
