"""`smlint explain CODE`: one rule's documentation: what it checks, why, a bad and a good example."""

from __future__ import annotations

import click

from ..i18n import common
from .base import SettingsError, channel_data_option, config_option, configuration, emit, lang_option, rule_entries

@click.command()
@click.argument("code")
@lang_option
@channel_data_option
@config_option
def explain(code, lang, channel_data, config_path) -> None:
    """One rule's documentation: what it checks, why, a bad and a good example."""
    import difflib

    loaded = configuration(config_path, lang)
    lang = lang or loaded.config.lang or "en"
    entries = rule_entries(loaded)
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
    if entry.get("fix"):
        parts += ["", f"## {common('explain_fix', lang)}", entry["fix"][lang]]
    for head, text in ((heads[2], doc["bad"]), (heads[3], doc["good"])):
        if text:
            parts += ["", f"## {head}", "```yaml", text.rstrip(), "```"]
    emit("\n".join(parts), lang)


def _data_sources(lang: str, files: tuple[str, ...]) -> list[str]:
    """The channel data's file(s) and sources, for `explain` of a rule that uses them."""
    from ..ruledata import channeldata
    from ..data import data_dir
    from ..load.datafile import DataFileError

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
