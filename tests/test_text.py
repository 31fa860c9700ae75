"""Statement analysis: time expressions, numbers and words, Dutch and English."""

from __future__ import annotations

import datetime as dt

import pytest

from smlint.language.text import analyse, parse_number

START = dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eind 2027", dt.date(2027, 12, 31)),
        ("tegen het einde van het jaar", dt.date(2027, 12, 31)),
        ("voor 1 juli", dt.date(2027, 7, 1)),
        ("in Q3", dt.date(2027, 9, 30)),
        ("in het derde kwartaal", dt.date(2027, 9, 30)),
        ("binnen 6 maanden", dt.date(2027, 6, 30)),
        ("by the end of the year", dt.date(2027, 12, 31)),
        ("by June 30", dt.date(2027, 6, 30)),
        ("Q3 2027", dt.date(2027, 9, 30)),
        ("within 6 months", dt.date(2027, 6, 30)),
        ("uiterlijk 2027-03-15", dt.date(2027, 3, 15)),
        ("eind juni", dt.date(2027, 6, 30)),
        ("by 30 June 2028", dt.date(2028, 6, 30)),
    ],
)
def test_time_expressions_resolve_against_the_period(text, expected):
    found = analyse(f"500 volgers op Instagram {text}", START).time
    assert found is not None and found.date == expected


def test_day_without_year_is_its_first_occurrence_in_the_period():
    mid_year = dt.date(2027, 9, 1)
    assert analyse("voor 1 juli", mid_year).time.date == dt.date(2028, 7, 1)


def test_no_time_expression_in_a_rate():
    assert analyse("3 posts per week on Instagram", START).time is None


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("1.200", "nl", 1200), ("1,200", "en", 1200), ("1.200", "en", 1.2), ("1,5", "nl", 1.5), ("10.000,5", "nl", 10000.5)],
)
def test_numbers_are_read_in_the_statement_language(text, lang, value):
    assert parse_number(text, lang) == value


def test_percentages_in_words_and_digits():
    assert analyse("tien procent meer volgers", START, "nl").percents == [10.0]
    assert analyse("10 procent meer volgers", START, "nl").relative == [10.0]
    assert analyse("grow by 15% this year", START, "en").relative == [15.0]


def test_years_and_dates_are_not_targets():
    result = analyse("Eind 2027 meer volgers op Instagram", START)
    assert not result.measurable
    assert analyse("In 2027 2000 volgers op Instagram", START).numbers == [2000.0]


def test_vague_metric_and_platform_words():
    result = analyse("Ik zal mijn aantal fans op sociale mediaplatforms vergroten.", START)
    assert result.vague == ["vergroten"] and result.metrics == ["followers"] and result.platforms == []
    result = analyse("Meer fans op de Facebook-pagina en op X", START)
    assert set(result.platforms) == {"facebook", "x"}


def test_language_detection():
    assert analyse("We will reach 500 followers by the end of the year").lang == "en"
    assert analyse("We bereiken eind van het jaar 500 volgers").lang == "nl"
    assert analyse("anything", lang_hint="nl").lang == "nl"


# Each of these took minutes before statement analysis was linear (issue 11: "1 " * 10000, 20 KB,
# took 15 s; each number sliced and re-read all the text before it). 100 KB now takes well under a
# second; the timeout is a generous bound on the work, not a measurement (timings: benchmarks/run.py).
LONG = 50_000


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("statement", "check"),
    [
        ("1 " * LONG, lambda a: len(a.numbers) == LONG),
        ("met 10% " * (LONG // 4), lambda a: len(a.relative) == LONG // 4),
        ("tien procent meer " * (LONG // 9), lambda a: len(a.relative) == LONG // 9),
        ("van 1.200 " * (LONG // 5), lambda a: a.baseline == 1200 and len(a.numbers) == LONG // 5),
        ("in 2027 " * (LONG // 4), lambda a: a.numbers == [] and a.time.date == dt.date(2027, 12, 31)),
        ("Q3 " * (LONG // 2), lambda a: a.time.date == dt.date(2027, 9, 30)),
        ("2027 volgers " * (LONG // 6), lambda a: a.numbers == [2027.0] * (LONG // 6)),
        (" " * LONG + "1", lambda a: a.numbers == [1.0]),
        ("binnen 2 dagen " * (LONG // 7), lambda a: a.time is not None),  # each window looked for "reageren" again
        ("1" + " " * LONG + "% meer", lambda a: a.relative == [1.0]),
    ],
    ids=["numbers", "percents", "word-percents", "baselines", "years", "quarters", "year-counts", "spaces-before",
         "windows", "spaces-after"],
)
def test_long_statements_are_read_in_linear_time(statement, check):
    assert check(analyse(statement, START, "nl"))


def test_the_words_next_to_a_number_are_read_whatever_the_case_and_spacing():
    assert analyse("GROEI VAN\n  1.200 NAAR 1.500 VOLGERS", START, "nl").baseline == 1200
    assert analyse("up from 1,200 followers, 20 %\tmore", START, "en").relative == [20.0]
    assert analyse("ervan 1200 volgers", START, "nl").baseline is None  # "van" must be a word of its own


def test_days_in_month_as_the_calendar_counts_them():
    """timewords counts a month's days itself (the calendar module imports locale, a cost at start-up)."""
    import calendar

    from smlint.language.timewords import days_in_month

    assert [(y, m, days_in_month(y, m)) for y in range(1, 10000) for m in range(1, 13)] == \
           [(y, m, calendar.monthrange(y, m)[1]) for y in range(1, 10000) for m in range(1, 13)]
