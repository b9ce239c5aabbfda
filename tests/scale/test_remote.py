"""Remote stores on two real engines (the Oxigraph server, Virtuoso): build, query, dump, load, remove and serve
through `--store URL`, with the same answers as the embedded store."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from kg.errors import QueryError, StoreError
from tests.conftest import BASE, ROOT, SEED, start_server, stop_server
from tests.scale.conftest import Engine, kg

pytestmark = [pytest.mark.slow, pytest.mark.remote]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
EPOCH = {"SOURCE_DATE_EPOCH": "1643241600"}


def rows(store: str, query: Path | str, env: dict) -> Counter:
    out = kg("query", str(query), "--store", store, "--format", "csv", env=env).stdout
    return Counter(tuple(r) for r in csv.reader(io.StringIO(out)))


def nquads(store: str, env: dict) -> list[str]:
    out = kg("dump", "--store", store, "--format", "nq", env=env).stdout
    return sorted(line for line in out.splitlines() if line.strip())


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built into the embedded store with a fixed build time (the reference answers)."""
    path = tmp_path_factory.mktemp("embedded") / "db"
    kg("build", str(SEED), "--store", str(path), "--base-iri", BASE, env=EPOCH)
    return path


def solutions(store, query: Path) -> Counter:  # noqa: ANN001
    """The rows of a named query as N-Triples terms (datatypes and languages compared too)."""
    res = store.query(query.read_text(encoding="utf-8"))
    return Counter(tuple("" if r[v] is None else str(r[v]) for v in res.variables) for r in res.rows())


def test_named_queries_dump_and_rebuild(engine: Engine, embedded: Path):
    from kg.store import Store

    kg("build", str(SEED), "--store", engine.url, "--base-iri", BASE, env={**engine.env, **EPOCH})
    with engine.store(read_only=True) as remote, Store(embedded, read_only=True) as local:
        for q in QUERIES:
            assert solutions(remote, q) == solutions(local, q), f"{engine.name}: {q.name} differs"
    assert rows(engine.url, QUERIES[0], engine.env) == rows(str(embedded), QUERIES[0], {})  # and through the CLI
    assert nquads(engine.url, engine.env) == nquads(str(embedded), {})
    kg("build", str(SEED), "--store", engine.url, "--base-iri", BASE, env={**engine.env, **EPOCH})  # replaced
    assert nquads(engine.url, engine.env) == nquads(str(embedded), {})


def test_shared_descriptions_on_the_engine(engine: Engine, tmp_path: Path):
    """Articles that share actors: one description each on the engine too, the same quads as the embedded store,
    and a remove that takes back exactly what an article added."""
    from tests.scale.conftest import write_articles

    paths = write_articles(tmp_path / "in")
    local = tmp_path / "db"
    env = {**engine.env, **EPOCH}
    for store, e in ((engine.url, env), (str(local), EPOCH)):
        kg("build", str(SEED), *map(str, paths), "--store", store, "--base-iri", BASE, "-j", "1", env=e)
    assert nquads(engine.url, engine.env) == nquads(str(local), {})
    statements = rows(engine.url, ROOT / "queries" / "statements.rq", engine.env)
    assert all(n == 1 for n in statements.values()) and len(statements) > 10
    for store, e in ((engine.url, engine.env), (str(local), {})):
        kg("remove", paths[0].stem, "--store", store, env=e)
    assert nquads(engine.url, engine.env) == nquads(str(local), {})
    only = tmp_path / "only"
    kg("build", str(SEED), str(paths[1]), "--store", str(only), "--base-iri", BASE, "-j", "1", env=EPOCH)
    assert nquads(engine.url, engine.env) == nquads(str(only), {})


FAIL_AT_RUN_TIME = "LOAD <http://127.0.0.1:1/nothing.ttl>"  # parses; fails when it runs (nothing listens there)
FAIL_TO_COMPILE = "INSERT DATA { GRAPH <http://ex.org/x> { <http://ex.org/a> } }"  # a syntax error at the end


def test_what_one_update_request_guarantees(engine: Engine):
    """What docs/scaling.md says of article replacement: Oxigraph applies a request as one transaction (an operation
    failing at its end undoes the drop and insert before it); Virtuoso rejects a request that does not parse as a
    whole, but applies the operations of one that does one by one (a failure half-way leaves the first ones done)."""
    graph = f"{BASE}graph/article/atomic"
    replace = (f"DROP SILENT GRAPH <{graph}> ; "
               f'INSERT DATA {{ GRAPH <{graph}> {{ <http://ex.org/a> <http://ex.org/p> "new" }} }}')
    with engine.store() as s:
        for tail, undone in ((FAIL_TO_COMPILE, True), (FAIL_AT_RUN_TIME, engine.name == "oxigraph")):
            s.replace_graphs({graph: '<http://ex.org/a> <http://ex.org/p> "old" .'})
            with pytest.raises((StoreError, QueryError)):
                s.update(f"{replace} ; {tail}")
            expected = '"old"' if undone else '"new"'
            assert [str(t.object) for t in s.triples(graph)] == [expected], tail


def test_load_and_remove(engine: Engine, tmp_path: Path):
    good = tmp_path / "good.ttl"
    good.write_text('@prefix ex: <http://ex.org/> . ex:a ex:p "1", "2" . ex:b ex:p ex:a .\n', encoding="utf-8")
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://ex.org/a> <http://ex.org/p> .\n", encoding="utf-8")
    store = ["--store", engine.url]
    run = kg("load", str(good), str(bad), "--graph", "http://ex.org/g", *store, env=engine.env, check=False)
    assert run.returncode == 2 and "bad.nt" in run.stderr
    with engine.store() as s:
        assert s.graphs() == []
    kg("load", str(good), "--graph", "http://ex.org/g", *store, env=engine.env)
    with engine.store() as s:
        assert s.count("http://ex.org/g") == 3
    kg("build", str(SEED), *store, "--base-iri", BASE, env=engine.env)
    run = kg("remove", str(SEED), *store, env=engine.env)
    assert "removed wang-yi-blinken-call (3 graphs)" in run.stdout
    with engine.store() as s:
        assert [g for g in s.graphs() if "wang-yi" in g] == []


def test_a_graph_is_read_from_the_graph_store_endpoint_given(oxigraph: Engine, tmp_path: Path):
    """--gsp-url (or NEWSKG_STORE_GSP_URL): one graph is read by the Graph Store Protocol; a wrong endpoint is an
    error naming it, which shows the option is used."""
    oxigraph.clear()
    data = tmp_path / "g.ttl"
    data.write_text('@prefix ex: <http://ex.org/> . ex:a ex:p "1", "2" .\n', encoding="utf-8")
    store = ["--store", oxigraph.url]
    kg("load", str(data), "--graph", "http://ex.org/g", *store, env=oxigraph.env)
    gsp = oxigraph.url.rsplit("/", 1)[0] + "/store"
    one = ["dump", *store, "--graph", "http://ex.org/g", "--format", "nt"]
    by_query = kg(*one, env=oxigraph.env).stdout
    by_gsp = kg(*one, "--gsp-url", gsp, env=oxigraph.env).stdout
    assert sorted(by_gsp.splitlines()) == sorted(by_query.splitlines()) and by_gsp.count("<http://ex.org/p>") == 2
    assert kg(*one, env={**oxigraph.env, "NEWSKG_STORE_GSP_URL": gsp}).stdout == by_gsp
    wrong = oxigraph.url.rsplit("/", 1)[0] + "/no-such-endpoint"
    run = kg(*one, "--gsp-url", wrong, env=oxigraph.env, check=False)
    assert run.returncode == 2 and "no-such-endpoint" in run.stderr, run.stderr


def test_virtuoso_row_cap_is_visible(virtuoso: Engine):
    """The test Virtuoso cuts results at 2,500 rows (ResultSetMaxRows): kg query warns, the server says truncated."""
    virtuoso.clear()
    kg("build", str(SEED), "--store", virtuoso.url, "--base-iri", BASE, env=virtuoso.env)
    run = kg("query", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", virtuoso.url, "--format", "csv",
             env=virtuoso.env)
    assert len(run.stdout.splitlines()) == 2501 and "row limit of its own" in run.stderr
    server = start_server(virtuoso.url, env=virtuoso.env)
    try:
        q = urllib.parse.quote("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
        with urllib.request.urlopen(f"{server.url}/sparql?query={q}", timeout=60) as r:
            assert r.headers["X-Newskg-Truncated"] == "true"
            assert len(json.load(r)["results"]["bindings"]) == 2500
    finally:
        stop_server(server)


def test_serve_over_the_engine(engine: Engine):
    """kg serve --store URL: SPARQL results, a resource page, a dump, VoID, the cache, and a 503 at the timeout."""
    kg("build", str(SEED), "--store", engine.url, "--base-iri", BASE, env=engine.env)
    server = start_server(engine.url, "--timeout", "2", env=engine.env)
    try:
        q = urllib.parse.quote((ROOT / "queries" / "statements.rq").read_text(encoding="utf-8"))
        with urllib.request.urlopen(f"{server.url}/sparql?query={q}", timeout=60) as r:
            assert r.headers["Content-Type"].startswith("application/sparql-results+json")
            bindings = json.load(r)["results"]["bindings"]
        assert len(bindings) == 16 and all("speaker" in b for b in bindings[:3])
        req = urllib.request.Request(f"{server.url}/id/person/wang-yi", headers={"Accept": "text/html"})
        with urllib.request.urlopen(req, timeout=60) as r:
            page = r.read().decode("utf-8")
        assert r.url.endswith("/doc/person/wang-yi") and "Wang Yi" in page and "Blinken" in page
        with urllib.request.urlopen(f"{server.url}/download/all.nq", timeout=60) as r:
            dump = r.read().decode("utf-8")
        assert dump.count(f"<{BASE}graph/article/wang-yi-blinken-call>") > 1000
        assert "openlinksw" not in dump  # an engine's own graphs are not part of the dataset
        with urllib.request.urlopen(f"{server.url}/.well-known/void", timeout=60) as r:
            assert b"void:sparqlEndpoint" in r.read()
        with urllib.request.urlopen(f"{server.url}/healthz", timeout=60) as r:
            health = json.load(r)
        assert health["mode"] == "remote" and "cannot tell when its data changes" in health["freshness"]
        slow = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                                  "FILTER(STR(?c) < STR(?f) && STR(?f) < STR(?i)) }")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{server.url}/sparql?query={slow}", timeout=60)
        assert err.value.code == 503 and "longer than 2 s" in err.value.read().decode("utf-8")
    finally:
        stop_server(server)
