"""Benchmark 3: memory — what each server holds at each dataset size, after it has answered every benchmark query.

    .venv/bin/python -m bench.memory [--sizes seed,200k,2m]

For each server the whole process tree is measured (kg serve: the gunicorn master, its two workers, their fork
servers and query processes; Virtuoso: its one process; …): RSS, which counts a page shared by several processes
once in each, and PSS, which shares it out among them (the honest total for a tree of forked processes that share
pages copy-on-write, as kg serve's query processes share the in-memory copy of the store).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.common import VAR, dataset, load, machine, memory, pyplot, save_figure, table, update_benchmarks
from bench.servers import start
from bench.sparql import QUERIES

SYSTEMS = ("kg-cache", "kg-disk", "oxigraph", "virtuoso", "rdflib-endpoint")
LABELS = {"kg-cache": "kg serve (default: in memory)", "kg-disk": "kg serve --on-disk"}


def measure(size: str, systems: list[str], skip: set[str]) -> dict:
    nq, nt, quads = dataset(size)
    out: dict = {"quads": quads, "systems": {}}
    for system in systems:
        if f"{system}@{size}" in skip:
            continue
        server = start(system, size, nq, nt)
        try:
            for text in QUERIES.values():
                load(server.url, text, clients=1, seconds=0, min_requests=1, request_timeout=60)
            rss, pss = memory(server.pid)
            out["systems"][system] = {"rss_mb": rss, "pss_mb": pss}
            print(f"{size} {system}: RSS {rss:.0f} MB, PSS {pss:.0f} MB", flush=True)
        finally:
            server.stop()
    return out


def report(data: dict, systems: list[str]) -> str:
    rows = []
    for size, res in data["sizes"].items():
        for s in systems:
            m = res["systems"].get(s)
            if m:
                rows.append([f"{size} ({res['quads']:,} quads)", LABELS.get(s, s), f"{m['rss_mb']:.0f}",
                             f"{m['pss_mb']:.0f}"])
    skipped = f" Not measured: {', '.join(data['skipped'])}." if data.get("skipped") else ""
    return "\n".join([f"Measured {data['machine']}.", "",
                      "Whole process trees after one run of every benchmark query (kg serve: 2 workers, 4 query "
                      f"processes each).{skipped}", "", table(["dataset", "server", "RSS MB", "PSS MB"], rows), ""])


def plot(data: dict, systems: list[str], path: Path) -> None:
    plt = pyplot()

    sizes = list(data["sizes"])
    fig, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.8 / len(systems)
    for i, s in enumerate(systems):
        vals = [data["sizes"][z]["systems"].get(s, {}).get("pss_mb", 0) for z in sizes]
        ax.bar([x + i * width for x in range(len(sizes))], vals, width, label=LABELS.get(s, s))
    ax.set_xticks([x + width * (len(systems) - 1) / 2 for x in range(len(sizes))],
                  [f"{z}\n{data['sizes'][z]['quads']:,} quads" for z in sizes])
    ax.set_ylabel("PSS, MB (whole process tree)")
    ax.legend(fontsize=8)
    save_figure(fig, path)


def main() -> None:
    ap = argparse.ArgumentParser(description="server memory at each dataset size")
    ap.add_argument("--sizes", default="seed,200k,2m")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--skip", action="append", default=[], metavar="SYSTEM@SIZE",
                    help="leave one server out at one size (e.g. rdflib-endpoint@2m: minutes to load)")
    a = ap.parse_args()
    systems = a.systems.split(",")
    data = {"machine": machine(), "skipped": a.skip,
            "sizes": {z: measure(z, systems, set(a.skip)) for z in a.sizes.split(",")}}
    (VAR / "memory.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    text = report(data, systems)
    print(text)
    plot(data, systems, Path(__file__).parent / "plots" / "memory.png")
    update_benchmarks("memory", "## 3. Memory\n\n`python -m bench.memory`\n\n" + text
                      + "\n![Memory](bench/plots/memory.png)\n")


if __name__ == "__main__":
    main()
