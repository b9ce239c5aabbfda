"""The hostile suite, bounded for CI (about half a minute): what an attacker or a careless client sends — raw bytes
that are barely HTTP, broken framing, requests cut off or sent in fragments, writes without the token, queries
built to hurt — and what a careless author feeds the build — mutated articles. The server answers every request with
a status it documents (never a 500), stays up, logs no crash, and its data is byte for byte what it was; the build
either builds an article or refuses it with one line. The long version is ``python -m bench.soak``."""

from __future__ import annotations

import hashlib
import os
import random
import socket
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from tests.conftest import KG, SEED, Server, free_port, stop_server
from tests.server.conftest import TOKEN
from tests.server.fetch import fetch

pytestmark = pytest.mark.slow

DOCUMENTED = {200, 201, 204, 304, 400, 401, 403, 404, 405, 406, 408, 411, 413, 414, 415, 417, 431, 501, 502, 503}
CRASH_MARKS = ("Traceback", "SIGSEGV", "was sent", "stopped unexpectedly", "Exception in worker", "Fatal Python")
PATHS = ["/sparql", "/store", "/store?default", "/store?graph=urn:g", "/", "/query", "/healthz", "/doc/person/x",
         "/id/person/wang-yi", "/download/", "/.well-known/void", "/static/site.css", "/%00", "/..%2f..%2fetc/passwd"]
QUERIES = ["ASK {}", "SELECT * { ?s ?p ?o } LIMIT 2", "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
           'SELECT * WHERE { #\\u000A BIND("""\nSERVICE <http://127.0.0.1:9/x> { ?x ?p ?o }\n#""" AS ?z) }',
           "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "DESCRIBE ?s WHERE { ?s ?p ?o }", "CONSTRUCT WHERE {"]
UPDATES = ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
           "PREFIX ex: <http://ex.org/> INSERT DATA { GRAPH ex:g { ex:a\\#b ex:p ex:o } } ; LOAD <http://127.0.0.1:9/>"]


@pytest.fixture(scope="module")
def target(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    """`kg serve` over a copy of the seed store with updates on (the token never sent), short deadlines, its log
    kept in a file."""
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "db"
    subprocess.run(["cp", "-r", str(seed_store), str(store)], check=True)
    log = folder / "serve.log"
    port = free_port()
    env = {"NEWSKG_HEADER_TIMEOUT": "2", "NEWSKG_BODY_TIMEOUT": "2", "NEWSKG_MAX_CONTENT_LENGTH": "20000"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(KG + ["serve", "--store", str(store), "--port", str(port), "--timeout", "2",
                                      "--update-token", TOKEN], stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, **env}, start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", proc)
    deadline = time.monotonic() + 90
    while True:
        assert time.monotonic() < deadline and proc.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            if fetch(server.url, "GET", "/healthz", timeout=5).status == 200:
                break
        except OSError:
            pass
        time.sleep(0.3)
    yield server, log
    stop_server(server)


def checksum(server: Server) -> str:
    """The whole dataset, sorted N-Quads, hashed (read through the Graph Store Protocol's graphs and /sparql)."""
    reply = fetch(server.url, "GET", "/sparql", params={"query": "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } }"
                                                                 " UNION { ?s ?p ?o } }"},
                  headers={"Accept": "text/tab-separated-values"})
    assert reply.status == 200
    return hashlib.sha256(b"\n".join(sorted(reply.body.splitlines()))).hexdigest()


@st.composite
def raw_request(draw: st.DrawFn) -> tuple[bytes, bool]:
    """Bytes that are sometimes HTTP; and whether they are a whole request (else the client stops half-way)."""
    method = draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "G\x00T",
                                   "POST " * 3, ""]))
    path = draw(st.sampled_from(PATHS))
    if draw(st.booleans()):
        path += ("&" if "?" in path else "?") + urllib.parse.urlencode(
            {draw(st.sampled_from(["query", "update", "graph", "format"])): draw(st.sampled_from(QUERIES + UPDATES))})
    version = draw(st.sampled_from(["HTTP/1.1"] * 6 + ["HTTP/1.0", "HTTP/2.0", "HTTP/9", "http/1.1", ""]))
    body = draw(st.one_of(st.sampled_from([q.encode() for q in QUERIES + UPDATES]), st.binary(max_size=300)))
    headers = [("Host", "test")]
    framing = draw(st.sampled_from(["length", "chunked", "none", "both", "wrong-length", "bad-chunk"]))
    if framing in ("length", "both"):
        headers.append(("Content-Length", str(len(body))))
    if framing == "wrong-length":
        headers.append(("Content-Length", draw(st.sampled_from(["-1", "abc", "99999999999999999999", "5, 6"]))))
    if framing in ("chunked", "both"):
        headers.append(("Transfer-Encoding", "chunked"))
        body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    if framing == "bad-chunk":
        headers.append(("Transfer-Encoding", "chunked"))
        body = b"zz\r\n" + body
    headers += draw(st.lists(st.tuples(
        st.sampled_from(["Content-Type", "Accept", "Authorization", "Expect", "X-A", "Connection", "Transfer-Encoding",
                         "Content-Length", "Host", "Bad Header", ""]),
        st.sampled_from(["application/sparql-query", "application/sparql-update", "text/html", "*/*", "Bearer x",
                         "100-continue", "close", "keep-alive", "chunked", "identity", "", "a" * 9000, "\x7f"])),
        max_size=4))
    head = f"{method} {path} {version}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    data = head.encode("latin-1", "replace") + body
    whole = draw(st.sampled_from([True] * 4 + [False]))
    if not whole:
        data = data[:draw(st.integers(0, max(0, len(data) - 1)))]
    return data, whole


def exchange(port: int, data: bytes, whole: bool, pieces: int) -> bytes:
    """Send ``data`` in ``pieces`` fragments; read until the server closes or stops talking."""
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
        step = max(1, len(data) // pieces)
        try:
            for i in range(0, len(data), step):
                sock.sendall(data[i:i + step])
                time.sleep(0.01)
            if not whole:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        out = b""
        sock.settimeout(8)
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                out += chunk
                if b"\r\n\r\n" in out and not out.startswith(b"HTTP/1.1 100"):
                    break  # the answer has begun: enough to judge it
        except OSError:
            pass
        return out


def test_hostile_requests_get_documented_answers_and_change_nothing(target: tuple[Server, Path]) -> None:
    server, log = target
    port = int(server.url.rsplit(":", 1)[1])
    before = checksum(server)
    statuses: dict[int, int] = {}

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(request=raw_request(), pieces=st.integers(1, 6))
    def check(request: tuple[bytes, bool], pieces: int) -> None:
        data, whole = request
        reply = exchange(port, data, whole, pieces)
        if not reply:
            return  # a cut-off request, or bytes that are no request at all: closed without an answer
        status = int(reply[9:12]) if reply.startswith(b"HTTP/1.") and reply[9:12].isdigit() else -1
        statuses[status] = statuses.get(status, 0) + 1
        assert status in DOCUMENTED, (data[:300], reply[:300])

    check()
    # writes without the token, through every way to write
    for method, path, ctype, body in [("POST", "/sparql", "application/sparql-update", UPDATES[0]),
                                      ("POST", "/sparql", "application/x-www-form-urlencoded", "update=DROP%20ALL"),
                                      ("PUT", "/store?default", "text/turtle", "<urn:a> <urn:b> <urn:c> ."),
                                      ("DELETE", "/store?graph=http://localhost:8000/graph/ontology", "", "")]:
        reply = fetch(server.url, method, path, body=body, headers={"Content-Type": ctype} if ctype else {})
        assert reply.status == 401, (method, path, reply.status)
    assert fetch(server.url, "GET", "/healthz").status == 200
    assert checksum(server) == before, "the data changed"
    text = log.read_text(errors="replace")
    assert not [m for m in CRASH_MARKS if m in text], text[-3000:]
    assert 400 in statuses and len(statuses) > 3, statuses


# --- articles ---------------------------------------------------------------------------------------------------------
SEED_TEXT = SEED.read_text(encoding="utf-8")
INSERTS = ["\u200b", "\ufeff", "\u202e", "\u0301", "\x00", "\x07", "\r", "\r\n", "\u2028", "“", "”", "\"", "'",
           "\n\n", "a" * 5000, "é" * 50, "\U0001f600", "<script>alert(1)</script>", "—", "\t", " " * 300]


@st.composite
def article(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from([SEED_TEXT] * 3 + [SEED_TEXT[:300], "Headline\n\nOne line.", ""]))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(INSERTS))
        text = text[:i] + (piece if edit != "delete" else "") + text[j if edit != "insert" else i:]
    data = text.encode("utf-8")
    if draw(st.sampled_from([False] * 9 + [True])):
        data = data[: len(data) // 2] + b"\xff\xfe" + data[len(data) // 2:]  # not UTF-8
    return data


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=article())
def test_mutated_articles_are_built_or_refused_with_a_reason(tmp_path_factory: pytest.TempPathFactory,
                                                              data: bytes) -> None:
    from kg.pipeline.build import article_graphs
    from kg.pipeline.ingest import ingest

    path = tmp_path_factory.mktemp("art") / "mutated.txt"
    path.write_bytes(data)
    try:
        art = ingest(path)
    except InputError as e:
        assert str(e).startswith(str(path)) and len(str(e).splitlines()) == 1
        return
    texts, built = article_graphs(path, art, base_iri="http://localhost:8000/", validate=True)
    assert built.triples > 0 and texts


def test_kg_build_of_a_mutated_corpus_has_no_traceback(tmp_path: Path) -> None:
    rng = random.Random(12)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for k in range(6):
        text = list(SEED_TEXT[:1500])
        for _ in range(8):
            text.insert(rng.randrange(len(text)), rng.choice(INSERTS[:4] + INSERTS[5:13]))
        (folder / f"m{k}.txt").write_text("".join(text), encoding="utf-8")
    run = subprocess.run(KG + ["build", str(folder), "--store", str(tmp_path / "db"), "-j", "1"], capture_output=True,
                         text=True, timeout=600)
    assert "Traceback" not in run.stderr
    assert run.returncode in (0, 2), run.stderr[-1000:]
    if run.returncode == 2:
        assert run.stderr.strip().splitlines()[-1].startswith("kg: error: ")


def test_a_dump_another_worker_is_writing_is_not_removed(tmp_path: Path) -> None:
    # the soak found it: with updates on, a worker on a newer version removed the folder another was writing (500)
    from server.blueprints.downloads import _forget_old_versions

    for name in ("old", "busy", "current"):
        (tmp_path / name).mkdir()
    two_minutes_ago = time.time() - 120
    os.utime(tmp_path / "old", (two_minutes_ago, two_minutes_ago))
    _forget_old_versions(tmp_path, keep="current")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy", "current"]
