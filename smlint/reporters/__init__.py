"""Reporters turn findings into text. They know nothing of rules.

Each reporter module has ``render(run: Run) -> str`` and is imported only
when its format is asked for. What a reporter may know of the rules is the
catalogue's data (names, summaries, docs), handed to it in ``Run.rules``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "json", "sarif", "gitlab", "github")


@dataclass
class Run:
    results: list  # engine.FileResult, one per file, in order
    summary: dict  # {"files": n, "error": n, "warning": n, "info": n}
    lang: str
    rules: dict = field(default_factory=dict)  # code -> catalogue entry
    version: str = ""
    colour: bool = False
    quiet: bool = False  # findings only: no summary line

    @property
    def findings(self):
        return [finding for result in self.results for finding in result.findings]


def render(fmt: str, run: Run) -> str:
    module = importlib.import_module(f"{__name__}.{fmt}_report")
    return module.render(run)
