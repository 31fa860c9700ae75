"""Vocabulary with inflections: vague verbs in every form, phrases with gaps, activities; the generated table."""

from __future__ import annotations

import pytest

from smlint.language import wording


def test_inflections_file_is_generated_from_the_vocabulary():
    pytest.importorskip("simplemma", reason="simplemma is in the test extras")  # CI installs it
    from smlint.data import data_dir

    assert (data_dir("rules") / "inflections.yaml").read_text(encoding="utf-8") == wording.text()


@pytest.mark.parametrize("text, found", [
    ("Het aantal volgers op Instagram wordt verhoogd.", ["verhoogd"]),
    ("Stimuleer interactie op onze Facebook-posts.", ["stimuleer"]),
    ("Onze LinkedIn-pagina uitbouwen tot hét platform voor zorgprofessionals.", ["uitbouwen"]),
    ("We bouwen onze aanwezigheid op LinkedIn verder uit.", ["bouwen ... uit"]),
    ("Als bibliotheek naar buiten treden op Facebook.", ["naar buiten treden"]),
    ("Het museum promoten op Instagram.", ["promoten"]),
    ("Top of mind zijn bij jongeren.", ["top of mind"]),
    ("Our follower numbers grew.", ["grew"]),
    ("Raising engagement on our LinkedIn posts.", ["raising"]),
    ("Foster a loyal community.", ["foster"]),
    ("Build relationships with local journalists.", ["build relationships"]),
    ("Be seen as the go-to voice on housing.", ["be seen", "go-to"]),
    ("A strong presence on TikTok.", ["a strong presence"]),
    ("Reduce response time.", ["reduce"]),
    ("Position the club as a leader in community sport.", ["position"]),
    ("Be recognised as the most helpful library.", ["be recognised as"]),
    ("Als gemeente erkend worden als betrouwbare bron.", ["erkend worden als"]),
])
def test_vague_wording_in_any_form(text, found):
    assert wording.vague().find(text) == found


@pytest.mark.parametrize("text", [
    "Eind 2027 hebben we 5.000 volgers op Instagram.",
    "Reach 10,000 followers on Instagram by Q3 2027.",
    "De verhoging van de subsidie.",  # a noun next to a vague verb is not the verb
    "We posten op de post-it.",
])
def test_no_vague_wording_where_there_is_none(text):
    assert wording.vague().find(text) == []


@pytest.mark.parametrize("text, found", [
    ("Twee keer per dag posten op Instagram.", ["posten"]),
    ("We zetten Instagram in om jongeren te bereiken.", ["zetten ... in"]),
    ("Met een wervingscampagne op Facebook.", ["wervingscampagne"]),
    ("Launch a campaign on TikTok.", ["campaign", "launch a"]),
    ("Use TikTok to reach students.", ["use"]),
    ("Produce better content for LinkedIn.", ["produce ... content"]),
    ("Share behind-the-scenes stories on Instagram.", ["share"]),
    ("Actief worden op TikTok met filmpjes.", ["actief worden"]),
    ("Volgers aanmoedigen om onze berichten te delen.", ["aanmoedigen", "delen"]),
])
def test_activities_found(text, found):
    assert wording.activities().find(text) == found


@pytest.mark.parametrize("text", [
    "Raising engagement on our LinkedIn posts.",  # "posts", the noun, is not "to post"
    "Maximize reach for our product launch.",     # "launch", the noun
    "Our posts were shared 500 times on Facebook.",
    "We zorgen dat onze posts vaker gedeeld worden.",
    "In plaats van folders gebruiken we niets.",  # "plaats"; "gebruiken" alone would be an activity: see below
])
def test_nouns_are_not_activities(text):  # and results others bring about: "vaker gedeeld worden"
    found = wording.activities().find(text)
    assert not {"posts", "launch", "plaats", "shared", "gedeeld"} & set(found)


def test_shrinking_words():
    assert wording.shrinking().search("Het aantal klachten terugdringen.")
    assert wording.shrinking().search("Fewer customer complaints via Instagram.")
    assert not wording.shrinking().search("Grow our followers.")


def test_a_lint_run_never_imports_simplemma():
    from .conftest import EXAMPLES, modules_imported_by

    modules = modules_imported_by("check", str(EXAMPLES / "groene-buurt.strategy.yaml"))
    assert "smlint.language.wording" in modules and not any(m.split(".")[0] == "simplemma" for m in modules)
