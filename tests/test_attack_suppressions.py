"""Suppressions' reason= and until= written oddly: read as meant, said when wrong, never silently endless."""

from __future__ import annotations

import datetime as dt

import pytest

from smlint.suppressions import _options, parse

from .conftest import codes
from .test_suppression_expiry import lint, vague

AFTER = dt.date(2027, 7, 1)
BEFORE = dt.date(2027, 6, 30)


@pytest.mark.parametrize(("options", "reason"), [
    ('reason="bureau herschrijft" until=2027-06-30', "bureau herschrijft"),
    ("reason=“bureau herschrijft” until=2027-06-30", "bureau herschrijft"),  # a word processor's quotes
    ("reason=„bureau herschrijft” until=2027-06-30", "bureau herschrijft"),  # the Dutch low-high pair
    ("reason=‘bureau herschrijft’ until=2027-06-30", "bureau herschrijft"),
    ("reason='it''s the bureau' until=2027-06-30", "it's the bureau"),
    ('reason="say \\"later\\"" until=2027-06-30', 'say "later"'),
    ('reason="bureau herschrijft until=2027-06-30', "bureau herschrijft"),  # a quote left open
    ("reason='bureau herschrijft until=2027-06-30", "bureau herschrijft"),
])
def test_a_reason_however_quoted_keeps_its_until(options, reason):
    assert lint(vague(options), BEFORE) == []
    after = lint(vague(options), AFTER)
    assert codes(after) == ["SM205", "SM009"]
    assert f"(reason: {reason})" in after[1].message


@pytest.mark.parametrize("options", ["until=", 'until=""', "until=2027-6-30", "until=２０２７-０６-３０",
                                     "until=2027-02-30", "until=2027-06-30T00:00"])
def test_an_until_that_is_no_date_is_said_and_the_suppression_not_used(options):
    found = lint(vague(options), BEFORE)
    assert codes(found) == ["SM205", "SM009"]
    assert "is not a date" in found[1].message


@pytest.mark.parametrize(("until", "works_in_2027"), [("9999-12-31", True), ("0001-01-01", False)])
def test_the_farthest_dates_work(until, works_in_2027):
    found = lint(vague(f"until={until}"), BEFORE)
    assert (found == []) is works_in_2027


def test_control_characters_in_a_reason_are_escaped_and_a_huge_reason_is_cut():
    """YAML keeps most control characters out of a file; the bidirectional ones (which make text read otherwise
    than it is stored) it allows, and they are escaped; the rest is escaped where a reason is read."""
    found = lint(vague('reason="a\u202ered\u2066b" until=2027-06-30'), AFTER)
    assert r"(reason: a\u202ered\u2066b)" in found[1].message
    assert _options('SM205 reason="a\x1b[31mb" until=x\x1b[2J')[1:] == ("a\\x1b[31mb", None, "x\\x1b[2J")
    huge = lint(vague('reason="' + "x" * 100_000 + '" until=2027-06-30'), AFTER)[1].message
    assert len(huge) < 600 and "x…)" in huge


@pytest.mark.timeout(30)
@pytest.mark.parametrize("tail", ['reason="' + " \t" * 200_000, 'reason="' + " reason" * 100_000,
                                  " until=\"" * 100_000, "reason=“" * 100_000, 'reason="' + "\\" * 200_000])
def test_reading_options_is_linear_in_the_line(tail):
    """An open quote followed by a long run of spaces was quadratic (seconds for 16 KB, hours for a long line)."""
    _options("SM205 " + tail)
    parse(f"a: 1  # smlint: disable=SM205 {tail}\n")
