"""The strategy file format, version 1, as pydantic models.

These models are the source of truth: ``schemas/strategy.schema.json`` is
generated from them (``python -m smlint.load.schema --write``) and a test fails
when the committed schema drifts. Keys starting with ``x-`` are extensions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .convert import (
    AGE_PATTERN,
    DATE_PATTERN,
    PERCENT_PATTERN,
    PRACTICE_WORD_PATTERN,
    RELATIVE_TARGET_PATTERN,
    SLUG_PATTERN,
)
from .convert import age as _age
from .convert import iso_date as _iso_date
from .convert import percent as _percent
from .convert import plain_number as _plain_number
from .convert import truthy as _truthy

SUPPORTED_VERSIONS = (1,)


def _section_schema(schema: dict, cls) -> None:
    """Every mapping's JSON Schema: ``x-`` keys are extensions, and an optional key may be written without a value.

    ``audiences:`` with nothing after it is read as no audiences (validate.py), so a half-written
    strategy gets the completeness advice (SM101) rather than a type error; the editor agrees.
    An optional key has no ``default`` in the schema: the YAML language server would insert it
    (``null``) on completion, where an empty placeholder is what a user wants.
    """
    schema["patternProperties"] = {"^x-": {}}
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        if name in required:
            continue
        if prop.get("default", ...) is None:
            del prop["default"]
        if "anyOf" in prop:
            if {"type": "null"} not in prop["anyOf"]:
                prop["anyOf"].append({"type": "null"})
        elif isinstance(prop.get("type"), str) and "const" not in prop and "enum" not in prop:
            prop["type"] = [prop["type"], "null"]  # the language server completes by the first type: a list stays a list
        else:
            annotations = {k: prop.pop(k) for k in ("title", "description", "examples") if k in prop}
            schema["properties"][name] = {**annotations, "anyOf": [dict(prop), {"type": "null"}]}


def _text(pattern: str, explained: str):
    """Text of a pattern, with what the YAML language server says instead of the pattern when it does not match."""
    return Annotated[str, StringConstraints(pattern=pattern), Field(json_schema_extra={"patternErrorMessage": explained})]


Slug = _text(SLUG_PATTERN, "An id: lowercase letters, digits, - and _, e.g. young-families.")
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date, json_schema_input_type=Annotated[
        str, Field(json_schema_extra={"format": "date", "pattern": DATE_PATTERN,
                                      "patternErrorMessage": "A date as YYYY-MM-DD that exists, e.g. 2027-12-31."})]),
]


def _whole(**bounds):
    """An integer, written as a number (never "12" or true)."""
    return Annotated[int, Field(**bounds), BeforeValidator(_plain_number)]


Count = _whole(ge=0)
Number = Annotated[float, Field(allow_inf_nan=False), BeforeValidator(_plain_number)]
Share = Annotated[
    float,
    Field(ge=0, le=100),
    BeforeValidator(_percent, json_schema_input_type=Annotated[float, Field(ge=0, le=100)]
                    | _text(PERCENT_PATTERN, 'A percentage from 0 to 100: 40 or "40%".')),
]
Practice = Annotated[
    bool, BeforeValidator(_truthy, json_schema_input_type=bool | Literal["ja", "nee", "yes", "no"]
                          | _text(PRACTICE_WORD_PATTERN, "true or false; ja/nee and yes/no also work."))
]
RelativeTarget = _text(RELATIVE_TARGET_PATTERN, 'A number, or a change relative to the baseline: "+10%" or "-20%".')


class Section(BaseModel):
    """Base of every mapping in the file: unknown keys are SM007, x- keys extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_section_schema)


class Organisation(Section):
    """Who the strategy is for."""

    name: str = Field(description="The organisation's name.", examples=["Groene Buurt"])
    kind: Literal["commercial", "nonprofit", "government", "semi-government", "education", "individual"] | None = \
        Field(None, description="What kind of organisation it is.")
    sector: str | None = Field(None, description="The field it works in, in your own words, e.g. sustainability.")
    size: Count | None = Field(None, description="Number of people in the organisation (a whole number).")
    region: str | None = Field(None, description="Selects the channel audience data: nl, us or global (any case).",
                               examples=["nl"])
    languages: list[str] = Field(default_factory=list, description=(
        "Languages the organisation communicates in (nl, en, ...); the first, when nl or en, "
        "is the language of smlint's messages for this file."))


class Period(Section):
    """The time the strategy covers; the end comes after the start."""

    start: IsoDate = Field(description="First day of the strategy, YYYY-MM-DD.", examples=["2027-01-01"])
    end: IsoDate = Field(description="Last day of the strategy, YYYY-MM-DD; after the start.",
                         examples=["2027-12-31"])


Age0To120 = _whole(ge=0, le=120)


class AgeRange(Section):
    """An age range in years; leave out max for an open range (65 and older)."""

    min: Age0To120 | None = Field(None, description="Youngest age, in years (0-120).")
    max: Age0To120 | None = Field(None, description="Oldest age, in years (0-120); leave out for an open range.")


Age = Annotated[
    AgeRange,
    BeforeValidator(_age, json_schema_input_type=AgeRange | _text(AGE_PATTERN, 'An age range from 0 to 120: "25-40" or "65+".')),
]


class Audience(Section):
    """Step 1: a group of people you want to reach, described by the workshop's dimensions."""

    id: Slug = Field(description="A short name others refer to: lowercase letters, digits, - and _.",
                     examples=["young-families"])
    name: str | None = Field(None, description="The audience's name as you say it.")
    description: str | None = Field(None, description="Who they are, in a sentence.")
    age: Age | None = Field(None, description='Age range: {min, max}, or the shorthand "25-40" or "65+".',
                            examples=["25-40"])
    gender: str | None = Field(None, description="Gender, in your own words (any, women, men, ...).")
    occupations: list[str] = Field(default_factory=list, description="Occupations or roles, e.g. parents, zzp.")
    income: Literal["low", "middle", "high", "mixed"] | None = Field(None, description="Income level.")
    interests: list[str] = Field(default_factory=list, description="What they care about, e.g. sustainability.")
    locations: list[str] = Field(default_factory=list, description="Where they live or work, e.g. Utrecht.")
    sectors: list[str] = Field(default_factory=list, description="Sectors a business audience works in, e.g. zorg, retail.")
    departments: list[str] = Field(default_factory=list, description="Departments an internal audience works in.")
    segment: Literal["consumer", "business", "internal", "public"] | None = Field(
        None, description="What kind of audience: decides how channel fit is judged. Left out: consumer.")


AllChannels = Literal["all"]


class Objective(Section):
    """Step 2: an objective, ideally SMART (specific, measurable, achievable, relevant, time-bound)."""

    id: Slug = Field(description="A short name others refer to: lowercase letters, digits, - and _.",
                     examples=["fb-fans"])
    statement: str = Field(description="The objective in one sentence, ideally SMART: what, how much, where, by when.")
    metric: str | None = Field(None, description="What is measured, e.g. followers, reach, clicks.",
                               examples=["followers"])
    channels: list[Slug] | AllChannels = Field(
        default_factory=list, description='Ids of the channels the objective is about, or "all": every channel of the plan.')
    audiences: list[Slug] = Field(default_factory=list, description="Ids of the audiences the objective serves.")
    baseline: Number | None = Field(None, description="Where the metric stands now, a number, e.g. 1200.")
    target: Number | RelativeTarget | None = Field(
        None, description='Absolute number, or "+10%" / "-20%" relative to the baseline.', examples=["+10%"])
    deadline: IsoDate | None = Field(None, description="When the target must be met, YYYY-MM-DD, inside the period.")
    owner: Slug | None = Field(None, description="Id of the team member who answers for it.")
    achievable: str | None = Field(None, description="Why the target is achievable (optional rationale).")
    relevance: str | None = Field(None, description="Why the objective matters (optional rationale).")


class Channel(Section):
    """Step 3: a social media platform the organisation uses, and for whom."""

    id: Slug | None = Field(None, description="Defaults to the canonical platform name (platform: fb gives facebook).")
    platform: str = Field(description="The platform: instagram, facebook, linkedin, tiktok, youtube, x, ... "
                                      "(aliases such as fb and insta work).", examples=["instagram"])
    audiences: list[Slug] = Field(default_factory=list, description="Ids of the audiences the channel serves.")
    objectives: list[Slug] = Field(default_factory=list, description="Ids of the objectives the channel works for.")
    handle: str | None = Field(None, description='The account name, e.g. "@groenebuurt".')
    rationale: str | None = Field(None, description="Why this channel suits its audiences.")
    status: Literal["active", "planned", "paused", "archived"] | None = Field(
        None, description="active (left out: active), planned, paused or archived; paused and archived channels are "
                          "kept for the record and exempt from cadence, calendar, owner and island rules.")


Format = Literal["text", "image", "video", "story", "live", "article", "link"]


class Pillar(Section):
    """Step 4: a content pillar, a theme you post about."""

    id: Slug = Field(description="A short name others refer to: lowercase letters, digits, - and _.",
                     examples=["tips"])
    name: str | None = Field(None, description="The pillar's name as you say it.")
    share: Share | None = Field(None, description='Percent of posts, 0-100: 40 or "40%". Shares add up to 100.',
                                examples=[40])
    formats: list[Format] = Field(default_factory=list, description="The forms the pillar's posts take.")
    audiences: list[Slug] = Field(default_factory=list, description="Ids of the audiences the pillar is for.")
    channels: list[Slug] | AllChannels = Field(
        default_factory=list, description='Ids of the channels it is posted on, or "all" (left out: all channels).')


class Cadence(Section):
    """Step 4: how often a channel posts."""

    channel: Slug = Field(description="Id of the channel.")
    posts: Annotated[float, Field(gt=0, allow_inf_nan=False), BeforeValidator(_plain_number)] = Field(
        description="Number of posts per period (more than 0), e.g. 3.", examples=[3])
    per: Literal["day", "week", "month"] = Field(description="The period the posts are counted in.")


class Content(Section):
    """Step 4: what you communicate (pillars) and how often (cadence)."""

    pillars: list[Pillar] = Field(default_factory=list, description="The themes you post about, with their share.")
    cadence: list[Cadence] = Field(default_factory=list, description="How often each channel posts.")


class TeamMember(Section):
    """Step 5: someone on the team."""

    id: Slug = Field(description="A short name others refer to: lowercase letters, digits, - and _.",
                     examples=["anna"])
    name: str | None = Field(None, description="The person's name.")
    role: str | None = Field(None, description="Their role, e.g. social media manager.")
    department: str | None = Field(None, description="Their department.")
    channels: list[Slug] = Field(default_factory=list, description="Ids of the channels they look after.")
    expert: Practice | None = Field(
        None, description="true: one of the organisation's social media experts, up to date on the channels they run.")
    trained: IsoDate | None = Field(
        None, description="When they were last trained on their channels, YYYY-MM-DD (a later date than today: planned).")


class Task(Section):
    """Step 5: a task for the team."""

    id: Slug = Field(description="A short name others refer to: lowercase letters, digits, - and _.")
    title: str = Field(description="What is to be done.")
    owner: Slug | None = Field(None, description="Id of the team member who does it.")
    due: IsoDate | None = Field(None, description="When it is due, YYYY-MM-DD, inside the period.")
    status: Literal["todo", "doing", "done"] | None = Field(None, description="Where the task stands.")


class CalendarEntry(Section):
    """Step 5: a post planned in the content calendar."""

    date: IsoDate = Field(description="When it is posted, YYYY-MM-DD, inside the period.")
    channel: Slug = Field(description="Id of the channel it is posted on.")
    pillar: Slug | None = Field(None, description="Id of the content pillar it belongs to.")
    title: str | None = Field(None, description="What the post is about.")
    owner: Slug | None = Field(None, description="Id of the team member who posts it.")
    status: Literal["idea", "planned", "draft", "approved", "scheduled", "published"] | None = Field(
        None, description="Where the post stands.")


class Practices(Section):
    """What the organisation declares it does (growth model); true/false, or ja/nee, yes/no."""

    plan_in_progress: Practice | None = Field(
        None, description="Aware a plan is needed, and working on goals and audiences (stage 2).")
    written_strategy: Practice | None = Field(None, description="The strategy is written down: all five steps (stage 3).")
    team_roles: Practice | None = Field(None, description="Who runs which channel is decided (stage 3).")
    experts_trained: Practice | None = Field(None, description="The people who run the channels are trained (stage 3).")
    integrated_media: list[str] = Field(default_factory=list, description=(
        "Other media the channels connect to, e.g. website, newsletter (stage 4)."))
    measurement_tool: str | None = Field(None, description="The tool results are measured with (stage 4).")
    reporting_cadence: Literal["weekly", "monthly", "quarterly"] | None = Field(
        None, description="How often results are reported (stage 4).")
    kpis: Practice | None = Field(None, description="Objectives have KPIs: a metric and a target (stage 4).")
    org_wide_team: Practice | None = Field(
        None, description="A social media team is active across the organisation (stage 4).")
    cross_department: Practice | None = Field(
        None, description="Departments and stakeholders work on it together (stage 4).")


class Maturity(Section):
    """The growth model: the stage the organisation believes it is at, and what it does."""

    declared_stage: _whole(ge=1, le=4) | None = Field(
        None, description="The stage (1-4) the organisation believes it is at; smlint checks it against the evidence.")
    practices: Practices = Field(default_factory=Practices, description="What the organisation declares it does.")


class Retrospective(Section):
    """The workshop's "rose, thorn, bud" debrief."""

    rose: list[str] = Field(default_factory=list, description="What went well.")
    thorn: list[str] = Field(default_factory=list, description="What was hard.")
    bud: list[str] = Field(default_factory=list, description="What could grow.")


class Strategy(Section):
    """A social media strategy: the five steps of the workshop plus the growth model."""

    model_config = ConfigDict(title="smlint strategy, format version 1")

    version: Annotated[Literal[1], BeforeValidator(_plain_number)] = Field(
        description="Format version; only 1 exists. Write it as a number: version: 1.")
    organisation: Organisation = Field(description="Who the strategy is for: its name, kind, size, region, languages.")
    period: Period = Field(description="The time the strategy covers: {start, end}, dates YYYY-MM-DD.")
    audiences: list[Audience] = Field(default_factory=list, description="Step 1: who you want to reach.")
    objectives: list[Objective] = Field(default_factory=list, description="Step 2: SMART objectives.")
    channels: list[Channel] = Field(default_factory=list, description="Step 3: the social media platforms.")
    content: Content | None = Field(None, description="Step 4: what you communicate, and how often.")
    team: list[TeamMember] = Field(default_factory=list, description="Step 5: who does what.")
    tasks: list[Task] = Field(default_factory=list, description="Step 5: the team's tasks.")
    calendar: list[CalendarEntry] = Field(default_factory=list, description="Step 5: the content calendar.")
    maturity: Maturity | None = Field(None, description="Growth model: declared stage and practices.")
    retrospective: Retrospective | None = Field(None, description="The workshop's rose, thorn and bud debrief.")
