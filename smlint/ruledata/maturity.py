"""The growth model: at which of four stages the strategy stands, and why.

SPEC sections 6 and 7. The stages, criteria and texts are data
(``rules/maturity.yaml``); this module judges each criterion on the rule
context, evidence from the document first and declared practices where a
document cannot show it. Stages are cumulative: the highest stage whose
criteria, and all lower stages' criteria, hold.
"""

from __future__ import annotations

from functools import lru_cache

from ..classcache import dataclass
from ..data import read_yaml
from ..i18n import format_date
from ..language.smart import has_kpi

SMART_CODES = ("SM201", "SM202", "SM203", "SM204", "SM205", "SM206", "SM207", "SM208")
STEP_CODES = ("SM101", "SM103", "SM104", "SM105", "SM106")
TOP = 4


@lru_cache(maxsize=None)
def model() -> dict:
    return read_yaml("maturity.yaml")


@dataclass(frozen=True)
class Criterion:
    id: str
    stage: int
    met: bool
    detail: str = ""  # what the text names: the channels without an audience, the tool, ...

    def text(self, lang: str) -> str:
        entry = model()["criteria"][self.id]
        return entry["met" if self.met else "missing"][lang].format(detail=self.detail)

    def label(self, lang: str) -> str:
        return model()["criteria"][self.id]["label"][lang]

    def step(self, lang: str) -> str:
        return model()["criteria"][self.id]["step"][lang]


@dataclass(frozen=True)
class Assessment:
    stage: int
    declared: int | None
    criteria: tuple[Criterion, ...]

    def name(self, lang: str, stage: int | None = None) -> str:
        return model()["stages"][stage or self.stage]["name"][lang]

    @property
    def met(self) -> list[Criterion]:
        return [c for c in self.criteria if c.met]

    def unmet(self, up_to: int) -> list[Criterion]:
        """What stands between the evidenced stage and stage ``up_to``."""
        return [c for c in self.criteria if not c.met and self.stage < c.stage <= up_to]

    @property
    def missing(self) -> list[Criterion]:
        """What the next stage still needs."""
        return self.unmet(self.stage + 1)

    def next_steps(self, lang: str) -> list[str]:
        if self.stage >= TOP:
            return [model()["top"][lang]]
        return [c.step(lang) for c in self.missing]


def _list(items, lang: str) -> str:
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + {"en": " and ", "nl": " en "}[lang] + items[-1]


def _counted(entry: dict, ids: list[str], lang: str) -> str:
    """A [one, several] phrase from the words, with the ids filled in."""
    return entry[lang][0 if len(ids) == 1 else 1].format(ids=_list(ids, lang))


def _smart_failures(ctx, codes=SMART_CODES) -> dict[str, list[str]]:
    """The SM201-SM208 codes (or ``codes``) that count against each objective, by the objective's path."""
    failures: dict[str, list[str]] = {}
    paths = {ctx.path(o): o for o in ctx.doc.objectives}
    for code in codes:
        for report in ctx.reports_of(code):
            if not ctx.counts(report):
                continue
            owner = "/".join(report.path.split("/")[:3])  # /objectives/1/statement -> /objectives/1
            if owner in paths:
                failures.setdefault(owner, []).append(code)
    return failures


def _experts(ctx, declared: bool) -> tuple[bool, str]:
    """Trained experts, shown by the team (``expert: true``, or ``trained`` on or before today), else declared."""
    lang = ctx.lang
    words = model()["words"]
    shown, planned = [], []
    for member in ctx.doc.team:
        trained = getattr(member, "trained", None)
        if trained is not None and trained > ctx.today:
            planned.append(words["planned"][lang].format(id=member.id or "?", date=format_date(trained, lang)))
        elif trained is not None:
            shown.append(words["trained_on"][lang].format(id=member.id or "?", date=format_date(trained, lang)))
        elif getattr(member, "expert", None) is True:
            shown.append(member.id or "?")
    if shown:
        return True, _list(shown, lang)
    if declared:
        return True, words["declared"][lang]
    return False, words["planning"][lang].format(items=_list(planned, lang)) if planned else ""


def assess(ctx) -> Assessment:
    """The stage the document supports (cached per file)."""
    if "maturity" in ctx.cache:
        return ctx.cache["maturity"]
    lang = ctx.lang
    doc = ctx.doc
    words = model()["words"]
    practices = doc.maturity.practices if doc.maturity else None

    def declared(name):
        return getattr(practices, name, None) if practices is not None else None

    criteria: list[Criterion] = []

    def judge(cid: str, met: bool, detail: str = "") -> None:
        criteria.append(Criterion(cid, model()["criteria"][cid]["stage"], bool(met), detail))

    # stage 2
    judge("plan_in_progress", declared("plan_in_progress") is True or doc.audiences or doc.objectives)
    # stage 3
    missing_steps = [code for code in STEP_CODES if ctx.reports_of(code)]
    judge("written_strategy", not missing_steps,
          _list([words["steps"][code][lang] for code in missing_steps], lang) + (
              words["missing_one"][lang] if len(missing_steps) == 1 else words["missing_many"][lang]))
    vague = _smart_failures(ctx, ("SM205",))
    unclear = list(dict.fromkeys(o.id or "?" for o in doc.objectives if ctx.path(o) in vague))
    judge("objectives_defined", doc.objectives and not unclear,
          words["no_objectives"][lang] if not doc.objectives else _counted(words["vague"], unclear, lang))
    channel_ids = list(ctx.live_channels)  # paused and archived channels are kept for the record only
    islands = [cid for cid, channel in ctx.live_channels.items() if not channel.audiences]
    judge("channels_serve_audiences", channel_ids and not islands,
          words["no_channels"][lang] if not channel_ids else _counted(words["channels_without"], islands, lang))
    uncovered = ctx.uncovered_channels
    roleless = [m.id or "?" for m in doc.team if not m.role]
    shown = bool(doc.team) and not uncovered and not roleless
    if not doc.team:
        detail = words["no_team"][lang]
    elif uncovered:
        detail = _counted(words["uncovered"], uncovered, lang)
    else:
        detail = _counted(words["roleless"], roleless, lang)
    judge("team_roles", shown or (declared("team_roles") is True and not uncovered), detail)
    judge("experts_trained", *_experts(ctx, declared("experts_trained") is True))
    # stage 4
    media = declared("integrated_media") or []
    judge("integrated_media", bool(media), ", ".join(media))
    tool = declared("measurement_tool")
    judge("measurement_tool", bool(tool and str(tool).strip()), tool or "")
    cadence = declared("reporting_cadence")
    judge("reporting_cadence", bool(cadence), words["reporting"].get(cadence, {}).get(lang, cadence or ""))
    without_kpi = [o.id or "?" for o in doc.objectives if not has_kpi(ctx, o)]
    judge("kpis", doc.objectives and not without_kpi,
          words["no_objectives"][lang] if not doc.objectives else _list(without_kpi, lang))
    failures = _smart_failures(ctx)
    not_smart = [f"{o.id or '?'} ({', '.join(failures[ctx.path(o)])})" for o in doc.objectives if ctx.path(o) in failures]
    judge("all_smart", doc.objectives and not not_smart,
          words["no_objectives"][lang] if not doc.objectives else _list(not_smart, lang))
    judge("org_wide_team", declared("org_wide_team") is True)
    judge("cross_department", declared("cross_department") is True)

    stage = 1
    for candidate in range(2, TOP + 1):
        if not all(c.met for c in criteria if c.stage == candidate):
            break
        stage = candidate
    result = Assessment(stage, doc.maturity.declared_stage if doc.maturity else None, tuple(criteria))
    ctx.cache["maturity"] = result
    return result


def as_dict(file: str, assessment: Assessment, lang: str) -> dict:
    """SPEC section 4's shape for ``smlint maturity --format json``."""
    return {
        "file": file,
        "stage": assessment.stage,
        "name": assessment.name(lang),
        "declared_stage": assessment.declared,
        "met": [{"criterion": c.id, "text": c.text(lang)} for c in assessment.met],
        "missing": [{"criterion": c.id, "text": c.text(lang)} for c in assessment.missing],
        "next_steps": assessment.next_steps(lang),
    }


def view(file: str, assessment: Assessment, lang: str) -> dict:
    """Everything the text report prints: the JSON shape plus the names a reader needs."""
    other = "en" if lang == "nl" else "nl"
    out = as_dict(file, assessment, lang)
    out["other_name"] = assessment.name(other)
    out["summary"] = model()["stages"][assessment.stage]["summary"][lang]
    out["declared_name"] = assessment.name(lang, assessment.declared) if assessment.declared else None
    out["next_stage"] = assessment.stage + 1 if assessment.stage < TOP else None
    out["next_name"] = assessment.name(lang, assessment.stage + 1) if assessment.stage < TOP else None
    return out
