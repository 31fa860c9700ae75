"""Measure `smlint report` (and `smlint calendar`) on a strategy with 1,500 calendar entries.

    python benchmarks/report_bench.py                    # 1,500 entries, 5 runs each
    python benchmarks/report_bench.py --entries 10000 --runs 3

Each run is a fresh process (what a user waits for). Prints the median and
fastest wall time, the page's size (the target: under 1 MB) and, in one
process, where the time goes: linting, arranging the page's data, and
rendering the templates. Exits 1 when the page is 1 MB or larger.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import strategy  # noqa: E402

LIMIT = 1_000_000
TODAY = "2027-01-02"


def timed(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def breakdown(path: Path) -> dict[str, float]:
    """One run in this process, split into its stages (the data files are read once before, as a warm-up)."""
    import datetime as dt

    from smlint import __version__
    from smlint.commands.report_view import Page
    from smlint.engine import Linter, Options
    from smlint.reporters.html import render_page

    options = Options(today=dt.date.fromisoformat(TODAY))
    Page(Linter(options).lint_path(str(path), keep_context=True), "en", options.today, __version__).build()
    stages = {}
    start = time.perf_counter()
    result = Linter(options).lint_path(str(path), keep_context=True)
    stages["lint"] = time.perf_counter() - start
    start = time.perf_counter()
    view = Page(result, result.lang, options.today, __version__).build()
    stages["arrange"] = time.perf_counter() - start
    start = time.perf_counter()
    render_page(view)
    stages["render"] = time.perf_counter() - start
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1500, help="calendar entries in the strategy")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"calendar-{args.entries}.strategy.yaml"
        path.write_text(strategy(0, args.entries), encoding="utf-8")
        page = Path(folder) / "report.html"
        smlint = [sys.executable, "-m", "smlint"]
        lines = path.read_text(encoding="utf-8").count("\n")
        print(f"strategy: {args.entries:,} calendar entries, {lines:,} lines, {path.stat().st_size:,} bytes")
        report = timed([*smlint, "report", str(path), "-o", str(page), "--today", TODAY], args.runs)
        size = page.stat().st_size
        ics = timed([*smlint, "calendar", str(path), "--format", "ics", "-o", str(Path(folder) / "c.ics"),
                     "--today", TODAY], args.runs)
        check = timed([*smlint, "check", str(path), "--today", TODAY, "--quiet"], args.runs)
        stages = breakdown(path)
    for name, times in (("smlint report", report), ("smlint calendar --format ics", ics), ("smlint check (for scale)", check)):
        print(f"{name:<30} median {statistics.median(times):6.3f} s   fastest {min(times):6.3f} s   ({args.runs} runs)")
    print("in one process: " + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in stages.items()))
    verdict = "under" if size < LIMIT else "OVER"
    print(f"page size: {size:,} bytes ({size / LIMIT:.0%} of 1 MB: {verdict} the limit)")
    return 0 if size < LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
