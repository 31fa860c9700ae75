"""The configuration file as a pydantic model: the source of truth for its JSON Schema
(``schemas/config.schema.json``) and for the validator compiled from it. Not imported
when smlint runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .convert import CODE_PATTERN, CODE_PREFIX_PATTERN, code, code_prefix, plain_bool, plain_number
from .model import IsoDate

def _code_text(pattern: str, explained: str):
    return Annotated[str, Field(json_schema_extra={"pattern": pattern, "patternErrorMessage": explained})]


CodePrefix = Annotated[str, BeforeValidator(code_prefix, json_schema_input_type=_code_text(
                           CODE_PREFIX_PATTERN, "A rule code (SM205) or a prefix (SM2, SM), or a rule pack's (ORG001).")),
                       Field(description="A rule code (SM205) or a prefix (SM2, SM); any case.")]
Code = Annotated[str, BeforeValidator(code), Field(description="A rule code, e.g. SM205; any case.")]
# the keys of a mapping by code (as pydantic would put a key's pattern in patternProperties, dropping the rest)
BY_CODE = {"propertyNames": {"description": "A rule code, e.g. SM205; any case.", "pattern": CODE_PATTERN,
                             "patternErrorMessage": "A rule code such as SM205, or a rule pack's (ORG001)."}}
Severity = Literal["error", "warning", "info"]


class PerFileIgnore(BaseModel):
    """A per-file ignore with its reason and the last day it holds."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"patternProperties": {"^x-": {}}})

    codes: list[CodePrefix] = Field(description="Codes or prefixes left out for matching files.")
    reason: str | None = Field(None, description="Why these findings are left out (shown when the entry expires).")
    until: IsoDate | None = Field(None, description="The last day this entry holds (YYYY-MM-DD); after it, the "
                                                    "findings are reported again, with SM009.")


class Config(BaseModel):
    """smlint configuration (.smlint.yaml, or [tool.smlint] in pyproject.toml)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="smlint configuration",
                              json_schema_extra={"patternProperties": {"^x-": {}}})

    select: list[CodePrefix] | None = Field(None, description="Codes or prefixes to check (default: all, SM).")
    extend_select: list[CodePrefix] = Field(default_factory=list, alias="extend-select",
                                            description="Codes or prefixes to check on top of `select`.")
    ignore: list[CodePrefix] = Field(default_factory=list, description="Codes or prefixes to leave out.")
    per_file_ignores: dict[str, list[CodePrefix] | PerFileIgnore] = Field(
        default_factory=dict, alias="per-file-ignores",
        description="Glob (relative to this file's folder) -> codes or prefixes left out for matching files, or "
                    "{codes, reason, until}.")
    require_suppression_reason: Annotated[bool, BeforeValidator(plain_bool)] = Field(
        False, alias="require-suppression-reason",
        description="Ask every inline suppression and per-file ignore for a reason (SM010 when it has none).")
    severity: dict[Code, Severity] = Field(default_factory=dict, description="A severity per code: {SM205: error}.",
                                           json_schema_extra=BY_CODE)
    fail_on: Severity | None = Field(None, alias="fail-on", description="Exit 1 at this severity or worse.")
    lang: Literal["en", "nl"] | None = Field(None, description="Message language.")
    today: IsoDate | None = Field(None, description="The date 'overdue' is judged against (reproducible runs).")
    thresholds: dict[Code, dict[str, Annotated[float, Field(allow_inf_nan=False), BeforeValidator(plain_number)]]] = Field(
        default_factory=dict, description="Rule options by code: {SM301: {min-reach: 15}}.", json_schema_extra=BY_CODE)
    channel_data: str | list[str] | None = Field(
        None, alias="channel-data", description="Your channel data file(s), relative to this file's folder.")
    patterns: list[str] | None = Field(None, description="File name patterns of strategy files.")
    exclude: list[str] = Field(
        default_factory=list,
        description="Files and folders a search leaves out, as in .gitignore (relative to this file's folder), "
                    "e.g. drafts/ or *.old.strategy.yaml.")
    rule_packs: list[str] = Field(
        default_factory=list, alias="rule-packs",
        description="Rule packs: YAML files with your organisation's own rules (schemas/rulepack.schema.json), "
                    "relative to this file's folder.")
    baseline: str | None = Field(
        None, description="A baseline file (made with --write-baseline), relative to this file's folder: findings "
                          "recorded in it are not reported.")
    max_file_size: Annotated[int, Field(gt=0), BeforeValidator(plain_number)] | None = Field(
        None, alias="max-file-size", description="Largest strategy file read, in bytes (default 10 MB).")
