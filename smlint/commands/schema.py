"""`smlint schema`: the JSON Schema of a strategy file, a channel data file, the configuration or a rule pack."""

from __future__ import annotations

import click

from .base import emit

@click.command()
@click.argument("which", type=click.Choice(["strategy", "channel-data", "config", "rule-pack"]), default="strategy")
def schema(which) -> None:
    """Print the JSON Schema of a strategy file (or of a channel data file, the configuration or a rule pack)."""
    from ..data import data_dir
    from ..load.schema import SCHEMAS

    emit((data_dir("schemas") / SCHEMAS[which]).read_text(encoding="utf-8").removesuffix("\n"))
