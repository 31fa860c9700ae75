"""The `smlint` command (the console script, and ``python -m smlint``): a plain `smlint check` runs without click.

Importing click and parsing with it took a sixth of a one-file run. A ``smlint check`` whose arguments are
all plain (check's options, with values click takes as they are, and paths: ``check_run.plain_arguments``)
runs ``check_run.run_check`` with the values click would give it, and what it raises is handled as click's
``main`` and the group (``cli.py``) handle it: the same messages and exit codes. Any other command line goes
to the click group before anything has run. tests/test_console.py runs command lines both ways and compares
what they print and exit with.
"""

from __future__ import annotations

import errno
import os
import sys


def run() -> None:
    args = sys.argv[1:]
    if args[:1] == ["check"]:  # a lint run, which makes no cycles (collector.py): none looked for while it starts
        import gc

        gc.disable()
    params = _plain(args)
    if params is None:
        from .cli import main

        main()
        return
    from .collector import short_lived

    short_lived()  # as the group does for the real command line
    code = finish(lambda: _as_click(params), args)
    sys.exit(code if isinstance(code, int) else 0)


def _plain(args: list[str]) -> dict | None:
    """run_check's values for a plain ``smlint check``; None for anything click is to parse (shell completion,
    and Windows, where click expands the arguments' wildcards)."""
    if args[:1] != ["check"] or os.name == "nt" or any(
            name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None
    from .commands.check_run import plain_arguments

    return plain_arguments(args[1:])


def _as_click(params: dict):
    """run_check(**params), what it raises turned into what click turns it into around a command."""
    from .commands.check_run import run_check

    try:
        return run_check(**params)
    except (EOFError, KeyboardInterrupt) as exc:
        import click

        click.echo(file=sys.stderr)
        raise click.Abort() from exc
    except OSError as exc:  # a reader that went away (`| head`): exit 1, and nothing more said at the exit
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout, sys.stderr = _Pacified(sys.stdout), _Pacified(sys.stderr)
        sys.exit(1)
    except Exception as exc:
        click = sys.modules.get("click")  # a usage error is click's: shown with the command's usage
        if click is not None and isinstance(exc, click.UsageError) and exc.ctx is None:
            exc.ctx = _check_context(click)
        raise


def _check_context(click):
    """The context click gives a usage error of `check` (its usage and help are those of `PROG check`)."""
    from .cli import main
    from .commands.check import check

    group = main.context_class(main, info_name=click.utils._detect_program_name(), **main.context_settings)
    return check.context_class(check, info_name="check", parent=group, **check.context_settings)


class _Pacified:
    """A stream whose flush ignores a broken pipe, as click leaves standard output and error after one."""

    def __init__(self, wrapped) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


def finish(call, args) -> object:
    """Run a command (``call``) as the group does and return its exit code: click's errors are said in the
    user's language (usage errors with the usage), exit 2; an abort is exit 1; a full disk is exit 2."""
    try:
        try:
            code = call()
        except SystemExit as exc:  # a command's own exit code: standard output is flushed first all the same
            code = exc.code
        _flush_stdout()  # here, not at the interpreter's exit, where a full disk is a traceback
    except OSError as exc:
        code = _output_failed(exc, args)
    except Exception as exc:
        click = sys.modules.get("click")  # an error of click's is raised by click, or through it: imported
        if click is None or not isinstance(exc, (click.ClickException, click.Abort)):
            raise
        code = _click_error(click, exc, args)
    return code


def _click_error(click, exc, args) -> int:
    from .commands.base import error_language
    from .i18n import common

    lang = error_language(args)
    if isinstance(exc, click.Abort):
        click.echo(common("aborted", lang), err=True)
        return 1
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        click.echo(_translate(exc.ctx.get_usage(), lang), err=True)
        help_option = exc.ctx.help_option_names[0] if exc.ctx.help_option_names else "--help"
        click.echo(_translate(f"Try '{exc.ctx.command_path} {help_option}' for help.", lang), err=True)
        click.echo("", err=True)
    click.echo(f"{common('error', lang)}: {_translate(exc.format_message(), lang)}", err=True)
    return exc.exit_code


def _translate(text: str, lang: str) -> str:
    """Click's own English messages in the user's language (patterns are data, in messages.yaml)."""
    if lang == "en":
        return text
    import re

    from .i18n import common

    for pattern, template in common("click", lang):
        text = re.sub(pattern, template, text)
    return text


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except (AttributeError, ValueError):  # closed, or closed by the command itself (the language server)
        pass


def _output_failed(exc: OSError, args) -> int:
    """A command's standard output failed (a full disk): exit 2 with the reason, as for a report (any other error
    is re-raised; a broken pipe has already ended the run quietly, as click does)."""
    from .commands.base import error_language, write_problem
    from .reporters.destination import REASONS, WriteError, silence

    if REASONS.get(exc.errno or 0) not in ("disk_full", "quota", "too_large"):  # errors only a write can have
        raise exc
    silence(sys.stdout)
    from .commands.base import echo_error
    from .i18n import common

    echo_error(f"{common('error', error_language(args))}: "
               f"{write_problem(WriteError(None, REASONS[exc.errno], exc.strerror or str(exc)), error_language(args))}")
    return 2
