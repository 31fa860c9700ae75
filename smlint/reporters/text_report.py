"""``path:line:col: CODE severity message``, one line a finding, then a summary."""

from __future__ import annotations

from ..i18n import common


def render(results, summary: dict, lang: str) -> str:
    lines = [
        f"{f.file}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message}"
        for result in results
        for f in result.findings
    ]
    total = summary["error"] + summary["warning"] + summary["info"]
    if total:
        lines.append(common("summary", lang).format(total=total, **summary))
    else:
        lines.append(common("summary_none", lang).format(**summary))
    return "\n".join(lines) + "\n"
