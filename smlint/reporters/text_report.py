"""``path:line:col: CODE severity message``, one line a finding, then a summary."""

from __future__ import annotations

from ..i18n import common


def summary_line(summary: dict, lang: str) -> str:
    words = common("words", lang)
    counts = {**summary, "total": summary["error"] + summary["warning"] + summary["info"]}
    shown = {name: f"{count} {words[name][0 if count == 1 else 1]}" for name, count in counts.items()}
    return common("summary" if counts["total"] else "summary_none", lang).format(**shown)


def render(results, summary: dict, lang: str) -> str:
    lines = [
        f"{f.file}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message}"
        for result in results
        for f in result.findings
    ]
    lines.append(summary_line(summary, lang))
    return "\n".join(lines) + "\n"
