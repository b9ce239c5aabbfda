"""Shared fixtures: the seed article built once into a store, and a real `kg serve` on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "wang-yi-blinken-call.txt"
SHARED = ROOT.parent / "shared"
BASE = "http://localhost:8000/"
KG = [sys.executable, "-m", "kg.cli"]


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip with the reason when the folder is absent (as on a user's machine)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent: the development material is not on this machine")
    return p


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article (built once per test session, through the public CLI)."""
    path = tmp_path_factory.mktemp("store") / "db"
    run = subprocess.run(KG + ["build", str(SEED), "--store", str(path), "--base-iri", BASE],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return path


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the eight development articles in one store (their dates from ../shared/articles/index.tsv),
    built once per session with a fixed build time; skipped where the development articles are absent."""
    folder = shared_path("articles")
    path = tmp_path_factory.mktemp("dev") / "db"
    run = subprocess.run(KG + ["build", str(SEED), str(folder), "--store", str(path), "--base-iri", BASE, "-q"],
                         capture_output=True, text=True, timeout=1200,
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0, run.stderr
    return path


@pytest.fixture(scope="session")
def seed_extraction():
    """The seed article and what extraction finds in it (Python API)."""
    from kg import extract, ingest, link

    article = ingest(SEED)
    return article, link(extract(article))


class Server:
    def __init__(self, url: str, proc: subprocess.Popen) -> None:
        self.url, self.proc = url, proc


def start_server(store: Path, *extra: str, env: dict | None = None) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(KG + ["serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port),
                                  "--workers", "2", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kg serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2).read()
            return Server(url, proc)
        except OSError:
            time.sleep(0.2)
    stop_server(Server(url, proc))
    raise RuntimeError("kg serve did not answer within 60 s")


def stop_server(server: Server) -> None:
    import signal

    try:
        os.killpg(server.proc.pid, signal.SIGTERM)
        server.proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.proc.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def seed_app(seed_store: Path):
    """The app over the seed store, built in process by its factory (no gunicorn, no socket): for what does not
    depend on the HTTP protocol itself. Its query processes are those of a worker."""
    from server import create_app

    return create_app({"STORE_PATH": str(seed_store), "TESTING": True})


@pytest.fixture(scope="session")
def seed_server(seed_store: Path):
    """`kg serve` (gunicorn, two workers) over the seed store, on a free port of 127.0.0.1."""
    server = start_server(seed_store)
    yield server
    stop_server(server)
