"""The landing page: what the dataset holds, links to the query page, the SPARQL endpoint and the downloads."""

from __future__ import annotations

from flask import Blueprint, render_template

from kg.store import term_text
from server.store import get_store

bp = Blueprint("ui", __name__)

ARTICLES = """
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
SELECT ?article ?headline ?date
       (COUNT(DISTINCT ?s) AS ?statements) (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?a) AS ?actors)
WHERE {
  ?article a nkg:Article ; schema:headline ?headline .
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?s nkg:extractedFrom ?article ; a nkg:Statement }
  OPTIONAL { ?e nkg:extractedFrom ?article ; nkg:eventType ?type }
  OPTIONAL { ?article schema:mentions ?a . FILTER NOT EXISTS { ?a a nkg:Place } }
}
GROUP BY ?article ?headline ?date ORDER BY DESC(?date) ?headline
"""


@bp.route("/")
def index():  # noqa: ANN201
    """The landing page."""
    store = get_store()
    rows = [{k: term_text(v) for k, v in r.items()} for r in store.query(ARTICLES).rows()]
    return render_template("index.html", articles=rows, triples=store.count(), graphs=len(store.graphs()))
