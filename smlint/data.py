"""Find and read the rule data shipped with smlint (``rules/``, ``schemas/``).

Installed, the data lives in ``smlint/_data``; in a source checkout it is the
top-level ``rules/`` and ``schemas/`` folders.

Parsing the YAML of the rule data took a good part of a one-file run's
start-up; the parsed data is kept in ``rules/__pycache__`` in Python's own
marshal format, which loads in under a millisecond. As with Python's
bytecode, the copy is written when the folder is writable (and not with
``python -B``), and used only while the sources hold exactly the same bytes
(a checksum of them is in its name); otherwise the sources are parsed.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

_HERE = os.path.dirname(os.path.realpath(__file__))
COMPILED = ("schemas", "models.compiled.json")  # a data file outside rules/ that a lint run reads


def data_folder(name: str) -> str:
    """The folder of smlint's ``rules`` or ``schemas`` (a string: a lint run does without pathlib)."""
    installed = os.path.join(_HERE, "_data", name)
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(_HERE), name)


def data_dir(name: str):
    """``data_folder(name)`` as a ``pathlib.Path``."""
    from pathlib import Path

    return Path(data_folder(name))


@lru_cache(maxsize=None)
def read_yaml(relative: str):
    """Read one of smlint's own (trusted) data files, e.g. ``channels.yaml``."""
    parsed = _parsed()
    if relative in parsed:
        return parsed[relative]
    return _parse(os.path.join(data_folder("rules"), relative))


@lru_cache(maxsize=None)
def read_json(folder: str, name: str):
    """Read one of smlint's own JSON data files, e.g. ``read_json("schemas", "models.compiled.json")``."""
    parsed = _parsed()
    key = f"../{folder}/{name}"
    if key in parsed:
        return parsed[key]
    return _parse(os.path.join(data_folder(folder), name))


@lru_cache(maxsize=None)
def catalogue() -> dict:
    """Every rule's entry (name, category, severity, docs, messages), by code."""
    entries: dict = {}
    for name in sorted(_sources()):
        if name.startswith("catalog/") and name.count("/") == 1:
            entries.update(read_yaml(name))
    return dict(sorted(entries.items()))


def _sources() -> dict[str, str]:
    """Every YAML file of rules/ (by its path there), and the JSON files a lint run reads."""
    rules = data_folder("rules")
    found = {}
    for folder, subfolders, files in os.walk(rules):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in files:
            if name.endswith(".yaml"):
                path = os.path.join(folder, name)
                found[os.path.relpath(path, rules).replace(os.sep, "/")] = path
    folder, name = COMPILED
    found[f"../{folder}/{name}"] = os.path.join(data_folder(folder), name)
    return found


def _parse(path: str):
    if path.endswith(".json"):
        import json

        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    import yaml

    with open(path, "rb") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def _parsed() -> dict:
    """All the rule data, from the marshal copy when the sources are unchanged, else parsed (and the copy written)."""
    import binascii
    import marshal

    sources = _sources()
    contents = {}
    for name, path in sorted(sources.items()):
        try:
            with open(path, "rb") as handle:
                contents[name] = handle.read()
        except OSError:
            pass  # a missing file is reported when it is read
    checksum = 0
    for name, content in contents.items():
        checksum = binascii.crc32(content, binascii.crc32(name.encode(), checksum))
    copy = os.path.join(data_folder("rules"), "__pycache__",
                        f"data-{checksum:08x}-{len(contents)}.marshal{marshal.version}")
    try:
        with open(copy, "rb") as handle:
            kept = marshal.loads(handle.read())
        if isinstance(kept, dict) and kept.keys() == contents.keys():
            return kept
    except (OSError, ValueError, EOFError, TypeError):
        pass
    parsed = {name: _parse(sources[name]) for name in contents}
    if not sys.dont_write_bytecode:
        try:
            data = marshal.dumps(parsed)
        except ValueError:  # a value marshal cannot hold: no copy, the sources are parsed each time
            return parsed
        write_copy(copy, data, like=next(iter(sources.values())), stale="data-*.marshal*")
    return parsed


def write_copy(path, data: bytes, like=None, stale: str | None = None) -> None:
    """Write a kept copy atomically (readable as ``like`` is), removing older ones named ``stale`` (a glob);
    a folder smlint may not write to is fine: the copy only saves time."""
    import fnmatch
    import tempfile

    folder, name = os.path.split(os.fspath(path))
    try:
        if not os.path.isdir(folder):
            os.mkdir(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".copy-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, os.stat(like).st_mode & 0o666 if like is not None else 0o644)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        for old in os.listdir(folder) if stale else ():
            if old != name and fnmatch.fnmatchcase(old, stale):
                try:
                    os.unlink(os.path.join(folder, old))
                except FileNotFoundError:
                    pass
    except OSError:
        pass
