"""Messages in the user's language (English and Dutch), from the catalogue data."""

from __future__ import annotations

import datetime as dt
import re

from .data import catalogue, read_yaml

LANGUAGES = ("en", "nl")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}


_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*\Z")


def is_language_tag(value) -> bool:
    """A language written as a code (``nl``, ``NL``, ``nl-BE``), not in words."""
    return isinstance(value, str) and _LANGUAGE_TAG.match(value.strip()) is not None


def language_code(value) -> str | None:
    """The language a value in ``organisation.languages`` means, as a lowercase code.

    Codes in any case and with a region (``NL``, ``nl-BE``) are read as their
    language; a language written out ("Nederlands", "Dutch") as the code it
    names (``rules/vocabulary.yaml``, SM305 suggests writing the code).
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    tag = _LANGUAGE_TAG.match(text)
    if tag:
        return tag[1].lower()
    word = text.lower()
    for code, names in (read_yaml("vocabulary.yaml").get("language_names") or {}).items():
        if word in names:
            return code
    return None


def common(key: str, lang: str) -> str:
    return read_yaml("messages.yaml")[lang][key]


def format_date(value: dt.date, lang: str) -> str:
    """31 December 2027 / 31 december 2027."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def format_number(value: float, lang: str) -> str:
    """1,320 in English, 1.320 in Dutch; at most one decimal."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value == int(value):
        text = f"{int(value):,}"
    else:
        text = f"{value:,.1f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _shown(value, lang: str):
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return format_number(value, lang)
    return value


def message(code: str, key: str, lang: str, args: dict | None = None) -> str:
    templates = catalogue()[code]["messages"]
    template = templates.get(lang, templates["en"]).get(key) or templates["en"][key]
    values = {name: value if name == "value" else _shown(value, lang) for name, value in (args or {}).items()}
    if values.get("where") == "":
        values["where"] = common("root", lang)
    return template.format(**values)
