"""Reading a remote engine's answers into the objects the embedded store gives: pyoxigraph solutions and triples.

An answer is read completely before it is handed on, so that an answer the engine cut short — Oxigraph ends a
cancelled query with a 200 whose body stops half-way — shows as an error (a timeout) here, not half-way through a
response the server has begun to send.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import pyoxigraph as ox

from kg.errors import EngineTimeout, QueryError, StoreError
from kg.sparql.text import tokens

CANCELLED = ("operation has been cancelled", "transaction timed out", "timed out")


class RemoteTimeout(EngineTimeout):
    """The engine stopped the query at its own time limit (answered 503 by the server)."""


def query_form(sparql: str) -> str:
    """``select``, ``ask``, ``construct`` or ``describe``: the first such keyword outside braces.

    >>> query_form("PREFIX ex: <http://ex.org/select#> CONSTRUCT WHERE { ?s ?p ?o }")
    'construct'
    """
    for tok in tokens(sparql):
        if tok.depth == 0 and tok.keyword in ("select", "ask", "construct", "describe"):
            return tok.keyword
    raise QueryError("malformed query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


class Solutions:
    """SELECT solutions read from an engine's answer: iterable like pyoxigraph's ``QuerySolutions``."""

    def __init__(self, body: bytes, fmt: ox.QueryResultsFormat) -> None:
        self._body, self._format = body, fmt
        parsed = parse_results(body, fmt)
        if not isinstance(parsed, ox.QuerySolutions):
            raise StoreError("the engine answered a boolean to a SELECT query")
        self.variables = [v.value for v in parsed.variables]
        self._rows = _materialise(parsed)

    def __iter__(self) -> Iterator[ox.QuerySolution]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def serialize(self, output: IO[bytes] | None = None, format: ox.QueryResultsFormat = ox.QueryResultsFormat.JSON):  # noqa: A002, ANN201
        """Write the solutions in a SPARQL results format (from the engine's answer, read again)."""
        return parse_results(self._body, self._format).serialize(output, format)  # type: ignore[union-attr]


class Triples:
    """CONSTRUCT/DESCRIBE triples read from an engine's answer: iterable like pyoxigraph's ``QueryTriples``."""

    def __init__(self, triples: list[ox.Triple]) -> None:
        self._triples = triples

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def serialize(self, output: IO[bytes] | None = None, format: ox.RdfFormat = ox.RdfFormat.N_TRIPLES):  # noqa: A002, ANN201
        return ox.serialize(self._triples, output, format)


def parse_results(body: bytes, fmt: ox.QueryResultsFormat) -> ox.QuerySolutions | ox.QueryBoolean:
    try:
        return ox.parse_query_results(body, format=fmt)
    except SyntaxError as e:
        raise broken_answer(body, e) from None


def _materialise(parsed: ox.QuerySolutions) -> list[ox.QuerySolution]:
    """All rows, now (see the module's docstring)."""
    try:
        return list(parsed)
    except SyntaxError as e:
        raise StoreError(f"the engine's answer cannot be read: {e}") from None


def broken_answer(body: bytes, error: Exception) -> StoreError:
    tail = body[-300:].decode("utf-8", "replace").lower()
    if any(marker in tail for marker in CANCELLED):
        return RemoteTimeout("the engine stopped the query at its own time limit")
    return StoreError(f"the engine's answer cannot be read: {error}")
