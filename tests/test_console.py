"""A plain `smlint check` runs without click (smlint/console.py): the same values, output and exit code as click's.

Every command line below is run twice in a fresh process, through the console script (``console.run``) and
through the click group alone (``cli.main``), each in its own copy of the same folder, and the two must print
the same bytes on standard output and error, leave the same files and exit the same way. Each case also says
which way the console script takes it, so that neither side of the comparison is empty.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from smlint.commands.check import check
from smlint.commands.check_run import DEFAULTS, FLAGS, OPTIONS, plain_arguments

from .conftest import EXAMPLES, MINIMAL

FLAWED = "flawed.strategy.yaml"
GOOD = "groene-buurt.strategy.yaml"
ENTRY = {"console": "from smlint.console import run as main", "click": "from smlint.cli import main"}

# (arguments, standard input, whether the console script runs it without click)
PLAIN = True
CASES = [
    (["check", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "--today=2027-01-02", FLAWED], None, PLAIN),
    (["check", FLAWED, "--today", "2027-01-02", GOOD], None, PLAIN),  # options after files
    (["check", "--today", "2027-01-02", "--", FLAWED], None, PLAIN),
    (["check", "--today", "2027-01-02", "--", "--help"], None, PLAIN),  # after --, a file named --help
    (["check", "--today", "2027-01-02", "-"], MINIMAL, PLAIN),
    (["check", "-", "--stdin-filename", "plan.strategy.yaml", "--today", "2027-01-02"], MINIMAL + "foo: 1\n", PLAIN),
    (["check", "--stdin-filename", "--help", "-"], MINIMAL, PLAIN),  # a value that looks like an option
    (["check", "--today", "2027-01-02"], None, PLAIN),  # no files: the current folder
    (["check"], None, PLAIN),
    (["check", "empty"], None, PLAIN),  # a folder without strategies: a note, exit 0
    (["check", "missing.yaml"], None, PLAIN),  # a usage error, with the usage
    (["check", "--lang", "nl", "missing.yaml", FLAWED], None, PLAIN),
    (["check", "--format", "json", "--format", "text", "--today", "2027-01-02", FLAWED], None, PLAIN),  # the last
    (["check", "--today", "2026-01-01", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "--select", "SM2", "--select", "SM5,SM1", "--ignore", "SM205", "--today", "2027-01-02", FLAWED], None,
     PLAIN),
    (["check", "--extend-select", "SM999", FLAWED], None, PLAIN),  # an unknown code: a usage error
    (["check", "--lang=nl", "--ignore", "XX12", FLAWED], None, PLAIN),
    (["check", "--statistics", "--format", "sarif", FLAWED], None, PLAIN),
    (["check", "--statistics", "--output-format=json", "--today", "2027-01-02", FLAWED, GOOD], None, PLAIN),
    (["check", "-q", "-j", "1", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "--quiet", "--quiet", "--jobs", "2", "--color", "always", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "--exit-zero", "--fail-on", "error", "--format", "github", FLAWED], None, PLAIN),
    (["check", "--fail-on", "info", "--today", "2027-01-02", GOOD], None, PLAIN),
    (["check", "-o", "report.txt", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "--output", "report.sarif", "--format", "sarif", FLAWED], None, PLAIN),
    (["check", "--write-baseline", "baseline.json", "--today", "2027-01-02", FLAWED], None, PLAIN),
    (["check", "-o", "same.json", "--write-baseline", "same.json", FLAWED], None, PLAIN),
    (["check", "empty", "-o", "same.json", "--write-baseline", "same.json"], None, PLAIN),  # a note, then an error
    (["check", "--baseline", "missing.json", FLAWED], None, PLAIN),
    (["check", "--config", "broken.yaml", FLAWED], None, PLAIN),  # a configuration smlint cannot use: exit 2
    (["check", "--config", "missing.yaml", FLAWED], None, PLAIN),
    (["check", "--channel-data", "missing.yaml", FLAWED], None, PLAIN),
    (["check", "--exclude", "flawed*", "--exclude", "x", "--today", "2027-01-02", "."], None, PLAIN),
    (["check", "--lang", "en", "--today", "2027-01-02", "--since", "", FLAWED], None, PLAIN),
    # what click parses: help, unknown options, values it refuses, other commands
    (["check", "--help"], None, False),
    (["check", FLAWED, "-h"], None, False),
    (["check", "--nope", FLAWED], None, False),
    (["check", "--lang", "nl", "--nope", FLAWED], None, False),
    (["check", "-qj1", FLAWED], None, False),
    (["check", "-j1", FLAWED], None, False),
    (["check", "--quiet=yes", FLAWED], None, False),
    (["check", "--today", "02-01-2027", FLAWED], None, False),
    (["check", "--lang", "nl", "--today", "2027-13-01", FLAWED], None, False),
    (["check", FLAWED, "--today"], None, False),
    (["check", "--jobs", "-1", FLAWED], None, False),
    (["check", "--jobs", "two", FLAWED], None, False),
    (["check", "--format", "xml", FLAWED], None, False),
    (["check", "--lang", "de", FLAWED], None, False),
    (["check", "--output", "empty", FLAWED], None, False),  # a folder
    (["check", "--config", "empty", FLAWED], None, False),
    (["check", "--today", "2027-01-02", "-5"], None, False),
    (["--version"], None, False),
    (["rules"], None, False),
    (["chek", FLAWED], None, False),
]


def _folder(path):
    path.mkdir()
    for name in (FLAWED, GOOD):
        shutil.copy(EXAMPLES / name, path / name)
    (path / "empty").mkdir()
    (path / "broken.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    return path


def _run(tmp_path, way: str, args, stdin):
    """``smlint ARGS`` in a fresh process, started as the console script starts it (``way``: console or click)."""
    folder = _folder(tmp_path / way)
    script = tmp_path / f"bin-{way}" / "smlint"  # named as installed: click shows this name in usage
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"import sys\n{ENTRY[way]}\nsys.exit(main())\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "COLUMNS")}
    done = subprocess.run([sys.executable, str(script), *args], cwd=folder, env=env, capture_output=True,
                          input=(stdin or "").encode("utf-8"), timeout=120)
    files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    def same(data: bytes) -> bytes:  # the two folders' paths (in a SARIF report, say) named alike
        return data.replace(str(folder).encode(), b"FOLDER")

    return done.returncode, same(done.stdout), same(done.stderr), {name: same(data) for name, data in files.items()}


@pytest.mark.parametrize(("args", "stdin", "plain"), CASES, ids=[" ".join(c[0]) or "-" for c in CASES])
def test_the_console_script_and_click_print_and_exit_the_same(tmp_path, monkeypatch, args, stdin, plain):
    monkeypatch.chdir(_folder(tmp_path / "plans"))
    assert (args[:1] == ["check"] and plain_arguments(args[1:]) is not None) == plain
    with ThreadPoolExecutor(2) as pool:
        console, clicked = pool.map(lambda way: _run(tmp_path, way, args, stdin), ("console", "click"))
    assert console == clicked


def test_a_plain_check_never_imports_click_nor_what_it_does_without(tmp_path):
    """Start-up (issue 15): what a one-file run did without, each once a few milliseconds of it."""
    folder = _folder(tmp_path / "plans")
    unneeded = ["click", "pathlib", "urllib.parse", "typing", "difflib", "calendar", "json"]
    code = ("import sys\nfrom smlint.console import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            f"print([name for name in {unneeded!r} if name in sys.modules], file=sys.stderr)\n")
    # as users run it: the kept tables written by a run before (rules/__pycache__), whatever this shell says
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "smlint", "check", "--today", "2027-01-02", GOOD], cwd=folder, env=env,
                   capture_output=True, check=False)
    for args, expected in ((["check", "--today", "2027-01-02", GOOD], "[]"), (["check", "--help"], "['click'")):
        done = subprocess.run([sys.executable, "-c", code, *args], cwd=folder, env=env, capture_output=True, text=True)
        assert done.stderr.splitlines()[-1].startswith(expected)


@pytest.mark.parametrize("args", [c[0][1:] for c in CASES if c[2]], ids=[" ".join(c[0]) for c in CASES if c[2]])
def test_plain_arguments_are_the_values_click_gives_the_command(tmp_path, monkeypatch, args):
    monkeypatch.chdir(_folder(tmp_path / "plans"))
    assert plain_arguments(args) == check.make_context("check", list(args)).params


def test_the_plain_options_are_the_commands_options():
    """Every option of `check` is known to plain_arguments, by every name, as a flag, a value or a list."""
    declared = {}
    for param in check.params:
        for name in param.opts + param.secondary_opts:
            if name.startswith("-"):
                declared[name] = (param.name, bool(getattr(param, "is_flag", False)), bool(param.multiple))
    known = {name: (parameter, True, False) for name, parameter in FLAGS.items()}
    known.update((name, (parameter, False, kind in ("list", "files"))) for name, (parameter, kind) in OPTIONS.items())
    assert known == declared
    assert DEFAULTS == check.make_context("check", []).params


@pytest.mark.parametrize("plan", [FLAWED, GOOD])
def test_a_reader_that_went_away_ends_both_ways_alike(tmp_path, plan):
    """Standard output a pipe nobody reads (`smlint check | head -0`): exit 1, nothing said, as click ends it."""
    ends = []
    for way in ("console", "click"):
        folder = _folder(tmp_path / way)
        script = tmp_path / f"bin-{way}" / "smlint"
        script.parent.mkdir()
        script.write_text(f"import sys\n{ENTRY[way]}\nsys.exit(main())\n", encoding="utf-8")
        read, write = os.pipe()
        os.close(read)
        try:
            done = subprocess.run([sys.executable, str(script), "check", "--today", "2027-01-02", plan], cwd=folder,
                                  stdout=write, stderr=subprocess.PIPE, timeout=120)
        finally:
            os.close(write)
        ends.append((done.returncode, done.stderr))
    assert ends[0] == ends[1] == (1, b"")
