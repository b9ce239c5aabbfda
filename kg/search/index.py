"""The search index (maintained here, searched by :mod:`kg.search`): headlines, quote contents, actor labels and
aliases, and event labels in SQLite FTS5.

The index is a file beside the store (``var/store`` → ``var/store.search.sqlite``; for a remote store, a file named
after its URL in the user's cache folder; ``$NEWSKG_SEARCH_INDEX`` overrides both). It is derived data: ``kg build``
and ``kg remove`` keep it up to date after each committed change (:func:`after_build`, :func:`after_remove`),
``kg index`` rebuilds it from the store, and ``kg serve`` rebuilds it at start when it is missing or was made from
another state of the store (its ``version`` is the store's :meth:`kg.store.Store.version`).

Each indexed thing is one row of ``docs`` (its kind, label, searchable text, article, speaker and date), mirrored
into the FTS5 table ``fts`` by triggers; ``doc_articles`` says which articles a row belongs to (an actor belongs to
every article that mentions it). Rows of an article's own things carry its id in ``owner``, so that rebuilding or
removing one article touches only its rows and the actors it mentions.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg import namespaces
from kg.namespaces import sparql_prefixes

ENV = "NEWSKG_SEARCH_INDEX"
SCHEMA_VERSION = "1"
NKG = namespaces.NKG
PREFIXES = sparql_prefixes("nkg", "rdfs", "skos", "schema", "time")
KINDS = ("article", "statement", "actor", "event")
ACTOR_TYPES = ("Person", "Organization", "GovernmentOrganization", "Country", "Group", "Place")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(
  id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, kind TEXT NOT NULL, type TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', aliases TEXT NOT NULL DEFAULT '',
  article TEXT NOT NULL DEFAULT '', article_label TEXT NOT NULL DEFAULT '',
  speaker TEXT NOT NULL DEFAULT '', speaker_label TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS docs_owner ON docs(owner);
CREATE TABLE IF NOT EXISTS doc_articles(doc INTEGER NOT NULL, article TEXT NOT NULL, article_label TEXT NOT NULL,
  PRIMARY KEY(doc, article));
CREATE INDEX IF NOT EXISTS doc_articles_article ON doc_articles(article);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(label, body, aliases, content='docs', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS docs_ai AFTER INSERT ON docs BEGIN
  INSERT INTO fts(rowid, label, body, aliases) VALUES (new.id, new.label, new.body, new.aliases); END;
CREATE TRIGGER IF NOT EXISTS docs_ad AFTER DELETE ON docs BEGIN
  INSERT INTO fts(fts, rowid, label, body, aliases) VALUES ('delete', old.id, old.label, old.body, old.aliases);
  DELETE FROM doc_articles WHERE doc = old.id; END;
CREATE TRIGGER IF NOT EXISTS docs_au AFTER UPDATE ON docs BEGIN
  INSERT INTO fts(fts, rowid, label, body, aliases) VALUES ('delete', old.id, old.label, old.body, old.aliases);
  INSERT INTO fts(rowid, label, body, aliases) VALUES (new.id, new.label, new.body, new.aliases); END;
"""


# --- where the index lives ---------------------------------------------------------------------------------------
def index_path(store: str | Path, configured: str | Path | None = None) -> Path:
    """The index file of ``store``: ``configured`` or ``$NEWSKG_SEARCH_INDEX`` if given, else beside a store
    directory, else (a remote store) in the user's cache folder under a name made from the URL."""
    from kg.config import current

    given = configured or current().search_index
    if given:
        return Path(given)
    text = str(store)
    if text.startswith(("http://", "https://")):
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newskg" / "search"
        return cache / f"{hashlib.sha256(text.encode()).hexdigest()[:16]}.sqlite"
    return Path(text.rstrip("/") + ".search.sqlite")


@contextmanager
def _writer(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection for one write transaction (committed on success, rolled back on error)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=WAL")  # readers (the server) go on while a build writes
        conn.executescript(_SCHEMA)
        with conn:
            yield conn
    finally:
        conn.close()


def reader(path: Path) -> sqlite3.Connection:
    """A read-only connection, or :class:`FileNotFoundError` when there is no index."""
    if not path.exists():
        raise FileNotFoundError(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5, check_same_thread=False)


# --- reading the store -------------------------------------------------------------------------------------------
def _rows(store: Any, query: str) -> list[dict[str, str]]:
    from kg.store import term_text

    return [{k: term_text(v) for k, v in r.items()} for r in store.query(PREFIXES + query).rows()]


def _article_docs(store: Any, graph: str) -> tuple[str, list[dict[str, str]], set[str]]:
    """(article IRI, the rows of the article's own things, the actors it mentions) from one article graph."""
    head = _rows(store, f"""SELECT ?a ?h ?sf ?d WHERE {{ GRAPH <{graph}> {{ ?a a nkg:Article
        OPTIONAL {{ ?a schema:headline ?h }} OPTIONAL {{ ?a schema:alternativeHeadline ?sf }}
        OPTIONAL {{ ?a schema:datePublished ?d }} }} }} LIMIT 1""")
    if not head:
        return "", [], set()
    a, headline, date = head[0]["a"], head[0]["h"], head[0]["d"][:10]
    docs = [{"iri": a, "kind": "article", "type": "Article", "label": headline, "body": head[0]["sf"],
             "date": date}]
    for r in _rows(store, f"""SELECT ?s ?c ?sp ?spl WHERE {{ GRAPH <{graph}> {{ ?s a nkg:Statement .
            OPTIONAL {{ ?s nkg:content ?c }} OPTIONAL {{ ?s nkg:speaker ?sp }} }}
            OPTIONAL {{ ?sp rdfs:label ?spl }} }}"""):
        docs.append({"iri": r["s"], "kind": "statement", "type": "Statement", "label": r["spl"], "body": r["c"],
                     "speaker": r["sp"], "speaker_label": r["spl"], "date": date})
    events: dict[str, dict[str, str]] = {}
    for r in _rows(store, f"""SELECT ?e ?l ?tl ?d WHERE {{ GRAPH <{graph}> {{ ?e nkg:eventType ?t ;
            nkg:extractedFrom <{a}> OPTIONAL {{ ?e rdfs:label ?l }}
            OPTIONAL {{ ?e nkg:time/time:inXSDDate ?d }} }} OPTIONAL {{ ?t skos:prefLabel ?tl }} }}"""):
        events.setdefault(r["e"], {"iri": r["e"], "kind": "event", "type": r["tl"], "label": r["l"] or r["tl"],
                                   "body": r["tl"], "date": r["d"][:10] or date})
    docs.extend(events.values())
    mentioned = {r["x"] for r in _rows(store, f"SELECT ?x WHERE {{ GRAPH <{graph}> {{ <{a}> schema:mentions ?x }} }}")}
    for d in docs:
        d.update(article=a, article_label=headline)
    return a, docs, mentioned


def _actor_docs(store: Any, actors: set[str]) -> list[dict[str, str]]:
    """One row per actor (or place): its label, kind and every alias the store knows."""
    out: dict[str, dict[str, Any]] = {}
    good = sorted(a for a in actors if not re.search(r"[\s<>\"{}|^`\\]", a))
    for k in range(0, len(good), 200):
        values = " ".join(f"<{a}>" for a in good[k:k + 200])
        for r in _rows(store, f"""SELECT ?x ?l ?t ?alias WHERE {{ VALUES ?x {{ {values} }}
                OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x a ?t FILTER(STRSTARTS(STR(?t), "{NKG}")) }}
                OPTIONAL {{ ?x skos:altLabel|schema:alternateName|schema:name ?alias }} }}"""):
            d = out.setdefault(r["x"], {"iri": r["x"], "kind": "actor", "type": "", "label": "", "aliases": set()})
            d["label"] = d["label"] or r["l"]
            t = r["t"].removeprefix(NKG)
            if t in ACTOR_TYPES and (not d["type"] or ACTOR_TYPES.index(t) < ACTOR_TYPES.index(d["type"])):
                d["type"] = t
            if r["alias"]:
                d["aliases"].add(r["alias"])
    docs = []
    for d in out.values():
        if not d["type"]:
            continue  # posts, documents: not actors
        d["aliases"] = " · ".join(sorted(a for a in d["aliases"] if a != d["label"]))
        docs.append(d)
    return docs


# --- writing -----------------------------------------------------------------------------------------------------
_COLUMNS = ("iri", "kind", "type", "label", "body", "aliases", "article", "article_label", "speaker",
            "speaker_label", "date", "owner")


def _insert(conn: sqlite3.Connection, doc: dict[str, Any]) -> int:
    values = [doc.get(c) or "" for c in _COLUMNS]
    conn.execute(f"DELETE FROM docs WHERE iri = ?", (doc["iri"],))
    cur = conn.execute(f"INSERT INTO docs({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})", values)
    return int(cur.lastrowid or 0)


def _write_articles(conn: sqlite3.Connection, store: Any, graphs: Iterable[str]) -> int:
    """Replace the rows of each article graph's article (and refresh the actors it mentions)."""
    actors: dict[str, list[tuple[str, str]]] = {}
    count = 0
    for graph in graphs:
        owner = graph.rsplit("/", 1)[-1]
        _drop_owner(conn, owner)
        a, docs, mentioned = _article_docs(store, graph)
        if not a:
            continue
        for d in docs:
            d["owner"] = owner
            doc = _insert(conn, d)
            conn.execute("INSERT OR IGNORE INTO doc_articles VALUES (?, ?, ?)", (doc, a, d["article_label"]))
            count += 1
        for x in mentioned:
            actors.setdefault(x, []).append((a, docs[0]["label"]))
    for d in _actor_docs(store, set(actors)):
        old = conn.execute("SELECT id FROM docs WHERE iri = ?", (d["iri"],)).fetchone()
        keep = conn.execute("SELECT article, article_label FROM doc_articles WHERE doc = ?",
                            (old[0],)).fetchall() if old else []
        doc = _insert(conn, d)
        for art, label in {*map(tuple, keep), *actors[d["iri"]]}:
            conn.execute("INSERT OR IGNORE INTO doc_articles VALUES (?, ?, ?)", (doc, art, label))
        count += 1
    return count


def _drop_owner(conn: sqlite3.Connection, owner: str) -> None:
    """Remove an article's own rows and its mentions of actors; actors no article mentions any more go too."""
    row = conn.execute("SELECT iri FROM docs WHERE owner = ? AND kind = 'article'", (owner,)).fetchone()
    conn.execute("DELETE FROM docs WHERE owner = ?", (owner,))
    if row:
        conn.execute("DELETE FROM doc_articles WHERE article = ?", (row[0],))
    conn.execute("DELETE FROM docs WHERE kind = 'actor' AND id NOT IN (SELECT doc FROM doc_articles)")


def _set_version(conn: sqlite3.Connection, store: Any) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (store.version(),))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


def after_build(path: Path, store: Any, graphs: Iterable[str]) -> int:
    """Bring the index up to date with article graphs just written; the number of rows written."""
    with _writer(path) as conn:
        n = _write_articles(conn, store, graphs)
        _set_version(conn, store)
    return n


def after_remove(path: Path, store: Any, article_ids: Iterable[str]) -> None:
    """Drop the rows of removed articles (a missing index stays missing: ``kg serve`` builds it)."""
    if not path.exists():
        return
    with _writer(path) as conn:
        for owner in article_ids:
            _drop_owner(conn, owner)
        _set_version(conn, store)


def rebuild(path: Path, store: Any) -> int:
    """Build the whole index from the store into a new file, then put it in place of the old one (readers never
    see a half-built index); the number of rows."""
    tmp = path.with_name(path.name + ".new")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    graphs = [g for g in store.graphs() if "/graph/article/" in g]
    with _writer(tmp) as conn:
        n = _write_articles(conn, store, graphs)
        _set_version(conn, store)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=DELETE")  # fold the WAL in: one file to move
    conn.close()
    os.replace(tmp, path)
    for p in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    return n


def stored_version(path: Path) -> str | None:
    """The store version the index was made from, or None when there is no usable index."""
    try:
        conn = reader(path)
    except FileNotFoundError:
        return None
    try:
        rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return rows.get("version") if rows.get("schema") == SCHEMA_VERSION else None


def ensure(path: Path, store: Any) -> bool:
    """Rebuild the index when it is missing or made from another state of the store; True if it was rebuilt."""
    if stored_version(path) == store.version():
        return False
    rebuild(path, store)
    return True
