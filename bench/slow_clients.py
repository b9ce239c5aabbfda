"""Normal query latency while slow clients hold connections to `kg serve`.

A slow client here opens a connection, sends the headers of a POST with ``Content-Length: 100`` and 5 bytes of its
body, and then sends nothing; when the server closes the connection it opens a new one (so the pressure stays the
same for the whole window). Meanwhile one normal client sends a small SELECT, one after the other, for a window of
``--seconds``; each waits at most ``--seconds`` for its answer. Reported per number of slow clients: normal queries
answered, their median, 99th percentile and worst latency, and how many did not come back within the window.

    python -m bench.slow_clients                      # the code of this checkout
    python -m bench.slow_clients --code /some/other/checkout --label before

``--code`` runs ``kg serve`` from another source tree (for a before/after comparison; the store is built by this
checkout). ``--write`` puts the table into BENCHMARKS.md (section ``slow-clients``, one row group per label).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.common import KG, ROOT, SEED, VAR, free_port, kg, machine, table, update_benchmarks, wait_for

QUERY = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 5"


def slow_client(port: int, stop: threading.Event, held: list[int]) -> None:
    head = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
            "Content-Length: 100\r\n\r\nASK {").encode()
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
                s.sendall(head)
                held[0] += 1
                s.settimeout(0.5)
                while not stop.is_set():
                    try:
                        if not s.recv(4096):
                            break  # the server closed it: open another
                    except socket.timeout:
                        continue
                    except OSError:
                        break
        except OSError:
            time.sleep(0.1)


def measure(url: str, port: int, slow: int, seconds: float) -> dict[str, float]:
    stop, held = threading.Event(), [0]
    threads = [threading.Thread(target=slow_client, args=(port, stop, held), daemon=True) for _ in range(slow)]
    for t in threads:
        t.start()
    time.sleep(1.0 if slow else 0.0)  # let them connect and send their part
    latencies, missed = [], 0
    end = time.monotonic() + seconds
    target = f"{url}?query={urllib.parse.quote(QUERY)}"
    while time.monotonic() < end:
        began = time.monotonic()
        try:
            urllib.request.urlopen(urllib.request.Request(
                target, headers={"Accept": "application/sparql-results+json"}), timeout=seconds).read()
            latencies.append(time.monotonic() - began)
        except OSError:
            missed += 1
    stop.set()
    for t in threads:
        t.join(timeout=5)
    lat = sorted(latencies) or [float("nan")]
    return {"slow": slow, "answered": len(latencies), "missed": missed, "p50": statistics.median(lat) * 1000,
            "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, "max": lat[-1] * 1000,
            "connections": held[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", type=Path, default=ROOT, help="the source tree kg serve runs from")
    ap.add_argument("--label", default="this checkout")
    ap.add_argument("--clients", default="0,8,64", help="numbers of slow clients, comma-separated")
    ap.add_argument("--seconds", type=float, default=20.0, help="the window per number of slow clients")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="put the table into BENCHMARKS.md")
    args = ap.parse_args()
    at_start = machine()
    print(at_start, flush=True)
    store = VAR / "slow" / "store"
    if not (store / "CURRENT").exists():
        kg("build", str(SEED), "--store", str(store))
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    code = args.code.resolve()
    env = {"PYTHONPATH": str(code) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    logs = VAR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with open(logs / f"slow-clients-{args.label.replace(' ', '-')}.log", "ab") as out:
        # run from the code's own folder: `python -m` puts the working directory first on the path
        proc = subprocess.Popen(KG + ["serve", "--store", str(store.resolve()), "--port", str(port), "--workers",
                                      str(args.workers)], stdout=subprocess.DEVNULL, stderr=out, cwd=code,
                                env={**os.environ, **env}, start_new_session=True)
    rows = []
    try:
        wait_for(url, proc, 300)
        for n in (int(x) for x in args.clients.split(",")):
            r = measure(url, port, n, args.seconds)
            print(f"{n:3d} slow clients: {r['answered']} answered, {r['missed']} missed, p50 {r['p50']:.0f} ms, "
                  f"p99 {r['p99']:.0f} ms, max {r['max']:.0f} ms ({r['connections']} slow connections opened); "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
            ms = [f"{r[k]:.0f}" if r["answered"] else "–" for k in ("p50", "p99", "max")]
            rows.append([args.label, str(n), str(r["answered"]), str(r["missed"]), *ms, str(r["connections"])])
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
    text = table(["code", "slow clients", "answered", "missed", "p50 ms", "p99 ms", "max ms", "slow connections"],
                 rows)
    print(text)
    if args.write:
        section = VAR / "slow" / f"{args.label.replace(' ', '-').replace('(', '').replace(')', '')}.md"
        section.write_text(f"{at_start}\n\n{text}\n", encoding="utf-8")
        write_section()


def write_section() -> None:
    """The BENCHMARKS.md section from every label measured so far (var/bench/slow/*.md)."""
    parts = sorted((VAR / "slow").glob("*.md"), key=lambda p: (not p.name.startswith("before"), p.name))
    intro = ("## 5. Slow clients (`python -m bench.slow_clients`)\n\n"
             "One normal client sends a small SELECT after another for 20 s while N slow clients hold connections "
             "(each sends the headers of a POST with `Content-Length: 100` and 5 bytes of its body, then nothing), "
             "`kg serve --workers 2` (4 request threads each) over the seed store. *answered*: normal queries "
             "answered in the window; *missed*: queries that got no answer within it.")
    update_benchmarks("slow-clients", intro + "\n\n" + "\n\n".join(p.read_text(encoding="utf-8") for p in parts))


if __name__ == "__main__":
    main()
