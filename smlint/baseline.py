"""Baselines: record today's findings, then report only new ones.

An entry is keyed on what survives editing: the rule, the file relative to
the repository root, and the finding's *stable path*: its JSON Pointer with
every list index replaced by the item's identity (``/objectives[id=fb-fans]``,
a calendar entry by its date, channel and title). Inserting an objective
above, re-ordering channels or adding comments moves lines and indices but
not these keys. The same key can occur more than once (two findings of one
rule on one node): the entry keeps a count.

The file is JSON, sorted, with one entry per line, so a re-run on an
unchanged tree writes the same bytes and a change reads well in a diff.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from dataclasses import field

from .classcache import dataclass
from .load.loader import Mapping, Scalar, Sequence
from .locations import Locations

FORMAT = 1
_IDENTITY = ("platform", "date", "channel", "title")  # items without an id (channels, calendar, cadence) by these


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1").replace("]", "~2")


def _identity(item) -> str | None:
    if not isinstance(item, Mapping):
        return None
    pair = item.items.get("id")
    if pair is not None and isinstance(pair[1], Scalar) and pair[1].value not in (None, ""):
        return f"id={_escape(str(pair[1].raw))}"
    parts = []
    for name in _IDENTITY:
        pair = item.items.get(name)
        if pair is not None and isinstance(pair[1], Scalar) and pair[1].value not in (None, ""):
            parts.append(f"{name}={_escape(str(pair[1].raw))}")
    return ",".join(parts) or None


def stable_path(root, pointer: str) -> str:
    """``pointer`` with each list index replaced by the item's identity, where it has one."""
    if not pointer or root is None:
        return pointer
    node = root
    out = []
    for token in pointer.lstrip("/").split("/"):
        if isinstance(node, Sequence) and token.isdigit() and int(token) < len(node.children):
            node = node.children[int(token)]
            identity = _identity(node)
            out.append(f"[{identity}]" if identity else f"/{token}")
            continue
        out.append(f"/{token}")
        if isinstance(node, Mapping):
            pair = node.items.get(token.replace("~1", "/").replace("~0", "~"))
            node = pair[1] if pair else None
        else:
            node = None
    return "".join(out)


def relative_file(file: str, locations: Locations | None = None) -> str:
    """``file`` from the repository root, with forward slashes: how a baseline, SARIF and GitLab name it."""
    if file == "-":
        return file
    return (locations or Locations()).locate(file)[1]


def key(finding, locations: Locations | None = None) -> tuple[str, str, str]:
    return relative_file(finding.file, locations), finding.rule, finding.stable_path or finding.path


class BaselineError(Exception):
    """A baseline file smlint cannot read or write: exit 2. ``args[0]``: (message key, values)."""


MAX_BYTES = 64 * 1024 * 1024


def _invalid(problem: str, **values) -> BaselineError:
    return BaselineError(("baseline_invalid", {"problem": (problem, values)}))


def _no_duplicates(pairs):
    seen = {}
    for name, value in pairs:
        if name in seen:  # the first value would be lost without a word
            raise _invalid("duplicate_key", key=name[:80])
        seen[name] = value
    return seen


def _no_constant(name: str):
    raise _invalid("not_json_value", value=name)


def _read_limited(path: str) -> bytes:
    """The file's bytes: a regular file only (a FIFO or a device is never waited on), at most MAX_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BaselineError(("baseline_unreadable", {"problem": exc.strerror or str(exc)})) from None
    except ValueError:  # a NUL in the name (from a configuration: a command line cannot hold one)
        raise BaselineError(("baseline_unreadable", {"problem": "NUL in the file name"})) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _invalid("not_regular")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BaselineError(("baseline_unreadable", {"problem": exc.strerror or str(exc)})) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise _invalid("too_large", limit=MAX_BYTES // (1024 * 1024))
    return raw


def describe(error: BaselineError, lang: str) -> str:
    """What is wrong with the baseline, in the user's language."""
    from .i18n import common

    key, values = error.args[0]
    if key == "baseline_invalid":
        problem, args = values["problem"]
        values = {"problem": common("baseline_problems", lang)[problem].format(**args)}
    return common(key, lang).format(**values)


def refuse_inputs(target: str, inputs) -> None:
    """BaselineError when writing a baseline to ``target`` would replace one of the files the run reads."""
    from .locations import same_file

    for path in inputs:
        if path and path != "-" and same_file(target, path):
            raise BaselineError(("baseline_is_input", {"path": target}))


@dataclass
class Baseline:
    entries: Counter = field(default_factory=Counter)  # key -> count
    file: str = ""
    used: Counter = field(default_factory=Counter)

    @classmethod
    def read(cls, path: str) -> Baseline:
        """The baseline in ``path``; BaselineError (key, values), said in the user's language, when it is not one."""
        import json

        raw = _read_limited(path)
        try:
            data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates,
                              parse_constant=_no_constant)
        except UnicodeDecodeError as exc:
            raise _invalid("not_utf8", offset=exc.start + 1) from None
        except json.JSONDecodeError as exc:
            raise _invalid("not_json", line=exc.lineno, column=exc.colno) from None
        except RecursionError:
            raise _invalid("too_deep") from None
        if not isinstance(data, dict) or type(data.get("smlint-baseline")) is not int or \
                data["smlint-baseline"] != FORMAT:
            raise _invalid("no_format")
        findings = data.get("findings", [])
        if not isinstance(findings, list):
            raise _invalid("findings_not_list")
        entries = Counter()
        for number, entry in enumerate(findings, 1):
            if not isinstance(entry, dict):
                raise _invalid("entry_not_object", number=number)
            for name in ("file", "rule", "path"):
                if not isinstance(entry.get(name), str):
                    raise _invalid("entry_field", number=number, field=name)
            count = entry.get("count", 1)
            if type(count) is not int or count < 1:
                raise _invalid("entry_count", number=number)
            entries[(entry["file"], entry["rule"], entry["path"])] += count
        return cls(entries, path)

    def new_findings(self, findings, locations: Locations | None = None) -> tuple[list, int]:
        """The findings not in the baseline, and how many were hidden by it."""
        kept, hidden = [], 0
        for finding in findings:
            k = key(finding, locations)
            if self.used[k] < self.entries.get(k, 0):
                self.used[k] += 1
                hidden += 1
            else:
                kept.append(finding)
        return kept, hidden

    def stale(self, files: set[str] | None = None) -> int:
        """Entries (counted) that no finding matched, among the files that were checked."""
        return sum(count - self.used[k] for k, count in self.entries.items()
                   if count > self.used[k] and (files is None or k[0] in files))


def render(findings, locations: Locations | None = None) -> str:
    counts = Counter(key(f, locations) for f in findings)
    lines = [_entry({"file": f, "rule": r, "path": p, "count": n}) for (f, r, p), n in sorted(counts.items())]
    body = ",\n    ".join(lines)
    return ('{\n  "smlint-baseline": 1,\n  "findings": [\n    ' + body + "\n  ]\n}\n") if lines else \
        '{\n  "smlint-baseline": 1,\n  "findings": []\n}\n'


def _entry(entry: dict) -> str:
    """One entry as a JSON line; a file name that is not UTF-8 (its bytes kept as lone surrogates, as Python
    names such files) is written with \\u escapes, which read back to the same name."""
    import json

    line = json.dumps(entry, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(entry, ensure_ascii=True)
    return line
