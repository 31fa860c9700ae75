"""--jobs: the parent and its workers lint the files between them; the report is that of one process."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from smlint import parallel
from smlint.engine import Linter, Options

from .conftest import REPO, smlint_process


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus

    folder = tmp_path_factory.mktemp("plans")
    written = [str(path) for path in corpus.write_corpus(folder, 45)]
    broken = folder / "broken.strategy.yaml"
    broken.write_text("version: 1\nobjectives: [\n", encoding="utf-8")  # SM001 among them
    return [*written[:20], str(broken), *written[20:]]


def _shown(results) -> list:
    return [(result.file, result.lang, [(f.line, f.column, f.rule, f.message, f.path, f.stable_path) for f in result.findings])
            for result in results]


@pytest.mark.parametrize("jobs", [2, 3])
def test_every_file_once_in_order_as_one_process_finds(plans, jobs):
    options = Options(today=dt.date(2027, 1, 2))
    serial = [Linter(options).lint_path(file) for file in plans]
    linted = list(parallel.lint(plans, options, jobs, Linter(options)))
    assert [result.file for result in linted] == plans
    assert _shown(linted) == _shown(serial)
    assert any(result.findings for result in linted) and all(result.context is None for result in linted)


def test_the_parent_lints_while_its_worker_does(plans, monkeypatch):
    """The parent is one of the linters: with one worker it lints more than the first file."""
    own = []
    original = parallel._own
    monkeypatch.setattr(parallel, "_own", lambda linter, files: own.append(len(files)) or original(linter, files))
    options = Options(today=dt.date(2027, 1, 2))
    assert len(list(parallel.lint(plans, options, 2, Linter(options)))) == len(plans)
    assert own[0] == 1 and len(own) > 1


def test_a_text_report_through_a_pipe_is_written_once(plans):
    """A forked worker must not write again what the parent had not flushed yet."""
    args = ("check", *plans, "--today", "2027-01-02", "--format", "text")
    serial = smlint_process(*args, "--jobs", "1")
    parallel_run = smlint_process(*args, "--jobs", "3")
    assert serial.returncode == parallel_run.returncode == 1
    assert parallel_run.stdout == serial.stdout and serial.stdout.count("\n") > len(plans)
