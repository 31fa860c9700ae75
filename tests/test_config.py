"""Configuration: found as SPEC section 7 says, every key has its effect, and a bad one exits 2 with its line."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest

from smlint import config
from smlint.data import data_dir
from smlint.load.schema import text as schema_text

from .conftest import EXAMPLES, MINIMAL

# a file with an SM205 (vague statement) on line 5 and an SM102 on line 9 (values fixed by the tests below)
PLAN = MINIMAL + textwrap.dedent("""\
    objectives:
      - id: fans
        statement: Meer fans op Facebook.
        owner: anna
    audiences:
      - {id: a}
    """)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with a strategy file, as the current folder."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / "strategy.yaml", PLAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def exits_2_at(result, where: str, words: str) -> None:
    """A configuration smlint cannot use: exit 2, with the file:line: and the words of the message."""
    assert result.exit_code == 2, result.output
    assert where in result.output and words in result.output, result.output
    assert "Traceback" not in result.output


def codes_in(output: str) -> set[str]:
    return {line.split()[1] for line in output.splitlines() if ": SM" in line}


# -- finding the configuration ---------------------------------------------------


def test_found_in_a_parent_folder_and_not_beyond_the_git_root(tmp_path, monkeypatch):
    write(tmp_path / ".smlint.yaml", "ignore: [SM1]\n")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "plans").mkdir()
    monkeypatch.chdir(project / "plans")
    assert config.find() is None  # the .git folder stops the search
    write(project / ".smlint.yaml", "ignore: [SM2]\n")
    assert config.find() == (project / ".smlint.yaml").resolve()


def test_smlint_yaml_wins_over_pyproject_in_the_same_folder(repo):
    write(repo / "pyproject.toml", "[tool.smlint]\nignore = ['SM1']\n")
    assert config.find() == (repo / "pyproject.toml").resolve()
    write(repo / ".smlint.yaml", "ignore: [SM2]\n")
    assert config.find() == (repo / ".smlint.yaml").resolve()


def test_pyproject_without_tool_smlint_does_not_stop_the_search(tmp_path, monkeypatch):
    write(tmp_path / ".smlint.yaml", "ignore: [SM2]\n")
    (tmp_path / ".git").mkdir()
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path / "sub")
    assert config.find() == (tmp_path / ".smlint.yaml").resolve()


def test_config_option_overrides_the_found_file(cli, repo):
    write(repo / ".smlint.yaml", "select: [SM205]\n")
    write(repo / "other.yaml", "select: [SM102]\n")
    assert codes_in(cli("check", "strategy.yaml").output) == {"SM205"}
    assert codes_in(cli("check", "strategy.yaml", "--config", "other.yaml").output) == {"SM102"}


# -- every key has its effect ----------------------------------------------------------


def test_select_extend_select_and_ignore(cli, repo):
    write(repo / ".smlint.yaml", "select: [SM2]\nextend-select: [SM102]\nignore: [SM204, SM201]\n")
    found = codes_in(cli("check").output)
    assert "SM102" in found and "SM205" in found and not found & {"SM204", "SM201", "SM101"}
    # the command line's --select replaces the configuration's, --ignore adds to it
    assert codes_in(cli("check", "--select", "SM1").output) == {"SM102", "SM104", "SM105", "SM106"}


def test_per_file_ignores(cli, repo):
    write(repo / "drafts" / "x.strategy.yaml", PLAN)
    write(repo / ".smlint.yaml", """\
        per-file-ignores:
          "drafts/*.yaml": [SM2]
        """)
    lines = cli("check").output.splitlines()
    assert any(line.startswith("strategy.yaml") and "SM205" in line for line in lines)
    assert not any(line.startswith("drafts") and " SM2" in line for line in lines)
    assert any(line.startswith("drafts") and "SM102" in line for line in lines)


def test_severity_and_fail_on(cli, repo):
    write(repo / ".smlint.yaml", "select: [SM205]\nseverity: {SM205: info}\n")
    result = cli("check")
    assert "SM205 info" in result.output and result.exit_code == 0
    write(repo / ".smlint.yaml", "select: [SM205]\nseverity: {SM205: info}\nfail-on: info\n")
    assert cli("check").exit_code == 1
    assert cli("check", "--fail-on", "error").exit_code == 0  # the command line wins


def test_lang_today_and_thresholds(cli, repo):
    write(repo / "strategy.yaml", PLAN + "tasks:\n  - {id: t, title: T, owner: anna, due: 2027-03-01}\n")
    write(repo / ".smlint.yaml", "select: [SM205, SM505]\nlang: nl\ntoday: 2027-03-02\n")
    out = cli("check").output
    assert "SM505" in out and "Taak 't'" in out and "Vage doelstelling" in out or "vaag" in out.lower()
    write(repo / ".smlint.yaml", "select: [SM205, SM505]\ntoday: 2027-03-01\n")
    assert "SM505" not in cli("check").output
    write(repo / "strategy.yaml", MINIMAL.replace("{name: Test}", "{name: Test, region: us}") + textwrap.dedent("""\
        audiences: [{id: old, age: 65+}]
        channels: [{platform: tiktok, audiences: [old]}]
        """))
    write(repo / ".smlint.yaml", "select: [SM301]\n")
    assert "SM301" in cli("check").output
    write(repo / ".smlint.yaml", "select: [SM301]\nthresholds: {SM301: {min-reach: 10}}\n")
    assert "SM301" not in cli("check").output


def test_channel_data_and_patterns_are_relative_to_the_config(cli, repo):
    write(repo / "data" / "mine.yaml", "platforms:\n  myspace: {aliases: [ms]}\n")
    write(repo / "plans" / "plan.smlint.yml", MINIMAL + "channels: [{platform: myspace}]\n")
    write(repo / ".smlint.yaml", "select: [SM304]\npatterns: ['*.smlint.yml']\nchannel-data: data/mine.yaml\n")
    result = cli("check")
    assert result.exit_code == 0 and "1 file" in result.output  # found by pattern; myspace known from the data
    write(repo / ".smlint.yaml", "select: [SM304]\npatterns: ['*.smlint.yml']\n")
    assert "SM304" in cli("check").output


def test_max_file_size(cli, repo):
    write(repo / ".smlint.yaml", "max-file-size: 50\n")
    result = cli("check")
    assert "SM001" in result.output and "50" in result.output


def test_pyproject_tool_table(cli, repo):
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.smlint]\nselect = ['SM205']\nlang = 'nl'\n")
    result = cli("check")
    assert codes_in(result.output) == {"SM205"}


def test_codes_in_any_case(cli, repo):
    write(repo / ".smlint.yaml", "select: [sm205]\n")
    assert codes_in(cli("check").output) == {"SM205"}


def test_x_keys_are_allowed(cli, repo):
    write(repo / ".smlint.yaml", "x-owner: marketing\nselect: [SM205]\n")
    assert cli("check").exit_code == 1


# -- a configuration smlint cannot use: exit 2, file, key, line, suggestion ----------------


@pytest.mark.parametrize("text, where, words", [
    ("select: [SM2]\nignor: [SM205]\n", ":2:1:", "Unknown key 'ignor' in the file; did you mean 'ignore'?"),
    ("per-file-ignores:\n  x.yaml: [SM2]\nseverity: {SM205: fatal}\n", ":3:12:", "choose one of: error, warning, info"),
    ("fail-on: warn\n", ":1:1:", "'warn' is not allowed; did you mean 'warning'?"),
    ("ignore: [SM2, SM999]\n", ":1:15:", "Unknown rule code or prefix 'SM999'; did you mean"),
    ("ignore: [SM2, 205]\n", ":1:15:", "ignore: 205 is not a rule code or prefix; write e.g. SM205"),
    ("thresholds:\n  SM301: {min_reach: 10}\n", ":2:11:", "Rule SM301 has no option 'min_reach' (did you mean 'min-reach'?)"),
    ("today: 31-12-2027\n", ":1:1:", "2027-12-31"),
    ("select: [SM2]\nselect: [SM3]\n", ":2:1:", "already defined on line 1"),
    ("- SM2\n", ":1:1:", "mapping"),
])
def test_bad_smlint_yaml_exits_2_with_file_line_and_hint(cli, repo, text, where, words):
    write(repo / ".smlint.yaml", text)
    exits_2_at(cli("check"), f".smlint.yaml{where}", words)


@pytest.mark.parametrize("text, where, words", [
    ("? [a]\n: 1\n", ":1:3:", "Keys must be plain text"),
    ("<<: 1\n", ":1:1:", "A merge key (<<) must refer to a mapping"),
])
@pytest.mark.parametrize("kind", ["config", "channel-data"])
def test_complex_and_merge_keys_in_settings_files_exit_2(cli, repo, kind, text, where, words):
    name = ".smlint.yaml" if kind == "config" else "data.yaml"
    write(repo / name, text)
    exits_2_at(cli("check", *(["--channel-data", "data.yaml"] if kind == "channel-data" else [])), f"{name}{where}", words)


@pytest.mark.parametrize("text", [
    'tool = 5\nx = """\n[tool.smlint]\n"""\n',  # the header in a string: not a configuration
    '[project]\nname = "x"\ndescription = """\n[tool.smlint]\nignore = ["SM2"]\n"""\n',
])
def test_tool_smlint_inside_a_string_is_no_configuration(cli, repo, text):
    write(repo / "pyproject.toml", text)
    assert config.find() is None
    assert cli("check").exit_code == 1  # linted with the defaults


@pytest.mark.parametrize("text, where, words", [
    ("[tool.smlint\nignore = ['SM2']\n", "pyproject.toml:1:", "not valid TOML"),  # a header written wrongly
    ("[tool]\nsmlint = 5\n", "pyproject.toml:2:1:", "tool.smlint must be a table"),
    ("[ tool . 'smlint' ]\nignore = 5\n", "pyproject.toml:2:1:", "ignore"),
])
def test_a_pyproject_that_means_smlint_but_cannot_be_used_exits_2(cli, repo, text, where, words):
    write(repo / "pyproject.toml", text)
    exits_2_at(cli("check"), where, words)


@pytest.mark.parametrize("lang, words", [("en", "not UTF-8"), ("nl", "geen UTF-8")])
def test_a_pyproject_that_is_not_utf8_exits_2(cli, repo, lang, words):
    (repo / "pyproject.toml").write_bytes(b"[tool.smlint]\n# caf\xe9\nignore = ['SM2']\n")
    exits_2_at(cli("check", "--lang", lang), "pyproject.toml:2:6:", words)


def test_bad_pyproject_names_file_key_and_line(cli, repo):
    write(repo / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.smlint]\nselect = ['SM2']\nignroe = ['SM205']\n")
    result = cli("check")
    assert result.exit_code == 2
    assert "pyproject.toml:6:1:" in result.output and "did you mean 'ignore'" in result.output


def test_broken_toml_exits_2(cli, repo):
    write(repo / "pyproject.toml", "[tool.smlint]\nselect = [\n")
    result = cli("check")
    assert result.exit_code == 2 and "pyproject.toml:" in result.output and "TOML" in result.output


def test_config_errors_in_dutch(cli, repo):
    write(repo / ".smlint.yaml", "ignor: [SM205]\n")
    result = cli("check", "--lang", "nl")
    assert result.exit_code == 2 and "Fout:" in result.output and "Onbekende sleutel 'ignor'" in result.output


def test_missing_config_file_exits_2(cli, repo):
    result = cli("check", "--config", "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml" in result.output


# -- the configuration's JSON Schema ----------------------------------------------------------


def test_config_schema_matches_the_model_and_accepts_a_full_example():
    committed = (data_dir("schemas") / "config.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text("config"), "run: python -m smlint.load.schema --write"
    example = {
        "select": ["SM"], "extend-select": ["SM008"], "ignore": ["SM403"],
        "per-file-ignores": {"drafts/*.yaml": ["SM2"]}, "severity": {"SM205": "error"}, "fail-on": "warning",
        "lang": "nl", "today": "2027-01-02", "thresholds": {"SM301": {"min-reach": 15}},
        "channel-data": "data/newcom-2026.yaml", "patterns": ["*.strategy.yaml"], "max-file-size": 1000000,
    }
    jsonschema.validate(example, json.loads(committed))
    from smlint.load.config_model import Config

    Config.model_validate(example)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"selct": ["SM2"]}, json.loads(committed))


def test_readme_configure_example_is_valid(tmp_path):
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Configure", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    path = write(tmp_path / ".smlint.yaml", block)
    (tmp_path / "rules").mkdir()  # the rule pack the example names
    (tmp_path / "rules" / "gemeente.rulepack.yaml").write_bytes(
        (EXAMPLES / "rulepacks" / "gemeente-zuidstad.rulepack.yaml").read_bytes())
    loaded = config.load(str(path))
    assert loaded.config.lang == "nl"
