"""The strategy file format, version 1, as pydantic models.

These models are the source of truth: ``schemas/strategy.schema.json`` is
generated from them (``python -m smlint.schema --write``) and a test fails
when the committed schema drifts. Keys starting with ``x-`` are extensions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .convert import age as _age
from .convert import iso_date as _iso_date
from .convert import percent as _percent
from .convert import plain_number as _plain_number
from .convert import truthy as _truthy

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
AGE_PATTERN = r"^\s*\d{1,3}\s*(-\s*\d{1,3}|\+)\s*$"
PERCENT_PATTERN = r"^\s*\d+(\.\d+)?\s*%\s*$"
RELATIVE_TARGET_PATTERN = r"^\s*[+-]?\d+([.,]\d+)?\s*%\s*$"
SUPPORTED_VERSIONS = (1,)


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date, json_schema_input_type=Annotated[str, Field(json_schema_extra={"format": "date"})])]
Count = Annotated[int, Field(ge=0), BeforeValidator(_plain_number)]
Number = Annotated[float, Field(allow_inf_nan=False), BeforeValidator(_plain_number)]
Share = Annotated[
    float,
    Field(ge=0, le=100),
    BeforeValidator(_percent, json_schema_input_type=float | Annotated[str, StringConstraints(pattern=PERCENT_PATTERN)]),
]
Practice = Annotated[
    bool, BeforeValidator(_truthy, json_schema_input_type=bool | Literal["ja", "nee", "yes", "no"])
]
RelativeTarget = Annotated[str, StringConstraints(pattern=RELATIVE_TARGET_PATTERN)]


class Section(BaseModel):
    """Base of every mapping in the file: unknown keys are SM007, x- keys extensions."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )


class Organisation(Section):
    name: str = Field(description="The organisation's name.")
    kind: Literal["commercial", "nonprofit", "government", "semi-government", "education", "individual"] | None = None
    sector: str | None = None
    size: Count | None = Field(None, description="Number of people.")
    region: str | None = Field(None, description="Selects the channel audience data: nl, us or global.")
    languages: list[str] = Field(default_factory=list, description="Languages the organisation communicates in (nl, en, ...).")


class Period(Section):
    start: IsoDate
    end: IsoDate


class AgeRange(Section):
    min: Annotated[int, Field(ge=0, le=120)] | None = None
    max: Annotated[int, Field(ge=0, le=120)] | None = None


Age = Annotated[
    AgeRange,
    BeforeValidator(_age, json_schema_input_type=AgeRange | Annotated[str, StringConstraints(pattern=AGE_PATTERN)]),
]


class Audience(Section):
    id: Slug
    name: str | None = None
    description: str | None = None
    age: Age | None = Field(None, description='Age range: {min, max}, or the shorthand "25-40" or "65+".')
    gender: str | None = None
    occupations: list[str] = Field(default_factory=list)
    income: Literal["low", "middle", "high", "mixed"] | None = None
    interests: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list, description="Sectors a business audience works in (zorg, retail, ...).")
    departments: list[str] = Field(default_factory=list, description="Departments an internal audience works in.")
    segment: Literal["consumer", "business", "internal", "public"] | None = None


AllChannels = Literal["all"]


class Objective(Section):
    id: Slug
    statement: str = Field(description="The objective in one sentence, ideally SMART.")
    metric: str | None = None
    channels: list[Slug] | AllChannels = Field(default_factory=list, description='Channel ids, or "all": every channel of the plan.')
    audiences: list[Slug] = Field(default_factory=list)
    baseline: Number | None = None
    target: Number | RelativeTarget | None = Field(None, description='Absolute number, or "+10%" / "-20%" relative to the baseline.')
    deadline: IsoDate | None = None
    owner: Slug | None = Field(None, description="A team member's id.")
    achievable: str | None = None
    relevance: str | None = None


class Channel(Section):
    id: Slug | None = Field(None, description="Defaults to the canonical platform name.")
    platform: str
    audiences: list[Slug] = Field(default_factory=list)
    objectives: list[Slug] = Field(default_factory=list)
    handle: str | None = None
    rationale: str | None = None
    status: Literal["active", "planned", "paused", "archived"] | None = Field(
        None, description="active (the default), planned, paused or archived; paused and archived channels are kept for the record only.")


Format = Literal["text", "image", "video", "story", "live", "article", "link"]


class Pillar(Section):
    id: Slug
    name: str | None = None
    share: Share | None = Field(None, description='Percent of posts: 40 or "40%".')
    formats: list[Format] = Field(default_factory=list)
    audiences: list[Slug] = Field(default_factory=list)
    channels: list[Slug] | AllChannels = Field(default_factory=list, description='Channel ids, or "all" (no channels also means all).')


class Cadence(Section):
    channel: Slug
    posts: Annotated[float, Field(gt=0, allow_inf_nan=False), BeforeValidator(_plain_number)]
    per: Literal["day", "week", "month"]


class Content(Section):
    pillars: list[Pillar] = Field(default_factory=list)
    cadence: list[Cadence] = Field(default_factory=list)


class TeamMember(Section):
    id: Slug
    name: str | None = None
    role: str | None = None
    department: str | None = None
    channels: list[Slug] = Field(default_factory=list)
    expert: Practice | None = Field(None, description="true: one of the organisation's social media experts, up to date on the channels they run.")
    trained: IsoDate | None = Field(None, description="When this member was last trained on their channels (a date after today: training planned).")


class Task(Section):
    id: Slug
    title: str
    owner: Slug | None = None
    due: IsoDate | None = None
    status: Literal["todo", "doing", "done"] | None = None


class CalendarEntry(Section):
    date: IsoDate
    channel: Slug
    pillar: Slug | None = None
    title: str | None = None
    owner: Slug | None = None
    status: Literal["idea", "planned", "draft", "approved", "scheduled", "published"] | None = None


class Practices(Section):
    plan_in_progress: Practice | None = None
    written_strategy: Practice | None = None
    team_roles: Practice | None = None
    experts_trained: Practice | None = None
    integrated_media: list[str] = Field(default_factory=list)
    measurement_tool: str | None = None
    reporting_cadence: Literal["weekly", "monthly", "quarterly"] | None = None
    kpis: Practice | None = None
    org_wide_team: Practice | None = None
    cross_department: Practice | None = None


class Maturity(Section):
    declared_stage: Annotated[int, Field(ge=1, le=4)] | None = None
    practices: Practices = Field(default_factory=Practices)


class Retrospective(Section):
    rose: list[str] = Field(default_factory=list)
    thorn: list[str] = Field(default_factory=list)
    bud: list[str] = Field(default_factory=list)


class Strategy(Section):
    """A social media strategy: the five steps of the workshop plus the growth model."""

    model_config = ConfigDict(title="smlint strategy, format version 1")

    version: Literal[1] = Field(description="Format version; only 1 exists.")
    organisation: Organisation
    period: Period
    audiences: list[Audience] = Field(default_factory=list, description="Step 1: who you want to reach.")
    objectives: list[Objective] = Field(default_factory=list, description="Step 2: SMART objectives.")
    channels: list[Channel] = Field(default_factory=list, description="Step 3: the social media platforms.")
    content: Content | None = Field(None, description="Step 4: what you communicate, and how often.")
    team: list[TeamMember] = Field(default_factory=list, description="Step 5: who does what.")
    tasks: list[Task] = Field(default_factory=list)
    calendar: list[CalendarEntry] = Field(default_factory=list, description="Step 5: the content calendar.")
    maturity: Maturity | None = None
    retrospective: Retrospective | None = None
