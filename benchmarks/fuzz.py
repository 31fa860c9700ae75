"""Fuzz `smlint check` for a long time and print every failure.

    python benchmarks/fuzz.py --examples 100000          # both cores
    python benchmarks/fuzz.py --examples 2000 --jobs 1

Inputs come from tests/fuzzing.py: random bytes and text, valid YAML of
random shape, the example strategies mutated (deleted keys, swapped types,
bad dates, huge numbers, odd Unicode, deep nesting) and edited as text. The
property: no exception escapes, the exit code is 0, 1 or 2, the JSON output
parses, every finding has a line and column of at least 1. Failures are
collected, not stopped at, and printed with the input that caused them.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def run(examples: int, seed: int) -> tuple[int, list[tuple[str, str]]]:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed

    from tests.fuzzing import check_property, hostile_inputs

    done = 0
    failures: list[tuple[str, str]] = []

    @fixed_seed(seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(hostile_inputs)
    def property_holds(data: bytes) -> None:
        nonlocal done
        done += 1
        try:
            check_property(data)
        except Exception as exc:  # noqa: BLE001 - every failure is collected and printed, none stops the run
            failures.append((data, f"{type(exc).__name__}: {exc}"[-2500:]))  # the end of a traceback says where

    property_holds()
    return done, failures


def _worker(arguments):
    return run(*arguments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10000, help="how many inputs in all")
    parser.add_argument("--jobs", type=int, default=0, help="processes (default: one per core)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", default="fuzz-failures", help="folder for the inputs that fail")
    args = parser.parse_args()
    jobs = args.jobs or multiprocessing.cpu_count()
    shares = [args.examples // jobs + (1 if i < args.examples % jobs else 0) for i in range(jobs)]
    start = time.perf_counter()
    if jobs == 1:
        outcomes = [run(shares[0], args.seed)]
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            outcomes = pool.map(_worker, [(share, args.seed + index) for index, share in enumerate(shares)])
    done = sum(count for count, _ in outcomes)
    failures = [failure for _, found in outcomes for failure in found]
    seconds = time.perf_counter() - start
    print(f"{done} examples in {seconds:.0f} s ({done / seconds:.0f}/s, {jobs} processes): {len(failures)} failures")
    if failures:
        folder = Path(args.failures)
        folder.mkdir(parents=True, exist_ok=True)
    for number, (data, error) in enumerate(failures, 1):
        saved = Path(args.failures) / f"failure-{number}.strategy.yaml"
        saved.write_bytes(data)
        print(f"\n--- failure {number} (input saved as {saved})\ninput: {data[:300]!r}\n{error}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
