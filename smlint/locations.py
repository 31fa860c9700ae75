"""Where a file is, as code-scanning services and baselines name it: its path from the repository root.

The root is the nearest folder holding ``.git``; else the configuration's
folder; else the current folder. The path is normalised (``./a/../a/``, an
absolute path and a run from another folder name the same file the same
way), with forward slashes. SARIF and GitLab reports and baselines all use
this, so a baseline entry and a code-scanning alert name a file alike.
"""

from __future__ import annotations

import os


class Locations:
    """Each file's repository root and its path from there, with a SARIF base id per root."""

    def __init__(self, config_base: str | None = None, cwd: str | None = None) -> None:
        self.cwd = os.path.realpath(cwd or os.getcwd())
        self.config_base = os.path.realpath(config_base) if config_base else None
        self.bases: dict[str, str] = {}  # root folder -> base id, in the order first met
        self._real: dict[str, str] = {}  # folder as written -> real folder
        self._roots: dict[str, str | None] = {}  # real folder -> the nearest folder holding .git, or None

    def locate(self, file: str) -> tuple[str | None, str]:
        """(base id, path from that root with /) for ``file``; (None, absolute path) for a file under no root."""
        if file == "-":
            return None, file
        folder, name = os.path.split(os.path.abspath(file))  # ./a/../a/ and absolute paths alike
        real_folder = self._real.get(folder)
        if real_folder is None:
            real_folder = self._real[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, name)
        root = self._git_root(real_folder)
        if root is None:
            root = next((base for base in (self.config_base, self.cwd) if base and _inside(real, base)), None)
        if root is None:
            return None, real
        base = self.bases.setdefault(root, "%SRCROOT%" if not self.bases else f"%SRCROOT{len(self.bases) + 1}%")
        return base, os.path.relpath(real, root).replace(os.sep, "/")

    def _git_root(self, folder: str) -> str | None:
        walked = []
        root = None
        while True:
            if folder in self._roots:
                root = self._roots[folder]
                break
            walked.append(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                root = folder
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        for seen in walked:
            self._roots[seen] = root
        return root


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (the same path, a link to it, or a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
