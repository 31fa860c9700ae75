"""How long `smlint server` takes from a change to its diagnostics, as an editor sees it.

A real `smlint server` process, driven over stdio with JSON-RPC framing: each
complete example is opened, then typed into (one character inserted in an
objective's statement, then deleted, again and again, as incremental
changes). For each change the time from writing the didChange notification to
reading the publishDiagnostics for that version is measured; the median and
the 90th percentile are printed, with the server's default debounce and with
none (the lint and the protocol alone). Goal: a median under 50 ms.

    python benchmarks/server_bench.py [--changes 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.server_client import Client  # noqa: E402

EXAMPLES = ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml")


def measure(name: str, changes: int, options: dict) -> list[float]:
    text = (REPO / "examples" / name).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / ".git").mkdir()
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        client = Client(cwd=folder)
        try:
            client.initialize(folder, options)
            uri = path.as_uri()
            client.open(uri, text)
            client.diagnostics(uri, version=1)
            line = next(i for i, ln in enumerate(text.splitlines()) if "statement:" in ln)
            column = len(text.splitlines()[line])
            times = []
            for version in range(2, changes + 2):
                at = {"line": line, "character": column}
                if version % 2 == 0:  # type a character at the end of the statement
                    change = {"range": {"start": at, "end": at}, "text": "s"}
                else:  # and delete it again
                    change = {"range": {"start": at, "end": {"line": line, "character": column + 1}}, "text": ""}
                started = time.perf_counter()
                client.notify("textDocument/didChange",
                              {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
                client.diagnostics(uri, version=version)
                times.append((time.perf_counter() - started) * 1000)
            client.close()
        finally:
            client.kill()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=200, help="changes per example (default 200)")
    args = parser.parse_args()
    from smlint.commands.server import DEBOUNCE_MS

    print(f"change -> publishDiagnostics, real `smlint server` over stdio, {args.changes} changes per example")
    for label, options in ((f"default debounce ({DEBOUNCE_MS} ms)", {}), ("no debounce", {"debounce": 0})):
        for name in EXAMPLES:
            times = measure(name, args.changes, options)
            p90 = statistics.quantiles(times, n=10)[-1]
            print(f"  {label:<24} {name:<38} median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms   "
                  f"max {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
