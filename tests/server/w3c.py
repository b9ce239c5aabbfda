"""A runner for the W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests (machine-readable ``ht:Request``s).

Each test is a sequence of HTTP requests (method, path, headers, body) with the expected response (status or status
class, result format, ASK answer, ``Location`` template variable, and for the Graph Store tests a Content-Type and a
body whose graph must be isomorphic to the response's). Paths start with ``/sparql/`` or ``/gsp``; the runner maps
them onto this server (``/sparql``, ``/store``). Data that a test declares with ``ut:graphData`` (a file and the
graph name in its ``rdfs:label``) is loaded into that named graph through the Graph Store Protocol first, after the
store has been emptied with ``DROP ALL``; Graph Store tests each start from an empty store, as their expected
``201 Created`` answers presume.
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#"
PATHS = {"/sparql/": "/sparql", "/gsp": "/store"}  # manifest prefix → this server's path

RESULT_TYPES = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
RDF_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
             "application/rdf+xml": ox.RdfFormat.RDF_XML}  # the manifest's "RDF/XML, Turtle, N-Triples, RDFa"


@dataclass
class Request:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes | None
    statuses: set[str]  # "201", or a class such as "2xx"
    fmt: str | None = None  # boolean, tabular, RDF
    boolean: bool | None = None
    location: str | None = None  # template variable that takes the Location header
    content_type: str | None = None
    expected_body: str | None = None


@dataclass
class Case:
    name: str
    label: str
    requests: list[Request]
    data: list[tuple[Path, str]] = field(default_factory=list)  # (file, graph IRI)
    requires: set[str] = field(default_factory=set)


def load(manifest: Path) -> list[Case]:
    """The test cases of a manifest (and of the manifests it includes), in manifest order."""
    g = Graph()
    g.parse(manifest, format="turtle", publicID=manifest.resolve().as_uri())
    root = URIRef(manifest.resolve().as_uri())
    cases: list[Case] = []
    for included in _list(g, g.value(root, MF.include)):
        cases += load(Path(urllib.parse.urlparse(str(included)).path))
    for entry in _list(g, g.value(root, MF.entries)):
        cases.append(_case(g, entry))
    return cases


def _list(g: Graph, head: object) -> list:
    return list(Collection(g, head)) if head is not None else []


def _case(g: Graph, entry: URIRef) -> Case:
    action = g.value(entry, MF.action)
    requests = [_request(g, r) for r in _list(g, g.value(action, HT.requests))]
    data = [(Path(urllib.parse.urlparse(str(g.value(d, UT.graph))).path), str(g.value(d, RDFS.label)))
            for d in g.objects(entry, UT.graphData)]
    requires = {str(r).rsplit("#", 1)[-1] for r in g.objects(entry, MF.requires)}
    return Case(str(entry).rsplit("#", 1)[-1], str(g.value(entry, MF.name)), requests, data, requires)


def _request(g: Graph, node: object) -> Request:
    headers = [(str(g.value(h, HT.fieldName)), str(g.value(h, HT.fieldValue)))
               for h in _list(g, g.value(node, HT.headers))]
    resp = g.value(node, HT.resp)
    resp_headers = {str(g.value(h, HT.fieldName)).lower(): str(g.value(h, HT.fieldValue))
                    for h in _list(g, g.value(resp, HT.headers))}
    boolean = g.value(resp, MF.expectedBoolean)
    location = g.value(resp, MF.expectedLocation)
    return Request(
        method=str(g.value(node, HT.methodName)), path=str(g.value(node, HT.absolutePath)), headers=headers,
        body=_content(g, g.value(node, HT.body)), statuses={_status(s) for s in g.objects(resp, MF.expectedStatus)},
        fmt=_text(g.value(resp, MF.expectedFormat)), boolean=None if boolean is None else bool(boolean.toPython()),
        location=_text(location), content_type=resp_headers.get("content-type"),
        expected_body=(_content(g, g.value(resp, HT.body)) or b"").decode("utf-8") or None)


def _content(g: Graph, body: object) -> bytes | None:
    if body is None:
        return None
    encoding = str(g.value(body, CNT.characterEncoding) or "UTF-8")
    return str(g.value(body, CNT.chars)).encode(encoding)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _status(term: object) -> str:
    """hts:StatusCode2xx → "2xx"; hts:NoContent → "204" (the name of the status, as in http.HTTPStatus)."""
    name = str(term)[len(HTS):]
    m = re.fullmatch(r"StatusCode(\dxx)", name)
    if m:
        return m.group(1)
    for status in HTTPStatus:
        if status.phrase.replace(" ", "").replace("-", "").lower() == name.lower():
            return str(status.value)
    raise ValueError(f"unknown status {term}")


class Client:
    """Sends manifest requests to the server under test, mapping paths and adding the update token to writes."""

    def __init__(self, url: str, token: str | None) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.token = parts.hostname or "127.0.0.1", parts.port or 80, token

    def send(self, method: str, path: str, headers: list[tuple[str, str]], body: bytes | None
             ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            hdrs = dict(headers)
            if self.token and method not in ("GET", "HEAD"):
                hdrs["Authorization"] = f"Bearer {self.token}"
            conn.request(method, map_path(path), body=body, headers=hdrs)
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    def reset(self, data: list[tuple[Path, str]]) -> None:
        """Empty the store, then load each file into its named graph (Graph Store PUT)."""
        status, _, body = self.send("POST", "/sparql/", [("Content-Type", "application/sparql-update")],
                                    b"DROP ALL")
        assert status // 100 == 2, f"cannot reset the store: {status} {body[:300]!r}"
        for file, graph in data:
            query = urllib.parse.urlencode({"graph": graph})
            status, _, body = self.send("PUT", f"/gsp?{query}", [("Content-Type", "application/n-triples")],
                                        file.read_bytes())
            assert status // 100 == 2, f"cannot load {file.name} into <{graph}>: {status} {body[:300]!r}"


def map_path(path: str) -> str:
    for prefix, ours in PATHS.items():
        if path.startswith(prefix):
            return ours + path[len(prefix):]
    return path


def run(case: Case, client: Client, *, reset: bool) -> list[str]:
    """Run one case; the list of failures (empty when it passed)."""
    if reset or case.data:
        client.reset(case.data)
    variables: dict[str, str] = {}
    failures: list[str] = []
    for i, req in enumerate(case.requests, start=1):
        path, body = req.path, req.body
        for var, value in variables.items():
            path = path.replace(var, value)
            body = body.replace(var.encode(), value.encode()) if body is not None else None
        status, headers, content = client.send(req.method, path, req.headers, body)
        where = f"request {i} ({req.method} {map_path(path)[:80]})"
        if str(status) not in req.statuses and f"{status // 100}xx" not in req.statuses:
            failures.append(f"{where}: status {status}, expected {sorted(req.statuses)}: {content[:200]!r}")
            continue
        if req.location:
            if "location" not in headers:
                failures.append(f"{where}: no Location header")
                continue
            variables[req.location] = headers["location"]
        failures += [f"{where}: {m}" for m in check(req, headers, content)]
    return failures


def check(req: Request, headers: dict[str, str], content: bytes) -> list[str]:
    """What is wrong with a response's content (format, ASK answer, Content-Type, graph)."""
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    out: list[str] = []
    if req.fmt in ("boolean", "tabular"):
        if media not in RESULT_TYPES or (req.fmt == "boolean" and media not in list(RESULT_TYPES)[:2]):
            return [f"Content-Type {media!r} is not a SPARQL {req.fmt} result format"]
        if media == "text/csv":  # lossy, so pyoxigraph does not parse it: a header row is what can be checked
            header = content.decode("utf-8").split("\r\n", 1)[0]
            return [] if req.fmt == "tabular" and header else ["an empty CSV result"]
        parsed = ox.parse_query_results(content, format=RESULT_TYPES[media])
        if req.fmt == "boolean" and not isinstance(parsed, ox.QueryBoolean):
            out.append("not a boolean result")
        if req.fmt == "tabular" and not isinstance(parsed, ox.QuerySolutions):
            out.append("not a tabular result")
        if req.boolean is not None and isinstance(parsed, ox.QueryBoolean) and bool(parsed) != req.boolean:
            out.append(f"ASK answered {bool(parsed)}, expected {req.boolean}")
    elif req.fmt == "RDF":
        if media not in RDF_TYPES:
            return [f"Content-Type {media!r} is not one of {', '.join(RDF_TYPES)}"]
        list(ox.parse(content, format=RDF_TYPES[media]))
    if req.content_type is not None:
        want = req.content_type.split(";")[0].strip().lower()
        if media != want:
            out.append(f"Content-Type {media!r}, expected {want!r}")
    if req.expected_body is not None and not out:
        got, want_graph = Graph().parse(data=content, format="turtle"), Graph().parse(data=req.expected_body,
                                                                                      format="turtle")
        if not isomorphic(got, want_graph):
            out.append(f"graph differs from the expected one:\n{content.decode()[:500]}")
    return out


def summary(results: dict[str, list[str]]) -> str:
    """``passed/total`` and the failures, for a test's message."""
    failed = {k: v for k, v in results.items() if v}
    return f"{len(results) - len(failed)}/{len(results)} passed\n" + json.dumps(failed, indent=1)

