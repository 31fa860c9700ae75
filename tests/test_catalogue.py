"""The rule catalogue: every rule documented and worded in English and Dutch, alike."""

from __future__ import annotations

import string

import pytest

from smlint import checks
from smlint.data import catalogue, read_yaml

CODES = checks.implemented()
DOC_FIELDS = {"summary", "what", "why", "bad", "good"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", CODES)
def test_rule_has_docs_in_both_languages(code):
    entry = catalogue()[code]
    assert entry["category"] and entry["severity"] in ("error", "warning", "info") and entry["name"]
    for lang in ("en", "nl"):
        doc = entry["doc"][lang]
        assert DOC_FIELDS <= set(doc), (code, lang, DOC_FIELDS - set(doc))
        assert all(str(doc[field]).strip() for field in DOC_FIELDS)
    assert ("data" in entry["doc"]["en"]) == ("data" in entry["doc"]["nl"])


@pytest.mark.parametrize("code", CODES)
def test_rule_messages_exist_in_both_languages_with_the_same_placeholders(code):
    messages = catalogue()[code].get("messages", {})
    assert set(messages.get("en", {})) == set(messages.get("nl", {})), code
    for key, english in messages.get("en", {}).items():
        assert placeholders(english) == placeholders(messages["nl"][key]), (code, key)


def test_shared_messages_exist_in_both_languages():
    shared = read_yaml("messages.yaml")
    assert set(shared["en"]) == set(shared["nl"])
    for key, english in shared["en"].items():
        if isinstance(english, str):
            assert placeholders(english) == placeholders(shared["nl"][key]), key


@pytest.mark.parametrize("code", sorted(checks.modules()))
def test_rule_module_is_named_after_its_code_and_documented(code):
    module = checks.load(code)
    assert module.CODE == code
    assert module.__doc__ and module.__doc__.startswith(f"{code}:")
    assert callable(module.check)
    assert code in catalogue()
    for name, default in getattr(module, "OPTIONS", {}).items():
        assert name.replace("-", "").isalpha() and default is not None


def test_catalogue_and_rules_match_one_to_one():
    assert sorted(catalogue()) == CODES
