"""Deadlines written relative to the plan: "komend kwartaal", "by year end", "voor de zomervakantie".

The patterns here are added after the exact dates, quarters and durations of
``smlint/language/text.py`` (which win when both match) and resolved against the
period's start, as SPEC section 7 resolves durations:

- this/next/coming month, quarter, half year, year, financial year: "deze
  maand" is the last day of the start's month; "komende maand", "the next
  quarter", "volgend jaar" one such unit from the start ("within the next
  quarter" alike); "het boekjaar", "the financial year" the end of the start's
  year, "the next financial year" one year from the start;
- H1, H2, "de eerste/tweede helft van het jaar": 30 June, 31 December;
- a month without a year ("in maart", "by March"): the month's last day,
  "voor maart" / "before March" the day before it begins; first occurrence
  inside the period;
- seasons, meteorological (spring March-May, summer June-August, autumn
  September-November, winter December-February): "in de zomer", "this
  summer" its last day, "voor de zomer", "before summer" the day before it
  begins, "na de zomer", "after summer" the last day of the month after it;
- holidays: kerst, Christmas 25 December; oud en nieuw, New Year's Eve 31
  December; Sinterklaas 5 December; Koningsdag 27 April; Valentijnsdag 14
  February; Pasen, Easter (computed), Hemelvaart, Pinksteren; Black Friday;
  Halloween; school holidays, from the earliest start to the latest end over
  the Dutch school regions: de zomervakantie, the summer holidays 1 July to 31
  August, de herfstvakantie 10 to 31 October, de kerstvakantie 19 December to
  3 January, de voorjaarsvakantie 13 February to 8 March, de meivakantie 24
  April to 10 May, the Easter holidays the week either side of Easter. "voor/before X" is the day
  before, "rond/around/met/at/by/tegen X" the day itself (or the holiday's
  end), "na/after X" the last day of the month after it.

Rates ("per maand", "each month", "annually") and response windows ("binnen
24 uur", "within 15 minutes", "binnen 2 dagen" next to "reageren") are not
deadlines; :func:`response_window` finds the latter.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..patterncache import compile as compile_kept, compile_guarded

MONTHS = {
    "januari": 1, "january": 1, "februari": 2, "february": 2, "maart": 3, "march": 3, "april": 4, "mei": 5,
    "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "augustus": 8, "august": 8, "september": 9,
    "oktober": 10, "october": 10, "november": 11, "december": 12,
}
SEASONS = {  # meteorological: (first month, last month)
    "lente": (3, 5), "voorjaar": (3, 5), "spring": (3, 5), "zomer": (6, 8), "summer": (6, 8),
    "herfst": (9, 11), "najaar": (9, 11), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}
BEFORE = r"(?:voor|vóór|before|ahead\s+of|prior\s+to)"
AT = r"(?:rond|around|met|at|by|tegen|uiterlijk|op|on|tijdens|during|in|until|tot|till)"
AFTER = r"(?:na|after|following)"
THE = r"(?:(?:de|het|the)\s+)?"
NEXT = r"(?:het\s+komende|het\s+volgende|komende|komend|volgende|volgend|the\s+coming|coming|the\s+next|next)"
THIS = r"(?:deze|dit|this|" + NEXT[3:]
_I = re.IGNORECASE


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without the calendar module (which imports locale)."""
    return 31 if month == 12 else (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, days_in_month(year, month))


def _add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year = start.year + month // 12
    return dt.date(year, month % 12 + 1, min(start.day, days_in_month(year, month % 12 + 1)))


def _span(start: dt.date, months: int) -> dt.date:
    """The last day of ``months`` months counted from ``start``."""
    return _add_months(start, months) - dt.timedelta(days=1)


def _first(start: dt.date | None, build) -> dt.date | None:
    """The first date ``build(year)`` gives on or after the period start."""
    if start is None:
        return None
    for year in (start.year - 1, start.year, start.year + 1):
        candidate = build(year)
        if candidate is not None and candidate >= start:
            return candidate
    return None


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# holiday -> year -> (first day, last day); school holidays first: "the Christmas holidays" is not Christmas
HOLIDAYS = {
    r"(?:de\s+)?zomervakantie|(?:the\s+)?summer\s+(?:holidays?|vacation|break)": lambda y: (dt.date(y, 7, 1), dt.date(y, 8, 31)),
    r"(?:de\s+)?herfstvakantie|(?:the\s+)?autumn\s+(?:half[-\s]term|holidays?|break)": lambda y: (dt.date(y, 10, 10), dt.date(y, 10, 31)),
    r"(?:de\s+)?kerstvakantie|(?:the\s+)?christmas\s+(?:holidays?|break|vacation)": lambda y: (dt.date(y, 12, 19), dt.date(y + 1, 1, 3)),
    r"(?:de\s+)?(?:voorjaars|krokus)vakantie|(?:the\s+)?(?:february\s+half[-\s]term|spring\s+break)": lambda y: (dt.date(y, 2, 13), dt.date(y, 3, 8)),
    r"(?:de\s+)?meivakantie|(?:the\s+)?may\s+half[-\s]term": lambda y: (dt.date(y, 4, 24), dt.date(y, 5, 10)),
    r"(?:the\s+)?easter\s+(?:holidays?|break)|(?:de\s+)?paasvakantie": lambda y: (easter(y) - dt.timedelta(days=7), easter(y) + dt.timedelta(days=7)),
    r"kerst(?:mis|feest)?|christmas|xmas": lambda y: (dt.date(y, 12, 25), dt.date(y, 12, 26)),
    r"(?:de\s+)?feestdagen|the\s+holidays|the\s+holiday\s+season": lambda y: (dt.date(y, 12, 24), dt.date(y, 12, 31)),
    r"oud\s+en\s+nieuw|oudjaar|de\s+jaarwisseling|new\s+year'?s\s+eve": lambda y: (dt.date(y, 12, 31), dt.date(y, 12, 31)),
    r"sinterklaas|pakjesavond": lambda y: (dt.date(y, 12, 5), dt.date(y, 12, 5)),
    r"koningsdag|king'?s\s+day": lambda y: (dt.date(y, 4, 27), dt.date(y, 4, 27)),
    r"bevrijdingsdag": lambda y: (dt.date(y, 5, 5), dt.date(y, 5, 5)),
    r"valentijn(?:sdag)?|valentine'?s(?:\s+day)?": lambda y: (dt.date(y, 2, 14), dt.date(y, 2, 14)),
    r"pasen|paasweekend|easter": lambda y: (easter(y), easter(y) + dt.timedelta(days=1)),
    r"hemelvaart(?:sdag)?|ascension\s+day": lambda y: (easter(y) + dt.timedelta(days=39),) * 2,
    r"pinksteren|whitsun|pentecost": lambda y: (easter(y) + dt.timedelta(days=49), easter(y) + dt.timedelta(days=50)),
    r"moederdag|mother'?s\s+day": lambda y: (_nth_weekday(y, 5, 6, 2),) * 2,
    r"vaderdag|father'?s\s+day": lambda y: (_nth_weekday(y, 6, 6, 3),) * 2,
    r"black\s+friday": lambda y: (_nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),) * 2,
    r"halloween": lambda y: (dt.date(y, 10, 31),) * 2,
}


def _month_after(day: dt.date) -> dt.date:
    return _last_day(day.year + (day.month == 12), day.month % 12 + 1)


def _relative_unit(m, start):
    unit = m["unit"].lower()
    this = m["which"].lower().split()[-1] in ("deze", "dit", "this")
    if unit in ("maand", "month"):
        return (_last_day(start.year, start.month) if this else _span(start, 1)), "month"
    if unit in ("kwartaal", "quarter"):
        if this:
            return _last_day(start.year, (start.month - 1) // 3 * 3 + 3), "quarter"
        return _span(start, 3), "duration"
    if unit in ("halfjaar", "half jaar", "half year"):
        if this:
            return (dt.date(start.year, 6, 30) if start.month <= 6 else dt.date(start.year, 12, 31)), "quarter"
        return _span(start, 6), "duration"
    # jaar, year, boekjaar, financial/fiscal year
    if this:
        return dt.date(start.year, 12, 31), "year"
    return _span(start, 12), "duration"


def _financial_year(m, start):
    return dt.date(start.year, 12, 31), "year"


def _half(m, start):
    which = m["half"].lower()
    second = which in ("2", "tweede", "second", "laatste", "last")
    year = int(m["year"]) if m["year"] else (start.year if start else None)
    if year is None:
        return None, "quarter"
    return (dt.date(year, 12, 31) if second else dt.date(year, 6, 30)), "quarter"


def _month(m, start):
    month = MONTHS[m["month"].lower()]
    before = m["prep"].lower().split()[0] in ("voor", "vóór", "before", "ahead", "prior")
    if m["year"]:
        year = int(m["year"])
        return (dt.date(year, month, 1) - dt.timedelta(days=1) if before else _last_day(year, month)), "month"
    if before:
        return _first(start, lambda y: dt.date(y, month, 1) - dt.timedelta(days=1)), "month"
    return _first(start, lambda y: _last_day(y, month)), "month"


def _season(m, start):
    first, last = SEASONS[m["season"].lower()]
    word = m["prep"].lower().split()[0]

    def window(year):
        begin = dt.date(year, first, 1)
        end = _last_day(year + (last < first), last)
        return begin, end

    if word in ("voor", "vóór", "before", "ahead", "prior", "by", "tegen", "uiterlijk"):
        return _first(start, lambda y: window(y)[0] - dt.timedelta(days=1)), "season"
    if word in ("na", "after", "following"):
        return _first(start, lambda y: _month_after(window(y)[1])), "season"
    return _first(start, lambda y: window(y)[1]), "season"


def _holiday(build):
    def resolve(m, start):
        word = m["prep"].lower().split()[0]
        if word in ("voor", "vóór", "before", "ahead", "prior"):
            return _first(start, lambda y: build(y)[0] - dt.timedelta(days=1)), "holiday"
        if word in ("na", "after", "following"):
            return _first(start, lambda y: _month_after(build(y)[1])), "holiday"
        return _first(start, lambda y: build(y)[1]), "holiday"
    return resolve


@lru_cache(maxsize=None)
def patterns():
    """(regex, resolver(match, period_start) -> (date, kind)[, gate]), in the shape of text.py's time patterns.

    A gate is a pattern the text must hold somewhere for the regex to match in it.
    """
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    seasons = "|".join(sorted(SEASONS, key=len, reverse=True))
    unit = r"(?P<unit>maand|month|kwartaal|quarter|half\s*jaar|halfjaar|half\s+year|jaar|year)"
    found = [
        (compile_guarded(r"\b(?:(?:binnen|within|in|over|before|voor|vóór|by|tegen)\s+)?(?:the\s+end\s+of\s+|het\s+einde?\s+van\s+|eind\s+)?"
                    r"(?:" + NEXT + r")\s+(?:(?:financial|fiscal)\s+year(?:\s+ends)?|boekjaar)\b", _I),
         lambda m, s: (_span(s, 12), "duration")),
        (compile_guarded(r"\b(?:the\s+|het\s+|dit\s+|this\s+)?(?:financial|fiscal)\s+year(?:\s+end)?\b|\b(?:het\s+|dit\s+)?boekjaar\b", _I),
         _financial_year),
        (compile_guarded(r"\b(?:(?:binnen|within|in|over|before|voor|vóór|by|tegen|uiterlijk)\s+)?(?:the\s+end\s+of\s+|het\s+einde?\s+van\s+|eind\s+)?"
                    r"(?P<which>" + THIS + r")\s+" + unit + r"\b", _I), _relative_unit),
        (compile_guarded(r"\bh(?P<half>[12])(?:\s*[-']?\s*(?P<year>(?:19|20)\d\d))?\b", _I), _half),
        (compile_guarded(r"\b(?:de|het|the)\s+(?P<half>eerste|tweede|laatste|first|second|last)\s+(?:helft|half)\s+(?:van|of)\s+"
                    r"(?:het\s+jaar|the\s+year|(?P<year>(?:19|20)\d\d))\b", _I), _half),
        (compile_guarded(r"\b(?P<prep>" + BEFORE + "|" + AT + r"|the\s+end\s+of|end\s+of|eind)\s+(?P<month>" + months + r")\b"
                    r"(?:\s+(?P<year>(?:19|20)\d\d)\b)?", _I), _month),
        (compile_guarded(r"\b(?P<prep>" + BEFORE + "|" + AT + "|" + AFTER + r"|deze|dit|this|het\s+komende|komende|next|coming)\s+"
                    + THE + r"(?P<season>" + seasons + r")\b(?!\s*(?:-|break|holidays?|vacation|half))", _I), _season),
    ]
    # a holiday's pattern can only match where its name is: one search for any name, and none of the 20
    # patterns is run on a text that names no holiday (the third item: see text.find_time)
    gate = compile_guarded(r"\b(?:" + "|".join(f"(?:{names})" for names in HOLIDAYS) + ")", _I)  # after \s+, so at \b
    for names, build in HOLIDAYS.items():
        found.append((compile_guarded(r"\b(?P<prep>" + BEFORE + "|" + AT + "|" + AFTER + r")\s+" + THE + r"(?:" + names + r")\b", _I),
                      _holiday(build), gate))
    return found


RESPONSE_WORDS = compile_kept(
    r"\b(?:reageer\w*|reageren|reactie\w*|beantwoord\w*|antwoord\w*|opgevolgd|opvolgen|respond\w*|response\w*|"
    r"repl(?:y|ies|ied|ying)|answer\w*|resolv\w*)\b", _I)
_WINDOW = compile_kept(
    r"\b(?:binnen|within|in|onder|under|in\s+less\s+than|in\s+minder\s+dan|binnen\s+maximaal)\s+(\d+(?:[.,]\d+)?|een|één|an?|one)\s+"
    r"(uur|uren|minuten|minuut|min|hours?|hrs?|minutes?|mins?|dagen|dag|days?|werkdagen|werkdag|working\s+days?|business\s+days?)\b", _I)
_SHORT = ("uur", "uren", "minuten", "minuut", "min", "hour", "hours", "hr", "hrs", "minute", "minutes", "mins")


def window_count(window: str) -> float:
    """How many hours, minutes or days a response window allows: "binnen één werkdag" is 1."""
    match = _WINDOW.match(window)
    amount = match[1].lower() if match else "1"
    return float(amount.replace(",", ".")) if amount[0].isdigit() else 1.0


def response_window(text: str):
    """The span of a response window ("binnen 24 uur", "within 2 days" next to "respond"), or None.

    Hours and minutes are always a window, never a deadline; days only when
    the statement is about responding.
    """
    responding = None  # whether the statement is about responding: looked up once, not for every window
    for match in _WINDOW.finditer(text):
        if match[2].lower() in _SHORT:
            return match.start(), match.end()
        if responding is None:
            responding = RESPONSE_WORDS.search(text) is not None
        if responding:
            return match.start(), match.end()
    return None
