"""``smlint server`` driven as an editor drives it: a real process, JSON-RPC over stdio."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from smlint.lsp.positions import TextIndex

from .conftest import EXAMPLES, TODAY
from .server_client import Client

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def project(tmp_path):
    """A project folder: the flawed example and a configuration that fixes today."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".smlint.yaml").write_text(f"today: {TODAY.isoformat()}\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "flawed.strategy.yaml", tmp_path / "flawed.strategy.yaml")
    return tmp_path


@pytest.fixture
def client(project):
    client = Client(cwd=project)
    yield client
    client.kill()


def check_json(project, name: str) -> list[dict]:
    run = subprocess.run([sys.executable, "-m", "smlint", "check", "--format", "json", name],
                         cwd=project, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"]


def as_check(diagnostics: list[dict], text: str) -> list[tuple]:
    """(code, line, column, message, severity) of published diagnostics, in smlint's 1-based terms."""
    index = TextIndex(text)
    severities = {1: "error", 2: "warning", 3: "info"}
    out = []
    for d in diagnostics:
        line, column = index.from_lsp(d["range"]["start"]["line"], d["range"]["start"]["character"])
        out.append((d["code"], line, column, d["message"], severities[d["severity"]]))
    return out


def test_the_server_publishes_what_check_reports_and_follows_changes(project, client):
    result = client.initialize(project)
    capabilities = result["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
    assert result["serverInfo"]["name"] == "smlint"

    path = project / "flawed.strategy.yaml"
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client.open(uri, text)
    published = client.diagnostics(uri, version=1)
    expected = [(f["rule"], f["line"], f["column"], f["message"], f["severity"]) for f in check_json(project, path.name)]
    assert len(expected) > 30
    assert as_check(published, text) == expected
    assert all(d["source"] == "smlint" for d in published)

    # fix one problem (the unknown key `slogan` becomes a key of the user's own): exactly that diagnostic goes
    line = next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("  slogan:"))
    gone = [d for d in published if d["code"] == "SM007" and d["range"]["start"]["line"] == line]
    assert len(gone) == 1
    client.change(uri, 2, "x-", {"start": {"line": line, "character": 2}, "end": {"line": line, "character": 2}})
    after = client.diagnostics(uri, version=2)
    assert after == [d for d in published if d is not gone[0]]

    # hover on that problem's neighbour: the duplicate key shows SM002's documentation, in the file's language
    duplicate = next(d for d in published if d["code"] == "SM002")
    start = duplicate["range"]["start"]
    shown = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": start})
    assert "SM002" in shown["contents"]["value"] and "Wat de regel doet" in shown["contents"]["value"]

    # the code action suppresses it on its line; applied, the diagnostic goes and nothing else changes
    found = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": start, "end": start},
        "context": {"diagnostics": [duplicate]}})
    suppress = next(a for a in found if a["title"] == "Zet SM002 uit op deze regel")
    assert suppress["kind"] == "quickfix" and suppress["diagnostics"][0]["code"] == "SM002"
    (edit,) = suppress["edit"]["changes"][uri]
    client.change(uri, 3, edit["newText"], edit["range"])
    final = client.diagnostics(uri, version=3)
    assert [d["code"] for d in final] == [d["code"] for d in after if d != duplicate]

    assert client.close() == 0


def test_hover_on_a_key_shows_its_schema_description(project, client):
    client.initialize(project)
    path = project / "flawed.strategy.yaml"
    text = path.read_text(encoding="utf-8")
    client.open(path.as_uri(), text)
    line = next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("    age: 18-25"))
    shown = client.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                  "position": {"line": line, "character": 5}})
    assert "**age**" in shown["contents"]["value"]
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                    "position": {"line": line, "character": 13}})
    assert nothing is None
    assert client.close() == 0


def test_changes_in_a_burst_are_linted_once_on_the_newest_text(project):
    # started as VS Code's language client starts a server: with --stdio
    client = Client(cwd=project, command=[sys.executable, "-m", "smlint", "server", "--stdio"])
    try:
        burst(project, client)
    finally:
        client.kill()


def burst(project, client):
    client.initialize(project, options={"debounce": 2000})
    path = project / "flawed.strategy.yaml"
    text = path.read_text(encoding="utf-8")
    client.open(path.as_uri(), text)
    client.diagnostics(path.as_uri(), version=1)
    for version in range(2, 7):
        client.change(path.as_uri(), version, text + f"x-typed: {version}\n")
    versions = []
    client.wait("textDocument/publishDiagnostics", lambda p: versions.append(p.get("version")) or p.get("version") == 6)
    assert versions == [6]
    assert client.close() == 0


@pytest.mark.parametrize("told_by", ["workspace/didChangeWatchedFiles", "textDocument/didSave"])
def test_an_edited_configuration_applies_without_a_restart(project, client, told_by):
    client.initialize(project, capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    path = project / "flawed.strategy.yaml"
    client.open(path.as_uri(), path.read_text(encoding="utf-8"))
    before = client.diagnostics(path.as_uri())
    assert any(d["code"] == "SM007" for d in before)
    config = project / ".smlint.yaml"
    config.write_text(f"today: {TODAY.isoformat()}\nignore: [SM007]\n", encoding="utf-8")
    if told_by == "textDocument/didSave":  # saved in the editor itself
        client.notify(told_by, {"textDocument": {"uri": config.as_uri()}})
    else:
        client.notify(told_by, {"changes": [{"uri": config.as_uri(), "type": 2}]})
    after = client.diagnostics(path.as_uri())
    assert [d for d in before if d["code"] != "SM007"] == after
    assert client.close() == 0


def test_a_closed_document_has_its_diagnostics_cleared_and_exit_without_shutdown_is_1(project, client):
    client.initialize(project)
    path = project / "flawed.strategy.yaml"
    client.open(path.as_uri(), path.read_text(encoding="utf-8"))
    assert client.diagnostics(path.as_uri())
    client.notify("textDocument/didClose", {"textDocument": {"uri": path.as_uri()}})
    assert client.diagnostics(path.as_uri()) == []
    client.notify("exit", None)
    assert client.process.wait(60) == 1  # the protocol's code for an exit the client did not announce


def test_without_pygls_the_server_says_how_to_install_it_and_exits_2():
    code = "import sys\nsys.modules['pygls'] = None\nfrom smlint.cli import main\nmain(['server'])\n"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert "pip install" in run.stderr and "pygls" in run.stderr and "Traceback" not in run.stderr


def test_a_configuration_smlint_cannot_use_is_shown_once_and_the_defaults_apply(project, client):
    (project / ".smlint.yaml").write_text("lang: nl\nignore: [SM9999]\n", encoding="utf-8")
    client.initialize(project)
    path = project / "flawed.strategy.yaml"
    client.open(path.as_uri(), path.read_text(encoding="utf-8"))
    assert any(d["code"] == "SM007" for d in client.diagnostics(path.as_uri()))
    shown = client.wait("window/showMessage")
    assert shown["type"] == 2 and ".smlint.yaml:2" in shown["message"] and "SM9999" in shown["message"]
    assert shown["message"].startswith("smlint kan zijn configuratie niet gebruiken")  # the file's language
    assert client.close() == 0


EMOJI = 'version: 1\norganisation: {name: "Café 😀", kind: bogus}\nperiod: {start: 2027-01-01, end: 2027-12-31}\n'


@pytest.mark.parametrize("offered, encoding, character", [
    (None, "utf-16", 32),  # the protocol's default: the emoji is two UTF-16 units
    (["utf-32"], "utf-32", 31),  # code points, when the client prefers them
])
def test_positions_in_the_encoding_client_and_server_agreed_on(project, client, offered, encoding, character):
    capabilities = {"general": {"positionEncodings": offered}} if offered else {}
    result = client.initialize(project, capabilities=capabilities)
    assert result["capabilities"].get("positionEncoding", "utf-16") == encoding
    uri = (project / "emoji.strategy.yaml").as_uri()
    client.open(uri, EMOJI)
    (bad,) = [d for d in client.diagnostics(uri) if d["code"] == "SM003"]
    assert bad["range"]["start"] == {"line": 1, "character": character}
    assert bad["range"]["end"] == {"line": 1, "character": character + 4}
    assert client.close() == 0


def test_a_fixable_finding_offers_its_fix_and_applied_it_is_gone(project, client):
    pytest.importorskip("smlint.fixes", reason="smlint fix (issue 13) is not in this tree yet")
    client.initialize(project)
    path = project / "flawed.strategy.yaml"
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")
    client.open(uri, text)
    before = client.diagnostics(uri, version=1)
    line = next(i for i, ln in enumerate(text.splitlines()) if "baseline: 1.200" in ln)
    cursor = {"line": line, "character": 4}
    found = client.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                        "range": {"start": cursor, "end": cursor},
                                                        "context": {"diagnostics": []}})
    fix = next(a for a in found if a["title"].startswith("Herstel SM003"))
    assert "`1.200` -> `1200`" in fix["title"] and fix["isPreferred"]
    (edit,) = fix["edit"]["changes"][uri]
    client.change(uri, 2, edit["newText"], edit["range"])
    after = client.diagnostics(uri, version=2)
    assert [d for d in before if d["range"]["start"]["line"] != line] == \
        [d for d in after if d["range"]["start"]["line"] != line]
    assert not [d for d in after if d["range"]["start"]["line"] == line and d["code"] == "SM003"]
    assert any(a["kind"] == "source.fixAll.smlint" for a in found)
    assert client.close() == 0
