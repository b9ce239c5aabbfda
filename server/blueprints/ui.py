"""The landing page (what the dataset holds, where to go next) and the query page (YASGUI over our endpoint, with
the named queries of ``queries/*.rq`` as examples)."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from kg.namespaces import sparql_prefixes
from kg.store import term_text
from server.pages import engine, params
from server.pages.paging import link_header, page_links
from server.blueprints.site import href, secure_html
from server.engine.access import counts

bp = Blueprint("ui", __name__)
bp.after_request(secure_html)

PREFIXES = sparql_prefixes("nkg", "schema", "rdfs")
# One subquery per count: a join of statements × events × actors would grow as their product.
ARTICLES = PREFIXES + """
SELECT ?article ?headline ?date ?inferred ?statements ?events ?actors WHERE {
  ?article a nkg:Article ; schema:headline ?headline .
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article nkg:dateInferred ?inferred }
  { SELECT ?article (COUNT(DISTINCT ?s) AS ?statements)
    WHERE { ?article a nkg:Article OPTIONAL { ?s nkg:extractedFrom ?article ; a nkg:Statement } } GROUP BY ?article }
  { SELECT ?article (COUNT(DISTINCT ?e) AS ?events)
    WHERE { ?article a nkg:Article OPTIONAL { ?e nkg:extractedFrom ?article ; nkg:eventType ?t } } GROUP BY ?article }
  { SELECT ?article (COUNT(DISTINCT ?a) AS ?actors)
    WHERE { ?article a nkg:Article OPTIONAL { ?article schema:mentions ?a FILTER NOT EXISTS { ?a a nkg:Place } } }
    GROUP BY ?article }
}
ORDER BY DESC(?date) ?headline ?article
"""
ARTICLE_COUNT = PREFIXES + "SELECT (COUNT(DISTINCT ?article) AS ?n) WHERE { ?article a nkg:Article ; schema:headline ?h }"
ARTICLES_PER_PAGE = 100  # articles listed on one landing page (?page=N): the page asks for a page, never for all
TOP_ACTORS = PREFIXES + """
SELECT ?actor (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?s) AS ?statements) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  VALUES ?t { nkg:Person nkg:Organization nkg:GovernmentOrganization nkg:Country }
  ?actor a ?t ; rdfs:label ?l .
  ?article schema:mentions ?actor .
  OPTIONAL { ?s nkg:speaker ?actor }
}
GROUP BY ?actor HAVING (COUNT(DISTINCT ?s) > 0) ORDER BY DESC(?statements) DESC(?articles) ?label LIMIT 12
"""


@bp.route("/")
def index():  # noqa: ANN201
    """The landing page: the dataset's totals, the most quoted actors and a page of the articles (``?page=N``,
    newest first; a corpus of thousands is paged like a hub's page, so no request asks the engine for all of them).
    """
    number = params.integer("page", 1, 1, 10**9)
    # one row more than a page, to know whether there is a next one, and never more than the row limit allows
    per = max(1, min(ARTICLES_PER_PAGE, int(current_app.config["MAX_ROWS"]) - 1))
    total = int(engine.select(ARTICLE_COUNT)[0]["n"] or 0)
    pages = max(1, -(-total // per))
    if number > pages:
        abort(404, f"there is no page {number} of the articles: the last is page {pages}")
    articles = []
    for r in engine.rows(f"{ARTICLES} LIMIT {per} OFFSET {(number - 1) * per}"):
        row = {k: term_text(v) for k, v in r.items()}
        row["href"] = href(row["article"])
        articles.append(row)
    actors = []
    for r in engine.rows(TOP_ACTORS):
        row = {k: term_text(v) for k, v in r.items()}
        row["href"] = href(row["actor"])
        actors.append(row)
    triples, graphs = counts()

    def at(n: int) -> str:
        return url_for("ui.index", page=n) if n > 1 else url_for("ui.index")

    links = page_links(at, number, pages)
    html = render_template("index.html", articles=articles, total=total, first=(number - 1) * per + 1,
                           page=number, pages=pages, links=links, actors=actors, triples=triples, graphs=graphs,
                           queries=named_queries())
    return link_header(Response(html, mimetype="text/html"), links, rels=("next", "prev"))


@bp.route("/query")
def query():  # noqa: ANN201
    """YASGUI, vendored under /static/yasgui, pointed at this server's endpoint only."""
    from kg.pipeline.rdf.mapping import PREFIXES
    from server.blueprints.site import NKG, base_iri

    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    return render_template("query.html", queries=named_queries(), prefixes=prefixes, base=base_iri(), ns=NKG,
                           endpoint=url_for("sparql.endpoint", _external=True))


def queries_dir() -> Path:
    """``QUERIES_DIR``, else the project's ``queries/`` folder beside the server package."""
    configured = current_app.config.get("QUERIES_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "queries"


def named_queries() -> list[dict[str, str]]:
    """Each ``*.rq`` file: its name, its leading comment (what it answers), a title and a one-line description
    made from that comment (:func:`title_of`), and its text."""
    folder = queries_dir()
    out = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("# ").strip())
        whole = " ".join(comment)
        title, summary = title_of(whole, path.stem)
        out.append({"name": path.stem, "description": whole, "title": title, "summary": summary, "query": text})
    return out


def title_of(comment: str, name: str) -> tuple[str, str]:
    """A named query's title and one-line description from its leading comment: "Competency question 2: who
    said what to whom …" → ("Who said what to whom …", "Competency question 2"); "Every actor (…): its label, …"
    → ("Every actor", "Its label, …"). The title ends at the first "?", ":", " — " or full stop."""
    tag = ""
    m = re.match(r"Competency question (\d+):\s*", comment)
    if m:
        tag, comment = f"Competency question {m[1]}", comment[m.end():]
    end = _title_end(comment)
    if end is not None:
        keep = comment[end] == "?"
        head, rest = comment[:end + 1 if keep else end], comment[end + (2 if comment[end] == " " else 1):].strip()
    else:
        head, rest = comment, ""
    title = re.sub(r"\s*\([^)]*\)", "", head).strip() or name
    first = re.match(r"(.+?[.?])(?:\s|$)", rest)
    line = (first[1] if first else rest).strip()
    if len(line) > 150:
        line = line[:150].rsplit(" ", 1)[0] + "…"
    summary = " · ".join(x for x in (tag, line[:1].upper() + line[1:]) if x)
    return title[:1].upper() + title[1:], summary


def _title_end(text: str) -> int | None:
    """Where a title ends: the first "?", ":", " — " or full stop followed by a space, outside brackets."""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        after = text[i + 1:i + 2]
        if depth == 0 and (ch in "?:." and after in ("", " ") or text[i:i + 3] == " — "):
            return i
    return None
