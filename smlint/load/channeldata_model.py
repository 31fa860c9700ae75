"""The channel data file (rules/channels.yaml, or a user's --channel-data file) as pydantic models.

The source of truth for ``schemas/channel-data.schema.json`` and for the
validator compiled from it; not imported when smlint runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

BAND = r"^\d+(-\d+|\+)$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    en: str
    nl: str


# a text of the data: plain, or in English and Dutch (messages and `smlint explain` pick the user's language)
Text = str | Words


class Source(_Strict):
    cite: Text = Field(description='How a message cites it: "Pew Research Center".')
    title: Text | None = None
    year: int | None = None
    url: str | None = None
    denominator: Text | None = Field(None, description="Who its percentages are of, e.g. 'US adults aged 18+'.")
    note: Text | None = None


SourceRef = Annotated[str | list[str], Field(description="A source id from `sources` (or several), or a citation.")]


class Figure(_Strict):
    """A share of people, in percent, with where it comes from."""

    value: Annotated[float, Field(ge=0, le=100)]
    source: SourceRef
    year: int | None = Field(description="Year of the figure; null when the source does not say.")
    denominator: Text | None = Field(None, description="Who the percentage is of; defaults to the source's.")
    estimated: bool = False
    method: str | None = Field(None, description="How an estimate was derived: an id from `methods`.")
    confidence: Literal["low"] | None = None
    note: str | None = None
    users_millions: Annotated[float, Field(allow_inf_nan=False)] | None = Field(None, description="Input of the national-share method.")


class RegionReach(_Strict):
    all: Figure | None = Field(None, description="Share of everyone in the region's denominator.")
    bands: dict[Annotated[str, Field(pattern=BAND)], Figure | None] = Field(default_factory=dict)


class CadenceBound(_Strict):
    posts: Annotated[float, Field(gt=0, allow_inf_nan=False)]
    per: Literal["day", "week", "month"]
    source: SourceRef
    year: int | None
    note: str | None = None


class CadenceRange(_Strict):
    min: CadenceBound | None = None
    max: CadenceBound | None = None
    note: str | None = None


class GenderSplit(_Strict):
    men: Annotated[float, Field(ge=0, le=100)]
    women: Annotated[float, Field(ge=0, le=100)]
    source: SourceRef
    year: int | None
    note: str | None = None


class Platform(_Strict):
    name: str | None = Field(None, description="How the platform is written in a sentence (LinkedIn).")
    aliases: list[str] = Field(default_factory=list)
    business: bool | None = Field(None, description="Suits business audiences; null: not judged.")
    business_basis: str | None = None
    formats: list[Literal["text", "image", "video", "story", "live", "article", "link"]] | None = None
    formats_note: str | None = None
    cadence: CadenceRange | None = None
    gender: dict[str, GenderSplit] = Field(default_factory=dict)
    reach: dict[str, RegionReach | None] = Field(default_factory=dict)


class Region(_Strict):
    name: Words | None = None
    aliases: list[str] = Field(default_factory=list, description="Names people write for the region (Nederland, Netherlands); read as its code.")
    people: Words | None = None
    bands: list[Annotated[str, Field(pattern=BAND)]] | None = None
    fallback: str | None = None
    note: str | None = None


AGES = r"^\s*\d{1,3}\s*(-\s*\d{1,3}|\+)\s*$"
WordList = list[str]


class AgeGroup(_Strict):
    ages: Annotated[str, Field(pattern=AGES, description='The ages the words stand for: "12-24" or "65+".')]
    words: WordList = Field(default_factory=list, description="Words that name the group, in any language.")
    note: str | None = None


class AudienceWords(_Strict):
    """Words in an audience's id, name, description or occupations that say how old it is (SM301)."""

    age_groups: dict[str, AgeGroup] = Field(default_factory=dict)
    general_public: WordList = Field(default_factory=list, description="Words for everyone in a place: judged by the all-adults figure.")
    not_in_group: WordList = Field(default_factory=list, description="Words that put the audience next to a group, not in it (parents of pupils): no age is assumed.")
    note: str | None = None


class ChannelDataFile(_Strict):
    """smlint channel data (rules/channels.yaml, or a user's file merged over it)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="smlint channel data")
    sources: dict[str, Source] = Field(default_factory=dict)
    methods: dict[str, Words] = Field(default_factory=dict)
    regions: dict[str, Region] = Field(default_factory=dict)
    platforms: dict[str, Platform] = Field(default_factory=dict)
    audience_words: AudienceWords | None = None
