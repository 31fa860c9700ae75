"""`smlint server` against a hostile or broken client: it answers, never hangs, never reads what is not open."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLES
from .server_client import Client

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".smlint.yaml").write_text("today: 2027-03-01\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(project):
    client = Client(cwd=project)
    client.initialize(project)
    yield client
    client.kill()


def _alive(client) -> None:
    """The server still answers requests, and says so by the protocol's error for an unknown method."""
    with pytest.raises(Exception, match="-32601"):
        client.request("smlint/no-such-method", {}, timeout=20)


def test_requests_about_documents_never_opened_are_answered_without_reading_them(project, client):
    """pygls would read such a document from disk: a FIFO would hang the server, /dev/zero fill its memory."""
    os.mkfifo(project / "fifo.strategy.yaml")
    uri = (project / "fifo.strategy.yaml").as_uri()
    position = {"line": 0, "character": 0}
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position}, 20) is None
    assert client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": position, "end": position},
        "context": {"diagnostics": []}}, 20) is None
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    client.notify("textDocument/didSave", {"textDocument": {"uri": "file:///dev/zero"}})
    _alive(client)
    assert not [m for m in client.kept if m.get("method") == "textDocument/publishDiagnostics"]


def test_a_change_to_a_document_never_opened_is_ignored_without_an_error_for_the_user(project, client):
    client.change((project / "never.strategy.yaml").as_uri(), 2, "version: 1\n",
                  {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}})
    _alive(client)
    shown = [m for m in client.kept if m.get("method") in ("window/showMessage", "window/logMessage")]
    assert shown == []


def test_a_message_larger_than_the_limit_is_skipped_and_the_next_one_answered(client, monkeypatch):
    from smlint.lsp import stdio

    size = stdio.MAX_MESSAGE + 1
    client.process.stdin.write(b"Content-Length: %d\r\n\r\n" % size)
    for _ in range(size // (1 << 20)):
        client.process.stdin.write(b" " * (1 << 20))
    client.process.stdin.write(b" " * (size % (1 << 20)))
    client.process.stdin.flush()
    _alive(client)
    assert b"larger than the 67,108,864 bytes smlint reads" in b"".join(client.stderr)


def test_a_header_line_without_end_does_not_grow_the_server_without_bound(client):
    client.process.stdin.write(b"X-Padding: " + b"a" * (20 << 20) + b"\r\n")
    client.process.stdin.flush()
    _alive(client)


def test_unknown_bytes_and_broken_json_are_passed_over(client):
    for raw in (b"Content-Length: abc\r\n\r\n", b"Content-Length: 5\r\n\r\n{bad}", b"\r\n\r\n\r\n",
                b"Content-Length: 4\r\n\r\nnull"):
        client.process.stdin.write(raw)
    client.process.stdin.flush()
    _alive(client)


def test_a_document_whose_path_has_spaces_gets_diagnostics_after_each_change(tmp_path):
    """pygls keeps documents under their unquoted URI; a %20 in the client's URI must still find them."""
    folder = tmp_path / "my plans"
    folder.mkdir()
    (folder / ".git").mkdir()
    (folder / ".smlint.yaml").write_text("today: 2027-03-01\n", encoding="utf-8")
    shutil.copy(EXAMPLES / "flawed.strategy.yaml", folder / "plan one.strategy.yaml")
    path = folder / "plan one.strategy.yaml"
    uri = path.as_uri()
    assert "%20" in uri
    client = Client(cwd=folder)
    try:
        client.initialize(folder)
        text = path.read_text(encoding="utf-8")
        client.open(uri, text)
        first = client.diagnostics(uri, 1)
        assert first
        client.change(uri, 2, "version: 1\n")
        after = client.diagnostics(uri, 2, timeout=20)
        assert len(after) < len(first)
    finally:
        client.kill()


def test_positions_far_outside_the_document_are_answered(project, client):
    uri = (project / "s.strategy.yaml").as_uri()
    client.open(uri, Path(EXAMPLES / "flawed.strategy.yaml").read_text(encoding="utf-8"))
    client.diagnostics(uri, 1)
    far = {"line": 2**31 - 1, "character": 2**31 - 1}
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": far}, 20) is None
    client.change(uri, 2, "x", {"start": {"line": 99999, "character": 5}, "end": {"line": 3, "character": 2**31 - 1}})
    client.diagnostics(uri, 2, timeout=20)
    _alive(client)


def test_after_shutdown_a_request_gets_the_protocols_error_not_silence(client):
    client.request("shutdown", None, 20)
    with pytest.raises(Exception, match="-32600"):
        client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.yaml"},
                                              "position": {"line": 0, "character": 0}}, timeout=20)
    client.notify("exit", None)
    assert client.process.wait(20) == 0
