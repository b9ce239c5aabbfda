"""``kg build`` over a corpus: extraction in worker processes, one writer, memory that stays flat.

Articles are found in folders (recursively, ``*.txt`` with their ``.meta.toml`` sidecars) and files given. Every
input is read and checked first, without keeping its text, so a bad file stops the build before anything is
written. Then each article goes to a worker process (ingest, parse, extract, link, map, validate and serialise:
everything that costs CPU), and the main process — the only one that opens the store — writes each article's graphs
in one transaction as its turn comes. At most ``2 × workers`` articles are in flight, so memory does not grow with
the corpus. A build killed at any moment leaves every article either as it was or as newly built.
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ConfigError
from kg.ingest import read_meta, read_text


@dataclass(frozen=True)
class Done:
    """One article written: what the per-article line and the summary say."""

    article: str
    path: str
    graph: str
    triples: int
    statements: int
    events: int
    actors: int
    seconds: float


@dataclass(frozen=True)
class Summary:
    articles: int
    triples: int
    seconds: float
    workers: int

    def line(self, store: str) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (f"built {self.articles} article{'s' if self.articles != 1 else ''} ({self.triples:,} triples) into "
                f"{store} in {self.seconds:.1f} s: {rate:.2f} articles/s with {self.workers} "
                f"worker{'s' if self.workers != 1 else ''}")


def collect(args: Iterable[Path]) -> list[Path]:
    """The article files: each folder's ``*.txt`` files at any depth (sorted), and each file given, once each.

    :raises ConfigError: when nothing is left.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for p in args:
        found = sorted(q for q in p.rglob("*.txt") if q.is_file()) if p.is_dir() else [p]
        for q in found:
            key = q.resolve()
            if key not in seen:
                seen.add(key)
                out.append(q)
    if not out:
        raise ConfigError("no article files given (the folders hold no .txt file)")
    return out


def check(paths: list[Path], date: dt.date | None) -> None:
    """Read every input and its metadata once, keeping nothing.

    :raises InputError: naming the first file that cannot be read.
    """
    for p in paths:
        read_text(p)
        read_meta(p, date)


# --- the worker side ------------------------------------------------------------------------------------------------
_CLIENT: Any = None


def _init_worker(online: Any) -> None:
    """Load what every article needs once per worker: the spaCy model, the knowledge base, the online client."""
    global _CLIENT
    from kg import kb, nlp
    from kg.build import _wikidata_client

    nlp.load()
    kb.default()
    _CLIENT = _wikidata_client(online)


def _work(path: str, base_iri: str, date: dt.date | None, validate: bool) -> tuple[dict[str, str], Done]:
    """One article, as N-Triples text per graph (compact to send to the writer) and its summary."""
    from kg.build import article_graphs
    from kg.ingest import ingest

    p = Path(path)
    article = ingest(p, date=date)
    texts, built = article_graphs(p, article, base_iri=base_iri, validate=validate, client=_CLIENT)
    x = built.extraction
    return texts, Done(article.id, path, built.graph, built.triples, len(x.statements), len(x.events),
                       len(x.actors), built.seconds)


# --- the writer side ------------------------------------------------------------------------------------------------
def build_corpus(paths: list[Path], store: Any, *, base_iri: str, date: dt.date | None = None,
                 validate: bool = True, online: Any = None, workers: int | None = None,
                 on_done: Callable[[Done], None] | None = None) -> Summary:
    """Build every article into ``store`` (each its own graphs, replacing an earlier build), ``workers`` at a time.

    :raises InputError: if an input cannot be read (then nothing is written).
    :raises ValidationFailed: if an article breaks the shapes (it is not stored; the articles before it are).
    """
    from kg.build import _ontology_nt, ontology_graph_iri

    check(paths, date)
    workers = max(1, min(workers or os.cpu_count() or 1, len(paths)))
    triples = 0
    started = time.monotonic()

    def write(texts: dict[str, str], done: Done) -> None:
        nonlocal triples
        store.replace_graphs(texts)
        triples += done.triples
        if on_done:
            on_done(done)

    if workers == 1:
        _init_worker(online)
        for p in paths:
            write(*_work(str(p), base_iri, date, validate))
    else:
        _parallel(paths, workers, online, (base_iri, date, validate), write)
    store.replace_graphs({ontology_graph_iri(base_iri): _ontology_nt()})
    store.flush()
    return Summary(len(paths), triples, time.monotonic() - started, workers)


def _parallel(paths: list[Path], workers: int, online: Any, args: tuple, write: Callable[..., None]) -> None:
    """Extraction in ``workers`` processes, writes here in input order, at most ``2 × workers`` in flight."""
    ctx = multiprocessing.get_context("forkserver")  # a clean process: the writer holds the store (and threads)
    window = 2 * workers
    pending: deque[cf.Future] = deque()
    todo = iter(paths)
    with cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(online,)) as pool:
        try:
            for p in todo:
                pending.append(pool.submit(_work, str(p), *args))
                if len(pending) >= window:
                    write(*pending.popleft().result())
            while pending:
                write(*pending.popleft().result())
        except BaseException:
            for f in pending:
                f.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
