"""HTTP and RDF helpers for the publishing tests: plain urllib against a real `kg serve`, redirects not followed
unless asked (a 303 is what several tests look at)."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from rdflib import Dataset, Graph

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "rdf": "xml"}


@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def header(self, name: str) -> str:
        return self.headers.get(name) or ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return None


_PLAIN = urllib.request.build_opener(_NoRedirect)
_FOLLOW = urllib.request.build_opener()


def get(url: str, accept: str | None = None, *, follow: bool = False, method: str = "GET",
        headers: dict[str, str] | None = None) -> Reply:
    """One request; ``accept=None`` sends no Accept header at all (urllib adds none)."""
    h = dict(headers or {})
    if accept is not None:
        h["Accept"] = accept
    req = urllib.request.Request(url, headers=h, method=method)
    try:
        with (_FOLLOW if follow else _PLAIN).open(req, timeout=60) as resp:
            return Reply(resp.status, resp.headers, resp.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.headers, e.read())


def parse(body: bytes | str, ext: str) -> Graph:
    """RDF text as an rdflib graph (a Dataset for the formats with named graphs)."""
    fmt = RDFLIB_FORMATS[ext]
    g: Graph = Dataset() if ext in ("nq", "trig", "jsonld") else Graph()
    g.parse(data=body, format=fmt)
    return g


def triples(g: Graph) -> set:
    """The distinct triples of a graph or of all graphs of a dataset (blank nodes do not occur in newskg data)."""
    if isinstance(g, Dataset):
        return {(s, p, o) for s, p, o, _ in g.quads((None, None, None, None))}
    return set(g)
