"""The edits behind the server's code actions, as (start, end, new text) on the document's text.

- Suppress on this line: ``# smlint: disable=CODE`` at the end of the line the
  finding is reported on, or the code added to the directive already there.
  When a comment at the end of that line would change the document (inside a
  multi-line scalar, or after a comment that already holds another
  directive), ``# smlint: disable-next-line=CODE`` goes on its own line above
  instead. Every edit is checked before it is offered: the document's data
  must stay the same and the finding must be suppressed.
- Fixes: the text ``smlint fix`` would write, asked of the fix machinery
  through :func:`fixed_text`, turned into the smallest edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.loader import FatalLoadError, load_text, to_python
from ..suppressions import Suppressions, parse
from .session import Linted

# a directive on the line: its codes (smlint's or a rule pack's), before any reason="..." or until=...
_DISABLE = re.compile(r"#\s*smlint\s*:\s*disable\s*=\s*([A-Za-z][A-Za-z0-9]*(?:\s*,\s*[A-Za-z][A-Za-z0-9]*)*)",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the document's text
    end: int
    new: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


def _data(text: str):
    try:
        loaded = load_text(text)
    except FatalLoadError:
        return FatalLoadError
    return to_python(loaded.root)


def _suppressed(text: str, code: str, line: int) -> bool:
    return Suppressions(parse(text)).suppresses(code, line, mark=False)


def _newline(text: str) -> str:
    match = re.search(r"\r\n|\r|\n", text)
    return match.group(0) if match else "\n"


def suppress_edit(linted: Linted, finding) -> Edit | None:
    """The edit that suppresses ``finding`` on its line, or None when no safe edit exists."""
    index, text, code = linted.index, linted.text, finding.rule
    number = index.lsp_position(index.offset(finding.line, finding.column))[0]
    start, end = index.lsp_starts[number], index.lsp_ends[number]
    line = text[start:end]
    if "data" not in linted.extra:  # parsed once per lint, however many findings ask
        linted.extra["data"] = _data(text)
    before = linted.extra["data"]
    if before is FatalLoadError:
        return None  # a file that does not parse: its SM001 cannot be suppressed
    candidates = []
    existing = _DISABLE.search(line)
    if existing:
        candidates.append((Edit(start + existing.end(1), start + existing.end(1), f",{code}"), finding.line))
    stripped = line.rstrip()
    candidates.append((Edit(start + len(stripped), end, f"  # smlint: disable={code}"), finding.line))
    indent = line[: len(line) - len(line.lstrip(" "))]
    above = f"{indent}# smlint: disable-next-line={code}{_newline(text)}"
    candidates.append((Edit(start, start, above), finding.line + 1))
    for edit, target in candidates:
        after = edit.apply(text)
        if _data(after) == before and _suppressed(after, code, target):
            return edit
    return None


def fixed_text(linted: Linted, findings) -> str | None:
    """The document's text with the safe fixes for ``findings`` applied, or None when nothing can be fixed.

    This is the one place the server asks the fix machinery for fixes: ``smlint.fixes.repair``, as
    ``smlint fix`` does (round by round, linting again, refusing a fix that would add a structural finding).
    """
    try:
        from ..fixes import repair
    except ImportError:  # a smlint without `smlint fix`: suppressing is the only action
        return None
    if linted.result is None or linted.configured is None or not findings:
        return None
    linter = linted.configured.fix_linter()
    file = linted.path or linted.uri
    wanted = {(f.rule, f.path) for f in findings}
    outcome = repair(lambda data: linter.lint_bytes(file, data), file, linted.text.encode("utf-8", "surrogatepass"),
                     choose=lambda f: (f.rule, f.path) in wanted)
    return outcome.fixed.decode("utf-8") if outcome.changed else None


def describe(finding) -> str:
    """What a finding's fix changes (`1.200` -> `1200`), else its message."""
    describe = getattr(getattr(finding, "fix", None), "describe", None)
    return describe() if callable(describe) else finding.message


def minimal_edit(old: str, new: str) -> Edit | None:
    """One edit that turns ``old`` into ``new``: the span between their common start and end."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    if 0 < start and old[start - 1] == "\r" and old[start:start + 1] == "\n":
        start -= 1  # never between CR and LF: the protocol has no position there
    if end_old < len(old) and old[end_old - 1:end_old + 1] == "\r\n":
        end_old, end_new = end_old + 1, end_new + 1
    return Edit(start, end_old, new[start:end_new])


def edits_between(old: str, new: str) -> list[Edit]:
    """Edits that turn ``old`` into ``new``, one per changed region (lines compared first, then characters)."""
    import difflib

    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_starts = [0]
    for line in old_lines:
        old_starts.append(old_starts[-1] + len(line))
    out = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edit = minimal_edit("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2]))
        if edit is not None:
            base = old_starts[i1]
            out.append(Edit(base + edit.start, base + edit.end, edit.new))
    return out
