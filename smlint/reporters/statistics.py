"""``--statistics``: how many findings each rule reported, most first (as ruff does)."""

from __future__ import annotations

import json
from collections import Counter

from .text_report import summary_line


def write(run, results, out, fmt: str) -> None:
    counts: Counter = Counter()
    severity = {}
    for f in run.findings(results):
        counts[f.rule] += 1
        severity[f.rule] = f.severity
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        rows_out = [{"code": code, "name": run.rules.get(code, {}).get("name", ""), "severity": severity[code],
                     "count": count} for code, count in rows]
        out.write(json.dumps(rows_out, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(str(count)) for _, count in rows), default=1)
    lines = [f"{count:>{width}}  {code}  {severity[code]:<7}  {run.rules.get(code, {}).get('name', '')}"
             for code, count in rows]
    if not run.quiet:
        lines.append(summary_line(run.summary, run.language))
    out.write("\n".join(lines) + "\n" if lines else "")
