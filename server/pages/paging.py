"""Links between the pages of a paged list (an index, the landing page's articles): the same four, built once."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import Response


def page_links(at: Callable[[int], str], number: int, pages: int) -> dict[str, str | None]:
    """``next``, ``prev`` (None at either end), ``first`` and ``last``: ``at(n)`` is the URL of page ``n``."""
    return {"next": at(number + 1) if number < pages else None, "prev": at(number - 1) if number > 1 else None,
            "first": at(1), "last": at(pages)}


def link_header(resp: Response, links: dict[str, str | None],
                rels: Iterable[str] = ("next", "prev", "first", "last")) -> Response:
    """``resp`` with a ``Link`` header naming the given relations that have a URL (none: no header)."""
    parts = [f'<{u}>; rel="{rel}"' for rel, u in links.items() if u and rel in rels]
    if parts:
        resp.headers["Link"] = ", ".join(parts)
    return resp
