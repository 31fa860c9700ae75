"""Lint an open document as ``smlint check`` would lint the file on disk.

The configuration is the one ``check`` would find from the document's folder
(``.smlint.yaml``, else ``pyproject.toml`` with ``[tool.smlint]``, upwards
to the folder that holds ``.git``). It is looked up at every lint and read
again when its file, or a channel data file it names, changes on disk (by
modification time and size), so an edited configuration applies at the next
keystroke without restarting the server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..load.discovery import DEFAULT_PATTERNS, matches
from ..engine import FileResult, Linter
from .positions import UTF16, TextIndex

SCHEMA_MODELINE = "strategy.schema.json"


@dataclass
class Configured:
    """One configuration, ready to lint with."""

    linter: Linter
    patterns: tuple[str, ...]
    file: str | None  # the configuration file, None for the defaults
    error: str | None = None  # a configuration smlint cannot use: the defaults are used, and this says why
    signature: tuple = ()
    entries: dict = field(default_factory=dict)  # every rule's catalogue entry, the rule packs' included
    baseline: object = None  # the configuration's baseline: its findings are not shown, as check does not
    files: tuple = ()  # the files it was read from: configuration, channel data, rule packs, baseline
    _fixer: Linter | None = None

    def fix_linter(self) -> Linter:
        """The linter fixes are checked with, as `smlint fix` checks them: every structural rule and every
        rule that can fix, nothing ignored, so that a fix's damage is seen whatever the configuration selects."""
        if self._fixer is None:
            from .. import checks

            options = self.linter.options
            fixers = tuple(code for code in checks.modules() if hasattr(checks.load(code), "fix"))
            self._fixer = Linter(dataclasses.replace(options, select=("SM0",) + fixers, ignore=(),
                                                     per_file_ignores={}))
        return self._fixer


@dataclass
class Linted:
    """An open document's text, its findings and what the editor needs to place them."""

    uri: str
    text: str
    index: TextIndex
    result: FileResult | None  # None: not a strategy file, nothing to say
    configured: Configured | None = None
    version: int | None = None
    path: str | None = None  # the file on disk, None for an unsaved document
    extra: dict = field(default_factory=dict)

    @property
    def findings(self):
        return self.result.findings if self.result else []

    @property
    def lang(self) -> str:
        return self.result.lang if self.result else "en"


def _stamp(path: str | None):
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return (path, None)
    return (path, info.st_mtime_ns, info.st_size)


class Session:
    """The server's state that is not the protocol's: configurations by file, found and cached."""

    def __init__(self, root: str | None = None) -> None:
        self.root = root  # the workspace folder: where the configuration of an unsaved document is looked for
        self._configs: dict[str | None, Configured] = {}

    def forget(self) -> None:
        """Read every configuration again at the next lint (a watched file changed)."""
        self._configs.clear()

    def reads(self, path: str) -> bool:
        """Whether a configuration in use was read from ``path`` (or names it: channel data, a rule pack, a baseline)."""
        real = os.path.realpath(path)
        return any(real == os.path.realpath(file) for configured in self._configs.values() for file in configured.files)

    def configuration(self, path: str | None) -> Configured:
        """The configuration that applies to a document at ``path`` (None: an unsaved document)."""
        from .. import config

        start = Path(path).parent if path else Path(self.root or os.getcwd())
        try:
            found = config.find(start)
        except OSError:
            found = None
        key = str(found) if found else None
        cached = self._configs.get(key)
        today = dt.date.today()
        if cached is not None and cached.signature == self._signature(cached, today):
            return cached
        configured = self._load(key, today)
        configured.signature = self._signature(configured, today)
        self._configs[key] = configured
        return configured

    @staticmethod
    def _signature(configured: Configured, today: dt.date) -> tuple:
        return (today,) + tuple(_stamp(f) for f in configured.files)

    @staticmethod
    def _load(file: str | None, today: dt.date) -> Configured:
        from .. import config
        from ..load import records
        from ..baseline import Baseline, BaselineError
        from ..commands.base import engine_options as _options, rule_entries as _rule_entries
        from ..load.datafile import DataFileError
        from ..i18n import common

        error, baseline = None, None
        try:
            loaded = config.load(file) if file else config.Loaded(records.make("Config", {}))
            linter = Linter(_options(loaded, today=loaded.config.today or today))
            entries = _rule_entries(loaded)
        except DataFileError as exc:
            error = str(exc)
            loaded = config.Loaded(records.make("Config", {}))
            linter = Linter(_options(loaded, today=today))
            entries = _rule_entries(loaded)
        files = (file, *loaded.channel_data(), *loaded.rule_packs(), loaded.baseline())
        if loaded.baseline():
            try:
                baseline = Baseline.read(loaded.baseline())
            except BaselineError as exc:
                key, args = exc.args[0]
                error = f"{loaded.baseline()}: {common(key, loaded.config.lang or 'en').format(**args)}"
        return Configured(linter, tuple(loaded.config.patterns or DEFAULT_PATTERNS), file, error,
                          entries=entries, baseline=baseline, files=tuple(f for f in files if f))

    def lint(self, uri: str, path: str | None, text: str, encoding: str = UTF16, version: int | None = None) -> Linted:
        """Findings for the document's text; none for a document that is not a strategy."""
        configured = self.configuration(path)
        index = TextIndex(text, encoding)
        if not is_strategy(path or uri, text, configured.patterns):
            return Linted(uri, text, index, None, configured, version, path)
        data = text.encode("utf-8", "surrogatepass")
        result = configured.linter.lint_bytes(path or uri, data)
        if configured.baseline is not None:  # as check does: what the baseline holds is not reported
            configured.baseline.used.clear()
            result.findings, _ = configured.baseline.new_findings(result.findings)
        return Linted(uri, text, index, result, configured, version, path)


def is_strategy(name: str, text: str, patterns=DEFAULT_PATTERNS) -> bool:
    """A strategy file: named like one (the configuration's patterns), or pointing at smlint's schema."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if matches(base, patterns):
        return True
    head = text[:2000]
    return "$schema" in head and SCHEMA_MODELINE in head
