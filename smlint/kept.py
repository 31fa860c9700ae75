"""What smlint compiles once and keeps between runs: a table in ``rules/__pycache__`` (patterncache.py, classcache.py).

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
