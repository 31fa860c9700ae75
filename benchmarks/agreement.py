"""Agreement of smlint's SMART verdicts with hand labels, per dimension.

    python benchmarks/agreement.py [LABELS.yaml]

LABELS is a list of {lang, statement, fires: [codes]} (default: the test set
tests/data/statements.yaml). Each statement is linted as the only field of an
objective that has an owner and an audience, in a plan running from
2027-01-01 to 2029-12-31, and the verdict per dimension (Specific SM201,
Measurable SM202, Time-bound SM203, Vague SM205, Activity SM210) is compared
with the label. Prints the agreement per dimension and the statements where
they differ. Held-out material (labels nobody tuned to) is measured the same
way: point it at that file.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smlint.engine import Linter, Options  # noqa: E402

DIMENSIONS = {"SM201": "Specific", "SM202": "Measurable", "SM203": "Time-bound", "SM205": "Vague", "SM210": "Activity"}
PLAN = """\
version: 1
organisation: {{name: Test, languages: [{lang}]}}
period: {{start: 2027-01-01, end: 2029-12-31}}
audiences:
  - {{id: a, age: 25-40, gender: any, interests: [x]}}
team:
  - {{id: anna, role: manager}}
objectives:
  - id: o
    owner: anna
    audiences: [a]
    statement: {statement}
"""


def verdicts(statement: str, lang: str, linter: Linter) -> set[str]:
    text = PLAN.format(lang=lang, statement=yaml.safe_dump(statement, allow_unicode=True, width=1000).strip()
                       .removesuffix("...").strip())
    return {f.rule for f in linter.lint_bytes("strategy.yaml", text.encode("utf-8")).findings} & set(DIMENSIONS)


def main(path: str) -> int:
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    linter = Linter(Options(today=dt.date(2027, 1, 2), select=tuple(DIMENSIONS)))
    agree = dict.fromkeys(DIMENSIONS, 0)
    misses = []
    for item in items:
        got = verdicts(item["statement"], item["lang"], linter)
        want = set(item.get("fires") or [])
        for code in DIMENSIONS:
            if (code in got) == (code in want):
                agree[code] += 1
        if got != want:
            misses.append(f"  {item['lang']} {item['statement']!r}: smlint {sorted(got)}, label {sorted(want)}")
    print(f"{len(items)} statements ({path})")
    for code, name in DIMENSIONS.items():
        print(f"  {name:<11} {code}: {agree[code]}/{len(items)} = {100 * agree[code] / len(items):.1f}%")
    if misses:
        print(f"{len(misses)} statements differ:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "tests" / "data" / "statements.yaml")))
