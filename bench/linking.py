"""What linking adds to the build of one article: time and memory, side by side with the build without it.

    python -m bench.linking [ARTICLE ...]      (default: the seed article)

For each article: extraction alone, then extraction + linking (the knowledge base opened once per process, as in a
build), the median over repeated runs; and the resident memory the process gains by opening the knowledge base and
linking every article once. Run it with the machine otherwise idle and report `uptime` beside the figures.
"""

from __future__ import annotations

import copy
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(paths: list[Path], repeat: int = 15) -> None:
    from kg.pipeline.link import kb as kbmod
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest
    from kg.pipeline.link.linking import link

    articles = [ingest(p) for p in paths]
    extractions = [extract(a) for a in articles]  # warm the parser
    before = rss_mb()
    t0 = time.perf_counter()
    kb = kbmod.default()
    opened = time.perf_counter() - t0
    for a, x in zip(articles, extractions):
        link(copy.deepcopy(x), kb=kb, date=a.meta.date, text=a.text)
    after = rss_mb()
    print(f"knowledge base: {len(kb):,} records, index {kb.path.stat().st_size / 1e6:.1f} MB, "
          f"opened in {1000 * opened:.1f} ms; memory +{after - before:.1f} MB after linking {len(articles)} article(s)")
    print(f"{'article':40s} {'extract ms':>10s} {'link ms':>8s} {'ratio':>6s}")
    for a, x in zip(articles, extractions):
        ex, lk = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            y = extract(a)
            ex.append(time.perf_counter() - t)
            t = time.perf_counter()
            link(y, kb=kb, date=a.meta.date, text=a.text)
            lk.append(time.perf_counter() - t)
        e, k = statistics.median(ex) * 1000, statistics.median(lk) * 1000
        print(f"{a.id[:40]:40s} {e:10.1f} {k:8.2f} {(e + k) / e:6.3f}")


if __name__ == "__main__":
    args = [Path(p) for p in sys.argv[1:]] or [ROOT / "data" / "articles" / "wang-yi-blinken-call.txt"]
    main(args)
