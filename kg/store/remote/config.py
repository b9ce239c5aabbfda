"""Where and how to reach a remote SPARQL engine (the ``NEWSKG_STORE_*`` settings, docs/scaling.md).

=========================  =====================================================================================
``NEWSKG_STORE_UPDATE_URL`` SPARQL Update endpoint (Oxigraph: ``…/update``; Virtuoso with a user: ``…/sparql-auth``)
``NEWSKG_STORE_GSP_URL``    Graph Store Protocol endpoint: one graph is read from it (``kg dump --graph``, the
                            Graph Store reads of ``kg serve``) instead of by a CONSTRUCT query
``NEWSKG_STORE_USER``       user name for the update (and GSP) endpoint; ``NEWSKG_STORE_PASSWORD`` its password
``NEWSKG_STORE_AUTH``       ``basic`` (default) or ``digest`` (Virtuoso's ``/sparql-auth``)
``NEWSKG_STORE_ENGINE``     ``oxigraph``, ``virtuoso`` or ``generic`` (default: recognised from the server)
``NEWSKG_STORE_TIMEOUT``    seconds to wait for an answer (default 600; ``kg serve`` uses its query timeout)
=========================  =====================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kg.errors import ConfigError
from kg.store.remote import engines


@dataclass(frozen=True)
class RemoteConfig:
    """Where and how to reach a remote engine. Only ``query_url`` is required; the password never shows in a
    repr (nor in a log line or a traceback that prints one)."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str = "basic"
    engine: str | None = None
    timeout: float = 600.0

    def __post_init__(self) -> None:
        if self.auth not in ("basic", "digest"):
            raise ConfigError(f"unknown authentication {self.auth!r}; use basic or digest")
        if self.engine is not None and self.engine not in engines.ENGINES:
            raise ConfigError(f"unknown engine {self.engine!r}; use one of {', '.join(engines.ENGINES)}")

    @classmethod
    def from_env(cls, url: str, **given: Any) -> RemoteConfig:
        """The configuration for ``url``: options given (non-None) first, then the ``NEWSKG_STORE_*`` settings (kg.config).

        :raises ConfigError: on an unknown auth scheme or engine.
        """
        from kg.config import current

        st = current()
        values: dict[str, Any] = {
            "update_url": st.store_update_url, "gsp_url": st.store_gsp_url, "user": st.store_user,
            "password": st.store_password, "auth": st.store_auth or "basic", "engine": st.store_engine,
        }
        if st.store_timeout is not None:
            values["timeout"] = st.store_timeout
        values.update({k: v for k, v in given.items() if v is not None and k != "query_url"})
        return cls(url, **values)

    def at(self, url: str) -> RemoteConfig:
        """The same settings for the engine at ``url``."""
        return replace(self, query_url=url)
