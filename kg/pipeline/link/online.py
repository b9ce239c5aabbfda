"""Online linking: look actors the knowledge base cannot link up on a Wikidata SPARQL endpoint.

Off unless asked for (``kg build --online`` or ``NEWSKG_ONLINE=1``): the build makes no network call otherwise.
Every answer is kept in an on-disk cache keyed by endpoint and query, so a second build asks nothing and works with
the endpoint gone. A lookup that fails (timeout, refused connection, bad answer) leaves the actor unlinked, logs one
warning, and stops further lookups of that run: a build never waits on a dead endpoint more than once.

A candidate is accepted only when its label agrees with the actor's name (the query matches the English label or
an alias exactly) and its type agrees with the actor's kind: a person must be an instance of *human*, a country of
*country* or *sovereign state*, an organisation an instance of (a subclass of) *organization*. Those class items
come from the knowledge base (``class/…`` records), like every other identifier.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg.version import __version__
from kg.errors import ConfigError
from kg.model import Extraction
from kg.pipeline.link.kb import WIKIDATA, KnowledgeBase, name_key
from kg.pipeline.link.names import COMPATIBLE, strip_titles

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_TIMEOUT = 10.0
DEFAULT_CACHE = Path("var/cache/wikidata")
ONLINE_CONFIDENCE = 0.8  # one candidate whose label and type agree; context can only narrow several down

# actor kind → the KB class records a candidate must be an instance of (directly, or by subclass for organisations)
_CLASSES = {"person": ("class/human",), "country": ("class/country", "class/sovereign-state"),
            "organization": ("class/organization",), "government": ("class/organization",)}


@dataclass(frozen=True)
class OnlineConfig:
    """Where and how to ask. :meth:`from_env` reads ``NEWSKG_ONLINE``, ``NEWSKG_WIKIDATA_ENDPOINT``,
    ``NEWSKG_WIKIDATA_TIMEOUT`` and ``NEWSKG_CACHE_DIR`` (the cache goes in its ``wikidata`` folder)."""

    enabled: bool = False
    endpoint: str = DEFAULT_ENDPOINT
    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path = DEFAULT_CACHE

    def __post_init__(self) -> None:
        if not self.endpoint.startswith(("http://", "https://")):
            raise ConfigError(f"{self.endpoint!r} is not an http(s) SPARQL endpoint")
        if not 0 < self.timeout <= 600:
            raise ConfigError(f"online timeout {self.timeout} s is not between 0 and 600 seconds")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> OnlineConfig:
        from kg.config import Settings

        st = Settings.from_env(environ)
        values: dict[str, object] = {
            "enabled": st.online, "endpoint": st.wikidata_endpoint or DEFAULT_ENDPOINT,
            "timeout": DEFAULT_TIMEOUT if st.wikidata_timeout is None else st.wikidata_timeout,
            "cache_dir": Path(st.cache_dir) / "wikidata" if st.cache_dir else DEFAULT_CACHE}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Candidate:
    """A Wikidata item whose label and type agree with an actor."""

    qid: str
    countries: frozenset[str] = frozenset()  # Q-ids of its country (P27 for people, P17 otherwise)

    @property
    def iri(self) -> str:
        return WIKIDATA + self.qid


@dataclass
class WikidataClient:
    """Asks one SPARQL endpoint, through the cache. One client per build: it remembers a failed endpoint."""

    config: OnlineConfig
    kb: KnowledgeBase
    requests: int = 0  # answers fetched from the endpoint (not from the cache)
    failed: str | None = None  # why the endpoint was given up on, if it was
    _memo: dict[str, dict | None] = field(default_factory=dict, repr=False)

    def classes(self, kind: str) -> list[str]:
        """The Q-ids of the classes an actor of ``kind`` must belong to (from the knowledge base)."""
        out = []
        for cid in _CLASSES.get(kind, ()):
            e = self.kb.get(cid)
            if e is None or not e.wikidata:
                raise ConfigError(f"the knowledge base has no Wikidata id for {cid}, which online linking needs")
            out.append(e.wikidata)
        return out

    def candidates(self, name: str, kind: str) -> list[Candidate] | None:
        """Items labelled ``name`` (label or alias, English) of the right type; None when the endpoint failed."""
        if kind not in _CLASSES or not name.strip():
            return []
        result = self.select(lookup_query(name, kind, self.classes(kind)))
        if result is None:
            return None
        wanted = set(self.classes(kind))
        found: dict[str, set[str]] = {}
        for row in result.get("results", {}).get("bindings", []):
            item = row.get("item", {}).get("value", "")
            if not item.startswith(WIKIDATA + "Q"):
                continue
            qid = item[len(WIKIDATA):]
            cls = row.get("class", {}).get("value", "")
            typed = cls.startswith(WIKIDATA) and cls[len(WIKIDATA):] in wanted
            if kind in ("organization", "government"):
                typed = row.get("isOrg", {}).get("value") == "true"
            if not typed or name_key(row.get("label", {}).get("value", "")) != name_key(name):
                continue  # the type or the label does not agree: not a candidate
            countries = found.setdefault(qid, set())
            c = row.get("country", {}).get("value", "")
            if c.startswith(WIKIDATA):
                countries.add(c[len(WIKIDATA):])
        return [Candidate(q, frozenset(cs)) for q, cs in sorted(found.items())]

    def select(self, query: str) -> dict | None:
        """The SPARQL JSON result of ``query``, from the cache or the endpoint; None (and a warning) on failure."""
        key = hashlib.sha256(f"{self.config.endpoint}\n{query}".encode()).hexdigest()
        if key in self._memo:
            return self._memo[key]
        path = self.config.cache_dir / f"{key}.json"
        if path.is_file():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                self._memo[key] = cached["result"]
                return cached["result"]
            except (OSError, ValueError, KeyError):
                log.warning("ignoring an unreadable cache entry %s", path.name)
        if self.failed is not None:
            return None
        result = self._fetch(query)
        self._memo[key] = result
        if result is not None:
            self._store(path, query, result)
        return result

    def _fetch(self, query: str) -> dict | None:
        url = self.config.endpoint + ("&" if "?" in self.config.endpoint else "?") + urllib.parse.urlencode(
            {"query": query})
        req = urllib.request.Request(url, headers={
            "Accept": "application/sparql-results+json",
            "User-Agent": f"newskg/{__version__} (knowledge-graph builder; online linking)"})
        try:
            with urllib.request.urlopen(req, timeout=self.config.timeout) as resp:  # noqa: S310 - http(s) only
                body = resp.read()
            self.requests += 1
            result = json.loads(body)
            if not isinstance(result, dict) or "results" not in result:
                raise ValueError("not a SPARQL SELECT result")
            return result
        except (OSError, ValueError, http.client.HTTPException) as e:  # URLError, timeouts, refusals: OSError
            reason = getattr(e, "reason", None) or e or type(e).__name__
            self.failed = f"{self.config.endpoint}: {reason}"
            log.warning("online linking: no answer from %s (%s); the actors it would have linked stay unlinked, "
                        "and no further lookups are made in this run", self.config.endpoint, reason)
            return None

    def _store(self, path: Path, query: str, result: dict) -> None:
        """Write one cache entry atomically (a killed build leaves no half-written file)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.part")  # parallel build workers share the cache
            tmp.write_text(json.dumps({"endpoint": self.config.endpoint, "query": query, "result": result},
                                      ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError as e:
            log.warning("cannot write the online-linking cache in %s (%s)", path.parent, e)


def _literal(s: str) -> str:
    """A SPARQL string literal for ``s`` (the name comes from an article: escape everything that could end it)."""
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{esc}"@en'


def lookup_query(name: str, kind: str, classes: list[str]) -> str:
    """The query for items labelled ``name`` with their classes (and, for organisations, whether they are one)."""
    name = " ".join(name.split())
    country = "wdt:P27" if kind == "person" else "wdt:P17"
    is_org = ""
    if kind in ("organization", "government"):
        is_org = f"\n  BIND(EXISTS {{ ?item wdt:P31/wdt:P279* wd:{classes[0]} }} AS ?isOrg)"
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?item ?label ?class ?country ?isOrg WHERE {{
  VALUES ?label {{ {_literal(name)} }}
  {{ ?item rdfs:label ?label }} UNION {{ ?item skos:altLabel ?label }}
  OPTIONAL {{ ?item wdt:P31 ?class }}
  OPTIONAL {{ ?item {country} ?country }}{is_org}
}}
LIMIT 200"""


def link_online(extraction: Extraction, client: WikidataClient, kb: KnowledgeBase) -> None:
    """Ask the endpoint about every named actor still without a Wikidata link; accept a single candidate whose
    label and type agree (or the one whose country is the actor's, among several)."""
    for actor in extraction.actors:
        if actor.kind not in COMPATIBLE or actor.key.startswith(("anon/", "group/")) or "wikidata" in actor.links:
            continue
        name = strip_titles(actor.label) if actor.kind == "person" else actor.label
        if actor.kind == "person" and len(name.split()) < 2:
            continue  # a surname alone is never looked up: too many people share it
        found = client.candidates(name, actor.kind)
        if found is None:
            return  # the endpoint failed (already warned): the rest stay as the knowledge base left them
        country = kb.get(actor.country)
        if len(found) > 1 and country is not None and country.wikidata:
            found = [c for c in found if country.wikidata in c.countries]
        if len(found) != 1:
            if found:
                log.info("online: %s is ambiguous (%s), left unlinked", actor.label, ", ".join(c.qid for c in found))
            continue
        actor.links["wikidata"] = found[0].iri
        conf = ONLINE_CONFIDENCE
        actor.link_confidence = conf if actor.link_confidence is None else min(actor.link_confidence, conf)
