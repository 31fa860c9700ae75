"""Read an objective statement, in Dutch or English, for the SMART rules.

Finds vague words, metric words, platforms, numbers and percentages, a
baseline ("van 1.200", "from 1,200") and a time expression, resolved against
the strategy's period (SPEC section 7). The words are data in
``rules/vocabulary.yaml``; the grammar of dates and numbers is here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import field
from functools import cached_property, lru_cache

from . import timewords, wording
from .alternation import Alternatives
from ..classcache import dataclass
from ..data import read_yaml
from ..kept import made
from ..patterncache import compile as compile_kept, compile_guarded

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


def _phrase_pattern(words, prefix_ok: bool = False) -> re.Pattern:
    """One pattern for a list of words and phrases, matched as whole words.

    An entry ending in ``*`` matches any word starting with it; with
    ``prefix_ok`` so does every entry of five letters or more.
    """
    return compile_kept(_first_letters(words) + _WORD_START[prefix_ok] + "(" + _alternatives(words, prefix_ok) + r")(?![\w])",
                        re.IGNORECASE)


# where an entry may start: not inside a word, nor after a hyphen; metric and platform words (prefix_ok) also
# after a hyphen: "LinkedIn-volgers", "Instagram-posts"
_WORD_START = {False: r"(?<![\w-])", True: r"(?<!\w)"}
_WORD_CHAR = {False: compile_kept(r"[\w-]"), True: compile_kept(r"\w")}  # the characters _WORD_START looks back at


def _longest_first(word: str):
    """Longer words first, and in a fixed order (a set's order differs from run to run: the pattern would too)."""
    return -len(word), word


def _first_letters(words) -> str:
    """A look-ahead at the letters the words begin with: the scan skips other places fast (same matches)."""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words if word})) + "])"


def _alternatives(words, prefix_ok: bool) -> str:
    return "|".join(regex for regex, _ in _each_word(words, prefix_ok))


def _each_word(words, prefix_ok: bool) -> list[tuple[str, str | None]]:
    """Each word as a regex, in the pattern's order, with the character its match begins with (alternation.py)."""
    parts = []
    for word in sorted(set(words), key=_longest_first):
        if word.endswith("*"):
            parts.append((re.escape(word[:-1]) + r"\w*", re.escape(word[0]) if len(word) > 1 else "\\w"))
        else:
            parts.append((re.escape(word) + (r"\w*" if prefix_ok and len(word) >= 5 else ""),
                          re.escape(word[0]) if word else None))
    return parts


class _Lists:
    """Which of several named word lists occur in a text, found in one scan.

    One pattern holds every list, a named group each: at each place the
    scan reports the first list with a word there, so a list whose word can
    start where another list's word starts, or inside it ("page likes" holds
    "likes"), may go unreported. Such a list is searched for on its own when
    the list that can hide it was found. The result is that of one search per
    list, in the lists' order. The pattern is searched by the letter at each
    word start (alternation.py).
    """

    def __init__(self, lists: dict[str, list[str]], prefix_ok: bool) -> None:
        self.names = list(lists)
        self.source, groups = made(_scan_parts, lists, prefix_ok)  # made once and kept (kept.made)
        self.alternatives = Alternatives(groups, _WORD_START[prefix_ok], r"(?![\w])", re.IGNORECASE)
        self.lists, self.prefix_ok = lists, prefix_ok
        self.alone: dict[str, re.Pattern] = {}  # compiled when first needed: seldom
        self.hidden_by = made(_hiders, lists, prefix_ok)  # made once and kept (kept.made)

    @cached_property
    def scan(self) -> re.Pattern:
        """The whole pattern (what ``alternatives`` searches as it would)."""
        return compile_kept(self.source, re.IGNORECASE)

    def find(self, text: str) -> list[str]:
        found = {self.names[int(match.lastgroup[1:])] for match in self.alternatives.finditer(text)}
        if found:
            for name in self.names:
                if name not in found and self.hidden_by[name] & found and self._alone(name).search(text):
                    found.add(name)
        return [name for name in self.names if name in found]

    def first(self, text: str) -> str | None:
        """The first list, in the lists' order, with a word at the start of ``text``."""
        match = self.alternatives.match(text)  # at one place the scan tries the lists in order
        return self.names[int(match.lastgroup[1:])] if match else None

    def _alone(self, name: str) -> re.Pattern:
        if name not in self.alone:
            self.alone[name] = _phrase_pattern(self.lists[name], self.prefix_ok)
        return self.alone[name]


def _scan_parts(lists: dict[str, list[str]], prefix_ok: bool) -> tuple[str, tuple]:
    """(one pattern for every list, a named group each; the same as groups of words for alternation.py)."""
    groups = tuple((f"g{n}", tuple(_each_word(words, prefix_ok))) for n, words in enumerate(lists.values()))
    first = _first_letters([word for words in lists.values() for word in words])
    alternation = "|".join(f"(?P<{name}>" + "|".join(regex for regex, _ in words) + ")" for name, words in groups)
    return first + _WORD_START[prefix_ok] + "(?:" + alternation + r")(?![\w])", groups


def _hiders(lists: dict[str, list[str]], prefix_ok: bool) -> dict[str, set[str]]:
    """For each list, the other lists with a word whose match a match of one of its words can start with or in.

    A match of entry ``b`` covers ``b`` (and, with a prefix, more word characters); another entry ``a`` can
    start at 0 or where a word starts inside ``b`` (after the last character too, when ``b`` goes on and
    ends in a non-word character: any entry). It can meet ``b`` there when ``a`` and the rest of ``b`` are
    one the other's prefix, ignoring case. One pass over every entry's prefixes, not over pairs.
    """
    word_char = _WORD_CHAR[prefix_ok]
    rests: dict[str, set[str]] = {}  # the rest of an entry from a place a word may start -> lists
    prefixes: dict[str, set[str]] = {}  # a prefix of such a rest -> lists
    for name, words in lists.items():
        for word in words:
            extends = word.endswith("*") or (prefix_ok and len(word) >= 5)
            text = word.rstrip("*").casefold()
            starts = [0] + [q for q in range(1, len(text)) if not word_char.match(text[q - 1])]
            if extends and text and not word_char.match(text[-1]):
                starts.append(len(text))
            for q in starts:
                rests.setdefault(text[q:], set()).add(name)
                for end in range(q + 1, len(text) + 1):
                    prefixes.setdefault(text[q:end], set()).add(name)
    hidden_by = {}
    for name, words in lists.items():
        others: set[str] = set()
        for word in words:
            text = word.rstrip("*").casefold()
            others |= prefixes.get(text, set())  # the entry is the start of another's rest
            for end in range(len(text) + 1):
                others |= rests.get(text[:end], set())  # another's rest is the start of the entry
        hidden_by[name] = others - {name}
    return hidden_by


class _Edge:
    """Whether the text just before (or just after) a position is one of a list of words.

    Looks at a window of the longest word's length, never at the whole
    text, so a statement with many numbers is read in linear time.
    """

    def __init__(self, words) -> None:
        alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=_longest_first))
        self.width = max(map(len, words), default=0) + 8  # the word and the character next to it
        self.ends = compile_kept(r"(?<![\w])(?:" + alternatives + r")$")
        self.starts = compile_kept(r"(?:" + alternatives + r")(?![\w])")

    def before(self, text: str, position: int) -> bool:
        """The words before ``position`` (whitespace between them and it skipped) end with one of the words."""
        while position > 0 and text[position - 1].isspace():
            position -= 1
        return self.ends.search(text[max(0, position - self.width) : position].lower()) is not None

    def after(self, text: str, position: int) -> bool:
        """The text after ``position`` (whitespace skipped) starts with one of the words."""
        return self.starts.match(_text_after(text, position, self.width)) is not None


_SPACES = compile_kept(r"\s*")  # \s is str.isspace(), as str.strip() uses


def _text_after(text: str, position: int, width: int) -> str:
    """The ``width`` characters after ``position`` (whitespace there skipped), in lower case."""
    position = _SPACES.match(text, position).end()
    return text[position : position + width].lower()


def _both(table: dict) -> list[str]:
    return [w for lang in ("nl", "en") for w in table[lang]]


class _Vocabulary:
    """rules/vocabulary.yaml compiled once: one pattern for all metrics and platforms, edges around numbers.

    (The vague words are smlint/language/wording.py's.)
    """

    def __init__(self, data: dict) -> None:
        self.stopwords = {lang: frozenset(words) for lang, words in data["stopwords"].items()}
        metrics = {metric: _both(words) for metric, words in data["metrics"].items()}
        platforms = {platform: words for platform, words in data["platform_words"].items()}
        # metrics and platforms in one scan (a platform may share a name with a metric: prefixed to keep them apart)
        self.named = _Lists({**{f"metric {k}": v for k, v in metrics.items()},
                             **{f"platform {k}": v for k, v in platforms.items()}}, True)
        self.relative_before = _Edge(_both(data["relative_before"]))
        self.relative_after = _Edge(_both(data["relative_after"]))
        self.baseline_before = _Edge(_both(data["baseline_before"]))
        self.towards = _Edge(_TOWARDS)


@lru_cache(maxsize=None)
def _vocabulary() -> _Vocabulary:
    return _Vocabulary(read_yaml("vocabulary.yaml"))


_LETTERS = compile_kept(r"[a-zà-ÿ]+")


def detect_language(text: str, hint: str | None = None) -> str:
    """The statement's language: the organisation's when it names one, else by stopwords."""
    if hint in ("nl", "en"):
        return hint
    words = _LETTERS.findall(text.lower())
    stop = _vocabulary().stopwords
    nl = sum(w in stop["nl"] for w in words)
    en = sum(w in stop["en"] for w in words)
    return "nl" if nl > en else "en"


_GROUPED = {lang: compile_kept(r"-?\d{1,3}(\%s\d{3})+(\%s\d+)?" % seps) for lang, seps in (("nl", (".", ",")), ("en", (",", ".")))}


def parse_number(text: str, lang: str) -> float | None:
    """'1.200' is 1200 in Dutch and 1.2 in English; '1,200' the other way round."""
    text = text.strip().lstrip("+")
    thousands, decimal = (".", ",") if lang == "nl" else (",", ".")
    if _GROUPED["nl" if lang == "nl" else "en"].fullmatch(text):
        text = text.replace(thousands, "")
    text = text.replace(thousands, "").replace(decimal, ".") if decimal in text else text.replace(thousands, "")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # beyond a float: not a number a rule can compare


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, timewords.days_in_month(year, month))


def _add_months(start: dt.date, months: int) -> dt.date:
    month = start.month - 1 + months
    year = start.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(start.day, timewords.days_in_month(year, month)))


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
    """(regex, resolver(match, period_start) -> (date, kind)[, gate]), most specific first.

    A gate is a pattern the text must hold for the regex to match (timewords' holidays share one).
    """

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
        (compile_guarded(r"\b(\d{4})-(\d{2})-(\d{2})\b"), iso),
        (compile_guarded(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b"), numeric_dmy),
        (compile_guarded(r"\b(\d{1,2})(?:st|nd|rd|th|e)?\s+" + _MONTH + r"(?:\s*,?\s*" + _YEAR + r")?\b", i), day_month),
        (compile_guarded(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*" + _YEAR + r")?\b", i), month_day),
        (compile_guarded(r"\b(?:eind|einde|end\s+of|the\s+end\s+of)\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\b", i), month_end),
        (compile_guarded(r"\bq([1-4])(?:\s*[-']?\s*" + _YEAR + r")?\b", i), quarter),
        (compile_guarded(r"\b" + _ORD + r"\s+(?:kwartaal|quarter)(?:\s+(?:van|of)?\s*" + _YEAR + r")?\b", i), quarter),
        (compile_guarded(r"\b(?:(?:het\s+)?(?:einde?|eind)\s+(?:van\s+)?(?:het|dit)\s+jaar|jaareinde|(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year[- ]end|dit\s+jaar|this\s+year)\b", i), year_end),
        (compile_guarded(r"\b(?:eind|einde|ultimo|end\s+of|end|in|by|tegen|per|uiterlijk\s+in)\s+" + _YEAR + r"\b", i), end_of_year),
        (compile_guarded(r"\b(?:voor|vóór|before)\s+" + _YEAR + r"\b", i), before_year),
        (compile_guarded(r"\b(?:binnen|within|in|over|in\s+de\s+komende|in\s+the\s+next|the\s+next)\s+(\d+|" + _WORDNUM.replace("(", "(?:", 1) + r")\s+" + _UNIT + r"\b", i), duration),
        (compile_guarded(r"\b(?:binnen|within|in)\s+(?:een\s+half\s+jaar|half\s+a\s+year|six\s+months)\b", i), half_year),
        *timewords.patterns(),  # relative to the plan: "komend kwartaal", "voor de zomervakantie"
    ]


@lru_cache(maxsize=None)
def _time_scans():
    """The time patterns as find_time runs them: (gate or None, ((finditer, resolver), ...)), the patterns that
    share a gate together."""
    groups: list = []
    for pattern, resolve, *gate in _time_patterns():
        gate = gate[0] if gate else None
        if not groups or groups[-1][0] is not gate or gate is None:
            groups.append((gate, []))
        groups[-1][1].append((pattern.finditer, resolve))
    return tuple((gate, tuple(members)) for gate, members in groups)


def find_time(text: str, period_start: dt.date | None, window: tuple[int, int] | None | bool = True):
    """The first time expression in ``text`` and the spans of all of them.

    The patterns are tried most specific first; a match that starts or ends
    inside one found before, or inside a response window ("binnen 24 uur"),
    is not a time expression. ``window``: the text's response window when the
    caller found it already (``timewords.response_window``).
    """
    spans = []
    first: tuple[int, TimeExpression] | None = None
    taken = bytearray(len(text))  # 1 where a span found so far covers the character
    if window is True:
        window = timewords.response_window(text)  # "binnen 24 uur": a response window, not a deadline
    if window:
        taken[window[0] : window[1]] = b"\x01" * (window[1] - window[0])
    for gate, members in _time_scans():
        if gate is not None and gate.search(text) is None:
            continue  # a gate is searched once for the patterns that share it
        for finditer, resolve in members:
            for match in finditer(text):
                start, end = match.span()
                if taken[start] or taken[end - 1]:
                    continue
                try:
                    date, kind = resolve(match, period_start)
                except (ValueError, OverflowError):
                    continue  # "31 februari": not a date, not a time expression
                if date is None and period_start is not None:
                    continue  # "maart 40": no such day in any year of the period
                spans.append((start, end))
                taken[start:end] = b"\x01" * (end - start)
                if first is None or start < first[0]:
                    first = (start, TimeExpression(match[0], date, kind))
    return (first[1] if first else None), spans


def _masked(text: str, spans) -> str:
    """``text`` with the characters of every span made spaces."""
    parts = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        parts += [text[done:start], " " * (end - start)]
        done = end
    parts.append(text[done:])
    return "".join(parts)


_NUMBER = compile_kept(
    r"(?<![\w.,])([+-]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|[+-]?\d+(?:[.,]\d+)?)"
    r"(\s*(?:%|procent|percent|per\s+cent|pct\b))?(?![\w])",
    re.IGNORECASE,
)
_YEAR_ONLY = compile_kept(r"(19|20)\d\d")
_CENT = compile_kept("cent", re.IGNORECASE)  # in every word percentage: without it, no need to look for one
_WORD_PERCENT = compile_kept(r"\b" + _WORDNUM + r"\s+(?:procent|percent|per\s+cent)\b", re.IGNORECASE)
# "op X", "from X": the platform X written as a bare capital letter (case matters here)
_BARE_X = r"\b(?:[Oo]n|[Oo]p|[Vv]ia|[Ff]rom|[Vv]an|[Tt]o|[Nn]aar)\s+X(?![\w-])"
_DOUBLE = r"\b(verdubbel\w*|double|doubling|doubled)\b"
_TOWARDS = ("naar", "tot", "to", "up to", "tot wel")  # "van 1.200 naar 2.000": the number the goal ends at
_COUNTS = {"twice": 2, "tweemaal": 2, "driemaal": 3, "thrice": 3}
# a number written as a word counts when it counts something: "twee keer per dag", "three videos a week"
_COUNT = (
    r"\b(" + "|".join(w for w in sorted({**WORD_NUMBERS, **_COUNTS}, key=len, reverse=True) if w not in ("een", "één", "a", "one"))
    + r")\s+(?:keer|maal|times|x|per|a\s+(?:day|week|month)|(?:nieuwe\s+|new\s+|extra\s+)?(?:posts?|berichten|video'?s|videos|"
    r"reels|blogs?|vlogs?|livestreams|artikelen|articles|stories|updates))\b|\b(twice|tweemaal|driemaal|thrice)\b")


@lru_cache(maxsize=None)
def _guarded(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """One of the patterns above, behind a look-ahead at its first letters (patterncache), compiled when first used."""
    return compile_guarded(pattern, flags)


def _count_value(word: str) -> int:
    word = word.lower()
    return _COUNTS.get(word) or WORD_NUMBERS.get(word, 1)


_THREE_WORDS = compile_kept(r"\s*(\S+)?(?:\s+(\S+))?(?:\s+(\S+))?")  # words as str.split() finds them


def _metric_follows(vocab: _Vocabulary, text: str, position: int) -> bool:
    """Whether one of the three words after ``position`` holds a metric word ("2000 nieuwe volgers")."""
    words = " ".join(word for word in _THREE_WORDS.match(text, position).groups() if word).lower()
    return any(name.startswith("metric ") for name in vocab.named.find(words))


def analyse(statement: str, period_start: dt.date | None = None, lang_hint: str | None = None) -> Analysis:
    """Read a statement in time linear in its length: every pattern is compiled once and scans it once."""
    text = statement or ""
    lang = detect_language(text, lang_hint)
    vocab = _vocabulary()
    result = Analysis(lang)
    result.vague = wording.vague().find(text)
    named = vocab.named.find(text)
    metrics = [name[7:] for name in named if name.startswith("metric ")]
    window = timewords.response_window(text)
    if "response-time" not in metrics and window:
        metrics.append("response-time")  # "we reageren binnen 24 uur": the metric is the response time
    result.metrics = metrics
    platforms = [name[9:] for name in named if name.startswith("platform ")]
    if "x" not in platforms and _guarded(_BARE_X, 0).search(text):
        platforms.append("x")
    result.platforms = platforms

    result.time, spans = find_time(text, period_start, window)
    rest = _masked(text, spans)
    relative_before, relative_after = vocab.relative_before, vocab.relative_after
    for match in _NUMBER.finditer(rest):
        raw, percent = match[1], match[2]
        value = parse_number(raw, lang)
        if value is None:
            continue
        start, end = match.span()
        if percent:
            result.percents.append(abs(value))
            signed = raw.startswith(("+", "-"))
            if signed or relative_before.before(rest, start) or relative_after.after(rest, end):
                result.relative.append(value)
            continue
        towards = vocab.towards.before(rest, start)
        metric_follows = None  # worked out when needed
        if _YEAR_ONLY.fullmatch(raw):
            metric_follows = _metric_follows(vocab, rest, end)
            if not (metric_follows or towards):
                continue  # a year ("sinds 2020"), unless a metric follows ("2000 nieuwe volgers") or "naar" precedes
        result.numbers.append(abs(value))
        if result.baseline is None and vocab.baseline_before.before(rest, start):
            result.baseline = value
        elif result.target is None and towards:
            if metric_follows is None:
                metric_follows = _metric_follows(vocab, rest, end)
            if metric_follows or result.baseline:
                result.target = value  # "van 1.200 naar 2.000", "naar 2000 volgers"; not "door naar 3 pagina's"
    for match in _WORD_PERCENT.finditer(rest) if _CENT.search(rest) else ():
        value = float(WORD_NUMBERS[match[1].lower()])
        result.percents.append(value)
        if relative_before.before(rest, match.start()) or relative_after.after(rest, match.end()):
            result.relative.append(value)
    if not result.numbers and window:
        result.numbers.append(float(timewords.window_count(text[window[0]:window[1]])))  # "binnen één werkdag"
    if not result.numbers and (count := _guarded(_COUNT).search(rest)):
        result.numbers.append(float(_count_value(count[1] or count[2])))  # "twee keer per dag", "three videos"
    if _guarded(_DOUBLE).search(rest):
        result.percents.append(100.0)
        result.relative.append(100.0)
    return result
