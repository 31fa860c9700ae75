"""From bytes to findings: load -> validate -> rule context -> rules -> findings.

Nothing here knows about the command line or output formats.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import field

from . import checks
from .ruledata import channeldata
from .classcache import dataclass
from .context import Report, RuleContext, Settings, longest_prefix_wins
from .data import catalogue
from .i18n import LANGUAGES, language_code, message, written_language
from .load.loader import (
    MAX_FILE_BYTES,
    FatalLoadError,
    LoadProblem,
    Mapping,
    Pointers,
    Scalar,
    Sequence,
    abbreviate,
    find,
    load_bytes,
    position,
)
from .baseline import stable_path
from .suppressions import read as read_suppressions
from .load.validate import validate

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    rule: str
    severity: str
    category: str
    message: str
    path: str
    fixable: bool = False  # a safe fix exists (`smlint fix` repairs it)
    end_column: int | None = None  # just past the key or scalar the finding points at, on its line (SARIF regions)
    stable_path: str = ""  # ``path`` with list items named by their id: what baselines and fingerprints key on
    fix: object = field(default=None, compare=False, repr=False)  # fixes.Resolved, when the rule can repair it

    def sort_key(self):
        return (self.file, self.line, self.column, self.rule, self.path, self.message)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "fixable": self.fixable,
        }


@dataclass
class Options:
    select: tuple[str, ...] = ("SM",)
    ignore: tuple[str, ...] = ()
    severities: dict = field(default_factory=dict)  # code -> severity
    lang: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    thresholds: dict = field(default_factory=dict)  # rule options by code: {"SM301": {"min-reach": 20}}
    max_bytes: int = MAX_FILE_BYTES
    channel_data: tuple[str, ...] = ()  # the user's channel data files, merged over rules/channels.yaml
    per_file_ignores: dict = field(default_factory=dict)  # glob -> codes, globs relative to ``base``
    base: str | None = None  # the configuration's folder
    rule_packs: tuple[str, ...] = ()  # the organisation's own rules (YAML files), see rulepacks.py
    require_reason: bool = False  # every suppression says why (SM010)
    config_file: str = ""  # where per-file-ignores come from, for SM009/SM010 messages

    def ignore_for(self, file: str, notes: list | None = None) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        from .load.discovery import ignored_for

        return ignored_for(file, self.per_file_ignores, self.base, self.today, notes)

    def enabled(self, code: str, extra_ignore: tuple[str, ...] = ()) -> bool:
        """The longest matching prefix decides; on a tie, ignore wins."""
        return longest_prefix_wins(code, self.select, self.ignore + extra_ignore)

    def severity(self, code: str) -> str:
        return self.severities.get(code) or catalogue()[code]["severity"]


@dataclass
class FileResult:
    file: str
    findings: list[Finding]
    lang: str
    context: RuleContext | None = None  # None when the file could not be read


def _token_end(root, path: str, line: int, column: int) -> int | None:
    """The column just past the key or scalar at line:column that ``path`` leads to; None when not on one line."""
    if not path:
        return None
    node, holder = find(root, path)
    candidates = [holder, node]
    if isinstance(node, Mapping) and node.items:
        candidates.append(next(iter(node.items.values()))[0])
    for candidate in candidates:
        if isinstance(candidate, Scalar) and (candidate.line, candidate.column) == (line, column):
            if "\n" in candidate.raw or not candidate.raw:
                return None
            return column + len(candidate.raw) + (0 if candidate.plain else 2)  # a quoted key: its quotes too
    return None


def file_language(root, options: Options) -> str:
    if options.lang:
        return options.lang
    organisation = root.get("organisation") if isinstance(root, Mapping) else None
    languages = organisation.get("languages") if isinstance(organisation, Mapping) else None
    if isinstance(languages, Sequence) and languages.children:
        first = languages.children[0]
        code = language_code(first.value) if isinstance(first, Scalar) else None
        if code in LANGUAGES:
            return code  # codes in any case, and written out: "NL", "nl-BE", "Nederlands" (SPEC section 8, SM305)
    return "en"


class Linter:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.codes = [code for code in checks.modules() if options.enabled(code)]
        self._fixers: dict = {}  # code -> its module's fix(ctx, report), or None
        # a channel data file smlint cannot use raises DataFileError here: a usage error, before any file is linted
        data = channeldata.load(tuple(options.channel_data), options.lang or "en")
        self.settings = Settings(today=options.today, lang=options.lang, thresholds=options.thresholds,
                                 channel_data=data, select=tuple(options.select), ignore=tuple(options.ignore))
        self.pack_rules = ()
        if options.rule_packs:  # a bad pack raises DataFileError here too: a usage error
            from . import rulepacks

            self.pack_rules = tuple(rule for rule in rulepacks.load(options.rule_packs, options.lang or "en")
                                    if options.enabled(rule.code))

    def _fix(self, ctx, code: str, key: str, args: dict, path: str):
        """The rule's proposed fix for one finding (its module's ``fix(ctx, report)``), or None."""
        if ctx is None:
            return None
        if code not in self._fixers:
            module = checks.load(code) if code in checks.modules() else None
            self._fixers[code] = getattr(module, "fix", None)
        fixer = self._fixers[code]
        return fixer(ctx, Report(code, path, key, args)) if fixer else None

    def _finding(self, file: str, code: str, key: str, args: dict, line: int, column: int, path: str, lang: str,
                 ctx=None, root=None):
        entry = catalogue()[code]
        return Finding(
            file=file,
            line=max(1, line),
            column=max(1, column),
            rule=code,
            severity=self.options.severity(code),
            category=entry["category"],
            message=message(code, key, lang, args),
            path=path,
            end_column=_token_end(root, path, line, column) if root is not None else None,
            stable_path=stable_path(root, path) if root is not None and "/" in path[1:] else "",
            fix=self._fix(ctx, code, key, args, path),
        )

    def _from_problem(self, file: str, problem: LoadProblem, lang: str, root=None, ctx=None,
                      pointers: Pointers | None = None) -> Finding:
        path = pointers.of_problem(problem) if pointers is not None else problem.path
        return self._finding(file, problem.code, problem.key, problem.args, problem.line, problem.column, path, lang,
                             ctx, root)

    def lint_bytes(self, file: str, data: bytes) -> FileResult:
        options = self.options
        try:
            loaded = load_bytes(data, max_bytes=options.max_bytes)
        except FatalLoadError as exc:  # the file's language from a look at its text (`languages: [nl]`)
            lang = options.lang or written_language(data[: 1 << 20].decode("utf-8", "replace"), "languages")
            return FileResult(file, self._fatal(file, exc.problem, lang or "en"), lang or "en")
        root = loaded.root
        lang = file_language(root, options)
        version = root.items.get("version")
        if version is not None:
            value = version[1].value if isinstance(version[1], Scalar) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value != 1:
                shown = value if value - value == 0 else abbreviate(version[1].raw)  # not 1e400 read as inf
                problem = LoadProblem("SM006", "unsupported", version[0].line, version[0].column, {"value": shown}, "/version")
                return FileResult(file, self._fatal(file, problem, lang), lang)
        per_file_notes: list = []
        extra = options.ignore_for(file, per_file_notes)

        def enabled(code: str) -> bool:
            return options.enabled(code, extra)

        doc, problems, paths = validate(root)
        settings = dataclasses.replace(self.settings, ignore=self.settings.ignore + extra) if extra else self.settings
        suppressions = read_suppressions(loaded, options.today)
        ctx = RuleContext(doc, root, paths, settings, lang, suppressions)
        pointers = Pointers(root)  # walked only when a path is looked up by line or by mapping
        findings = [self._from_problem(file, p, lang, root, ctx, pointers) for p in loaded.problems + problems
                    if enabled(p.code)]
        for code in self.codes:
            if extra and not enabled(code):
                continue
            for report in ctx.reports_of(code):
                findings.append(self._place(file, report, root, lang, ctx))
        if self.pack_rules:
            findings += self._pack_findings(file, root, lang, enabled)
        if suppressions:
            findings = [f for f in findings if not suppressions.suppresses(f.rule, f.line)]
            if enabled("SM008"):
                findings += self._unused(file, suppressions, pointers, lang, enabled)
        if suppressions or per_file_notes:
            findings += self._suppression_notes(file, suppressions, per_file_notes, pointers, lang, enabled)
        findings = [dataclasses.replace(f, stable_path=stable_path(root, f.path)) if "/" in f.path[1:] and
                    not f.stable_path else f for f in findings]  # those placed without the tree (suppressions, packs)
        findings.sort(key=Finding.sort_key)
        if any(f.fix is not None for f in findings):
            from .fixes import attach

            findings = attach(findings, loaded.text)
        return FileResult(file, findings, lang, ctx)

    def _pack_findings(self, file: str, root, lang: str, enabled) -> list[Finding]:
        """The findings of the organisation's own rules (rule packs), placed like smlint's own."""
        from .rulepacks import CATEGORY, Document, evaluate, period_of

        document = Document(root)
        period = period_of(root)
        out = []
        for rule in self.pack_rules:
            if not enabled(rule.code):
                continue
            for hit in evaluate(rule, document, period):
                line, column = position(root, hit.pointer)
                out.append(Finding(file=file, line=max(1, line), column=max(1, column), rule=rule.code,
                                   severity=self.options.severities.get(rule.code) or rule.severity,
                                   category=CATEGORY, message=rule.text(lang, hit.values), path=hit.pointer))
        return out

    def _unused(self, file: str, suppressions, pointers: Pointers, lang: str, enabled) -> list[Finding]:
        """SM008 for each code or prefix of a suppression that suppressed nothing."""
        from difflib import get_close_matches

        known = checks.implemented() + [rule.code for rule in self.pack_rules]

        def ran(token: str) -> bool:  # an unknown code is always reported; a known one only when its rules ran
            matching = [code for code in known if code.startswith(token)]
            return not matching or any(enabled(code) for code in matching)

        out = []
        for directive, token in suppressions.unused(ran):
            path = pointers.key_on_line(directive.line)
            if token == "*":
                key, args = "unused_all", {"kind": directive.kind}
            elif any(code.startswith(token) for code in known):
                key, args = "unused", {"kind": directive.kind, "code": token}
            else:
                close = get_close_matches(token, known, n=1, cutoff=0.6)
                key, args = "unknown_code", {"kind": directive.kind, "code": token, "hint": close[0] if close else "SM205"}
            out.append(self._finding(file, "SM008", key, args, directive.line, directive.column, path, lang))
        return out

    def _suppression_notes(self, file: str, suppressions, per_file_notes, pointers: Pointers, lang: str,
                           enabled) -> list[Finding]:
        """SM009 for a suppression past its `until`, SM010 for one without the reason the configuration asks for."""
        out = []
        options = self.options

        def reason(text):
            return message("SM009", "reason", lang, {"reason": text}) if text else ""

        for directive in suppressions.expired if enabled("SM009") else ():
            key, args = ("bad_until", {"value": directive.bad_until}) if directive.bad_until else \
                ("expired", {"until": directive.until, "reason": reason(directive.reason)})
            out.append(self._finding(file, "SM009", key, args, directive.line, directive.column,
                                     pointers.key_on_line(directive.line), lang))
        if options.require_reason and enabled("SM010"):
            for directive in suppressions.directives:
                if not directive.reason:
                    out.append(self._finding(file, "SM010", "no_reason", {}, directive.line, directive.column,
                                             pointers.key_on_line(directive.line), lang))
        config = options.config_file or ".smlint.yaml"
        for glob, entry in per_file_notes:
            if entry is not None and entry.until is not None and entry.until < options.today and enabled("SM009"):
                out.append(self._finding(file, "SM009", "expired_config", {
                    "glob": glob, "config": config, "until": entry.until, "reason": reason(entry.reason)}, 1, 1, "",
                    lang))
            if options.require_reason and (entry is None or not entry.reason) and enabled("SM010"):
                out.append(self._finding(file, "SM010", "no_reason_config", {"glob": glob, "config": config}, 1, 1,
                                         "", lang))
        return out

    def _fatal(self, file: str, problem: LoadProblem, lang: str) -> list[Finding]:
        """SM001 or SM006, whatever the selection: a file that could not be checked is never clean."""
        return [self._from_problem(file, problem, lang)]

    def _place(self, file: str, report: Report, root, lang: str, ctx=None) -> Finding:
        if report.line is not None:
            line, column = report.line, report.column or 1
        else:
            line, column = position(root, report.path)
        return self._finding(file, report.code, report.key, report.args, line, column, report.path, lang, ctx, root)

    def lint_path(self, file: str, keep_context: bool = False) -> FileResult:
        """Read and lint one file; an unreadable one is SM001. Without ``keep_context`` only the findings are kept."""
        from .load.discovery import Special, read

        if isinstance(file, Special):  # met while searching a folder: a FIFO or a device is never opened
            return self._not_read(file, LoadProblem("SM001", "not_regular", 1, 1))
        result = self._read_and_lint(file, read, file)
        if not keep_context:
            result.context = None  # a document's tree and models: not held while other files are linted
        return result

    def lint_stream(self, file: str, stream) -> FileResult:
        """Read a binary stream (standard input) up to the size limit and lint it."""
        from .load.discovery import read_stream

        return self._read_and_lint(file, read_stream, stream)

    def _read_and_lint(self, file: str, read, source) -> FileResult:
        try:
            data = read(source, self.options.max_bytes)
        except OSError as exc:
            return self.unreadable(file, exc.strerror or str(exc))
        except FatalLoadError as exc:  # too large, or a FIFO nobody writes to
            return self._not_read(file, exc.problem)
        return self.lint_bytes(file, data)

    def unreadable(self, file: str, problem: str) -> FileResult:
        return self._not_read(file, LoadProblem("SM001", "unreadable", 1, 1, {"problem": problem}))

    def _not_read(self, file: str, problem: LoadProblem) -> FileResult:
        lang = self.options.lang or "en"
        return FileResult(file, self._fatal(file, problem, lang), lang)
