"""The pages and documents of a store of nine articles: evidence in whole sentences on every actor, event and
statement page; words, not codes; JSON-LD compacted under a context served at a stable URL; Turtle grouped by
subject; VoID with its licence and a page of its own; downloads with their sizes and counts."""

from __future__ import annotations

import concurrent.futures as cf
import gzip
import html as htmlmod
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.store import Store, term_text
from tests.conftest import BASE, start_server, stop_server
from tests.publish.helpers import BROWSER_ACCEPT, get, parse, triples

pytestmark = pytest.mark.slow

# What a sentence never ends with in running text (checked by the test itself, apart from kg.pipeline.sentences).
TITLES = r"(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Lt|Col|Prof|St)\."
STARTERS = {"The", "He", "She", "It", "They", "We", "In", "But", "A", "An", "This", "That", "On", "At", "I"}


@pytest.fixture(scope="module")
def dev_site(dev_store: Path, tmp_path_factory: pytest.TempPathFactory):
    server = start_server(dev_store, env={"NEWSKG_DUMP_DIR": str(tmp_path_factory.mktemp("dev-dumps"))})
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def texts(dev_store: Path) -> dict[str, str]:
    """Article id → its stored text."""
    with Store(dev_store, read_only=True) as s:
        rows = s.query("SELECT ?a ?t WHERE { ?a <https://w3id.org/newskg/ns#text>/"
                       "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }").rows()
    return {term_text(r["a"]).rsplit("/", 1)[1]: term_text(r["t"]) for r in rows}


def resources(store: Path, kind: str) -> list[str]:
    queries = {
        "statement": "SELECT DISTINCT ?x WHERE { ?x a <https://w3id.org/newskg/ns#Statement> }",
        "event": "SELECT DISTINCT ?x WHERE { ?x <https://w3id.org/newskg/ns#eventType> ?t }",
        "actor": "SELECT DISTINCT ?x WHERE { ?x <https://w3id.org/newskg/ns#denotedBy> ?m FILTER NOT EXISTS "
                 "{ ?x <https://w3id.org/newskg/ns#eventType> ?t } FILTER NOT EXISTS { ?x a "
                 "<https://w3id.org/newskg/ns#TimeExpression> } }",
    }
    with Store(store, read_only=True) as s:
        return sorted(term_text(r["x"])[len(BASE) + 3:] for r in s.query(queries[kind]).rows())


def passages(page: str) -> list[tuple[str, int, int]]:
    """(article id, begin, end) of every evidence passage of a page, from its "In …" headings and offsets."""
    out, article = [], ""
    evidence = page.split('id="evidence"', 1)[1] if 'id="evidence"' in page else ""
    for m in re.finditer(r'<h3 class="small">In <a href="/doc/article/([^"]+)"|characters (\d+)–(\d+)', evidence):
        if m.group(1):
            article = m.group(1)
        else:
            out.append((article, int(m.group(2)), int(m.group(3))))
    return out


def whole_sentences(text: str, b: int, e: int) -> str | None:
    """Why text[b:e] is not whole sentences, or None."""
    before = text[:b].rstrip(" \t")
    line_start = b == 0 or before.endswith("\n")
    if not line_start:
        if not re.search(r"[.!?…][\"'”’)\]]*$", before):
            return f"starts mid-sentence: …{before[-30:]!r}|{text[b:b + 30]!r}"
        if re.search(rf"(?:\b{TITLES}|\b[A-Z]\.|\bNo\.)$", before):
            return f"starts after an abbreviation: …{before[-30:]!r}"
    line_end = e == len(text) or text[e:].lstrip(" \t").startswith("\n")
    if not line_end:
        passage, after = text[b:e], text[e:].lstrip()
        if not re.search(r"[.!?…][\"'”’)\]]*$", passage):
            return f"ends mid-sentence: {passage[-30:]!r}|{after[:20]!r}"
        nxt = after.split()[0] if after.split() else ""
        if re.search(rf"\b{TITLES}$", passage) or (re.search(r"\bNo\.$", passage) and nxt[:1].isdigit()):
            return f"ends at an abbreviation: {passage[-30:]!r}|{after[:20]!r}"
        if re.search(r"\b(?:[A-Z]\.){1,3}$", passage) and nxt[:1].isupper() and nxt not in STARTERS:
            return f"ends inside a name or an initialism: {passage[-30:]!r}|{after[:20]!r}"
    return None


@pytest.mark.parametrize("kind", ["statement", "event", "actor"])
def test_evidence_is_whole_sentences_on_every_page(dev_site, dev_store: Path, texts: dict[str, str], kind: str):
    paths = resources(dev_store, kind)
    assert len(paths) > 50

    def check(path: str) -> list[str]:
        page = get(f"{dev_site.url}/doc/{path}", BROWSER_ACCEPT)
        assert page.status == 200, path
        found = passages(page.text)
        problems = [f"{path} ({a} {b}-{e}): {why}" for a, b, e in found
                    if (why := whole_sentences(texts[a], b, e)) is not None]
        return problems + ([f"{path}: no evidence"] if not found else [])

    with cf.ThreadPoolExecutor(4) as pool:
        problems = [p for ps in pool.map(check, paths) for p in ps]
    assert not problems, "\n".join(problems[:20])


def test_the_seed_sentences_the_issue_names(dev_site, texts):
    """"The U.S." (338–346) and a passage from "Secretary of State" were what the pages showed before."""
    page = get(f"{dev_site.url}/doc/country/united-states", BROWSER_ACCEPT).text
    spans = [(b, e) for a, b, e in passages(page) if a == "wang-yi-blinken-call"]
    assert spans and all(e - b > 40 for b, e in spans)
    assert any(texts["wang-yi-blinken-call"][b:e].startswith("The U.S. Secretary of State, in the phone call")
               for b, e in spans)


def table_cells(page: str, table: str) -> list[str]:
    body = page.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    return [htmlmod.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>",
                                                                                       body, re.S)]


def test_words_not_codes(dev_site):
    wang = get(f"{dev_site.url}/doc/person/wang-yi", BROWSER_ACCEPT).text
    props = table_cells(wang, "properties")[::2]
    assert "position held" in props and "country of citizenship" in props
    assert not [p for p in props if re.fullmatch(r"P\d+", p)]
    assert "Foreign Minister of China (2022-01-27)" in " ".join(table_cells(wang, "incoming"))
    call = get(f"{dev_site.url}/doc/article/wang-yi-blinken-call/event/1", BROWSER_ACCEPT).text
    assert "Wang Yi — participant" in htmlmod.unescape(call)
    assert "Antony Blinken — participant" in htmlmod.unescape(call)
    article = get(f"{dev_site.url}/doc/article/wang-yi-blinken-call", BROWSER_ACCEPT).text
    assert any("Thursday" in c and "2022-01-27" in c for c in table_cells(article, "events"))  # text and date
    actor = get(f"{dev_site.url}/doc/person/wang-yi", BROWSER_ACCEPT).text
    assert "Thursday (2022-01-27)" in table_cells(actor, "actor-events")
    us = get(f"{dev_site.url}/doc/country/united-states", BROWSER_ACCEPT).text
    props = us.split('id="properties"', 1)[1].split("</table>", 1)[0]
    assert len(re.findall(r">U\.S\.</a>", props)) == 1  # one entry for every mention written "U.S." …
    assert re.search(r">U\.S\.</a> <span class=\"count\"[^>]*>×\d+</span>", props)  # … with how many there are
    for path in ("article/wang-yi-blinken-call", "person/wang-yi", "article/wang-yi-blinken-call/event/1"):
        page = get(f"{dev_site.url}/doc/{path}", BROWSER_ACCEPT).text
        codes = re.findall(r">((?:holding|participation|cause|contribution|position) \d+)<", page)
        assert not codes, (path, codes)


def test_json_ld_is_compacted_under_a_served_context(dev_site):
    ctx = get(f"{dev_site.url}/ns/context.jsonld")
    assert ctx.status == 200 and ctx.header("Content-Type").startswith("application/ld+json")
    assert '"nkg": "https://w3id.org/newskg/ns#"' in ctx.text
    doc = get(f"{dev_site.url}/doc/person/wang-yi.jsonld")
    assert f'"@context": "{dev_site.url}/ns/context.jsonld"' in doc.text and '"rdfs:label": "Wang Yi"' in doc.text
    compacted = Graph().parse(data=doc.body, format="json-ld")  # rdflib fetches the context from the server
    turtle = parse(get(f"{dev_site.url}/doc/person/wang-yi.ttl").body, "ttl")
    assert len(compacted) > 20 and set(compacted) == set(turtle)
    whole = Dataset()
    whole.parse(data=get(f"{dev_site.url}/download/all.jsonld").body, format="json-ld")
    assert triples(whole) == triples(parse(get(f"{dev_site.url}/download/all.nq").body, "nq"))


def test_turtle_names_each_subject_once(dev_site):
    for path in ("/doc/person/wang-yi.ttl", "/download/all.ttl", "/download/article/wang-yi-blinken-call.ttl"):
        body = get(dev_site.url + path).text
        heads = [ln.split(" ", 1)[0] for ln in body.splitlines() if ln and not ln[0].isspace()
                 and not ln.startswith("@prefix")]
        assert len(heads) == len(set(heads)), path
        assert "@prefix nkg:" in body and "nkg:" in body.split("\n", 20)[-1]


def test_void_has_a_licence_and_a_page(dev_site):
    void = parse(get(f"{dev_site.url}/.well-known/void", "text/turtle").body, "ttl")
    dataset = URIRef(f"{dev_site.url}/.well-known/void#dataset")
    license_ = URIRef("http://purl.org/dc/terms/license")
    assert void.value(dataset, license_) == URIRef("https://creativecommons.org/licenses/by/2.5/")
    subset = URIRef(f"{dev_site.url}/.well-known/void#article-03-merkel-georgia-nato")
    assert void.value(subset, license_) == URIRef("https://creativecommons.org/licenses/by/2.5/")
    assert URIRef("https://en.wikinews.org/wiki/Merkel%3A_Georgia_will_join_NATO") in set(
        void.objects(subset, URIRef("http://purl.org/dc/terms/source")))
    page = get(f"{dev_site.url}/.well-known/void", BROWSER_ACCEPT)
    assert page.status == 200 and page.header("Content-Type").startswith("text/html")
    assert 'rel="license"' in page.text and "CC BY 2.5" in page.text and "03-merkel-georgia-nato" in page.text
    home = get(f"{dev_site.url}/", BROWSER_ACCEPT).text
    assert 'href="/.well-known/void"' in home


def test_downloads_list_sizes_and_counts(dev_site, dev_store: Path):
    page = get(f"{dev_site.url}/download/", BROWSER_ACCEPT).text
    cells = re.findall(r'<td class="dump" data-dataset="([^"]+)" data-ext="([^"]+)">(.*?)</td>', page, re.S)
    assert len(cells) == 10 * 6
    with Store(dev_store, read_only=True) as s:
        union, quads = s.union_size(), s.count()
    for dataset, ext, cell in cells:
        sizes = [int(n) for n in re.findall(r'data-bytes="(\d+)"', cell)]
        count = int(re.search(r'data-triples="(\d+)"', cell).group(1))
        name = "all" if dataset == "all" else f"article/{dataset}"
        plain = get(f"{dev_site.url}/download/{name}.{ext}").body
        gz = get(f"{dev_site.url}/download/{name}.{ext}.gz").body
        assert sizes == [len(plain), len(gz)] and gzip.decompress(gz) == plain, (dataset, ext)
        if dataset == "all":
            assert count == (quads if ext in ("nq", "trig", "jsonld") else union), ext
        elif ext in ("nt", "nq"):
            assert count == len([ln for ln in plain.decode().splitlines() if ln.strip()]), (dataset, ext)
