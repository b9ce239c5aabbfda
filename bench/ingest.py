"""Benchmark 2: ingest — what kg build costs per article against the bare spaCy parse of the same text, and how
many articles per second a corpus build reaches on two cores, with its memory as the corpus grows.

    .venv/bin/python -m bench.ingest [--corpus 500] [--repeats 3]

Per article, in one process, after a warm-up (model loaded): the bare parse (spaCy over the article's blocks, as
kg parses it); extraction (parse + extraction, what issue 3 bounds at 1.3× the parse); and the whole build
(ingest, parse, extraction, linking, RDF, SHACL validation, serialisation and the store write). Then ``kg build``
of a corpus of ``--corpus`` articles (the nine development texts copied under var/bench with fresh ids, never into
the project) with two workers, sampling the memory of the whole process tree, against the bare parse of the same
texts with ``nlp.pipe(n_process=2)``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path

from bench.common import BASE, KG, VAR, articles, machine, memory, pyplot, save_figure, table, update_benchmarks


def per_article(repeats: int) -> dict:
    from kg.pipeline import nlp
    from kg.pipeline.build import article_graphs, write
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest
    from kg.store import Store

    paths = articles()
    docs = [ingest(p) for p in paths]
    nlp.load()
    store = Store()
    for p, a in zip(paths, docs, strict=True):  # warm-up: lexicons, knowledge base, shapes, ontology
        write(store, BASE, a.id, article_graphs(p, a, base_iri=BASE)[0])
    parse, extraction, build = [], [], []
    cpu: dict[str, list[float]] = {"parse": [], "extraction": [], "build": []}
    for _ in range(repeats):
        for p, a in zip(paths, docs, strict=True):
            t0, c0 = time.perf_counter(), time.process_time()
            parsed = nlp.parse(a)
            t1, c1 = time.perf_counter(), time.process_time()
            extract(parsed)  # extraction alone, on that parse
            t2, c2 = time.perf_counter(), time.process_time()
            article = ingest(p)
            graphs, _ = article_graphs(p, article, base_iri=BASE)
            write(store, BASE, article.id, graphs)  # with the shared descriptions, as kg build writes
            t3, c3 = time.perf_counter(), time.process_time()
            parse.append(t1 - t0)
            extraction.append(t2 - t1)
            build.append(t3 - t2)
            cpu["parse"].append(c1 - c0)
            cpu["extraction"].append(c2 - c1)
            cpu["build"].append(c3 - c2)
    # wall time, and the CPU time of this process: on a machine shared with other work the wall time of the Python
    # steps stretches more than the parse's (which runs in compiled code), so the CPU ratios are the steadier ones
    return {"parse_ms": statistics.mean(parse) * 1000, "extraction_ms": statistics.mean(extraction) * 1000,
            "build_ms": statistics.mean(build) * 1000, "articles": len(paths), "repeats": repeats,
            **{f"cpu_{k}_ms": statistics.mean(v) * 1000 for k, v in cpu.items()}}


def corpus(n: int) -> dict:
    folder = VAR / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in articles()]
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    for i in range(n):
        (folder / f"article-{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    store = VAR / "corpus-store"
    subprocess.run(["rm", "-rf", str(store)], check=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen(KG + ["build", str(folder), "--store", str(store), "--base-iri", BASE, "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[int, float, float]] = []  # (articles written, RSS MB, PSS MB)
    done = 0
    assert proc.stdout is not None
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    last = 0.0
    while proc.poll() is None:
        if sel.select(timeout=0.5):
            line = proc.stdout.readline()
            done += " triples in " in line
        if time.monotonic() - last >= 1.0:
            rss, pss = memory(proc.pid)
            samples.append((done, rss, pss))
            last = time.monotonic()
    for line in proc.stdout:
        done += " triples in " in line
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed: {proc.stderr.read() if proc.stderr else ''}")
    return {"articles": done, "seconds": wall, "rate": done / wall, "samples": samples,
            "bare_rate": bare_pipe_rate(folder)}


def bare_pipe_rate(folder: Path) -> float:
    """Articles per second of the bare parse over the same texts with two processes (spaCy's own n_process)."""
    from kg.pipeline import nlp
    from kg.pipeline.ingest import ingest

    blocks, owners = [], 0
    for p in sorted(folder.glob("*.txt")):
        a = ingest(p)
        blocks += [b.span.text for b in a.content_blocks]
        owners += 1
    model = nlp.load()
    t0 = time.perf_counter()
    for _ in model.pipe(blocks, n_process=2, batch_size=64):
        pass
    return owners / (time.perf_counter() - t0)


def report(data: dict) -> str:
    a, c = data["per_article"], data["corpus"]
    rows = [["bare spaCy parse", f"{a['parse_ms']:.0f}", "1.00×"],
            ["extraction (parse + extract)", f"{a['parse_ms'] + a['extraction_ms']:.0f}",
             f"{(a['parse_ms'] + a['extraction_ms']) / a['parse_ms']:.2f}×"],
            ["kg build, whole (ingest … validate, store)", f"{a['build_ms']:.0f}",
             f"{a['build_ms'] / a['parse_ms']:.2f}×"]]
    if "cpu_parse_ms" in a:  # the same steps in CPU time of the process (steadier under a shared load)
        rows = [r + [f"{a[k]:.0f}", f"{a[k] / a['cpu_parse_ms']:.2f}×"] for r, k in zip(rows, (
            "cpu_parse_ms", "cpu_extraction_ms", "cpu_build_ms"))]
        rows[1][3] = f"{a['cpu_parse_ms'] + a['cpu_extraction_ms']:.0f}"
        rows[1][4] = f"{(a['cpu_parse_ms'] + a['cpu_extraction_ms']) / a['cpu_parse_ms']:.2f}×"
    samples = c["samples"]
    marks = []
    for target in (c["articles"] // 5, 2 * c["articles"] // 5, 3 * c["articles"] // 5, 4 * c["articles"] // 5,
                   c["articles"]):
        hit = next((s for s in samples if s[0] >= target), samples[-1] if samples else None)
        if hit:
            marks.append([str(hit[0]), f"{hit[1]:.0f}", f"{hit[2]:.0f}"])
    return "\n".join([
        f"Measured {data['machine']}.", "",
        f"Per article, one process, mean of {a['repeats']} runs over the {a['articles']} development articles:", "",
        table(["step", "ms per article", "÷ bare parse", "CPU ms", "CPU ÷ bare parse"][: len(rows[0])], rows), "",
        f"Corpus: `kg build` of {c['articles']} articles with 2 workers: {c['seconds']:.0f} s, "
        f"**{c['rate']:.2f} articles/s**; the bare parse of the same texts with `nlp.pipe(n_process=2)`: "
        f"{c['bare_rate']:.2f} articles/s (build ÷ parse time: {c['bare_rate'] / c['rate']:.2f}×).", "",
        "Memory of the whole build (writer, fork server, workers) as the corpus grows:", "",
        table(["articles written", "RSS MB", "PSS MB"], marks), ""])


def main() -> None:
    ap = argparse.ArgumentParser(description="kg build against the bare spaCy parse")
    ap.add_argument("--corpus", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    data = {"machine": machine(), "per_article": per_article(a.repeats), "corpus": corpus(a.corpus)}
    (VAR / "ingest.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    text = report(data)
    print(text)
    plot(data, Path(__file__).parent / "plots" / "ingest.png")
    update_benchmarks("ingest", "## 2. Ingest\n\n`python -m bench.ingest`\n\n" + text
                      + "\n![Ingest](bench/plots/ingest.png)\n")


def plot(data: dict, path: Path) -> None:
    plt = pyplot()

    a, c = data["per_article"], data["corpus"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.bar(["bare parse", "extraction", "kg build"], [a["parse_ms"], a["parse_ms"] + a["extraction_ms"],
                                                        a["build_ms"]], color=["grey", "tab:blue", "tab:orange"])
    left.set_ylabel("ms per article (one process)")
    xs = [s[0] for s in c["samples"]]
    right.plot(xs, [s[1] for s in c["samples"]], label="RSS")
    right.plot(xs, [s[2] for s in c["samples"]], label="PSS")
    right.set_xlabel("articles written")
    right.set_ylabel("MB, whole process tree")
    right.set_ylim(bottom=0)
    right.legend()
    save_figure(fig, path)


if __name__ == "__main__":
    main()
