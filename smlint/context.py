"""What a rule sees: the typed document, where each part of it is, and the run's settings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from functools import cached_property

from .ruledata.channeldata import ChannelData, built_in
from .classcache import dataclass
from .load.loader import Mapping, Scalar, Sequence

ALL_CHANNELS = "all"  # `channels: all` on an objective or a pillar
DORMANT = ("paused", "archived")  # channel statuses kept for the record only


@dataclass(frozen=True)
class Report:
    """A rule's finding before it is placed and worded: code, JSON Pointer, message key, arguments."""

    code: str
    path: str
    key: str
    args: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None  # set when the position is not that of ``path``
    column: int | None = None


def longest_prefix_wins(code: str, select, ignore) -> bool:
    """Whether ``code`` is enabled: the longest matching prefix decides; on a tie, ignore wins."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select > best_ignore


@dataclass
class Settings:
    """Per-run settings a rule may read."""

    today: dt.date = field(default_factory=dt.date.today)
    lang: str | None = None  # forced message language; None = from the file
    thresholds: dict = field(default_factory=dict)  # {"SM301": {"min-reach": 20}}
    channel_data: ChannelData = field(default_factory=built_in)
    select: tuple[str, ...] = ("SM",)
    ignore: tuple[str, ...] = ()

    def ignored(self, code: str) -> bool:
        """Switched off on purpose by an ``ignore`` (not merely left out of ``select``).

        Such a finding does not count against an objective's SMART verdict
        (SPEC section 7); a rule that is only not selected still does.
        """
        return any(code.startswith(p) for p in self.ignore) and not longest_prefix_wins(code, self.select, self.ignore)


_RULES: dict = {}  # code -> the rule's module, once imported


def _rule(code: str):
    from . import checks

    _RULES[code] = module = checks.load(code)
    return module


class RuleContext:
    def __init__(self, doc, root: Mapping, paths: dict[int, str], settings: Settings, lang: str,
                 suppressions=None) -> None:
        self.doc = doc
        self.root = root
        self._paths = paths
        self.settings = settings
        self.lang = lang
        self.today = settings.today
        self.channel_data = settings.channel_data
        self.cache: dict = {}  # per-file results shared by several rules (e.g. SMART views)
        self._reports: dict[str, list[Report]] = {}
        self.suppressions = suppressions  # inline `# smlint: disable` comments, or None
        self._expand_all_channels()

    def _expand_all_channels(self) -> None:
        """``channels: all`` on an objective or pillar becomes the plan's channel ids (the live ones when any),
        so every rule reads a list."""
        items = [*(self.doc.objectives or []), *self.pillars]
        saying_all = [item for item in items if getattr(item, "channels", None) == ALL_CHANNELS]
        if saying_all:
            ids = list(self.live_channels) or list(self.channels_by_id)
            for item in saying_all:
                item.channels = list(ids)

    def reports_of(self, code: str) -> list[Report]:
        """A rule's reports on this file, run once (the maturity rules read the SMART ones)."""
        reports = self._reports.get(code)
        if reports is None:
            module = _RULES.get(code) or _rule(code)
            reports = self._reports[code] = list(module.check(self))
        return reports

    def counts(self, report: Report) -> bool:
        """Whether a report counts as a verdict: not ignored by configuration nor suppressed inline."""
        if self.settings.ignored(report.code):
            return False
        if self.suppressions:
            from .load.loader import position

            line = report.line if report.line is not None else position(self.root, report.path)[0]
            return not self.suppressions.suppresses(report.code, line, mark=False)
        return True

    def path(self, item) -> str:
        """The JSON Pointer of a model instance in the file."""
        return self._paths.get(id(item), "")

    def report(self, code: str, item_or_path, key: str, **args) -> Report:
        path = item_or_path if isinstance(item_or_path, str) else self.path(item_or_path)
        if args.get("id") == "?" and (index := re.search(r"/([0-9]+)(/|$)", path)):
            args["id"] = f"#{int(index[1]) + 1}"  # an item without a (valid) id: counted from 1, as a reader counts
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

    def written(self, item, key: str) -> bool:
        """Whether the file writes ``key`` on this item, even with a value that failed validation (SM003)."""
        from .load.loader import find

        node, _ = find(self.root, self.path(item))
        return isinstance(node, Mapping) and key in node.items

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

    @staticmethod
    def dormant(channel) -> bool:
        """A paused or archived channel: kept for the record, exempt from cadence, calendar, owner and island rules."""
        return getattr(channel, "status", None) in DORMANT

    @cached_property
    def live_channels(self) -> dict:
        """Channels by id that are not paused or archived."""
        return {cid: channel for cid, channel in self.channels_by_id.items() if not self.dormant(channel)}

    @cached_property
    def pillars(self) -> list:
        return list(self.doc.content.pillars) if self.doc.content else []

    @cached_property
    def cadence(self) -> list:
        return list(self.doc.content.cadence) if self.doc.content else []

    def resolve_channel(self, ref: str | None) -> str | None:
        """The id of the channel a reference names: its id, or an alias of its platform (``fb``)."""
        if not ref:
            return None
        channels = self.channels_by_id
        if ref in channels:
            return ref
        canonical = self.channel_data.canonical(ref)
        return canonical if canonical in channels else None

    def _by_channel(self, items, attribute: str) -> dict:
        found: dict = {}
        for item in items:
            cid = self.resolve_channel(getattr(item, attribute))
            if cid is not None:
                found.setdefault(cid, []).append(item)
        return found

    @cached_property
    def cadence_by_channel(self) -> dict:
        """Cadence entries by the channel id they name."""
        return self._by_channel(self.cadence, "channel")

    @cached_property
    def entry_channels(self) -> list:
        """The channel id each calendar entry names (None when it names none of the plan's), in calendar order."""
        resolve = self.resolve_channel
        return [resolve(entry.channel) for entry in self.doc.calendar]

    @cached_property
    def calendar_by_channel(self) -> dict:
        """Calendar entries by the channel id they name."""
        found: dict = {}
        for entry, cid in zip(self.doc.calendar, self.entry_channels):
            if cid is not None:
                found.setdefault(cid, []).append(entry)
        return found

    @cached_property
    def covered_channels(self) -> set[str]:
        """Channels a team member covers: listed in the member's ``channels``, or owner of an entry on it (SM506)."""
        covered = {self.resolve_channel(ref) for member in self.doc.team for ref in member.channels or []}
        members = {member.id for member in self.doc.team if member.id}
        for entry, cid in zip(self.doc.calendar, self.entry_channels):
            if entry.owner and entry.owner in members:
                covered.add(cid)
        covered.discard(None)
        return covered

    @cached_property
    def uncovered_channels(self) -> list[str]:
        """Live channel ids no team member covers, in file order (SM506, SM602, the maturity score)."""
        return [cid for cid in self.live_channels if cid not in self.covered_channels]

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

    @property
    def period_ended(self) -> bool:
        """Whether the (valid) period ended before today: then nothing is judged against today (SM509)."""
        period = self.valid_period
        return period is not None and period.end < self.today

    def written_ids(self, section: str) -> frozenset[str]:
        """Ids as written in the file, made slugs: a reference to an id that
        failed validation (SM003) is not reported a second time as SM004."""
        key = ("written_ids", section)
        if key not in self.cache:
            self.cache[key] = frozenset(self._written_ids(section))
        return self.cache[key]

    def _written_ids(self, section: str) -> set[str]:
        from .load.validate import slugify

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
        """Ids of a section's items (first one wins), for reference checks (made once per file; do not change it)."""
        key = ("ids", section)
        if key not in self.cache:
            self.cache[key] = self._ids(section)
        return self.cache[key]

    def _ids(self, section: str) -> dict:
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
