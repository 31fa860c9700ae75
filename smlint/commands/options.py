"""What the commands share that is click's: the shared options, the --today check, and SettingsError.

Kept apart from ``base.py`` so that a plain ``smlint check``, which runs
without click (``smlint/console.py``), never imports it; commands import
these from ``base.py`` as its other helpers (it hands them over when first
asked), and it raises them through ``settings_error`` and ``usage_error``,
which import click only when there is an error to raise.
"""

from __future__ import annotations

import sys

import click

from ..i18n import LANGUAGES, common
from .base import error_language, iso_date


class SettingsError(click.ClickException):
    """A configuration or data file smlint cannot use: exit 2, with its location."""

    exit_code = 2


def date_value(ctx, param, value):
    if value is None:
        return None
    date = iso_date(value)
    if date is not None:
        return date
    lang = (ctx.params.get("lang") if ctx else None) or error_language(sys.argv[1:])
    raise click.BadParameter(common("bad_date", lang).format(value=value))


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                             help="Configuration file (default: .smlint.yaml or [tool.smlint] in pyproject.toml).")


lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Message language (default: the configuration's, else the file's).")


channel_data_option = click.option(
    "--channel-data", "channel_data", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
    help="Your own channel figures (YAML, same shape as rules/channels.yaml), merged over smlint's.")
