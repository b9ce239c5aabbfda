"""A plain HTTP client for the server tests (http.client: no library between the test and the bytes)."""

from __future__ import annotations

import http.client
import json
import urllib.parse
from dataclasses import dataclass
from typing import Any


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def media(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        return json.loads(self.body)


def fetch(base: str, method: str, path: str, *, headers: dict[str, str] | None = None, body: bytes | str | None = None,
          params: dict[str, str] | list[tuple[str, str]] | None = None, timeout: float = 60) -> Reply:
    """Send one request to the server at ``base`` (e.g. http://127.0.0.1:8123) and read the whole answer."""
    parts = urllib.parse.urlsplit(base)
    if params:
        path += ("&" if "?" in path else "?") + urllib.parse.urlencode(params)
    if isinstance(body, str):
        body = body.encode("utf-8")
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def query(base: str, text: str, accept: str | None = None, **kw: Any) -> Reply:
    """A GET query."""
    headers = {"Accept": accept} if accept else {}
    headers.update(kw.pop("headers", {}))
    return fetch(base, "GET", "/sparql", params=[("query", text), *kw.pop("extra", [])], headers=headers, **kw)


def assert_error_shape(reply: Reply, status: int) -> dict:
    """The one error shape: JSON {"ok": false, "error": message, "status": status}."""
    assert reply.status == status, reply.body[:500]
    assert reply.media == "application/json", reply.headers
    doc = reply.json()
    assert doc["ok"] is False and doc["status"] == status and isinstance(doc["error"], str) and doc["error"]
    return doc
