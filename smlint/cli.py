"""The command line: the `smlint` group, which finds each command in its own module in smlint/commands/.

A command's module is imported only when that command runs, so ``smlint
check`` pays for neither Jinja2 nor pygls. Errors the command line itself
finds (a bad option, a path that does not exist, a configuration smlint
cannot use) exit 2, in the user's language: ``--lang``, else the
configuration's ``lang``, else English.
"""

from __future__ import annotations

import importlib
import re
import sys

import click

from . import __version__
from .collector import short_lived
from .commands.base import error_language, write_problem
from .i18n import common

def _translate(text: str, lang: str) -> str:
    """Click's own English messages in the user's language (patterns are data, in messages.yaml)."""
    if lang == "en":
        return text
    for pattern, template in common("click", lang):
        text = re.sub(pattern, template, text)
    return text


# Each command and the module in smlint/commands/ that defines it (as an attribute of the same name).
COMMANDS = {"check": "check", "maturity": "maturity", "rules": "rules", "explain": "explain", "schema": "schema",
            "fix": "fix", "init": "init", "report": "report", "calendar": "calendar", "server": "server"}


class Group(click.Group):
    """The smlint group: click's errors shown in the user's language, with exit code 2."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None:
            return None
        return getattr(importlib.import_module(f"smlint.commands.{module}"), name)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if args is None:  # the real command line (tests pass their arguments): a process that lints and exits
            short_lived()
        args = list(sys.argv[1:] if args is None else args)
        try:
            try:
                code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except SystemExit as exc:  # a command's own exit code: standard output is flushed first all the same
                code = exc.code
            _flush_stdout()  # here, not at the interpreter's exit, where a full disk is a traceback
        except OSError as exc:
            code = _output_failed(exc, args)
        except click.ClickException as exc:
            lang = error_language(args)
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                click.echo(_translate(exc.ctx.get_usage(), lang), err=True)
                help_option = exc.ctx.help_option_names[0] if exc.ctx.help_option_names else "--help"
                click.echo(_translate(f"Try '{exc.ctx.command_path} {help_option}' for help.", lang), err=True)
                click.echo("", err=True)
            click.echo(f"{common('error', lang)}: {_translate(exc.format_message(), lang)}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo(common("aborted", error_language(args)), err=True)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except (AttributeError, ValueError):  # closed, or closed by the command itself (the language server)
        pass


def _output_failed(exc: OSError, args) -> int:
    """A command's standard output failed (a full disk): exit 2 with the reason, as for a report (any other error
    is re-raised; a broken pipe has already ended the run quietly, as click does)."""
    from .reporters.destination import REASONS, WriteError, silence

    if REASONS.get(exc.errno or 0) not in ("disk_full", "quota", "too_large"):  # errors only a write can have
        raise exc
    silence(sys.stdout)
    click.echo(f"{common('error', error_language(args))}: "
               f"{write_problem(WriteError(None, REASONS[exc.errno], exc.strerror or str(exc)), error_language(args))}",
               err=True)
    return 2


@click.group(name="smlint", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="smlint")
def main() -> None:
    """smlint: a linter for social media strategies written as YAML."""
