"""Read an objective statement, in Dutch or English, for the SMART rules.

Finds vague words, metric words, platforms, numbers and percentages, a
baseline ("van 1.200", "from 1,200") and a time expression, resolved against
the strategy's period (SPEC section 7). The words are data in
``rules/vocabulary.yaml``; the grammar of dates and numbers is here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import timewords, wording
from .data import read_yaml

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "maart": 3, "mrt": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "augustus": 8, "aug": 8, "august": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WORD_NUMBERS = {
    "een": 1, "één": 1, "one": 1, "a": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4,
    "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9,
    "nine": 9, "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12, "vijftien": 15,
    "fifteen": 15, "twintig": 20, "twenty": 20, "vijfentwintig": 25, "dertig": 30, "thirty": 30,
    "veertig": 40, "forty": 40, "vijftig": 50, "fifty": 50, "honderd": 100, "hundred": 100,
}
_WORDNUM = "(" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + ")"
ORDINALS = {"eerste": 1, "1e": 1, "first": 1, "1st": 1, "tweede": 2, "2e": 2, "second": 2, "2nd": 2,
            "derde": 3, "3e": 3, "third": 3, "3rd": 3, "vierde": 4, "4e": 4, "fourth": 4, "4th": 4,
            "laatste": 4, "last": 4}
_ORD = "(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
UNITS = {"dag": "day", "dagen": "day", "day": "day", "days": "day", "week": "week", "weken": "week",
         "weeks": "week", "maand": "month", "maanden": "month", "month": "month", "months": "month",
         "jaar": "year", "year": "year", "years": "year", "kwartaal": "quarter", "quarter": "quarter"}
_UNIT = "(" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
_YEAR = r"((?:19|20)\d\d)"


@dataclass
class TimeExpression:
    text: str
    date: dt.date | None  # None when it cannot be resolved (no period)
    kind: str  # day, month, quarter, year, duration


@dataclass
class Analysis:
    lang: str
    vague: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)  # absolute quantities
    percents: list[float] = field(default_factory=list)
    relative: list[float] = field(default_factory=list)  # percentages that are a change ("met 10%")
    baseline: float | None = None
    target: float | None = None  # the number after "naar" / "to": where the statement says it ends
    time: TimeExpression | None = None

    @property
    def measurable(self) -> bool:
        return bool(self.numbers or self.percents)


@lru_cache(maxsize=None)
def _phrase_pattern(words: tuple[str, ...], prefix_ok: bool = False) -> re.Pattern:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word) + (r"\w*" if prefix_ok and len(word) >= 5 else ""))
    # metric and platform words (prefix_ok) also count after a hyphen: "LinkedIn-volgers", "Instagram-posts"
    return re.compile((r"(?<!\w)(" if prefix_ok else r"(?<![\w-])(") + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def _vocabulary():
    return read_yaml("vocabulary.yaml")


def detect_language(text: str, hint: str | None = None) -> str:
    """The statement's language: the organisation's when it names one, else by stopwords."""
    if hint in ("nl", "en"):
        return hint
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    stop = _vocabulary()["stopwords"]
    nl = sum(w in stop["nl"] for w in words)
    en = sum(w in stop["en"] for w in words)
    return "nl" if nl > en else "en"


def parse_number(text: str, lang: str) -> float | None:
    """'1.200' is 1200 in Dutch and 1.2 in English; '1,200' the other way round."""
    text = text.strip().lstrip("+")
    thousands, decimal = (".", ",") if lang == "nl" else (",", ".")
    if re.fullmatch(r"-?\d{1,3}(\%s\d{3})+(\%s\d+)?" % (thousands, decimal), text):
        text = text.replace(thousands, "")
    text = text.replace(thousands, "").replace(decimal, ".") if decimal in text else text.replace(thousands, "")
    try:
        return float(text)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _first_on_or_after(start: dt.date | None, build) -> dt.date | None:
    """A day given without a year is its first occurrence inside the period."""
    if start is None:
        return None
    for year in (start.year, start.year + 1):
        try:
            candidate = build(year)
        except ValueError:
            continue
        if candidate >= start:
            return candidate
    return None


@lru_cache(maxsize=None)
def _time_patterns():
    """(regex, resolver(match, period_start) -> (date, kind)), most specific first."""

    def iso(m, start):
        return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"

    def day_month(m, start):
        day, month, year = int(m[1]), MONTHS[m[2].lower()], m[3]
        if year:
            return dt.date(int(year), month, day), "day"
        return _first_on_or_after(start, lambda y: dt.date(y, month, day)), "day"

    def month_day(m, start):
        month, day, year = MONTHS[m[1].lower()], int(m[2]), m[3]
        if year:
            return dt.date(int(year), month, day), "day"
        return _first_on_or_after(start, lambda y: dt.date(y, month, day)), "day"

    def numeric_dmy(m, start):
        return dt.date(int(m[3]), int(m[2]), int(m[1])), "day"

    def month_end(m, start):
        month, year = MONTHS[m[1].lower()], m[2]
        if year:
            return _last_day(int(year), month), "month"
        return _first_on_or_after(start, lambda y: _last_day(y, month)), "month"

    def quarter(m, start):
        number = int(m[1]) if m[1].isdigit() else ORDINALS[m[1].lower()]
        year = m[2]
        if year:
            return _last_day(int(year), number * 3), "quarter"
        return _first_on_or_after(start, lambda y: _last_day(y, number * 3)), "quarter"

    def year_end(m, start):
        return (dt.date(start.year, 12, 31) if start else None), "year"

    def end_of_year(m, start):
        return dt.date(int(m[1]), 12, 31), "year"

    def before_year(m, start):
        return dt.date(int(m[1]) - 1, 12, 31), "year"

    def duration(m, start):
        amount = m[1].lower()
        count = float(amount) if amount[0].isdigit() else WORD_NUMBERS.get(amount, 1)
        unit = UNITS[m[2].lower()]
        if start is None:
            return None, "duration"
        if unit == "day":
            return start + dt.timedelta(days=count), "duration"
        if unit == "week":
            return start + dt.timedelta(weeks=count), "duration"
        months = {"month": 1, "quarter": 3, "year": 12}[unit] * count
        return _add_months(start, int(round(months))) - dt.timedelta(days=1), "duration"

    def half_year(m, start):
        return (_add_months(start, 6) - dt.timedelta(days=1) if start else None), "duration"

    i = re.IGNORECASE
    return [
        (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), iso),
        (re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b"), numeric_dmy),
        (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|e)?\s+" + _MONTH + r"(?:\s*,?\s*" + _YEAR + r")?\b", i), day_month),
        (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*" + _YEAR + r")?\b", i), month_day),
        (re.compile(r"\b(?:eind|einde|end\s+of|the\s+end\s+of)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", i), month_end),
        (re.compile(r"\bq([1-4])(?:\s*[-']?\s*" + _YEAR + r")?\b", i), quarter),
        (re.compile(r"\b" + _ORD + r"\s+(?:kwartaal|quarter)(?:\s+(?:van|of)?\s*" + _YEAR + r")?\b", i), quarter),
        (re.compile(r"\b(?:(?:het\s+)?(?:einde?|eind)\s+(?:van\s+)?(?:het|dit)\s+jaar|jaareinde|(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year[- ]end|dit\s+jaar|this\s+year)\b", i), year_end),
        (re.compile(r"\b(?:eind|einde|ultimo|end\s+of|end|in|by|tegen|per|uiterlijk\s+in)\s+" + _YEAR + r"\b", i), end_of_year),
        (re.compile(r"\b(?:voor|vóór|before)\s+" + _YEAR + r"\b", i), before_year),
        (re.compile(r"\b(?:binnen|within|in|over|in\s+de\s+komende|in\s+the\s+next|the\s+next)\s+(\d+|" + _WORDNUM.replace("(", "(?:", 1) + r")\s+" + _UNIT + r"\b", i), duration),
        (re.compile(r"\b(?:binnen|within|in)\s+(?:een\s+half\s+jaar|half\s+a\s+year|six\s+months)\b", i), half_year),
        *timewords.patterns(),  # relative to the plan: "komend kwartaal", "voor de zomervakantie"
    ]


def find_time(text: str, period_start: dt.date | None):
    """The first time expression in ``text`` and the spans of all of them."""
    window = timewords.response_window(text)  # "binnen 24 uur": a response window, not a deadline
    spans = [window] if window else []
    found: list[tuple[int, TimeExpression]] = []
    for pattern, resolve in _time_patterns():
        for match in pattern.finditer(text):
            if any(s <= match.start() < e or s < match.end() <= e for s, e in spans):
                continue
            try:
                date, kind = resolve(match, period_start)
            except (ValueError, OverflowError):
                continue  # "31 februari": not a date, not a time expression
            if date is None and period_start is not None:
                continue  # "maart 40": no such day in any year of the period
            spans.append((match.start(), match.end()))
            found.append((match.start(), TimeExpression(match[0], date, kind)))
    found.sort(key=lambda pair: pair[0])
    return (found[0][1] if found else None), [span for span in spans if span != window]


_NUMBER = re.compile(
    r"(?<![\w.,])([+-]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|[+-]?\d+(?:[.,]\d+)?)"
    r"(\s*(?:%|procent|percent|per\s+cent|pct\b))?(?![\w])",
    re.IGNORECASE,
)
_WORD_PERCENT = re.compile(r"\b" + _WORDNUM + r"\s+(?:procent|percent|per\s+cent)\b", re.IGNORECASE)
# "op X", "from X": the platform X written as a bare capital letter (case matters here)
_BARE_X = re.compile(r"\b(?:[Oo]n|[Oo]p|[Vv]ia|[Ff]rom|[Vv]an|[Tt]o|[Nn]aar)\s+X(?![\w-])")
_DOUBLE = re.compile(r"\b(verdubbel\w*|double|doubling|doubled)\b", re.IGNORECASE)
_TOWARDS = ("naar", "tot", "to", "up to", "tot wel")  # "van 1.200 naar 2.000": the number the goal ends at
_COUNTS = {"twice": 2, "tweemaal": 2, "driemaal": 3, "thrice": 3}
# a number written as a word counts when it counts something: "twee keer per dag", "three videos a week"
_COUNT = re.compile(
    r"\b(" + "|".join(w for w in sorted({**WORD_NUMBERS, **_COUNTS}, key=len, reverse=True) if w not in ("een", "één", "a", "one"))
    + r")\s+(?:keer|maal|times|x|per|a\s+(?:day|week|month)|(?:nieuwe\s+|new\s+|extra\s+)?(?:posts?|berichten|video'?s|videos|"
    r"reels|blogs?|vlogs?|livestreams|artikelen|articles|stories|updates))\b|\b(twice|tweemaal|driemaal|thrice)\b",
    re.IGNORECASE)


def _count_value(word: str) -> int:
    word = word.lower()
    return _COUNTS.get(word) or WORD_NUMBERS.get(word, 1)


def analyse(statement: str, period_start: dt.date | None = None, lang_hint: str | None = None) -> Analysis:
    text = statement or ""
    lang = detect_language(text, lang_hint)
    vocab = _vocabulary()
    result = Analysis(lang)
    both = ("nl", "en")
    result.vague = wording.vague().find(text)
    metrics = []
    for metric, words in vocab["metrics"].items():
        if _phrase_pattern(tuple(w for l in both for w in words[l]), True).search(text):
            metrics.append(metric)
    if "response-time" not in metrics and timewords.response_window(text):
        metrics.append("response-time")  # "we reageren binnen 24 uur": the metric is the response time
    result.metrics = metrics
    platforms = []
    for platform, words in vocab["platform_words"].items():
        if _phrase_pattern(tuple(words), True).search(text):
            platforms.append(platform)
    if "x" not in platforms and _BARE_X.search(text):
        platforms.append("x")
    result.platforms = platforms

    result.time, spans = find_time(text, period_start)
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    rest = "".join(masked)
    metric_pattern = _phrase_pattern(tuple(w for words in vocab["metrics"].values() for l in both for w in words[l]), True)
    rel_before = tuple(w for l in both for w in vocab["relative_before"][l])
    rel_after = tuple(w for l in both for w in vocab["relative_after"][l])
    base_before = tuple(w for l in both for w in vocab["baseline_before"][l])
    for match in _NUMBER.finditer(rest):
        raw, percent = match[1], match[2]
        value = parse_number(raw, lang)
        if value is None:
            continue
        before = rest[: match.start()].lower().rstrip()
        after = rest[match.end() :].lower().lstrip()
        if percent:
            result.percents.append(abs(value))
            signed = raw.startswith(("+", "-"))
            if signed or _ends_with(before, rel_before) or _starts_with(after, rel_after):
                result.relative.append(value)
            continue
        quantity_of_metric = bool(metric_pattern.search(" ".join(after.split()[:3])))
        quantity = quantity_of_metric or _ends_with(before, _TOWARDS)
        if re.fullmatch(r"(19|20)\d\d", raw) and not quantity:
            continue  # a year ("sinds 2020"), unless a metric follows ("2000 nieuwe volgers") or "naar" precedes
        result.numbers.append(abs(value))
        if result.baseline is None and _ends_with(before, base_before):
            result.baseline = value
        elif result.target is None and _ends_with(before, _TOWARDS) and (quantity_of_metric or result.baseline):
            result.target = value  # "van 1.200 naar 2.000", "naar 2000 volgers"; not "door naar 3 pagina's"
    for match in _WORD_PERCENT.finditer(rest):
        value = float(WORD_NUMBERS[match[1].lower()])
        result.percents.append(value)
        before = rest[: match.start()].lower().rstrip()
        after = rest[match.end() :].lower().lstrip()
        if _ends_with(before, rel_before) or _starts_with(after, rel_after):
            result.relative.append(value)
    window = timewords.response_window(text)
    if not result.numbers and window:
        result.numbers.append(float(timewords.window_count(text[window[0]:window[1]])))  # "binnen één werkdag"
    if not result.numbers and _COUNT.search(rest):
        result.numbers.append(float(_count_value(_COUNT.search(rest)[1])))  # "twee keer per dag", "three videos"
    if _DOUBLE.search(rest):
        result.percents.append(100.0)
        result.relative.append(100.0)
    return result


def _ends_with(text: str, words) -> bool:
    return any(re.search(r"(?<![\w])" + re.escape(w) + r"$", text) for w in words)


def _starts_with(text: str, words) -> bool:
    return any(re.match(re.escape(w) + r"(?![\w])", text) for w in words)
