"""Channel data: platforms, aliases, reach by age and region, formats, cadence.

The built-in data is ``rules/channels.yaml``; a user's files
(``--channel-data``) are merged over it, a figure replacing a figure whole.
The file's shape is the pydantic model in ``channeldata_model.py`` (the
source of ``schemas/channel-data.schema.json`` and of the validator compiled
from it); rules use :class:`ChannelData`.
"""

from __future__ import annotations

from functools import lru_cache

from ..classcache import dataclass
from ..data import read_yaml
from ..load.datafile import DataFileError
from ..load.loader import escape_pointer, position
from ..patterncache import compile as compile_kept

DAYS = {"day": 1.0, "week": 7.0, "month": 30.44}
OPEN_BAND_END = 80  # SPEC section 7: an open top band ("65+") ends at 80
BAND = r"^\d+(-\d+|\+)$"
_SLUG = compile_kept(r"^[a-z0-9][a-z0-9_-]*$")


# -- merging -----------------------------------------------------------------

_LEAF_KEYS = ("value", "posts", "men")  # a figure, a cadence bound, a gender split: replaced whole


def merge(base, override):
    """``override`` over ``base``: mappings merge, a figure or any other value replaces."""
    if not isinstance(base, dict) or not isinstance(override, dict) or any(k in override for k in _LEAF_KEYS):
        return override
    out = dict(base)
    for key, value in override.items():
        out[key] = merge(base[key], value) if key in base else value
    return out


# -- what rules use ----------------------------------------------------------


_KEPT = 4096  # answers a ChannelData keeps (per name, per age range)


def _norm(name: str) -> str:
    return " ".join(str(name).strip().lower().replace("_", " ").split())


@dataclass(frozen=True)
class Reach:
    """A platform's share of an age range in a region, and what it rests on."""

    value: float
    figures: tuple[dict, ...]
    bands: tuple[str, ...]  # the data bands the age range covers
    region: str


class ChannelData:
    def __init__(self, raw: dict, files: tuple[str, ...] = ()) -> None:
        self.raw = raw
        self.files = files  # the user's files merged over the built-in data
        self.platforms: dict = raw.get("platforms") or {}
        self.sources: dict = raw.get("sources") or {}
        self.regions: dict = raw.get("regions") or {}
        self._aliases: dict[str, str] = {}
        for canonical, entry in self.platforms.items():
            self._aliases[_norm(canonical)] = canonical
            for alias in (entry or {}).get("aliases") or []:
                self._aliases.setdefault(_norm(alias), canonical)
        self._known: dict = {}  # answers looked up before (the data does not change): name -> canonical platform
        self._reaches: dict = {}  # (platform, region, low, high) -> Reach or None

    # platforms
    def canonical(self, name) -> str | None:
        """The canonical platform for a name or alias, or None when unknown."""
        if name is None:
            return None
        if name.__class__ is not str:
            return self._aliases.get(_norm(name))
        known = self._known
        if name not in known:
            if len(known) >= _KEPT:  # the names of many files: the memory stays flat
                known.clear()
            known[name] = self._aliases.get(_norm(name))
        return known[name]

    def default_id(self, platform: str) -> str:
        return self.canonical(platform) or _norm(platform).replace(" ", "-")

    def closest(self, name: str) -> str | None:
        from difflib import get_close_matches  # only for a suggestion

        match = get_close_matches(_norm(name), list(self._aliases), n=1, cutoff=0.7)
        return self._aliases[match[0]] if match else None

    def display(self, name: str) -> str:
        """How a platform is written in a sentence: LinkedIn, TikTok, X."""
        known = self.canonical(name)
        if known and self.platforms[known].get("name"):
            return self.platforms[known]["name"]
        text = known or str(name)
        return text[:1].upper() + text[1:]

    def platform(self, name) -> dict | None:
        known = self.canonical(name)
        return (self.platforms.get(known) or {}) if known else None

    def formats(self, name) -> list[str] | None:
        return (self.platform(name) or {}).get("formats")

    def suits_business(self, name) -> bool | None:
        return (self.platform(name) or {}).get("business")

    def cadence_range(self, name) -> tuple[dict | None, dict | None]:
        """The recommended (min, max) bounds, each {posts, per, source, year} or None."""
        cadence = (self.platform(name) or {}).get("cadence") or {}
        return cadence.get("min"), cadence.get("max")

    # regions and reach
    def region_code(self, name) -> str | None:
        """The region a name means: a code in any case (``NL``), or an alias (``Nederland``); None when unknown."""
        key = _norm(name) if name is not None else ""
        if key in self.regions:
            return key
        for code, entry in sorted(self.regions.items()):
            if key in {_norm(alias) for alias in (entry or {}).get("aliases") or []}:
                return code
        return None

    def region(self, name: str | None) -> str | None:
        """The region whose figures apply: ``nl``, ``us``; anything else via ``global``."""
        key = (self.region_code(name) or "global") if name else "global"
        if key not in self.regions:
            key = "global"
        seen = set()
        while key in self.regions and self.regions[key].get("fallback") and key not in seen:
            seen.add(key)
            key = self.regions[key]["fallback"]
        return key if key in self.regions else None

    def years_by_band(self, region: str, low: int, high: int) -> dict[str, int]:
        """How many years of ``low``..``high`` fall in each of the region's bands.

        Ages below the youngest band count in that band; an open top band
        ends at 80 (SPEC section 7).
        """
        bands = []
        for label in self.regions[region].get("bands") or []:
            if label.endswith("+"):
                bands.append((label, int(label[:-1]), max(OPEN_BAND_END, int(label[:-1]))))
            else:
                start, end = label.split("-")
                bands.append((label, int(start), int(end)))
        if not bands:
            return {}
        bands.sort(key=lambda band: band[1])
        years: dict[str, int] = {}
        for label, start, end in bands:
            first = low if label == bands[0][0] else max(low, start)
            last = high if label == bands[-1][0] else min(high, end)
            if last >= first:
                years[label] = last - first + 1
        return years

    def reach(self, platform: str, region: str, low: int, high: int) -> Reach | None:
        """The platform's share of ages ``low``..``high``, weighted by years per band; None when a band has no figure."""
        key = (platform, region, low, high)
        if key not in self._reaches:
            if len(self._reaches) >= _KEPT:
                self._reaches.clear()
            self._reaches[key] = self._reach(platform, region, low, high)
        return self._reaches[key]

    def _reach(self, platform: str, region: str, low: int, high: int) -> Reach | None:
        region_reach = ((self.platform(platform) or {}).get("reach") or {}).get(region)
        if not region_reach:
            return None
        band_figures = region_reach.get("bands") or {}
        years = self.years_by_band(region, low, high)
        if not years:
            return None
        total = weighted = 0.0
        figures = []
        for label, count in years.items():
            figure = band_figures.get(label)
            if not figure:
                return None  # no published figure for part of the range: never guess
            weighted += figure["value"] * count
            total += count
            figures.append(figure)
        return Reach(weighted / total, tuple(figures), tuple(years), region)

    def reach_all(self, platform: str, region: str) -> Reach | None:
        """The platform's share of everyone in the region's denominator (adults, people 15+); None without a figure."""
        region_reach = ((self.platform(platform) or {}).get("reach") or {}).get(region) or {}
        figure = region_reach.get("all")
        if not figure:
            return None
        return Reach(figure["value"], (figure,), (), region)

    def citation(self, figures, lang: str) -> str:
        """(Pew Research Center, 2025) or (estimate from Newcom and Pew Research Center, 2025)."""
        cites: list[str] = []
        years = set()
        estimated = False
        for figure in figures:
            refs = figure["source"] if isinstance(figure["source"], list) else [figure["source"]]
            for ref in refs:
                cite = in_language((self.sources.get(ref) or {}).get("cite", ref), lang)
                if cite not in cites:
                    cites.append(cite)
            if figure.get("year"):
                years.add(figure["year"])
            estimated = estimated or bool(figure.get("estimated"))
        joiner = {"en": " and ", "nl": " en "}[lang]
        text = ", ".join(cites[:-1]) + joiner + cites[-1] if len(cites) > 1 else (cites[0] if cites else "")
        if years:
            text += f", {max(years)}"
        if estimated:
            text = {"en": "estimate from ", "nl": "schatting op basis van "}[lang] + text
        return text

    def region_words(self, region: str, lang: str) -> tuple[str, str]:
        """('the US', 'adults') in English, ('de VS', 'volwassenen') in Dutch."""
        entry = self.regions.get(region) or {}
        name = (entry.get("name") or {}).get(lang, region)
        people = (entry.get("people") or {}).get(lang, "")
        return name, people

    def denominator(self, figure: dict) -> str | None:
        if figure.get("denominator"):
            return figure["denominator"]
        refs = figure["source"] if isinstance(figure["source"], list) else [figure["source"]]
        return (self.sources.get(refs[0]) or {}).get("denominator")


def in_language(text, lang: str):
    """A text of the channel data in ``lang``: plain text as it is, {en, nl} in the language (else English)."""
    return (text.get(lang) or text.get("en")) if isinstance(text, dict) else text


def per_week(bound: dict) -> float:
    return bound["posts"] * 7.0 / DAYS[bound["per"]]


# -- loading -----------------------------------------------------------------


@lru_cache(maxsize=None)
def built_in() -> ChannelData:
    return ChannelData(read_yaml("channels.yaml"))


@lru_cache(maxsize=8)
def load(files: tuple[str, ...] = (), lang: str = "en") -> ChannelData:
    """The built-in data with the user's files merged over it, in order.

    Raises DataFileError (exit 2) for a file smlint cannot use.
    """
    from ..load import datafile

    if not files:
        return built_in()
    raw = read_yaml("channels.yaml")
    trees = []
    for file in files:
        values, root = datafile.read(file, "ChannelDataFile", lang)
        raw = merge(raw, values)
        trees.append((file, root))
    data = ChannelData(raw, files)
    problem = consistency(data)
    if problem:
        pointer, key, args = problem
        file, root = trees[-1]
        for candidate, tree in reversed(trees):  # the last file that wrote this part
            if _exact(tree, pointer):
                file, root = candidate, tree
                break
        line, column = position(root, pointer) if _exact(root, pointer) else (1, 1)
        raise DataFileError(file, line, column, _data_message(key, lang, args))
    return data


def _exact(root, pointer: str) -> bool:
    """Whether a file writes this exact key (a finding is placed in the file that wrote it)."""
    from ..load.loader import Mapping

    node = root
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or token not in node.items:
            return False
        node = node.items[token][1]
    return True


def _data_message(key: str, lang: str, args: dict) -> str:
    from ..i18n import common

    return common(f"channel_data_{key}", lang).format(**args)


def consistency(data: ChannelData):
    """The first problem the schema cannot see: (JSON Pointer, message key, args), or None."""
    for name, region in sorted(data.regions.items()):
        fallback = region.get("fallback")
        if fallback and fallback not in data.regions:
            return f"/regions/{escape_pointer(name)}/fallback", "unknown_region", {"region": fallback}
    for name, entry in data.platforms.items():
        for region, region_reach in (entry.get("reach") or {}).items():
            base = f"/platforms/{escape_pointer(name)}/reach/{escape_pointer(region)}"
            if region_reach is None:
                continue
            if region not in data.regions:
                return base, "unknown_region", {"region": region}
            bands = data.regions[region].get("bands") or []
            figures = [("all", region_reach.get("all"))]
            for band, figure in (region_reach.get("bands") or {}).items():
                if band not in bands:
                    return f"{base}/bands/{escape_pointer(band)}", "unknown_band", {
                        "band": band, "region": region, "bands": ", ".join(bands)}
                figures.append((f"bands/{escape_pointer(band)}", figure))
            for where, figure in figures:
                if not figure:
                    continue
                refs = figure["source"] if isinstance(figure["source"], list) else [figure["source"]]
                for ref in refs:
                    if _SLUG.match(ref) and ref not in data.sources:
                        from difflib import get_close_matches  # only for a suggestion

                        close = get_close_matches(ref, list(data.sources), n=1, cutoff=0.6)
                        return f"{base}/{where}/source", "unknown_source", {
                            "source": ref, "hint": close[0] if close else "-"}
                if not data.denominator(figure):
                    return f"{base}/{where}", "no_denominator", {}
    return None
