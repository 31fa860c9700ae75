"""What a rule sees: the typed document, where each part of it is, and the run's settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .channeldata import ChannelData, built_in
from .loader import Mapping, Scalar, Sequence


@dataclass(frozen=True)
class Report:
    """A rule's finding before it is placed and worded: code, JSON Pointer, message key, arguments."""

    code: str
    path: str
    key: str
    args: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None  # set when the position is not that of ``path``
    column: int | None = None


@dataclass
class Settings:
    """Per-run settings a rule may read."""

    today: dt.date = field(default_factory=dt.date.today)
    lang: str | None = None  # forced message language; None = from the file
    thresholds: dict = field(default_factory=dict)  # {"SM301": {"min-reach": 20}}
    channel_data: ChannelData = field(default_factory=built_in)


class RuleContext:
    def __init__(self, doc, root: Mapping, paths: dict[int, str], settings: Settings, lang: str) -> None:
        self.doc = doc
        self.root = root
        self._paths = paths
        self.settings = settings
        self.lang = lang
        self.today = settings.today
        self.channel_data = settings.channel_data
        self.cache: dict = {}  # per-file results shared by several rules (e.g. SMART views)

    def path(self, item) -> str:
        """The JSON Pointer of a model instance in the file."""
        return self._paths.get(id(item), "")

    def report(self, code: str, item_or_path, key: str, **args) -> Report:
        path = item_or_path if isinstance(item_or_path, str) else self.path(item_or_path)
        return Report(code, path, key, args)

    def present(self, *path: str) -> bool:
        """Whether the file fills in a section (``present("content", "pillars")``).

        A section with a bad field still counts as present (SPEC section 7);
        a missing, empty or null one does not.
        """
        node = self.root
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
            if node is None:
                return False
        if isinstance(node, Scalar):
            return node.value not in (None, "")
        if isinstance(node, Sequence):
            return bool(node.children)
        return bool(node.items)

    def section_path(self, section: str) -> str:
        """Where a finding about a missing section points: the section when written, else the document."""
        return f"/{section}" if section in self.root.items else ""

    @staticmethod
    def message_in(code: str, key: str, lang: str, args: dict | None = None) -> str:
        """A catalogue text in a given language (e.g. the statement's, for a rewrite)."""
        from .i18n import message

        return message(code, key, lang, args)

    def word(self, code: str, key: str, **args) -> str:
        """A word or phrase from a rule's message catalogue, in the message language."""
        from .i18n import message

        return message(code, key, self.lang, args)

    def option(self, code: str, name: str):
        """A rule option (threshold) from the configuration, else the rule module's default."""
        from . import checks

        configured = (self.settings.thresholds.get(code) or {}).get(name)
        return configured if configured is not None else checks.load(code).OPTIONS[name]

    # -- shared look-ups -------------------------------------------------
    def channel_id(self, channel) -> str | None:
        if channel.id:
            return channel.id
        return self.channel_data.default_id(channel.platform) if channel.platform else None

    @cached_property
    def channels_by_id(self) -> dict:
        table = {}
        for channel in self.doc.channels:
            cid = self.channel_id(channel)
            if cid and cid not in table:
                table[cid] = channel
        return table

    @cached_property
    def pillars(self) -> list:
        return list(self.doc.content.pillars) if self.doc.content else []

    @cached_property
    def cadence(self) -> list:
        return list(self.doc.content.cadence) if self.doc.content else []

    @cached_property
    def cadence_by_channel(self) -> dict:
        """Cadence entries by the channel id they name (an alias like ``fb`` counts for ``facebook``)."""
        found: dict = {}
        channels = self.channels_by_id
        for entry in self.cadence:
            if not entry.channel:
                continue
            cid = entry.channel if entry.channel in channels else self.channel_data.canonical(entry.channel)
            if cid in channels:
                found.setdefault(cid, []).append(entry)
        return found

    def how_often(self, cadence: dict) -> str:
        """``{posts: 3, per: week}`` in words: "3 a week", "3 per week"."""
        from .i18n import common, format_number

        return common(f"per_{cadence['per']}", self.lang).format(posts=format_number(float(cadence["posts"]), self.lang))

    @property
    def valid_period(self):
        """The period when both dates are readable and the end is after the start, else None."""
        period = self.doc.period
        if period is not None and period.start and period.end and period.end > period.start:
            return period
        return None

    def written_ids(self, section: str) -> set[str]:
        """Ids as written in the file, made slugs: a reference to an id that
        failed validation (SM003) is not reported a second time as SM004."""
        from .validate import slugify

        if section == "pillars":
            content = self.root.get("content")
            node = content.get("pillars") if isinstance(content, Mapping) else None
        else:
            node = self.root.get(section)
        found = set()
        for item in getattr(node, "children", None) or []:
            value = item.get("id") if isinstance(item, Mapping) else None
            if value is not None and getattr(value, "value", None) is not None:
                found.add(slugify(value.value))
        return found

    def ids(self, section: str) -> dict:
        """Ids of a section's items (first one wins), for reference checks."""
        items = {
            "audiences": self.doc.audiences,
            "objectives": self.doc.objectives,
            "team": self.doc.team,
            "pillars": self.pillars,
        }.get(section)
        if section == "channels":
            return self.channels_by_id
        table = {}
        for item in items or []:
            if item.id and item.id not in table:
                table[item.id] = item
        return table
