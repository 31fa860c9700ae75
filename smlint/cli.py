"""The command line: the `smlint` group, which finds each command in its own module in smlint/commands/.

A command's module is imported only when that command runs, so ``smlint
check`` pays for neither Jinja2 nor pygls. Errors the command line itself
finds (a bad option, a path that does not exist, a configuration smlint
cannot use) exit 2, in the user's language: ``--lang``, else the
configuration's ``lang``, else English (``commands.exits.finish``, which a plain
``smlint check`` also goes through: it runs without click, smlint/console.py).
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .collector import short_lived
from .commands.exits import finish

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
        code = finish(lambda: click.Group.main(self, args, prog_name, complete_var, standalone_mode=False, **extra),
                      args)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


@click.group(name="smlint", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="smlint")
def main() -> None:
    """smlint: a linter for social media strategies written as YAML."""
