"""The conversions the file format allows, shared by the pydantic models and the runtime validator.

Each raises ValueError with a message key of SM003 ("not_date", ...). They
carry no pydantic, so the linter can run without importing it.

The patterns below are also written into the JSON Schema (model.py), so the
editor and the command line accept the same text. They are written for
every regular-expression engine that reads them (Python, the Rust engine of
pydantic, the ECMAScript engine of the YAML language server): ASCII classes
only (``[0-9]`` and a space, never ``\\d`` or ``\\s``, which some engines read
as Unicode), and the converters match them whole (``fullmatch``), as ``$``
means the end of the text everywhere but in Python.
"""

from __future__ import annotations

import datetime as dt

from ..patterncache import compile as compile_kept

# A real date, YYYY-MM-DD, from 0001-01-01 to 9999-12-31, leap years included: an editor can tell
# 2027-02-30 from 2028-02-29 without a date library (the YAML language server checks format: date by shape only).
_YEAR = "(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (
    "^(" + _YEAR + "-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    "|02-(0[1-9]|1[0-9]|2[0-8]))|" + _LEAP_YEAR + "-02-29)$"
)
# an age from 0 to 120, written with at most three digits
_AGE = "([0-9]{1,2}|0[0-9]{2}|1[01][0-9]|120)"
AGE_PATTERN = "^ *" + _AGE + "( *- *" + _AGE + "| *\\+) *$"
# a share of 0 to 100 percent as text: "40", "40%", "12.5 %"
PERCENT_PATTERN = "^ *0*([0-9]{1,2}(\\.[0-9]{1,6})?|100(\\.0{1,6})?) *%? *$"
SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
RELATIVE_TARGET_PATTERN = "^ *[+-]?[0-9]{1,300}([.,][0-9]+)? *% *$"  # more digits: no float holds it (SM003)
PRACTICE_WORD_PATTERN = "^([Jj][Aa]|[Nn][Ee][Ee]|[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"

_DATE = compile_kept(DATE_PATTERN)
_AGE_TEXT = compile_kept(r" *([0-9]{1,3})(?: *- *([0-9]{1,3})| *(\+)) *")  # AGE_PATTERN without the 0-120 bound
_PERCENT_TEXT = compile_kept(r" *([0-9]+(?:\.[0-9]{1,6})?) *%? *")  # PERCENT_PATTERN without the 0-100 bound
_PRACTICE_WORD = compile_kept(PRACTICE_WORD_PATTERN)
# what YAML would read as a number if the quotes were left off
_NUMBER_TEXT = compile_kept(r" *[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? *")
_DUTCH_THOUSANDS = compile_kept(r"[+-]?[0-9]{1,3}(\.[0-9]{3})+")


def iso_date(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("not_date")
    return dt.date.fromisoformat(value)


def age(value):
    """"25-40" and "65+" are an age range; a mapping is checked as one ({min, max}); anything else is not."""
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and (match := _AGE_TEXT.fullmatch(value)):
        return {"min": int(match[1])} if match[3] else {"min": int(match[1]), "max": int(match[2])}
    raise ValueError("not_age")


def percent(value):
    """40, 12.5, "40" or "40%"; never true or false."""
    if isinstance(value, bool):
        raise ValueError("not_percent")
    if isinstance(value, str):
        match = _PERCENT_TEXT.fullmatch(value)
        if not match:
            raise ValueError("not_percent")
        return float(match[1])
    return value


def truthy(value):
    """Practices accept true/false and the words ja/nee, yes/no (in any case)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and _PRACTICE_WORD.fullmatch(value):
        return value.lower() in ("ja", "yes", "true")
    raise ValueError("not_bool")


def plain_number(value):
    """A number is written as a number: never true/false (pydantic would read 1), never text ("85")."""
    if isinstance(value, bool):
        raise ValueError("not_number")
    if isinstance(value, str):
        raise ValueError("quoted_number" if _NUMBER_TEXT.fullmatch(value) else "not_number")
    return value


def plain_bool(value):
    """A setting that is on or off is written true or false: not 1, not "yes" (as the schema an editor checks says)."""
    if isinstance(value, bool):
        return value
    raise ValueError("want_bool")


def unquoted(text: str) -> str:
    """How to write a number given as text: "85" -> 85, "1.200" (Dutch thousands) -> 1200."""
    text = text.strip()
    return text.replace(".", "") if _DUTCH_THOUSANDS.fullmatch(text) else text


# A rule code or prefix, in any case: smlint's own (SM, SM2, SM205) and a rule pack's (ORG, ORG001: letters and
# digits ending in a letter, then up to three digits). As ECMAScript reads it too: the schemas carry it.
_PACK_PREFIX = "(?![Ss][Mm])[A-Za-z](?:[A-Za-z0-9]{0,6}[A-Za-z])?"
CODE_PREFIX_PATTERN = "^ *(?:[Ss][Mm][0-9]{0,3}|" + _PACK_PREFIX + "[0-9]{0,3}) *$"
CODE_PATTERN = "^ *(?:[Ss][Mm][0-9]{3}|" + _PACK_PREFIX + "[0-9]{3}) *$"
_CODE_PREFIX = compile_kept(CODE_PREFIX_PATTERN)
_CODE = compile_kept(CODE_PATTERN)


def code_prefix(value):
    """A rule code or prefix in any case: "sm2" -> "SM2"; whether the code exists is checked later."""
    if isinstance(value, str) and _CODE_PREFIX.fullmatch(value):
        return value.strip(" ").upper()
    raise ValueError("not_code")


def code(value):
    """A full rule code in any case: "sm205" -> "SM205"."""
    if isinstance(value, str) and _CODE.fullmatch(value):
        return value.strip(" ").upper()
    raise ValueError("not_code")


CONVERTERS = {
    "iso_date": iso_date,
    "age": age,
    "percent": percent,
    "truthy": truthy,
    "plain_number": plain_number,
    "plain_bool": plain_bool,
    "code_prefix": code_prefix,
    "code": code,
}


_YMD = compile_kept(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\Z")
_NUMERIC = compile_kept(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\Z")
_DAY_MONTH = compile_kept(r"(\d{1,2})(?:st|nd|rd|th|e)?\s+([^\W\d_]+)\.?,?\s+(\d{4})\Z")
_MONTH_DAY = compile_kept(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\Z")


def date_readings(text) -> list[tuple[str, dt.date]]:
    """The dates a text written in another notation can mean, each with its order.

    ``31-12-2027``, ``2027/12/31``, ``2027-31-12``, ``31 december 2027``,
    ``December 31, 2027`` each have one reading; ``07/01/2027`` has two,
    likeliest first: ``("dmy", 7 January)`` and ``("mdy", 1 July)``. A text
    that is no real date has none.
    """
    if not isinstance(text, str):
        return []
    value = " ".join(text.strip().split())
    found: list[tuple[str, dt.date]] = []

    def add(order: str, year, month, day) -> None:
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return
        if all(date != seen for _, seen in found):
            found.append((order, date))

    if match := _YMD.match(value):
        add("ymd", match[1], match[2], match[3])
        if not found:  # 2027-31-12: the year first, then day and month
            add("ydm", match[1], match[3], match[2])
    elif match := _NUMERIC.match(value):
        add("dmy", match[3], match[2], match[1])
        add("mdy", match[3], match[1], match[2])
    else:
        from ..language.text import MONTHS

        if (match := _DAY_MONTH.match(value)) and match[2].lower() in MONTHS:
            add("dmy", match[3], MONTHS[match[2].lower()], match[1])
        elif (match := _MONTH_DAY.match(value)) and match[1].lower() in MONTHS:
            add("mdy", match[3], MONTHS[match[1].lower()], match[2])
    return found
