"""The configuration: ``.smlint.yaml``, or ``[tool.smlint]`` in ``pyproject.toml``.

One configuration per run (SPEC section 7): ``--config FILE``, else the
first ``.smlint.yaml`` or ``pyproject.toml`` with a ``[tool.smlint]`` table
found from the current folder upwards, stopping at the folder that holds
``.git`` or at the filesystem root. In one folder ``.smlint.yaml`` wins.
A configuration smlint cannot use stops the run (exit 2) with its file,
line and key, and a suggestion.
"""

from __future__ import annotations

import os
import re
from dataclasses import field

from .load import records
from .classcache import dataclass
from .load.datafile import DataFileError, TreeLocator, check
from .load.loader import MAX_FILE_BYTES, escape_pointer

CONFIG_FILE = ".smlint.yaml"
PYPROJECT = "pyproject.toml"

@dataclass
class Loaded:
    """A configuration with where it came from (paths in it are relative to ``base``)."""

    config: records.Record  # the fields of config_model.Config, validated
    file: str | None = None
    base: str = field(default_factory=os.getcwd)  # a folder (a string: a lint run does without pathlib)

    def rule_packs(self) -> tuple[str, ...]:
        return tuple(self._under_base(f) for f in self.config.rule_packs)

    def baseline(self) -> str | None:
        value = self.config.baseline
        return None if value is None else self._under_base(value)

    def exclusions(self, extra=()):
        """What file searches leave out: the configuration's ``exclude``, and ``extra`` (``--exclude``, relative to
        the current folder)."""
        from .load.discovery import Exclusions

        return Exclusions([(self.base, self.config.exclude), (os.getcwd(), extra)])

    def channel_data(self) -> tuple[str, ...]:
        value = self.config.channel_data
        files = [value] if isinstance(value, str) else list(value or [])
        return tuple(self._under_base(f) for f in files)

    def _under_base(self, path: str) -> str:
        """A path the configuration names, from its folder (written as pathlib writes it)."""
        if os.path.isabs(path):
            return path
        from pathlib import Path

        return str(Path(self.base) / path)


def find(start=None, lang: str | None = None):
    """The configuration file (a ``pathlib.Path``) that applies from ``start`` (default: the current folder).

    Raises DataFileError for a ``pyproject.toml`` that mentions ``tool.smlint`` but cannot be read: the
    user's configuration would otherwise be left out without a word.
    """
    folder = os.path.realpath(start or os.getcwd())
    while True:
        found = os.path.join(folder, CONFIG_FILE)
        if not os.path.isfile(found):
            found = os.path.join(folder, PYPROJECT)
            if not (os.path.isfile(found) and _has_tool_table(found, lang)):
                found = None
        if found is not None:
            from pathlib import Path

            return Path(found)
        if os.path.exists(os.path.join(folder, ".git")) or os.path.dirname(folder) == folder:
            return None
        folder = os.path.dirname(folder)


_MENTION = re.compile(rb"\bsmlint\b")  # [tool.smlint], `smlint = ...` under [tool], a header written wrongly


def _has_tool_table(path: str, lang: str) -> bool:
    """Whether a pyproject.toml holds ``[tool.smlint]``: decided by reading it as TOML when it mentions it."""
    from .load.discovery import read
    from .load.loader import FatalLoadError

    try:
        if not _MENTION.search(read(str(path), MAX_FILE_BYTES)):
            return False
    except (OSError, FatalLoadError):
        pass  # cannot tell here: reading it again says why
    lang = lang or written_language(str(path)) or "en"
    return _read_toml(str(path), str(path), lang, required=False) is not None


def load(path: str | None, lang: str | None = None) -> Loaded:
    """The configuration to use: the file named, else the one found, else the defaults.

    Its problems are told in ``lang`` (--lang), else in the language the file itself sets (``lang: nl``).
    """
    if path is None:
        found = find(lang=lang)
        if found is None:
            return Loaded(records.make("Config", {}))
        path = str(found)
        shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    else:
        shown = path
    base = os.path.dirname(os.path.realpath(path))
    lang = lang or written_language(path) or "en"
    if os.path.basename(os.path.normpath(path)) == PYPROJECT or path.endswith(".toml"):
        values, locator = _read_toml(shown, path, lang)
    else:
        from .load.datafile import read

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
        try:
            found = find()
        except DataFileError as exc:  # a pyproject.toml that means smlint but does not parse: its lang still counts
            found = exc.file
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


def _read_limited(shown: str, path: str, lang: str) -> bytes:
    """A configuration file's bytes, read as strategy files are (never a hang, at most 10 MB)."""
    from .load.datafile import read_limited
    from .i18n import message
    from .load.loader import FatalLoadError

    try:
        return read_limited(path, lang, shown=shown)
    except FatalLoadError as exc:  # too large
        raise DataFileError(shown, 1, 1, message("SM001", exc.problem.key, lang, exc.problem.args)) from None


def _read_toml(shown: str, path: str, lang: str, required: bool = True):
    """``[tool.smlint]`` of a TOML file and a locator for its keys; with ``required=False``, None when it has none."""
    import tomllib

    from .i18n import common, message
    from .load.loader import FatalLoadError, decode, line_column

    data = _read_limited(shown, path, lang)
    try:
        text = decode(data)
    except FatalLoadError as exc:  # not UTF-8, which TOML must be
        problem = exc.problem
        raise DataFileError(shown, problem.line, problem.column, message("SM001", problem.key, lang, problem.args)) \
            from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
        raise DataFileError(shown, line, column, common("config_bad_toml", lang).format(problem=str(exc))) from None
    except ValueError:  # an integer of more than 4,300 digits: Python's int() refuses it
        raise _huge_toml_number(shown, text, lang) from None
    tool = document.get("tool")
    if not isinstance(tool, dict) or "smlint" not in tool:
        if not required:
            return None  # `tool.smlint` written in a string, say: not a configuration, the search goes on
        raise DataFileError(shown, 1, 1, common("config_no_table", lang))
    if not isinstance(tool["smlint"], dict):  # `smlint = 5` under [tool]
        found = re.search(r"""^[ \t]*(["']?tool["']?[ \t]*\.[ \t]*)?["']?smlint["']?[ \t]*=""", text, re.MULTILINE)
        line, column = line_column(text, found.start()) if found else (1, 1)
        raise DataFileError(shown, line, column, common("config_not_table", lang))
    return tool["smlint"], TomlLocator(text)


def _huge_toml_number(shown: str, text: str, lang: str) -> DataFileError:
    """The error for an integer tomllib cannot read (more than 4,300 digits), at the number."""
    from .i18n import message
    from .load.loader import abbreviate, line_column

    found = re.search(r"[0-9_]{4300,}", text) or re.search(r"[0-9a-fA-F_]{300,}", text)
    start = found.start() if found else 0
    line, column = line_column(text, start)
    key = re.match(r"\s*([^=]*?)\s*=", text[start - column + 1:start])
    return DataFileError(shown, line, column, message("SM003", "huge_number", lang, {
        "where": key[1].strip("\"' ") if key else "", "value": abbreviate(found[0] if found else "?"),
        "digits": len(found[0].replace("_", "")) if found else 4300}))


class TomlLocator:
    """Where a key of ``[tool.smlint]`` is written: tomllib keeps no positions, so the text is searched."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")  # TOML's line breaks: \n and \r\n
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
    from difflib import get_close_matches  # only for a suggestion

    close = get_close_matches(code, known, n=1, cutoff=0.6)
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
                from difflib import get_close_matches  # only for a suggestion

                close = get_close_matches(option, list(defaults), n=1, cutoff=0.5)
                fail(f"/thresholds/{code}/{escape_pointer(option)}", "config_unknown_option", code=code, option=option,
                     known=", ".join(defaults) or "-", hint=close[0] if close else "-")
