"""`smlint init`: answers files for both complete examples, the written file, and a session in a real terminal."""

from __future__ import annotations

import os
import sys

import pytest

from smlint.load.loader import load_text, to_python

from .conftest import EXAMPLES, lint

TODAY = "2026-12-01"


def init(cli, tmp_path, *args, name="plan.strategy.yaml"):
    target = tmp_path / name
    result = cli("init", target, "--today", TODAY, *args)
    return result, target


@pytest.mark.parametrize("example", ["groene-buurt", "northwind-analytics"])
def test_answers_for_the_complete_examples_give_plans_that_lint_clean(cli, tmp_path, example):
    result, target = init(cli, tmp_path, "--answers", EXAMPLES / f"{example}.answers.yaml")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert lint(text, dedent=False) == []
    # the plan of the hand-written example: the same items, ids and links
    made, written = (to_python(load_text(t).root) for t in (
        text, (EXAMPLES / f"{example}.strategy.yaml").read_text(encoding="utf-8")))

    def links(plan):
        return {section: [(item.get("id") or item.get("platform"), item.get("audiences"), item.get("channels"),
                           item.get("objectives"), item.get("owner"), item.get("statement"))
                          for item in plan.get(section) or []]
                for section in ("audiences", "objectives", "channels", "team", "tasks", "calendar")}

    assert links(made) == links(written)
    assert [p["id"] for p in made["content"]["pillars"]] == [p["id"] for p in written["content"]["pillars"]]


def test_the_written_file_has_the_modeline_and_a_comment_per_section_in_its_language(cli, tmp_path):
    result, target = init(cli, tmp_path, "--answers", EXAMPLES / "groene-buurt.answers.yaml")
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=./strategy.schema.json"
    comments = [line for line in lines if line.startswith("# Stap ")]
    assert [c[:8] for c in comments] == ["# Stap 1", "# Stap 2", "# Stap 3", "# Stap 4", "# Stap 5"]
    assert (tmp_path / "strategy.schema.json").exists()
    assert "is geschreven" in result.output and "Geen problemen gevonden" in result.output


def test_english_comments_with_lang_en(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("organisation: {name: Test}\n", encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers, "--lang", "en")
    text = target.read_text(encoding="utf-8")
    assert "# Step 1: who you want to reach" in text and "Stap" not in text


def test_every_question_skipped_still_writes_a_valid_file(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("lang: nl\n", encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers)
    assert result.exit_code == 0, result.output
    findings = lint(target.read_text(encoding="utf-8"), dedent=False)
    assert not [f for f in findings if f.rule.startswith("SM0")]
    assert {"SM101", "SM103", "SM104", "SM105", "SM106"} <= {f.rule for f in findings}  # the steps still to do
    assert "  name: Test Every Question" in target.read_text() and "period: {start: 2027-01-01, end: 2027-12-31}" in target.read_text()


def test_a_first_month_of_calendar_follows_the_cadence(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "lang: en\norganisation: {name: T, region: nl}\n"
        "audiences: [{name: Parents, age: 25-40, gender: any, income: middle}]\n"
        "channels: [{platform: instagram, audiences: [Parents]}]\n"
        "content:\n  pillars: [{name: Tips, share: 60, formats: [image]}, {name: News, share: 40, formats: [image]}]\n"
        "  cadence: [{channel: instagram, posts: 3 per week}]\n"
        "team: [{name: Ann, role: editor, channels: [instagram]}]\n"
        "calendar: first-month\n", encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    entries = to_python(load_text(text).root)["calendar"]
    assert len(entries) == 13 and {e["pillar"] for e in entries} == {"tips", "news"}
    assert all(e["owner"] == "ann" and e["date"].startswith("2027-01") for e in entries)
    assert not {"SM503", "SM504", "SM506", "SM501"} & {f.rule for f in lint(text, dedent=False)}


def test_a_vague_objective_is_pointed_out_with_the_rewrite_proposal(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("lang: nl\nobjectives: [{statement: We willen meer volgers., target: 1500, baseline: 1000}]\n",
                       encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers)
    assert result.exit_code == 0
    assert "SM205" not in result.output and "is vaag ('meer')" in result.output and "Bijvoorbeeld:" in result.output


def test_never_overwrites_without_force(cli, tmp_path):
    target = tmp_path / "plan.strategy.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    answers = EXAMPLES / "groene-buurt.answers.yaml"
    result = cli("init", target, "--answers", answers)
    assert result.exit_code == 2 and "already exists" in result.output and target.read_text() == "# mine\n"
    assert cli("init", target, "--answers", answers, "--force").exit_code == 0
    assert "Groene Buurt" in target.read_text(encoding="utf-8")


def test_an_existing_schema_file_is_left_alone(cli, tmp_path):
    (tmp_path / "strategy.schema.json").write_text("{}", encoding="utf-8")
    init(cli, tmp_path, "--answers", EXAMPLES / "northwind-analytics.answers.yaml")
    assert (tmp_path / "strategy.schema.json").read_text() == "{}"


def test_without_a_terminal_and_without_answers_it_says_so_and_exits_2(cli, tmp_path):
    result = cli("init", tmp_path / "x.strategy.yaml", "--lang", "nl")
    assert result.exit_code == 2 and "heeft daarvoor een terminal nodig" in result.output
    assert not (tmp_path / "x.strategy.yaml").exists()


@pytest.mark.parametrize("text, expected", [
    ("doelen: []\n", "1:1: unknown question 'doelen'"),
    ("audiences: {name: x}\n", "1:1: 'audiences' should be a list"),
    ("organisation: [x]\n", "1:1: 'organisation' should be a mapping"),
    ("organisation: {name: [\n", ":2:1: SM001"),
    ("audiences: [{name: A, age: oud}]\n", "SM003"),
    ("audiences: [Ouders]\n", "1:13: 'audiences' should be a list of mappings"),
    ("content: {cadence: [3 per week]}\n", "1:21: 'content' should be a list of mappings"),
])
def test_bad_answers_are_located_and_exit_2(cli, tmp_path, text, expected):
    answers = tmp_path / "a.yaml"
    answers.write_text(text, encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers)
    assert result.exit_code == 2 and expected in result.output.replace("This is not valid", "SM001"), result.output
    assert not target.exists()


def test_answers_in_other_notations_are_written_in_the_format(cli, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("lang: nl\norganisation: {name: T, kind: stichting}\nperiod: {start: 1 maart 2027, end: 29-02-2028}\n"
                       "content: {cadence: [{channel: facebook, posts: 2 per maand}]}\n", encoding="utf-8")
    result, target = init(cli, tmp_path, "--answers", answers)
    plan = to_python(load_text(target.read_text(encoding="utf-8")).root)
    assert plan["organisation"]["kind"] == "nonprofit"
    assert plan["period"] == {"start": "2027-03-01", "end": "2028-02-29"}
    assert plan["content"]["cadence"] == [{"channel": "facebook", "posts": 2, "per": "month"}]


def test_init_is_not_imported_by_check():
    from .conftest import modules_imported_by

    imported = modules_imported_by("check", str(EXAMPLES / "groene-buurt.strategy.yaml"), "--today", "2027-01-02")
    assert not [m for m in imported if m.startswith(("questionary", "prompt_toolkit", "smlint.commands.init",
                                                     "smlint.commands.interview", "smlint.commands.fix",
                                                     "smlint.fixes"))]


# -- a real terminal ------------------------------------------------------------------------------

ENTER, CLEAR, SPACE, DOWN = "\r", "\x15", " ", "\x1b[B"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.timeout(120)
def test_a_dutch_session_in_a_pseudo_terminal_writes_a_valid_plan(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    smlint = os.path.join(os.path.dirname(sys.executable), "smlint")
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1"}
    child = pexpect.spawn(smlint, ["init", "plan.strategy.yaml", "--lang", "nl", "--today", TODAY], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=30, dimensions=(60, 200))

    def answer(question: str, keys: str) -> None:
        child.expect(question)
        child.send(keys)

    answer("Naam van de organisatie", CLEAR + "Buurtcentrum De Brug" + ENTER)
    answer("Wat voor organisatie", DOWN + ENTER)  # non-profit
    answer("Sector", "welzijn" + ENTER)
    answer("Met hoeveel mensen", "15" + ENTER)
    answer("Waar zit je doelgroep", ENTER)  # Nederland
    answer("Eerste dag", ENTER)  # 2027-01-01
    answer("Laatste dag", ENTER)  # 2027-12-31
    answer("Naam van een doelgroep", "Senioren in de wijk" + ENTER)
    answer("Omschrijf", "Ouderen die graag samen koffie drinken" + ENTER)
    answer("Leeftijd", "oud" + ENTER)
    answer("Schrijf een leeftijd", CLEAR + "65+" + ENTER)  # checked as typed
    answer("Geslacht", ENTER)
    answer("Beroepen", "gepensioneerd" + ENTER)
    answer("Inkomen", ENTER)
    answer("Hobby", "koffie, wandelen" + ENTER)
    answer("Waar wonen", "Utrecht" + ENTER)
    answer("Wat voor doelgroep", ENTER)  # consumenten
    answer("Naam van een doelgroep", ENTER)
    answer("Een doelstelling", "Meer bezoekers via Facebook" + ENTER)
    child.expect("is vaag")  # judged at once, with SM205's explanation and proposal
    answer("Wat wil je doen", ENTER)  # herschrijven
    answer("Een doelstelling", CLEAR + "Voor 1 juli 2027 volgen 300 senioren onze Facebook-pagina." + ENTER)
    answer("Wat meet je", ENTER)
    answer("Op welk platform", ENTER)  # Facebook, from the sentence
    answer("Voor welke doelgroepen", ENTER)
    answer("Waar sta je nu", "120" + ENTER)
    answer("Waar wil je uitkomen", "300" + ENTER)
    answer("Wanneer", CLEAR + "1 juli 2027" + ENTER)
    answer("Een doelstelling", ENTER)
    child.expect("Facebook .*Senioren in de wijk: 53%")  # the channel data's reach, shown while choosing
    answer("Welke kanalen", ENTER)  # Facebook, named by the objective
    answer("Welke doelgroepen bedient Facebook", ENTER)
    answer("Welke doelstellingen dient Facebook", ENTER)
    answer("Je account op Facebook", "@debrug" + ENTER)
    answer("Waarom Facebook", "Senioren lezen hier het buurtnieuws." + ENTER)
    answer("Een contentpijler", "Activiteiten" + ENTER)
    answer("Aandeel van je posts", ENTER)  # 100
    answer("In welke vormen", ENTER)
    answer("Voor welke doelgroepen", ENTER)
    answer("Op welke kanalen", ENTER)
    answer("Een contentpijler", ENTER)
    answer("Hoe vaak post je op Facebook.*Aanbevolen", ENTER)  # the platform's recommended range
    answer("Naam van een teamlid", "Ans Visser" + ENTER)
    answer("Rol van Ans Visser", "coördinator" + ENTER)
    answer("Afdeling van Ans Visser", ENTER)
    answer("Welke kanalen beheert Ans Visser", ENTER)
    answer("Naam van een teamlid", ENTER)
    answer("Wie is eigenaar", ENTER)
    answer("Een taak voor het team", "Flyers maken" + ENTER)
    answer("Wie doet hem", ENTER)
    answer("Wanneer moet hij af zijn", "15-01-2027" + ENTER)
    answer("Een taak voor het team", ENTER)
    answer("inhoudskalender invullen", ENTER)  # ja
    answer("groeimodel invullen", ENTER)  # nee
    child.expect("is geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (tmp_path / "plan.strategy.yaml").read_text(encoding="utf-8")
    findings = lint(text, dedent=False, lang="nl")
    assert not [f for f in findings if f.severity == "error"], findings
    plan = to_python(load_text(text).root)
    assert plan["organisation"]["name"] == "Buurtcentrum De Brug" and plan["organisation"]["kind"] == "nonprofit"
    assert plan["audiences"][0]["age"] == "65+"
    assert plan["objectives"][0]["statement"].startswith("Voor 1 juli 2027")
    assert plan["objectives"][0]["deadline"] == "2027-07-01" and plan["objectives"][0]["owner"] == "ans-visser"
    assert plan["channels"][0]["platform"] == "facebook" and plan["calendar"]
    assert "# Stap 1" in text and "# Stap 5" in text
