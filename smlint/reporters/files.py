"""File names in reports: printed safely, located from the repository root, and fingerprinted.

A file name is whatever bytes the file system holds: ``os.listdir`` gives
bytes that are not UTF-8 as lone surrogates, and a name may hold a line
break or an escape sequence. Text output shows such a name quoted, with
backslash escapes (as git does), so one finding stays one line; JSON gets
text only, never raw bytes or lone surrogates.

Code-scanning services (GitHub, GitLab) need a location that does not
depend on where smlint ran or how the path was typed: the path from the
repository root (the nearest folder holding ``.git``; else the
configuration's folder; else the current folder), normalised. A finding's
fingerprint comes from its rule, that path and its JSON Pointer with list
items named by their id where they have one (plus an occurrence number when
these repeat), never from the message or the line, so it survives another
``--lang``, lines moving above it and items inserted before it.
"""

from __future__ import annotations

import os

from ..locations import Locations  # noqa: F401  (reporters locate files through it)

_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = set("\u200e\u200f\u061c") | {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
FINGERPRINT = "smlint/v1"  # the key of SARIF's partialFingerprints; a new way of fingerprinting gets a new version


def as_bytes(name: str) -> bytes:
    """The name's bytes on disk (a lone surrogate that no file system gave is kept as an escape)."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace")


def _unsafe(char: str) -> bool:
    import unicodedata  # a name that is not printable as it is: seldom

    return "\udc80" <= char <= "\udcff" or char in _BIDI or unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")


def shown(name: str) -> str:
    """The name for a line of text: as given, or in double quotes with backslash escapes when it needs them."""
    if name.isprintable() and not any(char in _BIDI for char in name):
        return name
    if not any(_unsafe(char) for char in name):
        return name
    out = []
    for char in name:
        if char in _NAMED:
            out.append(_NAMED[char])
        elif "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif _unsafe(char):
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def text(name: str) -> str:
    """The name for JSON: as given, with each byte that is not UTF-8 written as ``\\xNN``."""
    if name.isascii() or not any("\ud800" <= char <= "\udfff" for char in name):
        return name
    return as_bytes(name).decode("utf-8", "backslashreplace")


def uri(path: str) -> str:
    """A relative path as a URI reference; an absolute one as a file URI (bytes percent-encoded)."""
    from urllib.parse import quote  # SARIF and GitLab reports only: text output does without it

    encoded = quote(as_bytes(path), safe="/")
    return "file://" + encoded if os.path.isabs(path) else encoded


def folder_uri(folder: str) -> str:
    from urllib.parse import quote

    return "file://" + quote(as_bytes(folder.rstrip("/") + "/"), safe="/")


class Fingerprints:
    """A finding's identity: rule, file from its root, JSON Pointer, and which occurrence of these it is."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, str], int] = {}

    def __call__(self, rule: str, located: str, pointer: str) -> str:
        key = (rule, located, pointer)
        occurrence = self.seen[key] = self.seen.get(key, 0) + 1
        data = b"\0".join((rule.encode(), as_bytes(located), pointer.encode("utf-8", "surrogatepass"),
                           str(occurrence).encode()))
        import hashlib  # only for the formats that fingerprint

        return hashlib.sha256(data).hexdigest()[:32]
