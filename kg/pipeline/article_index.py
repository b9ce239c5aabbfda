"""An index of articles beside them: ``index.tsv`` in an article's folder (or the folder above it, as in a corpus
whose texts sit in ``articles/``) gives its date and where it comes from.

The format (tab-separated, UTF-8, one header line; the order of the columns is free)::

    file        published    url                          license              publisher
    01_x.txt    2007-11-28   https://en.wikinews.org/…    CC BY 2.5 (Wikinews)  Wikinews

``file`` (the article's file name, relative to the folder) and ``published`` (YYYY-MM-DD, or empty when unknown) are
required columns; ``url``, ``license`` and ``publisher`` are optional, and other columns are ignored. An empty cell
says nothing. What an article's ``.meta.toml`` sidecar says wins over the index, key by key, and ``--date`` wins over
both (kg.pipeline.ingest.read_meta).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

NAME = "index.tsv"
REQUIRED = ("file", "published")
# licence names as indexes write them → the licence's IRI
_CC = re.compile(r"\bCC[ -]?(BY(?:-(?:SA|ND|NC))*)\s*([0-9.]+)", re.IGNORECASE)


def entry(path: Path) -> dict[str, object]:
    """The metadata the index beside ``path`` gives for it (ArticleMeta field → value), or nothing.

    :raises InputError: naming the index and the line when it is malformed.
    """
    for folder in (path.parent, path.parent.parent):
        index = folder / NAME
        if not index.is_file():
            continue
        stat = index.stat()
        rows = _read(str(index.resolve()), stat.st_mtime_ns, stat.st_size)
        name = path.resolve().relative_to(folder.resolve()).as_posix() if folder != path.parent else path.name
        for key in (name, path.name):
            if key in rows:
                return dict(rows[key])
    return {}


@lru_cache(maxsize=16)
def _read(index: str, mtime: int, size: int) -> dict[str, dict[str, object]]:  # noqa: ARG001 - the cache key
    from kg.pipeline.ingest import check_url

    try:
        lines = Path(index).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{index}: cannot be read ({e})") from None
    if not lines:
        raise InputError(f"{index}: empty; the first line names the columns ({', '.join(REQUIRED)}, …)")
    head = [c.strip().lower() for c in lines[0].split("\t")]
    missing = [c for c in REQUIRED if c not in head]
    if missing:
        raise InputError(f"{index}: no {' or '.join(missing)} column in the header line (tab-separated)")
    out: dict[str, dict[str, object]] = {}
    for n, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = dict(zip(head, (c.strip() for c in line.split("\t")), strict=False))
        name = cells.get("file", "")
        if not name:
            raise InputError(f"{index}: line {n}: no file name")
        if name in out:
            raise InputError(f"{index}: line {n}: {name} is listed twice")
        meta: dict[str, object] = {}
        if cells.get("published"):
            try:
                meta["date"] = dt.date.fromisoformat(cells["published"])
            except ValueError:
                raise InputError(f"{index}: line {n}: published {cells['published']!r} is not YYYY-MM-DD") from None
        for column, field in (("url", "source_url"), ("license", "license"), ("publisher", "publisher")):
            if cells.get(column):
                meta[field] = check_url(cells[column], f"{index}: line {n}", "url") if column == "url" else cells[column]
        out[Path(name).name if "/" not in name else name] = meta
    return out


def license_iri(text: str | None) -> str | None:
    """The IRI of a licence named in metadata ("CC BY 2.5 (Wikinews)", "CC0", "public domain", or an http(s) IRI),
    or None when the name is not one of these."""
    if not text:
        return None
    t = text.strip()
    if t.startswith(("http://", "https://")) and " " not in t:
        return t
    m = _CC.search(t)
    if m:
        return f"https://creativecommons.org/licenses/{m.group(1).lower()}/{m.group(2)}/"
    low = t.lower()
    if re.search(r"\bcc0\b", low):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    if "public domain" in low:
        return "https://creativecommons.org/publicdomain/mark/1.0/"
    return None
