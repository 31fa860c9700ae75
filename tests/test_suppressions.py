"""Inline suppressions (SPEC section 3) and SM008 for the ones that suppress nothing."""

from __future__ import annotations

import pytest

from smlint.suppressions import parse

from .conftest import MINIMAL, codes, lint, only

VAGUE = MINIMAL + """\
objectives:
  - id: fans
    owner: anna
    statement: Meer fans op Facebook.{comment}
"""  # SM205 is reported at the statement, line 7


def vague(comment: str = "", before: str = ""):
    text = VAGUE.replace("    statement:", before + "    statement:") if before else VAGUE
    return lint(text.replace("{comment}", comment), dedent=False, select=("SM205", "SM008"))


def test_without_a_suppression_sm205_fires():
    assert codes(vague()) == ["SM205"]


@pytest.mark.parametrize("comment", [
    "  # smlint: disable=SM205",
    "  # smlint: disable=SM2",
    "  # smlint: disable=sm205, SM301",
    "  #smlint:disable=SM205",
    "  # smlint: disable",
])
def test_disable_at_the_end_of_the_line(comment):
    found = vague(comment)
    assert "SM205" not in codes(found)


def test_disable_next_line_skips_blank_and_comment_lines():
    assert codes(vague(before="    # smlint: disable-next-line=SM205\n")) == []
    assert codes(vague(before="    # smlint: disable-next-line=SM205\n\n    # why: a slogan on purpose\n")) == []


def test_disable_file_anywhere():
    text = "# smlint: disable-file=SM2\n" + VAGUE.replace("{comment}", "")
    assert codes(lint(text, dedent=False, select=("SM205", "SM008"))) == []


def test_suppression_on_another_line_does_not_apply():
    found = vague(before="    # smlint: disable=SM205\n")
    assert codes(found) == ["SM008", "SM205"]


def test_sm008_reports_an_unused_suppression_at_the_comment():
    text = MINIMAL.replace("organisation: {name: Test}", "organisation: {name: Test}  # smlint: disable=SM102")
    [finding] = only(lint(text, dedent=False, select=("SM1", "SM008")), "SM008")
    assert (finding.line, finding.column, finding.severity) == (2, 29, "info")
    assert finding.path == "/organisation"
    assert finding.message == "`# smlint: disable=SM102` suppresses nothing here: remove SM102 from the comment"


def test_sm008_reports_only_the_unused_code_of_several():
    text = VAGUE.replace("{comment}", "  # smlint: disable=SM205,SM201")
    found = only(lint(text, dedent=False, select=("SM205", "SM201", "SM008")), "SM008")
    assert [f.message.split("=")[1].split("`")[0] for f in found] == ["SM201"]


def test_sm008_reports_unknown_codes():
    [finding] = only(vague("  # smlint: disable=SM205,SM999"), "SM008")
    assert "'SM999'" in finding.message and "not a rule code" in finding.message
    [bad] = only(vague("  # smlint: disable=SM205,vaag"), "SM008")
    assert "'VAAG'" in bad.message


def test_sm008_silent_for_codes_that_did_not_run():
    # SM301 is not selected in this run: smlint cannot tell whether it would have suppressed something
    assert only(vague("  # smlint: disable=SM205,SM301"), "SM008") == []


def test_sm008_can_be_ignored_by_configuration():
    text = VAGUE.replace("{comment}", "  # smlint: disable=SM201")
    assert only(lint(text, dedent=False, select=("SM205", "SM201"), ignore=("SM008",)), "SM008") == []


def test_a_hash_inside_quotes_is_not_a_comment():
    text = MINIMAL + 'objectives:\n  - id: o\n    owner: a\n    statement: "Meer fans # smlint: disable=SM205"\n'
    assert codes(lint(text, dedent=False, select=("SM205", "SM008"))) == ["SM205"]


def test_suppressed_smart_findings_do_not_count_against_the_maturity_stage():
    from smlint.ruledata import maturity
    from smlint.engine import Linter, Options

    from .test_planning_maturity import stage_four, text

    doc = stage_four()
    doc["objectives"][0].pop("owner")
    plain = text(doc)
    linter = Linter(Options())
    assert maturity.assess(linter.lint_bytes("s.yaml", plain.encode()).context).stage == 3
    suppressed = plain.replace("- id: o\n", "- id: o  # smlint: disable=SM204\n")
    result = linter.lint_bytes("s.yaml", suppressed.encode())
    assert maturity.assess(result.context).stage == 4 and "SM204" not in codes(result.findings)


def test_parse_reads_kinds_codes_and_targets():
    directives = parse("a: 1  # smlint: disable=SM1, SM205\n# smlint: disable-next-line\n\nb: 2\n# smlint: disable-file=SM3\n")
    assert [(d.kind, d.line, d.target, d.codes) for d in directives] == [
        ("disable", 1, 1, ("SM1", "SM205")),
        ("disable-next-line", 2, 4, ()),
        ("disable-file", 5, None, ("SM3",)),
    ]


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_odd_line_breaks_do_not_move_suppressions(char):
    # YAML 1.2 and editors count lines at \n, \r\n and \r only
    before = f"    x-note: a{char}b  # one line\n    # smlint: disable-next-line=SM205\n"
    assert codes(vague(before=before)) == []
    assert codes(vague(comment=f"  # note{char}smlint: disable=SM205")) == []


def test_suppressions_count_carriage_returns_as_line_breaks():
    text = VAGUE.replace("    statement:", "    # smlint: disable-next-line=SM205\n    statement:").replace("{comment}", "")
    assert codes(lint(text.replace("\n", "\r"), dedent=False, select=("SM205", "SM008"))) == []


@pytest.mark.parametrize("comment", ["  # SMLINT: DISABLE=SM205", "  # Smlint: Disable=sm205", "  # SmLint:disable"])
def test_directives_are_read_in_any_case(comment):
    assert codes(vague(comment)) == []


@pytest.mark.parametrize("style", ["|", ">-", "|2"])
def test_a_directive_inside_a_block_scalar_is_text_not_a_comment(style):
    text = MINIMAL + f"""\
objectives:
  - id: fans
    owner: anna
    statement: Meer fans op Facebook.
    note: {style}
      Our plan mentions
      # smlint: disable-file=SM205
      in its text, which is not a comment.
"""
    assert codes(lint(text, dedent=False, select=("SM205", "SM008"))) == ["SM205"]


def test_a_directive_inside_a_multi_line_quoted_scalar_is_text():
    text = VAGUE.replace("{comment}", "").replace("    statement:", "    x-note: \"a quoted text\n      # smlint: disable-file\n      that goes on\"  # smlint: disable-next-line=SM205\n    statement:")
    assert codes(lint(text, dedent=False, select=("SM205", "SM008"))) == []


def test_a_comment_after_a_block_scalar_is_a_comment():
    text = VAGUE.replace("{comment}", "").replace("    statement:", "    x-note: |\n      text\n    # smlint: disable-next-line=SM205\n    statement:")
    assert codes(lint(text, dedent=False, select=("SM205", "SM008"))) == []
