"""Lint many files in several processes, results in the order of the files.

Each worker builds its own Linter once and returns only findings (a
document's tree stays in the worker), so the parent holds one file's
results at a time while the reporter writes them.
"""

from __future__ import annotations

import multiprocessing

from .collector import between_files, short_lived

_LINTER = None


def _start(options) -> None:
    global _LINTER
    from .engine import Linter

    short_lived()  # as in the parent (inherited under fork, not under spawn)
    _LINTER = Linter(options)


def _lint(file: str):
    between_files()
    return _LINTER.lint_path(file)


def lint(files: list[str], options, jobs: int):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(16, len(files) // (jobs * 8)))
    with context.Pool(jobs, initializer=_start, initargs=(options,)) as pool:
        for result in pool.imap(_lint, files, chunksize=chunk):
            between_files()  # the parent's reporter runs between results
            yield result
