"""Slow and stalled clients cannot hold the server: a request reaches a request thread only when it is complete,
headers and bodies have deadlines (408), oversized headers get 431, and everything a normal client does — bodies of
known length, chunked bodies, ``Expect: 100-continue``, keep-alive and pipelining — still works."""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Server, start_server, stop_server

pytestmark = pytest.mark.slow

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def few_threads(seed_store: Path) -> Iterator[Server]:
    """One worker with two request threads, and the default (long) deadlines."""
    server = start_server(seed_store, "--workers", "1", env={"NEWSKG_SERVER_THREADS": "2"})
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def short_deadlines(seed_store: Path) -> Iterator[Server]:
    server = start_server(seed_store, env={"NEWSKG_HEADER_TIMEOUT": "2", "NEWSKG_BODY_TIMEOUT": "2"})
    yield server
    stop_server(server)


def port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def connect(server: Server) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port(server)), timeout=30)


def post_head(length: int, extra: str = "") -> bytes:
    return (f"POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
            f"Accept: application/sparql-results+json\r\nContent-Length: {length}\r\n{extra}\r\n").encode()


def answer(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    out = b""
    while True:
        data = sock.recv(65536)
        if not data:
            return out
        out += data


def normal_query(server: Server, timeout: float) -> bytes:
    url = f"{server.url}/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read()


def test_stalled_bodies_do_not_hold_the_request_threads(few_threads: Server) -> None:
    # the probe's clients: headers and Content-Length: 100, then 5 bytes and nothing more; four per thread
    held = []
    for _ in range(8):
        sock = connect(few_threads)
        sock.sendall(post_head(100) + b"ASK {")
        held.append(sock)
    try:
        time.sleep(0.5)
        assert b"true" in normal_query(few_threads, timeout=15)
        # and they were still holding their connections when it was answered: nothing has been sent to them
        for sock in held:
            sock.setblocking(False)
            with pytest.raises(BlockingIOError):
                sock.recv(1)
    finally:
        for sock in held:
            sock.close()


def test_unfinished_headers_are_answered_408_and_closed(short_deadlines: Server) -> None:
    with connect(short_deadlines) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: test\r\nAccept: text/")
        reply = answer(sock)
    assert reply.startswith(b"HTTP/1.1 408 "), reply[:200]
    assert b"headers did not arrive within 2 s" in reply


def test_a_stalled_body_is_answered_408_and_closed(short_deadlines: Server) -> None:
    with connect(short_deadlines) as sock:
        sock.sendall(post_head(100) + b"ASK {")
        reply = answer(sock)
    assert reply.startswith(b"HTTP/1.1 408 "), reply[:200]
    assert b"body did not arrive within 2 s" in reply


def test_a_connection_that_sends_nothing_is_closed(short_deadlines: Server) -> None:
    with connect(short_deadlines) as sock:
        assert answer(sock) == b""


def test_oversized_headers_are_answered_431(short_deadlines: Server) -> None:
    with connect(short_deadlines) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: test\r\n" + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"a" * 4000)
                                                                    for i in range(20)))
        reply = answer(sock)
    assert reply.startswith(b"HTTP/1.1 431 "), reply[:200]


def test_a_body_sent_slowly_within_the_deadline_is_served(short_deadlines: Server) -> None:
    body = ASK.encode()
    with connect(short_deadlines) as sock:
        sock.sendall(post_head(len(body)))
        for i in range(0, len(body), 4):
            sock.sendall(body[i:i + 4])
            time.sleep(0.05)
        reply = answer_one(sock)
    assert reply.startswith(b"HTTP/1.1 200 ") and b"true" in reply


_AHEAD: dict[int, bytes] = {}  # bytes read past the end of an answer, by socket: the start of the next one


def answer_one(sock: socket.socket) -> bytes:
    """One response (its headers and Content-Length body) from a kept-alive connection."""
    data = _AHEAD.pop(sock.fileno(), b"")
    while b"\r\n\r\n" not in data:
        data += receive(sock, data)
    head, _, rest = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length"))
    while len(rest) < length:
        rest += receive(sock, head + rest)
    _AHEAD[sock.fileno()] = rest[length:]
    return head + b"\r\n\r\n" + rest[:length]


def receive(sock: socket.socket, so_far: bytes) -> bytes:
    data = sock.recv(65536)
    if not data:
        raise AssertionError(f"the server closed the connection after {so_far[:300]!r}")
    return data


def test_chunked_bodies_expect_continue_and_pipelining_work(short_deadlines: Server) -> None:
    # each on a connection of its own, sent at once (a kept-alive connection idle for 2 s is closed by design)
    body = ASK.encode()
    chunked = (b"POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
               b"Accept: application/sparql-results+json\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"%x\r\n%s\r\n" % (5, body[:5]) + b"%x\r\n%s\r\n" % (len(body) - 5, body[5:]) + b"0\r\n\r\n")
    with connect(short_deadlines) as sock:
        sock.sendall(chunked)
        assert b"true" in answer_one(sock)
    # two requests in one write: two answers, in order
    with connect(short_deadlines) as sock:
        sock.sendall(post_head(len(body)) + body + post_head(len(body)) + body)
        assert b"true" in answer_one(sock) and b"true" in answer_one(sock)
        _AHEAD.pop(sock.fileno(), None)
    # Expect: 100-continue: the server asks for the body, then answers
    with connect(short_deadlines) as sock:
        sock.sendall(post_head(len(body), "Expect: 100-continue\r\n"))
        interim = sock.recv(65536)
        assert interim.startswith(b"HTTP/1.1 100 Continue"), interim
        sock.sendall(body)
        final = answer_one(sock)
        assert final.startswith(b"HTTP/1.1 200 ") and b"true" in final
