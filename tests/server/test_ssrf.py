"""No request forgery through the engine: SERVICE and LOAD reach nothing off the federation allow-list, whatever
the text does to hide them from a reading of it that is not the engine's — through every entry (GET, form POST,
direct POST, updates with the token, `kg query`). A real listener on 127.0.0.1 counts every connection it gets; a
second listener on the allow-list shows that the counting works and that federation still does."""

from __future__ import annotations

import json
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.soak import Listener
from kg.store import Store
from tests.conftest import KG, Server, start_server, stop_server
from tests.server.conftest import TOKEN
from tests.server.fetch import Reply, assert_error_shape, fetch

pytestmark = pytest.mark.slow

# the two tricks the probe found: a comment the checker read as a string, and a local name's \# read as a comment
COMMENT_TRICK = 'SELECT * WHERE {{ #\\u000A BIND("""\nSERVICE <{url}> {{ ?x ?p ?o }}\n#""" AS ?z)\n}}'
LOAD_TRICK = ("PREFIX ex: <http://ex.org/> INSERT DATA {{ GRAPH ex:g {{ ex:a\\#b ex:p ex:o }} }} ; "
              "LOAD <{url}> INTO GRAPH ex:loaded")


@pytest.fixture(scope="module")
def target() -> Iterator[Listener]:
    """The address an attacker wants the server to reach: never on any allow-list."""
    listener = Listener()
    yield listener
    listener.sock.close()


@pytest.fixture(scope="module")
def allowed() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.sock.close()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory, allowed: Listener) -> Iterator[Server]:
    """A server with updates on, whose allow-list names only the `allowed` listener."""
    path = tmp_path_factory.mktemp("ssrf") / "db"
    Store(path).close()
    server = start_server(path, "--update-token", TOKEN, "--timeout", "5",
                          env={"NEWSKG_FEDERATION_ALLOW": json.dumps([allowed.url()])})
    yield server
    stop_server(server)


def send(server: Server, entry: str, text: str) -> Reply:
    """``text`` through one entry of the endpoint."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    if entry == "get":
        return fetch(server.url, "GET", "/sparql", params={"query": text})
    if entry == "form":
        return fetch(server.url, "POST", "/sparql", body=urllib.parse.urlencode({"query": text}), headers=form)
    if entry == "direct":
        return fetch(server.url, "POST", "/sparql", body=text, headers={"Content-Type": "application/sparql-query"})
    if entry == "update-form":
        return fetch(server.url, "POST", "/sparql", body=urllib.parse.urlencode({"update": text}),
                     headers={**form, **auth})
    if entry == "update-direct":
        return fetch(server.url, "POST", "/sparql", body=text,
                     headers={"Content-Type": "application/sparql-update", **auth})
    raise AssertionError(entry)


# --- the reproductions -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("entry", ["get", "form", "direct"])
def test_a_service_hidden_from_the_checker_reaches_nothing(guarded: Server, target: Listener, entry: str) -> None:
    before = target.hits
    reply = send(guarded, entry, COMMENT_TRICK.format(url=target.url("x")))
    assert target.hits == before, "the server connected to an address off the allow-list"
    error = assert_error_shape(reply, 400)["error"]
    assert f"127.0.0.1:{target.port}" in error and "allow-list" in error


@pytest.mark.parametrize("entry", ["update-form", "update-direct"])
def test_a_service_hidden_in_an_update_reaches_nothing(guarded: Server, target: Listener, entry: str) -> None:
    before = target.hits
    text = ("INSERT { GRAPH <http://ex.org/g> { ?x ?p ?o } } WHERE { #\\u000A BIND(\"\"\"\n"
            f"SERVICE <{target.url('x')}> {{ ?x ?p ?o }}\n#\"\"\" AS ?z)\n}}")
    reply = send(guarded, entry, text)
    assert target.hits == before
    assert reply.status == 400 and "nothing was changed" in reply.json()["error"]


def test_a_silent_service_refused_in_an_update_is_reported(guarded: Server, target: Listener) -> None:
    before = target.hits
    text = ("INSERT { GRAPH <http://ex.org/silent> { <http://ex.org/a> <http://ex.org/b> ?z } } WHERE { "
            f"#\\u000A BIND(\"\"\"\nSERVICE SILENT <{target.url('x')}> {{ ?x ?p ?o }}\n#\"\"\" AS ?z)\n}}")
    reply = send(guarded, "update-direct", text)
    assert target.hits == before
    assert reply.status == 200 and "refused" in reply.json()["warning"], reply.body


def test_load_hidden_behind_an_escaped_local_name_is_refused(guarded: Server, target: Listener) -> None:
    before = target.hits
    reply = send(guarded, "update-direct", LOAD_TRICK.format(url=target.url("l")))
    assert target.hits == before, "LOAD fetched a document"
    assert "LOAD" in assert_error_shape(reply, 400)["error"]
    # and nothing of the update was applied: it is one transaction
    ask = fetch(guarded.url, "GET", "/sparql", params={"query": "ASK { GRAPH <http://ex.org/g> { ?s ?p ?o } }"},
                headers={"Accept": "application/sparql-results+json"})
    assert ask.json()["boolean"] is False


def test_kg_query_reaches_nothing(seed_store: Path, target: Listener, tmp_path: Path) -> None:
    query = tmp_path / "trick.rq"
    query.write_text(COMMENT_TRICK.format(url=target.url("x")), encoding="utf-8")
    before = target.hits
    run = subprocess.run(KG + ["query", str(query), "--store", str(seed_store)], capture_output=True, text=True,
                         timeout=120)
    assert target.hits == before
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and "allow-list" in lines[0], run.stderr


def test_an_endpoint_on_the_list_is_still_called(guarded: Server, allowed: Listener) -> None:
    before = allowed.hits
    reply = send(guarded, "get", f"SELECT * WHERE {{ SERVICE <{allowed.url()}> {{ ?s ?p ?o }} }}")
    assert allowed.hits > before, "the guard refused an endpoint on the allow-list"
    assert reply.status == 502  # the listener hangs up: the endpoint failed, not the guard


# --- the property -----------------------------------------------------------------------------------------------------
def escaped(text: str, draw: st.DrawFn) -> str:
    """``text`` with some characters written as \\uXXXX or \\UXXXXXXXX escapes."""
    out = []
    for ch in text:
        how = draw(st.sampled_from(["plain"] * 6 + ["u", "U"]))
        out.append(ch if how == "plain" or ch in "<>" else (f"\\u{ord(ch):04X}" if how == "u" else f"\\U{ord(ch):08X}"))
    return "".join(out)


@st.composite
def endpoint(draw: st.DrawFn, port: int) -> tuple[str, str]:
    """A way to name the listener: (prologue, term)."""
    host = draw(st.sampled_from(["127.0.0.1", "localhost", "127.1", "0x7f.0.0.1", "[::ffff:127.0.0.1]"]))
    path = draw(st.sampled_from(["x", "sparql", "a/b?q=1", ""]))
    iri = f"http://{host}:{port}/{path}"
    form = draw(st.sampled_from(["iri", "escaped", "prefixed", "relative"]))
    if form == "iri":
        return "", f"<{iri}>"
    if form == "escaped":
        return "", "<" + escaped(iri, draw) + ">"
    if form == "prefixed":
        local = draw(st.sampled_from(["x", "sparql", "a\\#b", "a\\/b", "a\\?q"]))
        return f"PREFIX p: <http://{host}:{port}/>\n", f"p:{local}"
    return f"BASE <http://{host}:{port}/>\n", f"<{path}>"


# pieces that are valid inside a group pattern: comments, strings of the four quote forms (long ones with line
# breaks and #), escapes in strings, IRIs and local names, the words SERVICE and LOAD inside strings and comments
NOISE = st.sampled_from([
    "# SERVICE <http://query.wikidata.org/sparql>\n", "#\\u000A BIND(\n", "# \\u000A }\n", "\n", " ", "{}",
    'FILTER("""x\n#""" != \'\'\'y\n\'\'\')', "FILTER('a\\'b' != \"c\\\"d\")", 'FILTER("\\u0022" != "\\U00000027")',
    "FILTER(STR(ex:a\\#b) != STR(<http://ex.org/a#b>))", "FILTER(\"SERVICE <x>\" != 'LOAD <x>')", "FILTER(true)",
    "?s ?p ?o .", "OPTIONAL { ?s ex:a\\#b ?o }"])
# ways to hide a pattern from a reading of the text that is not the engine's
WRAPS = ["{s}", "OPTIONAL {{ {s} }}", "FILTER EXISTS {{ {s} }}", "{{ {s} }} UNION {{ }}", "MINUS {{ {s} }}",
         '#\\u000A BIND("""\n{s}\n#""" AS ?z)\n', "#\\u000A BIND('''\n{s}\n#''' AS ?z)\n",
         '#\\u000d FILTER("""\n{s}\n#""" != "")\n', "FILTER(ex:a\\#b != ex:c) {s}"]


@st.composite
def attack(draw: st.DrawFn, port: int, update: bool) -> str:
    prologue, term = draw(endpoint(port))
    before = "".join(draw(st.lists(NOISE, max_size=4)))
    after = "".join(draw(st.lists(NOISE, max_size=4)))
    silent = draw(st.sampled_from(["", "SILENT "]))
    service = f"SERVICE {silent}{term} {{ ?s ?p ?o }}"
    wrap = draw(st.sampled_from(WRAPS))
    body = wrap.format(s=service)
    prefixes = "PREFIX ex: <http://ex.org/>\n" + prologue
    if not update:
        return f"{prefixes}SELECT * WHERE {{ {before} {body} {after} }}"
    kind = draw(st.sampled_from(["insert", "insert", "insert", "load", "load-after-data"]))
    if kind == "insert":
        return f"{prefixes}INSERT {{ GRAPH ex:g {{ ?s ?p ?o }} }} WHERE {{ {before} {body} {after} }}"
    load = f"LOAD {silent}{term} INTO GRAPH ex:loaded"
    if kind == "load":
        return f"{prefixes}{before.replace('{', '').replace('}', '')}\n{load}"
    return f"{prefixes}INSERT DATA {{ GRAPH ex:g {{ ex:a\\#b ex:p ex:o }} }} ;\n{load}"


FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.mark.parametrize("entry", ["get", "form", "direct", "update-form", "update-direct"])
def test_nothing_off_the_list_is_ever_contacted(guarded: Server, target: Listener, entry: str) -> None:
    update = entry.startswith("update")
    refusals: list[str] = []

    trick = COMMENT_TRICK.format(url=target.url("x"))
    if update:
        trick = trick.replace("SELECT *", "INSERT { GRAPH <http://ex.org/g> { ?x ?p ?o } }", 1)

    @FAST
    @example(text=trick)  # always among the examples: one text the first reading misses and the engine runs
    @given(text=attack(target.port, update))
    def check(text: str) -> None:
        before = target.hits
        reply = send(guarded, entry, text)
        assert target.hits == before, f"contacted by: {text!r}"
        assert reply.status < 500 or reply.status in (502, 503), (text, reply.body[:300])
        refusals.append(reply.body.decode("utf-8", "replace") if reply.status >= 400 else "")

    check()
    # the texts reached the engine itself, not only the first reading of them: the guard refused some
    assert any("tried to connect" in r for r in refusals), "\n".join(r[:150] for r in refusals)


def test_kg_query_contacts_nothing_off_the_list(seed_store: Path, target: Listener) -> None:
    runner = CliRunner()

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        text = data.draw(attack(target.port, False))
        before = target.hits
        from kg.cli import main

        result = runner.invoke(main, ["query", text, "--store", str(seed_store)], catch_exceptions=False)
        assert target.hits == before, f"contacted by: {text!r}"
        assert result.exit_code in (0, 2), result.output

    check()
