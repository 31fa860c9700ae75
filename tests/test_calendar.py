"""`smlint calendar`: iCalendar and CSV, read back by two independent parsers, with stable UIDs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os

import icalendar
import vobject

from .conftest import EXAMPLES

TODAY = "2027-01-02"
GROENE = EXAMPLES / "groene-buurt.strategy.yaml"
FLAWED = EXAMPLES / "flawed.strategy.yaml"


def ics(cli, path, *args) -> bytes:
    result = cli("calendar", path, "--format", "ics", "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def by_icalendar(data: bytes) -> list[tuple[str, dt.date, str]]:
    calendar = icalendar.Calendar.from_ical(data)
    return [(str(e["UID"]), e.decoded("DTSTART"), str(e["SUMMARY"])) for e in calendar.walk("VEVENT")]


def by_vobject(data: bytes) -> list[tuple[str, dt.date, str]]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return [(e.uid.value, e.dtstart.value, e.summary.value) for e in calendar.vevent_list]


def test_one_event_per_entry_and_task_due_date_read_back_by_two_parsers(cli):
    data = ics(cli, GROENE)
    first, second = by_icalendar(data), by_vobject(data)
    assert first == second
    assert len(first) == 12 + 3  # 12 calendar entries, 3 tasks with a due date
    assert len({uid for uid, _, _ in first}) == len(first)
    dates = sorted(date for _, date, _ in first)
    assert dates[0] == dt.date(2027, 1, 4) and dates[-1] == dt.date(2027, 7, 15)
    assert all(type(date) is dt.date for date in dates)  # all-day events
    summaries = {summary for _, _, summary in first}
    assert "Facebook: Afval scheiden na de feestdagen" in summaries
    assert "Taak: Fotoshoot voorjaar in de moestuin" in summaries


def test_event_carries_channel_pillar_owner_and_status(cli):
    calendar = icalendar.Calendar.from_ical(ics(cli, GROENE))
    event = next(e for e in calendar.walk("VEVENT") if "Afval scheiden" in str(e["SUMMARY"]))
    description = str(event["DESCRIPTION"])
    for line in ("Kanaal: Facebook", "Pijler: Duurzame tips", "Eigenaar: Anna de Vries", "Status: gepland",
                 "Strategie: Groene Buurt"):
        assert line in description
    assert event.decoded("DTEND") == dt.date(2027, 1, 7)
    assert str(event["STATUS"]) == "TENTATIVE" and str(event["TRANSP"]) == "TRANSPARENT"
    assert event.decoded("DTSTAMP") == dt.datetime(2027, 1, 2, tzinfo=dt.timezone.utc)
    assert str(calendar["X-WR-CALNAME"]) == "Groene Buurt: inhoudskalender"
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["VERSION"]) == "2.0"


def test_english_words_with_lang_en(cli):
    calendar = icalendar.Calendar.from_ical(ics(cli, GROENE, "--lang", "en"))
    event = next(e for e in calendar.walk("VEVENT") if "Afval scheiden" in str(e["SUMMARY"]))
    assert "Channel: Facebook" in str(event["DESCRIPTION"]) and "Status: planned" in str(event["DESCRIPTION"])


def test_same_input_gives_byte_identical_output(cli):
    assert ics(cli, GROENE) == ics(cli, GROENE)
    assert ics(cli, GROENE).count(b"\r\n") > 100  # RFC 5545 line endings


def uids(cli, path) -> dict[str, str]:
    return {summary: uid for uid, _, summary in by_icalendar(ics(cli, path))}


def test_uids_do_not_change_when_unrelated_lines_change(cli, tmp_path):
    before = uids(cli, GROENE)
    text = GROENE.read_text(encoding="utf-8")
    edited = (
        "# a new comment line at the top moves every line number\n" + text
    ).replace(
        "Gezinnen in Utrecht-Oost die duurzamer willen leven", "Gezinnen in heel Utrecht"  # another section
    ).replace(
        "{date: 2027-01-06, channel: facebook, pillar: tips, title: Afval scheiden na de feestdagen, owner: anna, "
        "status: planned}",
        "{date: 2027-01-07, channel: facebook, pillar: acties, title: Afval scheiden na de feestdagen, owner: sem, "
        "status: published}",  # the same post moved a day, another pillar, owner and status
    ).replace(
        "title: Zuinig stoken", "title: Zuinig stoken in de winter"  # another entry's title
    ).replace(
        "due: 2027-02-15", "due: 2027-03-01"  # a task moved
    )
    calendar_lines = [line for line in edited.splitlines() if line.startswith("  - {date:")]
    edited = edited.replace(calendar_lines[0] + "\n", "").replace(  # an entry moved in the file
        calendar_lines[-1] + "\n", calendar_lines[-1] + "\n" + calendar_lines[0] + "\n")
    path = tmp_path / "groene-buurt.strategy.yaml"
    path.write_text(edited, encoding="utf-8")
    after = uids(cli, path)
    assert len(after) == len(before)
    changed = {summary for summary in before if before[summary] != after.get(summary)}
    assert changed == {"Facebook: Zuinig stoken"}  # only the entry whose title changed has a new UID (and title)
    assert after["Facebook: Zuinig stoken in de winter"] not in before.values()


def test_uids_of_entries_with_the_same_title_are_distinct_and_stable(cli, tmp_path):
    strategy = (
        "version: 1\norganisation: {name: X, languages: [en]}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
        "channels: [{platform: facebook}]\ncalendar:\n"
        "  - {date: 2027-01-05, channel: facebook, title: Weekly tip}\n"
        "  - {date: 2027-01-12, channel: fb, title: Weekly tip}\n"
        "  - {date: 2027-01-12, channel: facebook}\n"
    )
    path = tmp_path / "x.strategy.yaml"
    path.write_text(strategy, encoding="utf-8")
    first = by_icalendar(ics(cli, path))
    assert len({uid for uid, _, _ in first}) == 3
    other = tmp_path / "other.strategy.yaml"
    other.write_text(strategy.replace("name: X", "name: Y"), encoding="utf-8")
    assert not {uid for uid, _, _ in first} & {uid for uid, _, _ in by_icalendar(ics(cli, other))}


def test_csv_has_a_header_in_the_users_language(cli):
    result = cli("calendar", GROENE, "--format", "csv", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Soort", "Datum", "Kanaal", "Pijler", "Titel", "Eigenaar", "Status", "UID"]
    assert len(rows) == 1 + 15
    assert rows[1][:7] == ["kalenderitem", "2027-01-04", "Facebook", "Nieuws uit de buurt",
                           "Nieuwjaarsborrel in het buurthuis", "Anna de Vries", "gepland"]
    assert {row[7] for row in rows[1:]} == set(uids(cli, GROENE).values())  # the same UIDs as the .ics
    english = cli("calendar", GROENE, "--format", "csv", "--lang", "en").stdout.lstrip("\ufeff")
    assert next(csv.reader(io.StringIO(english))) == ["Type", "Date", "Channel", "Pillar", "Title", "Owner", "Status",
                                                      "UID"]


def test_csv_cells_never_start_a_formula_and_survive_separators(cli, tmp_path):
    path = tmp_path / "x.strategy.yaml"
    path.write_text(
        "version: 1\norganisation: {name: X, languages: [en]}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
        "channels: [{platform: facebook}]\ncalendar:\n"
        '  - {date: 2027-01-05, channel: facebook, title: "=HYPERLINK(\\"http://x\\")"}\n'
        '  - {date: 2027-01-06, channel: facebook, title: "a, b; \\"c\\"\\nd"}\n', encoding="utf-8")
    rows = list(csv.reader(io.StringIO(cli("calendar", path, "--format", "csv").stdout.lstrip("\ufeff"))))
    assert rows[1][4] == "'=HYPERLINK(\"http://x\")"
    assert rows[2][4] == 'a, b; "c"\nd'
    events = by_vobject(ics(cli, path))
    assert events[1][2] == 'Facebook: a, b; "c"\nd'  # escaped in the .ics, read back whole


def test_entries_without_a_readable_date_are_left_out_with_a_note(cli, tmp_path):
    path = tmp_path / "x.strategy.yaml"
    path.write_text(
        "version: 1\norganisation: {name: X, languages: [en]}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
        "calendar:\n  - {date: 2027-13-01, channel: facebook, title: a}\n  - {date: 2027-02-01, channel: fb}\n"
        "tasks:\n  - {id: t, title: b, due: nope}\n  - {id: u, title: c}\n", encoding="utf-8")
    result = cli("calendar", path, "--today", TODAY)
    assert result.exit_code == 0
    assert len(by_vobject(result.stdout_bytes)) == 1
    assert "2 items without a valid date were left out" in result.stderr


def test_output_is_atomic_and_never_replaces_a_strategy(cli, tmp_path):
    strategy = tmp_path / "plan.strategy.yaml"
    strategy.write_bytes(GROENE.read_bytes())
    result = cli("calendar", strategy, "-o", strategy)
    assert result.exit_code == 2 and strategy.read_bytes() == GROENE.read_bytes()
    out = tmp_path / "calendar.ics"
    assert cli("calendar", strategy, "-o", out, "--today", TODAY).exit_code == 0
    assert out.read_bytes() == ics(cli, strategy)
    assert sorted(os.listdir(tmp_path)) == ["calendar.ics", "plan.strategy.yaml"]


def test_several_strategies_make_one_calendar(cli):
    data = ics(cli, GROENE, EXAMPLES / "northwind-analytics.strategy.yaml")
    assert len(by_vobject(data)) == len(by_icalendar(ics(cli, GROENE))) + len(
        by_icalendar(ics(cli, EXAMPLES / "northwind-analytics.strategy.yaml")))


def test_flawed_example_still_gives_a_calendar(cli):
    events = by_vobject(ics(cli, FLAWED))
    assert len(events) == 2 + 2  # two entries, two tasks with a due date (one of them outside the period)
