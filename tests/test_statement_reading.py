"""Reading statements as real plans write them: relative deadlines, rates and response windows,
counts in words, year-like numbers, shrinking goals; SM205's rewrite, SM208 and SM210 on top."""

from __future__ import annotations

import datetime as dt

import pytest

from smlint.language.text import analyse, find_time

from .conftest import MINIMAL, lint, only

D = dt.date
START = D(2027, 1, 1)


@pytest.mark.parametrize("text, date", [
    ("Komende maand 200 nieuwe volgers", D(2027, 1, 31)),
    ("deze maand", D(2027, 1, 31)),
    ("binnen het volgende kwartaal", D(2027, 3, 31)),
    ("komend kwartaal", D(2027, 3, 31)),
    ("dit kwartaal", D(2027, 3, 31)),
    ("over drie jaar", D(2029, 12, 31)),
    ("eind dit jaar", D(2027, 12, 31)),
    ("het komende jaar", D(2027, 12, 31)),
    ("in het volgende boekjaar", D(2027, 12, 31)),
    ("voor de zomervakantie", D(2027, 6, 30)),
    ("na de zomervakantie", D(2027, 9, 30)),
    ("rond kerst", D(2027, 12, 26)),
    ("voor kerst", D(2027, 12, 24)),
    ("met Pasen", D(2027, 3, 29)),           # Easter Monday 2027: Easter is 28 March
    ("voor Koningsdag", D(2027, 4, 26)),
    ("in maart", D(2027, 3, 31)),
    ("voor maart", D(2027, 2, 28)),
    ("in maart 2028", D(2028, 3, 31)),
    ("in het voorjaar", D(2027, 5, 31)),
    ("voor de zomer", D(2027, 5, 31)),
    ("na de zomer", D(2027, 9, 30)),
    ("deze winter", D(2027, 2, 28)),
    ("in de tweede helft van het jaar", D(2027, 12, 31)),
    ("in the coming month", D(2027, 1, 31)),
    ("within the next quarter", D(2027, 3, 31)),
    ("next quarter", D(2027, 3, 31)),
    ("in 18 months", D(2028, 6, 30)),
    ("before the next financial year ends", D(2027, 12, 31)),
    ("by the end of the financial year", D(2027, 12, 31)),
    ("by year end", D(2027, 12, 31)),
    ("around Easter", D(2027, 3, 29)),
    ("by Christmas", D(2027, 12, 26)),
    ("before Black Friday", D(2027, 11, 25)),  # Black Friday 2027: 26 November
    ("by March", D(2027, 3, 31)),
    ("before May", D(2027, 4, 30)),
    ("this spring", D(2027, 5, 31)),
    ("after the summer holidays", D(2027, 9, 30)),
    ("in H2 2027", D(2027, 12, 31)),
    ("H1", D(2027, 6, 30)),
])
def test_relative_deadlines_resolve_against_the_period_start(text, date):
    found, _ = find_time(text, START)
    assert found is not None and found.date == date, found


@pytest.mark.parametrize("text", [
    "1.500 websitebezoekers per maand", "elke maand 1.500 bezoekers", "jaarlijks 400 aanmeldingen",
    "iedere week een post", "reach 10,000 people each month", "grow followers by 10% annually",
    "monthly reports", "weekly posts", "a month", "we beantwoorden vragen binnen 24 uur",
    "reply within 15 minutes", "respond to comments within 2 days", "binnen 2 dagen reageren op berichten",
    "launch a campaign for the summer festival", "150 registrations for the spring webinar",
    "een zomerfestival", "the spring collection", "maart 40 keer",
])
def test_rates_response_windows_and_season_nouns_are_no_deadline(text):
    assert find_time(text, START)[0] is None


def test_a_window_of_days_without_a_response_word_is_still_a_deadline():
    assert find_time("binnen 2 dagen 100 aanmeldingen", START)[0].date == D(2027, 1, 3)


@pytest.mark.parametrize("text, lang", [("We beantwoorden vragen op Facebook binnen 24 uur.", "nl"),
                                        ("Reply to every Facebook message within 15 minutes.", "en")])
def test_a_response_window_names_the_response_time(text, lang):
    analysis = analyse(text, START, lang)
    assert "response-time" in analysis.metrics and analysis.time is None and analysis.measurable


@pytest.mark.parametrize("text, lang, number", [
    ("Twee keer per dag posten op Instagram.", "nl", 2),
    ("Post twice a day on Instagram.", "en", 2),
    ("Publish three videos a week on YouTube.", "en", 3),
    ("We post twice.", "en", 2),  # the word alone, with nothing counted after it
    ("We posten driemaal op Instagram.", "nl", 3),
])
def test_counts_written_as_words(text, lang, number):
    assert analyse(text, START, lang).numbers == [number]


@pytest.mark.parametrize("text, lang", [("We werken met de twee kanalen samen.", "nl"), ("One of our goals.", "en")])
def test_word_numbers_that_count_nothing_are_no_target(text, lang):
    assert analyse(text, START, lang).numbers == []


@pytest.mark.parametrize("text, lang, numbers, target", [
    ("Het Instagram-account groeit naar 2000 volgers.", "nl", [2000], 2000),
    ("Eind 2027 groeit het account naar 2000 nieuwe Instagram-volgers.", "nl", [2000], 2000),
    ("Reach 2025 followers on TikTok by June.", "en", [2025], None),
    ("Sinds 2020 groeien we op Instagram.", "nl", [], None),
    ("Since 2019 our page has grown.", "en", [], None),
])
def test_year_like_numbers_next_to_a_metric_are_numbers(text, lang, numbers, target):
    analysis = analyse(text, START, lang)
    assert analysis.numbers == numbers and analysis.target == target


# -- SM205's rewrite follows the direction of the goal --------------------------------------------------

def rewrite(statement, fields="", lang="en"):
    text = MINIMAL + f"objectives:\n  - id: o\n    statement: \"{statement}\"\n{fields}"
    [finding] = only(lint(text, lang=lang), "SM205")
    return finding.message


@pytest.mark.parametrize("statement, expected", [
    ("Reduce response time on Facebook Messenger.", "By <deadline> we reduce the response time"),
    ("Fewer customer complaints via Instagram DMs.", "we reduce the number of complaints"),
    ("De reactietijd op Facebook verminderen.", "Tegen <deadline> verlagen we de reactietijd"),
    ("Minder negatieve reacties onder onze posts op X.", "verlagen we de engagement"),
    ("Meer volgers op Instagram.", "Tegen <deadline> verhogen we het aantal volgers"),
    ("Grow our Instagram followers.", "By <deadline> we grow the number of followers"),
])
def test_sm205_rewrite_follows_the_direction(statement, expected):
    assert expected in rewrite(statement)


def test_sm205_rewrite_follows_the_metric_field_before_the_words():
    message = rewrite("Minder gedoe en meer volgers voor de vereniging op Instagram.", "    metric: followers\n")
    assert "verhogen we het aantal volgers" in message


# -- SM208: the number a statement ends at ----------------------------------------------------------------

def sm208(statement, lang="nl"):
    text = (MINIMAL + "objectives:\n  - {id: o, statement: \"" + statement + "\", metric: followers, baseline: 1200,"
            " target: 1500, deadline: 2027-12-31, channels: [instagram]}\nchannels:\n  - {platform: instagram}\n")
    return only(lint(text, lang=lang), "SM208")


@pytest.mark.parametrize("statement, fires", [
    ("Eind 2027 groeit het Instagram-account van 1.200 naar 2.000 volgers.", True),
    ("Het Instagram-account groeit naar 2000 volgers.", True),
    ("Eind 2027 groeit het Instagram-account van 1.200 naar 1.500 volgers.", False),
    ("Eind 2027 hebben we 1.500 volgers op Instagram, nu 1.200.", False),
])
def test_sm208_compares_the_statement_target(statement, fires):
    assert bool(sm208(statement)) == fires


@pytest.mark.parametrize("statement, fires", [
    ("By the end of 2027 our Instagram grows from 1,200 to 2,000 followers.", True),
    ("By the end of 2027 our Instagram grows from 1,200 to 1,500 followers.", False),
])
def test_sm208_compares_the_statement_target_in_english(statement, fires):
    assert bool(sm208(statement, "en")) == fires


# -- SM210 from the fields ---------------------------------------------------------------------------------

def sm210(statement, fields, lang):
    text = MINIMAL.replace("{name: Test}", "{name: Test, languages: [" + lang + "]}") + (
        f"objectives:\n  - id: o\n    statement: \"{statement}\"\n{fields}")
    return only(lint(text, lang=None), "SM210")


@pytest.mark.parametrize("statement, lang", [("Eind 2027 150 berichten op Facebook.", "nl"),
                                             ("150 posts on Facebook by the end of 2027.", "en")])
def test_sm210_fires_when_the_metric_is_the_number_of_posts(statement, lang):
    [finding] = sm210(statement, "    metric: posts\n    target: 150\n", lang)
    assert finding.path == "/objectives/0/statement"
    assert ("stap 4" in finding.message) if lang == "nl" else ("step 4" in finding.message)
    assert sm210(statement, "", lang)  # the statement alone says it too


@pytest.mark.parametrize("statement, lang", [
    ("Met drie posts per week groeit ons Instagram-account eind 2027 naar 4.000 volgers.", "nl"),
    ("Run a Facebook campaign that brings 500 sign-ups by 1 May.", "en"),
])
def test_sm210_silent_on_an_outcome_that_names_how(statement, lang):
    assert sm210(statement, "", lang) == []


@pytest.mark.parametrize("statement, lang", [("Een campagne draaien op TikTok.", "nl"),
                                             ("Launch a campaign on TikTok.", "en")])
def test_sm210_a_result_field_makes_an_activity_statement_an_outcome(statement, lang):
    assert sm210(statement, "", lang)
    assert sm210(statement, "    metric: sign-ups\n    target: 300\n", lang) == []


@pytest.mark.parametrize("text, date", [
    ("this financial year", D(2027, 12, 31)), ("het boekjaar", D(2027, 12, 31)), ("dit jaar", D(2027, 12, 31)),
    ("before the next financial year ends", D(2028, 6, 30)), ("volgend boekjaar", D(2028, 6, 30)),
    ("komend jaar", D(2028, 6, 30)), ("next quarter", D(2027, 9, 30)), ("this quarter", D(2027, 9, 30)),
    ("in maart", D(2028, 3, 31)), ("rond kerst", D(2027, 12, 26)),
])
def test_a_plan_that_starts_mid_year(text, date):
    assert find_time(text, D(2027, 7, 1))[0].date == date


def test_a_number_after_naar_is_the_target_only_next_to_a_metric_or_a_baseline():
    assert analyse("Eind 2027 klikken 2.000 bezoekers door naar 3 pagina's", START, "nl").target is None
    assert analyse("Grow our Facebook page from 800 to 1,000 by June.", START, "en").target == 1000


@pytest.mark.parametrize("text, date", [
    ("voor de herfstvakantie", D(2027, 10, 9)), ("na de kerstvakantie", D(2027, 2, 28)),
    ("in de meivakantie", D(2027, 5, 10)), ("before the Easter holidays", D(2027, 3, 20)),
    ("voor de voorjaarsvakantie", D(2027, 2, 12)),
])
def test_school_holidays(text, date):
    assert find_time(text, START)[0].date == date


@pytest.mark.parametrize("text, lang", [("We reageren binnen één werkdag op alle vragen via Instagram.", "nl"),
                                        ("We answer every question on X within an hour.", "en")])
def test_a_response_window_in_words_is_measurable(text, lang):
    analysis = analyse(text, START, lang)
    assert analysis.measurable and analysis.time is None and "response-time" in analysis.metrics


@pytest.mark.parametrize("text, lang, metric", [
    ("In december hebben 500 inwoners de enquête ingevuld via Facebook.", "nl", "conversions"),
    ("2,000 downloads of the app through TikTok.", "en", "conversions"),
    ("Get 250 people to register for the open day through Facebook.", "en", "sign-ups"),
    ("Share behind-the-scenes stories on Instagram.", "en", "posts"),
])
def test_more_metric_words(text, lang, metric):
    assert metric in analyse(text, START, lang).metrics
