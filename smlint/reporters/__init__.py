"""Reporters turn findings into text. They know nothing of rules.

Each reporter module has ``write(run, results, out)``: it writes file by file
as ``results`` (an iterator of engine.FileResult) yields them, so a run over
thousands of files holds no more than one file's findings. Modules are
imported only when their format is asked for. What a reporter may know of
the rules is the catalogue's data, handed to it in ``Run.rules``.
"""

from __future__ import annotations

import importlib
from dataclasses import field

from ..classcache import dataclass

FORMATS = ("text", "json", "sarif", "gitlab", "github")


@dataclass
class Run:
    lang: str | None = None  # the message language, or None: the files' own (see ``language``)
    rules: dict = field(default_factory=dict)  # code -> catalogue entry
    version: str = ""
    colour: bool = False
    quiet: bool = False  # findings only: no summary line
    config_base: str | None = None  # the configuration's folder: the root for files outside any git repository
    summary: dict = field(default_factory=lambda: {"files": 0, "error": 0, "warning": 0, "info": 0})
    fixes: dict = field(default_factory=lambda: {"safe": 0, "unsafe": 0})  # what `smlint fix` would repair
    languages: set = field(default_factory=set)  # the languages of the files seen so far

    def each(self, results):
        """The results, counted into ``summary`` as they pass."""
        for result in results:
            self.summary["files"] += 1
            for finding in result.findings:
                self.summary[finding.severity] += 1
                if finding.fix is not None:
                    self.fixes["safe" if finding.fixable else "unsafe"] += 1
            self.languages.add(result.lang)
            yield result

    def findings(self, results):
        for result in self.each(results):
            yield from result.findings

    @property
    def language(self) -> str:
        """The language asked for, else the one all files seen speak (Dutch files, a Dutch summary), else English."""
        if self.lang:
            return self.lang
        return next(iter(self.languages)) if len(self.languages) == 1 else "en"


def write(fmt: str, run: Run, results, out) -> None:
    importlib.import_module(f"{__name__}.{fmt}_report").write(run, results, out)
