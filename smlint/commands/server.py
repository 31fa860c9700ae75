"""``smlint server``: a Language Server Protocol server over standard input and output.

Diagnostics for every rule on open, change and save; the rule's documentation
on hover over a finding, a key's description on hover over a key; code
actions to fix a finding (where ``smlint fix`` can), to suppress it on its
line, and to fix everything safely fixable in the document.

Changes are debounced: a change waits ``debounce`` milliseconds (an
initialization option, default :data:`DEBOUNCE_MS`) and is dropped when a
newer change arrives in that time, so a burst of keystrokes is linted once,
on its newest text. pygls and lsprotocol are imported here only, so no
other command pays for them.
"""

from __future__ import annotations

import sys

import click

DEBOUNCE_MS = 15  # a lint of a complete strategy takes a few milliseconds; this only merges bursts
WATCHED = ("**/.smlint.yaml", "**/pyproject.toml")
CONFIG_NAMES = (".smlint.yaml", "pyproject.toml")
FIX_ALL_KIND = "source.fixAll.smlint"


def run() -> int:
    """Serve over stdio until the client says exit; the exit code is the protocol's (0 after shutdown)."""
    import gc

    gc.enable()  # the command line turns the collector off for short runs; a server runs for hours
    try:
        server = build()
    except ImportError as exc:
        from ..lsp.texts import text

        print(text("missing", "en").format(problem=exc), file=sys.stderr)
        return 2
    from ..lsp.stdio import BoundedInput

    server.start_io(stdin=BoundedInput(sys.stdin.buffer))
    # pygls ends its loop on `exit` without passing the code on: 0 after `shutdown`, 1 otherwise (the protocol's rule)
    return 0 if getattr(server.protocol, "_shutdown", False) else 1


def build():
    """The language server, its features registered (not yet started)."""
    import asyncio
    import traceback

    from urllib.parse import unquote

    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import LanguageServerProtocol
    from pygls.protocol.language_server import lsp_method
    from pygls.uris import to_fs_path

    from .. import __version__
    from ..lsp import actions, hover
    from ..lsp.diagnostics import diagnostic, finding_range, lint_document
    from ..lsp.session import Session
    from ..lsp.texts import text

    class Protocol(LanguageServerProtocol):
        """pygls's protocol, except that a change to a document never opened is ignored (pygls raises KeyError
        and shows the user "Error in server"; the protocol says a client opens a document before changing it)."""

        @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
        def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
            if unquote(params.text_document.uri) in self.workspace.text_documents:
                yield from super().lsp_text_document__did_change(params)

        def handle_message(self, message) -> None:
            """After shutdown, a request gets the protocol's InvalidRequest error (pygls drops it without an
            answer, and the client waits for ever)."""
            method, msg_id = getattr(message, "method", None), getattr(message, "id", None)
            if self._shutdown and method not in (None, types.EXIT) and msg_id is not None:
                from pygls.exceptions import JsonRpcInvalidRequest

                error = JsonRpcInvalidRequest("the server is shutting down: only exit is accepted")
                self._send_response(msg_id, error=error.to_response_error())
                return
            super().handle_message(message)

    class SmlintServer(LanguageServer):
        def __init__(self) -> None:
            super().__init__("smlint", __version__, protocol_cls=Protocol,
                             text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
            self.session = Session()
            self.linted: dict = {}  # uri -> Linted, the newest lint of each open document
            self.pending: dict = {}  # uri -> the debounced lint waiting to run
            self.debounce = DEBOUNCE_MS / 1000
            self.shown_errors: set[str] = set()

        def encoding(self) -> str:
            value = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
            return str(getattr(value, "value", value))

        def opened(self, uri: str) -> bool:
            """Whether the client has the document open. Only open documents are linted: pygls would read any
            other from disk (a FIFO or /dev/zero named in a request would hang the server or fill its memory)."""
            return unquote(uri) in self.workspace.text_documents

        def current(self, uri: str):
            """The newest lint of the document's current text (linting it now when a change is pending); None for a
            document that is not open."""
            if not self.opened(uri):
                return None
            document = self.workspace.get_text_document(uri)
            linted = self.linted.get(uri)
            if linted is None or linted.text != document.source or linted.index.encoding != self.encoding():
                linted = self.lint(uri)[0]
            return linted

        def lint(self, uri: str):
            document = self.workspace.get_text_document(uri)
            path = to_fs_path(uri) if uri.startswith("file:") else None
            linted, found = lint_document(self.session, uri, path, document.source, self.encoding(), document.version)
            self.linted[uri] = linted
            return linted, found

        def publish(self, uri: str) -> None:
            if not self.opened(uri):
                return
            try:
                linted, found = self.lint(uri)
            except Exception:  # a bug in a rule must not take the editor's linter down: log it, keep serving
                self.window_log_message(types.LogMessageParams(types.MessageType.Error, traceback.format_exc()))
                return
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=linted.version))
            error = linted.configured.error if linted.configured else None
            if error and error not in self.shown_errors:
                self.shown_errors.add(error)
                self.window_show_message(types.ShowMessageParams(
                    types.MessageType.Warning, text("config_error", linted.lang).format(error=error)))

        def schedule(self, uri: str) -> None:
            waiting = self.pending.pop(uri, None)
            if waiting is not None:
                waiting.cancel()
            self.pending[uri] = asyncio.ensure_future(self._later(uri))

        async def _later(self, uri: str) -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.publish(uri)

        def relint_all(self) -> None:
            self.session.forget()
            self.shown_errors.clear()
            for uri in list(self.linted):  # as the client wrote them (pygls keys its documents unquoted)
                self.publish(uri)

    server = SmlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: SmlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        debounce = options.get("debounce")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 10_000:
            ls.debounce = debounce / 1000
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        if root and root.startswith("file:"):
            ls.session.root = to_fs_path(root)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: SmlintServer, params: types.InitializedParams) -> None:
        capabilities = ls.client_capabilities.workspace
        watched = capabilities.did_change_watched_files if capabilities else None
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED])
            registration = types.Registration(id="smlint-configuration",
                                              method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                              register_options=options)
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception:  # a client that refuses: the configuration is still checked at every lint
                pass

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SmlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SmlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SmlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if uri.rsplit("/", 1)[-1] in CONFIG_NAMES or (path and ls.session.reads(path)):
            ls.relint_all()  # a configuration, channel data, rule pack or baseline: every open document may change
        else:
            ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SmlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: SmlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: SmlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.current(params.text_document.uri)
        if linted is None or linted.result is None:
            return None
        index = linted.index
        offset = index.lsp_offset(params.position.line, params.position.character)
        parts, span = [], None
        for finding in linted.findings:
            where = finding_range(linted, finding)
            start = index.lsp_offset(where.start.line, where.start.character)
            end = index.lsp_offset(where.end.line, where.end.character)
            if start <= offset < max(end, start + 1):
                doc = hover.rule_markdown(finding.rule, linted.lang, linted.configured.entries)
                if doc and doc not in parts:
                    parts.append(doc)
                    span = span or where
        key = hover.key_at(linted, offset)
        if key is not None:
            doc = hover.key_markdown(key[0], linted.lang)
            if doc:
                parts.append(doc)
                if span is None:
                    (l1, c1), (l2, c2) = index.lsp_position(key[1]), index.lsp_position(key[2])
                    span = types.Range(types.Position(l1, c1), types.Position(l2, c2))
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                           range=span)

    def workspace_edit(uri: str, linted, edits) -> types.WorkspaceEdit:
        index = linted.index
        changes = []
        for edit in edits:
            (l1, c1), (l2, c2) = index.lsp_position(edit.start), index.lsp_position(edit.end)
            changes.append(types.TextEdit(types.Range(types.Position(l1, c1), types.Position(l2, c2)), edit.new))
        return types.WorkspaceEdit(changes={uri: changes})

    def fix_edits(linted, findings) -> list:
        fixed = actions.fixed_text(linted, findings)
        return actions.edits_between(linted.text, fixed) if fixed is not None else []

    def wanted(kind: str, only) -> bool:
        return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND]))
    def code_action(ls: SmlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = ls.current(uri)
        if linted is None or linted.result is None:
            return None
        only = params.context.only
        out: list[types.CodeAction] = []
        first = (params.range.start.line, params.range.start.character)
        last = (params.range.end.line, params.range.end.character)
        for finding in linted.findings:
            if not wanted(types.CodeActionKind.QuickFix, only):
                break
            where = finding_range(linted, finding)
            if (where.end.line, where.end.character) < first or (where.start.line, where.start.character) > last:
                continue
            shown = diagnostic(linted, finding)
            edits = fix_edits(linted, [finding]) if finding.fixable else []
            if edits:
                out.append(types.CodeAction(
                    title=text("fix", linted.lang).format(code=finding.rule, change=actions.describe(finding)),
                    kind=types.CodeActionKind.QuickFix, diagnostics=[shown], is_preferred=True,
                    edit=workspace_edit(uri, linted, edits)))
            edit = actions.suppress_edit(linted, finding)
            if edit is not None:
                out.append(types.CodeAction(
                    title=text("suppress", linted.lang).format(code=finding.rule),
                    kind=types.CodeActionKind.QuickFix, diagnostics=[shown], edit=workspace_edit(uri, linted, [edit])))
        fixable = [finding for finding in linted.findings if finding.fixable]
        if fixable and wanted(FIX_ALL_KIND, only):
            edits = fix_edits(linted, fixable)
            if edits:
                out.append(types.CodeAction(title=text("fix_all", linted.lang), kind=FIX_ALL_KIND,
                                            edit=workspace_edit(uri, linted, edits)))
        return out

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SmlintServer, params) -> None:
        for waiting in ls.pending.values():
            waiting.cancel()
        ls.pending.clear()

    return server


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only way).")
def server(stdio) -> None:
    """A language server (LSP over standard input and output): every rule in your editor while you type."""
    sys.exit(run())
