"""Shared helpers: lint a text in-process, or run the CLI."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from smlint.cli import main
from smlint.engine import Linter, Options

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
TODAY = dt.date(2027, 1, 2)

MINIMAL = """\
version: 1
organisation: {name: Test}
period: {start: 2027-01-01, end: 2027-12-31}
"""


def lint(text: str, *, dedent: bool = True, select=("SM",), ignore=(), lang="en", today=TODAY, data: bytes | None = None,
         **options):
    """Findings for a strategy text (dedented), English messages by default.

    Other keyword arguments are engine options: ``thresholds``, ``channel_data``.
    """
    if data is None:
        data = (textwrap.dedent(text) if dedent else text).encode("utf-8")
    linter = Linter(Options(select=tuple(select), ignore=tuple(ignore), lang=lang, today=today, **options))
    return linter.lint_bytes("strategy.yaml", data).findings


def codes(findings) -> list[str]:
    return [f.rule for f in findings]


def only(findings, code: str):
    return [f for f in findings if f.rule == code]


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args, input=None, env=None):
        # the environment a developer's shell or a CI runner may set must not change what tests see
        environment = {"GITHUB_ACTIONS": None, "NO_COLOR": None, "FORCE_COLOR": None, **(env or {})}
        return runner.invoke(main, [str(a) for a in args], input=input, env=environment, catch_exceptions=False)

    return run


def smlint_process(*args, cwd=REPO, env=None, **run):
    """``python -m smlint ARGS`` in a fresh process, in ``cwd``, without the colour and CI variables a shell may set.

    Standard output is captured as text unless ``stdout`` is given; ``run`` goes to subprocess.run.
    """
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    environment.update(env or {})
    if "stdout" not in run:
        run = {"capture_output": True, "text": True, **run}
    return subprocess.run([sys.executable, "-m", "smlint", *map(str, args)], cwd=cwd, env=environment, check=False,
                          **run)


def modules_imported_by(*args: str) -> list[str]:
    """The modules a fresh process has imported after running ``smlint ARGS`` (lazy imports are tested with it)."""
    import subprocess
    import sys

    code = ("import sys\nfrom smlint.cli import main\n"
            f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def empty_store(store, tmp_path, monkeypatch):
    """A kept table (smlint/kept.py) empty and kept in ``tmp_path/__pycache__``, as a new process finds it."""
    import sys

    folder = tmp_path / "__pycache__"
    monkeypatch.setattr(store, "path", lambda: folder / store.name)
    monkeypatch.setattr(store, "table", None)
    monkeypatch.setattr(store, "changed", False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr("atexit.register", lambda function: None)  # saved by the test, not at exit
    return folder
