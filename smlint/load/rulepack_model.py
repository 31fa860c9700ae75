"""A rule pack as a pydantic model: the source of ``schemas/rulepack.schema.json``.

Rule packs are an organisation's own rules written as data, in the manner of
Spectral's rulesets: each rule is ``given`` a JSONPath into the strategy and
``then`` applies a function to a field of what it finds. smlint validates a
pack against the generated JSON Schema with ``jsonschema`` when it loads it;
this module is not imported when smlint runs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FUNCTIONS = ("truthy", "falsy", "pattern", "enum", "length", "minimum", "maximum", "unique", "reference",
             "date-within-period")

_Strict = ConfigDict(extra="forbid", json_schema_extra={"patternProperties": {"^x-": {}}})


class Texts(BaseModel):
    """A text in English and Dutch; the other language is used when one is missing."""

    model_config = _Strict
    en: str | None = Field(None, min_length=1, description="The text in English.")
    nl: str | None = Field(None, min_length=1, description="De tekst in het Nederlands.")


class Doc(BaseModel):
    """A rule's documentation in one language, as `smlint explain CODE` prints it."""

    model_config = _Strict
    summary: str | None = Field(None, description="One line: what the rule reports.")
    what: str | None = Field(None, description="What the rule checks.")
    why: str | None = Field(None, description="Why it matters to the organisation.")
    bad: str | None = Field(None, description="A YAML example that breaks the rule.")
    good: str | None = Field(None, description="The same example, written well.")


class Docs(BaseModel):
    model_config = _Strict
    en: Doc | None = Field(None, description="Documentation in English.")
    nl: Doc | None = Field(None, description="Documentatie in het Nederlands.")


class Then(BaseModel):
    """What must hold of each node ``given`` finds (or of its ``field``)."""

    model_config = _Strict
    field: str | None = Field(None, min_length=1, pattern=r"^[^.\s]+(\.[^.\s]+)*$",
                              description="The key of the found item to test (dotted for deeper keys: "
                                          "`age.min`); none: the found node itself.")
    function: Literal[FUNCTIONS] = Field(  # type: ignore[valid-type]
        description="truthy (present and not empty), falsy, pattern {match, notMatch}, enum {values}, "
                    "length {min, max}, minimum {value}, maximum {value}, unique {key}, reference {to: JSONPath "
                    "of the allowed values}, date-within-period (a date inside the strategy's period).")
    functionOptions: dict[str, Any] = Field(default_factory=dict, description="The function's options.")


class Rule(BaseModel):
    """One rule of the pack."""

    model_config = _Strict
    code: str = Field(pattern=r"^(?:[A-RT-Z][A-Z0-9]{0,7}|S[A-LN-Z0-9][A-Z0-9]{0,6}|S)[0-9]{3}$",
                      description="Your own code: capitals with three digits at the end, e.g. ORG001. "
                                  "SM is smlint's own prefix and cannot be used.")
    name: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9-]*$", description="A short kebab-case name.")
    severity: Literal["error", "warning", "info"] = Field("warning", description="Default severity.")
    message: Texts = Field(description="The finding's message. Placeholders: {id} (the item's id), {field}, "
                                       "{value}, {path}.")
    given: Annotated[str, Field(min_length=1)] | Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)] = \
        Field(description="JSONPath (RFC 9535) into the strategy, e.g. `$.objectives[*]`; at most 1,000 characters.")
    then: Then | Annotated[list[Then], Field(min_length=1)] = Field(description="What must hold of each node found.")
    docs: Docs | None = Field(None, description="What `smlint explain CODE` prints.")


class RulePack(BaseModel):
    """A rule pack: an organisation's own rules for smlint."""

    model_config = ConfigDict(extra="forbid", title="smlint rule pack",
                              json_schema_extra={"patternProperties": {"^x-": {}}})
    version: Literal[1] = Field(description="The rule pack format version: 1.")
    name: str | None = Field(None, description="The pack's name, e.g. the organisation's.")
    rules: list[Rule] = Field(min_length=1, description="The rules.")
