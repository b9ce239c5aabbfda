"""Read an article file into an :class:`~kg.model.Article`: stored text, blocks, metadata.

The stored text is the file decoded as UTF-8 with a byte-order mark removed, CRLF/CR turned into LF and Unicode NFC
applied; curly quotes and dashes are kept. Every offset in the graph counts code points over that stored text.

Metadata sits beside the article in ``NAME.meta.toml`` and in the folder's ``index.tsv`` (kg.pipeline.article_index; see
README, "Article files and metadata").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from pyoxigraph import NamedNode

from kg.errors import InputError
from kg.lexicon import footer_patterns
from kg.model import Article, ArticleMeta, Block, Span

MAX_BYTES = 1_000_000  # a news article is a few kB; anything near a megabyte is not one
TEXT_SUFFIXES = {".txt", ".text", ""}
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n[ \t\u00a0\n]*")
_SLUG = re.compile(r"[^a-z0-9]+")
# the control characters (Unicode category Cc: U+0000-U+001F and U+007F-U+009F) but the newline and the tab
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Pages saved from Windows-1252 text and decoded as Latin-1 carry its curly quotes, dashes and bullets as C1 control
# characters (U+0091 for ‘, U+0093 for “, U+0097 for —): one character each way, so offsets do not move.
_C1_AS_CP1252 = {cp: bytes([cp]).decode("cp1252") for cp in range(0x80, 0xA0)
                 if cp not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1 = re.compile(r"[\x80-\x9f]")


def _normalised(text: str) -> str:
    """Line ends as newlines, C1 characters as Windows-1252's, NFC. The table is applied only to a text that has a
    C1 character (few do): ``str.translate`` looks every character up in it, in Python."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _C1.search(text):
        text = text.translate(_C1_AS_CP1252)
    return unicodedata.normalize("NFC", text)


def slugify(name: str) -> str:
    """``"Lin Wei – Ellis call.txt"`` → ``"lin-wei-ellis-call-txt"``: lower-case ASCII, hyphens."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_).strip("-") or "article"


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The stored text of an article file, or :class:`InputError` naming what is wrong with it."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unknown format {path.suffix!r}; articles are plain UTF-8 text (.txt)")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size} bytes is over the {max_bytes}-byte limit for one article")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise InputError(f"{path}: binary file (contains NUL bytes); articles are plain UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 (invalid byte 0x{raw[e.start]:02x} at offset {e.start})") from None
    text = _normalised(text)
    controls = len(_CONTROLS.findall(text))  # one pass in the regex engine, not a Python loop per character
    if controls > max(3, len(text) // 100):
        raise InputError(f"{path}: binary file ({controls} control characters); articles are plain UTF-8 text")
    if not text.strip():
        raise InputError(f"{path}: empty article")
    if not has_content(text):
        raise InputError(f"{path}: empty article: after normalisation it has no letter or digit, only "
                         f"{len(text)} whitespace, invisible (zero-width, byte-order mark, format) or punctuation "
                         f"characters")
    return text


# Letters that render as nothing (Hangul fillers, the Braille blank): text made of them is as empty as spaces
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_content(text: str) -> bool:
    """True if ``text`` holds a letter or a digit: an article of zero-width spaces, byte-order marks, other format
    characters, whitespace or punctuation alone has nothing to read."""
    return any(unicodedata.category(c)[0] in "LN" and c not in _BLANK_LETTERS for c in text)


def check_url(value: object, where: str, key: str) -> str | None:
    """A URL from metadata: an absolute http(s) URL that is a valid IRI, or None when absent.

    :raises InputError: for another scheme (``javascript:``, ``file:``, ``data:``…), no host, or an invalid IRI.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {key} must be a string, an http(s) URL")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"{where}: {key} must be an http(s) URL, not {value[:80]!r}")
    try:
        NamedNode(value)
    except ValueError:
        raise InputError(f"{where}: {key} is not a valid IRI: {value[:80]!r}") from None
    return value


def read_meta(path: Path, date: dt.date | None = None) -> ArticleMeta:
    """Metadata from the folder's ``index.tsv``, then the ``NAME.meta.toml`` sidecar (its keys win), then ``date``
    (from ``--date``), which wins over both."""
    from kg.pipeline import article_index

    meta = ArticleMeta(**article_index.entry(path))  # type: ignore[arg-type]
    sidecar = path.with_suffix(".meta.toml")
    if sidecar.exists():
        try:
            data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{sidecar}: bad metadata: {e}") from None
        unknown = set(data) - {"date", "date_inferred", "date_note", "publisher", "source_url", "language", "title",
                               "license"}
        if unknown:
            raise InputError(f"{sidecar}: unknown metadata key(s) {', '.join(sorted(unknown))}")
        d = data.get("date")
        if isinstance(d, str):
            try:
                d = dt.date.fromisoformat(d)
            except ValueError:
                raise InputError(f"{sidecar}: date {d!r} is not YYYY-MM-DD") from None
        if d is not None and not isinstance(d, dt.date):
            raise InputError(f"{sidecar}: date must be a YYYY-MM-DD date")
        if isinstance(d, dt.datetime):
            d = d.date()
        given = {"date": d, "date_inferred": bool(data.get("date_inferred", False)),
                 "date_note": data.get("date_note"), "publisher": data.get("publisher") or None,
                 "source_url": check_url(data.get("source_url"), str(sidecar), "source_url"),
                 "language": data.get("language"), "title": data.get("title"), "license": data.get("license") or None}
        for key, value in given.items():  # the sidecar's keys win over the index, one by one
            if key in data or (key == "date_inferred" and "date" in data):
                setattr(meta, key, value)
    if date is not None:
        meta.date, meta.date_inferred, meta.date_note = date, False, None
    return meta


def split_blocks(text: str) -> list[Block]:
    """Blank-line separated blocks, classified: headline, standfirst, heading, paragraph, footer."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [_trim(text, b, e) for b, e in spans]
    spans = [piece for b, e in spans if e > b for piece in _lines_as_blocks(text, b, e)]

    kinds: list[str] = []
    for i, (b, e) in enumerate(spans):
        chunk = text[b:e]
        if i == 0:
            kinds.append("headline")
        elif i == 1 and not _ends_sentence(chunk) and len(chunk) < 400:
            kinds.append("standfirst")
        elif len(chunk) <= 60 and len(chunk.split()) <= 8 and not _ends_sentence(chunk) and "\n" not in chunk:
            kinds.append("heading")
        else:
            kinds.append("paragraph")

    # A scraped footer: from the first block that looks like one, if everything after it is short too.
    patterns = footer_patterns()
    for i in range(1, len(spans)):
        chunk = text[spans[i][0] : spans[i][1]]
        if any(p.match(chunk) for p in patterns) and all(e - b <= 300 for b, e in spans[i:]):
            kinds[i:] = ["footer"] * (len(spans) - i)
            break
    return [Block(k, Span(b, e, text[b:e])) for k, (b, e) in zip(kinds, spans)]  # type: ignore[arg-type]


def ingest(path: str | Path, *, date: dt.date | None = None, article_id: str | None = None) -> Article:
    """Read one article file.

    :param path: a UTF-8 plain-text article (first line the headline, blank-line separated blocks).
    :param date: the article date, overriding the sidecar metadata.
    :raises InputError: if the file is missing, empty, binary, not UTF-8, too large or of an unknown format.
    """
    path = Path(path)
    text = read_text(path)
    return Article(
        id=article_id or slugify(path.stem),
        text=text,
        blocks=split_blocks(text),
        meta=read_meta(path, date),
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def from_text(text: str, *, article_id: str = "article", date: dt.date | None = None) -> Article:
    """An :class:`Article` from a string (tests, the API); the same normalisation as a file."""
    text = _normalised(text)
    return Article(article_id, text, split_blocks(text), ArticleMeta(date=date),
                   hashlib.sha256(text.encode("utf-8")).hexdigest())


def _lines_as_blocks(text: str, b: int, e: int) -> list[tuple[int, int]]:
    """A block whose lines are paragraphs of their own (one paragraph a line, no blank lines between — common in
    scraped text) is split at its line breaks; a hard-wrapped paragraph (lines of similar width cut mid-sentence)
    is not. The first line of the article is always the headline."""
    chunk = text[b:e]
    if "\n" not in chunk:
        return [(b, e)]
    lines, pos = [], b
    for line in chunk.split("\n"):
        if line.strip():
            lines.append(_trim(text, pos, pos + len(line)))
        pos += len(line) + 1
    if b == 0:  # the headline stands alone; the rest is judged on its own
        return lines[:1] + (_lines_as_blocks(text, lines[1][0], e) if len(lines) > 1 else [])
    body = lines[:-1]
    widths = [le - lb for lb, le in body]
    ends = sum(1 for lb, le in body if _ends_sentence(text[lb:le]))
    wrapped = len(lines) >= 2 and all(30 <= w <= 100 for w in widths) and ends < 0.5 * len(body)
    return [(b, e)] if wrapped else lines


def _trim(text: str, b: int, e: int) -> tuple[int, int]:
    while b < e and text[b].isspace():
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    return b, e


def _ends_sentence(chunk: str) -> bool:
    return chunk.rstrip().rstrip("\"'”’)]").endswith((".", "!", "?", ":", "…"))
