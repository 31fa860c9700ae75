"""Hostile baselines and baseline targets: exit 2 with a clear message, never a traceback, a hang or a lost file."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from .conftest import EXAMPLES

FLAWED = EXAMPLES / "flawed.strategy.yaml"
TODAY = ("--today", "2027-03-01")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    shutil.copy(FLAWED, tmp_path / "s.strategy.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_write_baseline_never_replaces_the_strategy_it_reads(repo, cli):
    before = (repo / "s.strategy.yaml").read_bytes()
    result = cli("check", "s.strategy.yaml", "--write-baseline", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2
    assert "would replace a file this run reads" in result.stderr
    assert (repo / "s.strategy.yaml").read_bytes() == before
    os.symlink("s.strategy.yaml", repo / "link.json")  # a link to it is the same file
    assert cli("check", ".", "--write-baseline", "link.json", *TODAY).exit_code == 2
    assert (repo / "s.strategy.yaml").read_bytes() == before


def test_write_baseline_never_replaces_the_configuration_or_a_rule_pack(repo, cli):
    (repo / "pack.yaml").write_text("version: 1\nrules:\n  - code: ORG001\n    message: {en: x}\n"
                                    "    given: $.objectives[*]\n    then: {field: owner, function: truthy}\n",
                                    encoding="utf-8")
    (repo / ".smlint.yaml").write_text("rule-packs: [pack.yaml]\n", encoding="utf-8")
    for target in (".smlint.yaml", "pack.yaml"):
        before = (repo / target).read_bytes()
        result = cli("check", "s.strategy.yaml", "--write-baseline", target, "--lang", "nl", *TODAY)
        assert result.exit_code == 2 and "zou een bestand vervangen dat deze run leest" in result.stderr
        assert (repo / target).read_bytes() == before


def test_write_baseline_onto_a_fifo_without_reader_is_exit_2_at_once(repo, cli):
    os.mkfifo(repo / "fifo")
    result = cli("check", "s.strategy.yaml", "--write-baseline", "fifo", *TODAY)
    assert result.exit_code == 2
    assert stat.S_ISFIFO(os.stat(repo / "fifo").st_mode)  # still a FIFO, not replaced by a plain file


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root (CI runs as root)")
def test_write_baseline_onto_a_device_writes_to_it_and_never_replaces_it(repo, cli):
    os.mknod(repo / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # /dev/full
    os.mknod(repo / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null
    full = cli("check", "s.strategy.yaml", "--write-baseline", "full", *TODAY)
    assert full.exit_code == 2 and "Error: Cannot write the baseline to full: the disk is full" in full.stderr
    assert cli("check", "s.strategy.yaml", "--write-baseline", "null", *TODAY).exit_code == 0
    assert stat.S_ISCHR(os.stat(repo / "full").st_mode) and stat.S_ISCHR(os.stat(repo / "null").st_mode)


def test_write_baseline_through_a_link_replaces_the_file_and_keeps_the_link(repo, cli):
    (repo / "kept").mkdir()
    (repo / "kept" / "baseline.json").write_text("{}", encoding="utf-8")
    os.symlink("kept/baseline.json", repo / "baseline.json")
    assert cli("check", "s.strategy.yaml", "--write-baseline", "baseline.json", *TODAY).exit_code == 0
    assert os.path.islink(repo / "baseline.json")
    assert json.loads((repo / "kept" / "baseline.json").read_text(encoding="utf-8"))["smlint-baseline"] == 1


@pytest.mark.timeout(60)
def test_a_fifo_as_baseline_is_exit_2_never_a_hang(repo, cli):
    os.mkfifo(repo / "fifo")
    result = cli("check", "s.strategy.yaml", "--baseline", "fifo", *TODAY)
    assert result.exit_code == 2 and "not a regular file" in result.stderr


@pytest.mark.parametrize(("content", "said"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"smlint-baseline": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    (b"\xff\xfe{}", "byte 1 is not UTF-8"),
    ('{"smlint-baseline": 1,\n "findings": [}', "line 2, column"),
    ('{"smlint-baseline": true}', '"smlint-baseline": 1'),
    ('{"smlint-baseline": 1, "findings": [], "findings": []}', "the key 'findings' appears twice"),
    ('{"smlint-baseline": 1, "findings": {"a": 1}}', '"findings" is not a list'),
    ('{"smlint-baseline": 1, "findings": [1]}', "finding 1 is not an object"),
    ('{"smlint-baseline": 1, "findings": [{"file": [], "rule": "SM1", "path": ""}]}', "no text for 'file'"),
    ('{"smlint-baseline": 1, "findings": [{"file": "a", "rule": "SM1", "path": "", "count": 1e999}]}',
     "finding 1 has a count"),
    ('{"smlint-baseline": 1, "findings": [{"file": "a", "rule": "SM1", "path": "", "count": true}]}',
     "finding 1 has a count"),
    ("NaN", "NaN is not a JSON value"),
])
def test_a_hostile_baseline_is_exit_2_with_what_is_wrong(repo, cli, content, said):
    path = repo / "baseline.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = cli("check", "s.strategy.yaml", "--baseline", "baseline.json", *TODAY)
    assert result.exit_code == 2
    assert said in result.stderr and "Traceback" not in result.stderr


def test_a_hostile_baseline_is_explained_in_dutch(repo, cli):
    (repo / "baseline.json").write_text('{"smlint-baseline": 1, "findings": [7]}', encoding="utf-8")
    result = cli("check", "s.strategy.yaml", "--baseline", "baseline.json", "--lang", "nl", *TODAY)
    assert result.exit_code == 2
    assert "Dit is geen baselinebestand van smlint (melding 1 is geen object met file, rule en path)" in result.stderr


def test_file_names_that_are_not_utf8_or_hold_a_newline_round_trip_through_a_baseline(repo, cli):
    odd = repo / "odd"
    odd.mkdir()
    names = [os.fsdecode(b"a\xff.strategy.yaml"), "new\nline.strategy.yaml"]
    for name in names:
        shutil.copy(FLAWED, odd / name)
    written = cli("check", "odd", "--write-baseline", "baseline.json", *TODAY)
    assert written.exit_code == 0, written.output
    raw = (repo / "baseline.json").read_bytes()
    raw.decode("utf-8")  # valid UTF-8: the odd byte is written as a \u escape
    files = {entry["file"] for entry in json.loads(raw)["findings"]}
    assert files == {f"odd/{name}" for name in names}
    again = cli("check", "odd", "--baseline", "baseline.json", "--format", "json", *TODAY)
    assert again.exit_code == 0 and json.loads(again.stdout)["findings"] == []
    cli("check", "odd", "--write-baseline", "again.json", *TODAY)
    assert (repo / "again.json").read_bytes() == raw


def test_a_nul_in_the_configurations_baseline_path_is_exit_2(repo, cli):
    (repo / ".smlint.yaml").write_text('baseline: "a\\0b.json"\n', encoding="utf-8")
    result = cli("check", "s.strategy.yaml", *TODAY)
    assert result.exit_code == 2 and "NUL in the file name" in result.stderr


def test_output_and_write_baseline_to_one_file_is_exit_2(repo, cli):
    """The report and the baseline would both be written there, and the baseline lost without a word."""
    result = cli("check", "s.strategy.yaml", "-o", "x.json", "--write-baseline", "./x.json", "--format", "json", *TODAY)
    assert result.exit_code == 2 and "give the report and the baseline a file each" in result.stderr
    assert not (repo / "x.json").exists()
