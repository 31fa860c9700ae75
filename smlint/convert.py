"""The conversions the file format allows, shared by the pydantic models and the runtime validator.

Each raises ValueError with a message key of SM003 ("not_date", ...). They
carry no pydantic, so the linter can run without importing it.
"""

from __future__ import annotations

import datetime as dt
import re

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def iso_date(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not DATE_PATTERN.match(value):
        raise ValueError("not_date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("not_date") from None


def age(value):
    if isinstance(value, str):
        text = value.replace(" ", "")
        if re.fullmatch(r"\d{1,3}\+", text):
            return {"min": int(text[:-1])}
        match = re.fullmatch(r"(\d{1,3})-(\d{1,3})", text)
        if match:
            return {"min": int(match[1]), "max": int(match[2])}
        raise ValueError("not_age")
    return value


def percent(value):
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", value)
        if not match:
            raise ValueError("not_percent")
        return float(match[1])
    return value


def truthy(value):
    """Practices accept true/false and the words ja/nee, yes/no."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in ("ja", "yes", "true"):
            return True
        if word in ("nee", "no", "false"):
            return False
    raise ValueError("not_bool")


def plain_number(value):
    # pydantic would turn true into 1; a count is never a yes/no.
    if isinstance(value, bool):
        raise ValueError("not_number")
    return value


def code_prefix(value):
    """A rule code or prefix in any case: "sm2" -> "SM2"."""
    # smlint's own (SM, SM2, SM205) and a rule pack's (ORG, ORG001); whether the code exists is checked later
    if isinstance(value, str) and re.fullmatch(r"SM\d{0,3}|(?!SM)[A-Z][A-Z0-9]{0,7}(?<![0-9])\d{0,3}", value.strip().upper()):
        return value.strip().upper()
    raise ValueError("not_code")


def code(value):
    """A full rule code in any case: "sm205" -> "SM205"."""
    if isinstance(value, str) and re.fullmatch(r"SM\d{3}|(?!SM)[A-Z][A-Z0-9]{0,7}(?<![0-9])\d{3}", value.strip().upper()):
        return value.strip().upper()
    raise ValueError("not_code")


CONVERTERS = {
    "iso_date": iso_date,
    "age": age,
    "percent": percent,
    "truthy": truthy,
    "plain_number": plain_number,
    "code_prefix": code_prefix,
    "code": code,
}
