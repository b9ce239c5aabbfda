"""Benchmark: how long a running ``kg serve`` takes to serve a committed build (no restart).

Over the nine development articles (or the seed alone with ``--seed``), a server runs in each memory mode; then, in
turns, one article is removed (``kg remove``) and built again (``kg build``). From the moment the command returns
(its transaction committed and its snapshot published), the benchmark asks the server, over fresh connections so
that both workers answer, until every answer shows the change. Reported: the median and the worst of those delays,
beside what the command itself took.

    python -m bench.pickup [--turns 5] [--seed]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from bench.common import BASE, KG, ROOT, SEED, VAR, articles, free_port, machine, spawn, table, update_benchmarks, \
    wait_for

QUERY = "SELECT ?a WHERE { ?a a <https://w3id.org/newskg/ns#Article> }"


def served(url: str) -> set[str]:
    with urllib.request.urlopen(f"{url}?query={urllib.parse.quote(QUERY)}", timeout=30) as r:
        return {b["a"]["value"].rsplit("/", 1)[1] for b in json.load(r)["results"]["bindings"]}


def timed(args: list[str]) -> float:
    t0 = time.monotonic()
    run = subprocess.run(KG + args, capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(run.stderr)
    return time.monotonic() - t0


def wait_served(url: str, want: bool, article: str) -> float:
    """Seconds until four answers in a row agree that ``article`` is (or is not) served."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120:
        if all((article in served(url)) == want for _ in range(4)):
            return time.monotonic() - t0
    raise SystemExit(f"the server did not pick up the change to {article} in 120 s")


def run_mode(store: str, mode: str, turns: int, article: str, path: str) -> list[list[str]]:
    port = free_port()
    proc = spawn(KG + ["serve", "--store", store, "--port", str(port), "--workers", "2", mode], log=f"pickup{mode}")
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        wait_for(url, proc, 300)
        served(url)
        remove, build, pick_rm, pick_build = [], [], [], []
        for _ in range(turns):
            remove.append(timed(["remove", article, "--store", store]))
            pick_rm.append(wait_served(url, False, article))
            build.append(timed(["build", path, "--store", store, "-q"]))
            pick_build.append(wait_served(url, True, article))
    finally:
        import os
        import signal

        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)

    def ms(xs: list[float]) -> str:
        return f"{statistics.median(xs) * 1000:.0f} ms (worst {max(xs) * 1000:.0f})"

    return [[mode.lstrip("-"), "kg remove", ms(remove), ms(pick_rm)],
            [mode.lstrip("-"), "kg build", ms(build), ms(pick_build)]]


def main() -> None:
    ap = argparse.ArgumentParser(description="how long kg serve takes to serve a committed build")
    ap.add_argument("--turns", type=int, default=5)
    ap.add_argument("--seed", action="store_true", help="the seed article alone (no development articles)")
    args = ap.parse_args()
    sources = [SEED] if args.seed else articles()
    store = VAR / "pickup-store"
    shutil.rmtree(store, ignore_errors=True)
    subprocess.run(KG + ["build", *map(str, sources), "--store", str(store), "--base-iri", BASE, "-q"], check=True,
                   cwd=ROOT, capture_output=True)
    target = sources[-1]
    article = target.stem.lower().replace("_", "-")
    rows = []
    for mode in ("--on-disk", "--in-memory"):
        rows += run_mode(str(store), mode, args.turns, article, str(target))
    text = (f"{machine()}\n\n{len(sources)} articles; {args.turns} turns of `kg remove` then `kg build` of "
            f"`{target.name}` while `kg serve` (two workers) runs. *Command*: the command's own time; *served "
            "after*: from its return until four answers in a row show the change.\n\n"
            + table(["mode", "change", "the command took", "served after"], rows))
    print(text)
    update_benchmarks("pickup", "### A running server picks up a build\n\n" + text)


if __name__ == "__main__":
    sys.exit(main())
