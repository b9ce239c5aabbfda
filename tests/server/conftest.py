"""Servers for the protocol tests: real `kg serve` processes on loopback ports, one per configuration.

* ``seed_server`` (from tests/conftest.py): the seed store, read-only, default limits.
* ``write_server``: an empty store with an update token and a 3 s timeout (the W3C suites and the update tests
  write to it).
* ``limits_server``: the seed store with small limits (1 s timeout, 5 rows, 4 kB bodies) and a federation
  allow-list naming ``remote_endpoint``, a second SPARQL server (Oxigraph) with data of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import Store
from tests.conftest import Server, free_port, start_server, stop_server

TOKEN = "test-token-7f3a"  # noqa: S105 - a throwaway token for a loopback test server
REMOTE_DATA = '<http://remote.example/thing> <http://remote.example/says> "hello from the remote endpoint" .\n'


@pytest.fixture(scope="session")
def write_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`kg serve --update-token` over a store that starts empty."""
    path = tmp_path_factory.mktemp("write") / "db"
    Store(path).close()
    server = start_server(path, "--update-token", TOKEN, "--timeout", "3")
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def remote_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second SPARQL endpoint (the Oxigraph server) on a loopback port; its query URL."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph; it is in the test extra)")
    folder = tmp_path_factory.mktemp("remote")
    (folder / "data.nt").write_text(REMOTE_DATA, encoding="utf-8")
    subprocess.run([exe, "load", "--location", str(folder / "db"), "--file", str(folder / "data.nt")],
                   check=True, capture_output=True, timeout=120)
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                os.killpg(proc.pid, signal.SIGKILL)
                raise RuntimeError("the oxigraph server did not start") from None
            time.sleep(0.2)
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=15)


@pytest.fixture(scope="session")
def limits_server(seed_store: Path, remote_endpoint: str) -> Iterator[Server]:
    """The seed store with small limits and the remote endpoint on the federation allow-list."""
    env = {"NEWSKG_MAX_ROWS": "5", "NEWSKG_MAX_CONTENT_LENGTH": "4000",
           "NEWSKG_FEDERATION_ALLOW": json.dumps([remote_endpoint])}
    server = start_server(seed_store, "--timeout", "1", env=env)
    yield server
    stop_server(server)
