"""Time smlint against its peers on the same generated files, and print the ratios.

    python benchmarks/run.py                 # 1,000 files (yamllint alone takes a few minutes)
    python benchmarks/run.py --files 200     # a quicker look

Peers (install them with `pip install -e ".[bench]"`): yamllint (a YAML
linter), check-jsonschema with smlint's own schema (schema validation
only), and a plain libyaml compose of the same files in one Python process:
the floor a Python YAML tool cannot beat. Every command runs as a fresh
process with bytecode caches warmed, as a user would run it.

Targets (issue 7), on the 2-core development machine:
- 1,000 files: smlint <= 0.10x yamllint; single-process smlint <= 2.0x the libyaml floor
- one file, cold process: smlint <= 0.75x yamllint (aim 0.5x)
- a calendar 10x longer costs <= 11x the time
- peak memory of the largest single process for 1,000 files <= 150 MB
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "GITHUB_ACTIONS", "NO_COLOR")}
FLOOR = ("import sys, yaml\n"
         "for name in sys.argv[1:]:\n"
         "    with open(name, 'rb') as f:\n"
         "        yaml.compose(f.read(), Loader=yaml.CSafeLoader)\n")


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of the command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=REPO)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def median_of(command: list[str], runs: int) -> float:
    return statistics.median(timed(command)[0] for _ in range(runs))


def calendar_scaling(folder: Path, small: int, large: int) -> tuple[float, float]:
    """In-process lint time of one file with ``small`` and with ``large`` calendar entries (best of 3)."""
    import datetime as dt

    from smlint.engine import Linter, Options

    linter = Linter(Options(today=dt.date(2027, 1, 2)))
    times = []
    for entries in (small, large):
        data = corpus.strategy(0, entries).encode("utf-8")
        linter.lint_bytes("warm-up", data)
        best = min(_once(linter, data) for _ in range(3))
        times.append(best)
    return times[0], times[1]


def statement_scaling(small_kb: int = 10, large_kb: int = 100) -> tuple[float, float]:
    """In-process lint time of one statement of ``small_kb`` and of ``large_kb`` KB (best of 3)."""
    import datetime as dt

    from smlint.engine import Linter, Options

    linter = Linter(Options(today=dt.date(2027, 1, 2)))
    times = []
    for kilobytes in (small_kb, large_kb):
        data = corpus.statements(kilobytes).encode("utf-8")
        linter.lint_bytes("warm-up", data)
        times.append(min(_once(linter, data) for _ in range(3)))
    return times[0], times[1]


def _once(linter, data: bytes) -> float:
    start = time.perf_counter()
    linter.lint_bytes("x.strategy.yaml", data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--cold-runs", type=int, default=15, help="runs of the one-file comparison (median)")
    parser.add_argument("--skip-yamllint", action="store_true", help="leave out the slowest peer")
    args = parser.parse_args()

    smlint, yamllint, check_jsonschema = tool("smlint"), tool("yamllint"), tool("check-jsonschema")
    if smlint is None:
        sys.exit("smlint is not installed in this environment: pip install -e .")
    compileall.compile_dir(str(REPO / "smlint"), quiet=1)  # as `pip install` does: no compiling inside the timings
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="smlint-bench-"))
    try:
        files = corpus.write_corpus(work / "corpus", args.files)
        names = [str(f) for f in files]
        lines = sum(f.read_text(encoding="utf-8").count("\n") for f in files) / len(files)
        print(f"smlint benchmark: {len(files)} generated files of about {lines:.0f} lines "
              f"(150 calendar entries each), {cores} cores, Python {sys.version.split()[0]}\n")

        rows: dict[str, tuple[float, float]] = {}
        rows["libyaml compose (floor)"] = timed([sys.executable, "-c", FLOOR, *names])
        rows["smlint --jobs 1"] = timed([smlint, "check", str(work / "corpus"), "--jobs", "1", "-q"])
        rows[f"smlint (--jobs {cores})"] = timed([smlint, "check", str(work / "corpus"), "-q"])
        if check_jsonschema:
            rows["check-jsonschema (smlint's schema)"] = timed(
                [check_jsonschema, "--schemafile", str(REPO / "schemas" / "strategy.schema.json"), *names])
        if yamllint and not args.skip_yamllint:
            rows["yamllint"] = timed([yamllint, str(work / "corpus")])
        floor = rows["libyaml compose (floor)"][0]
        reference = rows.get("yamllint", (None, None))[0]
        print(f"{'':36} {'seconds':>9} {'vs yamllint':>12} {'vs floor':>9} {'peak MB':>8}")
        for name, (seconds, memory) in rows.items():
            vs_yamllint = f"{seconds / reference:.3f}" if reference else "-"
            print(f"{name:36} {seconds:9.2f} {vs_yamllint:>12} {seconds / floor:9.2f} {memory:8.0f}")

        one = str(work / "corpus" / files[0].name)
        cold_smlint = cold_yamllint = None
        if yamllint:
            commands = [[smlint, "check", one], [yamllint, one]]
            for command in commands:  # warm the file system and bytecode caches
                timed(command)
            samples: dict[int, list[float]] = {0: [], 1: []}
            for _ in range(args.cold_runs):  # interleaved, so both meet the same machine load
                for index, command in enumerate(commands):
                    samples[index].append(timed(command)[0])
            cold_smlint, cold_yamllint = statistics.median(samples[0]), statistics.median(samples[1])
            print(f"\none file, cold process (median of {args.cold_runs}): smlint {cold_smlint:.3f} s, "
                  f"yamllint {cold_yamllint:.3f} s: {cold_smlint / cold_yamllint:.2f}x")

        small, large = calendar_scaling(work, 1000, 10000)
        print(f"calendar of 1,000 -> 10,000 entries, in-process: {small * 1000:.0f} ms -> {large * 1000:.0f} ms: "
              f"{large / small:.1f}x")

        short, long = statement_scaling()
        print(f"statement of 10 KB -> 100 KB, in-process: {short * 1000:.0f} ms -> {long * 1000:.0f} ms: "
              f"{long / short:.1f}x ({long * 10:.2f} s per MB of statement text)")

        print("\ntargets:")
        single = rows["smlint --jobs 1"][0]
        parallel = rows[f"smlint (--jobs {cores})"][0]
        checks = [
            ("1,000 files: smlint <= 0.10x yamllint", parallel / reference if reference else None, 0.10),
            ("single-process smlint <= 2.0x the libyaml floor", single / floor, 2.0),
            ("one file, cold: smlint <= 0.75x yamllint", cold_smlint / cold_yamllint if cold_yamllint else None, 0.75),
            ("calendar 10x longer <= 11x the time", large / small, 11.0),
            ("statement 10x longer <= 11x the time", long / short, 11.0),
            ("peak memory of the largest process <= 150 MB",
             max(rows["smlint --jobs 1"][1], rows[f"smlint (--jobs {cores})"][1]), 150.0),
        ]
        for label, value, limit in checks:
            verdict = "not measured" if value is None else ("met" if value <= limit else "MISSED")
            shown = "-" if value is None else f"{value:.2f}"
            print(f"  {label:50} {shown:>8}  {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
