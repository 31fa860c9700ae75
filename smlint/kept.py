"""What smlint compiles once and keeps between runs: a table in ``rules/__pycache__`` (patterncache.py, classcache.py,
and :func:`made` here: what smlint makes from its rule data).

Each table is a dict in Python's marshal format beside the rule data's copy
(``data.py``), read when first used and written when the process ends if
something was added to it, under the rules Python follows for its bytecode:
only in a folder smlint may write to, and not with ``python -B``
(PYTHONDONTWRITEBYTECODE). A table that cannot be read is started again.
"""

from __future__ import annotations

import os
import sys


class Kept:
    def __init__(self, name: str, limit: int) -> None:
        self.name = name  # the file's name in rules/__pycache__: it says which Python's internals it holds
        self.limit = limit  # entries at most: when it is full (what is compiled has changed), it starts again
        self.table: dict | None = None
        self.changed = False

    def path(self) -> str:
        from .data import data_folder

        return os.path.join(data_folder("rules"), "__pycache__", self.name)

    def load(self) -> dict:
        if self.table is None:
            import marshal

            try:
                with open(self.path(), "rb") as handle:
                    table = marshal.loads(handle.read())
                self.table = table if isinstance(table, dict) else {}
            except (OSError, ValueError, EOFError, TypeError):
                self.table = {}
        return self.table

    def get(self, key):
        return self.load().get(key)

    def put(self, key, value) -> None:
        table = self.load()
        if len(table) >= self.limit:
            table.clear()
        table[key] = value
        if not self.changed and not sys.dont_write_bytecode:
            import atexit

            atexit.register(self.save)
        self.changed = True

    def save(self) -> None:
        """Write the table (at the process's exit: a run compiles what it needs, then it is kept)."""
        import marshal

        from .data import data_folder, write_copy

        if sys.dont_write_bytecode:
            return
        try:
            data = marshal.dumps(self.table)
        except ValueError:
            return
        write_copy(self.path(), data, like=os.path.join(data_folder("rules"), "vocabulary.yaml"))


MADE = Kept(f"made-{sys.implementation.cache_tag}.marshal", limit=100)  # what made() keeps


def made(function, *inputs, also=()):
    """``function(*inputs)``, kept between runs: for what smlint makes from its rule data (a word list's pattern).

    The key is the inputs themselves (their ``repr``), ``also`` (the other data the function reads) and the file
    of the function's module (its size and time, as Python checks its bytecode): a change to any of them makes
    the value again. The function must depend on nothing else, and its value be of marshal's types.
    """
    try:
        found = os.stat(sys.modules[function.__module__].__file__)
    except (OSError, TypeError):  # no file to tell a change of its code by: made each time
        return function(*inputs)
    key = (function.__qualname__, found.st_mtime_ns, found.st_size, repr((inputs, also)))
    value = MADE.get(key)
    if value is None:
        value = function(*inputs)
        MADE.put(key, value)
    return value
