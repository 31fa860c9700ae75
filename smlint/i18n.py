"""Messages in the user's language (English and Dutch), from the catalogue data."""

from __future__ import annotations

import datetime as dt

from .data import catalogue, read_yaml

LANGUAGES = ("en", "nl")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}


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
