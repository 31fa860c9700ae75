"""``smlint maturity`` as text: the stage, what is met and missing, the next steps."""

from __future__ import annotations

from ..i18n import common
from .files import shown


def render_one(view: dict, lang: str) -> str:
    words = common("maturity", lang)
    lines = [shown(view["file"])]
    if view.get("error"):
        return "\n".join([*lines, f"  {view['error']}", f"  {words['no_stage']}"])
    lines.append("  " + words["stage"].format(stage=view["stage"], name=view["name"], other=view["other_name"]))
    lines.append("  " + words["means"].format(summary=view["summary"]))
    if view["declared_stage"] is not None:
        lines.append("  " + words["declared"].format(stage=view["declared_stage"], name=view["declared_name"]))
    if view["met"]:
        lines += ["", f"  {words['met']}"] + [f"    [x] {item['text']}" for item in view["met"]]
    if view["missing"]:
        lines += ["", "  " + words["missing"].format(stage=view["next_stage"], name=view["next_name"])]
        lines += [f"    [ ] {item['text']}" for item in view["missing"]]
    lines += ["", f"  {words['next_steps']}"]
    lines += [f"    {number}. {step}" for number, step in enumerate(view["next_steps"], 1)]
    return "\n".join(lines)


def render(views: list[dict], lang: str) -> str:
    return "\n\n".join(render_one(view, lang) for view in views) + "\n"
