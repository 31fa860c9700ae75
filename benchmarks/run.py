"""Measure smlint against the libyaml floor and its peers, and print every goal as a ratio of the same run.

    python benchmarks/run.py                  # 1,000 files, 5 interleaved rounds, 100/1,000/5,000 files for memory
    python benchmarks/run.py --quick          # 200 files, 3 rounds, smaller memory and scaling cases (~1 min)
    python benchmarks/run.py --compare HEAD~3 # also: is the output byte-identical to that revision's?

Every smlint figure is a whole process (`smlint check ... --jobs N`) as a
user runs it, bytecode caches warmed. Times are the median of interleaved
rounds (each round runs every command once, so all meet the same machine
load); a ratio is the median of the rounds' ratios. "cpu" is the user + system
time of the process and its children (os.wait4), steadier than wall time on a
busy machine; wall time is what --jobs 2 is for. Peak memory is the largest
resident set of the process (ru_maxrss; for --jobs 2 the largest worker).

Peers (``pip install -e ".[bench]"``): a plain libyaml ``yaml.compose`` of
the same files in one Python process (the floor a Python YAML tool cannot
beat), yamllint (a YAML linter), check-jsonschema with smlint's own schema.

Goals (issue 15 and issue 11), each printed with its figure:
1. 1,000 files: --jobs 1 <= 1.2x the compose floor, --jobs 2 <= 0.7x
2. one file, cold: <= 0.4x yamllint and <= 6x `python -c pass`
3. peak memory flat in the number of files: 5,000 files at --jobs 1 < 40 MB (issue 11: < 60 MB);
   a 10 MB strategy < 250 MB
4. time linear in size: a calendar of 1,500 vs 15,000 entries, a statement of 10 KB vs 100 KB, each <= 11x
5. output byte-identical before and after a change (--compare REV; benchmarks/same_output.py)
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
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
TEN_MB = 10_000_000  # under smlint's limit of 10 MiB


class Run:
    """One finished process: wall seconds, cpu seconds (user + system, children included), peak RSS in MB."""

    def __init__(self, command: list[str]) -> None:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, cwd=REPO)
        _, _, usage = os.wait4(process.pid, 0)
        self.wall = time.perf_counter() - start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.peak = usage.ru_maxrss / 1024  # Linux: the largest of the process and the children it waited for


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def interleaved(commands: dict[str, list[str]], rounds: int) -> dict[str, list[Run]]:
    """Each command ``rounds`` times, one of each per round (after one warm-up round)."""
    for command in commands.values():
        Run(command)
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(Run(command))
    return runs


def median_ratio(top: list[Run], bottom: list[Run], what: str = "wall") -> float:
    return statistics.median(getattr(a, what) / getattr(b, what) for a, b in zip(top, bottom, strict=True))


def median(runs: list[Run], what: str = "wall") -> float:
    return statistics.median(getattr(r, what) for r in runs)


def in_process(make_text, sizes, repeats: int = 3) -> list[float]:
    """Best-of-``repeats`` cpu seconds to lint one file built by ``make_text(size)``, for each size.

    The collector is set as a lint run sets it (``smlint.collector.short_lived``): off while a file is linted.
    Each timed lint meets the text as a run first meets it: the block reader's tables of texts seen before
    (``blockyaml.forget``) are emptied, or the smaller size, whose texts all fit in them after the warm-up,
    would be timed with every text known and the larger one without.
    """
    import gc

    from smlint.load.blockyaml import forget
    from smlint.collector import between_files, short_lived
    from smlint.engine import Linter, Options

    short_lived()

    linter = Linter(Options(today=dt.date(2027, 1, 2)))
    times = []
    for size in sizes:
        data = make_text(size).encode("utf-8")
        linter.lint_bytes("warm-up.strategy.yaml", data)
        best = float("inf")
        for _ in range(repeats):
            between_files()
            forget()
            start = time.process_time()
            linter.lint_bytes("x.strategy.yaml", data)
            best = min(best, time.process_time() - start)
        times.append(best)
    gc.enable()
    return times


def calendar_entries_for(size: int) -> int:
    """How many calendar entries make a generated strategy of at most ``size`` bytes (within 1%)."""
    entries = 1000
    for _ in range(4):
        entries = int(entries * size * 0.995 / len(corpus.strategy(0, entries).encode()))
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, help="files for the throughput figures (default 1,000; --quick 200)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5; --quick 3)")
    parser.add_argument("--cold-rounds", type=int, help="rounds of the one-file comparison (default 15; --quick 7)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer files and rounds, no peers on many files, memory up to 1,000 files")
    parser.add_argument("--skip-peers", action="store_true", help="leave out yamllint and check-jsonschema on many files")
    parser.add_argument("--compare", metavar="REV", help="also check the output is byte-identical to REV's")
    parser.add_argument("--organisation", action="store_true",
                        help="also time a 20-rule pack and a 10,000-entry baseline against a plain run (org_bench.py)")
    args = parser.parse_args()
    files = args.files or (200 if args.quick else 1000)
    rounds = args.rounds or (3 if args.quick else 5)
    cold_rounds = args.cold_rounds or (7 if args.quick else 15)
    memory_counts = (100, 1000) if args.quick else (100, 1000, 5000)

    smlint, yamllint, check_jsonschema = tool("smlint"), tool("yamllint"), tool("check-jsonschema")
    if smlint is None:
        sys.exit("smlint is not installed in this environment: pip install -e .")
    compileall.compile_dir(str(REPO / "smlint"), quiet=1)  # as `pip install` does: no compiling inside the timings
    work = Path(tempfile.mkdtemp(prefix="smlint-bench-"))
    goals: list[tuple[str, float | None, float]] = []
    try:
        largest = max(files, *memory_counts)
        every = corpus.write_corpus(work / "all", largest)
        folders = {}
        for count in sorted({files, *memory_counts}):
            folder = work / f"files-{count}"
            folder.mkdir()
            for path in every[:count]:
                os.link(path, folder / path.name)
            folders[count] = folder
        names = [str(p) for p in every[:files]]
        lines = sum(p.read_text(encoding="utf-8").count("\n") for p in every[:files]) / files
        print(f"smlint benchmark: {files} generated files of about {lines:.0f} lines, {os.cpu_count()} cores, "
              f"Python {sys.version.split()[0]}, {rounds} interleaved rounds\n")

        # 1. throughput against the compose floor
        check = [smlint, "check", "--today", "2027-01-02"]
        commands = {
            "libyaml compose (floor)": [sys.executable, "-c", FLOOR, *names],
            "smlint --jobs 1": [*check, str(folders[files]), "--jobs", "1"],
            "smlint --jobs 2": [*check, str(folders[files]), "--jobs", "2"],
        }
        runs = interleaved(commands, rounds)
        floor = runs["libyaml compose (floor)"]
        print(f"{files} files                         wall s    cpu s  wall/floor  cpu/floor  peak MB")
        for name, measured in runs.items():
            print(f"  {name:30} {median(measured):7.2f}  {median(measured, 'cpu'):7.2f}  "
                  f"{median_ratio(measured, floor):10.2f}  {median_ratio(measured, floor, 'cpu'):9.2f}  "
                  f"{max(r.peak for r in measured):7.0f}")
        single = median_ratio(runs["smlint --jobs 1"], floor)
        single_cpu = median_ratio(runs["smlint --jobs 1"], floor, "cpu")
        double = median_ratio(runs["smlint --jobs 2"], floor)
        goals += [(f"{files} files: --jobs 1 / compose floor (wall) <= 1.2", single, 1.2),
                  (f"{files} files: --jobs 1 / compose floor (cpu) <= 1.2", single_cpu, 1.2),
                  (f"{files} files: --jobs 2 / compose floor (wall) <= 0.7", double, 0.7)]
        if not (args.skip_peers or args.quick):
            peers = {}
            if check_jsonschema:
                peers["check-jsonschema (smlint's schema)"] = [
                    check_jsonschema, "--schemafile", str(REPO / "schemas" / "strategy.schema.json"), *names]
            if yamllint:
                peers["yamllint"] = [yamllint, str(folders[files])]
            for name, command in peers.items():  # once each: minutes for yamllint
                measured = Run(command)
                print(f"  {name:30} {measured.wall:7.2f}  {measured.cpu:7.2f}  {measured.wall / median(floor):10.2f}  "
                      f"{measured.cpu / median(floor, 'cpu'):9.2f}  {measured.peak:7.0f}"
                      f"   (smlint --jobs 2 is {median(runs['smlint --jobs 2']) / measured.wall:.3f}x)")

        # 2. one file, cold
        one = str(every[0])
        cold = {"smlint": [smlint, "check", "--today", "2027-01-02", one],
                "python -c pass": [sys.executable, "-c", "pass"]}
        if yamllint:
            cold["yamllint"] = [yamllint, one]
        runs = interleaved(cold, cold_rounds)
        shown = ", ".join(f"{name} {median(measured) * 1000:.0f} ms" for name, measured in runs.items())
        print(f"\none file, cold process (median of {cold_rounds}): {shown}")
        vs_pass = median_ratio(runs["smlint"], runs["python -c pass"])
        vs_yamllint = median_ratio(runs["smlint"], runs["yamllint"]) if yamllint else None
        print(f"  smlint / python -c pass {vs_pass:.2f}x" + (f", smlint / yamllint {vs_yamllint:.2f}x" if yamllint else ""))
        goals += [("one file cold: smlint / yamllint <= 0.4", vs_yamllint, 0.4),
                  ("one file cold: smlint / python -c pass <= 6", vs_pass, 6.0)]

        # 3. peak memory
        print("\npeak memory, --jobs 1:")
        peaks = {}
        for count in memory_counts:
            measured = Run([*check, str(folders[count]), "--jobs", "1"])
            peaks[count] = measured.peak
            print(f"  {count:5} files  {measured.peak:6.1f} MB   ({measured.wall:.1f} s)")
        entries = calendar_entries_for(TEN_MB)
        big = work / "big" / "ten-mb.strategy.yaml"
        big.parent.mkdir()
        big.write_text(corpus.strategy(0, entries), encoding="utf-8")
        measured = Run([*check, str(big)])
        size = big.stat().st_size / 1e6
        print(f"  one strategy of {size:.1f} MB ({entries:,} calendar entries): {measured.peak:.0f} MB, "
              f"{measured.wall:.1f} s")
        most = max(memory_counts)
        goals += [(f"peak memory, {most:,} files at --jobs 1 < 40 MB", peaks[most], 40.0),
                  (f"peak memory, {most:,} files / 100 files (flat) <= 1.25", peaks[most] / peaks[100], 1.25),
                  (f"peak memory, a {size:.0f} MB strategy < 250 MB", measured.peak, 250.0)]

        # 4. linear time
        small, large = in_process(lambda n: corpus.strategy(0, n), (1500, 15000))
        print(f"\ncalendar of 1,500 -> 15,000 entries (in-process cpu, best of 3): {small * 1000:.0f} ms -> "
              f"{large * 1000:.0f} ms: {large / small:.1f}x")
        short, long = in_process(corpus.statements, (10, 100))
        print(f"statement of 10 KB -> 100 KB (in-process cpu, best of 3): {short * 1000:.0f} ms -> "
              f"{long * 1000:.0f} ms: {long / short:.1f}x; {long / 0.1:.2f} s per MB of statement text")
        goals += [("calendar 10x longer: time <= 11x", large / small, 11.0),
                  ("statement 10x longer: time <= 11x", long / short, 11.0)]

        # 6. adopting it across an organisation (issue 16): a 20-rule pack and a 10,000-entry baseline
        if args.organisation:
            result = subprocess.run([sys.executable, str(HERE / "org_bench.py"), "--files", str(files),
                                     "--runs", str(max(3, rounds))], capture_output=True, text=True, cwd=REPO)
            print("\n" + result.stdout.strip())
            ratio = next((float(line.rsplit("(", 1)[1].rstrip("x)")) for line in result.stdout.splitlines()
                          if line.startswith("goal:")), None)
            goals.append(("20-rule pack + 10,000-entry baseline / plain <= 1.3", ratio, 1.3))

        # 5. the same output
        if args.compare:
            result = subprocess.run([sys.executable, str(HERE / "same_output.py"), "--base", args.compare],
                                    capture_output=True, text=True, cwd=REPO)
            print(f"\noutput against {args.compare}: {result.stdout.strip().splitlines()[-1]}")
            goals.append((f"documents whose output differs from {args.compare}'s = 0",
                          float(result.returncode != 0), 0.0))

        print("\ngoals:")
        for label, value, limit in goals:
            verdict = "not measured" if value is None else ("met" if value <= limit else "MISSED")
            shown = "-" if value is None else f"{value:.2f}"
            print(f"  {label:58} {shown:>8}  {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
