"""What a one-file `smlint check` imports: only what linting and the text report need (issue 15, start-up)."""

from __future__ import annotations

from .conftest import EXAMPLES, modules_imported_by


def test_a_text_check_imports_no_json_and_no_other_command():
    modules = modules_imported_by("check", str(EXAMPLES / "groene-buurt.strategy.yaml"), "--today", "2027-01-02")
    assert "smlint.engine" in modules
    unneeded = ("json", "hashlib", "csv", "tempfile", "smlint.commands.calendar", "smlint.commands.report")
    assert [name for name in unneeded if name in modules] == []


def test_help_lists_the_commands_it_imports_only_when_they_run(cli):
    listed = cli("--help").output
    assert "calendar" in listed and "report" in listed
    assert "iCalendar" in cli("calendar", "--help").output
