"""Page timings of the reading room: every page kind on the nine-article store, p50 and p95 over sequential requests.

The store: the seed article and the eight development articles of ../shared/articles, each with its date from
their index.tsv (a copy with metadata sidecars under var/bench/, never in the repository). Two servers answer:
``kg serve`` as it runs by default (the result cache on: a page's queries come from memory once asked), and with
``--cache-mb 0`` (every query of every page goes to a query process). Each page is asked once to warm up (that
first answer is reported too), then ``--requests`` times in a row; the time is the whole HTTP exchange.

    python -m bench.pages [--requests 40]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import time
import urllib.request
from pathlib import Path

from bench.common import BASE, EPOCH, KG, SEED, SHARED_ARTICLES, VAR, free_port, kg, machine, spawn, table, \
    update_benchmarks, wait_for

ARTICLE = "/doc/article/wang-yi-blinken-call"
PAGES = {
    "landing": "/", "article (reading room)": ARTICLE, "statement": f"{ARTICLE}/statement/4",
    "actor": "/doc/person/wang-yi", "actors index": "/actors", "statements index": "/statements?speaker=person/wang-yi",
    "events index": "/events?sort=date", "articles index": "/articles", "search": "/search?q=China",
    "search.json": "/search.json?q=concerns", "graph of an article": "/network/article/wang-yi-blinken-call",
    "graph of an actor": "/network/person/wang-yi", "timeline": "/timeline",
    "timeline of an article": "/timeline/article/wang-yi-blinken-call", "vocabulary": "/ns",
    "term": "/ns/Statement", "query page": "/query",
}


def articles() -> Path:
    """The nine articles with their dates: a folder of copies with .meta.toml sidecars (made once)."""
    folder = VAR / "pages-articles"
    index = SHARED_ARTICLES / "index.tsv"
    if not index.exists():
        raise SystemExit("../shared/articles is absent: the benchmark needs the development articles")
    folder.mkdir(parents=True, exist_ok=True)
    for p in (SEED, SEED.with_suffix(".meta.toml")):
        shutil.copy(p, folder / p.name)
    with open(index, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            shutil.copy(SHARED_ARTICLES / row["file"], folder / row["file"])
            (folder / row["file"]).with_suffix(".meta.toml").write_text(
                f'date = {row["published"]}\nsource_url = "{row["url"]}"\n', encoding="utf-8")
    return folder


def store() -> Path:
    path = VAR / "pages-store"
    if not (path / "CURRENT").exists():
        shutil.rmtree(path, ignore_errors=True)
        kg("build", str(articles()), "--store", str(path), "--base-iri", BASE, "-q",
           env={"SOURCE_DATE_EPOCH": EPOCH})
    return path


def serve(path: Path, *extra: str) -> tuple[str, object]:
    port = free_port()
    proc = spawn(KG + ["serve", "--store", str(path), "--port", str(port), "--workers", "2", *extra],
                 log="pages")
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/sparql", proc)
    return url, proc


def fetch(url: str) -> float:
    req = urllib.request.Request(url, headers={"Accept": "text/html,application/json;q=0.9"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        if r.status != 200:
            raise SystemExit(f"{url}: HTTP {r.status}")
    return time.perf_counter() - t0


def measure(url: str, n: int) -> dict[str, tuple[float, float, float]]:
    """Page kind → (first answer, p50, p95) in milliseconds."""
    out = {}
    for kind, path in PAGES.items():
        first = fetch(url + path)
        times = sorted(fetch(url + path) for _ in range(n))
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        out[kind] = (first * 1000, statistics.median(times) * 1000, p95 * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=40, help="requests per page after the first (default 40)")
    args = ap.parse_args()
    path = store()
    started = machine()
    results = {}
    for name, extra in (("result cache on (default)", ()), ("result cache off", ("--cache-mb", "0"))):
        url, proc = serve(path, *extra)
        try:
            results[name] = measure(url, args.requests)
        finally:
            os.killpg(proc.pid, 15)  # type: ignore[attr-defined]
            proc.wait(timeout=30)  # type: ignore[attr-defined]
    load = os.getloadavg()
    head = ["page", "first (ms)", "p50 (ms)", "p95 (ms)", "p50 no cache (ms)", "p95 no cache (ms)"]
    rows = []
    for kind in PAGES:
        on, off = results["result cache on (default)"][kind], results["result cache off"][kind]
        rows.append([kind, f"{on[0]:.0f}", f"{on[1]:.1f}", f"{on[2]:.1f}", f"{off[1]:.1f}", f"{off[2]:.1f}"])
    text = (f"Pages of the reading room on the nine-article store (`python -m bench.pages`, {args.requests} "
            f"sequential requests per page after a first one; `kg serve --workers 2`). {started}; load average "
            f"{load[0]:.1f} at the end. \"First\" is the first request after the server started (its query processes "
            f"warm, no answer cached yet); \"no cache\" is `--cache-mb 0`, every page query going to a query process "
            f"(the vocabulary page keeps its parsed terms per dataset version either way).\n\n" + table(head, rows))
    print(text)
    update_benchmarks("pages", text)


if __name__ == "__main__":
    main()
