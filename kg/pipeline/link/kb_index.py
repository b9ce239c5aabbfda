"""The knowledge base's on-disk index: one SQLite file, built once from the record files and read lazily.

The record files (``kg/data/kb``, plus ``$NEWSKG_KB``) are merged and checked (:mod:`kg.pipeline.link.kb_files`) and written into
an SQLite database whose name carries a digest of its inputs, so that a changed file gives a new index and an
unchanged one is never rebuilt. A build reads a handful of rows per actor instead of the whole base: opening the
index costs milliseconds and a few megabytes, whatever the size of the base.

Where: ``$NEWSKG_KB_INDEX`` (a folder), else ``kg/data/kb/index`` beside the data when it is writable (a source
checkout or an editable install), else ``~/.cache/newskg/kb``. ``make install`` builds it (``python -m kg.pipeline.link.kb
index``); otherwise the first build that links does, in a few seconds. Concurrent first uses (parallel build
workers) each write a temporary file and rename it into place.
"""

from __future__ import annotations

import collections
import hashlib
import json
import os
import sqlite3
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.pipeline.link import kb_files

SCHEMA = 8  # bump when the tables or the name keys change: the digest changes, so indexes are rebuilt
BLOCK = 24  # records compressed together: a lookup decompresses a few kilobytes
NAME_WEIGHT = {"label": 10, "alias": 9, "weak": 5}  # tenths: 1 the label, 0.9 an alias, 0.5 a weak alias


def key_hash(key: str) -> int:
    """A name key or a record id as a signed 64-bit digest: the index stores digests, not strings, in every
    table that refers to a record or looks a name up (the strings were two thirds of its size); the record's
    own id stays in the entity row, and a lookup checks it."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def index_dir() -> Path:
    from kg.config import current

    env = current().kb_index
    if env:
        return Path(env)
    here = kb_files.KB_DIR / "index"
    try:
        here.mkdir(exist_ok=True)
        if os.access(here, os.W_OK):
            return here
    except OSError:
        pass
    return Path.home() / ".cache" / "newskg" / "kb"


def digest(files: Iterable[Path]) -> str:
    h = hashlib.sha256(f"newskg-kb-index-{SCHEMA}".encode())
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def ensure(files: list[Path]) -> Path:
    """The index of ``files``, built if it does not exist yet.

    The bundled files' index stays; one with the user's files (``$NEWSKG_KB``) goes in ``extra/``, where only the
    few most recent are kept (a changed user file makes a new one).
    """
    d = index_dir()
    if any(f.parent != kb_files.KB_DIR for f in files):
        d = d / "extra"
    path = d / f"kb-{digest(files)}.sqlite"
    if not path.is_file():
        build(files, path)
        _prune(d, keep=path)
    return path


def _prune(d: Path, keep: Path, most: int = 3) -> None:
    """Remove the indexes of earlier inputs (past the ``most`` newest); an open one stays readable until closed."""
    old = sorted((p for p in d.glob("kb-*.sqlite") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True)
    for p in old[most - 1 if d.name == "extra" else 0:]:
        try:
            p.unlink()
        except OSError:
            pass


def build(files: list[Path], path: Path) -> None:
    from kg.pipeline.link.kb import name_key, surname_of

    merged, _ = kb_files.merge(files)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem + ".", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
            CREATE TABLE entity (h INTEGER PRIMARY KEY, block INTEGER NOT NULL);
            CREATE TABLE block (n INTEGER PRIMARY KEY, data BLOB NOT NULL);
            CREATE TABLE name (key INTEGER, h INTEGER, weight INTEGER NOT NULL, PRIMARY KEY (key, h)) WITHOUT ROWID;
            CREATE TABLE surname (key INTEGER, h INTEGER, PRIMARY KEY (key, h)) WITHOUT ROWID;
            CREATE TABLE holder (post INTEGER, person INTEGER, PRIMARY KEY (post, person)) WITHOUT ROWID;
            CREATE TABLE post_title (key INTEGER, post INTEGER, PRIMARY KEY (key, post)) WITHOUT ROWID;
        """)
        names, surnames, holders, titles = set(), set(), set(), set()
        for rec in merged.values():
            t = rec["type"]
            h = key_hash(rec["id"])
            if t not in ("source", "class"):
                best: dict[str, int] = {}
                for kind, ns in (("label", [rec["label"]]), ("alias", rec.get("aliases") or []),
                                 ("weak", rec.get("weak_aliases") or [])):
                    for n in ns:
                        k = name_key(n)
                        if k:
                            best[k] = max(best.get(k, 0), NAME_WEIGHT[kind])
                names.update((key_hash(k), h, w) for k, w in best.items())
            if t == "person":
                surnames.add((key_hash(name_key(surname_of(rec))), h))
                holders.update((key_hash(p["post"]), h) for p in rec.get("positions") or [])
            if t == "post":
                for n in [rec.get("title"), *(rec.get("aliases") or [])]:
                    if n:
                        titles.add((key_hash(name_key(n)), h))
        # records sorted by id, BLOCK of them compressed together (with a dictionary of what recurs): a record
        # compresses far better among its neighbours than alone, which keeps the index within the install budget
        lines = [json.dumps({"id": i, **r}, ensure_ascii=False, separators=(",", ":")) for i, r in sorted(merged.items())]
        zdict = dictionary(lines)
        hashes = collections.Counter(key_hash(i) for i in merged)
        if len(hashes) != len(merged):  # 64-bit digests of ~10^5 ids: never seen, but never silently wrong
            raise RuntimeError(f"two record ids share a digest: {[h for h, n in hashes.items() if n > 1]}")
        ids = sorted(merged)
        db.executemany("INSERT INTO block VALUES (?, ?)",
                       ((n, _pack("\n".join(lines[n * BLOCK:(n + 1) * BLOCK]), zdict))
                        for n in range((len(lines) + BLOCK - 1) // BLOCK)))
        db.executemany("INSERT INTO entity VALUES (?, ?)", ((key_hash(i), n // BLOCK) for n, i in enumerate(ids)))
        db.executemany("INSERT INTO name VALUES (?, ?, ?)", sorted(names))
        db.executemany("INSERT INTO surname VALUES (?, ?)", sorted(surnames))
        db.executemany("INSERT INTO holder VALUES (?, ?)", sorted(holders))
        db.executemany("INSERT INTO post_title VALUES (?, ?)", sorted(titles))
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", str(SCHEMA)),
                                                           ("files", json.dumps([f.name for f in files])),
                                                           ("zdict", zdict)])
        db.execute("ANALYZE")
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def dictionary(texts: Iterable[str], most: int = 32_768) -> bytes:
    """A preset dictionary for compressing the blocks of records: the field names and short values that recur
    (source ids, countries, categories, "http://dbpedia.org/resource/"), the most frequent last, as zlib prefers.

    Records are a few hundred bytes each: compressed alone they shrink by a third, with this dictionary by
    about 60 %, which keeps the index within the install budget.
    """
    count: collections.Counter[str] = collections.Counter()
    for t in texts:
        rec = json.loads(t)
        for k, v in rec.items():
            count[f'"{k}":'] += 1
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, str) and len(x) < 48:
                    count[json.dumps(x, ensure_ascii=False)] += 1
                    if x.startswith("http://dbpedia.org/resource/"):
                        count['"http://dbpedia.org/resource/'] += 1
    common = [s for s, n in sorted(count.items(), key=lambda kv: (kv[1], kv[0])) if n >= 8]
    out = "".join(common).encode("utf-8")
    return out[-most:]


def _pack(text: str, zdict: bytes) -> bytes:
    c = zlib.compressobj(9, zdict=zdict)
    return c.compress(text.encode("utf-8")) + c.flush()


def decoder(db: sqlite3.Connection) -> Callable[[bytes], list[str]]:
    """Reads a block of the index (compressed with the index's own dictionary): its records' JSON lines."""
    row = db.execute("SELECT value FROM meta WHERE key = 'zdict'").fetchone()
    zdict = bytes(row[0]) if row else b""

    def decode(blob: bytes) -> list[str]:
        d = zlib.decompressobj(zdict=zdict)
        return (d.decompress(blob) + d.flush()).decode("utf-8").split("\n")

    return decode


def records(db: sqlite3.Connection) -> Iterator[dict]:
    """Every record of the index, in id order (maintenance and tests: a build reads only what it looks up)."""
    decode = decoder(db)
    for (blob,) in db.execute("SELECT data FROM block ORDER BY n"):
        yield from (json.loads(line) for line in decode(blob))


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (a build never writes the knowledge base)."""
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    db.execute("PRAGMA cache_size = -4000")  # 4 MB of page cache at most
    return db
