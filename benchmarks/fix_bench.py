"""Time `smlint fix` against `smlint check` on the same 1,000 generated files, and print the ratios.

    python benchmarks/fix_bench.py               # 1,000 files, 3 runs each, the median
    python benchmarks/fix_bench.py --files 200   # a quicker look

Two corpora from benchmarks/corpus.py: the files as generated (nothing to
fix: fix lints each file once and writes nothing), and the same files with
six fixable problems each, the kinds people write (a Dutch thousands
number, a date written out, a choice in another case or in Dutch, an
unknown key in Dutch). `fix` runs on a fresh copy every time. Both commands
run as fresh processes in one process each (`check --jobs 1`; fix has no
parallel mode), as a user would run them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

SMLINT = str(Path(sys.executable).parent / "smlint")


def with_fixable_problems(text: str) -> str:
    """Six problems `smlint fix` repairs, put into a generated file."""
    text = re.sub(r"(    baseline: )(\d)(\d{3})\b", r"\1\2.\3", text, count=2)  # 1200 -> 1.200
    text = text.replace("    deadline: 2027-12-01", "    deadline: 1 december 2027", 1)
    text = re.sub(r"  kind: (\w+)", lambda m: f"  kind: {m[1].title()}", text, count=1)
    text = text.replace("per: week}", "per: Week}", 1)
    return text.replace("    segment: ", "    segmnet: ", 1)


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def median(runs: int, make_command, fresh) -> float:
    times = []
    for _ in range(runs):
        folder = fresh()
        times.append(timed(make_command(folder), folder.parent))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smlint-fix-bench-"))
    try:
        clean = work / "clean"
        paths = corpus.write_corpus(clean, args.files)
        fixable = work / "fixable"
        fixable.mkdir()
        for path in paths:
            (fixable / path.name).write_text(with_fixable_problems(path.read_text(encoding="utf-8")), encoding="utf-8")
        subprocess.run([SMLINT, "check", str(paths[0])], stdout=subprocess.DEVNULL, check=False)  # warm caches
        today = ["--today", "2027-01-02"]
        print(f"{args.files} files, median of {args.runs} runs, one process each")
        for name, source in (("nothing to fix", clean), ("6 fixable problems a file", fixable)):
            def fresh(source=source):
                copy = work / "copy" / source.name
                shutil.rmtree(copy.parent, ignore_errors=True)
                shutil.copytree(source, copy)
                return copy

            check = median(args.runs, lambda folder: [SMLINT, "check", "--jobs", "1", "-q", *today, str(folder)],
                           lambda source=source: source)
            fix = median(args.runs, lambda folder: [SMLINT, "fix", "-q", *today, str(folder)], fresh)
            diff = median(args.runs, lambda folder: [SMLINT, "fix", "--diff", "-q", *today, str(folder)],
                          lambda source=source: source)
            print(f"  {name:<26} check {check:6.2f} s   fix {fix:6.2f} s ({fix / check:.2f}x)   "
                  f"fix --diff {diff:6.2f} s ({diff / check:.2f}x)")
        result = subprocess.run([SMLINT, "check", "-q", *today, str(work / "copy" / "fixable")], capture_output=True,
                                text=True, check=False)
        left = sum(1 for line in result.stdout.splitlines() if "[*]" in line)
        print(f"  after fix: {left} fixable findings left in the fixed copy")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
