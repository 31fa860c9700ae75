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
    from .commands.exits import finish

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
