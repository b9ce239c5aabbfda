"""Start and stop a Virtuoso (Debian's ``virtuoso-opensource``) of this project's own, on loopback.

    python scripts/virtuoso.py start [--dir var/virtuoso] [--http-port N] [--sql-port N] [--buffers N]
    python scripts/virtuoso.py stop  [--dir var/virtuoso]
    python scripts/virtuoso.py status [--dir var/virtuoso]

``start`` writes ``DIR/virtuoso.ini`` (its database, logs and load folder all under DIR; both ports on 127.0.0.1,
free ones unless given; no plug-ins, no DAV pages, no replication; ``DirsAllowed`` naming ``DIR/load`` for the bulk
loader; ``ResultSetMaxRows`` raised so that newskg's own row limit is what cuts results), starts ``virtuoso-t``
in the background, sets the ``dba`` password (``$NEWSKG_VIRTUOSO_PASSWORD``, else a random one kept in
``DIR/dba-password``, readable by its owner only), waits until the SPARQL endpoint answers and prints the
settings as ``NAME=value`` lines, ready for ``kg --store``::

    NEWSKG_STORE=http://127.0.0.1:PORT/sparql
    NEWSKG_STORE_UPDATE_URL=http://127.0.0.1:PORT/sparql-auth
    NEWSKG_STORE_USER=dba
    NEWSKG_STORE_PASSWORD=…
    NEWSKG_STORE_AUTH=digest

Starting twice reuses the running server. ``stop`` shuts it down (checkpoint first) and leaves the database;
``--wipe`` removes DIR too. Exit 3 means Virtuoso is not installed (``make system-deps`` installs it).
"""

from __future__ import annotations

import argparse
import configparser
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

VAD_DIR = "/usr/share/virtuoso-opensource-7/vad"
INI = """; written by scripts/virtuoso.py: a Virtuoso for newskg on loopback only
[Database]
DatabaseFile    = {db}/virtuoso.db
ErrorLogFile    = {db}/virtuoso.log
LockFile        = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
MaxCheckpointRemap = 2000
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping        = 0

[Parameters]
ServerPort      = 127.0.0.1:{sql_port}
LiteMode        = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 20
CheckpointInterval = 60
O_DIRECT        = 0
CaseMode        = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls    = 0
SchedulerInterval = 10
; the bulk loader (ld_dir) may read these folders only
DirsAllowed     = ., {load}
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU       = 0
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps   = 64
MaxQueryMem     = 1G
VectorSize      = 1000
MaxVectorSize   = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 10
; 8 kB pages: {buffers} buffers are about {buffer_mb} MB of cache
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}

[HTTPServer]
ServerPort      = 127.0.0.1:{http_port}
ServerRoot      = {db}/vsp
MaxClientConnections = 20
DavRoot         = DAV
EnabledDavVSP   = 0
HTTPProxyEnabled = 0
TempASPXDir     = 0
ServerThreads   = 20
MaxKeepAlives   = 20
KeepAliveTimeout = 10
MaxCachedProxyConnections = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize  = 280000
HttpPrintWarningsInOutput = 0
Charset         = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[Replication]
ServerName      = newskg
ServerEnable    = 0

[SPARQL]
; Virtuoso cuts results here without an error; newskg's own limit (10,000 rows) must be the lower one, and a
; cut made by Virtuoso is reported by newskg as a truncated result
ResultSetMaxRows = {max_rows}
; 0: no estimate-based refusal; the time limit below and newskg's per-request timeout stop long queries
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = {max_seconds}
DefaultQuery    = ASK {{}}
DeferInferenceRulesInit = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def binary() -> str | None:
    return shutil.which("virtuoso-t")


def settings(folder: Path) -> dict[str, str]:
    """The connection settings of the Virtuoso in ``folder`` (from its ini and password file)."""
    http = ini_port(folder, "HTTPServer")
    password = (folder / "dba-password").read_text(encoding="utf-8").strip()
    base = f"http://127.0.0.1:{http}"
    return {"NEWSKG_STORE": f"{base}/sparql", "NEWSKG_STORE_UPDATE_URL": f"{base}/sparql-auth",
            "NEWSKG_STORE_GSP_URL": f"{base}/sparql-graph-crud-auth", "NEWSKG_STORE_USER": "dba",
            "NEWSKG_STORE_PASSWORD": password, "NEWSKG_STORE_AUTH": "digest",
            "VIRTUOSO_SQL_PORT": ini_port(folder, "Parameters"),
            "VIRTUOSO_LOAD_DIR": str(folder / "load")}


def ini_port(folder: Path, section: str) -> str:
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",), comment_prefixes=(";",), strict=False)
    ini.read(folder / "virtuoso.ini", encoding="utf-8")
    return ini[section]["ServerPort"].rpartition(":")[2]


def sql(folder: Path, password: str, statement: str) -> str:
    """Run one SQL statement as dba through isql (the password goes on its command line: loopback only)."""
    run = subprocess.run(["isql-vt", f"127.0.0.1:{ini_port(folder, 'Parameters')}", "dba", password,
                          f"exec={statement}"], capture_output=True, text=True, timeout=600)
    if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
        raise SystemExit(f"isql failed: {(run.stdout + run.stderr).strip()[-500:]}")
    return run.stdout


def running_pid(folder: Path) -> int | None:
    try:
        pid = int((folder / "virtuoso.pid").read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    try:  # a reused pid is not ours
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return pid if b"virtuoso-t" in cmdline else None


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as r:
            return r.status == 200
    except (OSError, urllib.error.URLError):
        return False


def start(folder: Path, http_port: int | None, sql_port: int | None, buffers: int, max_rows: int,
          max_seconds: int) -> dict[str, str]:
    exe = binary()
    if exe is None:
        print("virtuoso-t is not installed: run `make system-deps` (apt-get install virtuoso-opensource)",
              file=sys.stderr)
        sys.exit(3)
    folder = folder.resolve()
    if running_pid(folder) is not None:
        found = settings(folder)
        if answers(found["NEWSKG_STORE"]):
            return found
        stop(folder)
    db, load = folder / "db", folder / "load"
    for d in (db, load, db / "vsp"):
        d.mkdir(parents=True, exist_ok=True)
    password_file = folder / "dba-password"
    if not (db / "virtuoso.db").exists():
        password_file.unlink(missing_ok=True)  # a new database starts with Virtuoso's default dba password
    ini = INI.format(db=db, load=load, sql_port=sql_port or free_port(), http_port=http_port or free_port(),
                     buffers=buffers, buffer_mb=buffers * 8 // 1024, dirty=buffers * 3 // 4, max_rows=max_rows,
                     max_seconds=max_seconds)
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    log = open(folder / "server.out", "ab")  # noqa: SIM115 - the server keeps writing it after we return
    proc = subprocess.Popen([exe, "+configfile", str(folder / "virtuoso.ini"), "+foreground"], cwd=db, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    (folder / "virtuoso.pid").write_text(str(proc.pid))
    url = f"http://127.0.0.1:{ini_port(folder, 'HTTPServer')}/sparql"
    deadline = time.monotonic() + 180
    while not answers(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            log_file = db / "virtuoso.log"
            tail = log_file.read_text(errors="replace")[-2000:] if log_file.exists() else ""
            stop(folder)
            raise SystemExit(f"virtuoso did not start; its log ends:\n{tail}")
        time.sleep(0.3)
    wanted = os.environ.get("NEWSKG_VIRTUOSO_PASSWORD")
    current = password_file.read_text(encoding="utf-8").strip() if password_file.exists() else "dba"
    if current == "dba" or (wanted and wanted != current):
        new = wanted or secrets.token_hex(12)
        sql(folder, current, f"USER_SET_PASSWORD('dba', '{new}');")
        password_file.write_text(new + "\n", encoding="utf-8")
        password_file.chmod(0o600)
    found = settings(folder)
    return found


def stop(folder: Path, *, wipe: bool = False) -> None:
    folder = folder.resolve()
    pid = running_pid(folder)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)  # Virtuoso checkpoints and exits on SIGTERM
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
    (folder / "virtuoso.pid").unlink(missing_ok=True)
    if wipe:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=["start", "stop", "status"])
    ap.add_argument("--dir", default="var/virtuoso", type=Path, help="where the ini, database and logs go")
    ap.add_argument("--http-port", type=int, help="SPARQL/HTTP port on 127.0.0.1 (default: a free one)")
    ap.add_argument("--sql-port", type=int, help="SQL (isql) port on 127.0.0.1 (default: a free one)")
    ap.add_argument("--buffers", type=int, default=20000, help="8 kB page buffers (default 20000, ~160 MB)")
    ap.add_argument("--max-rows", type=int, default=1_000_000, help="ResultSetMaxRows")
    ap.add_argument("--max-seconds", type=int, default=600, help="MaxQueryExecutionTime")
    ap.add_argument("--wipe", action="store_true", help="with stop: also delete the folder")
    a = ap.parse_args()
    if a.action == "start":
        for k, v in start(a.dir, a.http_port, a.sql_port, a.buffers, a.max_rows, a.max_seconds).items():
            print(f"{k}={v}")
    elif a.action == "stop":
        stop(a.dir, wipe=a.wipe)
    else:
        pid = running_pid(a.dir.resolve())
        print(f"running (pid {pid})" if pid else "not running")
        sys.exit(0 if pid else 1)


if __name__ == "__main__":
    main()
