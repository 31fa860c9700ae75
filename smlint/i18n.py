"""Messages in the user's language (English and Dutch), from the catalogue data."""

from __future__ import annotations

import datetime as dt
import re

from .classcache import dataclass
from .data import catalogue, read_yaml
from .patterncache import compile as compile_kept

LANGUAGES = ("en", "nl")

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}


def written_language(text: str, key: str) -> str | None:
    """The message language a file names under ``key``, read from its text: ``languages: [nl]`` (a
    strategy), ``lang: nl`` or ``lang = "nl"`` (a configuration). For a file that cannot be read as
    data, so that its own problems are told in its language; a file that can be read is asked properly."""
    match = re.search(r"(?:^|[{,])[ \t]*" + re.escape(key) + r"[ \t]*[:=][ \t]*(?:\[|\r?\n[ \t]*-)?[ \t]*['\"]?"
                      r"((?i:nl|en))\b", text, re.MULTILINE)
    return match[1].lower() if match else None


_LANGUAGE_TAG = compile_kept(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*\Z")


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


class Noun(str):
    """A word a message shows for a value that has no short form: "list", "mapping" (in the user's language)."""


@dataclass(frozen=True)
class Place:
    """Where in the file a message is about, as a reader names it: "deadline of objective 'fb-fans'".

    ``field`` is the keys below the item (or from the top of the file), dotted; ``kind`` the list the item
    is in (objectives, pillars, ...; "" for none); the item is named by its ``name`` (its id), else a
    calendar entry by its ``date`` and ``channel``, else by its ``number``, counted from 1.
    """

    field: str = ""
    kind: str = ""
    name: str = ""
    number: int = 0
    date: str = ""
    channel: str = ""

    def text(self, lang: str) -> str:
        words = common("place", lang)
        if not self.kind:
            return self.field or common("root", lang)
        kind = words["kinds"].get(self.kind, words["kinds"]["item"])
        if self.name:
            item = words["item_id"].format(kind=kind, id=self.name)
        elif self.date and self.channel:
            item = words["item_entry"].format(kind=kind, date=_day(self.date, lang), channel=self.channel)
        else:
            item = words["item_number"].format(kind=kind, number=self.number)
        return words["field_of"].format(field=self.field, item=item) if self.field else item


def _day(text: str, lang: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(text), lang)
    except ValueError:
        return text


def _shown(value, lang: str):
    if isinstance(value, Place):
        return value.text(lang)
    if isinstance(value, Noun):
        return common("nouns", lang)[value]
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        return format_number(value, lang)
    return value


def message(code: str, key: str, lang: str, args: dict | None = None) -> str:
    templates = catalogue()[code]["messages"]
    template = templates.get(lang, templates["en"]).get(key) or templates["en"][key]
    values = {name: value if name == "value" and not isinstance(value, Noun) else _shown(value, lang)
              for name, value in (args or {}).items()}
    if code == "SM001" and isinstance(values.get("problem"), str):
        for pattern, replacement in common("yaml_problems", lang):  # the YAML reader speaks English only
            values["problem"] = re.sub(pattern, replacement, values["problem"])
    if values.get("where") == "":
        values["where"] = common("root", lang)
    text = template.format(**values)
    where = (args or {}).get("where")
    if template.startswith("{where}") and (where == "" or isinstance(where, Place) and not where.field):
        text = text[:1].upper() + text[1:]  # "Objective 'fb-fans': ...", "The file: ..."; a key stays as written
    return text
