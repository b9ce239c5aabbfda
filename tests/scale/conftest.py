"""Fixtures of the scale tests: small articles written here, and the two real remote engines on loopback.

* ``oxigraph``: the Oxigraph server (from the test extra), started on a free port of 127.0.0.1;
* ``virtuoso``: Debian's Virtuoso, started through ``scripts/virtuoso.py`` — the same script as ``make
  virtuoso-start`` — with a small row cap (2,500) so that a cut made by the engine can be seen. When ``virtuoso-t`` is
  missing, ``.ci/system-deps`` installs it; the tests are skipped only where that cannot work (no apt, not root).

Both fixtures are session-wide; each test that writes to an engine empties it of newskg's graphs first.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import KG, ROOT, free_port

# Articles written for these tests: the same two people in both (one the knowledge base links, one it cannot).
ARTICLES = {
    "warsaw-talks": """Polish minister meets Blinken in Warsaw

Maria Kowalczyk, the foreign minister of Poland, met Antony Blinken in Warsaw on Monday.

"We agreed to work together on energy security," Maria Kowalczyk told reporters after the meeting.

Blinken said the United States would support Poland.
""",
    "berlin-visit": """Kowalczyk travels to Berlin

Maria Kowalczyk, the foreign minister of Poland, arrived in Berlin on Tuesday for talks.

"Europe must stand together," Maria Kowalczyk said at a press conference.

Antony Blinken welcomed the visit in a statement.
""",
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles.items():
        p = folder / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def kg(*args: str, env: dict | None = None, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    run = subprocess.run(KG + list(args), capture_output=True, text=True, timeout=timeout,
                         env={**os.environ, **(env or {})})
    if check:
        assert run.returncode == 0, run.stderr
    return run


@dataclass
class Engine:
    """A running remote engine: its name, query URL and the environment that configures kg for it."""

    name: str
    url: str
    env: dict[str, str] = field(default_factory=dict)

    def store(self, *, read_only: bool = False):  # noqa: ANN201
        from kg.store.remote import RemoteConfig, RemoteStore

        fields = {"update_url": self.env.get("NEWSKG_STORE_UPDATE_URL"), "user": self.env.get("NEWSKG_STORE_USER"),
                  "password": self.env.get("NEWSKG_STORE_PASSWORD"), "auth": self.env.get("NEWSKG_STORE_AUTH")}
        return RemoteStore(RemoteConfig.from_env(self.url, **fields), read_only=read_only)

    def clear(self) -> None:
        """Remove every graph of newskg's (the engine's own graphs stay)."""
        with self.store() as s:
            s.remove_graphs(s.graphs())


def _wait(url: str, proc: subprocess.Popen | None, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline or (proc is not None and proc.poll() is not None):
                raise RuntimeError(f"{url} did not answer") from None
            time.sleep(0.2)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The Oxigraph server on a free loopback port, with a 10 s limit of its own for queries."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph; it is in the test extra)")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}",
                             "--timeout-s", "10"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait(url, proc, 30)
        yield Engine("oxigraph", url, {"NEWSKG_STORE_UPDATE_URL": f"http://127.0.0.1:{port}/update"})
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def _ensure_virtuoso() -> None:
    """Install Virtuoso when it is missing and this machine can (root with apt); skip only where it cannot."""
    if shutil.which("virtuoso-t"):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("Virtuoso (virtuoso-t) is not installed and cannot be here (needs root and apt-get): "
                    "install the Debian package virtuoso-opensource")
    subprocess.run([str(ROOT / ".ci" / "system-deps")], check=True, timeout=1200)
    assert shutil.which("virtuoso-t"), ".ci/system-deps ran but virtuoso-t is still missing"


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Debian's Virtuoso on loopback through scripts/virtuoso.py (what `make virtuoso-start` runs)."""
    _ensure_virtuoso()
    folder = tmp_path_factory.mktemp("virtuoso")
    script = [sys.executable, str(ROOT / "scripts" / "virtuoso.py")]
    run = subprocess.run(script + ["start", "--dir", str(folder), "--max-rows", "2500", "--buffers", "20000"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    env = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
    try:
        yield Engine("virtuoso", env["NEWSKG_STORE"], {k: v for k, v in env.items() if k.startswith("NEWSKG_STORE_")})
    finally:
        subprocess.run(script + ["stop", "--dir", str(folder)], timeout=120)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def engine(request: pytest.FixtureRequest) -> Engine:
    """Each remote engine in turn, emptied of newskg's graphs."""
    found: Engine = request.getfixturevalue(request.param)
    found.clear()
    return found
