"""The command line: ``smlint check``, ``maturity``, ``rules``, ``explain``, ``schema``.

Errors the command line itself finds (a bad option, a path that does not
exist, a configuration smlint cannot use) exit 2, in the user's language:
``--lang``, else the configuration's ``lang``, else English.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys

import click

from . import __version__
from .i18n import LANGUAGES, common
from .reporters import FORMATS

FAIL_ON = ("error", "warning", "info")


class SettingsError(click.ClickException):
    """A configuration or data file smlint cannot use: exit 2, with its location."""

    exit_code = 2


def _error_language(args) -> str:
    """The language for command-line errors, found before click has parsed anything."""
    args = list(args or [])
    path = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGUAGES:
            return args[index + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
        if arg == "--config" and index + 1 < len(args):
            path = args[index + 1]
        elif arg.startswith("--config="):
            path = arg[9:]
    from . import config
    from .datafile import DataFileError

    try:
        return config.load(path).config.lang or "en"
    except DataFileError:  # a configuration with an error: the language it sets, from a look at its text
        return config.written_language(path) or "en"


def _translate(text: str, lang: str) -> str:
    """Click's own English messages in the user's language (patterns are data, in messages.yaml)."""
    if lang == "en":
        return text
    for pattern, template in common("click", lang):
        text = re.sub(pattern, template, text)
    return text


class Group(click.Group):
    """The smlint group: click's errors shown in the user's language, with exit code 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if args is None:  # the real command line (tests pass their arguments): a process that lints and exits
            _short_lived()
        args = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            lang = _error_language(args)
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                click.echo(_translate(exc.ctx.get_usage(), lang), err=True)
                help_option = exc.ctx.help_option_names[0] if exc.ctx.help_option_names else "--help"
                click.echo(_translate(f"Try '{exc.ctx.command_path} {help_option}' for help.", lang), err=True)
                click.echo("", err=True)
            click.echo(f"{common('error', lang)}: {_translate(exc.format_message(), lang)}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo(common("aborted", _error_language(args)), err=True)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _codes(values) -> tuple[str, ...]:
    """``--select SM2,SM301 --select SM4`` -> ("SM2", "SM301", "SM4")."""
    out = []
    for value in values or ():
        out += [part.strip().upper() for part in value.split(",") if part.strip()]
    return tuple(out)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    lang = (ctx.params.get("lang") if ctx else None) or _error_language(sys.argv[1:])
    raise click.BadParameter(common("bad_date", lang).format(value=value))


def _config(path, lang):
    from . import config
    from .datafile import DataFileError

    try:
        return config.load(path, lang)
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None


def _options(loaded, *, select=(), extend_select=(), ignore=(), lang=None, today=None, channel_data=()):
    """Engine options: the command line over the configuration over the defaults."""
    from .engine import Options
    from .loader import MAX_FILE_BYTES

    cfg = loaded.config
    packs = loaded.rule_packs()
    default_select = ("SM",) + (_pack_codes(packs, lang or cfg.lang or "en") if packs else ())
    return Options(
        select=(_codes(select) or tuple(cfg.select or default_select)) + tuple(cfg.extend_select)
        + _codes(extend_select),
        ignore=tuple(cfg.ignore) + _codes(ignore),
        severities=dict(cfg.severity),
        lang=lang or cfg.lang,
        today=today or cfg.today or dt.date.today(),
        thresholds={code: dict(values) for code, values in cfg.thresholds.items()},
        max_bytes=cfg.max_file_size or MAX_FILE_BYTES,
        channel_data=loaded.channel_data() + tuple(channel_data),
        per_file_ignores=dict(cfg.per_file_ignores),
        base=str(loaded.base),
        rule_packs=packs,
        require_reason=bool(cfg.require_suppression_reason),
        config_file=loaded.file or "",
    )


def _pack_codes(packs, lang: str) -> tuple[str, ...]:
    """The codes of the configuration's rule packs: selected by default, like smlint's own."""
    from . import rulepacks
    from .datafile import DataFileError

    try:  # as prefixes (ZST, not ZST001), so that `--ignore ZST` wins over the default selection
        return tuple(sorted({rule.code.rstrip("0123456789") for rule in rulepacks.load(packs, lang)}))
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                             help="Configuration file (default: .smlint.yaml or [tool.smlint] in pyproject.toml).")
lang_option = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Message language (default: the configuration's, else the file's).")
channel_data_option = click.option(
    "--channel-data", "channel_data", multiple=True, type=click.Path(dir_okay=False), metavar="FILE",
    help="Your own channel figures (YAML, same shape as rules/channels.yaml), merged over smlint's.")


@click.group(name="smlint", cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="smlint")
def main() -> None:
    """smlint: a linter for social media strategies written as YAML."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding of this severity or worse is found (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are found (2 still means a usage error).")
@click.option("--select", multiple=True, help="Codes or prefixes to check (comma-separated), e.g. SM2,SM301.")
@click.option("--extend-select", multiple=True, help="Codes or prefixes to check on top of the selection.")
@click.option("--ignore", multiple=True, help="Codes or prefixes to leave out (comma-separated).")
@lang_option
@click.option("--today", callback=_date, default=None, metavar="YYYY-MM-DD",
              help="The date 'overdue' is judged against (default: today).")
@channel_data_option
@config_option
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no notes.")
@click.option("--statistics", is_flag=True, help="Count the findings per rule instead of listing them.")
@click.option("--stdin-filename", metavar="NAME", help="The name to report for a strategy read from standard input (-).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to lint with; 0: one per CPU core.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings not recorded in this baseline (default: the configuration's baseline).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record every finding of this run in FILE and report none.")
@click.option("--since", "since", metavar="REV",
              help="Report only findings on lines or values changed since the git revision REV.")
def check(paths, fmt, output, fail_on, exit_zero, select, extend_select, ignore, lang, today, channel_data,
          config_path, quiet, statistics, stdin_filename, jobs, baseline_path, write_baseline, since) -> None:
    """Lint strategy files, and folders of them (default: the current folder; - reads standard input)."""
    from .engine import SEVERITY_RANK
    from .reporters import Run, write

    loaded = _config(config_path, lang)
    options = _options(loaded, select=select, extend_select=extend_select, ignore=ignore, lang=lang, today=today,
                       channel_data=channel_data)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError(common("statistics_format", options.lang or "en"))
    files = _files(paths or (".",), options.lang, loaded.config.patterns, quiet)
    colour = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    run = Run(lang=options.lang, rules=_rule_entries(loaded) if fmt == "sarif" or statistics else {},
              version=__version__, colour=colour, quiet=quiet)
    results = _lint_files(files, options, stdin_filename, jobs)
    results = _narrow(results, files, options.lang, loaded, baseline_path, write_baseline, since, quiet)
    out = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
    try:
        if statistics:
            from .reporters import statistics as stats

            stats.write(run, results, out, fmt)
        else:
            write(fmt, run, results, out)
    finally:
        if output:
            out.close()
    fail_on = fail_on or loaded.config.fail_on or "warning"
    failing = any(run.summary[s] for s in SEVERITY_RANK if SEVERITY_RANK[s] >= SEVERITY_RANK[fail_on])
    sys.exit(1 if failing and not exit_zero else 0)


def _short_lived() -> None:
    """A run lints and exits: the objects made at start-up are never collected, and linting makes no cycles."""
    import gc

    gc.freeze()
    gc.disable()


def _narrow(results, files, lang, loaded, baseline_path, write_baseline, since, quiet):
    """The results with only what a baseline does not hold and, with --since, what changed."""
    if since is not None:  # an empty REV (an unset variable in CI) is an error, not "everything"
        from . import changes

        try:
            changes.prepare(files, since)
        except changes.SinceError as exc:
            raise SettingsError(common(exc.key, lang or "en").format(**exc.values)) from None
        results = changes.narrow(results, since)
    if write_baseline:  # never over a file the run reads (checked before anything is linted)
        from .baseline import BaselineError, describe, refuse_inputs

        try:
            refuse_inputs(write_baseline, [*files, loaded.file, *loaded.channel_data(), *loaded.rule_packs()])
        except BaselineError as exc:
            raise SettingsError(describe(exc, lang or "en")) from None
        return _writing_baseline(results, write_baseline, lang, quiet)
    baseline_path = baseline_path or loaded.baseline()
    if baseline_path:
        from .baseline import Baseline, BaselineError, describe

        try:
            baseline = Baseline.read(baseline_path)
        except BaselineError as exc:
            raise SettingsError(f"{baseline_path}: {describe(exc, lang or 'en')}") from None
        return _against_baseline(results, baseline, lang, quiet)
    return results


def _against_baseline(results, baseline, lang: str, quiet: bool):
    from .baseline import relative_file

    hidden, files, langs = 0, set(), set()
    for result in results:
        files.add(relative_file(result.file))
        langs.add(result.lang)
        result.findings, count = baseline.new_findings(result.findings)
        hidden += count
        yield result
    stale = baseline.stale(files)
    lang = langs.pop() if len(langs) == 1 and lang is None else lang or "en"
    if not quiet:
        if hidden:
            click.echo(common("baseline_hidden", lang).format(count=hidden, file=baseline.file), err=True)
        if stale:
            click.echo(common("baseline_stale", lang).format(count=stale, file=baseline.file), err=True)


def _writing_baseline(results, path: str, lang: str, quiet: bool):
    from . import baseline

    recorded, langs = [], set()
    for result in results:
        recorded += result.findings
        langs.add(result.lang)
        result.findings = []
        yield result
    lang = langs.pop() if len(langs) == 1 and lang is None else lang or "en"
    from .atomic import write_text

    try:
        write_text(path, baseline.render(recorded))
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror or exc}") from None
    if not quiet:
        click.echo(common("baseline_written", lang).format(count=len(recorded), file=path), err=True)


def _rule_entries(loaded=None) -> dict:
    """Every rule's catalogue entry: smlint's own, then those of the configuration's rule packs."""
    from .checks import implemented
    from .data import catalogue

    entries = {code: catalogue()[code] for code in implemented()}
    packs = loaded.rule_packs() if loaded is not None else ()
    if packs:
        from . import rulepacks

        lang = loaded.config.lang or "en"
        entries.update((rule.code, rule.entry()) for rule in rulepacks.load(packs, lang))
    return entries


def _files(paths, lang: str | None, patterns, quiet: bool) -> list[str]:
    """The strategy files the paths name, each once; a path that does not exist is a usage error."""
    from .discovery import DEFAULT_PATTERNS, discover

    patterns = tuple(patterns or DEFAULT_PATTERNS)
    files: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path == "-":
            found = ["-"]
        elif not os.path.lexists(path):
            raise click.UsageError(common("path_missing", lang or "en").format(path=path))
        else:
            found = discover(path, patterns)
        for file in found:
            if file not in seen:
                seen.add(file)
                files.append(file)
    if not files and not quiet:
        click.echo(common("no_files", lang or "en").format(paths=", ".join(paths), patterns=", ".join(patterns)),
                   err=True)
    return files


PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than it saves


def _lint_files(files, options, stdin_filename=None, jobs: int = 1, keep_context: bool = False):
    """FileResults in the order of ``files``, linted in ``jobs`` processes (0: one per core)."""
    linter = _linter(options)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and not keep_context and "-" not in files and len(files) >= max(PARALLEL_MIN_FILES, 2 * jobs):
        from . import parallel

        yield from parallel.lint(files, options, jobs)
        return
    for file in files:
        if file == "-":
            yield linter.lint_bytes(stdin_filename or "-", sys.stdin.buffer.read())
        else:
            yield linter.lint_path(file, keep_context)


def _linter(options):
    from .datafile import DataFileError
    from .engine import Linter

    try:
        return Linter(options)
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@lang_option
@click.option("--ignore", multiple=True,
              help="Codes or prefixes whose findings do not count against an objective being SMART.")
@channel_data_option
@config_option
def maturity(paths, fmt, lang, ignore, channel_data, config_path) -> None:
    """The growth-model stage of a strategy: evidence, what is missing, next steps."""
    from . import maturity as model
    from .engine import FATAL

    loaded = _config(config_path, lang)
    options = _options(loaded, ignore=ignore, lang=lang, channel_data=channel_data)
    files = _files(paths or (".",), options.lang, loaded.config.patterns, False)
    views = []
    for result in _lint_files(files, options, keep_context=True):
        fatal = [f for f in result.findings if f.rule in FATAL]
        if result.context is None or fatal:
            first = fatal[0] if fatal else result.findings[0]
            severity = common("severity", result.lang)[first.severity]
            views.append({"file": result.file, "error": f"{first.file}:{first.line}:{first.column}: {first.rule} "
                          f"{severity} {first.message}", "error_finding": first.as_dict(), "lang": result.lang})
            continue
        view = model.view(result.file, model.assess(result.context), options.lang or result.lang)
        views.append({**view, "lang": result.lang})
    languages = {view.get("lang", "en") for view in views}
    out_lang = options.lang or (languages.pop() if len(languages) == 1 else "en")
    if fmt == "json":
        from .reporters.maturity_json import render

        single = len(paths) == 1 and os.path.isfile(paths[0])
        sys.stdout.write(render(views, out_lang, single))
    else:
        from .reporters.maturity_text import render

        sys.stdout.write(render(views, out_lang) if views else "")
    sys.exit(1 if any(view.get("error") for view in views) else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@config_option
def rules(fmt, lang, config_path) -> None:
    """The rule catalogue, with every rule's documentation in JSON."""
    loaded = _config(config_path, lang)
    lang = lang or loaded.config.lang or "en"
    entries = _rule_entries(loaded)
    if fmt == "json":
        out = [
            {"code": code, "name": e["name"], "category": e["category"], "severity": e["severity"], "doc": e["doc"]}
            for code, e in entries.items()
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for code, e in entries.items():
        severity = common("severity", lang)[e["severity"]]
        category = common("categories", lang).get(e["category"], e["category"])  # a rule pack's own category as is
        click.echo(f"{code}  {severity:<12}  {category:<12}  {e['name']:<28}  {e['doc'][lang]['summary']}")


@main.command()
@click.argument("code")
@lang_option
@channel_data_option
@config_option
def explain(code, lang, channel_data, config_path) -> None:
    """One rule's documentation: what it checks, why, a bad and a good example."""
    import difflib

    loaded = _config(config_path, lang)
    lang = lang or loaded.config.lang or "en"
    entries = _rule_entries(loaded)
    code = code.strip().upper()
    if code not in entries:
        close = difflib.get_close_matches(code, list(entries), n=1, cutoff=0.5)
        key = "unknown_code_hint" if close else "unknown_code"
        raise click.UsageError(common(key, lang).format(code=code, hint=close[0] if close else ""))
    entry = entries[code]
    doc = entry["doc"][lang]
    heads = common("explain_heads", lang)
    kind = f"{common('categories', lang).get(entry['category'], entry['category'])}, " \
           f"{common('severity', lang)[entry['severity']]}"
    parts = [f"{code} {entry['name']} ({kind})", doc["summary"]]
    for head, text in ((heads[0], doc["what"]), (heads[1], doc["why"]), (heads[4], doc.get("data"))):
        if text:  # a rule pack's rule may document less than smlint's own
            parts += ["", f"## {head}", text]
    if entry.get("pack"):
        parts += ["", common("explain_pack", lang).format(file=entry["pack"])]
    if entry.get("channel_data"):
        parts += _data_sources(lang, tuple(channel_data))
    for head, text in ((heads[2], doc["bad"]), (heads[3], doc["good"])):
        if text:
            parts += ["", f"## {head}", "```yaml", text.rstrip(), "```"]
    click.echo("\n".join(parts))


def _data_sources(lang: str, files: tuple[str, ...]) -> list[str]:
    """The channel data's file(s) and sources, for `explain` of a rule that uses them."""
    from . import channeldata
    from .data import data_dir
    from .datafile import DataFileError

    try:
        data = channeldata.load(files, lang)
    except DataFileError as exc:
        raise SettingsError(str(exc)) from None
    words = common("explain_data", lang)
    lines = ["", words["files"], f"- {data_dir('rules') / 'channels.yaml'}"]
    lines += [f"- {file}" for file in files]
    lines += ["", words["sources"]]
    for key, source in sorted(data.sources.items()):
        details = [str(channeldata.in_language(source[k], lang)) for k in ("title", "year", "url") if source.get(k)]
        if source.get("denominator"):
            details.append(f"{words['denominator']}: {channeldata.in_language(source['denominator'], lang)}")
        lines.append(f"- {key}: {channeldata.in_language(source['cite'], lang)}" + (f" ({'; '.join(details)})" if details else ""))
    return lines


@main.command()
@click.argument("which", type=click.Choice(["strategy", "channel-data", "config", "rule-pack"]), default="strategy")
def schema(which) -> None:
    """Print the JSON Schema of a strategy file (or of a channel data file, the configuration or a rule pack)."""
    from .data import data_dir
    from .schema import SCHEMAS

    sys.stdout.write((data_dir("schemas") / SCHEMAS[which]).read_text(encoding="utf-8"))


@main.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only way).")
def server(stdio) -> None:
    """A language server (LSP over standard input and output): every rule in your editor while you type."""
    from .commands.server import run

    sys.exit(run())


# Commands in their own modules register themselves on `main` (smlint/commands/).
from .commands import calendar as _calendar_command  # noqa: E402,F401
from .commands import report as _report_command  # noqa: E402,F401
