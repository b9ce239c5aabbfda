"""``kg build`` over a corpus: extraction in worker processes, one writer, memory that stays flat.

Articles are found in folders (recursively, ``*.txt`` with their ``.meta.toml`` sidecars and the ``index.tsv`` beside
them) and files given. Every input is read and checked first, without keeping its text. One article alone that
cannot be read or breaks the shapes stops the build with nothing written; of several, every good one is built and
each failure is reported in one line (the caller exits 1). Then each article goes to a worker process (ingest, parse, extract, link, map, validate and serialise:
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

from kg.errors import ConfigError, InputError, NewsKGError
from kg.pipeline.ingest import read_meta, read_text, slugify


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
class Failed:
    """An article that was not built, and why (one line)."""

    path: str
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}" if not self.reason.startswith(self.path) else self.reason


@dataclass(frozen=True)
class Summary:
    articles: int
    triples: int
    seconds: float
    workers: int
    failed: int = 0

    def line(self, store: str) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        failed = f"; {self.failed} failed" if self.failed else ""
        return (f"built {self.articles} article{'s' if self.articles != 1 else ''} ({self.triples:,} triples) into "
                f"{store} in {self.seconds:.1f} s: {rate:.2f} articles/s with {self.workers} "
                f"worker{'s' if self.workers != 1 else ''}{failed}")


def _reason(e: BaseException) -> str:
    """An error in one line: a shapes report gives its first line and the number of violations."""
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    if not lines:
        return type(e).__name__
    more = len(lines) - 1
    return lines[0].rstrip(":") + (f" ({more} more line{'s' if more != 1 else ''} of report)" if more else "")


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


def check(paths: list[Path], date: dt.date | None) -> list[Failed]:
    """Read every input and its metadata once, keeping nothing: the files that cannot be read, and why."""
    failed = []
    for p in paths:
        try:
            read_text(p)
            read_meta(p, date)
        except InputError as e:
            failed.append(Failed(str(p), str(e)))
    return failed


def check_ids(paths: list[Path]) -> None:
    """Two inputs that would be stored as one article (``x_y.txt`` and ``x-y.txt`` are both ``x-y``): the second
    would silently replace the first.

    :raises InputError: naming both files and the article id.
    """
    seen: dict[str, Path] = {}
    for p in paths:
        aid = slugify(p.stem)
        if aid in seen:
            raise InputError(f"{seen[aid]} and {p} would both be stored as article {aid!r}; rename one of them")
        seen[aid] = p


# --- the worker side ------------------------------------------------------------------------------------------------
_CLIENT: Any = None


def _init_worker(online: Any, owner: int | None = None) -> None:
    """Load what every article needs once per worker: the spaCy model, the knowledge base, the online client.
    A worker ends with the build that started it (``owner``), even one killed with SIGKILL."""
    global _CLIENT
    from kg.pipeline.link import kb
    from kg.pipeline import nlp
    from kg.pipeline.build import _wikidata_client

    if owner is not None:
        from kg.lifetime import end_with

        end_with(owner)
    nlp.load()
    kb.default()
    _CLIENT = _wikidata_client(online)


def _work(path: str, base_iri: str, date: dt.date | None, validate: bool) -> tuple[dict[str, str], Done]:
    """One article, as N-Triples text per graph (compact to send to the writer) and its summary."""
    from kg.pipeline.build import article_graphs
    from kg.pipeline.ingest import ingest

    p = Path(path)
    article = ingest(p, date=date)
    texts, built = article_graphs(p, article, base_iri=base_iri, validate=validate, client=_CLIENT)
    x = built.extraction
    return texts, Done(article.id, path, built.graph, built.triples, len(x.statements), len(x.events),
                       len(x.actors), built.seconds)


# --- the writer side ------------------------------------------------------------------------------------------------
def build_corpus(paths: list[Path], store: Any, *, base_iri: str, date: dt.date | None = None,
                 validate: bool = True, online: Any = None, workers: int | None = None,
                 on_done: Callable[[Done], None] | None = None,
                 on_fail: Callable[[Failed], None] | None = None) -> Summary:
    """Build every article into ``store`` (each its own graphs, replacing an earlier build), ``workers`` at a time.

    :raises InputError: if the only input cannot be read (then nothing is written).
    :raises ValidationFailed: if the only article breaks the shapes (it is not stored).
    """
    from kg.pipeline.build import write as store_article

    check_ids(paths)  # a collision is not one bad file: it stops the build before anything is written
    failed = check(paths, date)
    if failed and len(paths) == 1:
        raise InputError(failed[0].reason)
    bad = {f.path for f in failed}
    for f in failed:
        if on_fail:
            on_fail(f)
    good = [p for p in paths if str(p) not in bad]
    workers = max(1, min(workers or os.cpu_count() or 1, max(1, len(good))))
    triples = 0
    written = 0
    started = time.monotonic()

    def write(texts: dict[str, str], done: Done) -> None:
        nonlocal triples, written
        store_article(store, base_iri, done.article, texts, first=written == 0)
        triples += done.triples
        written += 1
        if on_done:
            on_done(done)

    def fail(path: Path, e: BaseException) -> None:
        if len(paths) == 1:
            raise e
        # an article's own failure (bad text, shapes) or a fault of the extraction on this one text: the others go on
        reason = _reason(e) if isinstance(e, NewsKGError) else f"internal error ({type(e).__name__}: {_reason(e)})"
        failed.append(Failed(str(path), reason))
        if on_fail:
            on_fail(failed[-1])

    if good and workers == 1:
        _init_worker(online)
        for p in good:
            try:
                result = _work(str(p), base_iri, date, validate)
            except Exception as e:  # noqa: BLE001 - fail() re-raises what is not an article's own failure
                fail(p, e)
                continue
            write(*result)
    elif good:
        _parallel(good, workers, online, (base_iri, date, validate), write, fail)
    store.flush()
    return Summary(written, triples, time.monotonic() - started, workers, len(failed))


def _parallel(paths: list[Path], workers: int, online: Any, args: tuple, write: Callable[..., None],
              fail: Callable[[Path, BaseException], None]) -> None:
    """Extraction in ``workers`` processes, writes here in input order, at most ``2 × workers`` in flight."""
    ctx = multiprocessing.get_context("forkserver")  # a clean process: the writer holds the store (and threads)
    # the fork server loads the model and the rest once (kg.pipeline.warm), and the workers are forked from it
    # (this takes effect when this process starts its fork server, as a build does)
    ctx.set_forkserver_preload(["__main__", "kg.pipeline.warm"])
    window = 2 * workers
    pending: deque[tuple[Path, cf.Future]] = deque()
    todo = iter(paths)

    def finish() -> None:
        path, future = pending.popleft()
        try:
            result = future.result()
        except Exception as e:  # noqa: BLE001 - fail() re-raises what is not an article's own failure
            fail(path, e)
            return
        write(*result)

    with cf.ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                initargs=(online, os.getpid())) as pool:
        try:
            for p in todo:
                pending.append((p, pool.submit(_work, str(p), *args)))
                if len(pending) >= window:
                    finish()
            while pending:
                finish()
        except BaseException:
            for _, f in pending:
                f.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
