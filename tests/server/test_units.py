"""The pieces under the endpoint, without a server: the SPARQL lexer, the federation check, content negotiation,
the result writers (read back with pyoxigraph), the store's graph operations and snapshots."""

from __future__ import annotations

import doctest
import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.sparql.federation
import kg.sparql.text
import server.http.negotiate
from kg.errors import QueryError
from kg.sparql.federation import ALLOW_DEFAULT, check_services, parse_allow, service_iris
from kg.sparql.text import add_using, declares_dataset, loads_documents, names_dataset
from kg.store import Store
from server.engine import results, snapshots
from server.http.negotiate import choose, format_to_accept


@pytest.mark.parametrize("module", [kg.sparql.text, kg.sparql.federation, server.http.negotiate])
def test_doctests(module: object) -> None:
    failed, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert tried > 0 and failed == 0


# --- the lexer ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s <http://ex.org/from> ?o }", False),
    ('SELECT * WHERE { ?s ?p "} FROM <http://g> {" }', False),
    ("SELECT * WHERE { ?s ?p ?o } # FROM <http://g>", False),
    ("PREFIX from: <http://f/> SELECT * WHERE { ?s from:x ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o<?x&&?x>3) } ", False),
    ('SELECT * WHERE { ?s ?p """a\n"FROM"\n""" }', False),
])
def test_declares_dataset(text: str, expected: bool) -> None:
    assert declares_dataset(text) is expected


def test_add_using_puts_the_dataset_before_every_where() -> None:
    update = ("PREFIX f: <http://f/> INSERT { GRAPH <http://o> { ?s a f:D } } WHERE { ?s a f:C } ;\n"
              "INSERT DATA { <http://a> <http://b> 'WHERE { }' } ;\n"
              "DELETE WHERE { ?s <http://x> ?o }")
    out = add_using(update, ["http://d1"], ["http://n1"])
    assert out.count("USING <http://d1> USING NAMED <http://n1> WHERE") == 2
    assert "DELETE { ?s <http://x> ?o } USING" in out and "'WHERE { }'" in out
    store = Store()
    store.update(out)  # the rewritten text is valid SPARQL
    assert add_using(update, [], []) == update


@pytest.mark.parametrize("update", ["WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                    "DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }"])
def test_add_using_refuses_a_second_dataset(update: str) -> None:
    assert names_dataset(update)
    with pytest.raises(QueryError, match="cannot be combined"):
        add_using(update, ["http://d"], [])


def test_add_using_refuses_bad_iris() -> None:
    with pytest.raises(QueryError, match="invalid graph IRI"):
        add_using("INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }", ["http://a> } ; DROP ALL ; <x"], [])


def test_loads_documents() -> None:
    assert loads_documents("LOAD SILENT <http://x> INTO GRAPH <http://g>")
    assert not loads_documents("INSERT DATA { <http://load> <http://b> 'LOAD <http://x>' }")


# --- federation --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "iris"), [
    ("SELECT * { ?s <http://schema.org/serviceType> 'SERVICE <http://x>' }", []),
    ("PREFIX e: <http://e/> SELECT * { SERVICE e:q { ?s ?p ?o } }", ["http://e/q"]),
    ("BASE <http://b/> SELECT * { SERVICE <q> { ?s ?p ?o } }", ["http://b/q"]),
    ("SELECT * { SERVICE <q> { ?s ?p ?o } }", ["http://endpoint.example/q"]),
    ("SELECT * { SERVICE <http://\\u0061/> { ?s ?p ?o } }", ["http://a/"]),
    ("SELECT * { OPTIONAL { FILTER NOT EXISTS { SERVICE SILENT ?v { } } } }", [None]),
    ("SELECT * { { SELECT * { SERVICE <http://deep/> { ?s ?p ?o } } } }", ["http://deep/"]),
])
def test_service_iris(text: str, iris: list) -> None:
    assert service_iris(text, base="http://endpoint.example/sparql") == iris


def test_service_iris_in_updates_carry_prefixes_over() -> None:
    text = ("PREFIX e: <http://e/> INSERT DATA { <http://a> <http://b> 1 } ;\n"
            "INSERT { ?s ?p ?o } WHERE { SERVICE e:q { ?s ?p ?o } }")
    assert service_iris(text, update=True) == ["http://e/q"]


def test_check_services_fails_closed() -> None:
    check_services(f"SELECT * {{ SERVICE <{ALLOW_DEFAULT[0]}> {{ ?s ?p ?o }} }}", ALLOW_DEFAULT)
    with pytest.raises(QueryError, match="not allowed"):
        check_services("SELECT * { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }", ALLOW_DEFAULT)
    with pytest.raises(QueryError, match="variable"):
        check_services("SELECT * { SERVICE ?x { ?s ?p ?o } }", ALLOW_DEFAULT)
    with pytest.raises(QueryError, match="could not be parsed"):
        check_services("SELECT * { SERVICE <http://x> { ", ALLOW_DEFAULT)
    with pytest.raises(QueryError, match="switched off"):
        check_services(f"ASK {{ SERVICE <{ALLOW_DEFAULT[0]}> {{ }} }}", ())


def test_parse_allow() -> None:
    assert parse_allow(None) == ALLOW_DEFAULT
    assert parse_allow("") == ()
    assert parse_allow(json.dumps(["http://a", "http://b"])) == ("http://a", "http://b")
    assert parse_allow(["http://a"]) == ("http://a",)


# --- negotiation ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("accept", "offers", "expected"), [
    (None, ["a/b", "c/d"], "a/b"),
    ("", ["a/b", "c/d"], "a/b"),
    ("c/d", ["a/b", "c/d"], "c/d"),
    ("c/*;q=0.4, a/b;q=0.3", ["a/b", "c/d"], "c/d"),
    ("*/*;q=0.9, a/b;q=0", ["a/b", "c/d"], "c/d"),
    ("A/B", ["a/b"], "a/b"),
    ("x/y", ["a/b"], None),
    ("*/b", ["a/b"], "a/b"),  # not a media range: ignored, and then nothing is left: as if absent
    ("a/b;q=bad, c/d;q=0.1", ["a/b", "c/d"], "c/d"),
    ("a/b;level=1;q=0.5, c/d;q=0.4", ["a/b", "c/d"], "a/b"),
])
def test_choose(accept: str | None, offers: list[str], expected: str | None) -> None:
    assert choose(accept, offers) == expected


def test_format_to_accept() -> None:
    assert format_to_accept("JSON") == "application/sparql-results+json, application/ld+json"
    assert format_to_accept("text/csv") == "text/csv"
    assert format_to_accept("pdf") is None


# --- result writers, read back -----------------------------------------------------------------------------------
INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
TERMS = [ox.NamedNode("http://ex.org/a"), ox.BlankNode("b0"), ox.Literal("plain, \"quoted\"\ttab\nline"),
         ox.Literal("chat", language="fr"), ox.Literal("42", datatype=INTEGER), None, ox.Literal("<&>")]


@pytest.mark.parametrize(("fmt", "parse"), [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                            ("tsv", ox.QueryResultsFormat.TSV)])
def test_result_writers_round_trip(fmt: str, parse: ox.QueryResultsFormat) -> None:
    variables = ["v"]
    rows = [[t] for t in TERMS]
    parsed = list(ox.parse_query_results(results.select(fmt, variables, rows), format=parse))
    assert [sol["v"] for sol in parsed] == TERMS
    for value in (True, False):
        if fmt != "tsv":
            assert bool(ox.parse_query_results(results.boolean(fmt, value), format=parse)) is value


def test_csv_writer() -> None:
    body = results.select("csv", ["a", "b"], [[TERMS[0], TERMS[2]], [TERMS[1], None]]).decode()
    assert body == 'a,b\r\nhttp://ex.org/a,"plain, ""quoted""\ttab\nline"\r\n_:b0,\r\n'


# --- the store's graph operations and snapshots --------------------------------------------------------------------
def test_store_graph_operations(tmp_path: Path) -> None:
    a, b = ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://ex.org/b")
    store = Store(tmp_path / "db")
    assert store.put_graph("http://g/1", [ox.Triple(a, b, a)]) is True
    assert store.put_graph("http://g/1", [ox.Triple(b, b, b)]) is False
    assert list(store.triples("http://g/1")) == [ox.Triple(b, b, b)]
    assert store.add_to_graph("http://g/1", [ox.Triple(a, b, a)]) is False
    assert store.put_graph("http://g/empty", []) is True and store.has_graph("http://g/empty")
    assert store.graph_sizes() == {"http://g/1": 2, "http://g/empty": 0}
    store.add_to_graph(None, [ox.Triple(a, b, a)])
    assert store.union_size() == 2  # a b a is in the default graph and in g/1: counted once
    assert store.drop_graph("http://g/empty") is True and store.drop_graph("http://g/empty") is False
    store.update("INSERT { GRAPH <http://g/2> { ?s ?p ?o } } WHERE { ?s ?p ?o }", using_graphs=["http://g/1"])
    assert store.count("http://g/2") == 2
    root = snapshots.create_root(tmp_path / "db")
    first = snapshots.publish(store, root)
    assert snapshots.current(root) == first
    time.sleep(0.01)
    second = snapshots.publish(store, root, keep_seconds=0)
    assert snapshots.current(root) == second and not first.exists()  # superseded before "now - 0 s": removed
    store.close()
    with Store(second, read_only=True) as snap:
        assert snap.count("http://g/2") == 2


def test_query_keeps_from_and_the_union_default_graph() -> None:
    store = Store()
    store.replace_graphs({"http://g/1": '<http://a> <http://p> "1" .', "http://g/2": '<http://a> <http://p> "2" .'})
    assert len(store.query("SELECT * { ?s ?p ?o }").rows()) == 2
    assert [str(r["o"].value) for r in store.query("SELECT * FROM <http://g/2> { ?s ?p ?o }").rows()] == ["2"]
    with pytest.raises(QueryError):
        store.query("SELECT * { ?s ?p ?o }", default_graph=["not an iri"])


def test_a_server_bug_stays_a_500_in_the_error_shape(tmp_path: Path) -> None:
    """Client mistakes are 4xx; an exception nobody expected is a 500 whose details stay in the log."""
    from server import create_app

    Store(tmp_path / "db").close()
    app = create_app({"STORE_PATH": str(tmp_path / "db"), "TESTING": False})

    @app.route("/sparql-bug-for-test")
    def bug() -> str:
        raise RuntimeError("secret internal detail")

    reply = app.test_client().get("/sparql-bug-for-test")
    assert reply.status_code == 500
    assert reply.get_json() == {"ok": False, "status": 500,
                                "error": "internal server error; the details are in the server log"}
    assert b"secret" not in reply.data


# --- the access log ----------------------------------------------------------------------------------------------
def test_the_lean_access_log_writes_gunicorns_line() -> None:
    """kg serve's access logger builds only the fields of the default format: its line is gunicorn's own, for a
    request parsed by gunicorn and a response written to a socket."""
    import datetime as dt
    import socket

    from gunicorn import glogging
    from gunicorn.config import Config
    from gunicorn.http import get_parser, wsgi

    from server.http.accesslog import AccessLogger

    cfg = Config()
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.sendall(b"POST /sparql?x=1 HTTP/1.1\r\nHost: example.org\r\nUser-Agent: probe/1.0\r\n"
                       b"Referer: http://example.org/query\r\nContent-Length: 0\r\n\r\n")
        req = next(get_parser(cfg, ours, ("127.0.0.1", 5000)))
        resp, environ = wsgi.create(req, ours, ("127.0.0.1", 5000), ("127.0.0.1", 8000), cfg)
        resp.start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
        resp.write(b"hello")
        took = dt.timedelta(microseconds=1234)
        lines = [cfg.access_log_format % glogging.SafeAtoms(logger.atoms(resp, req, environ, took))
                 for logger in (AccessLogger(cfg), glogging.Logger(cfg))]
    import re

    stamp = re.compile(r"\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]")  # the second may turn between the two
    assert stamp.search(lines[0]) and stamp.sub("T", lines[0]) == stamp.sub("T", lines[1])
    assert '"POST /sparql?x=1 HTTP/1.1" 200 5 "http://example.org/query" "probe/1.0"' in lines[0]
