"""Read a user's YAML settings or data file, checked against a model of the compiled table.

Unlike a strategy file, whose problems are findings, a bad data file
(``--channel-data``) stops the run: exit 2 with the file, line, column and
what to write instead. Loaded with smlint's own safe loader, so the limits,
safe tags and duplicate-key checks of strategy files hold here too.
"""

from __future__ import annotations


from . import records
from .loader import MAX_FILE_BYTES, FatalLoadError, Node, escape_pointer, find, load_bytes, position, to_python


class DataFileError(Exception):
    """A settings or data file smlint cannot use; ``str()`` is the message with its location."""

    def __init__(self, file: str, line: int, column: int, text: str) -> None:
        super().__init__(f"{file}:{line}:{column}: {text}")
        self.file, self.line, self.column, self.text = file, line, column, text


def read(file: str, model: str | None, lang: str = "en") -> tuple[dict, Node]:
    """The file's data as plain Python (checked against ``model``, when given) and its node tree."""
    from ..i18n import common, message

    try:
        loaded = load_bytes(read_limited(file, lang))
    except FatalLoadError as exc:
        problem = exc.problem
        text = common("datafile_not_mapping", lang) if problem.key == "not_mapping" else \
            message("SM001", problem.key, lang, problem.args)
        raise DataFileError(file, problem.line, problem.column, text)
    for problem in loaded.problems:  # a duplicate key (one of two values would be lost), a complex or merge key
        text = common("datafile_duplicate", lang).format(**problem.args) if problem.code == "SM002" else \
            message(problem.code, problem.key, lang, problem.args)
        raise DataFileError(file, problem.line, problem.column, text)
    root = loaded.root
    values = to_python(root)
    if model is not None:
        check(file, values, model, lang, TreeLocator(root))
    return values, root


def read_limited(file: str, lang: str, limit: int = MAX_FILE_BYTES, shown: str | None = None) -> bytes:
    """A settings or data file's bytes, read as strategy files are (never a hang, at most ``limit`` bytes).

    Raises FatalLoadError when it is too large, DataFileError (naming it ``shown``) when it cannot be read.
    """
    from .discovery import read
    from ..i18n import message

    try:
        return read(file, limit)
    except OSError as exc:
        raise DataFileError(shown or file, 1, 1, message("SM001", "unreadable", lang,
                                                         {"problem": exc.strerror or str(exc)})) from None
    except ValueError:  # a path no file can have (a NUL byte in it): as unreadable as a missing file
        raise DataFileError(repr(shown or file)[1:-1], 1, 1, message("SM001", "unreadable", lang,
                                                                     {"problem": "invalid file name"})) from None


class TreeLocator:
    """Where a JSON Pointer is written in a file loaded with positions."""

    def __init__(self, root: Node) -> None:
        self.root = root

    def key(self, pointer: str) -> tuple[int, int]:
        return position(self.root, pointer)

    def mapping(self, pointer: str) -> tuple[int, int]:
        node, _ = find(self.root, pointer)
        return (node.line, node.column) if node is not None else (1, 1)

    def node(self, pointer: str) -> Node | None:
        return find(self.root, pointer)[0]


def check(file: str, values, model: str, lang: str, locator) -> None:
    """Raise DataFileError for the first problem (by position) ``model`` finds in ``values``."""
    errors = records.validate(model, values) if isinstance(values, dict) else [
        {"type": "model_type", "loc": (), "msg": "Input should be a mapping", "input": values}]
    if errors:
        line, column, text = min(_located(model, locator, error, lang) for error in errors)
        raise DataFileError(file, line, column, text)


def _located(model, locator, error: dict, lang: str) -> tuple[int, int, str]:
    from ..i18n import message
    from .validate import describe, schema_error_text

    loc = [str(part) for part in error["loc"]]
    pointer = "".join(f"/{escape_pointer(part)}" for part in loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        known = records.fields_at(model, loc[:-1])
        from difflib import get_close_matches  # only for a suggestion

        close = get_close_matches(loc[-1], known, n=1, cutoff=0.6)
        args = {"key": loc[-1], "where": describe(pointer.rsplit("/", 1)[0]), "hint": close[0] if close else "",
                "known": ", ".join(known)}
        line, column = locator.key(pointer)
        return line, column, message("SM007", "unknown_key_hint" if close else "unknown_key", lang, args)
    if kind == "missing":
        parent = pointer.rsplit("/", 1)[0]
        line, column = locator.mapping(parent)
        return line, column, message("SM003", "missing_key", lang, {"where": describe(parent), "key": loc[-1]})
    key, args = schema_error_text(error, locator.node(pointer), describe(pointer))
    line, column = locator.key(pointer)
    return line, column, message("SM003", key, lang, args)
