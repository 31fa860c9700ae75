"""smlint server's parts that need no process: positions, diagnostics, hover, code-action edits, configuration."""

from __future__ import annotations

import os
import textwrap

import pytest

from smlint.lsp import actions, hover
from smlint.lsp.diagnostics import diagnostics, lint_document, rule_location, token_end
from smlint.lsp.positions import UTF8, UTF16, UTF32, TextIndex
from smlint.lsp.session import Session, is_strategy

from .conftest import EXAMPLES

STRATEGY = "/project/plan.strategy.yaml"
URI = "file://" + STRATEGY


def lint(text: str, session: Session | None = None, encoding: str = UTF16, path: str = STRATEGY):
    return lint_document(session or Session(), "file://" + path, path, textwrap.dedent(text), encoding)


def at(found, code: str):
    return [d for d in found if d.code == code]


# -- positions ---------------------------------------------------------------------------------------------------

def test_utf16_columns_count_an_emoji_as_two_units_and_an_accented_letter_as_one():
    index = TextIndex('a: "é😀"\nb: {"😀😀": 1, x: 2}\n')
    assert index.to_lsp(2, 14) == (1, 15)  # 'x' is code point 14 of line 2, after two emoji
    assert TextIndex(index.text, UTF32).to_lsp(2, 14) == (1, 13)
    assert TextIndex(index.text, UTF8).to_lsp(2, 14) == (1, 19)  # UTF-8: four bytes an emoji
    assert index.to_lsp(1, 6) == (0, 5)  # the emoji, after 'é': one unit, as in the protocol
    assert index.to_lsp(1, 7) == (0, 7)  # the closing quote, after the emoji's two units
    assert index.from_lsp(1, 15) == (2, 14)


def test_positions_go_through_unusual_line_breaks_and_a_byte_order_mark():
    # libyaml ends a line at NEL and LS too, the protocol only at LF, CR LF and CR
    index = TextIndex('\ufeffa: "x\u2028y"\r\nb: 1\rc: 2\n')
    assert index.to_lsp(1, 1) == (0, 1)  # after the BOM, which the loader drops
    assert index.to_lsp(2, 1) == (0, 7)  # smlint's line 2 starts after LS, still the protocol's line 0
    assert index.to_lsp(3, 1) == (1, 0)
    assert index.to_lsp(4, 1) == (2, 0)
    assert index.to_lsp(99, 99) == (3, 0)  # clamped to the text
    assert index.from_lsp(2, 0) == (4, 1)
    assert index.from_lsp(0, 1) == (1, 1)


def test_a_position_past_the_end_of_a_line_is_clamped_to_the_line():
    index = TextIndex("ab\ncd\n")
    assert index.to_lsp(1, 40) == (0, 2)
    assert index.lsp_offset(0, 40) == 2
    assert index.lsp_offset(-1, 0) == 0 and index.lsp_offset(10, 0) == len(index.text)


@pytest.mark.parametrize("line, start, end", [
    ("  name: Bakkerij", 2, 6),
    ('  "na me": x', 2, 9),
    ("  - id: x", 2, 3),
    ("time: 10:30 # c", 6, 11),
    ("k: [a, b]", 3, 4),
    ("", 0, 0),
])
def test_a_diagnostic_covers_the_word_it_points_at(line, start, end):
    assert token_end(line, start) == end


# -- diagnostics -------------------------------------------------------------------------------------------------

def test_diagnostics_are_the_findings_with_exact_utf16_positions_after_emoji_and_accents():
    _, found = lint("""\
        version: 1
        organisation: {name: "Café 😀", kind: bogus}
        period: {start: 2027-01-01, end: 2027-12-31}
        """)
    (bad,) = at(found, "SM003")
    # 'kind' is code point 32 of its line; the emoji before it is two UTF-16 units
    assert (bad.range.start.line, bad.range.start.character) == (1, 32)
    assert (bad.range.end.line, bad.range.end.character) == (1, 36)
    assert bad.source == "smlint" and bad.severity == 1 and "bogus" in bad.message


def test_diagnostics_carry_code_severity_message_and_the_rules_doc_as_related_information():
    linted, found = lint_document(Session(), URI, STRATEGY, (EXAMPLES / "flawed.strategy.yaml").read_text("utf-8"))
    assert [d.code for d in found] == [f.rule for f in linted.findings]
    assert [d.message for d in found] == [f.message for f in linted.findings]
    severities = {"error": 1, "warning": 2, "info": 3}
    assert [d.severity for d in found] == [severities[f.severity] for f in linted.findings]
    for diagnostic in found:
        (info,) = diagnostic.related_information
        assert info.location.uri.startswith("file://") and "/catalog/" in info.location.uri
        assert info.message.startswith(diagnostic.code)
        assert diagnostic.code_description is None  # no web link: the rule's doc is on this machine
    uri, line = rule_location("SM205")
    assert open(uri[len("file://"):], encoding="utf-8").read().splitlines()[line] == "SM205:"


def test_a_file_that_is_not_a_strategy_gets_no_diagnostics():
    assert not is_strategy("/x/docker-compose.yaml", "services: {}\n")
    assert is_strategy("/x/strategy.yml", "")
    assert is_strategy("untitled:Untitled-1", "# yaml-language-server: $schema=../schemas/strategy.schema.json\n")
    linted, found = lint("services: {web: {image: x}}\n", path="/x/docker-compose.yaml")
    assert linted.result is None and found == []


def test_a_document_that_does_not_parse_gets_sm001_where_the_parser_stopped():
    _, found = lint("version: 1\norganisation:\n  name: 'open quote\nperiod: x\n")
    (problem,) = found
    assert problem.code == "SM001"
    # libyaml reports an unclosed quoted scalar at the end of the document (line 5, column 1)
    assert (problem.range.start.line, problem.range.start.character) == (4, 0)
    _, found = lint("a: [1, 2\nb: c\n")
    assert [d.code for d in found] == ["SM001"]
    assert (found[0].range.start.line, found[0].range.start.character) == (1, 1)


# -- hover -------------------------------------------------------------------------------------------------------

def test_the_rule_doc_in_the_message_language():
    dutch = hover.rule_markdown("SM205", "nl")
    english = hover.rule_markdown("SM205", "en")
    assert "Wat de regel doet" in dutch and "```yaml" in dutch
    assert "What it does" in english and "Why it matters" in english
    assert hover.rule_markdown("SM999", "en") is None


def test_a_key_is_found_under_the_cursor_and_described_from_the_schema():
    linted, _ = lint("""\
        version: 1
        organisation: {name: X}
        period: {start: 2027-01-01, end: 2027-12-31}
        audiences:
          - id: buren
            income: low
        """)
    index = linted.index
    found = hover.key_at(linted, index.lsp_offset(5, 5))
    assert found is not None and found[0] == "/audiences/0/income"
    assert hover.key_at(linted, index.lsp_offset(5, 12)) is None  # on the value, not the key
    text = hover.key_markdown("/audiences/0/income", "en")
    assert "**income**" in text and "`middle`" in text
    assert hover.key_markdown("/audiences/0/age", "en").count("Age range") == 1
    assert hover.key_markdown("/audiences/0/x-mine", "en") is None  # a key of the user's own: nothing to say
    assert hover.key_markdown("/nonsense/3/deeper", "nl") is None


def test_a_schema_without_a_description_for_a_key_is_no_hover(monkeypatch):
    monkeypatch.setattr(hover, "_schema", lambda: {"properties": {"a": {"type": "string"}}})
    assert hover.key_markdown("/a", "en") is None
    monkeypatch.setattr(hover, "_schema", lambda: {"properties": {"a": {"x-description-nl": "Een A", "description": "An A"}}})
    assert "Een A" in hover.key_markdown("/a", "nl") and "An A" in hover.key_markdown("/a", "en")


# -- code actions ------------------------------------------------------------------------------------------------

def suppress(text: str, code: str):
    linted, _ = lint(text)
    (finding,) = [f for f in linted.findings if f.rule == code]
    edit = actions.suppress_edit(linted, finding)
    return linted, edit, edit.apply(linted.text) if edit else None


MINIMAL = "version: 1\norganisation: {name: X}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"


def test_suppress_appends_a_directive_to_the_line_and_the_finding_goes():
    _, _, after = suppress(MINIMAL + "slogan: vers\n", "SM007")
    assert "slogan: vers  # smlint: disable=SM007\n" in after
    _, found = lint(after)
    assert not at(found, "SM007") and not at(found, "SM008")


def test_suppress_merges_into_the_directive_already_on_the_line():
    _, _, after = suppress(MINIMAL + "slogan: {a: 1, a: 2}  # smlint: disable=SM007\n", "SM002")
    assert after.endswith("slogan: {a: 1, a: 2}  # smlint: disable=SM007,SM002\n")
    _, found = lint(after)
    assert not at(found, "SM002") and not at(found, "SM007")


def test_suppress_merges_before_the_reason_and_end_date_of_the_directive():
    _, _, after = suppress(MINIMAL + 'slogan: {a: 1, a: 2}  # smlint: disable=SM007 reason="eigen veld" until=2099-01-01\n',
                           "SM002")
    assert after.endswith('# smlint: disable=SM007,SM002 reason="eigen veld" until=2099-01-01\n')
    _, found = lint(after)
    assert not at(found, "SM002") and not at(found, "SM007")


def test_suppress_goes_on_its_own_line_when_a_comment_would_change_the_document():
    text = MINIMAL + "slogan: elke dag\n  vers gebakken\n"  # a plain scalar over two lines
    _, edit, after = suppress(text, "SM007")
    assert "slogan: elke dag\n" in after and "# smlint: disable-next-line=SM007\nslogan:" in after
    _, found = lint(after)
    assert not at(found, "SM007")


def test_suppress_keeps_the_documents_line_endings():
    _, _, after = suppress(MINIMAL.replace("\n", "\r\n") + "slogan: elke dag\r\n  vers\r\n", "SM007")
    assert "\r\n# smlint: disable-next-line=SM007\r\nslogan" in after


def test_sm001_cannot_be_suppressed():
    linted, _ = lint("a: [1\n")
    assert actions.suppress_edit(linted, linted.findings[0]) is None


def test_the_smallest_edit_between_two_texts():
    assert actions.minimal_edit("baseline: 1.200\n", "baseline: 1200\n") == actions.Edit(11, 12, "")
    assert actions.minimal_edit("same", "same") is None
    edit = actions.minimal_edit("a\r\nb", "a\nb")
    assert edit.apply("a\r\nb") == "a\nb" and edit.start == 1  # never between CR and LF
    edit = actions.minimal_edit("x\r\n", "xy\r\n")
    assert edit.apply("x\r\n") == "xy\r\n"


# -- configuration -----------------------------------------------------------------------------------------------

def test_the_configuration_found_for_the_file_applies_and_is_read_again_when_it_changes(tmp_path):
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "plans"
    folder.mkdir()
    path = str(folder / "plan.strategy.yaml")
    session = Session()
    text = MINIMAL + "slogan: vers\n"
    _, found = lint(text, session, path=path)
    assert at(found, "SM007") and at(found, "SM101")
    config = tmp_path / ".smlint.yaml"
    config.write_text("ignore: [SM1]\n", encoding="utf-8")
    _, found = lint(text, session, path=path)
    assert at(found, "SM007") and not at(found, "SM101")
    config.write_text("ignore: [SM007]\nlang: nl\n", encoding="utf-8")
    os.utime(config, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    linted, found = lint(text, session, path=path)
    assert not at(found, "SM007") and at(found, "SM101") and linted.lang == "nl"
    assert session.reads(str(config)) and not session.reads(path)
    config.unlink()
    _, found = lint(text, session, path=path)
    assert at(found, "SM007")


def test_a_configuration_smlint_cannot_use_means_the_defaults_and_says_why(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".smlint.yaml").write_text("ignore: [SM9999]\n", encoding="utf-8")
    linted, found = lint(MINIMAL, Session(), path=str(tmp_path / "strategy.yaml"))
    assert at(found, "SM101")
    assert ".smlint.yaml:1" in linted.configured.error and "SM9999" in linted.configured.error


# -- fixes (the seam to smlint fix) ------------------------------------------------------------------------------

def apply_all(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = edit.apply(text)
    return text


def test_the_edits_between_two_texts_are_one_per_changed_region():
    old = "a: 1\nb: 2\nc: 3  # keep\nd: [x]\n"
    new = "a: 10\nb: 2\nc: 30  # keep\nd: [x]\ne: 5\n"
    edits = actions.edits_between(old, new)
    assert [(old[e.start:e.end], e.new) for e in edits] == [("", "0"), ("", "0"), ("", "e: 5\n")]
    assert apply_all(old, edits) == new
    assert actions.edits_between(old, old) == []


def test_fixes_are_asked_for_in_one_place_and_become_edits(monkeypatch):
    linted, _ = lint(MINIMAL + "x-count: 1.200\n")
    monkeypatch.setattr(actions, "fixed_text", lambda linted, findings: linted.text.replace("1.200", "1200"))
    edits = actions.edits_between(linted.text, actions.fixed_text(linted, linted.findings))
    assert apply_all(linted.text, edits).endswith("x-count: 1200\n")


def test_the_fix_machinery_repairs_a_finding_and_all_of_them():
    pytest.importorskip("smlint.fixes", reason="smlint fix (issue 13) is not in this tree yet")
    text = (EXAMPLES / "flawed.strategy.yaml").read_text("utf-8")
    linted, _ = lint_document(Session(), URI, STRATEGY, text)
    fixable = [f for f in linted.findings if f.fixable]
    (thousands,) = [f for f in fixable if "1.200" in actions.describe(f)]
    one = apply_all(text, actions.edits_between(text, actions.fixed_text(linted, [thousands])))
    assert "baseline: 1200 " in one and one.replace("baseline: 1200 ", "baseline: 1.200") == text
    everything = apply_all(text, actions.edits_between(text, actions.fixed_text(linted, fixable)))
    again, _ = lint_document(Session(), URI, STRATEGY, everything)
    assert len(fixable) >= 3 and not [f for f in again.findings if f.fixable]


def test_all_diagnostics_of_the_examples_have_a_range_inside_the_document():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        linted, found = lint_document(Session(), path.as_uri(), str(path), path.read_text("utf-8"))
        for diagnostic in found:
            assert 0 <= diagnostic.range.start.line < linted.index.lsp_lines
            assert diagnostic.range.start.line == diagnostic.range.end.line
            assert diagnostic.range.start.character <= diagnostic.range.end.character
        assert diagnostics(linted) == found


def test_check_does_not_import_the_language_server_libraries():
    from .conftest import modules_imported_by

    modules = modules_imported_by("check", "--quiet", str(EXAMPLES / "groene-buurt.strategy.yaml"))
    assert "smlint.engine" in modules
    assert not [m for m in modules if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")]
    assert "smlint.lsp" not in modules and "smlint.commands.server" not in modules


def test_an_unused_suppression_is_marked_unnecessary_so_editors_fade_it():
    _, found = lint(MINIMAL + "x-note: 1  # smlint: disable=SM205\n")
    (unused,) = at(found, "SM008")
    assert unused.tags == [1]  # DiagnosticTag.Unnecessary
    assert all(d.tags is None for d in found if d.code != "SM008")


def project(tmp_path, config: str):
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / ".smlint.yaml").write_text(config, encoding="utf-8")
    return str(tmp_path / "flawed.strategy.yaml")


def test_a_rule_packs_findings_carry_its_doc_on_hover_and_point_at_the_pack(tmp_path):
    import shutil

    shutil.copy(EXAMPLES / "rulepacks" / "gemeente-zuidstad.rulepack.yaml", tmp_path / "pack.yaml")
    path = project(tmp_path, "rule-packs: [pack.yaml]\n")
    linted, found = lint((EXAMPLES / "flawed.strategy.yaml").read_text("utf-8"), Session(), path=path)
    (first, *_) = [d for d in found if d.code.startswith("ZST")]
    (info,) = first.related_information
    assert info.location.uri == (tmp_path / "pack.yaml").as_uri()
    assert (tmp_path / "pack.yaml").read_text("utf-8").splitlines()[info.location.range.start.line].strip() \
        == f"- code: {first.code}"
    shown = hover.rule_markdown(first.code, linted.lang, linted.configured.entries)
    assert shown.startswith(f"**{first.code} ") and linted.configured.entries[first.code]["doc"]["nl"]["summary"] in shown


def test_what_the_configurations_baseline_holds_is_not_shown_as_check_does_not(tmp_path):
    from smlint import baseline

    text = (EXAMPLES / "flawed.strategy.yaml").read_text("utf-8")
    path = project(tmp_path, "")
    linted, found = lint(text, Session(), path=path)
    assert len(found) > 30
    (tmp_path / "baseline.json").write_text(baseline.render(linted.findings), encoding="utf-8")
    project(tmp_path, "baseline: baseline.json\n")
    session = Session()
    _, found = lint(text, session, path=path)
    assert found == []
    _, found = lint(text + "slogan: nieuw\n", session, path=path)
    assert [d.code for d in found] == ["SM007"]
    _, found = lint(text, session, path=path)  # every lint starts from the whole baseline again
    assert found == []
