"""The article page as a reading room, over HTTP: every span the graph knows is a link in the text with its
data-kind, to its resource; the text is whole and nests validly; cards say who said what to whom, when, in which
event (and with what confidence, when the graph has one)."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.store import Store, term_text
from tests.conftest import BASE, KG, start_server, stop_server
from tests.publish.conftest import SCRIPT_ID, SEED_ID, build
from tests.publish.helpers import BROWSER_ACCEPT, get

pytestmark = pytest.mark.slow  # builds a store and starts `kg serve`

NKG = "https://w3id.org/newskg/ns#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
KINDS = {"speaker", "cue", "quote", "actor", "event", "time"}


class Page(HTMLParser):
    """The article text's marks and characters, and the cards, from the page as a browser parses it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside #article-text
        self.stack: list[str] = []
        self.text: list[str] = []
        self.marks: list[dict] = []
        self.cards: set[str] = set()

    def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN201
        a = dict(attrs)
        if a.get("class", "").startswith("card ") and a.get("id"):
            self.cards.add(a["id"])
        if a.get("id") == "article-text":
            self.depth = 1
            return
        if self.depth:
            assert not (tag == "a" and "a" in self.stack), "a link inside a link"
            self.stack.append(tag)
            if tag == "a":
                self.marks.append({**a, "text": ""})

    def handle_endtag(self, tag):  # noqa: ANN001, ANN201
        if not self.depth:
            return
        if not self.stack:
            assert tag == "div"
            self.depth = 0
            return
        assert self.stack.pop() == tag, "tags closed out of order"

    def handle_data(self, data):  # noqa: ANN001, ANN201
        if self.depth:
            self.text.append(data)
            if self.stack:
                self.marks[-1]["text"] += data


def read(url: str) -> Page:
    r = get(url, BROWSER_ACCEPT)
    assert r.status == 200
    page = Page()
    page.feed(r.text)
    return page


@pytest.fixture(scope="module")
def seed_page(site) -> Page:  # noqa: ANN001
    return read(f"{site.url}/doc/article/{SEED_ID}")


def stored_text(store: Store, aid: str) -> tuple[str, int]:
    rows = store.query(f"SELECT ?t ?f WHERE {{ <{BASE}id/article/{aid}> <{NKG}text>/<{NIF}isString> ?t "
                       f"OPTIONAL {{ <{BASE}id/article/{aid}> <{NKG}footerBegin> ?f }} }}").rows()
    text = term_text(rows[0]["t"])
    return text, int(term_text(rows[0]["f"])) if rows[0]["f"] is not None else len(text)


def test_the_text_is_whole_and_every_mark_is_a_link_of_a_known_kind(seed_page, store):
    text, footer = stored_text(store, SEED_ID)
    assert "".join(seed_page.text) == text[:footer]  # nothing lost, nothing added, in order
    assert seed_page.marks and {m["data-kind"] for m in seed_page.marks} == KINDS
    for m in seed_page.marks:
        assert m["data-kind"] in KINDS and m["href"].startswith("/doc/") and m["text"]
        assert m["href"] == "/doc/" + m["data-iri"][len(BASE) + 3:]  # the link is the resource it names
        assert set(m.get("data-cards", "").split()) <= seed_page.cards


def test_every_linked_resource_answers(site, seed_page):
    for href in sorted({m["href"] for m in seed_page.marks}):
        assert get(site.url + href, BROWSER_ACCEPT).status == 200, href


def test_statements_speakers_and_times_link_where_the_graph_says(seed_page, store):
    statements = store.query(f"""SELECT ?s ?sp WHERE {{ ?s <{NKG}extractedFrom> <{BASE}id/article/{SEED_ID}> ;
        a <{NKG}Statement> ; <{NKG}speaker> ?sp }}""").rows()
    quotes = {m["data-iri"] for m in seed_page.marks if m["data-kind"] == "quote"}
    assert quotes == {term_text(r["s"]) for r in statements}
    speakers = {m["data-iri"] for m in seed_page.marks if m["data-kind"] == "speaker"}
    assert speakers and speakers <= {term_text(r["sp"]) for r in statements}
    times = store.query(f"""SELECT ?t ?v WHERE {{ ?t <{NKG}extractedFrom> <{BASE}id/article/{SEED_ID}> ;
        a <{NKG}TimeExpression> ; <http://www.w3.org/2006/time#inXSDDate> ?v }}""").rows()
    dated = {m["data-iri"]: m.get("data-date") for m in seed_page.marks if m.get("data-date")}
    assert times and all(dated.get(term_text(r["t"])) == term_text(r["v"])[:10] for r in times)


def test_cards_say_who_said_what_to_whom_when_and_in_which_event(site):
    html = get(f"{site.url}/doc/article/{SEED_ID}", BROWSER_ACCEPT).text
    cards = html.split('id="cards"', 1)[1].split('id="statements-heading"', 1)[0]
    card = next(c for c in cards.split('<div class="card card-statement"')[1:] if "statement/4\"" in c)
    for what in (">Who<", ">Antony Blinken<", ">Said<", "underscored the global security", ">To<", ">Wang Yi<",
                 ">When<", "2022-01-27", ">In<", "phone call", ">Confidence<"):
        assert what in card, what
    confidences = re.findall(r"<dt>Confidence</dt><dd>(\d+)%</dd>", cards)
    assert confidences and all(0 < int(c) <= 100 for c in confidences)  # every statement card shows its confidence
    assert 'id="layers"' in html and 'id="legend"' in html
    for kind in KINDS:
        assert f'id="layer-{kind}"' in html


def test_markup_in_quotes_stays_text_in_the_marks(site, store):
    page = read(f"{site.url}/doc/article/{SCRIPT_ID}")
    text, footer = stored_text(store, SCRIPT_ID)
    assert "".join(page.text) == text[:footer]
    assert any("<script>alert(1)</script>" in m["text"] for m in page.marks if m["data-kind"] == "quote")


def test_confidence_shows_when_the_graph_has_it(tmp_path: Path, script_article: Path):
    db = tmp_path / "db"
    build(db, script_article)
    statement = f"{BASE}id/article/{SCRIPT_ID}/statement/1"
    extra = tmp_path / "confidence.nt"
    extra.write_text(f'<{statement}> <{NKG}confidence> "0.8"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
    run = subprocess.run(KG + ["load", str(extra), "--store", str(db), "--graph", f"{BASE}graph/extra"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    server = start_server(db)
    try:
        html = get(f"{server.url}/doc/article/{SCRIPT_ID}", BROWSER_ACCEPT).text
        cards = html.split('id="cards"', 1)[1]
        assert ">Confidence<" in cards and ">80%<" in cards
    finally:
        stop_server(server)
