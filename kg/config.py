"""The settings of newskg in one object: the defaults, then the ``NEWSKG_*`` environment variables, then what the
command line gives — the only module that reads the environment for newskg's own settings.

The command line reads the settings once per command (:func:`kg.commands.options.settings`) and hands them down;
a library call that is given none reads them here at the call (:func:`current`), so a program that changes its
environment between calls is obeyed. Nothing writes the environment back. Secrets (the remote store's password,
the update token) are fields that never show in a repr, and the server's Flask config never receives the password:
the remote store reads it from here when it connects (:meth:`kg.store.remote.config.RemoteConfig.from_env`).

==============================  ================================================================================
``NEWSKG_STORE``                the store directory or SPARQL endpoint URL (default ``var/store``)
``NEWSKG_BASE_IRI``             the base IRI of a new store (default: the store's, or ``http://localhost:8000/``)
``NEWSKG_ONLINE``               ``1``: link on Wikidata too when the local knowledge base cannot
``NEWSKG_WIKIDATA_ENDPOINT``    the SPARQL endpoint of online linking
``NEWSKG_WIKIDATA_TIMEOUT``     seconds per answer in online linking (default 10)
``NEWSKG_CACHE_DIR``            the cache folder of online linking
``NEWSKG_KB``                   extra knowledge-base files or folders (separated by the path separator)
``NEWSKG_KB_INDEX``             the folder of the knowledge base's index
``NEWSKG_SEARCH_INDEX``         the search index file
``NEWSKG_FEDERATION_ALLOW``     the SERVICE endpoints queries may call
``NEWSKG_STORE_*``              a remote store's endpoints, user, password, authentication, engine, timeout
==============================  ================================================================================
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from kg.errors import ConfigError

PREFIX = "NEWSKG_"
# variables only the settings object holds: never copied into a web framework's configuration
SECRETS = frozenset({"NEWSKG_STORE_PASSWORD"})
_TRUE = frozenset({"1", "true", "yes", "on"})


def _number(env: Mapping[str, str], name: str) -> float | None:
    value = env.get(name)
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a number") from None


@dataclass(frozen=True)
class Settings:
    """Every setting newskg reads from its environment; ``None`` where the code's own default applies."""

    store: str = "var/store"
    base_iri: str | None = None
    online: bool = False
    wikidata_endpoint: str | None = None
    wikidata_timeout: float | None = None
    cache_dir: str | None = None
    kb: tuple[str, ...] = ()
    kb_index: str | None = None
    search_index: str | None = None
    federation_allow: str | None = None
    store_update_url: str | None = None
    store_gsp_url: str | None = None
    store_user: str | None = None
    store_password: str | None = field(default=None, repr=False)
    store_auth: str | None = None
    store_engine: str | None = None
    store_timeout: float | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults overridden by the ``NEWSKG_*`` variables of ``environ`` (default: the process's).

        :raises ConfigError: naming the variable whose value is not what it must be.
        """
        env = os.environ if environ is None else environ

        def text(name: str) -> str | None:
            return env.get(PREFIX + name) or None

        return cls(
            store=text("STORE") or cls.store,
            base_iri=text("BASE_IRI"),
            online=(env.get(PREFIX + "ONLINE") or "").strip().lower() in _TRUE,
            wikidata_endpoint=text("WIKIDATA_ENDPOINT"),
            wikidata_timeout=_number(env, PREFIX + "WIKIDATA_TIMEOUT"),
            cache_dir=text("CACHE_DIR"),
            kb=tuple(p for p in (env.get(PREFIX + "KB") or "").split(os.pathsep) if p.strip()),
            kb_index=text("KB_INDEX"),
            search_index=text("SEARCH_INDEX"),
            # "" is a setting of its own (no federation), so it is kept as given
            federation_allow=env.get(PREFIX + "FEDERATION_ALLOW"),
            store_update_url=text("STORE_UPDATE_URL"),
            store_gsp_url=text("STORE_GSP_URL"),
            store_user=text("STORE_USER"),
            store_password=env.get(PREFIX + "STORE_PASSWORD") or None,
            store_auth=text("STORE_AUTH"),
            store_engine=text("STORE_ENGINE"),
            store_timeout=_number(env, PREFIX + "STORE_TIMEOUT"),
        )

    def given(self, **values: Any) -> Settings:
        """These settings with what the command line gave (``None`` means not given) on top."""
        names = {f.name for f in fields(self)}
        unknown = set(values) - names
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def current() -> Settings:
    """The settings as the environment gives them now (for a library call that was handed none)."""
    return Settings.from_env()


def app_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The ``NEWSKG_*`` variables as a web app's configuration keys (``NEWSKG_QUERY_TIMEOUT=5`` →
    ``QUERY_TIMEOUT: 5``, values read as JSON where they are JSON, as Flask's ``from_prefixed_env`` does), without
    the secrets: the app reads those from :class:`Settings` where it needs them, never from its configuration."""
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {}
    for name in sorted(env):
        if not name.startswith(PREFIX) or name in SECRETS:
            continue
        value: Any = env[name]
        try:
            value = json.loads(value)
        except ValueError:
            pass
        out[name[len(PREFIX):]] = value
    return out
