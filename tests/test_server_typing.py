"""Every state of a strategy as it is typed goes through the server's lint path without an exception.

Each line prefix of both complete examples, and a few hundred prefixes cut
at character positions chosen at random (fixed seed), give diagnostics or
nothing; the server's hover and code-action paths run on them too. A prefix
that does not parse gets SM001 alone, at a place inside the document.
"""

from __future__ import annotations

import random

import pytest

from smlint.lsp import actions, hover
from smlint.lsp.diagnostics import lint_document
from smlint.lsp.session import Session

from .conftest import EXAMPLES, TODAY

COMPLETE = ("groene-buurt.strategy.yaml", "northwind-analytics.strategy.yaml")
RANDOM_CUTS = 200  # per example: 400 in all


def prefixes(text: str, seed: int):
    lines = text.splitlines(keepends=True)
    for count in range(len(lines) + 1):
        yield "".join(lines[:count])
    cuts = random.Random(seed).sample(range(len(text) + 1), min(RANDOM_CUTS, len(text) + 1))
    for cut in sorted(cuts):
        yield text[:cut]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A project folder whose configuration fixes today, so the run is the same on any day."""
    folder = tmp_path_factory.mktemp("project")
    (folder / ".git").mkdir()
    (folder / ".smlint.yaml").write_text(f"today: {TODAY.isoformat()}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def session():
    return Session()


@pytest.mark.timeout(240)
@pytest.mark.parametrize("name", COMPLETE)
def test_every_typed_state_of_an_example_lints_without_an_exception(name, session, folder):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    path = str(folder / name)
    uri = "file://" + path
    states = fatal = 0
    for seed, prefix in enumerate(prefixes(text, seed=17)):
        states += 1
        linted, found = lint_document(session, uri, path, prefix)
        assert linted.result is not None and len(found) == len(linted.findings)
        codes = [d.code for d in found]
        if "SM001" in codes:
            fatal += 1
            assert codes == ["SM001"]
            start = found[0].range.start
            assert 0 <= start.line < linted.index.lsp_lines
            assert start.character <= len(linted.index.lsp_line_text(start.line)) * 2
        # what an editor asks next, at the cursor (the end of the prefix) and at each finding
        hover.key_at(linted, len(prefix))
        for finding in linted.findings[:3]:
            hover.rule_markdown(finding.rule, linted.lang)
            actions.suppress_edit(linted, finding)
    assert states > 2 * RANDOM_CUTS // 2
    assert 0 < fatal < states  # some states do not parse, most do


def test_the_complete_examples_are_clean_through_the_server(session, folder):
    for name in COMPLETE:
        path = str(folder / name)
        _, found = lint_document(session, "file://" + path, path, (EXAMPLES / name).read_text(encoding="utf-8"))
        assert found == []
