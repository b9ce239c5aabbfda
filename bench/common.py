"""What the benchmarks share: the machine line, the datasets, the servers, the load generator, memory, the report.

Datasets. The base is the seed article and the eight development articles (read from ../shared/articles, never
copied into the project), built with ``kg build``. Bigger datasets replicate its article graphs with fresh IRIs
for everything minted under ``BASE id/`` (``…/article/ID`` → ``…/article/ID-rN``, ``…/person/wang-yi`` →
``…/person/wang-yi-rN``, and the graphs likewise): N disjoint copies of the nine-article world, sharing only the
ontology graph and the dataset record (each copy has its own shared graph, of its own renamed actors).

Everything goes under ``var/bench/`` (ignored by git).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# datasets, stores and results; NEWSKG_BENCH_DIR points elsewhere (e.g. at stores already loaded, reused)
VAR = Path(os.environ["NEWSKG_BENCH_DIR"]) if os.environ.get("NEWSKG_BENCH_DIR") else ROOT / "var" / "bench"
BIN = Path(sys.executable).parent
KG = [sys.executable, "-m", "kg.cli"]
SHARED_ARTICLES = ROOT.parent / "shared" / "articles"
SEED = ROOT / "data" / "articles" / "wang-yi-blinken-call.txt"
BASE = "http://localhost:8000/"
EPOCH = "1643241600"


def machine() -> str:
    """One line: the date, the processor, cores, memory, Python and the load when measuring."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                          if ln.startswith("MemTotal")))
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    load = os.getloadavg()[0]
    return (f"{dt.date.today().isoformat()}, {cpu}, {os.cpu_count()} cores, {mem_kb / 1048576:.0f} GiB RAM, "
            f"{platform.system()} {platform.release().split('-')[0]}, Python {platform.python_version()}; "
            f"load average {load:.1f} at the start")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def kg(*args: str, env: dict | None = None) -> str:
    run = subprocess.run(KG + list(args), capture_output=True, text=True, env={**os.environ, **(env or {})},
                         cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"kg {args[0]} failed: {run.stderr.strip()[-800:]}")
    return run.stdout


def articles() -> list[Path]:
    if not SHARED_ARTICLES.is_dir():
        raise SystemExit("../shared/articles is absent: the benchmarks need the development articles")
    return [SEED] + sorted(SHARED_ARTICLES.glob("*.txt"))


# --- datasets -------------------------------------------------------------------------------------------------------
def base_dataset() -> Path:
    """The N-Quads of the nine articles built with kg build (made once)."""
    out = VAR / "data" / "base.nq"
    if out.exists():
        return out
    store = VAR / "base-store"
    shutil.rmtree(store, ignore_errors=True)
    kg("build", *map(str, articles()), "--store", str(store), "--base-iri", BASE, "-q",
       env={"SOURCE_DATE_EPOCH": EPOCH})
    out.parent.mkdir(parents=True, exist_ok=True)
    kg("dump", "--store", str(store), "--format", "nq", "-o", str(out))
    return out


SIZES = {"seed": 0, "200k": 200_000, "2m": 2_000_000, "10m": 10_000_000}


def dataset(name: str) -> tuple[Path, Path, int]:
    """The N-Quads, the N-Triples of their union and the quad count of a dataset of :data:`SIZES`."""
    if name != "seed":
        return replicated(name, SIZES[name])
    nq, nt = VAR / "data" / "seed.nq", VAR / "data" / "seed.nt"
    if not nq.exists():
        store = VAR / "seed-store"
        shutil.rmtree(store, ignore_errors=True)
        kg("build", str(SEED), "--store", str(store), "--base-iri", BASE, "-q", env={"SOURCE_DATE_EPOCH": EPOCH})
        nq.parent.mkdir(parents=True, exist_ok=True)
        kg("dump", "--store", str(store), "--format", "nq", "-o", str(nq))
        kg("dump", "--store", str(store), "--format", "nt", "-o", str(nt))
    return nq, nt, sum(1 for line in open(nq, encoding="utf-8") if line.strip())


def replicated(name: str, target: int) -> tuple[Path, Path, int]:
    """N-Quads of about ``target`` quads (the base replicated with fresh article IRIs), the N-Triples of their
    union (for servers without named graphs) and the quad count."""
    nq, nt = VAR / "data" / f"{name}.nq", VAR / "data" / f"{name}.nt"
    count_file = VAR / "data" / f"{name}.count"
    if nq.exists() and nt.exists() and count_file.exists():
        return nq, nt, int(count_file.read_text())
    lines = [ln for ln in base_dataset().read_text(encoding="utf-8").splitlines() if ln.strip()]
    ids = sorted({m.group(1) for ln in lines for m in [re.search(r"/graph/article/([^>/]+)>", ln)] if m})
    # each copy gets its own shared graph too (its actors are renamed with it): disjoint worlds, as before the shared
    # graph existed
    per_article = [ln for ln in lines if re.search(r"/graph/(article|provenance|enrichment)/|/graph/shared>", ln)]
    own = set(per_article)
    shared = [ln for ln in lines if ln not in own]
    copies = max(1, round((target - len(shared)) / len(per_article)))
    pattern = re.compile(r"/(article|provenance|enrichment)/(" + "|".join(map(re.escape, ids)) + r")(?=[/>#])")
    minted = re.compile("<" + re.escape(BASE) + r"id/(?!article/)([^>]+)>")
    count = 0
    union: set[str] = set()
    with open(nq, "w", encoding="utf-8") as out:
        for line in shared:
            out.write(line + "\n")
            count += 1
        for n in range(copies):
            for line in per_article:
                fresh = line
                if n:
                    fresh = pattern.sub(lambda m: f"/{m.group(1)}/{m.group(2)}-r{n}", line)
                    fresh = minted.sub(lambda m: f"<{BASE}id/{m.group(1)}-r{n}>", fresh)
                out.write(fresh + "\n")
                count += 1
    with open(nq, encoding="utf-8") as src, open(nt, "w", encoding="utf-8") as out:
        for line in src:
            triple = line.rstrip().rsplit(" ", 2)[0] + " ."  # drop the graph name
            if triple not in union:
                union.add(triple)
                out.write(triple + "\n")
    count_file.write_text(str(count))
    return nq, nt, count


# --- processes and memory -------------------------------------------------------------------------------------------
def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB of a process tree: RSS counts shared pages once per process, PSS shares them out."""
    rss = pss = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss / 1024, pss / 1024


@dataclass
class Server:
    """A SPARQL server under test: its name, query URL and the process whose tree it is."""

    name: str
    url: str
    pid: int
    stop_cmd: list[str] | None = None
    procs: list[subprocess.Popen] = field(default_factory=list)

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return all(p.poll() is None for p in self.procs)

    def stop(self) -> None:
        if self.stop_cmd:
            subprocess.run(self.stop_cmd, capture_output=True, timeout=180)
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(proc.pid, signal.SIGKILL)


def wait_for(url: str, proc: subprocess.Popen | None, seconds: float = 1800) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"the server for {url} exited")
        try:
            urllib.request.urlopen(f"{url}?query={urllib.parse.quote('ASK {}')}", timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer in {seconds:g} s")


def spawn(args: list[str], env: dict | None = None, log: str = "server", cwd: Path | None = None) -> subprocess.Popen:
    """Start a server in a session of its own (in ``cwd``, default the project); its output goes to
    var/bench/logs/LOG.log."""
    logs = VAR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with open(logs / f"{log}.log", "ab") as out:
        return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=out, cwd=cwd or ROOT,
                                env={**os.environ, **(env or {})}, start_new_session=True)


# --- load -----------------------------------------------------------------------------------------------------------
@dataclass
class Measure:
    requests: int
    seconds: float
    latencies: list[float]
    rows: int | None
    errors: int
    timed_out: bool = False

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")


def _one(conn: http.client.HTTPConnection, path: str, body: bytes) -> tuple[int, bytes]:
    conn.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def rows_of(body: bytes) -> int | None:
    try:
        return len(json.loads(body)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return None


def load(url: str, query: str, *, clients: int = 4, seconds: float = 5.0, min_requests: int = 8,
         request_timeout: float = 120.0, warmup: float = 1.0) -> Measure:
    """``clients`` threads sending ``query`` (keep-alive, POST form) for ``seconds`` (or at least ``min_requests``
    in all): completed requests, time and each latency. Before that, one request (the row count; one that takes
    longer than ``request_timeout`` ends the measure as timed out) and, unless it took more than 2 s, ``warmup``
    seconds of the same load, not measured, so that every server is measured in its steady state: its caches filled, and for kg serve the query
    processes that take the load having touched the pages the query reads (see docs/scaling.md)."""
    u = urllib.parse.urlsplit(url)
    body = urllib.parse.urlencode({"query": query}).encode()
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=request_timeout)
    try:
        t0 = time.perf_counter()
        status, first = _one(conn, u.path, body)  # warm-up, and the row count
        first_s = time.perf_counter() - t0
    except TimeoutError:
        return Measure(0, 0.0, [], None, 1, timed_out=True)
    except OSError as e:  # the server is gone or refused: an error, not a timeout
        print(f"   {url}: {type(e).__name__}: {e}", flush=True)
        return Measure(0, 0.0, [], None, 1)
    finally:
        conn.close()
    if status != 200:  # 503: the server stopped the query at its own time limit
        return Measure(0, 0.0, [], None, 1, timed_out=status == 503)
    if warmup > 0 and first_s <= 2.0:  # where one answer takes seconds, warming up is lost in the evaluation
        _hammer(u, body, clients, warmup, 0, request_timeout, first_s)
    latencies, errors, elapsed = _hammer(u, body, clients, seconds, min_requests, request_timeout, first_s)
    return Measure(len(latencies), elapsed, latencies, rows_of(first), errors)


def _hammer(u: urllib.parse.SplitResult, body: bytes, clients: int, seconds: float, min_requests: int,
            request_timeout: float, first_s: float) -> tuple[list[float], int, float]:
    """The load itself: each client's latencies, the failed requests and the time it took."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + max(seconds, 0.0)

    def client() -> None:
        nonlocal errors
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=request_timeout)
        try:
            while True:
                with lock:
                    if time.perf_counter() >= stop_at and len(latencies) + errors >= min_requests:
                        return
                t = time.perf_counter()
                try:
                    st, _ = _one(c, u.path, body)
                    ok = st == 200
                except (TimeoutError, OSError):
                    ok = False
                    c.close()
                    c = http.client.HTTPConnection(u.hostname, u.port, timeout=request_timeout)
                with lock:
                    if ok:
                        latencies.append(time.perf_counter() - t)
                    else:
                        errors += 1
                if first_s > request_timeout / 4:  # a very slow server: a few requests are enough
                    return
        finally:
            c.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors, time.perf_counter() - start


# --- the report -----------------------------------------------------------------------------------------------------
def pyplot():  # noqa: ANN201
    """matplotlib's pyplot, drawing to files only (no screen here)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_figure(fig, path: Path) -> None:  # noqa: ANN001
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def update_benchmarks(section: str, text: str) -> None:
    """Replace the section between ``<!-- bench:NAME -->`` and ``<!-- /bench:NAME -->`` in BENCHMARKS.md."""
    path = ROOT / "BENCHMARKS.md"
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- bench:{section} -->", f"<!-- /bench:{section} -->"
    block = f"{start}\n{text.strip()}\n{end}"
    if start in doc and end in doc:
        doc = doc[: doc.index(start)] + block + doc[doc.index(end) + len(end):]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    path.write_text(doc, encoding="utf-8")
