"""Write a file so that it is either the old one or the whole new one, never half: a temporary file, then rename.

Only a regular file (or a path where nothing is yet) is replaced that way. A
path that names something else is never replaced, since a rename would put a
plain file in its place: ``/dev/null`` or ``/dev/full`` (run as root, that
would remove the device), a FIFO or a socket. Such a path is written to
directly, and a FIFO that no program reads from is an error at once, never
a wait. A symbolic link to a file is followed: the file it points to is
replaced and the link stays.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile


def write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def write_bytes(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (OSError when it cannot be written)."""
    target = os.path.realpath(path)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_special(target, data)
        return
    if existing is not None:
        mode = stat.S_IMODE(existing.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".smlint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _write_special(target: str, data: bytes) -> None:
    """A device, FIFO or socket: written to as it is (no reader on a FIFO: ENXIO at once, never a hang)."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        os.set_blocking(fd, True)  # a reader is there: wait for it as a pipe does
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
