"""Memory stays flat in the number of files: linting makes no reference cycles.

A lint run freezes its start-up objects and switches the garbage collector
off while it lints; it collects the young objects between files
(``smlint.collector.short_lived`` and ``between_files``). So linting itself must
make no reference cycles: one through a kept exception's traceback (the
failed branches of a union in the validator) held a whole file's tree, text
and stack, and a run of 5,000 files grew to 419 MB (issue 11, issue 15).
"""

from __future__ import annotations

import collections
import gc
import itertools
import os
import subprocess
import sys
import types

import pytest
import yaml

from smlint.engine import Linter, Options

from .conftest import EXAMPLES, REPO, TODAY

# values that fail validation in every way a field can: each union branch, each converter
BAD_VALUES = ["+10%", "abc", -5, [], {}, 10**30, "2027-02-30", None, True, 1.5, "12/31/2027", {"x": 1}, [1, [2]], "",
              "1.200", "Q3", "25-", "ja", 0, "@x"]


def _paths(document, prefix=()):
    if isinstance(document, dict):
        items = document.items()
    elif isinstance(document, list):
        items = enumerate(document)
    else:
        return
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


def documents() -> list[bytes]:
    """The examples, and each with one value made wrong, at every other place (about 330 files)."""
    out = []
    bad = itertools.cycle(BAD_VALUES)
    for path in sorted(EXAMPLES.glob("*.strategy.yaml")):
        text = path.read_text(encoding="utf-8")
        out += [text.encode(), (text + "\nversion: 1\nx: [unclosed\n").encode(),
                (text + "\n# smlint: disable-next-line=SM999\nunknown_key: 1\n").encode()]
        document = yaml.load(text, Loader=yaml.CSafeLoader)
        for where in list(_paths(document))[::2]:
            node = document
            for part in where[:-1]:
                node = node[part]
            kept, node[where[-1]] = node[where[-1]], next(bad)
            out.append(_dump(document))
            node[where[-1]] = kept
    return out


def _dump(document) -> bytes:
    return yaml.dump(document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode()


def _lint_all(linter: Linter, docs: list[bytes]) -> None:
    from smlint.ruledata import maturity

    for n, data in enumerate(docs):
        result = linter.lint_bytes(f"s{n}.strategy.yaml", data)
        if result.context is not None and n % 3 == 0:
            maturity.assess(result.context)  # `smlint maturity` keeps each file's context
        del result


def test_linting_makes_no_reference_cycles():
    docs = documents()
    assert len(docs) > 250
    linter = Linter(Options(today=TODAY))
    _lint_all(linter, docs[:9])  # first: caches filled, patterns compiled
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        _lint_all(linter, docs)
        gc.set_debug(gc.DEBUG_SAVEALL)
        found = gc.collect()
        kinds = collections.Counter(type(o).__name__ for o in gc.garbage)
        frames = sorted({f"{o.f_code.co_filename}:{o.f_code.co_name}" for o in gc.garbage
                         if isinstance(o, types.FrameType)})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert found <= 10, f"{found} objects in reference cycles after {len(docs)} files: {kinds.most_common(8)}; {frames}"


def _long_plan() -> bytes:
    """The Dutch example (its relative target fails a branch of a union) with a calendar of 150 entries."""
    document = yaml.load((EXAMPLES / "groene-buurt.strategy.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    entries = document["calendar"]
    document["calendar"] = [{**entries[i % len(entries)], "title": f"Bericht {i}"} for i in range(150)]
    return _dump(document)


@pytest.mark.timeout(240)
def test_peak_memory_does_not_grow_with_the_number_of_files(tmp_path):
    """A real run (its own process, its collector setting) on 10 and on 20 times as many files."""
    plan = _long_plan()
    peaks = []
    for count in (10, 200):
        folder = tmp_path / str(count)
        folder.mkdir()
        for n in range(count):
            (folder / f"s{n:04d}.strategy.yaml").write_bytes(plan)
        command = [sys.executable, "-m", "smlint", "check", str(folder), "--jobs", "1", "--format", "json",
                   "--today", TODAY.isoformat()]
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        assert os.waitstatus_to_exitcode(status) in (0, 1)
        peaks.append(usage.ru_maxrss / 1024)  # MB (ru_maxrss is in KB on Linux)
    assert peaks[1] - peaks[0] < 15, f"peak memory {peaks[0]:.0f} MB for 10 files, {peaks[1]:.0f} MB for 200"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_collects_the_cycles_of_reports_between_files(tmp_path, cli, jobs):
    """The JSON encoder makes cycles for every file it writes: a run frees them between files."""
    for n in range(60):
        (tmp_path / f"s{n:03d}.strategy.yaml").write_bytes((EXAMPLES / "flawed.strategy.yaml").read_bytes())
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()  # as a real run does (smlint.collector.short_lived)
    try:
        cli("check", tmp_path, "--format", "json", "--jobs", jobs, "--today", TODAY.isoformat())
        found = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert found < 5000, f"{found} objects in cycles after a run of 60 files (about 1,400 per file kept)"
