"""The indexes: ``/actors``, ``/events``, ``/statements``, ``/articles`` — paged, sortable, filterable — and their
JSON twins (``/actors.json`` and so on, with the same parameters).

Parameters: ``page``, ``per`` (1–200), ``sort`` (a column), ``order`` (asc/desc), ``speaker`` (a resource path such
as ``person/wang-yi``, or an IRI), ``article`` (an article id), ``type``, ``from`` and ``to`` (dates). What each
filter means on each index: :mod:`server.pages.listing`. A bad value is a 400 naming it.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from server.pages import listing, params
from server.pages.paging import link_header, page_links
from server.blueprints.site import secure_html

bp = Blueprint("browse", __name__)
bp.after_request(secure_html)


def _filters(kind: str) -> listing.Filters:
    spec = listing.SPECS[kind]
    types = listing.type_options(kind) if params.text("type") else spec.types
    return listing.Filters(speaker=params.resource("speaker"), article=params.article("article"),
                           type=params.choice("type", types) if types or params.text("type") else "",
                           date_from=params.date("from"), date_to=params.date("to", end=True))


def _args(f: listing.Filters, **extra: Any) -> dict[str, Any]:
    """The query-string of this view (for links to other pages and sort orders): only what is set."""
    args = {"speaker": params.short(f.speaker) if f.speaker else "",
            "article": params.short(f.article).removeprefix("article/") if f.article else "",
            "type": f.type, "from": params.text("from"), "to": params.text("to")}
    args.update(extra)
    return {k: v for k, v in args.items() if v not in ("", None)}


def _page(kind: str) -> tuple[listing.Page, listing.Filters]:
    spec = listing.SPECS[kind]
    f = _filters(kind)
    paging = params.paging()
    sort = params.choice("sort", spec.sortable, spec.default_sort)
    order = params.choice("order", ("asc", "desc"), spec.default_order if sort == spec.default_sort else "asc")
    return listing.fetch(kind, f, sort=sort, order=order, page=paging.page, per=paging.per), f


def _links(kind: str, page: listing.Page, f: listing.Filters, endpoint: str) -> dict[str, str | None]:
    base = {"sort": page.sort, "order": page.order, "per": page.per}

    def at(n: int) -> str:
        return url_for(endpoint, kind=kind, **_args(f, **base, page=n))

    return page_links(at, page.page, page.pages)


@bp.route("/<any(actors, events, statements, articles):kind>", endpoint="listing")
def listing_page(kind: str) -> Response:
    """One page of an index, as HTML."""
    page, f = _page(kind)
    links = _links(kind, page, f, "browse.listing")
    sorts = {c.key: url_for("browse.listing", kind=kind, **_args(
        f, sort=c.key, order="desc" if page.sort == c.key and page.order == "asc" else "asc", per=page.per))
        for c in page.spec.columns if c.sort}
    html = render_template("listing.html", page=page, links=links, sorts=sorts, kind=kind, filters=f,
                           args=_args(f), types=listing.type_options(kind), raw=request.args,
                           json_url=url_for("browse.listing_json", kind=kind, **_args(
                               f, sort=page.sort, order=page.order, page=page.page, per=page.per)))
    return link_header(Response(html, mimetype="text/html"), links)


@bp.route("/<any(actors, events, statements, articles):kind>.json")
def listing_json(kind: str) -> Response:
    """The same page as JSON: ``{"kind", "page", "per", "pages", "total", "sort", "order", "filters", "items",
    "next", "prev"}``; every item has ``iri``, ``label`` and the columns of the HTML table."""
    page, f = _page(kind)
    links = _links(kind, page, f, "browse.listing_json")
    body = {"kind": kind, "page": page.page, "per": page.per, "pages": page.pages, "total": page.total,
            "sort": page.sort, "order": page.order, "filters": _args(f),
            "items": [{k: v for k, v in item.items() if not k.endswith("href")} for item in page.items],
            "next": links["next"], "prev": links["prev"]}
    return link_header(jsonify(body), links)

