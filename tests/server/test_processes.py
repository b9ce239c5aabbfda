"""Processes end cleanly: `kg build` killed with SIGKILL leaves none of its workers behind, and `kg serve` stopped
with SIGTERM stops every worker without a crash (its log says so) and leaves no process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import KG, SEED, free_port

pytestmark = pytest.mark.slow


def descendants(pid: int) -> set[int]:
    """Every living (not zombie) process below ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
    out, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return {p for p in out if alive(p)}


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def wait_until(predicate, seconds: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_kill_9_of_kg_build_leaves_no_worker(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(8):
        shutil.copy(SEED, corpus / f"article-{i}.txt")
    build = subprocess.Popen(KG + ["build", str(corpus), "--store", str(tmp_path / "db"), "-j", "2", "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # the fork server and its two workers, busy with the model and the first articles
        assert wait_until(lambda: len(descendants(build.pid)) >= 3, 120), "the workers did not start"
        time.sleep(2)
        workers = descendants(build.pid)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=10)
        left = lambda: {p for p in workers if alive(p)}  # noqa: E731
        assert wait_until(lambda: not left(), 15), f"workers still running after the build was killed: {left()}"
    finally:
        try:
            os.killpg(build.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_sigterm_stops_kg_serve_without_a_crash(seed_store: Path, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        serve = subprocess.Popen(KG + ["serve", "--store", str(seed_store), "--port", str(port), "--workers", "3"],
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"

        def up() -> bool:
            try:
                urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2).read()
                return True
            except OSError:
                return False

        assert wait_until(up, 90), log.read_text(errors="replace")[-2000:]
        for path in ("/", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", "/doc/person/wang-yi", "/healthz"):
            for _ in range(3):
                try:
                    urllib.request.urlopen(url + path, timeout=30).read()
                except OSError:
                    pass
        tree = descendants(serve.pid)
        assert tree, "no worker processes"
        serve.send_signal(signal.SIGTERM)  # to the master only, as `kill PID` does
        assert serve.wait(timeout=60) == 0
    finally:
        try:
            os.killpg(serve.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    text = log.read_text(errors="replace")
    assert "Shutting down: Master" in text
    assert "SIGSEGV" not in text and "was sent" not in text and "Traceback" not in text, text[-3000:]
    assert wait_until(lambda: not {p for p in tree if alive(p)}, 15), "processes left after the server stopped"
