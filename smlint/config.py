"""The configuration: ``.smlint.yaml``, or ``[tool.smlint]`` in ``pyproject.toml``.

One configuration per run (SPEC section 7): ``--config FILE``, else the
first ``.smlint.yaml`` or ``pyproject.toml`` with a ``[tool.smlint]`` table
found from the current folder upwards, stopping at the folder that holds
``.git`` or at the filesystem root. In one folder ``.smlint.yaml`` wins.
A configuration smlint cannot use stops the run (exit 2) with its file,
line and key, and a suggestion.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import records
from .datafile import DataFileError, TreeLocator, check
from .loader import escape_pointer

CONFIG_FILE = ".smlint.yaml"
PYPROJECT = "pyproject.toml"

@dataclass
class Loaded:
    """A configuration with where it came from (paths in it are relative to ``base``)."""

    config: records.Record  # the fields of config_model.Config, validated
    file: str | None = None
    base: Path = field(default_factory=Path.cwd)

    def rule_packs(self) -> tuple[str, ...]:
        return tuple(str(self.base / f) if not os.path.isabs(f) else f for f in self.config.rule_packs)

    def baseline(self) -> str | None:
        value = self.config.baseline
        return None if value is None else value if os.path.isabs(value) else str(self.base / value)

    def channel_data(self) -> tuple[str, ...]:
        value = self.config.channel_data
        files = [value] if isinstance(value, str) else list(value or [])
        return tuple(str(self.base / f) if not os.path.isabs(f) else f for f in files)


def find(start: Path | None = None) -> Path | None:
    """The configuration file that applies from ``start`` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    while True:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*smlint\s*[\].]", text, re.MULTILINE) is not None


def load(path: str | None, lang: str | None = None) -> Loaded:
    """The configuration to use: the file named, else the one found, else the defaults.

    Its problems are told in ``lang`` (--lang), else in the language the file itself sets (``lang: nl``).
    """
    if path is None:
        found = find()
        if found is None:
            return Loaded(records.make("Config", {}))
        path = str(found)
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    else:
        shown = path
    base = Path(path).resolve().parent
    lang = lang or written_language(path) or "en"
    if Path(path).name == PYPROJECT or path.endswith(".toml"):
        values, locator = _read_toml(shown, path, lang)
    else:
        from .datafile import read

        values, root = read(shown, None, lang)
        locator = TreeLocator(root)
    values = {k: v for k, v in values.items() if not str(k).startswith("x-")}
    check(shown, values, "Config", lang, locator)
    config = records.build("Config", values)
    loaded = Loaded(config, shown, base)
    _check_codes(shown, config, lang, locator, loaded.rule_packs())
    return loaded


def written_language(path: str | None) -> str | None:
    """The ``lang`` a configuration file (default: the one found) sets, from a look at its text (it may not parse)."""
    from . import i18n

    if path is None:
        found = find()
        path = str(found) if found else ""
    if not os.path.isfile(path):  # never a FIFO or a device: reading it is the loader's business
        return None
    try:
        with open(path, "rb") as handle:
            text = handle.read(1 << 16).decode("utf-8", "replace")
    except OSError:
        return None
    if path.endswith(".toml"):
        header = re.search(r"^\s*\[\s*tool\s*\.\s*smlint\s*\]", text, re.MULTILINE)
        text = text[header.end():] if header else ""
    return i18n.written_language(text, "lang")


def _read_toml(shown: str, path: str, lang: str):
    import tomllib

    from .i18n import common, message

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(shown, 1, 1, message("SM001", "unreadable", lang, {"problem": getattr(exc, "strerror", None)
                                                                                or str(exc)})) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
        raise DataFileError(shown, line, column, common("config_bad_toml", lang).format(problem=str(exc))) from None
    table = document.get("tool", {}).get("smlint")
    if not isinstance(table, dict):
        raise DataFileError(shown, 1, 1, common("config_no_table", lang))
    return table, TomlLocator(text)


class TomlLocator:
    """Where a key of ``[tool.smlint]`` is written: tomllib keeps no positions, so the text is searched."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.start = next((i for i, line in enumerate(self.lines)
                           if re.match(r"\s*\[\s*tool\s*\.\s*smlint\s*[\].]", line)), 0)

    def key(self, pointer: str) -> tuple[int, int]:
        line, column = self.start + 1, 1
        index = self.start
        for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.lstrip("/").split("/") if t]:
            if token.isdigit():
                continue
            pattern = re.compile(r'(^|[\s.\[{,])"?' + re.escape(token) + r'"?\s*(=|\]|\.)')
            for number in range(index, len(self.lines)):
                found = pattern.search(self.lines[number])
                if found:
                    index, line, column = number, number + 1, found.start() + 1 + (found.group(1) != "")
                    break
        return line, column

    mapping = key

    def node(self, pointer: str):
        return None


def unknown_code(code: str, known) -> str | None:
    """None when ``code`` (upper case) is one of the ``known`` codes or a prefix of one; else the closest, or ""."""
    if code and any(k.startswith(code) for k in known):
        return None
    close = difflib.get_close_matches(code, known, n=1, cutoff=0.6)
    return close[0] if close else ""


def _check_codes(file: str, config, lang: str, locator, rule_packs: tuple[str, ...] = ()) -> None:
    """Codes and rule options must exist: a typo would otherwise switch nothing off, silently."""
    from . import checks
    from .i18n import common

    known = checks.implemented()
    if rule_packs:  # the packs' own codes can be selected, ignored and given a severity too
        from . import rulepacks

        known = sorted(set(known) | {rule.code for rule in rulepacks.load(rule_packs, lang)})

    def fail(pointer: str, key: str, **args):
        line, column = locator.key(pointer)
        raise DataFileError(file, line, column, common(key, lang).format(**args))

    def check_prefix(code: str, pointer: str):
        hint = unknown_code(code, known)
        if hint is not None:
            fail(pointer, "config_unknown_code", code=code, hint=hint or known[0])

    for name in ("select", "extend-select", "ignore"):
        for index, code in enumerate(getattr(config, name.replace("-", "_")) or []):
            check_prefix(code, f"/{name}/{index}")
    for glob, entry in config.per_file_ignores.items():
        extended = not isinstance(entry, list)
        for index, code in enumerate(entry.codes if extended else entry):
            check_prefix(code, f"/per-file-ignores/{escape_pointer(glob)}{'/codes' if extended else ''}/{index}")
    for code in config.severity:
        check_prefix(code, f"/severity/{code}")
    for code, options in config.thresholds.items():
        check_prefix(code, f"/thresholds/{code}")
        defaults = getattr(checks.load(code), "OPTIONS", {}) if code in checks.modules() else {}
        for option in options:
            if option not in defaults:
                close = difflib.get_close_matches(option, list(defaults), n=1, cutoff=0.5)
                fail(f"/thresholds/{code}/{escape_pointer(option)}", "config_unknown_option", code=code, option=option,
                     known=", ".join(defaults) or "-", hint=close[0] if close else "-")
