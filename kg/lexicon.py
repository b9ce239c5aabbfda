"""The lexicons: general-English word lists that extraction reads, kept as data files in ``kg/data/lexicon``.

Each loader reads its file once. Lines starting with ``#`` are comments; TSV files are tab-separated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


def _lines(name: str) -> list[str]:
    text = resources.files("kg").joinpath("data", "lexicon", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in _lines(name)]


@cache
def footer_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _lines("footer.txt"))


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    kind: str  # speech-act family
    addressee: bool = False  # its direct object is the person spoken to ("told him")
    clause_only: bool = False  # reports speech only with a that-clause or a quotation ("a court ruled that")


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    out: dict[str, ReportingVerb] = {}
    for row in _rows("reporting_verbs.tsv"):
        out.setdefault(row[0], ReportingVerb(row[0], row[1], len(row) > 2 and row[2] == "addressee",
                                             len(row) > 3 and row[3] == "clause"))
    return out


@dataclass(frozen=True)
class NounCue:
    noun: str
    kind: str  # speech-act family, as for the verbs
    content: frozenset[str]  # "that", "to", and prepositions whose phrase is what was said


@cache
def noun_cues() -> dict[str, NounCue]:
    """Nouns that report what somebody said with a content ("her claim that …", "demands for …")."""
    return {row[0]: NounCue(row[0], row[1], frozenset(row[2].split(","))) for row in _rows("noun_cues.tsv")}


@cache
def quote_verbs() -> frozenset[str]:
    """Verbs that report speech only right next to a quotation ("reacted on social media, “…”")."""
    return frozenset(w.lower() for w in _lines("quote_verbs.txt"))


def fold(word: str) -> str:
    """A word without its diacritics, in lower case: "Zsófia" → "zsofia", "Zoë" → "zoe"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


class _Folded(dict):
    """A dict of plain lower-case keys looked up with or without diacritics: names from every language are
    written with their accents ("Zsófia", "Zoë", "José") while the list spells them plainly."""

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and dict.__contains__(self, fold(key))

    def __getitem__(self, key: str) -> str:
        return dict.__getitem__(self, fold(key))

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return dict.get(self, fold(key), default)


@cache
def given_names() -> dict[str, str]:
    """Given name (lower case) → "m" or "f"; looked up with or without diacritics. The curated list wins over the
    names derived from birth registers (given_names_derived.tsv, scripts/given_names.py)."""
    names = _Folded((fold(r[0]), r[1]) for r in _rows("given_names_derived.tsv"))
    names.update((fold(r[0]), r[1]) for r in _rows("given_names.tsv"))
    return names


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation (without its full stop) → title, number or other (kg.pipeline.sentences)."""
    return {r[0]: r[1] for r in _rows("abbreviations.tsv")}


@cache
def sentence_starters() -> frozenset[str]:
    return frozenset(_lines("sentence_starters.txt"))


@cache
def kicker_labels() -> frozenset[str]:
    """Labels before a headline's colon that name the kind of piece ("Live", "Explainer"), not a speaker."""
    return frozenset(w.lower() for w in _lines("kicker_labels.txt"))


@cache
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@cache
def post_heads() -> dict[str, str]:
    """Post head (lower case, may be several words) → the kind of body it belongs to: country, org, relative."""
    return {r[0]: r[1] for r in _rows("post_heads.tsv")}


@cache
def post_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("post_words.txt"))


@cache
def person_nouns() -> frozenset[str]:
    """Singular nouns for one unnamed person ("an advisor", "a senior official")."""
    return frozenset(w.lower() for w in _lines("person_nouns.txt"))


@cache
def media_nouns() -> frozenset[str]:
    """Singular nouns for a news medium that refer back to one named before ("the newspaper", "the website")."""
    return frozenset(w.lower() for w in _lines("media_nouns.txt"))


@cache
def collective_nouns() -> frozenset[str]:
    """Singular nouns of an unnamed collective that speaks as one ("the family", "the couple", "the jury")."""
    return frozenset(w.lower() for w in _lines("collective_nouns.txt"))


@cache
def group_nouns() -> frozenset[str]:
    """Plural heads of unnamed collectives: the list, and the plural of every noun for a person ("forecasters",
    "defendants", "classmates")."""
    listed = {w.lower() for w in _lines("group_nouns.txt")}
    singular = set(person_nouns()) | set(role_nouns()) | {h for h in post_heads() if " " not in h}
    return frozenset(listed | {plural(w) for w in singular})


def plural(noun: str) -> str:
    """The regular English plural of a noun for a person ("spokesman" → "spokesmen", "deputy" → "deputies")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


@cache
def org_descriptors() -> dict[str, frozenset[str]]:
    """Nouns that describe an organisation beside its name → the knowledge-base categories that agree with them."""
    return {r[0].lower(): frozenset(c.strip() for c in r[1].split(",")) for r in _rows("org_descriptors.tsv")}


@cache
def role_nouns() -> dict[str, str]:
    """Person nouns beyond the posts (lower case) → "topic" (a description of the person in focus) or "source"
    (somebody new when nobody was introduced with that noun)."""
    return {r[0].lower(): r[1] for r in _rows("role_nouns.tsv")}


@cache
def narration_participles() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("narration_participles.txt"))


@cache
def stance_adjectives() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("stance_adjectives.txt"))


@cache
def feeling_adjectives() -> frozenset[str]:
    """Adjectives of feeling that attribute a content only with a finite clause ("disappointed that …")."""
    return frozenset(w.lower() for w in _lines("feeling_adjectives.txt"))


@cache
def org_heads() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("org_heads.tsv")}


@cache
def demonyms() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("demonyms.tsv")}


@cache
def national_nouns() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("national_nouns.tsv")}


@cache
def country_aliases() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("country_aliases.tsv")}


@cache
def territories() -> frozenset[str]:
    return frozenset(_lines("territories.txt"))


@cache
def capitals() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("capitals.tsv")}


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]  # lemmas, lower case
    type: str
    pos: str  # "N", "V" or "NV"


@cache
def event_triggers() -> tuple[Trigger, ...]:
    """Event triggers, longest first so that "phone call" wins over "call"."""
    out = [Trigger(tuple(r[0].lower().split()), r[1], r[2]) for r in _rows("event_triggers.tsv")]
    return tuple(sorted(out, key=lambda t: -len(t.words)))


@cache
def triggers_by_first_word() -> dict[str, tuple[Trigger, ...]]:
    """Event triggers indexed by their first word (longest first within each)."""
    out: dict[str, list[Trigger]] = {}
    for t in event_triggers():
        out.setdefault(t.words[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@cache
def trigger_objects() -> dict[tuple[str, ...], frozenset[str]]:
    """Verbal triggers that are events only with one of these object lemmas ("read a statement")."""
    return {tuple(r[0].lower().split()): frozenset(r[1].split(",")) for r in _rows("event_trigger_objects.tsv")}


def ontology_dir() -> Path:
    """The ``ontology/`` folder: shipped inside the package as ``kg/ontology`` or beside it in a source checkout."""
    inside = Path(str(resources.files("kg"))) / "ontology"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / "ontology"
