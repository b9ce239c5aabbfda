"""Which addresses the query engine may connect to, decided by the kernel when it connects.

pyoxigraph runs ``SERVICE`` and ``LOAD`` itself, with its own HTTP client, against whatever its own parser read in
the text. Any check made on another reading of the text (another parser, a lexer) can disagree with the engine's —
a comment, an escape or a string the two read differently is enough — so the allow-list is also enforced where no
reading of the text is involved: at the ``connect()`` system call of the thread that runs the engine.

:class:`Guard` installs a seccomp filter on that thread (and every thread it starts). ``connect``, ``sendto`` with
an address, ``sendmsg`` and ``sendmmsg`` are handed to a supervisor thread of the same process (seccomp user
notification, Linux ≥ 5.5), which reads the socket address and lets the call go on only for

* a TCP connection to an address and port of an endpoint on the allow-list (its host resolved now), or
* a UDP packet to a name server of ``/etc/resolv.conf`` on port 53 (the engine resolves host names itself), or
* a local socket (Unix, netlink).

Everything else fails with ``EACCES`` before a packet leaves, and is recorded (:meth:`Guard.take_denied`) so that
the caller can say what was refused. ``io_uring`` (which could connect without these calls) is refused outright.

Where the filter cannot be installed (not Linux, another architecture, an old kernel, seccomp unavailable),
:func:`guard` returns None with the reason, and callers fall back to refusing every text that could reach the
network at all (:func:`may_reach_network`).
"""

from __future__ import annotations

import copy
import ctypes
import errno
import gc
import ipaddress
import logging
import os
import platform
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

log = logging.getLogger("newskg.netguard")
T = TypeVar("T")

# --- the kernel interface (linux/seccomp.h, linux/filter.h) ----------------------------------------------------------
_ARCHES = {  # machine: (AUDIT_ARCH_*, syscall numbers)
    "x86_64": (0xC000003E, {"connect": 42, "sendto": 44, "sendmsg": 46, "sendmmsg": 307, "seccomp": 317,
                            "io_uring_setup": 425}),
    "aarch64": (0xC00000B7, {"connect": 203, "sendto": 206, "sendmsg": 211, "sendmmsg": 269, "seccomp": 277,
                             "io_uring_setup": 425}),
}
_X32_BIT = 0x40000000
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06
_ALLOW, _NOTIFY, _ERRNO = 0x7FFF0000, 0x7FC00000, 0x00050000
_SET_MODE_FILTER, _FLAG_NEW_LISTENER = 1, 1 << 3
_PR_SET_NO_NEW_PRIVS = 38
_NOTIF_SIZE, _RESP_SIZE = 80, 24  # struct seccomp_notif, struct seccomp_notif_resp
_IOCTL_RECV = (3 << 30) | (_NOTIF_SIZE << 16) | (0x21 << 8) | 0  # _IOWR('!', 0, struct seccomp_notif)
_IOCTL_SEND = (3 << 30) | (_RESP_SIZE << 16) | (0x21 << 8) | 1  # _IOWR('!', 1, struct seccomp_notif_resp)
_FLAG_CONTINUE = 1
_MMSGHDR_SIZE = 64  # struct mmsghdr on 64-bit Linux: struct msghdr (56) + msg_len + padding

_RESOLVE_TTL = 30.0  # seconds a resolution of an allowed host is reused


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _program(arch: int, nr: dict[str, int], x86: bool) -> list[tuple[int, int, int, int]]:
    """The BPF filter: (code, jt, jf, k) instructions. Jumps are written with labels and resolved here."""
    code: list[tuple[int, object, object, int]] = [
        (_LD_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ, 0, "deny", arch),
        (_LD_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    if x86:
        code.append((_JGE, "deny", 0, _X32_BIT))  # the x32 ABI numbers the same calls differently
    code += [
        (_JEQ, "deny", 0, nr["io_uring_setup"]),
        (_JEQ, "notify", 0, nr["connect"]),
        (_JEQ, "notify", 0, nr["sendmsg"]),
        (_JEQ, "notify", 0, nr["sendmmsg"]),
        (_JEQ, 0, "allow", nr["sendto"]),
        (_LD_ABS, 0, 0, 16 + 8 * 4),  # sendto's dest_addr, low and high words: NULL on a connected socket
        (_JEQ, 0, "notify", 0),
        (_LD_ABS, 0, 0, 16 + 8 * 4 + 4),
        (_JEQ, "allow", "notify", 0),
    ]
    labels = {"allow": len(code), "notify": len(code) + 1, "deny": len(code) + 2}
    code += [(_RET, 0, 0, _ALLOW), (_RET, 0, 0, _NOTIFY), (_RET, 0, 0, _ERRNO | errno.EPERM)]

    def target(here: int, jump: object) -> int:
        return labels[jump] - here - 1 if isinstance(jump, str) else int(jump)  # type: ignore[arg-type]

    return [(c, target(i, jt), target(i, jf), k) for i, (c, jt, jf, k) in enumerate(code)]


# --- endpoints --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Denied:
    """A connection the guard refused: where to, and how."""

    address: str
    port: int
    kind: str  # "tcp", "udp", or a socket family the guard does not allow

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"{host}:{self.port}" if self.port else host


def endpoint(iri: str) -> tuple[str, int] | None:
    """The host and port an endpoint IRI connects to (None if it is not an http(s) IRI with a host)."""
    try:
        parts = urlsplit(iri)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def may_reach_network(text: str) -> bool:
    """True if a query or update could make the engine open a connection: only ``SERVICE`` and ``LOAD`` do, and the
    engine reads keywords only as written (an escape cannot spell one), so a text without either word cannot."""
    lowered = text.lower()
    return "service" in lowered or "load" in lowered


def _name_servers(path: str = "/etc/resolv.conf") -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    out = set()
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 2 and fields[0] == "nameserver":
                    try:
                        out.add(_plain(ipaddress.ip_address(fields[1].split("%")[0])))
                    except ValueError:
                        pass
    except OSError:
        pass
    return out


def _plain(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An IPv4-mapped IPv6 address as the IPv4 address it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


# --- the guard --------------------------------------------------------------------------------------------------------
class Guard:
    """The supervisor of one guarded thread. Create it with :func:`guard`."""

    def __init__(self, listener: int) -> None:
        self._fd = listener
        self._mem = os.open("/proc/self/mem", os.O_RDONLY | os.O_CLOEXEC)
        self._lock = threading.Lock()
        self._allow: tuple[str, ...] = ()
        self._resolved: dict[tuple[str, int], tuple[float, frozenset]] = {}
        self._servers = _name_servers()
        self._denied: list[tuple[int, Denied]] = []  # with the id of the thread whose call was refused
        self._caller = 0
        self._libc = _libc()
        self._thread = threading.Thread(target=self._serve, daemon=True, name="netguard")
        self._thread.start()

    def allow(self, iris: Iterable[str]) -> None:
        """The endpoint IRIs the guarded thread may connect to from now on."""
        with self._lock:
            self._allow = tuple(iris)

    def take_denied(self, thread: int | None = None) -> list[Denied]:
        """The connections refused since the last call (and forget them): those of the thread with native id
        ``thread`` only (each thread that runs tasks takes its own), or all."""
        with self._lock:
            out = [d for t, d in self._denied if thread is None or t == thread]
            self._denied = [(t, d) for t, d in self._denied if thread is not None and t != thread]
        return out

    # the supervisor thread
    def _serve(self) -> None:
        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        notif = ctypes.create_string_buffer(_NOTIF_SIZE)
        try:
            while True:
                events = poller.poll()
                if any(ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, ev in events):
                    return  # the guarded thread is gone
                ctypes.memset(notif, 0, _NOTIF_SIZE)
                if self._libc.ioctl(self._fd, _IOCTL_RECV, ctypes.cast(notif, ctypes.c_void_p)) != 0:
                    if ctypes.get_errno() in (errno.EINTR, errno.ENOENT, errno.EAGAIN):
                        continue  # the call was interrupted, or its thread died, before we read it
                    return
                ident, caller, _flags, nr, _arch, _ip, *args = struct.unpack("QIIiIQ6Q", notif.raw)
                self._caller = caller  # the calling thread's id (this supervisor decides one call at a time)
                try:
                    allowed = self._decide(nr, args)
                except Exception:  # noqa: BLE001 - a bug here must refuse the call, never let it through
                    log.exception("the connection guard failed to read a call; refused")
                    allowed = False
                resp = ctypes.create_string_buffer(struct.pack("QqiI", ident, 0, 0 if allowed else -errno.EACCES,
                                                               _FLAG_CONTINUE if allowed else 0), _RESP_SIZE)
                # ENOENT here means the caller is gone (killed, or its call interrupted): nothing to answer
                self._libc.ioctl(self._fd, _IOCTL_SEND, ctypes.cast(resp, ctypes.c_void_p))
        finally:
            os.close(self._fd)
            os.close(self._mem)

    def _decide(self, nr: int, args: list[int]) -> bool:
        names = _ARCHES[platform.machine()][1]
        fd = args[0]
        if nr == names["connect"]:
            return self._address_ok(fd, args[1], args[2])
        if nr == names["sendto"]:
            return self._address_ok(fd, args[4], args[5])
        if nr == names["sendmsg"]:
            return self._message_ok(fd, args[1])
        if nr == names["sendmmsg"]:
            return all(self._message_ok(fd, args[1] + i * _MMSGHDR_SIZE) for i in range(min(args[2], 1024)))
        return False

    def _read(self, address: int, size: int) -> bytes:
        """Memory of this process, read so that a bad pointer is an error here, not a crash."""
        return os.pread(self._mem, size, address)

    def _message_ok(self, fd: int, msghdr: int) -> bool:
        name, namelen = struct.unpack("QI", self._read(msghdr, 12))
        return name == 0 or self._address_ok(fd, name, namelen)

    def _address_ok(self, fd: int, address: int, size: int) -> bool:
        raw = self._read(address, min(max(size, 2), 128))
        family = struct.unpack_from("H", raw)[0]
        if family in (socket.AF_UNSPEC, socket.AF_UNIX, getattr(socket, "AF_NETLINK", 16)):
            return True
        if family == socket.AF_INET and len(raw) >= 8:
            port, ip = struct.unpack_from("!H", raw, 2)[0], ipaddress.IPv4Address(raw[4:8])
        elif family == socket.AF_INET6 and len(raw) >= 24:
            port, ip = struct.unpack_from("!H", raw, 2)[0], _plain(ipaddress.IPv6Address(raw[8:24]))
        else:
            self._record(Denied(f"address family {family}", 0, "other"))
            return False
        kind = self._socket_type(fd)
        if kind == socket.SOCK_STREAM and (ip, port) in self._allowed():
            return True
        if kind == socket.SOCK_DGRAM and port == 53 and ip in self._servers:
            return True
        self._record(Denied(str(ip), port, "tcp" if kind == socket.SOCK_STREAM else "udp"))
        return False

    def _socket_type(self, fd: int) -> int:
        value, size = ctypes.c_int(0), ctypes.c_uint32(4)
        if self._libc.getsockopt(fd, socket.SOL_SOCKET, socket.SO_TYPE, ctypes.byref(value), ctypes.byref(size)):
            return -1
        return value.value

    def _allowed(self) -> set[tuple[object, int]]:
        """(address, port) of every endpoint on the allow-list, host names resolved (and reused for a while)."""
        with self._lock:
            iris = self._allow
        out: set[tuple[object, int]] = set()
        now = time.monotonic()
        for iri in iris:
            target = endpoint(iri)
            if target is None:
                continue
            host, port = target
            cached = self._resolved.get(target)
            if cached is None or now - cached[0] > _RESOLVE_TTL:
                cached = (now, _resolve(host, port) | (cached[1] if cached else frozenset()))
                self._resolved[target] = cached
            out |= {(ip, port) for ip in cached[1]}
        return out

    def _record(self, denied: Denied) -> None:
        log.warning("refused a connection of the query engine to %s (%s): not on the federation allow-list",
                    denied, denied.kind)
        with self._lock:
            self._denied.append((self._caller, denied))


def _libc() -> ctypes.CDLL:
    """The C library, with the signatures used here (a fresh handle: argtypes are per handle)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.ioctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p]
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    libc.getsockopt.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p]
    libc.syscall.restype = ctypes.c_long
    return libc


def _resolve(host: str, port: int) -> frozenset:
    try:
        return frozenset({_plain(ipaddress.ip_address(host.strip("[]")))})
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return frozenset()
    return frozenset(_plain(ipaddress.ip_address(info[4][0].split("%")[0])) for info in infos)


def install() -> int:
    """Put the calling thread under the filter; the listener's file descriptor.

    :raises OSError: where seccomp user notification is not available.
    """
    machine = platform.machine()
    if platform.system() != "Linux" or machine not in _ARCHES:
        raise OSError(errno.ENOSYS, f"not supported on {platform.system()} {machine}")
    arch, numbers = _ARCHES[machine]
    program = _program(arch, numbers, machine == "x86_64")
    filters = (_SockFilter * len(program))(*[_SockFilter(*ins) for ins in program])
    prog = _SockFprog(len(program), filters)
    libc = _libc()
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
    fd = libc.syscall(ctypes.c_long(numbers["seccomp"]), ctypes.c_ulong(_SET_MODE_FILTER),
                      ctypes.c_ulong(_FLAG_NEW_LISTENER), ctypes.byref(prog))
    if fd < 0:
        err = ctypes.get_errno()
        raise OSError(err, f"seccomp user notification is not available ({os.strerror(err)})")
    return int(fd)


def guarded_thread(target: Callable[[Guard | None, str], None], *, stack_size: int,
                   name: str) -> tuple[threading.Thread, Guard | None, str]:
    """A started thread that runs ``target(guard, reason)`` under the filter, with ``stack_size`` bytes of stack.
    Where the filter cannot be installed, ``guard`` is None, ``reason`` says why, and ``target`` runs unguarded.
    Returns the thread, the guard and the reason."""
    ready: list[tuple[int | None, str]] = []
    event, go = threading.Event(), threading.Event()
    holder: dict[str, Guard | None] = {}

    def run() -> None:
        try:
            ready.append((install(), ""))
        except OSError as e:
            ready.append((None, str(e.strerror or e)))
        event.set()
        go.wait()
        target(holder.get("guard"), ready[0][1])

    old = threading.stack_size()
    threading.stack_size(stack_size)
    try:
        thread = threading.Thread(target=run, name=name, daemon=True)
        thread.start()
    finally:
        threading.stack_size(old)
    event.wait()
    fd, reason = ready[0]
    # the supervisor is started from this (unguarded) thread: started from the guarded one it would inherit the
    # filter, and its own look-ups would wait on itself
    holder["guard"] = Guard(fd) if fd is not None else None
    go.set()
    return thread, holder["guard"], reason


def run_guarded(work: Callable[[Guard | None, str], T], *, stack_size: int) -> T:
    """``work(guard, reason)`` on a guarded thread with ``stack_size`` bytes of stack; its result, or its exception
    raised here."""
    out: list[Any] = []

    def target(guard: Guard | None, reason: str) -> None:
        alternate_signal_stack()
        try:
            out.append((True, work(guard, reason)))
        except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
            out.append((False, _detached(e)))
        # engine objects (in the frames of a traceback, or in cycles) must be freed on this thread: pyoxigraph's
        # may not be dropped on another one
        gc.collect()

    thread, _, _ = guarded_thread(target, stack_size=stack_size, name="engine")
    thread.join()
    ok, value = out[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _detached(e: BaseException) -> BaseException:
    """The same error without its traceback and context (which hold the frames, and the engine's objects)."""
    try:
        twin = copy.copy(e)  # through __reduce__: the same type and fields, no traceback, no context
    except Exception:  # noqa: BLE001 - an exception that cannot be copied
        twin = RuntimeError(f"{type(e).__name__}: {e}")
    twin.__traceback__ = twin.__context__ = twin.__cause__ = None
    return twin


_ALT_STACKS: list[ctypes.Array] = []  # kept alive for the threads that use them


def alternate_signal_stack(size: int = 256 * 1024) -> None:
    """Give the calling thread a stack of its own for signal handlers, so that a stack overflow on it can still be
    reported (by faulthandler) instead of ending the process without a word."""
    if platform.system() != "Linux":
        return

    class StackT(ctypes.Structure):
        _fields_ = [("ss_sp", ctypes.c_void_p), ("ss_flags", ctypes.c_int), ("ss_size", ctypes.c_size_t)]

    buf = ctypes.create_string_buffer(size)
    _ALT_STACKS.append(buf)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.sigaltstack(ctypes.byref(StackT(ctypes.cast(buf, ctypes.c_void_p), 0, size)), None)
