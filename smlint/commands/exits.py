"""How a command ends: its exit code, with click's errors, a full disk and an abort said in the user's language.

Used by the click group (``cli.py``) and by the plain ``smlint check`` that runs without click (``console.py``).
"""

from __future__ import annotations

import sys


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
    from ..i18n import common
    from .base import error_language

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

    from ..i18n import common

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
    from ..reporters.destination import REASONS, WriteError, silence
    from .base import error_language, write_problem

    if REASONS.get(exc.errno or 0) not in ("disk_full", "quota", "too_large"):  # errors only a write can have
        raise exc
    silence(sys.stdout)
    from ..i18n import common
    from .base import echo_error

    echo_error(f"{common('error', error_language(args))}: "
               f"{write_problem(WriteError(None, REASONS[exc.errno], exc.strerror or str(exc)), error_language(args))}")
    return 2
