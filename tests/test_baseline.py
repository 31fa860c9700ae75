"""Baselines: recorded findings stay quiet through edits; only genuinely new ones are reported."""

from __future__ import annotations

import json
import shutil

import pytest

from smlint.baseline import stable_path
from smlint.load.loader import load_text

from .conftest import EXAMPLES

FLAWED = EXAMPLES / "flawed.strategy.yaml"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    shutil.copy(FLAWED, tmp_path / "plans" / "flawed.strategy.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_write_baseline_then_nothing_is_reported(repo, cli):
    written = cli("check", "plans", "--write-baseline", "baseline.json", "--today", "2027-03-01")
    assert written.exit_code == 0
    assert "baseline.json" in written.stderr
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["smlint-baseline"] == 1 and len(data["findings"]) > 20
    assert all(entry["file"] == "plans/flawed.strategy.yaml" for entry in data["findings"])
    keys = [(e["file"], e["rule"], e["path"]) for e in data["findings"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    again = cli("check", "plans", "--baseline", "baseline.json", "--today", "2027-03-01", "--format", "json")
    assert again.exit_code == 0 and _findings(again) == []


def test_rewriting_an_unchanged_tree_gives_the_same_bytes(repo, cli):
    cli("check", "plans", "--write-baseline", "one.json", "--today", "2027-03-01")
    cli("check", "plans/flawed.strategy.yaml", "--write-baseline", "two.json", "--today", "2027-03-01", "--lang", "en")
    (repo / "sub").mkdir()
    import os

    os.chdir(repo / "sub")
    cli("check", "../plans", "--write-baseline", "../three.json", "--today", "2027-03-01")
    one = (repo / "one.json").read_bytes()
    assert one == (repo / "two.json").read_bytes() == (repo / "three.json").read_bytes()


def test_edits_that_move_lines_and_items_resurrect_nothing(repo, cli):
    plan = repo / "plans" / "flawed.strategy.yaml"
    cli("check", "plans", "--write-baseline", "baseline.json", "--today", "2027-03-01")
    text = plan.read_text(encoding="utf-8")
    # a comment block at the top, an objective inserted above the others, channels in another order
    text = "# Plan van aanpak\n# bijgewerkt na de evaluatie\n\n" + text
    plan.write_text(text, encoding="utf-8")
    _edit(plan, "objectives:\n", "objectives:\n"
          "  - id: nieuw-doel\n"
          "    statement: Meer bekendheid.\n")
    result = cli("check", "plans", "--baseline", "baseline.json", "--today", "2027-03-01", "--format", "json",
                 "--lang", "en")
    new = _findings(result)
    assert new, "the inserted objective's findings are new"
    assert {f["path"] for f in new} <= {"/objectives/0", "/objectives/0/statement"}, new
    assert all("nieuw-doel" in f["message"] for f in new)


def test_reordering_channels_keeps_their_findings_in_the_baseline(repo, cli):
    plan = repo / "plans" / "flawed.strategy.yaml"
    cli("check", "plans", "--write-baseline", "baseline.json", "--today", "2027-03-01")
    text = plan.read_text(encoding="utf-8")
    start = text.index("channels:\n") + len("channels:\n")
    block = text[start:text.index("\ncontent:") + 1]
    items = ["  - " + item for item in block.split("  - ") if item.strip()]
    assert len(items) >= 2
    plan.write_text(text[:start] + "".join(reversed(items)) + text[start + len(block):], encoding="utf-8")
    result = cli("check", "plans", "--baseline", "baseline.json", "--today", "2027-03-01", "--format", "json")
    assert _findings(result) == []


def test_fixed_findings_are_counted_as_stale(repo, cli):
    plan = repo / "plans" / "flawed.strategy.yaml"
    cli("check", "plans", "--write-baseline", "baseline.json", "--today", "2027-03-01")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[:text.index("\ncalendar:") + 1], encoding="utf-8")  # the calendar's findings are gone
    result = cli("check", "plans", "--baseline", "baseline.json", "--today", "2027-03-01", "--lang", "en")
    assert "no longer occur" in result.stderr
    assert "--write-baseline baseline.json" in result.stderr


def test_the_configuration_can_name_the_baseline(repo, cli):
    cli("check", "plans", "--write-baseline", "baseline.json", "--today", "2027-03-01")
    (repo / ".smlint.yaml").write_text("baseline: baseline.json\ntoday: 2027-03-01\n", encoding="utf-8")
    result = cli("check", "plans", "--format", "json")
    assert result.exit_code == 0 and _findings(result) == []


@pytest.mark.parametrize("content", ["not json", "[]", '{"smlint-baseline": 2}',
                                     '{"smlint-baseline": 1, "findings": [{"file": "a"}]}',
                                     '{"smlint-baseline": 1, "findings": [{"file": "a", "rule": "SM1", '
                                     '"path": "", "count": -1}]}'])
def test_a_bad_baseline_is_exit_2(repo, cli, content):
    (repo / "baseline.json").write_text(content, encoding="utf-8")
    result = cli("check", "plans", "--baseline", "baseline.json")
    assert result.exit_code == 2 and "baseline" in result.output
    missing = cli("check", "plans", "--baseline", "nowhere.json")
    assert missing.exit_code == 2


def test_a_baselined_file_keeps_counting_repeated_findings(repo, cli):
    """Two findings of one rule on one node: the second is new once a third appears."""
    plan = repo / "plans" / "strategy.yaml"
    plan.write_text("version: 1\norganisation: {name: x}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n"
                    "x-a: 1\nx-a: 2\n", encoding="utf-8")
    cli("check", "plans/strategy.yaml", "--write-baseline", "b.json", "--select", "SM002")
    entry = json.loads((repo / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["count"] for e in entry] == [1]
    plan.write_text(plan.read_text(encoding="utf-8") + "x-a: 3\n", encoding="utf-8")
    result = cli("check", "plans/strategy.yaml", "--baseline", "b.json", "--select", "SM002", "--format", "json")
    assert len(_findings(result)) == 1


def test_stable_paths_name_items_by_id_and_calendar_entries_by_what_they_are():
    root = load_text(
        "objectives:\n  - id: fans\n    deadline: x\n"
        "channels:\n  - platform: tiktok\n"
        "calendar:\n  - {date: 2027-01-05, channel: facebook, title: Afval}\n"
        "tasks:\n  - title: ''\n").root
    assert stable_path(root, "/objectives/0/deadline") == "/objectives[id=fans]/deadline"
    assert stable_path(root, "/channels/0") == "/channels[platform=tiktok]"
    assert stable_path(root, "/calendar/0") == "/calendar[date=2027-01-05,channel=facebook,title=Afval]"
    assert stable_path(root, "/tasks/0") == "/tasks/0"
    assert stable_path(root, "/nowhere/3") == "/nowhere/3"


@pytest.mark.parametrize(("target", "lang", "said"), [
    ("missing/baseline.json", "en", "Cannot write the baseline to missing/baseline.json: the folder missing does not exist"),
    ("missing/baseline.json", "nl", "Kan de baseline niet schrijven naar missing/baseline.json: de map missing bestaat niet"),
    ("plans/flawed.strategy.yaml/b.json", "en", "plans/flawed.strategy.yaml is not a folder"),
])
def test_a_baseline_that_cannot_be_written_is_said_before_linting_in_the_users_language(repo, cli, monkeypatch,
                                                                                         target, lang, said):
    from smlint import engine

    def no_lint(*args, **kwargs):
        raise AssertionError("linted before the baseline's folder was checked")

    monkeypatch.setattr(engine.Linter, "lint_path", no_lint)
    result = cli("check", "plans", "--write-baseline", target, "--lang", lang)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "Errno" not in result.stderr and "No such file" not in result.stderr
