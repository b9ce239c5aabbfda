"""Online linking against a real SPARQL server (the `oxigraph` server, loaded with tests/linking/wikidata-fixture.ttl):
a hit is accepted, a wrong type is not, the cache answers when the server is gone, a silent server times out into a
warning, and offline mode makes no network call at all."""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import link
from kg.model import Actor, Extraction
from kg.pipeline.link.online import OnlineConfig, WikidataClient, lookup_query
from tests.conftest import free_port

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "wikidata-fixture.ttl"
WD = "http://www.wikidata.org/entity/"


def _oxigraph() -> str:
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]'")
    return exe


class Oxigraph:
    """A real oxigraph SPARQL server on a free loopback port, loaded with the fixture."""

    def __init__(self, location: Path) -> None:
        exe = _oxigraph()
        subprocess.run([exe, "load", "--location", str(location), "--file", str(FIXTURE)], check=True,
                       capture_output=True, timeout=120)
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/query"
        self.proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.endpoint}?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.stop()
                    raise RuntimeError("oxigraph serve did not start")
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def server(tmp_path: Path):
    s = Oxigraph(tmp_path / "oxigraph")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def kb():
    """The bundled knowledge base plus the made-up records of kb-fixture.jsonl (Freedonia)."""
    return kbmod.load([HERE / "kb-fixture.jsonl"])


def client(kb, endpoint: str, cache: Path, timeout: float = 10.0) -> WikidataClient:
    return WikidataClient(OnlineConfig(enabled=True, endpoint=endpoint, timeout=timeout, cache_dir=cache), kb)


def extraction(*actors: tuple[str, str, str] | Actor) -> Extraction:
    return Extraction(actors=[a if isinstance(a, Actor) else Actor(*a) for a in actors])


def test_a_person_whose_label_and_type_agree_is_linked(server, kb, tmp_path):
    x = extraction(("person/ada-quillfeather", "Ada Quillfeather", "person"))
    c = client(kb, server.endpoint, tmp_path / "cache")
    link(x, online=True, wikidata=c, kb=kb)
    assert x.actors[0].links == {"wikidata": WD + "Q999999901"}
    assert x.actors[0].link_confidence == pytest.approx(0.8)
    assert c.requests == 1


def test_an_alias_is_matched_too(server, kb, tmp_path):
    x = extraction(("person/a-quillfeather", "A. Quillfeather", "person"))
    link(x, online=True, wikidata=client(kb, server.endpoint, tmp_path / "cache"), kb=kb)
    assert x.actors[0].links == {"wikidata": WD + "Q999999901"}


def test_a_label_match_with_the_wrong_type_is_rejected(server, kb, tmp_path):
    # the only "Marlow Fenwick" on the server is a ship; and the person Ada Quillfeather is not an organisation
    x = extraction(("person/marlow-fenwick", "Marlow Fenwick", "person"),
                   ("org/ada-quillfeather", "Ada Quillfeather", "organization"))
    c = client(kb, server.endpoint, tmp_path / "cache")
    link(x, online=True, wikidata=c, kb=kb)
    assert [a.links for a in x.actors] == [{}, {}]
    assert c.requests == 2  # asked, answered, refused by type


def test_organisation_and_country_types(server, kb, tmp_path):
    x = extraction(("org/quillfeather-institute", "Quillfeather Institute", "organization"),
                   ("country/sylvania", "Sylvania", "country"))
    link(x, online=True, wikidata=client(kb, server.endpoint, tmp_path / "cache"), kb=kb)
    assert x.actors[0].links == {"wikidata": WD + "Q999999903"}  # typed through a subclass of organization
    assert x.actors[1].links == {"wikidata": WD + "Q999999932"}  # a sovereign state


def test_two_candidates_stay_unlinked_unless_the_country_decides(server, kb, tmp_path):
    plain = Actor("person/jon-namesake", "Jon Namesake", "person")
    placed = Actor("person/jon-namesake", "Jon Namesake", "person", country="country/freedonia")
    c = client(kb, server.endpoint, tmp_path / "cache")
    link(extraction(plain), online=True, wikidata=c, kb=kb)
    link(extraction(placed, ("country/freedonia", "Freedonia", "country")), online=True, wikidata=c, kb=kb)
    assert plain.links == {}
    assert placed.links == {"wikidata": WD + "Q999999904"}  # the one whose country (P27) is Freedonia


def test_a_surname_alone_is_never_looked_up(server, kb, tmp_path):
    c = client(kb, server.endpoint, tmp_path / "cache")
    link(extraction(("person/quillfeather", "Quillfeather", "person")), online=True, wikidata=c, kb=kb)
    assert c.requests == 0


def test_the_cache_answers_when_the_server_is_gone(server, kb, tmp_path):
    cache = tmp_path / "cache"
    first = client(kb, server.endpoint, cache)
    link(extraction(("person/ada-quillfeather", "Ada Quillfeather", "person")), online=True, wikidata=first, kb=kb)
    assert first.requests == 1 and len(list(cache.glob("*.json"))) == 1
    server.stop()
    again = client(kb, server.endpoint, cache, timeout=2)  # a new build: only the on-disk cache carries over
    x = extraction(("person/ada-quillfeather", "Ada Quillfeather", "person"))
    link(x, online=True, wikidata=again, kb=kb)
    assert x.actors[0].links == {"wikidata": WD + "Q999999901"}
    assert again.requests == 0 and again.failed is None
    # and the server really is gone: without the cache the same lookup fails
    cold = client(kb, server.endpoint, tmp_path / "empty-cache", timeout=2)
    y = extraction(("person/ada-quillfeather", "Ada Quillfeather", "person"))
    link(y, online=True, wikidata=cold, kb=kb)
    assert y.actors[0].links == {} and cold.failed


class SilentServer:
    """Accepts connections and never answers; counts them."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
            except OSError:
                continue

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=5)
        for c in self.accepted:
            c.close()
        self.sock.close()


@pytest.fixture
def silent():
    s = SilentServer()
    yield s
    s.close()


def test_a_silent_endpoint_times_out_into_a_warning(silent, kb, tmp_path, caplog):
    endpoint = f"http://127.0.0.1:{silent.port}/sparql"
    c = client(kb, endpoint, tmp_path / "cache", timeout=0.5)
    x = extraction(("person/ada-quillfeather", "Ada Quillfeather", "person"),
                   ("person/jon-namesake", "Jon Namesake", "person"))
    t0 = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="kg.pipeline.link.online"):
        link(x, online=True, wikidata=c, kb=kb)
    assert time.monotonic() - t0 < 5  # one timeout, then no more lookups in this run
    assert [a.links for a in x.actors] == [{}, {}]
    assert len(silent.accepted) == 1
    assert any("no answer" in r.getMessage() for r in caplog.records)
    assert not list((tmp_path / "cache").glob("*.json"))  # a failure is not cached


def test_offline_mode_makes_no_network_call(silent, kb, tmp_path, monkeypatch):
    endpoint = f"http://127.0.0.1:{silent.port}/sparql"
    monkeypatch.setenv("NEWSKG_WIKIDATA_ENDPOINT", endpoint)
    monkeypatch.setenv("NEWSKG_WIKIDATA_TIMEOUT", "0.5")
    monkeypatch.setenv("NEWSKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSKG_ONLINE", raising=False)
    x = extraction(("person/ada-quillfeather", "Ada Quillfeather", "person"))
    link(x, kb=kb)  # the default: offline
    time.sleep(0.3)
    assert silent.accepted == [] and x.actors[0].links == {}
    # the counter works: the same call online reaches the (silent) endpoint configured in the environment
    link(x, kb=kb, online=True)
    time.sleep(0.3)
    assert len(silent.accepted) == 1


def test_configuration_from_the_environment(tmp_path):
    cfg = OnlineConfig.from_env({"NEWSKG_ONLINE": "1", "NEWSKG_WIKIDATA_ENDPOINT": "http://127.0.0.1:9/sparql",
                                 "NEWSKG_WIKIDATA_TIMEOUT": "2.5", "NEWSKG_CACHE_DIR": str(tmp_path)})
    assert cfg == OnlineConfig(True, "http://127.0.0.1:9/sparql", 2.5, tmp_path / "wikidata")
    default = OnlineConfig.from_env({})
    assert not default.enabled and default.endpoint == "https://query.wikidata.org/sparql"
    assert OnlineConfig.from_env({"NEWSKG_ONLINE": "1"}, enabled=False).enabled is False  # an explicit --offline wins


def test_the_query_escapes_the_name():
    q = lookup_query('Ada "Q" \\ Quillfeather\n', "person", ["Q5"])
    assert '"Ada \\"Q\\" \\\\ Quillfeather"@en' in q
    assert "\n}" in q and "Quillfeather\n" not in q


def test_the_documented_federated_query_runs(server, tmp_path):
    """The federated query of docs/linking.md, with its SERVICE pointed at the fixture server, finds a speaker's
    date of birth through the speaker's Wikidata link."""
    import re

    from kg.store import Store
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "linking.md").read_text(encoding="utf-8")
    query = re.search(r"<!-- federated-query -->\s*```sparql\n(.*?)```", doc, re.S).group(1)
    assert "SERVICE <https://query.wikidata.org/sparql>" in query
    nkg, ex = "https://w3id.org/newskg/ns#", "http://ex.org/id/"
    store = Store()
    store.replace_graphs({"http://ex.org/graph/article/a": f"""
        <{ex}s1> <{nkg}speaker> <{ex}person/ada> .
        <{ex}person/ada> a <{nkg}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "Ada Quillfeather" ;
            <http://www.w3.org/2004/02/skos/core#exactMatch> <{WD}Q999999901> ."""})
    rows = store.query(query.replace("https://query.wikidata.org/sparql", server.endpoint)).rows()
    assert [(r["name"].value, r["born"].value) for r in rows] == [("Ada Quillfeather", "1901-02-03")]
