"""Lint many files in several processes, results in the order of the files.

The files are cut into chunks. The parent lints the first file itself
before any worker starts, so that the rule modules, patterns and data are
loaded once and, where processes fork, shared by the workers. Then ``jobs -
1`` workers lint chunks handed to them a few at a time while the parent
writes the results in order, and lints the next chunk nobody took whenever
the chunk it has to write next is not back yet: the parent is one of the
``jobs`` linters, not a process that waits. Workers return only findings (a
document's tree stays in the worker), and the parent holds the results of a
few chunks at most.
"""

from __future__ import annotations

import multiprocessing
import sys

from .collector import between_files, short_lived

_LINTER = None
AHEAD = 2  # chunks handed to each worker before it finishes one
HELD = 8  # chunks the parent lints ahead of the one it has to write next, at most


def _start(options) -> None:
    global _LINTER
    short_lived()  # as in the parent (inherited under fork, not under spawn); a forked worker freezes what it shares
    if _LINTER is None:  # under spawn: nothing is inherited
        from .engine import Linter

        _LINTER = Linter(options)


def _lint_chunk(files: list) -> list:
    results = []
    for file in files:
        between_files()
        results.append(_LINTER.lint_path(file))
    return results


def _own(linter, files: list) -> list:
    results = []
    for file in files:
        between_files()
        results.append(linter.lint_path(file))
    return results


def lint(files: list[str], options, jobs: int, linter=None):
    global _LINTER
    if linter is None:
        from .engine import Linter

        linter = Linter(options)
    size = max(1, min(8, len(files) // (jobs * 8)))
    chunks = [files[:1]] + [files[start : start + size] for start in range(1, len(files), size)]
    first = _own(linter, chunks[0])  # one file before the workers start: what it loads is loaded once
    if len(chunks) == 1:
        yield from first
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _LINTER = linter  # a forked worker lints with the parent's linter
    for stream in (sys.stdout, sys.stderr):  # a forked worker flushes what the parent had not written yet
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    with context.Pool(jobs - 1, initializer=_start, initargs=(options,)) as pool:
        done: dict[int, object] = {0: first}  # chunk number -> its results, or a worker's pending result
        handed = 1  # the chunks before this one are taken, by a worker or by the parent
        busy: list = []  # the workers' pending results

        def hand_out(number: int) -> None:  # keep each worker a few chunks ahead, the parent at most HELD ahead
            nonlocal handed
            busy[:] = [result for result in busy if not result.ready()]
            while len(busy) < AHEAD * (jobs - 1) and handed < len(chunks) and handed - number <= HELD:
                done[handed] = result = pool.apply_async(_lint_chunk, (chunks[handed],))
                busy.append(result)
                handed += 1

        for number in range(len(chunks)):
            hand_out(number)
            entry = done.pop(number)
            while not isinstance(entry, list) and not entry.ready() and handed < len(chunks) and handed - number <= HELD:
                done[handed] = _own(linter, chunks[handed])  # the next chunk nobody took, while the workers work
                handed += 1
                hand_out(number)
            for result in entry if isinstance(entry, list) else entry.get():
                between_files()  # the parent's reporter runs between results
                yield result
