"""What `report` and `calendar` share: one lint run per file, as `check` and `maturity` make it."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click

from .base import configuration, date_value, strategy_files, lint_files, engine_options, channel_data_option, config_option, lang_option


def strategy_options(today_help: str):
    """The options `report` and `calendar` share with `check`: --lang, --today, --channel-data, --config."""
    today = click.option("--today", callback=date_value, default=None, metavar="YYYY-MM-DD", help=today_help)

    def decorate(command):
        for option in (config_option, channel_data_option, today, lang_option):
            command = option(command)
        return command

    return decorate


@dataclass
class Linted:
    """One file's lint result, or why there is nothing to show (SM001 or SM006, as `maturity` says it)."""

    result: object
    error: str | None = None


class Strategies:
    """The files a command was given, linted one by one as it iterates; ``failed``: one could not be read.

    A file that cannot be read has its error said on standard error, in its language, as it passes.
    """

    def __init__(self, files, options, inputs=()) -> None:
        self.files = files
        self.options = options
        self.inputs = [*files, *inputs]  # everything the run reads: an output may replace none of them
        self.failed = False

    @property
    def errors(self) -> dict:
        """What the command says when something goes wrong, in the run's language (--lang, the configuration's)."""
        from .report_view import words

        return words(self.options.lang or "en")["errors"]

    def __iter__(self):
        from .. import i18n
        from ..load.loader import FATAL
        from .report_view import words

        for result in lint_files(self.files, self.options, keep_context=True):
            fatal = [f for f in result.findings if f.rule in FATAL]
            if result.context is None or fatal:
                first = (fatal or result.findings or [None])[0]
                error = result.file if first is None else (  # None: SM001 itself switched off by the configuration
                    f"{first.file}:{first.line}:{first.column}: {first.rule} "
                    f"{i18n.common('severity', result.lang)[first.severity]} {first.message}")
                say(words(result.lang)["errors"]["not_read"].format(file=result.file, error=error))
                self.failed = True
                yield Linted(result, error)
            else:
                yield Linted(result)


def lint(paths, *, lang, today, channel_data, config_path) -> Strategies:
    """The files the paths name, with the findings and rule context `check` and `maturity` make of them (exit 0
    when the paths name none)."""
    loaded = configuration(config_path, lang)
    options = engine_options(loaded, lang=lang, today=today, channel_data=channel_data)
    settings = [loaded.file, *options.channel_data, *options.rule_packs, loaded.baseline()]
    strategies = Strategies(strategy_files(paths or (".",), options.lang, loaded.config.patterns, False,
                                           loaded.exclusions()), options, [path for path in settings if path])
    if not strategies.files:  # nothing to show, and nothing wrong: as `check` on a folder without strategies
        sys.exit(0)
    return strategies


def say(message: str) -> None:
    click.echo(message, err=True)
