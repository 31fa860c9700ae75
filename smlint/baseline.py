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

from collections import Counter
from dataclasses import dataclass, field

from .loader import Mapping, Scalar, Sequence
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
    """A baseline file smlint cannot read: exit 2."""


@dataclass
class Baseline:
    entries: Counter = field(default_factory=Counter)  # key -> count
    file: str = ""
    used: Counter = field(default_factory=Counter)

    @classmethod
    def read(cls, path: str) -> Baseline:
        from .discovery import read
        from .i18n import message
        from .loader import FatalLoadError

        try:  # never waits on a FIFO nobody writes to, never reads more than the limit
            raw = read(path, 64 * 1024 * 1024)
        except OSError as exc:
            raise BaselineError(("baseline_unreadable", {"problem": exc.strerror or str(exc)})) from None
        except FatalLoadError as exc:
            problem = message("SM001", exc.problem.key, "en", exc.problem.args)
            raise BaselineError(("baseline_unreadable", {"problem": problem})) from None
        try:
            import json

            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("smlint-baseline") != FORMAT:
                raise ValueError("no \"smlint-baseline\": 1")
            entries = Counter()
            for entry in data.get("findings", []):
                count = entry.get("count", 1)
                if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                    raise ValueError(f"bad count in {entry!r:.80}")
                entries[(str(entry["file"]), str(entry["rule"]), str(entry["path"]))] += count
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise BaselineError(("baseline_invalid", {"problem": str(exc)[:200]})) from None
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
    import json

    counts = Counter(key(f, locations) for f in findings)
    lines = [json.dumps({"file": f, "rule": r, "path": p, "count": n}, ensure_ascii=False)
             for (f, r, p), n in sorted(counts.items())]
    body = ",\n    ".join(lines)
    return ('{\n  "smlint-baseline": 1,\n  "findings": [\n    ' + body + "\n  ]\n}\n") if lines else \
        '{\n  "smlint-baseline": 1,\n  "findings": []\n}\n'
