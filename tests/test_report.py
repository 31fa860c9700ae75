"""`smlint report`: one self-contained HTML page per strategy, the same findings and stage as check and maturity."""

from __future__ import annotations

import html
import json
import os
import re
import stat
import struct
import sys
import zlib
from collections import Counter

import pytest

from .conftest import EXAMPLES, modules_imported_by

TODAY = "2027-01-02"
FLAWED = EXAMPLES / "flawed.strategy.yaml"
GROENE = EXAMPLES / "groene-buurt.strategy.yaml"
NORTHWIND = EXAMPLES / "northwind-analytics.strategy.yaml"


def page(cli, path, *args) -> str:
    result = cli("report", path, "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def check_json(cli, path) -> dict:
    return json.loads(cli("check", path, "--format", "json", "--today", TODAY).stdout)


def maturity_json(cli, path) -> dict:
    return json.loads(cli("maturity", path, "--format", "json").stdout)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


# -- the page itself ---------------------------------------------------------------


def test_page_is_self_contained_and_loads_nothing(cli):
    markup = page(cli, FLAWED)
    assert markup.startswith("<!doctype html>")
    assert "<script" not in markup.lower()
    assert "<link" not in markup.lower() and "@import" not in markup and "url(" not in markup
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", markup), "no external resource"
    assert "default-src 'none'" in markup  # the Content-Security-Policy forbids any load


def test_page_shows_every_section_in_order_in_dutch(cli):
    markup = page(cli, GROENE)
    assert '<html lang="nl">' in markup
    headings = re.findall(r'<section id="([a-z]+)"', markup)
    assert headings == ["maturity", "smart", "matrix", "content", "calendar", "team", "findings", "retrospective"]
    text = text_of(markup)
    for words in ("Groene Buurt", "1 januari 2027 – 31 december 2027", "Fase 3 van 4", "Bewust bekwaam",
                  "SMART-doelstellingen", "Jonge gezinnen", "Duurzame tips", "Kalenderitems per week", "Anna de Vries",
                  "Geen problemen gevonden.", "Rozentop", "De doelgroep is nu scherp", "Samenwerken met de bibliotheek"):
        assert words in text, words


def test_language_option_wins_over_the_file(cli):
    markup = page(cli, GROENE, "--lang", "en")
    assert '<html lang="en">' in markup
    text = text_of(markup)
    assert "Stage 3 of 4" in text and "Consciously competent" in text and "Fase 3" not in text


def test_english_strategy_gets_an_english_page(cli):
    text = text_of(page(cli, NORTHWIND))
    assert "SMART objectives" in text and "Growth model" in text


def test_same_input_gives_byte_identical_pages(cli):
    assert page(cli, FLAWED) == page(cli, FLAWED)


def test_numbers_on_the_page_are_those_of_check_and_maturity(cli):
    markup = page(cli, FLAWED)
    checked = check_json(cli, FLAWED)
    matured = maturity_json(cli, FLAWED)
    for key in ("error", "warning", "info"):
        assert re.search(rf'data-summary="{key}">{checked["summary"][key]}<', markup), key
    shown = Counter(re.findall(r'<tr data-rule="(SM\d+)"><td class="where">(\d+):(\d+)</td>', markup))
    found = Counter((f["rule"], str(f["line"]), str(f["column"])) for f in checked["findings"])
    assert shown == found and sum(shown.values()) == 47
    assert f'data-stage="{matured["stage"]}"' in markup and matured["name"] in markup
    assert f'data-met="{len(matured["met"])}"' in markup
    assert f'data-missing="{len(matured["missing"])}"' in markup
    for step in matured["next_steps"]:
        assert html.escape(step, quote=False).split("`")[0] in markup


def test_smart_table_shows_the_finding_behind_each_cross(cli):
    markup = page(cli, FLAWED)
    table = markup[markup.index('<table class="smart">'):markup.index('<section id="matrix">')]
    rows = table.split("<tr")
    vague = next(r for r in rows if "Ik zal mijn aantal fans" in r)
    assert vague.count('class="tick no"') == 4 and vague.count('class="tick yes"') == 1  # S, M, R, T fail; A is not judged
    notes = next(r for r in rows[rows.index(vague):] if 'class="notes"' in r)
    for code in ("SM201", "SM202", "SM207", "SM203", "SM204", "SM205"):
        assert code in notes
    clean = text_of(page(cli, GROENE)).split("fb-fans")[1]
    assert "1.200 → 1.320 (+10%)" in clean and "Anna de Vries" in clean and "31 december 2027" in clean


def test_channel_audience_matrix_uses_sm301s_figures(cli):
    markup = page(cli, FLAWED)
    matrix = markup[markup.index('<table class="matrix">'):markup.index('<section id="content">')]
    tiktok = matrix[matrix.index("TikTok"):]
    cell = tiktok[tiktok.index("<td"):tiktok.index("</tr>")].split("<td")[2]  # the second audience: ouderen (65+)
    assert "fit-weak served" in cell and "9%" in cell and "Newcom" in cell
    assert "onbekend platform, niet beoordeeld" in matrix  # myspace
    finding = next(f for f in check_json(cli, FLAWED)["findings"] if f["rule"] == "SM301")
    assert "ongeveer 9%" in finding["message"]  # the same figure as the finding


def test_team_marks_the_channels_nobody_covers(cli):
    markup = page(cli, FLAWED)
    team = markup[markup.index('<section id="team"'):markup.index('<section id="findings">')]
    assert team.count('class="channel uncovered"') == 2
    assert "Kanalen die niemand doet: TikTok, Myspace." in text_of(team)


def test_findings_are_grouped_by_step(cli):
    text = text_of(page(cli, FLAWED))
    order = [text.index(name) for name in ("Bestand en basisgegevens (2)", "Stap 1: doelgroep (5)", "Stap 2: doelstellingen",
                                           "Stap 3: kanalen", "Stap 4: content", "Stap 5: team, taken en kalender",
                                           "Groeimodel (")]
    assert order == sorted(order)


def test_strategy_text_is_escaped(cli, tmp_path):
    hostile = tmp_path / "x.strategy.yaml"
    hostile.write_text(GROENE.read_text(encoding="utf-8").replace(
        "name: Groene Buurt", 'name: "<script>alert(1)</script><img src=x onerror=alert(2)>"').replace(
        "[De doelgroep is nu scherp]", '["</li><iframe src=https://example.org>"]'), encoding="utf-8")
    markup = page(cli, hostile)
    assert "<script>alert" not in markup and "<img" not in markup and "<iframe" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def test_half_written_and_mistyped_strategies_still_get_a_page(cli, tmp_path):
    for index, text in enumerate([
        "version: 1\n",
        "version: 1\norganisation: 5\nperiod: x\naudiences: 3\ncontent: {pillars: 4}\nretrospective: {rose: 3}\nmaturity: 7\n",
        "version: 1\norganisation: {name: X}\nperiod: {start: 2027-01-01, end: 2026-01-01}\n"
        "calendar:\n  - {date: 2027-13-01, channel: fb}\n  - {date: 2027-02-01, channel: fb}\n  - 12\n"
        "tasks:\n  - {id: a, title: b, due: nope}\nchannels:\n  - {platform: fb, audiences: [x]}\n",
    ]):
        path = tmp_path / f"half{index}.strategy.yaml"
        path.write_text(text, encoding="utf-8")
        result = cli("report", path, "--today", TODAY)
        assert result.exit_code == 0, result.output
        assert "</html>" in result.stdout


def test_calendar_heat_map_is_bounded_for_a_very_long_period(cli, tmp_path):
    path = tmp_path / "long.strategy.yaml"
    path.write_text("version: 1\norganisation: {name: X}\nperiod: {start: 0001-01-01, end: 9999-12-31}\n"
                    "channels: [{platform: facebook}]\ncontent: {cadence: [{channel: facebook, posts: 1, per: week}]}\n"
                    "calendar:\n  - {date: 0001-01-01, channel: facebook}\n  - {date: 9999-12-31, channel: facebook}\n",
                    encoding="utf-8")
    markup = page(cli, path)
    heat = markup[markup.index('<figure class="heat"'):markup.index("</figure>", markup.index('<figure class="heat"'))]
    assert heat.count("<rect class=") <= 106
    assert "valt buiten de periode" not in markup and "falls outside the period" in markup


def test_page_for_1500_calendar_entries_stays_under_one_megabyte(cli, tmp_path):
    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    try:
        from corpus import strategy
    finally:
        sys.path.pop(0)
    path = tmp_path / "big.strategy.yaml"
    path.write_text(strategy(0, 1500), encoding="utf-8")
    out = tmp_path / "big.html"
    assert cli("report", path, "-o", out, "--today", TODAY).exit_code == 0
    assert 50_000 < out.stat().st_size < 1_000_000


def test_every_report_text_exists_in_both_languages():
    from smlint.data import read_yaml

    def shape(node):
        if isinstance(node, dict):
            return {key: shape(value) for key, value in node.items()}
        if isinstance(node, list):
            return len(node)
        return re.findall(r"\{(\w+)\}", node)  # the same placeholders

    texts = read_yaml("report.yaml")
    assert set(texts) == {"en", "nl"}
    assert shape(texts["en"]) == shape(texts["nl"])


# -- files -------------------------------------------------------------------------


def test_output_file_is_written_atomically_with_usual_permissions(cli, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    assert cli("report", GROENE, "-o", out, "--today", TODAY).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # an existing file keeps its permissions
    fresh = tmp_path / "fresh.html"
    umask = os.umask(0o022)
    try:
        assert cli("report", GROENE, "-o", fresh, "--today", TODAY).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.html", "report.html"]  # no temporary file left


def test_refuses_to_write_over_a_strategy(cli, tmp_path):
    strategy = tmp_path / "plan.strategy.yaml"
    strategy.write_bytes(GROENE.read_bytes())
    link = tmp_path / "link.html"
    link.symlink_to(strategy)
    for target in (strategy, link):
        result = cli("report", strategy, "-o", target, "--today", TODAY)
        assert result.exit_code == 2
        assert "smlint leest dat bestand" in result.stderr or "smlint reads it" in result.stderr
    assert strategy.read_bytes() == GROENE.read_bytes()


@pytest.mark.parametrize("command", ["report", "calendar"])
@pytest.mark.parametrize("settings", [".smlint.yaml", "channels.yaml", "pack.yaml", "baseline.json"])
def test_refuses_to_write_over_a_settings_file_the_run_reads(cli, tmp_path, monkeypatch, command, settings):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.strategy.yaml").write_bytes(GROENE.read_bytes())
    files = {".smlint.yaml": "channel-data: [channels.yaml]\nrule-packs: [pack.yaml]\nbaseline: baseline.json\n",
             "channels.yaml": "sources:\n  mine: {cite: Eigen panel, year: 2026, denominator: leden}\n",
             "pack.yaml": "version: 1\nrules:\n  - code: ORG001\n    message: {en: x}\n    given: $.objectives[*]\n"
                          "    then: {field: statement, function: truthy}\n",
             "baseline.json": '{"smlint-baseline": 1, "findings": []}\n'}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli(command, "plan.strategy.yaml", "-o", settings, "--today", TODAY, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"Not writing to {settings}: smlint reads it" in result.stderr
    assert (tmp_path / settings).read_text(encoding="utf-8") == files[settings]


@pytest.mark.parametrize("command, name", [("report", "report.html"), ("calendar", "calendar.ics")])
def test_unreadable_strategy_is_a_clear_message_and_exit_1(cli, tmp_path, command, name):
    broken = tmp_path / "broken.strategy.yaml"
    broken.write_text("version: 1\norganisation: {name: [\n", encoding="utf-8")
    out = tmp_path / name
    result = cli(command, broken, "-o", out)
    assert result.exit_code == 1
    assert "could not be read" in result.stderr and "SM001" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_several_strategies_make_pages_and_an_index(cli, tmp_path):
    broken = tmp_path / "broken.strategy.yaml"
    broken.write_text("[]", encoding="utf-8")
    folder = tmp_path / "site"
    result = cli("report", GROENE, NORTHWIND, FLAWED, broken, "-o", folder, "--today", TODAY)
    assert result.exit_code == 1  # one file could not be read; the others have their page
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["flawed.strategy.html", "groene-buurt.strategy.html", "index.html",
                     "northwind-analytics.strategy.html"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    for name in names[:2] + names[3:]:
        assert f'href="{name}"' in index
    assert "broken.strategy.yaml" in index and "SM001" in index
    checked = json.loads(cli("check", GROENE, NORTHWIND, FLAWED, "--format", "json", "--today", TODAY).stdout)
    assert f'data-summary="warning">{checked["summary"]["warning"]}<' in index


def test_several_strategies_need_a_folder(cli, tmp_path):
    assert cli("report", GROENE, FLAWED).exit_code == 2
    afile = tmp_path / "a.html"
    afile.write_text("x", encoding="utf-8")
    assert cli("report", GROENE, FLAWED, "-o", afile).exit_code == 2
    assert afile.read_text(encoding="utf-8") == "x"


def test_same_file_names_in_two_folders_get_two_pages(cli, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "strategy.yaml").write_bytes(GROENE.read_bytes())
    out = tmp_path / "out"
    assert cli("report", tmp_path / "a", tmp_path / "b", "-o", out, "--today", TODAY).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "strategy-2.html", "strategy.html"]


def test_check_does_not_import_the_report_libraries():
    modules = modules_imported_by("check", str(GROENE), "--today", TODAY)
    assert "smlint.commands.check" in modules  # the command that ran...
    assert "smlint.commands.report" not in modules  # ...and not the others' modules,
    assert not [m for m in modules if m.split(".")[0] in ("jinja2", "icalendar", "markupsafe")]  # nor their libraries
    assert "smlint.commands.report_view" not in modules


# -- in a real browser ---------------------------------------------------------------

from .browser import Browser, executable  # noqa: E402

CHROMIUM = executable()
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if IN_CI:
            pytest.fail("CI=true but no Chromium is installed: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium); under CI=true this test fails instead")
    with Browser(CHROMIUM) as running:
        yield running


def png_is_not_blank(png: bytes) -> bool:
    """Many different pixel values, not one colour (decoded from the PNG's IDAT chunks with zlib)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, position = b"", 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        if kind == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += length + 12
    return len(set(zlib.decompress(data))) > 64


@pytest.mark.parametrize("example", [FLAWED, GROENE, NORTHWIND], ids=lambda p: p.name.split(".")[0])
def test_report_in_headless_chromium(cli, browser, tmp_path, example):
    out = tmp_path / "report.html"
    assert cli("report", example, "-o", out, "--today", TODAY).exit_code == 0
    shown = browser.open(out.resolve().as_uri())
    png = shown.screenshot()
    pdf = shown.pdf()
    (tmp_path / "report.png").write_bytes(png)
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert png_is_not_blank(png)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") + pdf.count(b"/Type/Page") >= 2
    assert shown.evaluate("document.body.scrollHeight") > 1500
    assert len(shown.evaluate("document.body.innerText")) > 1000
    assert shown.console_errors() == []
    assert shown.requests() == []

    def number(selector: str) -> int:
        return int(re.sub(r"\D", "", shown.evaluate(f"document.querySelector('{selector}').textContent")))

    checked = check_json(cli, example)
    matured = maturity_json(cli, example)
    for key in ("error", "warning", "info"):
        assert number(f"[data-summary={key}]") == checked["summary"][key]
    assert number("[data-findings]") == len(checked["findings"])
    rows = shown.evaluate("[...document.querySelectorAll('tr[data-rule]')].map(r => r.dataset.rule + ' ' + "
                          "r.querySelector('.where').textContent)")
    assert Counter(rows) == Counter(f"{f['rule']} {f['line']}:{f['column']}" for f in checked["findings"])
    assert number("[data-stage]") == matured["stage"]
    assert number("[data-met]") == len(matured["met"])
    assert number("[data-missing]") == len(matured["missing"])
    assert shown.evaluate("document.querySelectorAll('ol.steps li').length") == len(matured["next_steps"])
    visible = shown.evaluate("document.body.innerText")
    assert matured["name"] in visible


def test_index_in_headless_chromium(cli, browser, tmp_path):
    folder = tmp_path / "site"
    assert cli("report", GROENE, NORTHWIND, "-o", folder, "--today", TODAY).exit_code == 0
    shown = browser.open((folder / "index.html").resolve().as_uri())
    assert shown.console_errors() == [] and shown.requests() == []
    links = shown.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert links == ["groene-buurt.strategy.html", "northwind-analytics.strategy.html"]
    text = shown.evaluate("document.body.innerText")  # a Dutch and an English strategy: the index is in English
    assert text.count("3: Consciously competent") == 2 and "Bewust" not in text


def test_hostile_strategy_text_loads_nothing_in_the_browser(cli, browser, tmp_path):
    hostile = tmp_path / "x.strategy.yaml"
    hostile.write_text(GROENE.read_text(encoding="utf-8").replace(
        "name: Groene Buurt", 'name: "<img src=https://example.org/x.png onerror=alert(1)>"').replace(
        "[De doelgroep is nu scherp]", '["<link rel=stylesheet href=//example.org/s.css>"]'), encoding="utf-8")
    out = tmp_path / "report.html"
    assert cli("report", hostile, "-o", out, "--today", TODAY).exit_code == 0
    shown = browser.open(out.resolve().as_uri())
    assert shown.requests() == [] and shown.console_errors() == []
    assert "<img src=https://example.org/x.png" in shown.evaluate("document.querySelector('h1').textContent")


def test_readme_screenshot_exists():
    """docs/report.png is made by `python -m tests.browser --screenshot docs/report.png ...` (see docs/README.md)."""
    png = (EXAMPLES.parent / "docs" / "report.png").read_bytes()
    assert png_is_not_blank(png)
    assert "docs/report.png" in (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")


# -- hostile input -------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402

from .fuzzing import edited_text, mutated_examples  # noqa: E402

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fuzz_property(data: bytes) -> None:
    """`report` and `calendar` on any input: no exception escapes, and what they print is whole."""
    from click.testing import CliRunner

    import icalendar

    from smlint.cli import main

    runner = CliRunner()
    for args in (["report", "-"], ["calendar", "-", "--format", "ics"], ["calendar", "-", "--format", "csv"]):
        result = runner.invoke(main, [*args, "--today", TODAY], input=data)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            raise AssertionError("exception escaped: " + "".join(traceback.format_exception(result.exception)))
        assert result.exit_code in (0, 1), (args, result.exit_code, result.output)
        if result.exit_code == 1:
            assert "SM00" in result.stderr and not result.stdout
        elif args[0] == "report":
            assert result.stdout.rstrip().endswith("</html>")
        elif args[-1] == "ics":
            icalendar.Calendar.from_ical(result.stdout_bytes)


@FUZZ
@given(mutated_examples())
def test_report_and_calendar_survive_mutated_examples(data):
    fuzz_property(data)


@FUZZ
@given(edited_text())
def test_report_and_calendar_survive_examples_edited_as_text(data):
    fuzz_property(data)


def test_tables_stay_bounded_for_hundreds_of_channels_and_audiences(cli, tmp_path):
    lines = ["version: 1", "organisation: {name: X, region: nl}", "period: {start: 2027-01-01, end: 2027-12-31}",
             "audiences:"]
    lines += [f"  - {{id: a{n}, age: 20-30}}" for n in range(300)]
    lines += ["channels:"] + [f"  - {{id: c{n}, platform: facebook, audiences: [a{n}]}}" for n in range(300)]
    lines += ["team:"] + [f"  - {{id: m{n}, channels: [c{n}]}}" for n in range(300)]
    lines += ["calendar:"] + [f"  - {{date: 2027-01-05, channel: c{n}}}" for n in range(300)]
    path = tmp_path / "wide.strategy.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    markup = page(cli, path)
    matrix = markup[markup.index('<table class="matrix">'):markup.index('<section id="content">')]
    assert matrix.count("<td class=\"fit-") == 50 * 50
    assert "Only the first 50 are shown" in markup
    assert len(markup) < 2_000_000
