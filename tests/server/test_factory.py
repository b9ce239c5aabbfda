"""The app built in process by its factory (create_app + test_client): the settings it reads, the one error map,
and the main doors answering over the seed store. The protocol itself is tested against real servers."""

from __future__ import annotations

import json

import pytest

from kg.config import SECRETS, Settings, app_environment
from kg.errors import ConfigError, InputError, NewsKGError, QueryError, StoreError
from server import create_app, settings
from server.http.errors import STATUS, status_of


def test_the_settings_read_defaults_then_variables_then_the_command_line():
    assert Settings.from_env({}).store == "var/store"
    env = {"NEWSKG_STORE": "/data/db", "NEWSKG_ONLINE": "yes", "NEWSKG_WIKIDATA_TIMEOUT": "2.5",
           "NEWSKG_KB": "a.jsonl:b", "NEWSKG_FEDERATION_ALLOW": ""}
    s = Settings.from_env(env)
    assert (s.store, s.online, s.wikidata_timeout, s.kb, s.federation_allow) == ("/data/db", True, 2.5,
                                                                                 ("a.jsonl", "b"), "")
    given = s.given(store="other", base_iri=None)
    assert given.store == "other" and given.online is True and s.store == "/data/db"
    with pytest.raises(ConfigError, match="NEWSKG_STORE_TIMEOUT"):
        Settings.from_env({"NEWSKG_STORE_TIMEOUT": "soon"})


def test_the_password_never_reaches_the_app_config(monkeypatch: pytest.MonkeyPatch, seed_store):
    monkeypatch.setenv("NEWSKG_STORE_PASSWORD", "s3cret-pw")
    monkeypatch.setenv("NEWSKG_QUERY_TIMEOUT", "7")
    assert "NEWSKG_STORE_PASSWORD" in SECRETS
    assert "STORE_PASSWORD" not in app_environment()
    config = settings({"STORE_PATH": str(seed_store)})
    assert config["QUERY_TIMEOUT"] == 7  # other NEWSKG_* variables still configure the app
    assert "s3cret-pw" not in json.dumps({k: str(v) for k, v in config.items()})
    assert "s3cret-pw" not in repr(Settings.from_env())  # nor in a log line that prints the settings
    assert Settings.from_env().store_password == "s3cret-pw"  # the remote store reads it from here


def test_one_map_turns_exceptions_into_statuses():
    assert status_of(QueryError("x")) == 400 and status_of(InputError("x")) == 400
    assert status_of(StoreError("x")) == 503 and status_of(ConfigError("x")) == 400
    assert status_of(RuntimeError("x")) == 500
    assert all(issubclass(cls, NewsKGError) for cls in STATUS)


def test_a_store_error_in_a_route_is_a_503_in_the_error_shape(tmp_path):
    app = create_app({"STORE_PATH": str(tmp_path / "nothing-here"), "TESTING": True})
    reply = app.test_client().get("/healthz")
    assert reply.status_code == 503
    body = reply.get_json()
    assert body["ok"] is False and body["status"] == 503 and "no store here" in body["error"]


def test_the_doors_answer_in_process(seed_app):
    client = seed_app.test_client()
    health = client.get("/healthz").get_json()
    assert health["ok"] is True and health["triples"] > 0
    ask = client.get("/sparql", query_string={"query": "ASK { ?s a <https://w3id.org/newskg/ns#Statement> }"},
                     headers={"Accept": "application/sparql-results+json"})
    assert ask.status_code == 200 and ask.get_json()["boolean"] is True
    bad = client.get("/sparql", query_string={"query": "SELEC nothing"}, headers={"Accept": "application/json"})
    assert bad.status_code == 400 and bad.get_json()["ok"] is False
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert void.status_code == 200 and void.content_type.startswith("text/turtle")
