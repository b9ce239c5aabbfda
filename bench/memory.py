"""Benchmark 3: memory — what each server holds at each dataset size once 4 clients have sent it every benchmark
query, by kind of process, with kg serve's join, group-by and lookup throughput against the Oxigraph server measured
in the same run.

    .venv/bin/python -m bench.memory [--sizes 200k,2m] [--systems kg-disk,oxigraph,virtuoso] [--before DIR]

The servers are started side by side on the same data. Each query is sent by 4 concurrent clients to each server
in turn (alternating order over ``--rounds`` rounds), so that every thread and process of a server is used; then
the whole process tree of each server is measured: PSS (proportional set size: a page shared by several processes
is shared out among them, the honest total for a tree of forked processes) and RSS, by kind of process (kg serve:
the gunicorn master, the web workers, their fork servers, query processes and resource trackers). Neither counts
the store's files in the page cache, which the kernel shares among all readers (docs/scaling.md).

Throughput is compared as kg ÷ Oxigraph in the same run, together with the CPU time each server's whole tree used
per request (utime + stime), which the machine's load changes much less than the request rate.

``--before DIR`` adds "kg-before": ``kg serve`` (its defaults, result cache off) of another checkout of the project,
for before/after figures in one run. ``NEWSKG_BENCH_DIR`` points the datasets and stores at a folder already
loaded.
"""

from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path

from bench import servers as server_kinds
from bench.common import VAR, dataset, load, machine, pyplot, save_figure, table, tree, update_benchmarks
from bench.servers import start
from bench.sparql import QUERIES

SYSTEMS = ("kg-disk", "oxigraph", "virtuoso")
LABELS = {"kg-disk": "kg serve (default: on disk)", "kg-memory": "kg serve --in-memory", "kg-before": "kg serve before",
          "kg-cold": "kg serve", "kg-cache": "kg serve (cache on)"}
COMPARED = ("join+regex", "group-by", "lookup")  # the throughput compared with Oxigraph's
TICK = os.sysconf("SC_CLK_TCK")


def kind(pid: int, root: int) -> str:
    """What a process of a server's tree is: for kg serve, its part in the process model."""
    cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    if pid == root:
        return "master" if b"kg.cli" in cmd else "server"
    if b"resource_tracker" in cmd:
        return "resource tracker"
    if b"forkserver" in cmd:
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        return "fork server" if b"kg.cli" in Path(f"/proc/{parent}/cmdline").read_bytes() else "query process"
    return "web worker" if b"kg.cli" in cmd else "server"


def breakdown(root: int) -> dict[str, dict[str, float]]:
    """PSS and RSS in MB, and how many processes, per kind of process of the tree under ``root``."""
    out: dict[str, dict[str, float]] = defaultdict(lambda: {"n": 0, "pss_mb": 0.0, "rss_mb": 0.0})
    for pid in tree(root):
        try:
            what = kind(pid, root)
            fields = dict(line.split()[:2] for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except (OSError, ValueError):
            continue
        out[what]["n"] += 1
        out[what]["pss_mb"] += int(fields["Pss:"]) / 1024
        out[what]["rss_mb"] += int(fields["Rss:"]) / 1024
    return dict(out)


def cpu_seconds(root: int) -> float:
    """CPU time used so far by every live process of the tree (and what their reaped children used)."""
    total = 0
    for pid in tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / TICK


def measure(size: str, systems: list[str], seconds: float, rounds: int, timeout: float) -> dict:
    nq, nt, quads = dataset(size)
    print(f"== {size}: {quads:,} quads, load {os.getloadavg()[0]:.1f}", flush=True)
    running = {}
    out: dict = {"quads": quads, "load": [os.getloadavg()[0]], "queries": {}, "systems": {}}
    try:
        for system in systems:
            running[system] = start(system, size, nq, nt)
            print(f"   {system} ready", flush=True)
        for qname, text in QUERIES.items():
            per: dict[str, dict] = {s: {"requests": 0, "seconds": 0.0, "cpu": 0.0, "errors": 0} for s in systems}
            for r in range(rounds if qname in COMPARED else 1):
                for system in systems if r % 2 == 0 else list(reversed(systems)):
                    server = running[system]
                    before = cpu_seconds(server.pid)
                    m = load(server.url, text, clients=4, seconds=seconds if qname in COMPARED else 0,
                             min_requests=4 if qname in COMPARED else 8, request_timeout=timeout, warmup=0.5)
                    acc = per[system]
                    acc["cpu"] += cpu_seconds(server.pid) - before
                    acc["requests"] += m.requests
                    acc["seconds"] += m.seconds
                    acc["errors"] += m.errors
                    acc["timed_out"] = acc.get("timed_out") or m.timed_out
            if qname in COMPARED:
                out["queries"][qname] = {s: {"rps": a["requests"] / a["seconds"] if a["seconds"] else 0.0,
                                             # warm-up requests used CPU too: per measured request, an upper bound
                                             "cpu_ms": 1000 * a["cpu"] / a["requests"] if a["requests"] else None,
                                             "errors": a["errors"], "timed_out": bool(a.get("timed_out"))}
                                         for s, a in per.items()}
                print(f"   {qname}: " + ", ".join(f"{s} {v['rps']:.1f}/s" for s, v in out["queries"][qname].items()),
                      flush=True)
        for system, server in running.items():
            parts = breakdown(server.pid)
            total = sum(p["pss_mb"] for p in parts.values())
            out["systems"][system] = {"pss_mb": total, "rss_mb": sum(p["rss_mb"] for p in parts.values()),
                                      "parts": parts}
            print(f"   {system}: PSS {total:.0f} MB = " + ", ".join(
                f"{k} ({int(p['n'])}) {p['pss_mb']:.0f}" for k, p in sorted(parts.items())), flush=True)
    finally:
        for server in running.values():
            server.stop()
    out["load"].append(os.getloadavg()[0])
    return out


def _num(v: float) -> str:
    """Three significant figures, without an exponent."""
    return f"{v:,.0f}" if v >= 100 else f"{v:.3g}"


def _ratio(a: dict | None, b: dict | None) -> str:
    if not a or not b or not a["rps"] or not b["rps"]:
        return "–"
    return f"{a['rps'] / b['rps']:.2f}×"


def report(data: dict, systems: list[str]) -> str:
    rows, speed = [], []
    for size, res in data["sizes"].items():
        ox = res["systems"].get("oxigraph")
        for s in systems:
            m = res["systems"].get(s)
            if not m:
                continue
            parts = "; ".join(f"{k} ({int(p['n'])}) {p['pss_mb']:.0f}" for k, p in sorted(m["parts"].items())) \
                if len(m["parts"]) > 1 else ""
            over = f"{m['pss_mb'] - ox['pss_mb']:+.0f}" if ox and s != "oxigraph" else ""
            rows.append([f"{size} ({res['quads']:,})", LABELS.get(s, s), f"{m['pss_mb']:.0f}", over,
                         f"{m['rss_mb']:.0f}", parts])
        for kg in (s for s in systems if s.startswith("kg")):
            for q in COMPARED:
                per = res["queries"].get(q, {})
                k, o = per.get(kg), per.get("oxigraph")
                if not k:
                    continue
                cpu = f"{_num(k['cpu_ms'])} / {_num(o['cpu_ms'])}" if o and k["cpu_ms"] and o["cpu_ms"] else "–"
                speed.append([size, LABELS.get(kg, kg), q, _num(k["rps"]), _num(o["rps"]) if o else "–",
                              _ratio(k, o), cpu])
    loads = ", ".join(f"{z} {r['load'][0]:.1f}→{r['load'][-1]:.1f}" for z, r in data["sizes"].items())
    skipped = f" Not measured: {', '.join(data['skipped'])}." if data.get("skipped") else ""
    unindexed = [z for z, r in data["sizes"].items() if r.get("search_index") is False]
    if unindexed:
        skipped += (f" At {', '.join(unindexed)}, kg serve was started without building its search index (used by "
                    "/search only, not by SPARQL).")
    return "\n".join([
        f"Measured {data['machine']}. Load average (1 min) at the start and end of each size: {loads}.{skipped}", "",
        "Whole process trees after 4 concurrent clients sent every benchmark query (kg serve: 2 workers; PSS by kind "
        "of process, MB; \"vs Oxigraph\": PSS minus the Oxigraph server's).", "",
        table(["dataset (quads)", "server", "PSS MB", "vs Oxigraph", "RSS MB", "PSS by kind of process (how many) MB"], rows),
        "", "Throughput in the same run, 4 clients, cold (result cache off), and CPU time of the whole server tree "
        "per request (kg / Oxigraph; warm-up requests included, so an upper bound for both).", "",
        table(["dataset", "server", "query", "kg req/s", "Oxigraph req/s", "kg ÷ Oxigraph", "CPU ms/req"], speed), ""])


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
    ap = argparse.ArgumentParser(description="server memory at each dataset size, and throughput against Oxigraph")
    # 10m too: --sizes 200k,2m,10m --no-search-index --skip virtuoso@10m (builds 8 GB of data and stores first)
    ap.add_argument("--sizes", default="200k,2m")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--skip", action="append", default=[], metavar="SYSTEM@SIZE",
                    help="leave one server out at one size (e.g. virtuoso@10m: a long load)")
    ap.add_argument("--seconds", type=float, default=3.0, help="measuring time per turn (query and server)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds per compared query")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds a request may take")
    ap.add_argument("--before", type=Path, help="a checkout of another version, measured as kg-before")
    ap.add_argument("--no-search-index", action="store_true",
                    help="kg serve does not build its search index at start (SPARQL does not use it; at 10M quads "
                         "building it takes hours on a small machine)")
    ap.add_argument("--no-update", action="store_true", help="print, but leave BENCHMARKS.md as it is")
    ap.add_argument("--merge", action="store_true",
                    help="keep the other sizes of the last results (var/bench/memory.json), replace these")
    a = ap.parse_args()
    systems = a.systems.split(",")
    server_kinds.NO_SEARCH_INDEX = a.no_search_index
    if a.before:
        server_kinds.BEFORE = a.before.resolve()
        systems = ["kg-before", *systems] if "kg-before" not in systems else systems
    saved = VAR / "memory.json"
    data: dict = {"machine": machine(), "skipped": a.skip, "sizes": {}}
    if a.merge and saved.exists():
        data = json.loads(saved.read_text(encoding="utf-8"))
        data["skipped"] = sorted(set(data.get("skipped", [])) | set(a.skip))
        data["machine"] += f"; then {machine()}"
    for size in a.sizes.split(","):
        chosen = [s for s in systems if f"{s}@{size}" not in a.skip]
        data["sizes"][size] = measure(size, chosen, a.seconds, a.rounds, a.timeout)
        data["sizes"][size]["search_index"] = not a.no_search_index
        VAR.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(data, indent=1), encoding="utf-8")
    shown = list(dict.fromkeys(s for z in data["sizes"].values() for s in z["systems"]))  # in the order run
    text = report(data, shown)
    print(text)
    if a.no_update:
        return
    plot(data, shown, Path(__file__).parent / "plots" / "memory.png")
    update_benchmarks("memory", "## 3. Memory\n\n`python -m bench.memory`\n\n" + text
                      + "\n![Memory](bench/plots/memory.png)\n")


if __name__ == "__main__":
    main()
