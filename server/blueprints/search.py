"""Search: ``/search?q=…`` (a results page with snippets and facets: kind, article, speaker, year) and
``/search.json?q=…`` (``{"results": [{"iri", "label", "kind", "article", "snippet"}], …}``).

The index is :mod:`kg.search`'s SQLite FTS5 file beside the store (``SEARCH_INDEX`` overrides where), kept by
``kg build``/``kg remove`` and rebuilt by ``kg index`` or at ``kg serve``'s start; this worker only reads it. A search
that is not valid FTS5 syntax is a 400 with FTS5's message; a missing index a 503 that says how to make one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, url_for
from werkzeug.exceptions import BadRequest, ServiceUnavailable

from kg import search as index
from kg.errors import QueryError
from server.pages import params
from server.blueprints.site import href, secure_html

bp = Blueprint("search", __name__)
bp.after_request(secure_html)
PER_PAGE = 20


def index_file() -> Path:
    config = current_app.config
    return index.index_path(str(config["STORE_PATH"]), config.get("SEARCH_INDEX"))


def _filters() -> index.Filters:
    return index.Filters(kind=params.choice("kind", index.KINDS), article=params.article("article"),
                         speaker=params.resource("speaker"), date_from=params.date("from"),
                         date_to=params.date("to", end=True))


def _run(q: str, f: index.Filters, page: int, per: int, facets: bool) -> index.Results:
    path = index_file()
    try:
        conn = index.reader(path)
    except FileNotFoundError:
        raise ServiceUnavailable(f"there is no search index yet ({path.name}): `kg serve` builds it when it starts, "
                                 "or run `kg index --store STORE`") from None
    try:
        return index.search(conn, q, f, limit=per, offset=(page - 1) * per, facets=facets)
    except QueryError as e:
        raise BadRequest(str(e)) from None
    except sqlite3.DatabaseError as e:
        raise ServiceUnavailable(f"the search index could not be read ({e}); rebuild it with `kg index`") from None
    finally:
        conn.close()


def _plain(snippet: str) -> str:
    return snippet.replace("\x02", "").replace("\x03", "")


def _marked(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, matched) runs, for the template to escape and mark."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split("\x02")):
        if i == 0:
            out.append((part, False))
            continue
        hit, _, rest = part.partition("\x03")
        out += [(hit, True), (rest, False)]
    return [(t, m) for t, m in out if t]


@bp.route("/search.json")
def search_json() -> Response:
    q = params.text("q")
    if not q:
        raise BadRequest("q is missing: /search.json?q=WORDS")
    paging = params.paging(PER_PAGE, 100)
    res = _run(q, _filters(), paging.page, paging.per, facets=params.text("facets") == "1")
    body: dict[str, Any] = {
        "query": q, "total": res.total, "page": paging.page, "per": paging.per,
        "results": [{"iri": h.iri, "label": h.label, "kind": h.kind, "article": h.article,
                     "snippet": _plain(h.snippet), "type": h.type, "article_label": h.article_label,
                     "speaker": h.speaker, "date": h.date} for h in res.hits]}
    if res.facets:
        body["facets"] = {k: [{"value": v, "label": lab, "count": n} for v, lab, n in vs]
                          for k, vs in res.facets.items()}
    return jsonify(body)


@bp.route("/search")
def page() -> Response:
    q = params.text("q")
    f = _filters()
    paging = params.paging(PER_PAGE, 100)
    try:
        res = _run(q, f, paging.page, paging.per, facets=True) if q else None
    except BadRequest as e:  # the page again, with the message by the search box
        html = render_template("search.html", q=q, res=None, hits=[], facets=[], page=1, pages=1, links={},
                               json_url="", error=e.description)
        return Response(html, status=400, mimetype="text/html")
    current = {"q": q, "kind": f.kind, "article": params.short(f.article).removeprefix("article/") if f.article
               else "", "speaker": params.short(f.speaker) if f.speaker else "", "from": params.text("from"),
               "to": params.text("to")}
    current = {k: v for k, v in current.items() if v}

    def with_(**changes: str) -> str:
        args = {**current, **changes}
        return url_for("search.page", **{k: v for k, v in args.items() if v})

    hits = [{"hit": h, "href": href(h.iri), "article_href": href(h.article) if h.article else "",
             "speaker_href": href(h.speaker) if h.speaker else "", "snippet": _marked(h.snippet)}
            for h in (res.hits if res else [])]
    facets = []
    if res:
        names = {"kind": "Kind", "article": "Article", "speaker": "Speaker", "date": "Year"}
        for key, values in res.facets.items():
            chosen = {"kind": f.kind, "article": f.article, "speaker": f.speaker,
                      "date": f.date_from[:4] if f.date_from and f.date_to[:4] == f.date_from[:4] else ""}[key]
            entries = []
            for value, label, n in values:
                arg = value
                if key in ("article", "speaker"):
                    arg = params.short(value).removeprefix("article/") if key == "article" else params.short(value)
                link = with_(**({"from": value, "to": value} if key == "date" else {key: arg}))
                entries.append({"label": label or value, "count": n, "href": link, "on": value == chosen})
            clear = with_(**({"from": "", "to": ""} if key == "date" else {key: ""})) if chosen else ""
            facets.append({"key": key, "name": names[key], "entries": entries, "clear": clear})
    pages = max(1, -(-res.total // paging.per)) if res else 1
    links = {"prev": with_(page=str(paging.page - 1)) if paging.page > 1 else None,
             "next": with_(page=str(paging.page + 1)) if res and paging.page < pages else None,
             "first": with_(page=""), "last": with_(page=str(pages))}
    html = render_template("search.html", q=q, res=res, hits=hits, facets=facets, page=paging.page, pages=pages,
                           links=links, json_url=url_for("search.search_json", **current) if q else "", error="")
    return Response(html, mimetype="text/html")
