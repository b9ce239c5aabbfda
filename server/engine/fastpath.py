"""SELECT results serialised by the engine rather than in Python, where the row limit allows it.

Writing a result in Python (a term object per cell, then the JSON or XML text) costs several times what evaluating
the query costs once results have thousands of rows, while pyoxigraph writes them natively. The native writer
takes the whole result, though, and ``MAX_ROWS`` must still cut it, so the engine is asked for at most
``MAX_ROWS + 1`` rows — ``LIMIT n+1`` appended to a SELECT whose top level has no ``LIMIT``, ``OFFSET`` or trailing
``VALUES`` (appending is then exactly a limit on the final solutions) — and the rows of the written result are
counted. Only when there are more than ``MAX_ROWS`` is the result cut and written in Python. Queries that cannot be
bounded this way, HTML tables and CSV keep the Python writers.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.sparql.text import tokens

NATIVE = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML, "tsv": ox.QueryResultsFormat.TSV}


def bounded(text: str, limit: int) -> str | None:
    """``text`` so that it yields at most ``limit + 1`` rows (itself when its own LIMIT is at most ``limit``), or
    None when that cannot be done by appending a LIMIT, or it is not a SELECT query.

    >>> bounded("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s # last", 10).endswith("LIMIT 11")
    True
    >>> bounded("SELECT * WHERE { { SELECT * { ?s ?p ?o } LIMIT 3 } }", 10).endswith("LIMIT 11")
    True
    >>> bounded("SELECT * WHERE { ?s ?p ?o } LIMIT 5", 10) == "SELECT * WHERE { ?s ?p ?o } LIMIT 5"
    True
    >>> [bounded(q, 10) for q in ("SELECT * { ?s ?p ?o } OFFSET 2", "ASK { ?s ?p ?o }",
    ...                           "SELECT * { ?s ?p ?o } VALUES ?s { <http://ex.org/a> }")]
    [None, None, None]
    """
    return analyse(text, limit)[0]


def analyse(text: str, limit: int) -> tuple[str | None, bool]:
    """One pass over the text's tokens: what :func:`bounded` returns, and whether the query has its own
    ``FROM``/``FROM NAMED`` (for :meth:`kg.store.Store.query`, which would otherwise read the text again).

    >>> analyse("SELECT * FROM <http://ex.org/g> { ?s ?p ?o } OFFSET 1", 10)
    (None, True)
    """
    form = None
    own_limit: int | None = None
    after_limit = False
    declares = False
    unbounded = False
    for tok in tokens(text):
        if tok.depth != 0:
            continue
        word = tok.keyword
        if word == "from":
            declares = True
        if unbounded:
            continue
        if after_limit:
            own_limit = int(tok.text) if tok.text.isdigit() else None
            after_limit = False
            unbounded = own_limit is None
            continue
        if form is None and word in ("select", "ask", "construct", "describe"):
            form = word
        elif word == "limit":
            after_limit = True
        elif word in ("offset", "values"):
            unbounded = True
    if unbounded or form != "select":
        return None, declares
    if own_limit is not None:
        return (text if own_limit <= limit else None), declares
    return f"{text}\nLIMIT {limit + 1}", declares


def surely_within(body: bytes, fmt: ox.QueryResultsFormat, limit: int) -> bool:
    """True when a written result cannot hold more than ``limit`` rows, told without parsing it: in JSON every row
    takes at least 3 bytes (``{},``); XML and TSV rows are counted by their marks.

    >>> surely_within(b'{"head":{"vars":[]},"results":{"bindings":[{},{}]}}', NATIVE["json"], 100)
    True
    """
    if fmt == ox.QueryResultsFormat.JSON:
        return (len(body) + 1) // 3 <= limit
    if fmt == ox.QueryResultsFormat.XML:
        return body.count(b"<result>") <= limit
    return max(0, body.count(b"\n") - 1) <= limit


def count(body: bytes, fmt: ox.QueryResultsFormat) -> int:
    """The number of rows of a serialised SELECT result."""
    return sum(1 for _ in ox.parse_query_results(body, format=fmt))  # type: ignore[union-attr]
