"""The servers compared, each loaded with the same dataset and started on a free loopback port.

* ``kg serve`` (cold: result cache off; cache: on), over an embedded store loaded with ``kg load --bulk``, in its
  default mode (the store on disk, read-only), two gunicorn workers, the row limit raised so that it returns every
  row like the others; kg-memory: ``--in-memory``, result cache off; kg-before: ``kg serve`` of another checkout
  (:data:`BEFORE`, e.g. an earlier commit, for before/after figures), its defaults, result cache off;
* the Oxigraph server (``oxigraph load``, then ``serve-read-only --union-default-graph``, no time limit);
* Virtuoso (``scripts/virtuoso.py``, bulk loader ``ld_dir`` + ``rdf_loader_run``; 100,000 buffers);
* rdflib-endpoint (the union of the graphs as N-Triples, in rdflib's memory store).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.common import BIN, KG, ROOT, VAR, Server, free_port, kg, spawn, wait_for

KG_ENV = {"NEWSKG_MAX_ROWS": "5000000"}
SYSTEMS = ("kg-cold", "kg-cache", "kg-disk", "kg-memory", "oxigraph", "virtuoso", "rdflib-endpoint")
BEFORE: Path | None = None  # a checkout of another version of the project, run as "kg-before"
# kg serve without building the search index at start (only /search uses it; at 10M quads building it takes hours
# on 2 shared cores): for measuring SPARQL serving on stores that have none
NO_SEARCH_INDEX = False
# (the set-up is server.serve; a checkout from before the server's layout has it in kg.serving)
_WITHOUT_INDEX = ("import sys, importlib.util as u; m = __import__('server.serve' if u.find_spec('server.serve') "
                  "else 'kg.serving', fromlist=['run']); m._search_index = lambda *a, **k: None; sys.argv[0] = 'kg'; "
                  "from kg.cli import main; main()")


def kg_store(name: str, nq: Path) -> Path:
    store = VAR / f"kg-{name}"
    if not (store / "CURRENT").exists():
        shutil.rmtree(store, ignore_errors=True)
        kg("load", str(nq), "--bulk", "--store", str(store))
    return store


def start_kg(name: str, nq: Path, *, cache: bool, extra: tuple[str, ...] = (), cwd: Path | None = None) -> Server:
    store = kg_store(name, nq)
    port = free_port()
    kg_cmd = [sys.executable, "-c", _WITHOUT_INDEX] if NO_SEARCH_INDEX else KG
    args = kg_cmd + ["serve", "--store", str(store), "--port", str(port), "--workers", "2", "--timeout", "120", *extra]
    if not cache:
        args += ["--cache-mb", "0"]
    proc = spawn(args, env=KG_ENV, log=f"kg-{name}", cwd=cwd)  # python -m: the code of the directory it runs in
    url = f"http://127.0.0.1:{port}/sparql"
    wait_for(url, proc)
    return Server("kg-cache" if cache else "kg-cold", url, proc.pid, procs=[proc])


def start_oxigraph(name: str, nq: Path) -> Server:
    exe = str(BIN / "oxigraph")
    folder = VAR / f"oxigraph-{name}"
    if not folder.exists():
        subprocess.run([exe, "load", "--location", str(folder), "--file", str(nq)], check=True,
                       capture_output=True)
    port = free_port()
    # no --timeout-s: with it, Oxigraph 0.5.13 starts a thread per query that lives for the whole time limit, and at
    # thousands of requests per second it runs out of threads and stops ("thread spawn error", then a panic)
    proc = spawn([exe, "serve-read-only", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                  "--union-default-graph"], log=f"oxigraph-{name}")
    url = f"http://127.0.0.1:{port}/query"
    wait_for(url, proc)
    return Server("oxigraph", url, proc.pid, procs=[proc])


def start_virtuoso(name: str, nq: Path) -> Server:
    folder = VAR / f"virtuoso-{name}"
    script = [sys.executable, str(ROOT / "scripts" / "virtuoso.py")]
    fresh = not (folder / "db" / "virtuoso.db").exists()
    run = subprocess.run(script + ["start", "--dir", str(folder), "--buffers", "100000", "--max-rows", "5000000",
                                   "--max-seconds", "120"], capture_output=True, text=True, check=True)
    env = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
    if fresh:
        load_dir = Path(env["VIRTUOSO_LOAD_DIR"])
        target = load_dir / nq.name
        if not target.exists():
            os.link(nq, target) if nq.stat().st_dev == load_dir.stat().st_dev else shutil.copy(nq, target)
        sql = ["isql-vt", f"127.0.0.1:{env['VIRTUOSO_SQL_PORT']}", "dba", env["NEWSKG_STORE_PASSWORD"]]
        statements = (f"ld_dir('{load_dir}', '{nq.name}', 'http://localhost:8000/graph/unnamed');",
                      "rdf_loader_run();", "checkpoint;")
        for statement in statements:
            out = subprocess.run(sql + [f"exec={statement}"], capture_output=True, text=True, timeout=7200)
            if out.returncode != 0 or "*** Error" in out.stdout + out.stderr:
                raise SystemExit(f"virtuoso load failed: {(out.stdout + out.stderr)[-500:]}")
    pid = int((folder / "virtuoso.pid").read_text())
    return Server("virtuoso", env["NEWSKG_STORE"], pid, stop_cmd=script + ["stop", "--dir", str(folder)])


def start_rdflib(name: str, nt: Path) -> Server:
    port = free_port()
    proc = spawn([str(BIN / "rdflib-endpoint"), "serve", str(nt), "--host", "127.0.0.1", "--port", str(port)],
                 log=f"rdflib-{name}")
    url = f"http://127.0.0.1:{port}/"  # rdflib-endpoint answers SPARQL at its root
    wait_for(url, proc, seconds=3600)
    return Server("rdflib-endpoint", url, proc.pid, procs=[proc])


def start(system: str, name: str, nq: Path, nt: Path) -> Server:
    if system == "kg-cold":
        return start_kg(name, nq, cache=False)
    if system == "kg-cache":
        return start_kg(name, nq, cache=True)
    if system in ("kg-disk", "kg-memory"):  # result cache off: what the in-memory copy gains
        server = start_kg(name, nq, cache=False, extra=("--on-disk" if system == "kg-disk" else "--in-memory",))
        server.name = system
        return server
    if system == "kg-before":
        if BEFORE is None:
            raise SystemExit("kg-before needs the checkout to run (bench.memory --before DIR)")
        server = start_kg(name, nq, cache=False, cwd=BEFORE)
        server.name = system
        return server
    if system == "oxigraph":
        return start_oxigraph(name, nq)
    if system == "virtuoso":
        return start_virtuoso(name, nq)
    return start_rdflib(name, nt)
