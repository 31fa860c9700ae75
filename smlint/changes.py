"""Changed-only runs (``smlint check --since REV``), for pull-request gates on large repositories.

A finding is kept when its line changed since REV (``git diff -U0 REV``, the
working tree against REV), or when the node it is about changed value: the
node is found in both versions by its stable path (list items by id, see
baseline.py), so a finding about an objective whose deadline was edited is
kept even when it is reported on the objective's first line. A file that did
not exist at REV is new: all its findings are kept. A file renamed since REV
(``git mv``, or a committed rename) is compared with its old name.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache

from .load.loader import FatalLoadError, Mapping, Sequence, load_bytes, to_python
from .shown import printable

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class SinceError(Exception):
    """REV cannot be used (not a git repository, unknown or unfetched revision): exit 2."""

    def __init__(self, key: str, **args) -> None:
        super().__init__(key)
        self.key, self.values = key, args


def _git(folder: str, *args: str) -> subprocess.CompletedProcess:
    # pathspecs are file names as they are: `[a].strategy.yaml` or `*.yaml` must not match other files
    try:
        return subprocess.run(["git", "--literal-pathspecs", *args], cwd=folder, capture_output=True, timeout=120,
                              check=False, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise SinceError("since_no_git") from None
    except subprocess.TimeoutExpired:
        raise SinceError("since_git_failed", problem="git took longer than 120 s") from None


@lru_cache(maxsize=None)
def _top(folder: str) -> str:
    result = _git(folder, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise SinceError("since_not_a_repository", folder=folder)
    return os.fsdecode(result.stdout.strip())


@lru_cache(maxsize=None)
def _commit(top: str, rev: str) -> str:
    shown = printable(rev, 80)
    if rev.startswith("-") or not rev.strip() or "\0" in rev:
        raise SinceError("since_unknown_rev", rev=shown)
    result = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if result.returncode != 0:
        if not _git(top, "rev-list", "-n", "1", "--all").stdout.strip():
            raise SinceError("since_no_commits", rev=shown)
        shallow = _git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        raise SinceError("since_shallow" if shallow else "since_unknown_rev", rev=shown)
    return result.stdout.decode().strip()


@lru_cache(maxsize=None)
def _renamed(top: str, commit: str) -> dict[str, str]:
    """Files renamed since ``commit`` (``git mv``, or committed), new name -> old name."""
    listed = _git(top, "diff", "--no-ext-diff", "--name-status", "-z", "-M", commit).stdout.split(b"\0")
    renamed, index = {}, 0
    while index + 1 < len(listed):
        status = listed[index]
        if status.startswith(b"R") and index + 2 < len(listed):
            renamed[os.fsdecode(listed[index + 2])] = os.fsdecode(listed[index + 1])
            index += 3
        else:
            index += 2 if not status.startswith(b"C") else 3
    return renamed


@dataclass
class FileChanges:
    new: bool = False  # not in REV: everything counts as changed
    lines: set[int] = field(default_factory=set)  # changed lines in the working tree's file
    old_root: object = None  # the file's tree at REV, when it parses
    now_root: object = None


def changes(file: str, rev: str) -> FileChanges:
    folder = os.path.dirname(os.path.abspath(file))
    top = _top(folder)
    commit = _commit(top, rev)
    relative = os.path.relpath(os.path.abspath(file), top).replace(os.sep, "/")
    before = relative
    shown = _git(top, "show", f"{commit}:{relative}")
    if shown.returncode != 0:  # new since REV, or renamed: then its lines are compared with the old name's
        before = _renamed(top, commit).get(relative)
        shown = _git(top, "show", f"{commit}:{before}") if before is not None else shown
        if before is None or shown.returncode != 0:
            return FileChanges(new=True)
    paths = (relative,) if before == relative else (before, relative)
    diff = _git(top, "diff", "--no-ext-diff", "--no-color", "-M" if len(paths) > 1 else "--no-renames", "-U0",
                commit, "--", *paths)
    lines: set[int] = set()
    for match in _HUNK.finditer(diff.stdout.decode("utf-8", "replace")):
        start, count = int(match[1]), int(match[2]) if match[2] is not None else 1
        lines.update(range(start, start + count) if count else (start, start + 1))  # a deletion: lines around it
    result = FileChanges(lines=lines)
    if lines:
        result.old_root = _root(shown.stdout)
        try:
            with open(file, "rb") as handle:
                result.now_root = _root(handle.read())
        except OSError:
            pass
    return result


def _root(data: bytes):
    try:
        return load_bytes(data).root
    except FatalLoadError:
        return None


def resolve(root, stable: str):
    """The node at a stable path (``/objectives[id=fans]/deadline``), or None."""
    node = root
    for token in re.findall(r"/[^/\[]*|\[[^\]]*\]", stable):
        if token.startswith("["):
            if not isinstance(node, Sequence):
                return None
            node = next((child for child in node.children if _identity_of(child) == token[1:-1]), None)
        elif isinstance(node, Mapping):
            pair = node.items.get(token[1:].replace("~2", "]").replace("~1", "/").replace("~0", "~"))
            node = pair[1] if pair else None
        elif isinstance(node, Sequence) and token[1:].isdigit() and int(token[1:]) < len(node.children):
            node = node.children[int(token[1:])]
        else:
            return None
        if node is None:
            return None
    return node


def _identity_of(node) -> str | None:
    from .baseline import _identity

    return _identity(node)


def keep(finding, changed: FileChanges) -> bool:
    if changed.new or finding.line in changed.lines:
        return True
    if not changed.lines or not finding.path or changed.old_root is None or changed.now_root is None:
        return False
    stable = finding.stable_path or finding.path
    before, after = resolve(changed.old_root, stable), resolve(changed.now_root, stable)
    if before is None or after is None:
        return before is not after
    return to_python(before) != to_python(after)


def prepare(files, rev: str) -> None:
    """Check before linting that every file's repository has ``rev`` (SinceError, exit 2, otherwise)."""
    for folder in sorted({os.path.dirname(os.path.abspath(f)) for f in files if f != "-"} or {os.getcwd()}):
        _commit(_top(folder), rev)


def narrow(results, rev: str):
    """Each FileResult with only the findings on what changed since ``rev``."""
    for result in results:
        if result.findings and result.file != "-":
            changed = changes(result.file, rev)
            result.findings = [f for f in result.findings if keep(f, changed)]
        yield result
