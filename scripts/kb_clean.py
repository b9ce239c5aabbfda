"""The last step of the knowledge-base build: general rules on names that a source gets wrong or leaves out.

    python scripts/build_kb.py clean     re-applies this step to kg/data/kb/derived.jsonl.gz (the build ends with it)

1. A national body's short name that is its label without the country's adjective ("American Red Cross" →
   "Red Cross", "British Council" → "Council") names the movement or the kind of body, not this member of it:
   news writes "the Red Cross" for the international committee or the movement, so the short name is dropped.
2. A record known only from the FB15k-237 table whose English Wikipedia title shares no word with any of its names
   is a broken match between the benchmark's entity and the item (an item labelled "Real Madrid", described
   "España", titled "C.F._Pachuca"): the record is dropped, it would take the mentions of the real entity.
4. A state body's generic name ("Ministry of Social Development", "Department of Agriculture") is borne by the
   bodies of many countries though a source describes only one: the label gains the country ("Department of
   Agriculture (Philippines)", or the source's own alias that names it, "New Zealand Ministry of Social
   Development") and the generic name becomes a weak alias, which links only where the article speaks of that
   country (the record's prior is raised to 0.6, the least at which a weak name links with its country). A name with a country's name or adjective in it is not generic.
3. A person of a country that writes in Cyrillic is named in English in several romanisations: Wikidata's label
   follows one ("Sergey", "Dmitriy", "Yevgeny", "Aleksandr", "Zelenskyy"), news agencies another ("Sergei",
   "Dmitry", "Evgeny", "Alexandr", "Zelensky"). The other spellings of the label's words become aliases.
5. A name that is a label cut at its comma ("University of California" of "University of California, San
   Francisco", "Ministry of Agriculture" of "Ministry of Agriculture, Food and Rural Affairs") names whatever the
   records whose labels begin so have in common (a university's campuses, ministries of several countries): where
   two records or more have labels that begin with it, it is no name of one of them and is dropped.
6. A name that a hand-verified record (kg/data/kb/curated.jsonl) bears, where that record takes the name as meaning
   it (no prior below 0.9), is a namesake's in a derived record of another item of the same kind: a registry's
   short name for a company ("New York Times" for The New York Times Company) is weak there, and such a label
   gives way to the record's first other name.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from kg import lexicon

CURATED = Path(__file__).resolve().parents[1] / "kg" / "data" / "kb" / "curated.jsonl"

_WORD = re.compile(r"[a-z0-9]+")
_MINOR = frozenset({"of", "the", "and", "for", "de", "la", "le", "du", "des", "del"})


def national_adjectives() -> frozenset[str]:
    """The adjectives of countries of the extraction lexicon ("American", "British", …)."""
    return frozenset(lexicon.demonyms())


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _words(s: str) -> set[str]:
    return {w for w in _WORD.findall(_plain(s)) if len(w) > 1 or w.isdigit()}


def _squash(s: str) -> str:
    return "".join(_WORD.findall(_plain(s)))


def without_nation(label: str, adjectives: frozenset[str]) -> str | None:
    """The label less a leading country adjective ("American Red Cross" → "Red Cross"), else None."""
    first, _, rest = label.partition(" ")
    return rest if first in adjectives and rest else None


def _same_name(name: str, title: str) -> bool:
    """A title that spells the name another way: a shared word, the same letters, the initials, or a close
    transliteration ("Neftçi PFK" of "Neftchi Baku PFC")."""
    if _words(name) & _words(title):
        return True
    sn, st = _squash(name), _squash(title)
    initials = "".join(w[0] for w in _WORD.findall(_plain(name)) if w not in _MINOR)
    return bool(sn) and (st.startswith(sn) or sn.startswith(st) or (len(initials) > 1 and st.startswith(initials))
                         or difflib.SequenceMatcher(None, sn, st).ratio() >= 0.6)


def broken_title(rec: dict) -> bool:
    title = urllib.parse.unquote((rec.get("dbpedia") or "").rsplit("/", 1)[-1]).replace("_", " ")
    if not title or rec.get("source") != ["source/fb15k"]:
        return False
    return not any(_same_name(n, title) for n in [rec.get("label", ""), *(rec.get("aliases") or [])])


CYRILLIC = frozenset({"country/russia", "country/ukraine", "country/belarus", "country/kazakhstan",
                      "country/kyrgyzstan", "country/tajikistan", "country/uzbekistan", "country/turkmenistan",
                      "country/bulgaria", "country/serbia", "country/north-macedonia", "country/mongolia"})
# (pattern, replacement) on one word: each gives the other common romanisation of the same Cyrillic spelling
_ROMAN = [(re.compile(p), r) for p, r in (
    (r"ey$", "ei"), (r"ei$", "ey"), (r"ay$", "ai"), (r"iy$", "y"), (r"iy$", "i"), (r"yy$", "y"), (r"ii$", "y"),
    (r"^Ye(?=[a-z])", "E"), (r"^Aleks", "Alex"), (r"^Alexandr$", "Alexander"),
    (r"(?<=[a-z])oy(?=[bcdfghjklmnpqrstvwxz])", "oi"))]


def romanisations(label: str, most: int = 8) -> list[str]:
    """The label's other spellings, one word or several changed ("Sergey Lavrov" → "Sergei Lavrov")."""
    options = []
    for w in label.split(" "):
        alts = [w]
        for a in alts:  # grows while read: the rules compose ("Aleksey" → "Alexey" → "Alexei")
            for pat, rep in _ROMAN:
                v = pat.sub(rep, a, count=1)
                if v != a and len(v) >= 3 and v not in alts and len(alts) < 6:
                    alts.append(v)
        options.append(alts)
    out: list[str] = [""]
    for alts in options:
        out = [f"{o} {a}".strip() for o in out for a in alts][: most + 1]
    return [v for v in out if v != label][:most]


_GENERIC = re.compile(r"^(Ministry|Department|Office|Secretariat|Directorate|Agency|State Secretariat)"
                      r"( General)? (of|for) ")


def country_words() -> frozenset[str]:
    """Names and adjectives of countries, as words ("New Zealand", "Zealand", "Philippine")."""
    out = {w for adjective, country in lexicon.demonyms().items() for w in _words(adjective) | _words(country)}
    return frozenset(out - _MINOR - {"united", "states", "republic", "kingdom", "new", "south", "north", "east", "west",
                                     "central", "islands", "democratic", "people", "s"})


def is_generic(name: str, words: frozenset[str]) -> bool:
    """A state body's name with no country in it (a name this step qualified, "… (Chile)", has one)."""
    return bool(_GENERIC.match(name)) and not name.endswith(")") and not (_words(name) & words)


def qualify(rec: dict, country_label: dict[str, str], words: frozenset[str]) -> None:
    """A state body's generic label and aliases become weak; the label names the country (rule 4)."""
    if rec.get("type") not in ("government", "organization") or rec.get("country") not in country_label:
        return
    if not is_generic(rec["label"], words):
        return
    aliases = rec.get("aliases") or []
    # the source's own name of the body with its country, one that contains the generic label first
    named = sorted((a for a in aliases if not is_generic(a, words) and _words(a) & words),
                   key=lambda a: rec["label"].lower() not in a.lower())
    generic = [rec["label"], *(a for a in aliases if is_generic(a, words))]
    rec["label"] = named[0] if named else f"{rec['label']} ({country_label[rec['country']]})"
    rec["aliases"] = [a for a in aliases if a not in generic and a != rec["label"]]
    if not rec["aliases"]:
        del rec["aliases"]
    rec["weak_aliases"] = list(dict.fromkeys([*generic, *(rec.get("weak_aliases") or [])]))
    # a weak name links with its country in the article only for a record of prior 0.6 or more: a state body's
    # generic name with its country is as telling as a full name
    rec["prior"] = max(rec.get("prior", 0.5), 0.6)


def shared_heads(records: list[dict]) -> set[str]:
    """The labels' parts before a comma that begin the labels of two records or more (rule 5)."""
    ids: dict[str, set[str]] = {}
    for r in records:
        label = r.get("label", "")
        if r.get("type") != "source" and ", " in label:
            ids.setdefault(label.split(", ")[0], set()).add(r["id"])
    return {h for h, rs in ids.items() if len(rs) >= 2}


_KIND = {"organization": "body", "government": "body", "person": "person"}


def _acronym(name: str) -> bool:
    return name.replace(".", "").replace("&", "").replace(" ", "").isupper()


def curated_names(path: Path = CURATED) -> dict[tuple[str, str], set[tuple[str, str, bool]]]:
    """(kind, folded name) → (item, country, written as an acronym) of the hand-verified records that take the name
    as meaning them."""
    from kg.pipeline.link.kb import name_key

    out: dict[tuple[str, str], set[tuple[str, str, bool]]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line) if line.strip() and not line.startswith("#") else {}
        kind = _KIND.get(rec.get("type", ""))
        if not kind or not rec.get("wikidata") or (rec.get("prior") is not None and rec["prior"] < 0.9):
            continue
        for n in (rec["label"], *(rec.get("aliases") or ())):
            out.setdefault((kind, name_key(n)), set()).add((rec["wikidata"], rec.get("country") or "", _acronym(n)))
    return out


def yield_to_curated(rec: dict, names: dict[tuple[str, str], set[tuple[str, str, bool]]],
                     country_of: dict[str, str]) -> None:
    """Rule 6: the names of ``rec`` that hand-verified records of other items of its country bear become weak
    (another country's namesake, "House of Commons", is for the article's country to decide; an acronym is not a
    word, "WHO" not "The Who")."""
    from kg.pipeline.link.kb import name_key

    kind = _KIND.get(rec.get("type", ""))
    if not kind or not rec.get("wikidata"):
        return

    def taken(n: str) -> bool:
        # (a hand-written line that gives names to a derived record has that record's country)
        return any(q != rec["wikidata"] and a == _acronym(n)
                   and not ((home := c or country_of.get(q)) and rec.get("country") and home != rec["country"])
                   for q, c, a in names.get((kind, name_key(n)), ()))

    weak = [a for a in rec.get("aliases") or () if taken(a)]
    if taken(rec["label"]):
        other = next((a for a in rec.get("aliases") or () if not taken(a)), None)
        if other is None:
            return  # no other name to go by: the record competes as before
        weak.append(rec["label"])
        rec["label"] = other
    if weak:
        rec["aliases"] = [a for a in rec.get("aliases") or () if a not in weak and a != rec["label"]]
        rec["weak_aliases"] = list(dict.fromkeys([*(rec.get("weak_aliases") or ()), *weak]))
        if not rec["aliases"]:
            del rec["aliases"]


def clean(records: Iterable[dict], adjectives: frozenset[str] | None = None,
          words: frozenset[str] | None = None, curated: dict[tuple[str, str], set[str]] | None = None) -> list[dict]:
    adjectives = national_adjectives() if adjectives is None else adjectives
    words = country_words() if words is None else words
    curated = curated_names() if curated is None else curated
    records = list(records)
    country_label = {r["id"]: r["label"] for r in records if r.get("type") == "country"}
    heads = shared_heads(records)
    country_of = {r["wikidata"]: r["country"] for r in records if r.get("wikidata") and r.get("country")}
    out = []
    for rec in records:
        if rec.get("type") == "source":
            out.append(rec)
            continue
        if broken_title(rec):
            continue
        generic = without_nation(rec.get("label", ""), adjectives)
        if generic and _GENERIC.match(generic):
            generic = None  # "Department of Education" of the Australian one: a state body's name, rule 4's
        # a weak alias that is the generic name goes; a full alias ("Ordnance Survey" of "British Ordnance Survey")
        # is a real name
        if generic and generic in (rec.get("weak_aliases") or ()):
            rec["weak_aliases"] = [a for a in rec["weak_aliases"] if a != generic]
            if not rec["weak_aliases"]:
                del rec["weak_aliases"]
        head = rec.get("label", "").split(", ")[0]
        if head in heads:  # rule 5
            for field in ("aliases", "weak_aliases"):
                if head in (rec.get(field) or ()):
                    rec[field] = [a for a in rec[field] if a != head]
                    if not rec[field]:
                        del rec[field]
        qualify(rec, country_label, words)
        yield_to_curated(rec, curated, country_of)
        if rec.get("type") == "person" and rec.get("country") in CYRILLIC:
            have = {rec.get("label"), *(rec.get("aliases") or [])}
            extra = [v for n in [rec.get("label", ""), *(rec.get("aliases") or [])] for v in romanisations(n)
                     if v not in have]
            if extra:
                rec["aliases"] = list(rec.get("aliases") or []) + list(dict.fromkeys(extra))
        out.append(rec)
    return out
