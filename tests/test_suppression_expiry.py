"""Suppressions with a reason and an end date: SM009 when one has expired, SM010 when a required reason is missing."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from smlint.engine import Linter, Options

from .conftest import MINIMAL, codes

VAGUE = MINIMAL + textwrap.dedent("""\
    objectives:
      - id: fans
        statement: Meer fans.  # smlint: disable=SM205 {options}
    """)


def vague(options: str) -> str:
    return VAGUE.replace("{options}", options)


def lint(text: str, today: dt.date, *, require_reason: bool = False, lang: str = "en", **options):
    linter = Linter(Options(select=("SM205", "SM008", "SM009", "SM010"), lang=lang, today=today,
                            require_reason=require_reason, **options))
    return linter.lint_bytes("strategy.yaml", text.encode()).findings


@pytest.mark.parametrize("options", ['reason="bureau herschrijft de tekst" until=2027-06-30',
                                     "until=2027-06-30 reason='bureau herschrijft de tekst'",
                                     "until=2027-06-30"])
def test_a_suppression_works_until_its_date_and_not_a_day_longer(options):
    text = vague(options)
    assert lint(text, dt.date(2027, 6, 30)) == []
    after = lint(text, dt.date(2027, 7, 1))
    assert codes(after) == ["SM205", "SM009"]
    expired = after[1]
    assert (expired.line, expired.severity) == (6, "warning")
    assert "30 June 2027" in expired.message
    if "reason" in options:
        assert "bureau herschrijft de tekst" in expired.message


def test_without_until_a_suppression_never_expires():
    assert lint(vague('reason="x"'), dt.date(2099, 1, 1)) == []


def test_expiry_in_dutch_and_in_every_kind_of_directive():
    text = MINIMAL + textwrap.dedent("""\
        # smlint: disable-file=SM205 reason="oud plan" until=2027-01-31
        objectives:
          # smlint: disable-next-line=SM205 until=2027-01-31
          - id: fans
            statement: Meer fans.
        """)
    found = lint(text, dt.date(2027, 2, 1), lang="nl")
    assert sorted(codes(found)) == ["SM009", "SM009", "SM205"]
    assert all("31 januari 2027" in f.message for f in found if f.rule == "SM009")
    assert any("(reden: oud plan)" in f.message for f in found)


def test_a_bad_until_is_reported_and_the_suppression_not_used():
    found = lint(vague("until=30-06-2027"), dt.date(2027, 1, 1))
    assert codes(found) == ["SM205", "SM009"]
    assert "until=30-06-2027 is not a date" in found[1].message


def test_required_reason_sm010_only_when_the_configuration_asks():
    assert lint(vague(""), dt.date(2027, 1, 1)) == []
    found = lint(vague(""), dt.date(2027, 1, 1), require_reason=True)
    assert codes(found) == ["SM010"]
    assert found[0].line == 6
    assert lint(vague('reason="campagnetekst van het bureau"'), dt.date(2027, 1, 1),
                require_reason=True) == []


def test_an_expired_suppression_is_not_also_reported_as_unused():
    text = MINIMAL + "x-note: 1  # smlint: disable=SM205 until=2026-01-01\n"
    assert codes(lint(text, dt.date(2027, 1, 1))) == ["SM009"]


def test_directives_in_any_case_with_options(tmp_path):
    text = vague('REASON="x" UNTIL=2027-06-30')
    assert lint(text, dt.date(2027, 7, 1))[-1].rule == "SM009"


# --- per-file-ignores in the configuration -------------------------------------------------------

@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "oud.strategy.yaml").write_text(vague("").replace(
        "  # smlint: disable=SM205 ", ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_per_file_ignores_with_until_expire_with_sm009(repo, cli):
    (repo / ".smlint.yaml").write_text(textwrap.dedent("""\
        per-file-ignores:
          "legacy/*.yaml": {codes: [SM205], reason: "oude plannen", until: 2027-06-30}
        """), encoding="utf-8")
    args = ("check", "legacy", "--format", "json", "--select", "SM205,SM009,SM010", "--lang", "en")
    assert _rules(cli(*args, "--today", "2027-06-30")) == []
    result = cli(*args, "--today", "2027-07-01")
    assert sorted(_rules(result)) == ["SM009", "SM205"]
    note = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "SM009"][0]
    assert "legacy/*.yaml" in note["message"] and "oude plannen" in note["message"] and note["line"] == 1


def test_per_file_ignores_without_reason_get_sm010_when_required(repo, cli):
    (repo / ".smlint.yaml").write_text(textwrap.dedent("""\
        require-suppression-reason: true
        per-file-ignores:
          "legacy/*.yaml": [SM205]
        """), encoding="utf-8")
    args = ("check", "legacy", "--format", "json", "--select", "SM205,SM009,SM010", "--today", "2027-01-01")
    assert _rules(cli(*args)) == ["SM010"]
    (repo / ".smlint.yaml").write_text(textwrap.dedent("""\
        require-suppression-reason: true
        per-file-ignores:
          "legacy/*.yaml": {codes: [SM205], reason: "oude plannen"}
        """), encoding="utf-8")
    assert _rules(cli(*args)) == []


def test_a_bad_per_file_ignore_entry_is_exit_2(repo, cli):
    (repo / ".smlint.yaml").write_text('per-file-ignores:\n  "legacy/*.yaml": {codes: [SM2O5], until: soon}\n',
                                       encoding="utf-8")
    result = cli("check", "legacy")
    assert result.exit_code == 2 and ".smlint.yaml:2:" in result.output
