"""Where a report goes: standard output, or a file written atomically.

A report file is written to a temporary file in its own folder and moved
over the old report (``os.replace``) only when complete, so a failed or
interrupted run never leaves half a report and never empties an old one;
an existing report keeps its permissions. A path that is not a regular file
(``/dev/stdout``, ``/dev/null``, a FIFO) is written to directly. A report is
never written over one of the files the run reads.

Every failure to write is a ``WriteError`` naming what went wrong, for the
command line to report as a usage error (exit 2).
"""

from __future__ import annotations

import errno
import os
import stat
import sys

# the reasons a report cannot be written, by errno: keys of ``os_errors`` in rules/messages.yaml
REASONS = {
    errno.ENOENT: "no_folder", errno.ENOTDIR: "not_folder", errno.EACCES: "no_permission",
    errno.EPERM: "no_permission", errno.EROFS: "read_only", errno.ENOSPC: "disk_full", errno.EDQUOT: "quota",
    errno.EFBIG: "too_large", errno.EISDIR: "is_folder", errno.EBADF: "closed",
}


class WriteError(Exception):
    """The report could not be written to ``path`` (None: standard output)."""

    def __init__(self, path: str | None, reason: str, problem: str, folder: str = "") -> None:
        super().__init__(problem)
        self.path, self.reason, self.problem, self.folder = path, reason, problem, folder


class InputClash(Exception):
    """The report would be written over ``path``, one of the files the run reads."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def write_error(path: str | None, exc: OSError) -> WriteError:
    """Why ``path`` could not be written, as a reason of ``os_errors`` (rules/messages.yaml)."""
    folder = (os.path.dirname(path) or ".") if path else ""
    reason = REASONS.get(exc.errno or 0, "other")
    if reason == "no_folder" and os.path.isdir(folder):
        reason = "cannot_create"  # the folder is there, yet a file cannot be made in it (/proc)
    return WriteError(path, reason, exc.strerror or str(exc), folder)


class _Stream:
    """The text stream reporters write to; an OSError while writing becomes a WriteError (a broken pipe stays one)."""

    def __init__(self, stream, path: str | None) -> None:
        self.stream, self.path = stream, path
        self.failed = False

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            self.failed = True
            raise write_error(self.path, exc) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            self.failed = True
            raise write_error(self.path, exc) from None


class Destination:
    """Open with ``Destination.open``, write to ``.out``, then ``finish()``; ``discard()`` in a ``finally``."""

    def __init__(self, out: _Stream, target: str | None = None, temporary: str | None = None,
                 owned: bool = False) -> None:
        self.out = out
        self.target = target  # the file the report replaces when finished
        self.temporary = temporary
        self.owned = owned  # a stream this destination opened (not standard output or error)
        self.done = False

    @classmethod
    def open(cls, output: str | None, inputs=()) -> Destination:
        """Standard output (``output`` None) or the file ``output``; raises WriteError or InputClash before any work."""
        if output is None:
            if sys.stdout is None:  # started with standard output closed
                raise WriteError(None, "closed", "Bad file descriptor")
            return cls(_Stream(sys.stdout, None))
        _refuse_inputs(output, inputs)
        target = os.path.realpath(output)  # a link to a report: the report is replaced, the link stays
        try:
            existing = os.stat(target)
        except OSError:
            existing = None
        if existing is not None:
            for fd, stream in ((1, sys.stdout), (2, sys.stderr)):  # -o /dev/stdout, with stdout sent to a file
                try:
                    if stream is not None and os.path.samestat(os.fstat(fd), existing):
                        return cls(_Stream(stream, output))
                except OSError:
                    continue
        try:
            if (existing is not None and not stat.S_ISREG(existing.st_mode)  # /dev/full, a FIFO
                    or os.path.abspath(output).startswith(("/dev/", "/proc/"))):  # /dev/fd/3: an open file, kept
                return cls(_Stream(open(output, "w", encoding="utf-8", newline="\n"), output), owned=True)
            folder = os.path.dirname(target)
            import tempfile  # only when a report goes to a file

            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        except OSError as exc:
            raise write_error(output, exc) from None
        os.fchmod(handle, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
        stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n")
        return cls(_Stream(stream, output), target, temporary, owned=True)

    def finish(self) -> None:
        """Flush the report; a file is synced to disk and moved into place."""
        self.out.flush()
        if not self.owned:
            self.done = True
            return
        stream = self.out.stream
        try:
            if self.temporary is not None:
                os.fsync(stream.fileno())
            stream.close()
            if self.temporary is not None:
                os.replace(self.temporary, self.target)
        except OSError as exc:
            raise write_error(self.out.path, exc) from None
        self.done = True

    def discard(self) -> None:
        """After a failure: remove the temporary file, or keep a full standard output from failing again at exit."""
        if self.done:
            return
        self.done = True
        if not self.owned:
            if self.out.failed:
                silence(self.out.stream)
            return
        try:
            self.out.stream.close()
        except OSError:
            pass
        if self.temporary is not None:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass


def _refuse_inputs(output: str, inputs) -> None:
    """InputClash when ``output`` is (by its file, whatever the spelling or link) one of ``inputs``."""
    try:
        mine = os.stat(output)
    except OSError:
        return  # nothing there yet: no input can be overwritten
    for path in inputs:
        if path == "-":
            continue
        try:
            theirs = os.stat(path)
        except OSError:
            continue
        if (theirs.st_dev, theirs.st_ino) == (mine.st_dev, mine.st_ino):
            raise InputClash(output)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def silence(stream) -> None:
    """Point the stream's file descriptor at /dev/null, so the interpreter's last flush cannot fail again."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
