"""The bundled examples: the complete ones lint clean, the flawed one does not."""

from __future__ import annotations

import datetime as dt
import re
import shlex
import types

import pytest

from .conftest import EXAMPLES, REPO, codes, lint

COMPLETE = ["groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml"]


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_examples_are_clean(name):
    findings = lint("", data=(EXAMPLES / name).read_bytes(), lang=None)
    assert [f"{f.rule} {f.line}: {f.message}" for f in findings] == []


@pytest.mark.parametrize("name", COMPLETE + ["flawed.strategy.yaml"])
def test_examples_carry_the_schema_modeline(name):
    first = (EXAMPLES / name).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/strategy.schema.json"


def test_flawed_example_shows_many_kinds_of_problem():
    found = set(codes(lint("", data=(EXAMPLES / "flawed.strategy.yaml").read_bytes(), lang=None)))
    assert {"SM002", "SM003", "SM004", "SM005", "SM007", "SM102", "SM201", "SM202", "SM203", "SM204", "SM205", "SM207"} <= found
    assert {"SM301", "SM302", "SM303", "SM304", "SM401", "SM402", "SM403", "SM404"} <= found
    assert {"SM501", "SM502", "SM503", "SM505", "SM506", "SM601", "SM602"} <= found
    assert {"SM210", "SM305", "SM306", "SM508"} <= found  # the trainer's checks of issue 12


def test_example_language_follows_the_file():
    dutch = lint("", data=(EXAMPLES / "flawed.strategy.yaml").read_bytes(), lang=None)
    assert any("staat al op regel" in f.message for f in dutch)


def _quick_start_command() -> list[str]:
    """README's first Quick start command: the part after `&&` in its first sh block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)\n```", readme, re.DOTALL)[1]
    return shlex.split(block.split("&&", 1)[1])


@pytest.mark.parametrize("system_date", ["2026-03-01", "2027-01-21", "2027-12-31", "2031-06-01"])
@pytest.mark.parametrize("example", COMPLETE)
def test_quick_start_is_clean_on_any_date(cli, monkeypatch, system_date, example):
    """README's first command, run as written from the repository root, whatever the system date says."""
    from smlint.commands import base as command_line  # where the command line reads the system date

    class SystemDate(dt.date):
        @classmethod
        def today(cls):
            return cls.fromisoformat(system_date)

    command = _quick_start_command()
    assert command == ["smlint", "check", "examples/groene-buurt.strategy.yaml"]
    command[-1] = f"examples/{example}"
    monkeypatch.setattr(command_line, "dt", types.SimpleNamespace(date=SystemDate))
    monkeypatch.chdir(REPO)
    result = cli(*command[1:])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(("Geen problemen gevonden", "No problems found"))
