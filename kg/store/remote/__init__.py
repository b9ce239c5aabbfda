"""The remote back-end of the store: a SPARQL 1.1 engine over HTTP (Oxigraph, Virtuoso, any other)."""

from kg.store.remote.config import RemoteConfig
from kg.store.remote.results import RemoteTimeout, query_form
from kg.store.remote.store import RemoteStore

__all__ = ["RemoteConfig", "RemoteStore", "RemoteTimeout", "query_form"]
