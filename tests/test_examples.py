"""The bundled examples: the complete ones lint clean, the flawed one does not."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES, codes, lint

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
