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


def _same_shape(english, dutch, where: str) -> None:
    """Both languages hold the same keys, list lengths and placeholders, all the way down."""
    if isinstance(english, dict):
        assert isinstance(dutch, dict) and set(english) == set(dutch), where
        for key in english:
            _same_shape(english[key], dutch[key], f"{where}.{key}")
    elif isinstance(english, list):
        assert isinstance(dutch, list) and len(english) == len(dutch), where
        for index, (a, b) in enumerate(zip(english, dutch)):
            _same_shape(a, b, f"{where}[{index}]")
    elif isinstance(english, str):
        assert isinstance(dutch, str) and placeholders(english) == placeholders(dutch), where


def _bilingual(tree, where: str = ""):
    """Every {en: ..., nl: ...} pair in a data file."""
    if isinstance(tree, dict):
        if "en" in tree:  # (a region is also called nl: only a dict with "en" is a text pair)
            yield where, tree
        for key, value in tree.items():
            yield from _bilingual(value, f"{where}.{key}")
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _bilingual(value, f"{where}[{index}]")


def test_shared_messages_exist_in_both_languages():
    shared = read_yaml("messages.yaml")
    translations = ("click", "yaml_problems")  # click's and the YAML reader's own messages need no English
    english = {k: v for k, v in shared["en"].items() if k not in translations}
    _same_shape(english, {k: v for k, v in shared["nl"].items() if k not in translations}, "messages")
    assert all(k in shared["nl"] for k in translations)


@pytest.mark.parametrize("name", ["maturity.yaml", "channels.yaml"])
def test_data_texts_exist_in_both_languages(name):
    pairs = list(_bilingual(read_yaml(name)))
    assert pairs
    for where, pair in pairs:
        assert "nl" in pair, where
        _same_shape(pair["en"], pair["nl"], f"{name}{where}")


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


def test_rules_json_gives_every_code_docs_in_english_and_dutch(cli):
    import json

    listed = json.loads(cli("rules", "--format", "json").output)
    assert [entry["code"] for entry in listed] == CODES
    for entry in listed:
        assert DOC_FIELDS <= set(entry["doc"]["en"]) and DOC_FIELDS <= set(entry["doc"]["nl"]), entry["code"]


def test_explain_in_dutch(cli):
    out = cli("explain", "SM205", "--lang", "nl").output
    assert "## Wat de regel doet" in out and "## Waarom het ertoe doet" in out
    assert catalogue()["SM205"]["doc"]["nl"]["summary"] in out
    assert "## What it does" not in out


def test_explain_unknown_code_suggests_the_nearest(cli):
    result = cli("explain", "SM2O5")
    assert result.exit_code == 2 and "did you mean SM205?" in result.output
    dutch = cli("explain", "SM2O5", "--lang", "nl")
    assert "Fout: Onbekende regelcode SM2O5; bedoel je SM205?" in dutch.output


def test_click_errors_in_dutch(cli):
    result = cli("check", "--formaat", "json", "--lang", "nl")
    assert result.exit_code == 2
    assert "Gebruik: smlint check" in result.output and "Fout: Onbekende optie '--formaat'" in result.output
    bad = cli("check", "--format", "xml", "--lang", "nl")
    assert "Ongeldige waarde voor '--format' / '--output-format': 'xml' is geen van" in bad.output


def _dutch_texts():
    """Every Dutch text a user reads: rule docs and messages, shared messages, the growth model, the channel data."""
    for code, entry in catalogue().items():
        yield from ((code, text) for text in entry["doc"]["nl"].values())
        yield from ((code, text) for text in entry["messages"]["nl"].values())
    for name in ("maturity.yaml", "channels.yaml"):
        for where, pair in _bilingual(read_yaml(name)):
            yield from ((f"{name}{where}", text) for text in _strings(pair["nl"]))
    shared = {k: v for k, v in read_yaml("messages.yaml")["nl"].items() if k not in ("click", "yaml_problems")}
    yield from (("messages.yaml", text) for text in _strings(shared))  # (not the patterns of English to translate)


def _strings(tree):
    if isinstance(tree, str):
        yield tree
    elif isinstance(tree, dict):
        for value in tree.values():
            yield from _strings(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _strings(value)


@pytest.mark.parametrize("translated, natural", [
    # issue 11, item 18b: Dutch that read as translated
    (r"teamlid doet|doet kanaal|kanaal doet|kanaal dat niemand doet", "beheert"),
    (r"\bdraagt\b|kan dragen", "ondersteunt"),
    (r"weggeschreven|Schrijf de strategie weg", "vastgelegd"),
    (r"geen slug", "een id met hoofdletters, spaties of andere tekens"),
    (r"Nederlandse gebruikers van", "Nederlandse gebruikerscijfers van"),
    (r"\bmaatstaf\b|\bmeetwaarde\b", "wat je meet"),
    (r"\bmapping\b", "blok sleutels met waarden"),
    (r"deze controle vraagt|deze smlint leest|Formeer de", "(natural Dutch)"),
])
def test_dutch_reads_as_written_by_a_dutch_marketer(translated, natural):
    import re

    found = [(where, text) for where, text in _dutch_texts() if re.search(translated, text)]
    assert found == [], f"write it as a Dutch marketer would ({natural}): {found}"


def test_sm403_says_recommended_frequency_not_reach():
    # to a marketer "bereik" is reach: a range of posts a week is a "marge" or "aanbevolen frequentie"
    import re

    dutch = catalogue()["SM403"]["doc"]["nl"]
    assert not [t for t in dutch.values() if re.search(r"\bbereik\b", t)]
    assert "aanbevolen marge" in dutch["summary"]


def test_dutch_explain_has_no_english_lines(cli):
    out = cli("explain", "SM301", "--lang", "nl").output
    assert out.startswith("SM301 channel-reach (kanalen, waarschuwing)\n")
    for english in ("US adults", "Dutch population", "as reported by", "values, as quoted", "head of Instagram",
                    "specification", " and SumAll", "(channels, warning)"):
        assert english not in out, english
    assert "aandeel van: Nederlandse bevolking van 15+" in cli("explain", "SM301", "--lang", "nl").output
    assert "share of: Dutch population aged 15+" in cli("explain", "SM301").output
    assert "SM403  info          content       cadence-out-of-range" in cli("rules").output
    assert "SM402  waarschuwing  content" in cli("rules", "--lang", "nl").output
