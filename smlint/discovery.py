"""Find strategy files in the paths given on the command line."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

DEFAULT_PATTERNS = ("strategy.yaml", "strategy.yml", "*.strategy.yaml", "*.strategy.yml")
SKIPPED_DIRS = ("node_modules",)


def matches(name: str, patterns=DEFAULT_PATTERNS) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def discover(path: str, patterns=DEFAULT_PATTERNS) -> list[str]:
    """Files to check under ``path``, sorted; a file given by name is always checked."""
    if not os.path.isdir(path):
        return [path]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        entries = list(files)
        # A directory named like a strategy file is reported (it cannot be read).
        entries += [d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and matches(d, patterns)]
        for name in sorted(set(entries)):
            if matches(name, patterns):
                full = os.path.join(folder, name)
                found.append(full if path != "." else os.path.relpath(full))
    return sorted(found, key=lambda p: Path(p).parts)


def read(path: str) -> bytes:
    """The file's bytes; OSError (permission, a directory, a broken link) is the caller's SM001."""
    with open(path, "rb") as handle:
        return handle.read()


def ignored_for(file: str, per_file_ignores: dict, base: str | None, today=None, notes: list | None = None
                ) -> tuple[str, ...]:
    """The codes ``per-file-ignores`` leaves out for one file (globs relative to ``base``, the config's folder).

    An entry ``{codes, reason, until}`` whose ``until`` lies before ``today`` leaves out nothing. Every entry that
    matches is added to ``notes`` as (glob, entry or None for a plain list), for SM009 and SM010.
    """
    import fnmatch
    import os

    base_path = Path(base) if base else Path.cwd()
    try:
        relative = Path(os.path.abspath(file)).relative_to(base_path).as_posix()
    except ValueError:
        relative = Path(file).as_posix()
    codes: list[str] = []
    for glob, entry in per_file_ignores.items():
        candidates = {glob, glob[3:] if glob.startswith("**/") else glob}
        if any(fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(Path(relative).name, g) for g in candidates):
            if isinstance(entry, list):
                codes += entry
            elif today is None or entry.until is None or entry.until >= today:  # an expired entry: SM009
                codes += entry.codes
            if notes is not None and not isinstance(entry, list):
                notes.append((glob, entry))
            elif notes is not None:
                notes.append((glob, None))
    return tuple(codes)
