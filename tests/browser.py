"""Headless Chromium, driven over the DevTools protocol through a pipe (no extra package, no network).

Chromium started with ``--remote-debugging-pipe`` reads protocol commands
from file descriptor 3 and writes replies and events to descriptor 4, each
message JSON ending in a NUL byte. That is all this client needs to open a
page, collect its console messages and network requests, read values from
it, and take a screenshot and a PDF.

Also a script that renders the README's screenshot::

    python -m tests.browser --screenshot docs/report.png examples/groene-buurt.strategy.yaml
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-pipe",
]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def executable() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


class Browser:
    """One Chromium process with a fresh profile; use as a context manager."""

    def __init__(self, path: str | None = None, timeout: float = 60.0) -> None:
        self.path = path or executable()
        if self.path is None:
            raise BrowserError("no Chromium found (looked for " + ", ".join(CANDIDATES) + ")")
        self.timeout = timeout
        self.events: list[dict] = []
        self._next = 0
        self._buffer = b""

    def __enter__(self) -> Browser:
        self.profile = tempfile.mkdtemp(prefix="smlint-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # the child's ends move to 3 and 4; keep them clear of those numbers first
        child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def wire():  # runs in the child before exec: dup2 makes 3 and 4 inheritable
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.process = subprocess.Popen(
            [self.path, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False,
        )
        os.close(child_in)
        os.close(child_out)
        self._write = to_browser_w
        self._read = from_browser_r
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.call("Browser.close")
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- the protocol ------------------------------------------------------
    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._read], [], [], left)
            if ready:
                chunk = os.read(self._read, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str | None = None) -> dict:
        deadline = time.monotonic() + self.timeout
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self._receive(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event

    # -- what the tests use --------------------------------------------------
    def open(self, url: str, width: int = 1200, height: int = 900) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=session)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.call("Page.navigate", {"url": url}, session)
        self.wait_for("Page.loadEventFired", session)
        return Page(self, session, url)


class Page:
    def __init__(self, browser: Browser, session: str, url: str) -> None:
        self.browser = browser
        self.session = session
        self.url = url

    def evaluate(self, expression: str):
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, full: bool = True, height: int | None = None) -> bytes:
        params = {"format": "png"}
        if full or height:
            size = self.browser.call("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
            shown = min(size["height"], height) if height else size["height"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": shown, "scale": 1})
        return base64.b64decode(self.browser.call("Page.captureScreenshot", params, self.session)["data"])

    def pdf(self) -> bytes:
        result = self.browser.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True},
                                   self.session)
        return base64.b64decode(result["data"])

    def _events(self, method: str) -> list[dict]:
        return [e["params"] for e in self.browser.events if e.get("method") == method
                and e.get("sessionId") == self.session]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (a blocked load, a CSP violation)."""
        errors = [" ".join(str(a.get("value", a.get("description", ""))) for a in e.get("args", []))
                  for e in self._events("Runtime.consoleAPICalled") if e.get("type") in ("error", "assert")]
        errors += [e["exceptionDetails"].get("text", "") for e in self._events("Runtime.exceptionThrown")]
        errors += [f"{e['entry'].get('source')}: {e['entry'].get('text')}" for e in self._events("Log.entryAdded")
                   if e["entry"].get("level") == "error"]
        return errors

    def requests(self) -> list[str]:
        """Every URL the page asked for, its own address left out."""
        return [e["request"]["url"] for e in self._events("Network.requestWillBeSent")
                if e["request"]["url"] != self.url]


def main() -> None:
    import argparse
    import sys
    from pathlib import Path

    parser = argparse.ArgumentParser(description="Render a strategy's report in headless Chromium and save a screenshot.")
    parser.add_argument("strategy", type=Path)
    parser.add_argument("--screenshot", type=Path, required=True, help="the PNG to write")
    parser.add_argument("--height", type=int, default=1500, help="how much of the page, in CSS pixels")
    parser.add_argument("--today", default="2027-01-02")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "report.html"
        subprocess.run([sys.executable, "-m", "smlint", "report", str(args.strategy), "-o", str(page_file),
                        "--today", args.today], check=True)
        with Browser() as browser:
            page = browser.open(page_file.resolve().as_uri(), width=1100)
            png = page.screenshot(full=False, height=args.height)
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    args.screenshot.write_bytes(png)
    print(f"wrote {args.screenshot} ({len(png):,} bytes)")


if __name__ == "__main__":
    main()
