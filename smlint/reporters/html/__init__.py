"""The HTML report: one self-contained page per strategy, and an index for several.

The pages are Jinja2 templates (``templates/``) with autoescaping on, fed
plain data (``smlint.commands.report_view``): this package knows nothing of
rules. Everything is inline: the style sheet, the SVG charts (drawn by the
templates from numbers, so the page needs no script, font or image from
anywhere), and a Content-Security-Policy that forbids the page to load
anything, so a strategy's text can never make it reach the network.
Jinja2 is imported only when a report is made.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=None)
def environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["ticks"] = ticks
    return env


def ticks(text) -> str:
    """Escape a message, then show its `backticked` keys as code (the messages are written for terminals too)."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(text))))


def render_page(view: dict) -> str:
    """One strategy's page."""
    return environment().get_template("page.html.j2").render(**view)


def render_index(view: dict) -> str:
    """The index of several strategies' pages."""
    return environment().get_template("index.html.j2").render(**view)
