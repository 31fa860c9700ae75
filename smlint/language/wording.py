"""Word lists with their inflections: vague wording, shrinking goals, activities.

The lists are data in ``rules/vocabulary.yaml``, written as a person would:
``verhogen``, ``naar buiten {treden}``, ``{zetten} ... in``. Three notations
make one entry cover what plans really write:

- an entry in ``vague_verbs`` (and a ``{verb}`` in a phrase) stands for every
  form of that verb: ``verhogen`` also finds "verhoogd", "verhoogt",
  "verhoogde"; ``grow`` finds "grew", "grown", "growing";
- ``...`` is a gap of up to six words, for Dutch separable verbs: ``{bouwen}
  ... uit`` finds "we bouwen onze aanwezigheid verder uit";
- ``*`` at the start or end of a word: any word ending or starting with it
  (``*campagne`` finds "wervingscampagne").

Why a table of forms and not a lemmatizer at run time: the forms come from
simplemma's Dutch and English dictionaries (a lemmatizer that ships its data
in the wheel, no model download), but looking every word of every statement
up in them costs its 20 MB dictionaries about a second to load per process.
So ``python -m smlint.language.wording --write`` inverts those dictionaries once for
exactly the verbs the vocabulary names, into ``rules/inflections.yaml``
(committed, reviewed like any data; a test regenerates it and fails when it
drifts), and a lint run reads that small table: the same recall for the
listed verbs, at no start-up cost, with no dependency at run time.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from .alternation import ANY, Alternatives
from ..classcache import dataclass
from ..data import read_yaml
from ..kept import made
from ..patterncache import compile as compile_kept

GAP = r"(?:[\s,]+[\w'’-]+){0,6}?[\s,]+"
_PLACEHOLDER = compile_kept(r"\{([^{}]+)\}")
LANGS = ("nl", "en")


@lru_cache(maxsize=None)
def inflections() -> dict:
    """{lang: {verb: [forms]}} from rules/inflections.yaml."""
    return read_yaml("inflections.yaml")


def _longest_first(word: str):
    """Longer forms first, and in a fixed order (a set's order differs from run to run: the pattern would too)."""
    return -len(word), word


def forms(verb: str, lang: str | None = None) -> list[str]:
    """The verb itself and its forms (in one language, or both), excluding those the vocabulary excludes."""
    table = inflections()
    found = [verb]
    for code in (lang,) if lang else LANGS:
        found += (table.get(code) or {}).get(verb) or []
    excluded = set(read_yaml("vocabulary.yaml").get("not_forms") or [])
    return sorted({f for f in found if f == verb or f not in excluded}, key=_longest_first)


def _word(token: str) -> str:
    """One word of an entry as a regex: ``*`` ends match any word part."""
    start, end = token.startswith("*"), token.endswith("*") and len(token) > 1
    core = re.escape(token.strip("*"))
    return (r"\w*" if start else "") + core + (r"\w*" if end else "")


def entry_regex(entry: str, lang: str | None = None) -> str:
    """An entry of the vocabulary as a regex (without the outer word boundaries)."""
    parts = []
    for chunk in entry.split("..."):
        words = []
        for token in chunk.split():
            placeholder = _PLACEHOLDER.fullmatch(token)
            if placeholder:
                words.append("(?:" + "|".join(re.escape(f) for f in forms(placeholder[1], lang)) + ")")
            else:
                words.append(_word(token))
        parts.append(r"\s+".join(words))
    return GAP.join(p for p in parts if p)


@dataclass(frozen=True)
class WordList:
    """Entries compiled into one alternation, a named group each (``g0``, ``g1``, ...) to name what was found.

    ``source`` is the whole pattern; it is searched by the letter at each word start (alternation.py),
    which finds what the whole pattern finds.
    """

    source: str | None
    entries: tuple[str, ...]  # by group number
    alternatives: Alternatives | None = None

    @cached_property
    def pattern(self) -> re.Pattern | None:
        """The whole pattern (what ``alternatives`` searches as it would)."""
        return compile_kept(self.source, re.IGNORECASE) if self.source is not None else None

    def find(self, text: str) -> list[str]:
        """What the text contains, as written there (a gap shown as "..."), sorted and without repeats.

        The group that matched is the first entry, longest first, that the matched words are: no entry
        has to be tried on them one by one, nor compiled on its own.
        """
        if self.alternatives is None or not text:
            return []
        entries = self.entries
        return sorted({_shown(entries[int(match.lastgroup[1:])], match[0]) for match in self.alternatives.finditer(text)})

    def search(self, text: str) -> bool:
        return self.alternatives is not None and bool(text) and self.alternatives.search(text)


def _shown(entry: str, matched: str) -> str:
    """How a finding names the words: as written, with "..." for the words a gap skipped."""
    if "..." not in entry:
        return matched.lower()
    head = entry.split("...")[0].split()
    tail = entry.split("...")[-1].split()
    words = matched.split()
    return " ".join(words[: len(head)]).lower() + " ... " + " ".join(words[-len(tail):]).lower()


def compile_list(entries_by_lang: dict) -> WordList:
    # the pattern's text and each entry's regex, made once and kept (kept.made): they depend on the entries and
    # the verbs' forms
    text, entries, groups = made(_list_pattern, entries_by_lang,
                                 also=(inflections(), read_yaml("vocabulary.yaml").get("not_forms")))
    if not entries:
        return WordList(None, ())
    return WordList(text, entries, Alternatives(groups, r"(?<![\w-])", r"(?![\w])", re.IGNORECASE))


def _list_pattern(entries_by_lang: dict) -> tuple[str, tuple[str, ...], tuple]:
    """(the whole pattern, the entries by group number, the groups for alternation.py)."""
    entries = []
    for lang in LANGS:
        for entry in (entries_by_lang or {}).get(lang) or []:
            entries.append((entry, entry_regex(entry, lang), lang))
    if not entries:
        return "", (), ()
    entries.sort(key=lambda triple: len(triple[1]), reverse=True)  # longest first: a phrase before its first word
    combined = "|".join(f"(?P<g{number}>{regex})" for number, (_, regex, _) in enumerate(entries))
    groups = tuple((f"g{number}", ((regex, _first(entry, lang)),)) for number, (entry, regex, lang) in enumerate(entries))
    return (_first_letters(entries_by_lang) + r"(?<![\w-])(?:" + combined + r")(?![\w])",
            tuple(entry for entry, _, _ in entries), groups)


def _first(entry: str, lang: str) -> str | None:
    """The characters a match of the entry begins with, as the inside of a class (alternation.py)."""
    words = entry.split("...")[0].split()
    if not words:
        return ANY
    placeholder = _PLACEHOLDER.fullmatch(words[0])
    if placeholder:
        return "".join(dict.fromkeys(re.escape(form[0]) for form in forms(placeholder[1], lang) if form)) or ANY
    if words[0].startswith("*"):  # \w* and then the rest of the word
        return "\\w" + re.escape(words[0].strip("*")[:1])
    return re.escape(words[0][0])


def _first_letters(entries_by_lang: dict) -> str:
    """A look-ahead at the letters the entries can begin with (the same matches, most places skipped at once);
    none when an entry begins with ``*``."""
    letters = set()
    for lang in LANGS:
        for entry in (entries_by_lang or {}).get(lang) or []:
            first = entry.split("...")[0].split()[0] if entry.split("...")[0].split() else ""
            placeholder = _PLACEHOLDER.fullmatch(first)
            if placeholder:
                letters |= {form[0] for form in forms(placeholder[1], lang) if form}
            elif first and not first.startswith("*"):
                letters.add(first[0])
            else:
                return ""
    return "(?=[" + "".join(sorted(re.escape(letter) for letter in letters)) + "])" if letters else ""


def _verbs_as_entries(verbs_by_lang: dict) -> dict:
    return {lang: ["{" + verb + "}" for verb in (verbs_by_lang or {}).get(lang) or []] for lang in LANGS}


def _joined(*tables: dict) -> dict:
    return {lang: [e for table in tables for e in (table or {}).get(lang) or []] for lang in LANGS}


@lru_cache(maxsize=None)
def vague() -> WordList:
    """Vague wording (SM205): ``vague`` and every form of ``vague_verbs``, and the shrinking words too."""
    data = read_yaml("vocabulary.yaml")
    return compile_list(_joined(data.get("vague"), _verbs_as_entries(data.get("vague_verbs")),
                                data.get("shrinking"), _verbs_as_entries(data.get("shrinking_verbs"))))


@lru_cache(maxsize=None)
def shrinking() -> WordList:
    """Words that make a goal shrink ("verminderen", "fewer"): the proposed rewrite then reduces."""
    data = read_yaml("vocabulary.yaml")
    return compile_list(_joined(data.get("shrinking"), _verbs_as_entries(data.get("shrinking_verbs"))))


@lru_cache(maxsize=None)
def activities() -> WordList:
    """Outputs posing as results (SM210): posting, publishing, running a campaign, using a channel."""
    return compile_list(read_yaml("vocabulary.yaml").get("activities"))


# -- generating rules/inflections.yaml (needs simplemma; never imported by a lint run) ----------------


def verbs_in_vocabulary() -> dict[str, list[str]]:
    """Every verb the vocabulary inflects: ``vague_verbs``, ``shrinking_verbs`` and ``{verb}`` in any list."""
    data = read_yaml("vocabulary.yaml")
    verbs: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for key in ("vague_verbs", "shrinking_verbs"):
        for lang in LANGS:
            verbs[lang].update((data.get(key) or {}).get(lang) or [])
    for key in ("vague", "shrinking", "activities"):
        for lang in LANGS:
            for entry in (data.get(key) or {}).get(lang) or []:
                verbs[lang].update(_PLACEHOLDER.findall(entry))
    return {lang: sorted(words) for lang, words in verbs.items()}


def _related(form: str, verb: str, lang: str) -> bool:
    """A form starts as the verb does (or, in Dutch, as its past participle: "gegroeid" for "groeien")."""
    if not form.isalpha() or form != form.lower():
        return False
    head = verb[:1]
    return form.startswith(head) or (lang == "nl" and form.startswith("ge" + head))


def _ing(verb: str) -> str:
    """The regular English -ing form: "grow" -> "growing", "raise" -> "raising", "cut" -> "cutting"."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    vowels = "aeiou"
    if len(verb) <= 4 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and verb[-3] not in vowels:
        return verb + verb[-1] + "ing"  # one short syllable ending in a consonant doubles it
    return verb + "ing"


def generate() -> dict:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    out: dict = {}
    for lang, verbs in verbs_in_vocabulary().items():
        wanted = set(verbs)
        found: dict[str, set[str]] = {verb: set() for verb in verbs}
        dictionary = factory.get_dictionary(lang)
        for form in dictionary:
            lemma = dictionary[form]
            if lemma in wanted and form != lemma and _related(form, lemma, lang):
                found[lemma].add(form)
        if lang == "en":  # the dictionary files some -ing forms ("growing") under the adjective
            for verb in verbs:
                if not any(f.endswith("ing") for f in found[verb]):
                    found[verb].add(_ing(verb))
        out[lang] = {verb: sorted(found[verb]) for verb in verbs}
    return out


HEADER = """\
# Forms of the verbs in rules/vocabulary.yaml (vague_verbs, shrinking_verbs,
# and every {{verb}} in its phrases), by language. GENERATED: do not edit; run
#     python -m smlint.language.wording --write
# after changing the vocabulary. Source: the Dutch and English dictionaries of
# simplemma {version} (https://github.com/adbar/simplemma, MIT licence;
# dictionaries derived from Wiktionary and other open lexicons), inverted for
# exactly these verbs: each form whose lemma is one of them, in lower case,
# starting with the verb's first letter (Dutch past participles: "ge" and that
# letter); for English verbs whose -ing form the dictionary files under the
# adjective ("growing"), the regular -ing form is added. A test fails when
# this file drifts from the vocabulary.
"""


def text() -> str:
    import importlib.metadata

    import yaml

    body = yaml.safe_dump(generate(), allow_unicode=True, sort_keys=True, width=100, default_flow_style=None)
    return HEADER.format(version=importlib.metadata.version("simplemma")) + body


if __name__ == "__main__":
    import sys

    from ..data import data_dir

    if "--write" in sys.argv:
        target = data_dir("rules") / "inflections.yaml"
        target.write_text(text(), encoding="utf-8")
        print(f"wrote {target}")
    else:
        sys.stdout.write(text())
