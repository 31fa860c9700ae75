"""The message language (SPEC section 7): --lang, else the configuration's lang, else the file's first language.

Issue 11, item 18: Dutch users got English where the language was known only
after parsing (a file that does not parse, a configuration with an error),
in the summary of a run over several Dutch files, and in the severity words.
A file that cannot be parsed gets a look at its text for `languages:` with
nl first; a configuration file for `lang: nl` (or `lang = "nl"`).
"""

from __future__ import annotations

import json

import pytest

from .conftest import MINIMAL, lint

BROKEN = "version: 1\norganisation:\n  name: X\n  languages:\n    - nl\nperiod: {start: 2027-01-01\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("text", [
    BROKEN,
    "version: 1\norganisation: {name: X, languages: [nl, en]}\nperiod: [\n",
    "version: 1\norganisation: {name: X, languages: ['NL']}\n\tperiod: x\n",
    "organisation:\n  languages: [nl]\n  name: x\n  name2: : :\n",
])
def test_a_file_that_does_not_parse_is_told_in_its_own_language(text):
    findings = lint(text, dedent=False, lang=None)
    assert [f.rule for f in findings] == ["SM001"]
    assert findings[0].message.startswith(("Dit is geen geldige YAML", "Hier wordt met een tab")), findings[0].message


def test_the_file_language_is_only_a_fallback():
    assert lint(BROKEN, dedent=False, lang="en")[0].message.startswith("This is not valid YAML")
    english = BROKEN.replace("- nl", "- en")
    assert lint(english, dedent=False, lang=None)[0].message.startswith("This is not valid YAML")
    assert lint("a: [\n", dedent=False, lang=None)[0].message.startswith("This is not valid YAML")


def test_language_codes_are_case_insensitive():
    text = MINIMAL.replace("{name: Test}", "{name: Test, languages: [NL]}")
    assert lint(text, lang=None)[0].message.startswith("Stap 1 ontbreekt")


def dutch_plan(name: str) -> str:
    return MINIMAL.replace("{name: Test}", f"{{name: {name}, languages: [nl]}}")


def test_the_summary_of_dutch_files_is_dutch(cli, folder):
    (folder / "a.strategy.yaml").write_text(dutch_plan("A"), encoding="utf-8")
    (folder / "b.strategy.yaml").write_text(dutch_plan("B"), encoding="utf-8")
    result = cli("check", "--today", "2027-01-02", "--jobs", "1")
    assert result.output.splitlines()[-1].startswith("10 problemen gevonden in 2 bestanden: 10 fouten"), result.output
    (folder / "c.strategy.yaml").write_text(MINIMAL, encoding="utf-8")  # English: a mixed run sums up in English
    result = cli("check", "--today", "2027-01-02", "--jobs", "1")
    assert result.output.splitlines()[-1].startswith("Found 15 problems in 3 files"), result.output


def test_severity_words_are_dutch_in_dutch_text_only(cli, folder):
    (folder / "strategy.yaml").write_text(dutch_plan("A"), encoding="utf-8")
    text = cli("check", "--today", "2027-01-02").output
    assert "strategy.yaml:1:1: SM101 fout Stap 1 ontbreekt" in text
    assert " error " not in text
    english = cli("check", "--today", "2027-01-02", "--lang", "en").output
    assert "strategy.yaml:1:1: SM101 error Step 1 is missing" in english
    document = json.loads(cli("check", "--today", "2027-01-02", "--format", "json").output)
    assert {f["severity"] for f in document["findings"]} == {"error"}
    assert document["findings"][0]["message"].startswith("Stap 1")


@pytest.mark.parametrize("name, text, words", [
    (".smlint.yaml", "lang: nl\nignor: [SM205]\n", "Onbekende sleutel 'ignor' in het bestand; bedoel je 'ignore'?"),
    (".smlint.yaml", "ignore: [SM2O5]\nlang: nl\n", "'SM2O5' is geen regelcode of voorvoegsel"),
    (".smlint.yaml", "lang: nl\nfail-on: warn\n", "'warn' is niet toegestaan; bedoel je 'warning'?"),
    (".smlint.yaml", "lang: nl\nselect: [SM2\n", "Dit is geen geldige YAML"),
    ("pyproject.toml", '[tool.smlint]\nlang = "nl"\nfail-on = "warn"\n', "is niet toegestaan; bedoel je 'warning'?"),
    ("pyproject.toml", '[tool.smlint]\nlang = "nl"\nignore = [\n', "Dit bestand is geen geldige TOML"),
])
def test_configuration_errors_are_told_in_the_configurations_language(cli, folder, name, text, words):
    (folder / "strategy.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    result = cli("check")
    assert result.exit_code == 2
    assert words in result.output and result.output.startswith("Fout: "), result.output
    result = cli("check", "--lang", "en")
    assert result.exit_code == 2 and result.output.startswith("Error: "), result.output


def test_maturity_of_dutch_files_speaks_dutch(cli, folder):
    (folder / "a.strategy.yaml").write_text(dutch_plan("A"), encoding="utf-8")
    (folder / "b.strategy.yaml").write_text(BROKEN, encoding="utf-8")
    result = cli("maturity", ".")
    assert "Fase 2 van 4" in result.output or "Fase 1 van 4" in result.output, result.output
    assert "SM001 fout Dit is geen geldige YAML" in result.output, result.output


@pytest.mark.parametrize("text, words", [
    ("a: [1, 2\n", "er ontbreekt een ',' of een sluitende ']'"),
    ("a:\n  b: 1\n c: 2\n", "hier hoort een sleutel (sleutel: waarde)"),
    ("a: b: c\n", "hier mag geen 'sleutel: waarde' staan"),
    ("a: 'x\n", "het bestand houdt onverwacht op"),
    ("a: @x\n", "hier staat een teken waarmee geen waarde kan beginnen"),
])
def test_the_yaml_readers_problems_are_told_in_dutch(text, words):
    message = lint(text, dedent=False, lang="nl")[0].message
    assert message.startswith(f"Dit is geen geldige YAML: {words}"), message
    assert lint(text, dedent=False, lang="en")[0].message.startswith("This is not valid YAML: ")


def test_a_configuration_named_with_config_speaks_its_language(cli, folder):
    (folder / "strategy.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "team.yaml").write_text("lang: nl\nfail-on: warn\n", encoding="utf-8")
    result = cli("check", "--config", "team.yaml")
    assert result.exit_code == 2 and result.output.startswith("Fout: team.yaml:2:1: fail-on: 'warn'"), result.output


def test_a_file_that_cannot_be_read_is_told_in_dutch_by_the_other_commands_too(cli, folder):
    (folder / "a.strategy.yaml").write_text(BROKEN, encoding="utf-8")
    result = cli("calendar", "a.strategy.yaml")
    assert "SM001 fout Dit is geen geldige YAML" in result.output, result.output
