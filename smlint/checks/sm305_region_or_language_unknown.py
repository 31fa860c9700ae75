"""SM305: a region without channel figures, or a region or language written out.

The channel rules judge reach with the figures of the organisation's
``region``. A region the channel data has no figures for (``be``, ``uk``,
``au``) falls back on other figures (the US ones, through ``global``); this
rule says so, naming the figures used and the regions that have their own.
A region or language written out in words ("Nederland", "Nederlands",
"Dutch") is read as the code it names, and the rule suggests writing the
code. Codes are read in any case (``NL``, ``nl-BE``), without a finding.
No region at all, or ``global`` on purpose, is not reported. Points at the
value.
Fails: ``region: be``; ``languages: [Nederlands]``. Passes: ``region: NL``,
``languages: [nl, en]``.
"""

from __future__ import annotations

from ..i18n import is_language_tag, language_code

CODE = "SM305"


def _figures(ctx, fallback: str) -> str:
    """'the figures for the US (Pew Research Center)'."""
    data = ctx.channel_data
    cites: list[str] = []
    for entry in data.platforms.values():
        figure = (((entry or {}).get("reach") or {}).get(fallback) or {}).get("all") or {}
        refs = figure.get("source") or []
        for ref in refs if isinstance(refs, list) else [refs]:
            cite = (data.sources.get(ref) or {}).get("cite", ref)
            if cite not in cites:
                cites.append(cite)
    name, _ = data.region_words(fallback, ctx.lang)
    return ctx.word(CODE, "figures", region=name, sources=", ".join(sorted(cites)) or "-")


def check(ctx):
    organisation = ctx.doc.organisation
    if organisation is None:
        return
    data = ctx.channel_data
    with_figures = sorted(code for code, entry in data.regions.items() if not (entry or {}).get("fallback"))
    region = organisation.region
    if isinstance(region, str) and region.strip():
        path = f"{ctx.path(organisation)}/region"
        code = data.region_code(region)
        if code is None:
            used = data.region(region)
            yield ctx.report(CODE, path, "no_data", region=region.strip(), figures=_figures(ctx, used) if used else "-",
                             regions=", ".join(with_figures))
        elif code != region.strip().lower():
            yield ctx.report(CODE, path, "region_words", region=region.strip(), suggestion=code)
    for index, value in enumerate(organisation.languages or []):
        code = language_code(value)
        if code is not None and not is_language_tag(value):
            yield ctx.report(CODE, f"{ctx.path(organisation)}/languages/{index}", "language_words",
                             language=value.strip(), suggestion=code)
