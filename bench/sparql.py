"""Benchmark 1: SPARQL throughput and median latency — kg serve against the Oxigraph server, Virtuoso and
rdflib-endpoint, on the same data with the same queries, 4 concurrent clients, at three dataset sizes.

    .venv/bin/python -m bench.sparql [--sizes seed,200k,2m] [--seconds 3] [--rounds 2]

For each size every server is started and loaded, then each query is run against each server in turn, ``rounds``
times in alternating order (so that a change of the machine's load falls on all of them), ``seconds`` each time.
kg serve is measured twice: cold (its result cache off: every request is evaluated) and with its cache on (repeats
are answered from the cache, as in read-only serving). Prints a table per size, writes the results to
``var/bench/sparql.json``, the plot to ``bench/plots/sparql.png`` and the tables to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import math

from bench.common import (ROOT, VAR, Measure, dataset, load, machine, memory, pyplot, save_figure, table,
                          update_benchmarks)
from bench.servers import SYSTEMS, start

PREFIXES = """PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
QUERIES = {
    "lookup": "SELECT ?p ?o WHERE { <http://localhost:8000/id/article/wang-yi-blinken-call/statement/3> ?p ?o }",
    "join+regex": PREFIXES + """SELECT ?statement ?name ?quote WHERE {
  ?statement nkg:speaker ?speaker ; nkg:content ?quote . ?speaker rdfs:label ?name .
  FILTER(REGEX(?quote, "taiwan|olympic|security", "i")) }""",
    "group-by": "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type",
}
# three competency questions of queries/, as they are: what a speaker said about an actor, who said what to whom in
# a phone call, a person's events and roles. (The listing queries such as statements.rq return every statement of
# the graph — 18,000 rows at 2m — and measure writing rows rather than answering a question.)
COMPETENCY = ("cq01-said-about.rq", "cq02-call-exchange.rq", "cq08-person-events.rq")
QUERIES.update({name: (ROOT / "queries" / name).read_text(encoding="utf-8") for name in COMPETENCY})


def measure_size(name: str, systems: list[str], seconds: float, rounds: int, timeout: float,
                 queries: dict[str, str] = QUERIES, warmup: float = 1.0) -> dict:
    nq, nt, quads = dataset(name)
    print(f"== {name}: {quads:,} quads", flush=True)
    servers = {}
    restarts: dict[str, int] = {}
    stopped: set[str] = set()  # stopped after a time-out, started again before their next turn
    try:
        for system in systems:
            servers[system] = start(system, name, nq, nt)
            print(f"   {system} ready", flush=True)
        results: dict[str, dict[str, dict]] = {q: {} for q in queries}
        for qname, text in queries.items():
            acc: dict[str, Measure] = {}
            for r in range(rounds):
                order = systems if r % 2 == 0 else list(reversed(systems))
                for system in order:
                    if system in acc and acc[system].timed_out:
                        continue
                    if system in stopped:
                        servers[system] = start(system, name, nq, nt)
                        stopped.discard(system)
                    elif not servers[system].alive():  # gone (killed from outside): start it again, and say so
                        servers[system].stop()
                        servers[system] = start(system, name, nq, nt)
                        restarts[system] = restarts.get(system, 0) + 1
                        print(f"   {system} restarted", flush=True)
                    m = load(servers[system].url, text, seconds=seconds, min_requests=4, request_timeout=timeout,
                             warmup=warmup)
                    if m.timed_out:  # its abandoned query may still be running: stop it now, so that it takes
                        servers[system].stop()  # no CPU from the servers measured next; start it when next needed
                        stopped.add(system)
                        print(f"   {system} timed out on {qname}: stopped", flush=True)
                    prev = acc.get(system)
                    acc[system] = m if prev is None else Measure(
                        prev.requests + m.requests, prev.seconds + m.seconds, prev.latencies + m.latencies,
                        prev.rows if prev.rows is not None else m.rows, prev.errors + m.errors, m.timed_out)
            for system, m in acc.items():
                results[qname][system] = {"rps": m.throughput, "p50_ms": m.p50_ms, "rows": m.rows,
                                          "requests": m.requests, "errors": m.errors, "timed_out": m.timed_out}
            print("   " + qname + ": " + ", ".join(f"{s} {results[qname][s]['rps']:.1f}/s" for s in systems),
                  flush=True)
        # what each server holds once it has answered every query (the whole process tree; see bench.memory)
        mem = {}
        for system, server in servers.items():
            if system in stopped:
                continue
            rss, pss = memory(server.pid)
            mem[system] = {"rss_mb": rss, "pss_mb": pss}
        print("   memory: " + ", ".join(f"{s} {m['pss_mb']:.0f} MB" for s, m in mem.items()), flush=True)
        return {"quads": quads, "queries": results, "restarts": restarts, "memory": mem}
    finally:
        for server in servers.values():
            server.stop()


def _rate(r: dict | None) -> str:
    if r is None:
        return "–"
    if r["timed_out"] or r["requests"] == 0:
        return "timed out" if r["timed_out"] else "error"
    return f"{r['rps']:.1f} / {r['p50_ms']:.1f}"


def _ratio(a: dict | None, b: dict | None) -> str:
    if not a or not b or a["timed_out"] or not a["rps"]:
        return "–"
    if b["timed_out"] or not b["rps"]:
        return "∞ (other timed out)"
    return f"{a['rps'] / b['rps']:.2f}×"


def report(data: dict, systems: list[str]) -> str:
    parts = [f"Measured {data['machine']}.", "",
             "Cells: requests per second / median latency in ms, 4 concurrent clients, each query repeated "
             "(POST, JSON results). kg-cold: result cache off (its default mode: on disk since the runs of 2026-12-07, "
             "in memory up to 3M quads before); kg-cache: result cache on; kg-disk: on disk (`--on-disk`), kg-memory: "
             "in memory (`--in-memory`), both result cache off.", ""]
    for size, res in data["sizes"].items():
        parts.append(f"### {size}: {res['quads']:,} quads\n")
        for again in res.get("remeasured", []):
            parts.append(f"({', '.join(again.get('queries', ['every query']))} measured again on "
                         f"{', '.join(again['systems'])}, together, on {again['machine']}.)\n")
        if res.get("restarts"):
            parts.append("Servers that stopped during the run (killed from outside) and were started again: "
                         + ", ".join(f"{k} ×{v}" for k, v in res["restarts"].items()) + ".\n")
        head = ["query", "rows"] + systems + ["cold ÷ Oxigraph", "cache ÷ Oxigraph", "cold ÷ Virtuoso",
                                              "cold ÷ rdflib-endpoint", "memory ÷ disk"]
        rows = []
        for q, per in res["queries"].items():
            counts = {v["rows"] for v in per.values() if v.get("rows") is not None}
            rows.append([q, "/".join(str(c) for c in sorted(counts)) or "?"] + [_rate(per.get(s)) for s in systems]
                        + [_ratio(per.get("kg-cold"), per.get("oxigraph")), _ratio(per.get("kg-cache"),
                                                                                    per.get("oxigraph")),
                           _ratio(per.get("kg-cold"), per.get("virtuoso")),
                           _ratio(per.get("kg-cold"), per.get("rdflib-endpoint")),
                           _ratio(per.get("kg-memory") or per.get("kg-cold"), per.get("kg-disk"))])
        parts += [table(head, rows), ""]
        if any(q in res["queries"] for q in COMPETENCY):  # --queries may have left them out
            p50 = [res["queries"].get(q, {}).get("kg-cold", {}).get("p50_ms", math.nan) for q in COMPETENCY]
            p50c = [res["queries"].get(q, {}).get("kg-cache", {}).get("p50_ms", math.nan) for q in COMPETENCY]
            parts.append(f"Competency queries, kg serve p50: cold {', '.join(f'{x:.1f}' for x in p50)} ms; "
                         f"with the cache {', '.join(f'{x:.1f}' for x in p50c)} ms.\n")
        if res.get("memory"):
            parts.append("Memory of each server's process tree at the end of the run (PSS / RSS, MB): "
                         + "; ".join(f"{s} {m['pss_mb']:.0f} / {m['rss_mb']:.0f}" for s, m in res["memory"].items()
                                     if s in systems) + ".\n")
    return "\n".join(parts)


def plot(data: dict, systems: list[str], path) -> None:  # noqa: ANN001
    plt = pyplot()

    sizes = list(data["sizes"])
    fig, axes = plt.subplots(1, len(sizes), figsize=(6 * len(sizes), 4.8), squeeze=False)
    width = 0.8 / len(systems)
    for ax, size in zip(axes[0], sizes, strict=True):
        qs = list(data["sizes"][size]["queries"])
        for i, system in enumerate(systems):
            vals = [data["sizes"][size]["queries"][q].get(system, {}).get("rps") or 0.0 for q in qs]
            ax.bar([x + i * width for x in range(len(qs))], [max(v, 1e-2) for v in vals], width, label=system)
        ax.set_yscale("log")
        ax.set_xticks([x + width * (len(systems) - 1) / 2 for x in range(len(qs))], qs, rotation=30, ha="right")
        ax.set_title(f"{size} ({data['sizes'][size]['quads']:,} quads)")
        ax.set_ylabel("requests/s (4 clients, log scale)")
    axes[0][0].legend(fontsize=8)
    save_figure(fig, path)


def main() -> None:
    ap = argparse.ArgumentParser(description="SPARQL throughput: kg serve vs Oxigraph, Virtuoso, rdflib-endpoint")
    ap.add_argument("--sizes", default="seed,200k,2m")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--seconds", type=float, default=3.0, help="measuring time per turn (query and server)")
    ap.add_argument("--warmup", type=float, default=1.0,
                    help="seconds of the same load before each measured turn, not counted")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds per query")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a first request may take")
    ap.add_argument("--queries", default=",".join(QUERIES), help="which queries (names as in the tables)")
    ap.add_argument("--merge", action="store_true",
                    help="replace only these systems at these sizes in the last results (var/bench/sparql.json)")
    a = ap.parse_args()
    systems = a.systems.split(",")
    saved = VAR / "sparql.json"
    data = json.loads(saved.read_text()) if a.merge and saved.exists() else {"machine": machine(), "sizes": {}}
    for size in a.sizes.split(","):
        chosen = {q: QUERIES[q] for q in a.queries.split(",")}
        fresh = measure_size(size, systems, a.seconds, a.rounds, a.timeout, chosen, a.warmup)
        old = data["sizes"].get(size)
        if a.merge and old:
            for q, per in fresh["queries"].items():
                old["queries"].setdefault(q, {}).update(per)
            old.setdefault("remeasured", []).append({"systems": systems, "queries": list(chosen),
                                                     "machine": machine()})
            old["memory"] = {**old.get("memory", {}), **fresh["memory"]}
            old["restarts"] = {**old.get("restarts", {}), **fresh["restarts"]}
        else:
            data["sizes"][size] = fresh
    VAR.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(data, indent=1), encoding="utf-8")
    systems = [s for s in SYSTEMS if any(s in per for z in data["sizes"].values() for per in z["queries"].values())]
    text = report(data, systems)
    print(text)
    plot(data, systems, ROOT / "bench" / "plots" / "sparql.png")
    update_benchmarks("sparql", "## 1. SPARQL throughput and latency\n\n`python -m bench.sparql`\n\n" + text
                      + "\n![SPARQL throughput](bench/plots/sparql.png)\n")


if __name__ == "__main__":
    main()
