"""Bounded parsing: a query too deeply nested, or with too long a chain of operators, is refused before it reaches
the engine — 400 naming the limit, `kg query` one line and exit 2 — and every query within the limits runs without
taking its process down (the engine recurses, and runs on a thread with a stack sized for the limits)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kg.errors import QueryError
from tests.conftest import KG, Server
from tests.server.fetch import assert_error_shape, fetch

pytestmark = pytest.mark.slow

# what the probe sent: each overflowed the engine's stack and killed the query process
DEEP = {
    "braces": "SELECT * WHERE " + "{" * 2188 + "}" * 2188,
    "parentheses": "SELECT * WHERE { FILTER(" + "(" * 4668 + "1" + ")" * 4668 + ") }",
    "and-chain": "SELECT * WHERE { FILTER(" + " && ".join(["true"] * 9342) + ") }",
}


def post(server: Server, text: str):  # noqa: ANN201
    return fetch(server.url, "POST", "/sparql", body=text, headers={"Content-Type": "application/sparql-query"})


@pytest.mark.parametrize("name", sorted(DEEP))
def test_a_query_past_the_limits_is_refused_with_the_limit(seed_server: Server, name: str) -> None:
    error = assert_error_shape(post(seed_server, DEEP[name]), 400)["error"]
    assert "the limit is" in error
    assert ("nests brackets" in error) if name != "and-chain" else ("operators" in error)
    assert post(seed_server, "ASK { ?s ?p ?o }").status == 200


@pytest.mark.parametrize("name", sorted(DEEP))
def test_kg_query_past_the_limits_prints_one_line_and_exits_2(seed_store: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / "deep.rq"
    path.write_text(DEEP[name], encoding="utf-8")
    run = subprocess.run(KG + ["query", str(path), "--store", str(seed_store)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2, run.stderr[-500:]
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "the limit is" in lines[0]


def at_the_limits() -> dict[str, str]:
    """Queries exactly at the limits (as :func:`kg.sparql.text.check_limits` counts), one per construct the engine
    recurses on. (A 2,000-step path sequence is left out: it is within the stack, but takes minutes to evaluate.)"""
    from kg.sparql.text import MAX_DEPTH, MAX_OPERATORS

    n, d = MAX_OPERATORS, MAX_DEPTH
    return {
        "braces": "SELECT ?x WHERE " + "{" * d + "}" * d,
        "parentheses": "SELECT ?x WHERE { FILTER(" + "(" * (d - 2) + "1" + ")" * (d - 2) + ") }",
        "function-calls": "SELECT ?x WHERE { BIND(" + "STR(" * (d - 2) + "1" + ")" * (d - 2) + " AS ?x) }",
        "blank-nodes": "ASK { ?s <http://ex.org/p> " + "[ <http://ex.org/p> " * (d - 1) + "1" + " ]" * (d - 1) + " }",
        "collections": "ASK { ?s <http://ex.org/p> " + "( " * (d - 1) + "1" + " )" * (d - 1) + " }",
        "subqueries": "SELECT ?x WHERE " + "{ SELECT ?x WHERE " * (d - 1) + "{}" + " }" * (d - 1),
        "and-chain": "SELECT ?x WHERE { FILTER(" + "&&".join(["true"] * n) + ") }",  # n - 1 &&, and FILTER
        "plus-chain": "SELECT ?x WHERE { FILTER(" + "+".join(["1"] * n) + ") }",
        "minus-chain": "SELECT ?x WHERE { FILTER(" + "-".join(["1"] * (n - 1)) + " < 0) }",
        "not-chain": "SELECT ?x WHERE { FILTER(" + "!" * (n - 1) + "true) }",
        "unions": "SELECT ?x WHERE { " + " UNION ".join(["{}"] * (n + 1)) + " }",
        "binds": "SELECT ?x WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(n)) + " }",
        "minuses": "SELECT ?s WHERE { ?s ?p ?o " + " ".join(["MINUS { ?s <http://ex.org/none> ?o }"] * n)
                   + " } LIMIT 1",
        "filters": "SELECT ?s WHERE { ?s ?p ?o " + " ".join(["FILTER(true)"] * n) + " } LIMIT 1",
        "path-alternatives": "ASK { <http://ex.org/s> " + "|".join(["<http://ex.org/p>"] * (n + 1)) + " ?o }",
    }


AT_THE_LIMITS = ["and-chain", "binds", "blank-nodes", "braces", "collections", "filters", "function-calls", "minus-chain",
                 "minuses", "not-chain", "parentheses", "path-alternatives", "plus-chain", "subqueries", "unions"]


def test_the_queries_at_the_limits_are_at_the_limits() -> None:
    from kg.sparql.text import check_limits

    assert sorted(at_the_limits()) == AT_THE_LIMITS
    for name, text in at_the_limits().items():
        check_limits(text)  # not refused
        with pytest.raises(QueryError, match="the limit is"):  # an unclosed bracket and two operators more
            check_limits(text.replace("{", "{ ?z ?y ?x FILTER(1+1) ", 1).replace("(", "((", 1))


@pytest.mark.parametrize("name", AT_THE_LIMITS)
def test_queries_at_the_limits_run_without_killing_their_process(seed_server: Server, name: str) -> None:
    reply = post(seed_server, at_the_limits()[name])
    # an answer, or the engine's own 400: never "the process … stopped unexpectedly" (503)
    assert reply.status in (200, 400), reply.body[:400]
    if reply.status == 400:
        assert "the limit is" not in reply.json()["error"], "a query at the limits was refused"


def test_a_crashed_query_process_is_reported_not_silent(seed_store: Path, tmp_path: Path) -> None:
    # should the engine ever crash (a stack overflow past the limits, a bug), the client is told which signal ended
    # the process, and the log has the stack of the crash and the query
    import os
    import signal
    import threading
    import time

    from tests.conftest import free_port
    from tests.server.test_limits import query_processes

    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(KG + ["serve", "--store", str(seed_store), "--port", str(port), "--workers", "1",
                                      "--timeout", "30"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", proc)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if post(server, "ASK {}").status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text(errors="replace")[-2000:]
            time.sleep(0.3)
        replies = []
        busy = threading.Thread(target=lambda: replies.append(
            post(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")))
        busy.start()
        time.sleep(1.5)
        for pid in query_processes(proc.pid):
            os.kill(pid, signal.SIGSEGV)
        busy.join(timeout=60)
        error = assert_error_shape(replies[0], 503)["error"]
        assert "crashed with SIGSEGV" in error and "log" in error
        assert post(server, "ASK { ?s ?p ?o }").status == 200  # a fresh process took its place
        text = log.read_text(errors="replace")
        assert "Fatal Python error: Segmentation fault" in text and "COUNT(*) AS ?n" in text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
