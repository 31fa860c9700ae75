"""`smlint report` and `smlint calendar` against hostile targets and texts."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from .conftest import EXAMPLES

COMPLETE = EXAMPLES / "groene-buurt.strategy.yaml"
TODAY = ("--today", "2027-03-01")


@pytest.fixture
def plan(tmp_path, monkeypatch):
    shutil.copy(COMPLETE, tmp_path / "s.strategy.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", [("report",), ("calendar", "--format", "ics"), ("calendar", "--format", "csv")])
def test_output_onto_a_fifo_without_reader_is_exit_2_and_the_fifo_stays(plan, cli, command):
    os.mkfifo(plan / "fifo")
    result = cli(*command, "s.strategy.yaml", "-o", "fifo", *TODAY)
    assert result.exit_code == 2
    assert stat.S_ISFIFO(os.stat(plan / "fifo").st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root (CI runs as root)")
@pytest.mark.parametrize("command", [("report",), ("calendar", "--format", "ics")])
def test_output_onto_a_device_is_written_to_never_replaced(plan, cli, command):
    """`-o /dev/null` run as root must not put a plain file in the place of the device."""
    os.mknod(plan / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(plan / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    assert cli(*command, "s.strategy.yaml", "-o", "null", *TODAY).exit_code == 0
    full = cli(*command, "s.strategy.yaml", "-o", "full", *TODAY)
    assert full.exit_code == 2 and "No space left" in full.stderr
    for name in ("null", "full"):
        assert stat.S_ISCHR(os.stat(plan / name).st_mode)


def test_output_through_a_link_replaces_the_file_it_points_to_and_keeps_the_link(plan, cli):
    (plan / "site").mkdir()
    (plan / "site" / "plan.html").write_text("old", encoding="utf-8")
    os.symlink("site/plan.html", plan / "plan.html")
    assert cli("report", "s.strategy.yaml", "-o", "plan.html", *TODAY).exit_code == 0
    assert os.path.islink(plan / "plan.html")
    assert (plan / "site" / "plan.html").read_text(encoding="utf-8").lower().startswith("<!doctype html>")


@pytest.mark.parametrize("title", ["Agenda:", ": begin", "0:", " : "])
def test_a_calendar_title_keeps_its_own_colons(tmp_path, monkeypatch, cli, title):
    """The summary "channel: title" was stripped of ': ' at both ends, and took the title's own with it."""
    import icalendar

    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.strategy.yaml").write_text(
        "version: 1\norganisation: {name: O}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
        f"channels: [{{platform: instagram}}]\ncalendar:\n  - {{date: 2027-02-01, channel: instagram, title: '{title}'}}\n"
        "  - {date: 2027-02-02, title: 'no channel:'}\n", encoding="utf-8")
    ics = cli("calendar", "s.strategy.yaml", "--format", "ics", *TODAY)
    summaries = [str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(ics.stdout_bytes).walk("VEVENT")]
    expected = f"Instagram: {title.strip()}" if title.strip() else "Instagram"
    assert summaries == [expected, "no channel:"]


def test_a_page_for_a_strategy_with_a_very_long_name_fits_the_file_system(tmp_path, monkeypatch, cli):
    """A name of 255 bytes is allowed; its page name (.yml -> .html, or a -2) was one too long: exit 2."""
    monkeypatch.chdir(tmp_path)
    long = "é" * 125 + "a.yml"  # 255 bytes
    (tmp_path / "b").mkdir()
    shutil.copy(COMPLETE, tmp_path / long)
    shutil.copy(COMPLETE, tmp_path / "b" / long)  # the same name twice: the second page gets a -2
    result = cli("report", long, f"b/{long}", "-o", "site", *TODAY)
    assert result.exit_code == 0, result.output
    names = sorted(os.listdir(tmp_path / "site"))
    assert len(names) == 3 and all(len(name.encode("utf-8")) <= 255 for name in names)
