"""Searching the index of :mod:`kg.search.index` (SQLite FTS5): the user's words as an FTS5 query, the best
matches with snippets, and facet counts (kind, article, speaker, year) under the other filters."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.search.index import (ENV, KINDS, after_build, after_remove, ensure, index_path, reader,  # noqa: F401
                             rebuild, stored_version)

_OPERATORS = {"AND", "OR", "NOT"}
_BAREWORD = re.compile(r"[\w]+\*?")
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+|"[^"]*$')


def fts_query(text: str) -> str:
    """The user's search as an FTS5 query: FTS5 syntax (phrases in double quotes, AND/OR/NOT, prefix*, brackets)
    stays; any other word ("China's", "U.S.") is searched as a phrase instead of being a syntax error.

    :raises QueryError: for an unterminated phrase or an empty search.
    """
    text = text.strip()
    if not text:
        raise QueryError("empty search: type a word or a phrase")
    out = []
    for tok in _TOKEN.findall(text):
        if tok.startswith('"'):
            if len(tok) < 2 or not tok.endswith('"'):
                raise QueryError(f"unterminated phrase in the search {text!r}: close it with a double quote")
            out.append(tok)
        elif tok in _OPERATORS or tok in "()" or _BAREWORD.fullmatch(tok):
            out.append(tok)
        else:
            out.append('"' + tok.replace('"', "") + '"')
    return " ".join(out)


@dataclass
class Hit:
    iri: str
    label: str
    kind: str
    type: str
    article: str
    article_label: str
    snippet: str  # text with \x02 … \x03 around the matched words (the page turns them into <mark>)
    speaker: str = ""
    speaker_label: str = ""
    date: str = ""


@dataclass
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # facet → (value, label, count)


@dataclass
class Filters:
    kind: str = ""
    article: str = ""
    speaker: str = ""
    date_from: str = ""
    date_to: str = ""

    def where(self, skip: str = "") -> tuple[str, list[str]]:
        """SQL conditions on ``d`` (docs) for every filter but ``skip`` (a facet counts without its own filter)."""
        sql, args = [], []
        if self.kind and skip != "kind":
            sql.append("d.kind = ?")
            args.append(self.kind)
        if self.article and skip != "article":
            sql.append("d.id IN (SELECT doc FROM doc_articles WHERE article = ?)")
            args.append(self.article)
        if self.speaker and skip != "speaker":
            sql.append("d.speaker = ?")
            args.append(self.speaker)
        if self.date_from and skip != "date":
            sql.append("d.date >= ?")
            args.append(self.date_from)
        if self.date_to and skip != "date":
            sql.append("d.date != '' AND d.date <= ?")
            args.append(self.date_to)
        return "".join(f" AND {s}" for s in sql), args


def search(conn: sqlite3.Connection, text: str, filters: Filters | None = None, *, limit: int = 20,
           offset: int = 0, facets: bool = True) -> Results:
    """The rows matching ``text`` (best first, by BM25 with the label weighted highest), with facet counts.

    :raises QueryError: when the search is not valid FTS5 syntax (the message says what FTS5 reported).
    """
    match = fts_query(text)
    f = filters or Filters()
    cond, args = f.where()
    base = f"FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?{cond}"
    try:
        total = conn.execute(f"SELECT COUNT(*) {base}", [match, *args]).fetchone()[0]
        rows = conn.execute(
            f"SELECT d.iri, d.label, d.kind, d.type, d.article, d.article_label, "
            f"snippet(fts, -1, char(2), char(3), '…', 16), d.speaker, d.speaker_label, d.date, "
            f"snippet(fts, 1, char(2), char(3), '…', 24), d.body {base} "
            f"ORDER BY bm25(fts, 10.0, 2.0, 5.0), d.iri LIMIT ? OFFSET ?", [match, *args, limit, offset]).fetchall()
        out = Results(total, [_hit(r) for r in rows])
        if facets:
            out.facets = _facets(conn, match, f)
    except sqlite3.OperationalError as e:
        message = str(e).removeprefix("fts5: ")
        raise QueryError(f"the search {text!r} is not valid search syntax ({message}); put words in double "
                         "quotes to search for them as they are") from None
    return out


def _hit(row: tuple) -> Hit:
    hit = Hit(*row[:10])
    body_snippet, body = row[10], row[11]
    if hit.kind == "statement":
        # a statement is indexed under its speaker's name; it reads as "speaker: quote", its snippet is the quote
        hit.label = f"{hit.speaker_label}: {_short(body)}" if hit.speaker_label else _short(body)
        hit.snippet = body_snippet
    elif "\x02" in body_snippet and "\x02" not in hit.snippet:
        hit.snippet = body_snippet
    return hit


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + "…"


def _facets(conn: sqlite3.Connection, match: str, f: Filters) -> dict[str, list[tuple[str, str, int]]]:
    out: dict[str, list[tuple[str, str, int]]] = {}
    queries = {
        "kind": "SELECT d.kind, d.kind, COUNT(*) {base} GROUP BY d.kind ORDER BY COUNT(*) DESC, d.kind",
        "article": "SELECT a.article, a.article_label, COUNT(*) {base0} JOIN doc_articles a ON a.doc = d.id "
                   "WHERE fts MATCH ?{cond} GROUP BY a.article ORDER BY COUNT(*) DESC, a.article_label LIMIT 20",
        "speaker": "SELECT d.speaker, d.speaker_label, COUNT(*) {base} AND d.speaker != '' GROUP BY d.speaker "
                   "ORDER BY COUNT(*) DESC, d.speaker_label LIMIT 20",
        "date": "SELECT substr(d.date, 1, 4), substr(d.date, 1, 4), COUNT(*) {base} AND d.date != '' "
                "GROUP BY substr(d.date, 1, 4) ORDER BY 1 DESC",
    }
    for name, sql in queries.items():
        cond, args = f.where(skip=name)
        base0 = "FROM fts JOIN docs d ON d.id = fts.rowid"
        q = sql.format(base=f"{base0} WHERE fts MATCH ?{cond}", base0=base0, cond=cond)
        out[name] = [(str(v), str(lab), int(n)) for v, lab, n in conn.execute(q, [match, *args]).fetchall()]
    return out
