"""The graph views and the timelines, each an HTML page that works as lists without JavaScript (the drawing is
added by static/network.js and static/timeline.js from the JSON twin):

* ``/network/article/ID`` — an article's actors ↔ statements ↔ events; ``/network/KIND/SLUG`` — an actor's
  neighbourhood, ``?page=N`` (its statements and events, :data:`server.pages.network.PER_PAGE` a page);
* ``/timeline`` — the events of the corpus with a resolved time, in time order (``page``, ``from``, ``to``);
  ``/timeline/article/ID`` — one article's;
* the same paths with ``.json``: ``{"nodes", "edges", …}`` and ``{"items", …}``.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from server.pages import network, params, timeline
from server.blueprints.site import base_iri, secure_html

bp = Blueprint("explore", __name__)
bp.after_request(secure_html)


def _split(path: str) -> tuple[str, bool]:
    return (path[:-5], True) if path.endswith(".json") else (path, False)


def _resource(path: str) -> str:
    iri = f"{base_iri()}id/{path}"
    if not network.engine.iri_ok(iri) or not params.SLUG.fullmatch(path):
        abort(404, f"no resource {path}")
    return iri


@bp.route("/network/<path:path>", endpoint="network")
def network_view(path: str) -> Response:
    """An article's graph, or an actor's neighbourhood (paged)."""
    path, as_json = _split(path)
    iri = _resource(path)
    article = path.startswith("article/") and path.count("/") == 1
    page = params.integer("page", 1, 1, 1_000_000)
    if article:
        if not network.is_article(iri):
            abort(404, f"no article {path[8:]}")
        g = network.article_graph(iri)
        pages = 1
    else:
        if not network.actor_exists(iri):
            abort(404, f"no actor {path}: graphs are drawn for articles and actors")
        g = network.actor_graph(iri, page)
        pages = max(1, -(-max(g.total_statements, g.total_events) // network.PER_PAGE))
    focus = next((n for n in g.nodes.values() if n.get("focus")), None)
    data = {**g.json(), "page": page, "pages": pages, "statements": g.total_statements, "events": g.total_events}
    link = {"next": url_for("explore.network", path=path, page=page + 1) if page < pages else None,
            "prev": url_for("explore.network", path=path, page=page - 1) if page > 1 else None}
    if as_json:
        return jsonify({**data, "next": link["next"] and link["next"].replace(path, path + ".json", 1),
                        "prev": link["prev"] and link["prev"].replace(path, path + ".json", 1)})
    label = focus["label"] if focus else _article_label(iri)
    json_url = url_for("explore.network", path=path + ".json", page=page if page > 1 else None)
    return Response(render_template("network.html", g=g, label=label, article=article, path=path, iri=iri,
                                    page=page, pages=pages, links=link, json_url=json_url), mimetype="text/html")



def _article_label(iri: str) -> str:
    rows = network.engine.select(f"SELECT ?h WHERE {{ <{iri}> <http://schema.org/headline> ?h }} LIMIT 1")
    return rows[0]["h"] if rows else iri.rsplit("/", 1)[-1]


@bp.route("/timeline", endpoint="timeline")
@bp.route("/timeline.json", endpoint="timeline_json")
def timeline_view() -> Response:
    """The corpus timeline, a page at a time."""
    page = params.integer("page", 1, 1, 1_000_000)
    date_from, date_to = params.date("from"), params.date("to", end=True)
    items, total = timeline.of_corpus(page, date_from, date_to)
    pages = max(1, -(-total // timeline.PER_PAGE))
    args = {k: v for k, v in (("from", params.text("from")), ("to", params.text("to"))) if v}
    endpoint = "explore.timeline_json" if request.path.endswith(".json") else "explore.timeline"
    link = {"next": url_for(endpoint, page=page + 1, **args) if page < pages else None,
            "prev": url_for(endpoint, page=page - 1, **args) if page > 1 else None}
    if endpoint.endswith("json"):
        return jsonify({"items": [i.json() for i in items], "page": page, "pages": pages, "total": total, **link})
    return Response(render_template("timeline.html", items=items, title="Timeline", article=None, page=page,
                                    pages=pages, total=total, links=link, args=args,
                                    json_url=url_for("explore.timeline_json", page=page, **args)),
                    mimetype="text/html")



@bp.route("/timeline/article/<aid>")
def article_timeline(aid: str) -> Response:
    """One article's events in time order."""
    aid, as_json = _split(aid)
    iri = _resource(f"article/{aid}")
    if not network.is_article(iri):
        abort(404, f"no article {aid}")
    items = timeline.of_article(iri)
    if as_json:
        return jsonify({"items": [i.json() for i in items], "page": 1, "pages": 1, "total": len(items)})
    return Response(render_template("timeline.html", items=items, title=f"Timeline of {_article_label(iri)}",
                                    article={"iri": iri, "aid": aid}, page=1, pages=1, total=len(items),
                                    links={}, args={}, json_url=url_for("explore.article_timeline",
                                                                        aid=aid + ".json")),
                    mimetype="text/html")
