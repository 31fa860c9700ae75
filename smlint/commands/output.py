"""Writing a command's output file: atomically, and never over one of its input files."""

from __future__ import annotations

import os

import click

from ..locations import same_file


class OutputError(click.ClickException):
    """The output cannot be written where asked: exit 2, like a usage error."""

    exit_code = 2


def refuse_inputs(target: str, inputs, message: str) -> None:
    """Stop (exit 2) when ``target`` is one of the ``inputs``: an output never replaces a strategy."""
    for path in inputs:
        if path != "-" and same_file(target, path):
            raise OutputError(message.format(path=target))


def write_atomic(path: str, data: bytes, failed: str) -> None:
    """Write ``data`` to ``path`` whole or not at all (:func:`smlint.atomic.write_bytes`); exit 2 when it cannot be.

    A reader never sees half a file, and an interrupted run leaves the old
    file as it was. A new file gets the usual permissions (0666 less the
    umask); an existing one keeps its own. A device or FIFO is written to,
    never replaced.
    """
    from ..atomic import write_bytes

    try:
        write_bytes(path, data)
    except OSError as exc:
        raise OutputError(failed.format(path=path, problem=exc.strerror or exc)) from None
