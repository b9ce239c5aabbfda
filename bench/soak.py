"""The soak: `kg serve` under a long mixed load of normal and hostile clients, and what it left behind.

For ``--minutes``, ``--clients`` threads send a random mix: named queries and pages (the normal part, whose latency
is recorded), raw requests that are barely HTTP or cut off, queries past the limits, SERVICE and LOAD aimed at a
listener off the allow-list (hidden in the ways the probe found), writes without the token, oversized bodies; and
``--slow`` threads keep connections open that send a request's headers and never its body. With the token, updates
write into a scratch graph, which is dropped at the end.

Printed: requests sent, answers by status code, client-side failures (timeouts, resets), normal-query latency, and
the crash evidence — tracebacks, crashed or restarted workers and query processes in the server's log, connections
the listener received — and the checksum of the whole dataset before and after (sorted N-Quads, SHA-256).

    python -m bench.soak --minutes 10           # --write: put the figures into BENCHMARKS.md (section soak)
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import http.client
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from bench.common import KG, ROOT, SEED, VAR, free_port, kg, machine, update_benchmarks, wait_for

TOKEN = "soak-token"  # noqa: S105 - a throwaway token for a loopback server
CRASH = {"traceback": "Traceback", "worker crashed": "was sent", "query process died": "stopped unexpectedly",
         "fatal": "Fatal Python error", "worker boot failure": "Exception in worker"}


class Listener:
    """An address off the allow-list: a TCP listener on a free loopback port that counts every connection it gets
    and closes each at once (the SSRF tests use it too)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port, self.hits = self.sock.getsockname()[1], 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()

    def url(self, path: str = "sparql") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


def checksum(port: int) -> tuple[str, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    q = "SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"
    conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": q}),
                 headers={"Accept": "text/tab-separated-values"})
    body = conn.getresponse().read()
    lines = sorted(body.splitlines()[1:])
    return hashlib.sha256(b"\n".join(lines)).hexdigest()[:16], len(lines)


class Soak:
    def __init__(self, port: int, listener: Listener, seed: int) -> None:
        self.port, self.listener = port, listener
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.statuses: collections.Counter[str] = collections.Counter()
        self.server_errors: collections.Counter[str] = collections.Counter()
        self.failures: collections.Counter[str] = collections.Counter()
        self.sent = 0
        self.normal: list[float] = []
        self.queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))]
        target = f"http://127.0.0.1:{listener.port}/x"
        self.hostile = [
            "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
            "SELECT * WHERE { FILTER(" + "&&".join(["true"] * 9000) + ") }",
            f'SELECT * WHERE {{ #\\u000A BIND("""\nSERVICE <{target}> {{ ?x ?p ?o }}\n#""" AS ?z)\n}}',
            f"SELECT * WHERE {{ SERVICE SILENT <http://127.1:{listener.port}/> {{ ?s ?p ?o }} }}",
            f"PREFIX p: <http://127.0.0.1:{listener.port}/> SELECT * {{ SERVICE p:x\\#y {{ ?s ?p ?o }} }}",
            "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",  # a cross product: cut at the timeout
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(REGEX(STR(?o), '(a+)+b')) }",
            "CONSTRUCT WHERE { ?s ?p ?o",
        ]
        self.updates = [
            f"PREFIX ex: <http://ex.org/> INSERT DATA {{ GRAPH ex:g {{ ex:a\\#b ex:p ex:o }} }} ; LOAD <{target}>",
            f'INSERT {{ GRAPH <urn:soak:scratch> {{ ?x ?p ?o }} }} WHERE {{ #\\u000A BIND("""\nSERVICE <{target}> '
            f'{{ ?x ?p ?o }}\n#""" AS ?z)\n}}',
        ]

    # --- one request of each kind ----------------------------------------------------------------------------------
    def http(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
             normal: bool = False) -> None:
        began = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            text = resp.read()
            conn.close()
            self.count(str(resp.status))
            if resp.status >= 500:
                with self.lock:
                    self.server_errors[re.sub(r"[0-9.]+ ?s\b", "N s", text[:90].decode("utf-8", "replace"))] += 1
            if normal and resp.status == 200:
                with self.lock:
                    self.normal.append(time.monotonic() - began)
        except (OSError, http.client.HTTPException) as e:
            self.fail(type(e).__name__)

    def raw(self, data: bytes, cut: bool) -> None:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
                s.sendall(data)
                if cut:
                    s.shutdown(socket.SHUT_WR)
                first = s.recv(64)
            m = re.match(rb"HTTP/1\.1 (\d{3})", first)
            self.count(m.group(1).decode() if m else ("closed" if not first else "garbage"))
        except OSError as e:
            self.fail(type(e).__name__)

    def count(self, status: str) -> None:
        with self.lock:
            self.sent += 1
            self.statuses[status] += 1

    def fail(self, what: str) -> None:
        with self.lock:
            self.sent += 1
            self.failures[what] += 1

    def one(self) -> None:
        r = self.rng
        kind = r.choices(["query", "page", "raw", "hostile", "unauthorised", "update", "big"],
                         weights=[30, 15, 20, 15, 8, 7, 5])[0]
        if kind == "query":
            q = r.choice(self.queries)
            self.http("POST", "/sparql", q.encode(), {"Content-Type": "application/sparql-query",
                                                      "Accept": "application/sparql-results+json"}, normal=True)
        elif kind == "page":
            self.http("GET", r.choice(["/", "/query", "/doc/person/wang-yi", "/download/", "/healthz",
                                       "/.well-known/void", "/sparql", "/nope"]), headers={"Accept": "text/html"},
                      normal=True)
        elif kind == "raw":
            junk = bytes(r.randrange(256) for _ in range(r.randrange(0, 400)))
            head = r.choice([b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                             b"POST /sparql HTTP/1.1\r\nContent-Length: 5\r\n\r\n",
                             b"GET /sparql?query=" + b"A" * 9000 + b" HTTP/1.1\r\n\r\n", b"",
                             b"POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"])
            data = head + junk
            self.raw(data[: r.randrange(len(data) + 1)] if r.random() < 0.3 else data, cut=True)
        elif kind == "hostile":
            q = r.choice(self.hostile)
            self.http("POST", "/sparql", q.encode(), {"Content-Type": "application/sparql-query"})
        elif kind == "unauthorised":
            self.http("POST", "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update",
                                                       "Authorization": r.choice(["", "Bearer wrong"])})
        elif kind == "update":
            text = r.choice(self.updates + [f"INSERT DATA {{ GRAPH <urn:soak:scratch> {{ <urn:a> <urn:n> "
                                            f"{r.randrange(10**6)} }} }}"])
            self.http("POST", "/sparql", text.encode(), {"Content-Type": "application/sparql-update",
                                                         "Authorization": f"Bearer {TOKEN}"})
        else:
            self.http("POST", "/sparql", b"ASK {} #" + b"x" * 3_000_000, {"Content-Type": "application/sparql-query"})


def slowloris(port: int, stop: threading.Event, opened: list[int]) -> None:
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nASK {")
                opened[0] += 1
                s.settimeout(1)
                while not stop.is_set():
                    try:
                        if not s.recv(4096):
                            break
                    except socket.timeout:
                        continue
        except OSError:
            time.sleep(0.2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--slow", type=int, default=16, help="connections kept open by slow clients")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    at_start = machine()
    print(at_start, flush=True)
    folder = VAR / "soak"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    store = folder / "store"
    kg("build", str(SEED), "--store", str(store))
    listener = Listener()
    port = free_port()
    log = folder / "serve.log"
    env = {**os.environ, "NEWSKG_UPDATE_TOKEN": TOKEN, "NEWSKG_MAX_CONTENT_LENGTH": "1000000"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(KG + ["serve", "--store", str(store), "--port", str(port), "--workers",
                                      str(args.workers), "--timeout", "5"], stdout=out, stderr=subprocess.STDOUT,
                                cwd=ROOT, env=env, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/sparql", proc, 300)
        before = checksum(port)
        soak = Soak(port, listener, args.seed)
        stop, opened = threading.Event(), [0]
        slow = [threading.Thread(target=slowloris, args=(port, stop, opened), daemon=True) for _ in range(args.slow)]
        end = time.monotonic() + args.minutes * 60
        loads: list[float] = []

        def client(k: int) -> None:
            local = Soak(port, listener, args.seed * 1000 + k)
            local.lock, local.statuses, local.failures, local.normal = soak.lock, soak.statuses, soak.failures, \
                soak.normal
            local.server_errors = soak.server_errors
            while time.monotonic() < end:
                local.one()
                with soak.lock:
                    soak.sent += 1
        workers = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(args.clients)]
        for t in slow + workers:
            t.start()
        while time.monotonic() < end:
            time.sleep(min(30, max(0.1, end - time.monotonic())))
            loads.append(os.getloadavg()[0])
            print(f"  {soak.sent} requests so far; load {loads[-1]:.1f}", flush=True)
        stop.set()
        for t in workers:
            t.join(timeout=60)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/sparql", b"DROP SILENT GRAPH <urn:soak:scratch>",
                     {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        dropped = conn.getresponse().status
        after = checksum(port)
        alive = proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    text = log.read_text(errors="replace")
    crashes = {name: text.count(mark) for name, mark in CRASH.items()}
    boots = text.count("Booting worker")
    lat = sorted(soak.normal) or [float("nan")]
    sent = sum(soak.statuses.values()) + sum(soak.failures.values())
    report = [
        f"{at_start}; load average during the soak {min(loads):.1f}–{max(loads):.1f}",
        "",
        f"{args.minutes:g} minutes, {args.clients} clients and {args.slow} slow connections (reopened when closed: "
        f"{opened[0]} in all), `kg serve --workers {args.workers} --timeout 5` with updates on; seed store",
        "",
        f"* requests sent: **{sent:,}** ({sent / (args.minutes * 60):.0f}/s)",
        "* answers: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(soak.statuses.items())),
        "* 5xx answers, by message: " + ("; ".join(f"{v:,} × `{k.strip()}`" for k, v in
                                                  soak.server_errors.most_common(5)) or "none"),
        "* client-side failures: " + (", ".join(f"{k}: {v:,}" for k, v in sorted(soak.failures.items())) or "none"),
        f"* normal queries and pages answered 200: {len(soak.normal):,}; latency p50 "
        f"{statistics.median(lat) * 1000:.0f} ms, p99 {lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000:.0f} ms, "
        f"max {lat[-1] * 1000:.0f} ms",
        "* crashes in the server log: " + ", ".join(f"{k}: {v}" for k, v in crashes.items())
        + f"; workers booted {boots} (of {args.workers} at the start); server up at the end: {alive}",
        f"* connections to the listener off the allow-list: **{listener.hits}**",
        f"* dataset before: `{before[0]}` ({before[1]:,} quads); after (scratch graph dropped, {dropped}): "
        f"`{after[0]}` ({after[1]:,} quads): **{'unchanged' if before == after else 'CHANGED'}**",
    ]
    report += ["", "503s are the hostile queries built to run long (a cross product, a catastrophic regular "
               "expression), stopped at the time limit; the normal queries' tail latency comes from waiting for a "
               "query process while those run, and from the machine's load. *closed*: raw requests cut off or not "
               "HTTP, closed without an answer."]
    out = "\n".join(report)
    print(out)
    if args.write:
        update_benchmarks("soak", "## 6. Soak: a hostile load (`python -m bench.soak`)\n\n" + out)


if __name__ == "__main__":
    main()
