"""Find strategy files in the paths given on the command line.

A folder search skips hidden folders, ``node_modules``, what the repository's
``.gitignore`` files (and ``.git/info/exclude``) ignore, and what the
configuration's ``exclude`` and ``--exclude`` name. Those are gitignore
patterns, matched with the ``pathspec`` library, imported only when there is
something to match. A file named on the command line is always checked,
unless an ``exclude`` pattern names it (pre-commit names files one by one).
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat

DEFAULT_PATTERNS = (
    "strategy.yaml", "strategy.yml", "*.strategy.yaml", "*.strategy.yml",
    "strategie.yaml", "strategie.yml", "*.strategie.yaml", "*.strategie.yml",  # Dutch
)
SKIPPED_DIRS = ("node_modules",)


def matches(name: str, patterns=DEFAULT_PATTERNS) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _spec(lines):
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


class Exclusions:
    """``exclude`` patterns, each list with the folder it is relative to (the configuration's, or the current one)."""

    def __init__(self, groups=()) -> None:
        self.groups = [(os.path.abspath(base), tuple(patterns)) for base, patterns in groups if patterns]
        self._specs = None

    def excludes(self, path: str, is_dir: bool = False) -> bool:
        if not self.groups:
            return False
        if self._specs is None:
            self._specs = [(base, _spec(patterns)) for base, patterns in self.groups]
        return any(_decides(spec, base, path, is_dir) for base, spec in self._specs)


def _decides(spec, base: str, path: str, is_dir: bool) -> bool | None:
    """True: ``spec`` (relative to ``base``) ignores the path; False: it takes it back (``!``); None: says nothing."""
    relative = os.path.relpath(os.path.abspath(path), base)
    if relative == "." or relative.startswith(".."):
        return None
    from pathlib import Path  # only when there is something to exclude (a one-file run does without pathlib)

    return spec.check_file(Path(relative).as_posix() + ("/" if is_dir else "")).include


class _GitIgnores:
    """The .gitignore files that apply in a folder search, from the repository's root down, read as met."""

    def __init__(self, top: str) -> None:
        folder = os.path.abspath(top)
        files: list[tuple[str, str]] = []  # (file, the folder its patterns are relative to), lowest precedence first
        while not os.path.exists(os.path.join(folder, ".git")):  # the folders above, up to the repository's root
            parent = os.path.dirname(folder)
            if parent == folder:
                files = []  # no repository: only the .gitignore files of the searched folders
                break
            folder = parent
            files.insert(0, (os.path.join(folder, ".gitignore"), folder))
        else:
            files.insert(0, (os.path.join(folder, ".git", "info", "exclude"), folder))
        self.above = [spec for file, base in files for spec in self._read(file, base)]
        self.inside: dict[str, list] = {}  # folder searched -> the specs that apply in it

    @staticmethod
    def _read(file: str, base: str) -> list:
        try:
            with open(file, encoding="utf-8", errors="replace") as handle:
                lines = handle.read(1 << 20).splitlines()
        except OSError:
            return []
        if not any(line.strip() and not line.startswith("#") for line in lines):
            return []
        return [(base, _spec(lines))]

    def enter(self, folder: str, files) -> list:
        """The specs that apply inside ``folder``: its parent's, then its own .gitignore (which decides first)."""
        folder = os.path.normpath(folder)
        specs = list(self.inside.get(os.path.dirname(folder), self.above))
        if ".gitignore" in files:
            specs += self._read(os.path.join(folder, ".gitignore"), os.path.abspath(folder))
        self.inside[folder] = specs
        return specs

    @staticmethod
    def ignores(specs, path: str, is_dir: bool) -> bool:
        for base, spec in reversed(specs):  # the deepest .gitignore decides; within one, its last pattern
            decided = _decides(spec, base, path, is_dir)
            if decided is not None:
                return decided
        return False


def discover(path: str, patterns=DEFAULT_PATTERNS, exclude: Exclusions | None = None) -> list[str]:
    """Files to check under ``path``, sorted; a file given by name is checked unless ``exclude`` names it."""
    exclude = exclude or Exclusions()
    if not os.path.isdir(path):
        return [] if exclude.excludes(path) else [path]
    found = []
    ignores = _GitIgnores(path)
    for folder, dirs, files in os.walk(path):
        specs = ignores.enter(folder, files)

        def left_out(full: str, is_dir: bool) -> bool:
            return exclude.excludes(full, is_dir) or (bool(specs) and ignores.ignores(specs, full, is_dir))

        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not left_out(os.path.join(folder, d), True))
        entries = [(name, False) for name in files if matches(name, patterns)]
        # A directory named like a strategy file is reported (it cannot be read).
        entries += [(d, True) for d in os.listdir(folder)
                    if matches(d, patterns) and os.path.isdir(os.path.join(folder, d))]
        for name, is_dir in sorted(set(entries)):
            full = os.path.join(folder, name)
            if left_out(full, is_dir):
                continue
            full = full if path != "." else os.path.relpath(full)
            found.append(Special(full) if _special(full) else full)  # stat before any open
    from pathlib import Path

    return sorted(found, key=lambda p: Path(p).parts)


class Special(str):
    """A path met while searching a folder that is no regular file (a FIFO, a device, a socket): never opened.

    A ``str``, so it travels as a path does (to worker processes too); the linter reports it as SM001.
    """


def _special(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a broken link, say: reading it says why
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


_CHUNK = 1 << 20
FIFO_WAIT = 10  # seconds a named pipe given by name may take before its writer sends anything


def read(path: str, limit: int) -> bytes:
    """The file's bytes, at most ``limit`` of them, read so that nothing can hang or grow without bound.

    The file is opened without blocking (opening a FIFO would wait for a writer forever), a FIFO's first
    bytes are waited for ``FIFO_WAIT`` seconds at most, and at most ``limit + 1`` bytes are read (a device or
    an endless pipe stops there). Raises OSError (permission, a directory, a broken link) and FatalLoadError
    (SM001 too_large, fifo_silent) for the caller.
    """
    from .loader import FatalLoadError, LoadProblem

    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs to wait on
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise FatalLoadError(LoadProblem("SM001", "too_large", 1, 1, {"size": info.st_size, "limit": limit}))
        if stat.S_ISFIFO(info.st_mode) and not _ready(fd):
            raise FatalLoadError(LoadProblem("SM001", "fifo_silent", 1, 1, {"seconds": FIFO_WAIT}))
        if nonblocking:
            os.set_blocking(fd, True)  # then read as it comes, like cat
        if stat.S_ISREG(info.st_mode):  # its size is known: one read of that size, not of a 1 MiB buffer
            wanted = info.st_size + 1
            first = handle.read(wanted)
            if len(first) < wanted:  # the end of the file
                return first
            return first + read_stream(handle, limit - len(first))  # it grew while being read
        return read_stream(handle, limit)


def _ready(fd: int) -> bool:
    """Whether a FIFO's writer sends something (or comes and goes) within FIFO_WAIT seconds."""
    import select

    if not hasattr(select, "poll"):
        return True
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(FIFO_WAIT * 1000))


def read_input(path: str, limit: int) -> bytes:
    """A file's bytes, or standard input's for ``-``, as :func:`read` reads them, for commands that report a file
    they cannot read themselves: everything that stops the reading is an OSError with a reason to show."""
    import sys

    from ..i18n import message
    from .loader import FatalLoadError

    if isinstance(path, Special):
        raise OSError(errno.EINVAL, message("SM001", "not_regular", "en"), path)
    if path == "-" and sys.stdin is None:
        raise OSError(errno.EBADF, "standard input is closed", path)
    try:
        return read_stream(sys.stdin.buffer, limit) if path == "-" else read(path, limit)
    except FatalLoadError as exc:  # too large, or a FIFO nobody writes to
        raise OSError(errno.EFBIG, message("SM001", exc.problem.key, "en", exc.problem.args), path) from None


def read_stream(stream, limit: int) -> bytes:
    """At most ``limit`` bytes of a binary stream (standard input); more is SM001 too_large_stream."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        from .loader import FatalLoadError, LoadProblem

        raise FatalLoadError(LoadProblem("SM001", "too_large_stream", 1, 1, {"limit": limit}))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def ignored_for(file: str, per_file_ignores: dict, base: str | None, today=None, notes: list | None = None
                ) -> tuple[str, ...]:
    """The codes ``per-file-ignores`` leaves out for one file (globs relative to ``base``, the config's folder).

    An entry ``{codes, reason, until}`` whose ``until`` lies before ``today`` leaves out nothing. Every entry that
    matches is added to ``notes`` as (glob, entry or None for a plain list), for SM009 and SM010.
    """
    import fnmatch
    import os
    from pathlib import Path

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
