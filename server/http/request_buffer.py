"""A gunicorn worker that reads each request whole before a request thread sees it.

gunicorn's threaded worker hands a connection to a request thread as soon as its first byte arrives, and that thread
then waits for the rest: a client that sends its headers, or a declared body, a few bytes at a time holds the thread
as long as it likes, and a handful of such clients hold all of them. Here the worker's event loop (one thread,
non-blocking sockets) reads every request — headers and body, ``Content-Length`` or chunked — into a buffer, and
only a complete request goes to a request thread, which then never waits on the client. Slow clients cost a socket
and a buffer each, not a thread, and are cut at deadlines:

* the request line and headers must be complete within :data:`Limits.header_timeout` seconds of the first byte (or
  of the connection, when nothing comes), and within :data:`Limits.header_bytes` bytes (else 431);
* the body within :data:`Limits.body_timeout` seconds after the headers;
* a worker buffers at most :data:`Limits.total_bytes` at once (else 503 for the request that would pass it);
* an answer the client does not read for :data:`Limits.send_timeout` seconds is abandoned.

A 408, 431 or 503 from here is plain text and closes the connection. A body declared larger than the application
accepts is not buffered: the request goes on at once, the application answers 413, and the connection closes.
Closing a connection lingers (RFC 9112 §9.6) in the event loop too, never in a blocking read.
"""

from __future__ import annotations

import errno
import re
import selectors
import socket
import struct
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

from gunicorn import http, util
from gunicorn.workers.gthread import TConn, ThreadWorker


@dataclass(frozen=True)
class Limits:
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    header_bytes: int = 64 * 1024
    body_bytes: int = 1_000_000  # kg serve sets the application's MAX_CONTENT_LENGTH
    total_bytes: int = 64 * 1024 * 1024
    send_timeout: float = 60.0
    linger: float = 2.0


LIMITS = Limits()  # server.serve sets it before gunicorn forks the workers

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TRANSFER_ENCODING = re.compile(rb"^transfer-encoding[ \t]*:(.*)$", re.IGNORECASE | re.MULTILINE)
_EXPECT = re.compile(rb"^expect[ \t]*:[ \t]*100-continue[ \t]*\r?\n", re.IGNORECASE | re.MULTILINE)
_CHUNK_LINE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]*)?\r\n")

MORE, READY, OVERSIZE, HEADERS_TOO_LARGE = "more", "ready", "oversize", "headers-too-large"


class Framer:
    """Where a request being buffered stands, found incrementally (each byte is looked at a bounded number of times,
    however the client splits its request).

    :meth:`feed` gives (MORE, 0) until the request is complete; (READY, n) when the first n bytes of the buffer are
    one whole request (or one gunicorn will refuse by itself: malformed framing is left to it); (OVERSIZE, n) for
    headers of n bytes announcing a body over the limit; (HEADERS_TOO_LARGE, 0).

    >>> Framer().feed(b"GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n")
    ('ready', 27)
    >>> Framer().feed(b"POST / HTTP/1.1\\r\\nContent-Length: 10\\r\\n\\r\\n12345")
    ('more', 0)
    >>> Framer().feed(b"POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nabc\\r\\n0\\r\\n\\r\\n")
    ('ready', 60)
    """

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or LIMITS
        self.scanned = 0  # the header end was not found before this offset
        self.body_start: int | None = None
        self.length: int | None = None  # a Content-Length body's size; None: chunked
        self.chunk_pos = 0  # chunked: the next chunk-size line starts here
        self.chunk_total = 0

    @property
    def head_done(self) -> bool:
        return self.body_start is not None

    def feed(self, buf: bytes | bytearray) -> tuple[str, int]:
        if self.body_start is None:
            state = self._head(buf)
            if state is not None:
                return state
        assert self.body_start is not None
        if self.length is not None:
            end = self.body_start + self.length
            return (READY, end) if len(buf) >= end else (MORE, 0)
        return self._chunks(buf)

    def _head(self, buf: bytes | bytearray) -> tuple[str, int] | None:
        skip = 0
        while skip < len(buf) and buf[skip] in b"\r\n":  # empty lines before a request are allowed
            skip += 1
        end = _HEADER_END.search(buf, max(skip, self.scanned - 3))
        if end is None:
            self.scanned = len(buf)
            return (HEADERS_TOO_LARGE, 0) if len(buf) - skip > self.limits.header_bytes else (MORE, 0)
        if end.end() - skip > self.limits.header_bytes:
            return HEADERS_TOO_LARGE, 0
        head = bytes(buf[skip:end.start()])
        self.body_start = self.chunk_pos = end.end()
        encodings, lengths = _TRANSFER_ENCODING.findall(head), _CONTENT_LENGTH.findall(head)
        if encodings:
            if lengths or b"chunked" not in encodings[-1].lower():
                return READY, self.body_start  # gunicorn refuses these framings itself
            return None
        if not lengths:
            self.length = 0
            return None
        if len(set(lengths)) > 1 or not lengths[0].isdigit():
            return READY, self.body_start  # gunicorn answers 400
        self.length = int(lengths[0])
        if self.length > self.limits.body_bytes:
            return OVERSIZE, self.body_start
        return None

    def _chunks(self, buf: bytes | bytearray) -> tuple[str, int]:
        pos = self.chunk_pos
        while True:
            line = _CHUNK_LINE.match(buf, pos)
            if line is None:
                if buf.find(b"\n", pos, pos + 1100) != -1 or len(buf) - pos > 1024:
                    return READY, len(buf)  # a malformed chunk: gunicorn answers 400
                return MORE, 0
            size = int(line.group(1), 16)
            if size == 0:
                trailer = _HEADER_END.search(b"\r\n" + bytes(buf[line.end():line.end() + self.limits.header_bytes]))
                if trailer is None:
                    return (READY, len(buf)) if len(buf) - line.end() > self.limits.header_bytes else (MORE, 0)
                return READY, line.end() + trailer.end() - 2
            if self.chunk_total + size > self.limits.body_bytes:
                return OVERSIZE, len(buf)
            if len(buf) < line.end() + size + 2:
                return MORE, 0
            self.chunk_total += size
            pos = self.chunk_pos = line.end() + size + 2


def _write_error(sock: socket.socket, status: int, reason: str, message: str) -> None:
    """gunicorn's answer to a request it cannot parse, in plain text with ``nosniff`` (its own is an HTML page
    without the safety headers of the application's pages)."""
    body = f"{status} {reason}: {message}\n".encode("utf-8", "replace")
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1", "replace") + body)


class _Conn(TConn):
    """A connection with its request buffer and deadline."""

    def __init__(self, worker: BufferedWorker, *args: Any) -> None:
        super().__init__(*args)
        self.worker = worker
        self.buf = bytearray()
        self.framer = Framer()
        self.deadline = 0.0
        self.ready = False  # the buffer holds a complete request: a request thread may take it
        self.oversize = False
        self.continued = False

    def close(self, graceful: bool = False) -> None:
        if graceful:
            self.worker.linger(self)
        else:
            super().close()


class BufferedWorker(ThreadWorker):
    """gunicorn's threaded worker, with whole requests buffered in its event loop (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.buffering: dict[int, _Conn] = {}
        self.lingering: dict[int, tuple[float, socket.socket]] = {}
        self.buffered_bytes = 0
        self._notified = 0.0

    def init_process(self) -> None:
        util.write_error = _write_error  # gunicorn's own error answers (400, 414, 431…) as plain text, see below
        super().init_process()

    def accept(self, listener: socket.socket) -> None:
        try:
            client, addr = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        seconds = int(LIMITS.send_timeout)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", seconds, 0))
        conn = _Conn(self, self.cfg, client, addr, listener.getsockname())
        self.enqueue_req(conn)

    def enqueue_req(self, conn: Any) -> None:
        """A complete request goes to a request thread; anything else is buffered first."""
        if not isinstance(conn, _Conn) or conn.ready:
            if isinstance(conn, _Conn):
                conn.ready = False
            super().enqueue_req(conn)
            return
        conn.sock.setblocking(False)
        if conn.parser is not None:  # a kept-alive connection: what the parser read ahead comes first
            ahead = conn.parser.unreader.take_buffered()
            conn.buf[:0] = ahead
            self.buffered_bytes += len(ahead)
        conn.framer = Framer()
        conn.oversize = conn.continued = False
        conn.deadline = time.monotonic() + LIMITS.header_timeout
        # read what is there already (a kept-alive connection is handed over when it is readable: its next request
        # is usually whole in the socket), so that most requests go on without a round through the poller
        if not self._advance(conn) and not self._receive(conn):
            self.buffering[conn.sock.fileno()] = conn
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._readable, conn))

    def notify(self) -> None:
        """Tell the arbiter this worker is alive (a file's time changed: a system call) at most once a second, not
        at every turn of the event loop; the arbiter waits ``timeout`` seconds (over a minute) before it acts."""
        now = time.monotonic()
        if now - self._notified >= 1.0:
            self._notified = now
            super().notify()

    def handle_request(self, req: Any, conn: Any) -> Any:
        if getattr(conn, "oversize", False):
            req.must_close = True  # the body was not read: the connection cannot carry another request
        return super().handle_request(req, conn)

    # --- the event loop's side --------------------------------------------------------------------------------------
    def _readable(self, conn: _Conn, _sock: socket.socket) -> None:
        self._receive(conn)

    def _receive(self, conn: _Conn) -> bool:
        """Read what the client sent so far: True when that settled the connection (its request is dispatched or
        refused, or the client closed it), False while more is to come."""
        try:
            data = conn.sock.recv(256 * 1024)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            data = b""
        if not data:
            self._drop(conn)
            return True
        if not conn.buf:
            conn.deadline = time.monotonic() + LIMITS.header_timeout  # the clock runs from the first byte
        conn.buf += data
        self.buffered_bytes += len(data)
        if self.buffered_bytes > LIMITS.total_bytes:
            self._refuse(conn, 503, "Service Unavailable", "the server is holding too many unfinished requests; "
                                                           "try again shortly")
            return True
        return self._advance(conn)

    def _advance(self, conn: _Conn) -> bool:
        """Look at the buffer: dispatch or refuse the request if it is settled (True), else keep reading (False)."""
        had_head = conn.framer.head_done
        state, _ = conn.framer.feed(conn.buf)
        if state == MORE:
            if conn.framer.head_done and not had_head:
                conn.deadline = time.monotonic() + LIMITS.body_timeout
                self._continue(conn)
            return False
        self._unregister(conn)
        if state == HEADERS_TOO_LARGE:
            self._refuse(conn, 431, "Request Header Fields Too Large",
                         f"the request line and headers are over {LIMITS.header_bytes:,} bytes")
        else:
            conn.oversize = state == OVERSIZE
            self._dispatch(conn)
        return True

    def _continue(self, conn: _Conn) -> None:
        """Answer ``Expect: 100-continue`` here (the body is read here), and take the header out of the request."""
        match = _EXPECT.search(conn.buf, 0, conn.framer.body_start or 0)
        if match is None or conn.continued:
            return
        del conn.buf[match.start():match.end()]
        conn.framer = Framer()  # the offsets moved
        conn.framer.feed(conn.buf)
        conn.continued = True
        try:
            conn.sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")
        except OSError:
            pass

    def _dispatch(self, conn: _Conn) -> None:
        data = bytes(conn.buf)
        self.buffered_bytes -= len(conn.buf)
        conn.buf = bytearray()
        if conn.parser is None:
            conn.parser = http.get_parser(self.cfg, conn.sock, conn.client)
        conn.parser.unreader.unread(data)
        conn.data_ready = conn.ready = True
        self.enqueue_req(conn)

    def _refuse(self, conn: _Conn, status: int, reason: str, message: str) -> None:
        body = (message + "\n").encode()
        head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n")
        try:
            conn.sock.send(head.encode() + body)  # small: fits the socket's buffer, or is lost with the client
        except OSError:
            pass
        self._drop(conn)

    def _unregister(self, conn: _Conn) -> None:
        if self.buffering.pop(conn.sock.fileno(), None) is not None:
            try:
                self.poller.unregister(conn.sock)
            except (KeyError, ValueError, OSError):
                pass

    def _drop(self, conn: _Conn) -> None:
        self._unregister(conn)
        self.buffered_bytes -= len(conn.buf)
        conn.buf = bytearray()
        self.nr_conns -= 1
        TConn.close(conn)

    def linger(self, conn: _Conn) -> None:
        """Close after the answer: send FIN, read what the client still sends until it closes (or for a while)."""
        sock = conn.sock
        try:
            sock.shutdown(socket.SHUT_WR)
            sock.setblocking(False)
            self.poller.register(sock, selectors.EVENT_READ, self._drain)
        except (OSError, ValueError, KeyError):
            TConn.close(conn)
            return
        self.lingering[sock.fileno()] = (time.monotonic() + LIMITS.linger, sock)

    def _drain(self, sock: socket.socket) -> None:
        try:
            data = sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._close_lingering(sock)

    def _close_lingering(self, sock: socket.socket) -> None:
        self.lingering.pop(sock.fileno(), None)
        try:
            self.poller.unregister(sock)
        except (KeyError, ValueError, OSError):
            pass
        sock.close()

    def murder_pending(self) -> None:
        """gunicorn's expiry of idle connections, and ours: requests past their deadline get 408, lingering closes
        end. Called by the event loop at least once a second."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.buffering.values() if c.deadline <= now or not self.alive]:
            if not self.alive and conn.buf:
                conn.deadline = min(conn.deadline, now + LIMITS.linger)
                if conn.deadline > now:
                    continue
            if conn.buf:
                head = conn.framer.head_done
                what = "body" if head else "request line and headers"
                limit = LIMITS.body_timeout if head else LIMITS.header_timeout
                self._refuse(conn, 408, "Request Timeout", f"the {what} did not arrive within {limit:g} s")
            else:
                self._drop(conn)
        for deadline, sock in [v for v in self.lingering.values() if v[0] <= now]:
            self._close_lingering(sock)
