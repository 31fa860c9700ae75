"""What a one-file `smlint check` imports: only what linting and the text report need (issue 15, start-up)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import EXAMPLES, REPO


def _imported_by_a_second_run(*args: str) -> list[str]:
    """The modules a fresh process imports for ``smlint ARGS``, once the rule data's marshal copy is written."""
    code = ("import sys\nfrom smlint.cli import main\n"
            f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sorted(sys.modules)))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as a user runs it
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


def test_a_text_check_imports_no_json_and_no_other_command():
    modules = _imported_by_a_second_run("check", str(EXAMPLES / "groene-buurt.strategy.yaml"), "--today", "2027-01-02")
    assert "smlint.engine" in modules
    unneeded = ("json", "hashlib", "csv", "tempfile", "smlint.commands.calendar",
                "smlint.commands.report")
    assert [name for name in unneeded if name in modules] == []


def test_help_lists_the_commands_it_imports_only_when_they_run(cli):
    listed = cli("--help").output
    assert "calendar" in listed and "report" in listed
    assert "iCalendar" in cli("calendar", "--help").output
