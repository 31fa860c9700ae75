"""Fuzz `smlint check` for a long time and print every failure.

    python benchmarks/fuzz.py --examples 100000          # both cores
    python benchmarks/fuzz.py --examples 2000 --jobs 1

Inputs come from tests/fuzzing.py: random bytes and text, valid YAML of
random shape, the example strategies mutated (deleted keys, swapped types,
bad dates, huge numbers, odd Unicode, deep nesting) and edited as text;
numbers too large to work with (thousands of digits, hex, quoted); long
statements (one phrase repeated up to --long-statements times); line breaks
YAML 1.2 does not count (U+0085, U+2028, U+2029) and mixed CR / CRLF / LF
line ends; special files met in a folder search (FIFOs, /dev/zero links,
directories and sockets named like strategies); hostile configuration and
channel data files; block-style documents and mutated examples for the
block reader (tests/blockfuzz.py: whenever it answers, libyaml gives the same
tree without a problem). The property: no exception escapes, the exit code is 0,
1 or 2, the JSON output parses, every finding has a line and column of at
least 1 and lies inside the file; a file with other line ends or odd breaks
in its comments gets the same findings; a special file is reported, never
waited on; a settings file smlint cannot use is an exit 2 with its
file:line:column; no example takes more than --time-limit seconds (a hang,
or work that grows with the square of a long statement). Failures are
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


class TooSlow(Exception):
    pass


def _too_slow(*_):
    raise TooSlow("no answer within the time limit: a hang, or work that grows faster than the input")


def run(examples: int, seed: int, long_statements: int, time_limit: int) -> tuple[int, list[tuple[object, str]]]:
    import signal

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed
    from hypothesis import strategies as st

    from tests.fuzzing import targets

    done = 0
    failures: list[tuple[object, str]] = []
    cases = st.one_of(*(strategy.map(lambda value, name=name, check=check: (name, check, value))
                        for name, strategy, check in targets(long_statements)))

    @fixed_seed(seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(cases)
    def property_holds(case) -> None:
        nonlocal done
        done += 1
        name, check, value = case
        signal.alarm(time_limit)
        try:
            check(value)
        except Exception as exc:  # noqa: BLE001 - every failure is collected and printed, none stops the run
            # the end of a traceback says where
            failures.append((value, f"[{name}]\n" + f"{type(exc).__name__}: {exc}"[-2500:]))
        finally:
            signal.alarm(0)

    signal.signal(signal.SIGALRM, _too_slow)
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
    parser.add_argument("--long-statements", type=int, default=10000,
                        help="how many times a long statement repeats its phrase at most")
    parser.add_argument("--time-limit", type=int, default=30,
                        help="seconds one example may take; longer is a failure (a hang, or quadratic work)")
    args = parser.parse_args()
    jobs = args.jobs or multiprocessing.cpu_count()
    shares = [args.examples // jobs + (1 if i < args.examples % jobs else 0) for i in range(jobs)]
    start = time.perf_counter()
    if jobs == 1:
        outcomes = [run(shares[0], args.seed, args.long_statements, args.time_limit)]
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            outcomes = pool.map(_worker, [(share, args.seed + index, args.long_statements, args.time_limit)
                                          for index, share in enumerate(shares)])
    done = sum(count for count, _ in outcomes)
    failures = [failure for _, found in outcomes for failure in found]
    seconds = time.perf_counter() - start
    print(f"{done} examples in {seconds:.0f} s ({done / seconds:.0f}/s, {jobs} processes): {len(failures)} failures")
    if failures:
        folder = Path(args.failures)
        folder.mkdir(parents=True, exist_ok=True)
    for number, (data, error) in enumerate(failures, 1):
        if isinstance(data, bytes):
            saved = Path(args.failures) / f"failure-{number}.strategy.yaml"
            saved.write_bytes(data)
        else:  # a pair of files, a folder's special files, a settings file: written as Python
            saved = Path(args.failures) / f"failure-{number}.txt"
            saved.write_text(repr(data), encoding="utf-8")
        print(f"\n--- failure {number} (input saved as {saved})\ninput: {repr(data)[:300]}\n{error}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
