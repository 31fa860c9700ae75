"""A small Language Server Protocol client for tests and benchmarks: ``smlint server`` in a real process.

It speaks JSON-RPC with ``Content-Length`` framing over the process's stdin and
stdout, as an editor does. A thread reads the server's messages into a queue;
requests wait for their response, notifications are kept until asked for.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class ServerError(Exception):
    pass


class Client:
    def __init__(self, cwd: str | Path | None = None, command: list[str] | None = None) -> None:
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "smlint", "server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.ids = itertools.count(1)
        self.inbox: queue.Queue = queue.Queue()
        self.kept: list[dict] = []  # notifications and server requests not yet asked for
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.process.stderr), daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _next(self, deadline: float) -> dict:
        try:
            message = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError("no message from the server in time") from None
        if message is None:
            raise ServerError("the server closed its output: " + b"".join(self.stderr).decode("utf-8", "replace"))
        if message.get("method") and "id" in message:  # a request from the server: answer as a client would
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def request(self, method: str, params, timeout: float = 30.0):
        number = next(self.ids)
        self.send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == number and "method" not in message:
                if "error" in message:
                    raise ServerError(message["error"])
                return message.get("result")
            self.kept.append(message)

    def wait(self, method: str, match=lambda params: True, timeout: float = 30.0) -> dict:
        """The params of the first notification ``method`` that ``match`` accepts (earlier ones are dropped)."""
        for index, message in enumerate(self.kept):
            if message.get("method") == method and match(message.get("params")):
                del self.kept[: index + 1]
                return message["params"]
        self.kept.clear()
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("method") == method and match(message.get("params")):
                return message["params"]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30.0) -> list[dict]:
        """The next diagnostics published for ``uri`` (for ``version``, when given)."""
        def wanted(params):
            return params["uri"] == uri and (version is None or params.get("version") == version)

        return self.wait("textDocument/publishDiagnostics", wanted, timeout)["diagnostics"]

    def initialize(self, root: str | Path, options: dict | None = None, capabilities: dict | None = None):
        result = self.request("initialize", {
            "processId": None,
            "rootUri": Path(root).resolve().as_uri(),
            "capabilities": capabilities or {},
            "initializationOptions": options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": "yaml", "version": version, "text": text}})

    def change(self, uri: str, version: int, text: str, range_: dict | None = None) -> None:
        change = {"text": text} if range_ is None else {"range": range_, "text": text}
        self.notify("textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})

    def close(self, timeout: float = 30.0) -> int:
        """shutdown, then exit: the server's exit code."""
        self.request("shutdown", None, timeout)
        self.notify("exit", None)
        try:
            return self.process.wait(timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass
