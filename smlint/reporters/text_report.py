"""``path:line:col: CODE severity message``, one line a finding, then a summary.

A file name with a line break, a control character or bytes that are not
UTF-8 is shown quoted, with backslash escapes, so a finding stays one line.
"""

from __future__ import annotations

from ..i18n import common
from .files import shown

# ANSI colours: --color, NO_COLOR and FORCE_COLOR decide (the caller does)
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "code": "\033[1m", "path": "\033[2m"}
_RESET = "\033[0m"


def summary_line(summary: dict, lang: str) -> str:
    words = common("words", lang)
    counts = {**summary, "total": summary["error"] + summary["warning"] + summary["info"]}
    shown = {name: f"{count} {words[name][0 if count == 1 else 1]}" for name, count in counts.items()}
    return common("summary" if counts["total"] else "summary_none", lang).format(**shown)


def fixes_line(fixes: dict, lang: str) -> str:
    """"3 fixable with `smlint fix`" (and how many more with --unsafe-fixes), or nothing."""
    parts = [common("fixable", lang).format(count=fixes["safe"])] if fixes["safe"] else []
    if fixes["unsafe"]:
        parts.append(common("fixable_unsafe", lang).format(count=fixes["unsafe"]))
    return " ".join(parts)


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{_COLOURS[colour]}{text}{_RESET}" if on else text


def write(run, results, out) -> None:
    on = run.colour
    for result in run.each(results):
        severity = common("severity", result.lang)  # in the language of the file's messages: "fout" in Dutch
        for f in result.findings:
            out.write(f"{_paint(f'{shown(f.file)}:{f.line}:{f.column}:', 'path', on)} {_paint(f.rule, 'code', on)} "
                      f"{_paint(severity[f.severity], f.severity, on)} {'[*] ' if f.fixable else ''}{f.message}\n")
    if not run.quiet:
        note = fixes_line(run.fixes, run.language)
        out.write(summary_line(run.summary, run.language) + (" " + note if note else "") + "\n")
