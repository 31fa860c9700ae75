"""What adopting smlint across an organisation costs: a 20-rule pack and a 10,000-entry baseline.

    python benchmarks/org_bench.py               # 1,000 generated files, 5 interleaved runs each
    python benchmarks/org_bench.py --files 200 --runs 3

Runs `smlint check FOLDER --jobs 1` on the same generated files three ways,
each as a fresh process, interleaved, and prints medians and ratios:
plain; with a configuration that loads a 20-rule pack (the example pack of
examples/rulepacks/ plus eight more); and with that pack and a baseline of
10,000 entries. Goal (issue 16): the last at most 1.3x the plain run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

EXTRA_RULES = """
  - {code: ZST013, message: {en: "no statement"}, given: "$.objectives[*]", then: {field: statement, function: truthy}}
  - {code: ZST014, message: {en: "long name"}, given: "$.audiences[*]",
     then: {field: name, function: length, functionOptions: {max: 60}}}
  - {code: ZST015, message: {en: "bad pillar"}, given: "$.calendar[*]",
     then: {field: pillar, function: reference, functionOptions: {to: "$.content.pillars[*].id"}}}
  - {code: ZST016, message: {en: "task late"}, given: "$.tasks[*]", then: {field: due, function: date-within-period}}
  - {code: ZST017, message: {en: "kind"}, given: "$.organisation",
     then: {field: kind, function: enum, functionOptions: {values: [nonprofit, commercial, government, education]}}}
  - {code: ZST018, message: {en: "share"}, given: "$.content.pillars[*]",
     then: {field: share, function: minimum, functionOptions: {value: 5}}}
  - {code: ZST019, message: {en: "owner"}, given: "$.calendar[*]",
     then: {field: owner, function: reference, functionOptions: {to: "$.team[*].id"}}}
  - {code: ZST020, message: {en: "title"}, given: "$.calendar[*]",
     then: {field: title, function: pattern, functionOptions: {notMatch: "(?i)lorem ipsum"}}}
"""


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    smlint = [sys.executable, "-m", "smlint", "check", "plans", "--jobs", "1", "--today", "2027-03-01",
              "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".git").mkdir()
        corpus.write_corpus(root / "plans", args.files)
        plain, packed, based = root / "plain", root / "pack", root / "based"
        for folder in (plain, packed, based):
            folder.mkdir()
        pack = (REPO / "examples" / "rulepacks" / "gemeente-zuidstad.rulepack.yaml").read_text(encoding="utf-8")
        (root / "house.rulepack.yaml").write_text(pack.rstrip() + "\n" + EXTRA_RULES, encoding="utf-8")
        (plain / ".smlint.yaml").write_text("x-plain: true\n", encoding="utf-8")
        (packed / ".smlint.yaml").write_text("rule-packs: [../house.rulepack.yaml]\n", encoding="utf-8")
        subprocess.run(smlint[:4] + ["../plans", "--write-baseline", "../baseline.json"] + smlint[5:], cwd=packed,
                       check=False, capture_output=True)
        baseline = json.loads((root / "baseline.json").read_text(encoding="utf-8"))
        entries = baseline["findings"]
        while len(entries) < args.entries:  # pad with entries for files of other teams, as a big repository has
            entries.append({"file": f"other/{len(entries)}.strategy.yaml", "rule": "SM205", "path": "/objectives[id=x]",
                            "count": 1})
        baseline["findings"] = entries[:args.entries]
        (root / "baseline.json").write_text(json.dumps(baseline, indent=1), encoding="utf-8")
        (based / ".smlint.yaml").write_text("rule-packs: [../house.rulepack.yaml]\nbaseline: ../baseline.json\n",
                                            encoding="utf-8")
        command = [*smlint[:4], "../plans", *smlint[5:]]
        times: dict[str, list[float]] = {"plain": [], "pack": [], "pack+baseline": []}
        for _ in range(args.runs):  # interleaved, so that a noisy moment hurts all three alike
            times["plain"].append(run(command, plain))
            times["pack"].append(run(command, packed))
            times["pack+baseline"].append(run(command, based))
    base = statistics.median(times["plain"])
    print(f"{args.files} files, --jobs 1, median of {args.runs} interleaved runs; pack of 20 rules, "
          f"baseline of {args.entries:,} entries")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<15} {median:7.2f} s  {median / base:5.2f}x plain")
    ratio = statistics.median(times["pack+baseline"]) / base
    print(f"goal: pack+baseline <= 1.30x plain: {'met' if ratio <= 1.3 else 'MISSED'} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
