"""Reading and checking the knowledge base's record files (JSON Lines, plain or gzipped), and merging them.

The format is documented field by field in ``docs/linking.md``. The loader refuses, naming file and line, a record
with an unknown field, without a source, with an identifier of the wrong shape, or referring to an id that no
record has: nothing unverifiable slips in.

Records are merged by ``id``, and by Wikidata item between records of one kind (a hand-verified ``org/nato`` and a
derived record of the same item are one entity): a field set by an earlier record is kept, a later one only fills
fields left empty, lists are joined and a later label that differs becomes an alias. Files are read in order —
the user's (``$NEWSKG_KB``), the hand-verified ``curated.jsonl``, then the derived files — so a hand-verified entry
wins over a derived one.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ConfigError

KB_DIR = Path(__file__).resolve().parents[2] / "data" / "kb"  # kg/data/kb
# the bundled files, in the order they are merged (earlier wins)
BUNDLED = ("curated.jsonl", "derived.jsonl.gz", "geonames.jsonl")
DERIVED = ("derived.jsonl.gz", "geonames.jsonl")  # generated from sources (the others are written by hand)
TYPES = frozenset({"person", "organization", "government", "country", "place", "post", "event", "topic", "class",
                   "source"})
DBPEDIA = "http://dbpedia.org/resource/"
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ID = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")
FIELDS = frozenset({"id", "type", "label", "aliases", "weak_aliases", "family_name", "wikidata", "dbpedia",
                    "dbpedia_status", "geonames", "country", "title", "of", "positions", "population", "description",
                    "category", "prior", "source", "licence", "note", "url"})
_KIND = {"government": "organization"}  # kinds that merge by Wikidata item with each other


def check(rec: dict, where: str) -> None:
    """Refuse records the linker could not trust: unknown fields, missing sources, malformed identifiers."""
    unknown = set(rec) - FIELDS
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
    prior = rec.get("prior")
    if prior is not None and not (isinstance(prior, (int, float)) and 0 <= prior <= 1):
        raise ConfigError(f"{where}: prior {prior!r} is not a number between 0 and 1")
    for p in rec.get("positions") or []:
        if not isinstance(p, dict) or not p.get("post") or not p.get("source"):
            raise ConfigError(f"{where}: a position needs a post and a source")
        for k in ("start", "end"):
            parse_date(p.get(k), where)


def parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def records(path: Path) -> Iterator[tuple[dict, str]]:
    """The checked records of one file, with where each was read (``file:line``)."""
    try:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError, gzip.BadGzipFile) as e:
        raise ConfigError(f"{path.name}: cannot read the knowledge-base file ({e})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{where}: not a JSON object ({e.msg})") from None
        if not isinstance(rec, dict):
            raise ConfigError(f"{where}: not a JSON object")
        check(rec, where)
        yield rec, where


def kb_files(extra: Iterable[Path] = ()) -> list[Path]:
    """The files to read, in order: ``extra`` (files, or folders of ``*.jsonl``), then the bundled ones."""
    out: list[Path] = []
    for p in extra:
        if p.is_dir():
            out.extend(sorted([*p.glob("*.jsonl"), *p.glob("*.jsonl.gz")]))
        elif p.is_file():
            out.append(p)
        else:
            raise ConfigError(f"{p}: no such knowledge-base file or folder")
    return out + [KB_DIR / name for name in BUNDLED if (KB_DIR / name).is_file()]


def _merge(into: dict, rec: dict) -> None:
    for k, v in rec.items():
        if k == "id":
            continue
        if k == "label" and into.get("label") not in (None, v):  # an overridden label stays a name of the record
            if v not in (into.get("aliases") or []):
                into["aliases"] = list(into.get("aliases") or []) + [v]
        elif isinstance(v, list):
            into[k] = list(into.get(k) or []) + [x for x in v if x not in (into.get(k) or [])]
        elif into.get(k) in (None, ""):
            into[k] = v


def merge(files: Iterable[Path]) -> tuple[dict[str, dict], dict[str, str]]:
    """All records merged (by id, and by Wikidata item within a kind), checked for dangling references.

    :returns: id → merged record, and id → where it was first read.
    """
    merged: dict[str, dict] = {}
    where: dict[str, str] = {}
    by_item: dict[tuple[str, str], str] = {}
    renamed: dict[str, str] = {}
    keep_prior: set[str] = set()
    for path in files:
        for rec, at in records(path):
            i = rec["id"]
            q = rec.get("wikidata")
            kind = _KIND.get(rec["type"], rec["type"])
            if i not in merged and q and (kind, q) in by_item:
                renamed[i] = i = by_item[(kind, q)]  # the same item under another id: one entity
            if q and (kind, q) not in by_item:
                by_item[(kind, q)] = i
            if i not in merged and path.name not in DERIVED and "prior" not in rec:
                keep_prior.add(i)  # a hand-written record without a prior means "always", not a source's guess
            into = merged.setdefault(i, {"id": i})
            if into.get("wikidata") and q and into["wikidata"] != q:
                raise ConfigError(f"{at}: {i} is {q} here but {into['wikidata']} in {where[i]}")
            _merge(into, rec)
            where.setdefault(i, at)
    for i in keep_prior:
        merged[i].pop("prior", None)
    for rec in merged.values():
        for k in ("country", "of"):
            if rec.get(k) in renamed:
                rec[k] = renamed[rec[k]]
        for p in rec.get("positions") or []:
            p["post"] = renamed.get(p["post"], p["post"])
        refs = [rec.get("country"), rec.get("of"), *(p["post"] for p in rec.get("positions") or []),
                *(rec.get("source") or [])]
        for ref in refs:
            if ref is not None and ref not in merged:
                raise ConfigError(f"{where[rec['id']]}: {rec['id']} refers to {ref!r}, which no record has")
    return merged, where
