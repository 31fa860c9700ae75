"""Fuzzing the organisation-wide surfaces: rule packs, baselines, suppression options, report and calendar, server.

Derandomized, a few hundred examples in all: CI sees the same examples every run. The property is the contract:
a settings file smlint cannot use is its own error (exit 2 with a location), never another exception; output made
from hostile text stays well-formed and inert.
"""

from __future__ import annotations

import csv
import io
import json
import random
from html.parser import HTMLParser

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smlint import rulepacks
from smlint.baseline import Baseline, BaselineError
from smlint.load.datafile import DataFileError
from smlint.load.loader import load_text
from smlint.suppressions import _options, parse

from .conftest import EXAMPLES
from .test_rulepacks import _fresh_packs  # noqa: F401 (autouse: packs read anew)

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
FLAWED_ROOT = load_text((EXAMPLES / "flawed.strategy.yaml").read_text(encoding="utf-8")).root

odd_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", "\n", "{", "}", "{id}", "{value}", "{vaule}", "{0}", "{}", "$", "$..*", "..", "\\", "'", '"', "\u202e",
     "\x1b[31m", "=1+1", "@SUM(A1)", "-", "+", "\t=", "x" * 300, "é🎉", "NaN", "1e400", "0" * 400])
paths = st.sampled_from(["$", "$.objectives[*]", "$..*", "$.channels[*].platform", "$.team[?@.role]",
                         "$.objectives[?search(@.statement, '(a+)+$')]", "$.calendar[?@.date =~ /(2|2)*x/]",
                         "$[", "$..", "objectives", "$.objectives[?count($..*) > 2]", "$['a'", "$.a.b.c[0:9:0]"])
paths = paths | st.builds(lambda a, b: a + b, paths, odd_text)
option_values = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                          odd_text, st.lists(odd_text, max_size=3), st.dictionaries(odd_text, st.integers(), max_size=2))
functions = st.sampled_from(["truthy", "falsy", "pattern", "enum", "length", "minimum", "maximum", "unique",
                             "reference", "date-within-period", "nope"])
options = st.dictionaries(st.sampled_from(["match", "notMatch", "values", "min", "max", "value", "key", "to", "x"]),
                          option_values, max_size=3)
thens = st.fixed_dictionaries({"function": functions}, optional={
    "field": st.sampled_from(["owner", "statement", "target", "a..b", "id", "x.y"]) | odd_text,
    "functionOptions": options})
rules = st.fixed_dictionaries({
    "code": st.sampled_from(["ORG001", "ORG002", "SM001", "org1", "ZZ999"]),
    "message": st.fixed_dictionaries({}, optional={"en": odd_text, "nl": odd_text}),
    "given": paths | st.lists(paths, max_size=3),
    "then": thens | st.lists(thens, max_size=3),
}, optional={"severity": st.sampled_from(["error", "warning", "info", "fatal"]), "name": odd_text})
packs = st.fixed_dictionaries({"version": st.sampled_from([1, 1, 1, 2, "1"]), "rules": st.lists(rules, max_size=4)})


@pytest.mark.timeout(300)
@FUZZ
@given(packs)
def test_any_rule_pack_loads_or_is_its_own_error_and_any_loaded_pack_evaluates(tmp_path, pack):
    path = tmp_path / "pack.yaml"
    path.write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    rulepacks._LOADED.clear()
    try:
        loaded = rulepacks.load((str(path),))
    except DataFileError as exc:
        assert str(exc).startswith(f"{path}:") and "\n" not in str(exc)
        return
    document = rulepacks.Document(FLAWED_ROOT)
    for rule in loaded:
        for hit in rulepacks.evaluate(rule, document, rulepacks.period_of(FLAWED_ROOT)):
            for lang in ("en", "nl"):
                text = rule.text(lang, hit.values)
                assert "\n" not in text and "\r" not in text and "\x1b" not in text


baseline_entries = st.dictionaries(st.sampled_from(["file", "rule", "path", "count", "x"]), option_values, max_size=5)
baselines = st.one_of(
    st.binary(max_size=200),
    st.builds(lambda findings: json.dumps({"smlint-baseline": 1, "findings": findings}),
              st.lists(baseline_entries, max_size=4) | option_values),
    st.builds(json.dumps, option_values),
    st.builds(lambda n: "[" * n + "]" * n, st.integers(0, 50_000)),
)


@FUZZ
@given(baselines)
def test_any_baseline_reads_or_is_its_own_error(tmp_path, content):
    path = tmp_path / "baseline.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    try:
        Baseline.read(str(path))
    except BaselineError:
        pass


suppression_tails = st.lists(st.sampled_from(["SM205", ",", " ", "reason=", "until=", '"', "'", "“", "”", "„", "‘",
                                              "’", "\\", "2027-06-30", "9999-12-31", "0001-01-01", "x", "''", "=",
                                              "reason", "until", "\t", "SM", "ORG001", "*"]) | odd_text,
                             max_size=20).map("".join)


@settings(FUZZ, max_examples=200)
@given(suppression_tails)
def test_any_suppression_comment_is_read_without_error(tail):
    rest, reason, until, bad_until = _options(tail)
    assert reason is None or ("\n" not in reason and len(reason) <= 300)
    assert until is None or bad_until is None
    for line in (f"a: 1  # smlint: disable={tail}", f"# smlint: disable-next-line {tail}\nb: 2",
                 f"# smlint: disable-file={tail}"):
        parse(line)


plan_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30) | st.sampled_from(
    ["<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "javascript:alert(1)", "=HYPERLINK(\"x\")",
     "+1", "-1", "@SUM(A1)", "\\,;:", "line\\nbreak", "🎉" * 40, "x" * 200, "{{7*7}}", "</style><b>"])


def _plan(texts: list[str]) -> str:
    t = (texts * 8)[:8]
    doc = {"version": 1,
           "organisation": {"name": t[0], "kind": "company", "region": "nl", "languages": ["en"]},
           "period": {"start": "2027-01-01", "end": "2027-12-31"},
           "audiences": [{"id": "aud", "name": t[1], "interests": [t[2]]}],
           "objectives": [{"id": "obj", "statement": t[3], "owner": "tm", "channels": ["instagram"]}],
           "channels": [{"platform": "instagram", "handle": t[4], "audiences": ["aud"], "objectives": ["obj"]}],
           "team": [{"id": "tm", "name": t[5], "role": t[6], "channels": ["instagram"]}],
           "tasks": [{"id": "task", "title": t[7], "owner": "tm", "due": "2027-03-01", "status": "todo"}],
           "calendar": [{"date": "2027-02-01", "channel": "instagram", "title": t[3], "owner": "tm"}],
           "retrospective": {"top": [t[0]], "thorn": [t[1]], "bud": [t[2]]}}
    return yaml.safe_dump(doc, allow_unicode=True, default_style="\"")  # every text a string, as written


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name in ("href", "src"):
                self.links.append(value or "")


@pytest.mark.timeout(300)
@settings(FUZZ, max_examples=40)
@given(st.lists(plan_text, min_size=1, max_size=8))
def test_report_and_calendar_keep_hostile_text_inert(tmp_path, monkeypatch, cli, texts):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.strategy.yaml").write_text(_plan(texts), encoding="utf-8")
    page = cli("report", "s.strategy.yaml", "--today", "2027-01-15")
    assert page.exit_code in (0, 1), page.output
    tags = _Tags()
    tags.feed(page.stdout)
    assert "script" not in tags.tags and "img" not in tags.tags
    assert not [name for name in tags.attributes if name.startswith("on")]
    assert all(not link.lower().lstrip().startswith("javascript:") for link in tags.links)

    import icalendar

    ics = cli("calendar", "s.strategy.yaml", "--format", "ics", "--today", "2027-01-15")
    data = ics.stdout_bytes
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 2  # the calendar entry and the task
    assert any(texts[(3 % len(texts))] in str(event.get("SUMMARY")) for event in events)

    table = cli("calendar", "s.strategy.yaml", "--format", "csv", "--today", "2027-01-15")
    for row in list(csv.reader(io.StringIO(table.stdout.lstrip("\ufeff"))))[1:]:
        assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.timeout(300)
def test_the_server_survives_a_stream_of_random_frames(tmp_path):
    """One server, 200 frames of random shape (seeded): every one answered or passed over, the server alive after."""
    from .server_client import Client

    rng = random.Random(20271)
    methods = ["textDocument/hover", "textDocument/codeAction", "textDocument/didChange", "textDocument/didOpen",
               "textDocument/didClose", "textDocument/didSave", "workspace/didChangeWatchedFiles", "$/cancelRequest",
               "initialize", "shutdown", "nope", ""]
    uri = (tmp_path / "s.strategy.yaml").as_uri()
    values = [None, 0, -1, 2**31, 2**63, "x", "", [], {}, {"uri": uri}, {"line": 2**31, "character": -4},
              {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2**40}}, True, 1.5]
    client = Client(cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        client.open(uri, (EXAMPLES / "flawed.strategy.yaml").read_text(encoding="utf-8"))
        for number in range(200):
            kind = rng.random()
            if kind < 0.6:
                message = {"jsonrpc": "2.0", "method": rng.choice(methods), "params": rng.choice(values)}
                if rng.random() < 0.5:
                    message["id"] = rng.choice([number, str(number), None, [], 1.5])
                body = json.dumps(message).encode()
            elif kind < 0.8:
                body = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))
            else:
                body = json.dumps(rng.choice(values)).encode()
            length = len(body) if rng.random() < 0.9 else rng.choice([0, len(body) + 1, max(0, len(body) - 1)])
            client.process.stdin.write(b"Content-Length: %d\r\n\r\n" % length + body)
            if length > len(body):  # a length longer than the body: the next bytes complete it
                client.process.stdin.write(b" " * (length - len(body)))
        client.process.stdin.write(b"\r\n")  # a frame one byte short leaves a byte before the next header: end its line
        client.process.stdin.flush()
        # a "shutdown" among the frames is honoured: then a request gets the protocol's error, never silence
        with pytest.raises(Exception, match="-32601|-32600"):
            client.request("smlint/no-such-method", {}, timeout=20)
    finally:
        client.kill()
