"""A small TCP proxy on 127.0.0.1 that can cut the link to PostgreSQL where a test wants.

The PC connects to the proxy (plain TCP: `sslmode=disable`, so the proxy sees the
protocol's bytes); the proxy forwards both ways to the real server. A test arms a cut:

- `cut_on(b"INSERT INTO", forward=0)`: the next client message holding that text is never
  delivered (the link dies *before* the statement reaches the server);
- `cut_on(b"INSERT INTO", forward=40)`: only its first 40 bytes arrive (*during* it);
- `cut_on(b"COMMIT")`: everything up to the COMMIT arrives, the COMMIT does not;
- `cut_after(n)`: the link dies after n more bytes from the server (mid-pull);
- `cut()`: every open link dies now.

A cut closes both sockets, as a dropped network would; the server then rolls back what
had not been committed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass


@dataclass
class _Plan:
    pattern: bytes | None = None  # client -> server text that triggers the cut
    forward: int = 0  # bytes of the message from the pattern on still delivered
    down_bytes: int | None = None  # server -> client bytes still delivered


class CutProxy:
    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = int(self.listener.getsockname()[1])
        self.plan = _Plan()
        self.cuts = 0  # how many links were cut so far
        self.lock = threading.Lock()
        self.links: list[tuple[socket.socket, socket.socket]] = []
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    # ------------------------------------------------------------ arming

    def cut_on(self, pattern: bytes, forward: int = 0) -> None:
        with self.lock:
            self.plan = _Plan(pattern=pattern, forward=forward)

    def cut_after(self, down_bytes: int) -> None:
        with self.lock:
            self.plan = _Plan(down_bytes=down_bytes)

    def disarm(self) -> None:
        with self.lock:
            self.plan = _Plan()

    def cut(self) -> None:
        with self.lock:
            links, self.links = self.links, []
            self.cuts += 1 if links else 0
        for a, b in links:
            _close(a, b)

    def close(self) -> None:
        self.closed = True
        self.cut()
        self.listener.close()

    # ------------------------------------------------------------ forwarding

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.links.append((client, server))
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, up: bool) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            if not data:
                _close(src, dst)
                return
            deliver, cut = self._filter(data, up)
            try:
                if deliver:
                    dst.sendall(deliver)
            except OSError:
                _close(src, dst)
                return
            if cut:
                with self.lock:
                    self.cuts += 1
                    self.links = [p for p in self.links if src not in p]
                _close(src, dst)
                return

    def _filter(self, data: bytes, up: bool) -> tuple[bytes, bool]:
        with self.lock:
            plan = self.plan
            if up and plan.pattern is not None:
                at = data.find(plan.pattern)
                if at < 0:
                    return data, False
                # From the start of the protocol message holding the text: a frontend
                # message is a type byte and a 4-byte length; find the nearest header.
                start = _message_start(data, at)
                self.plan = _Plan()
                return data[: start + plan.forward], True
            if not up and plan.down_bytes is not None:
                if len(data) <= plan.down_bytes:
                    plan.down_bytes -= len(data)
                    return data, False
                keep = plan.down_bytes
                self.plan = _Plan()
                return data[:keep], True
        return data, False


def _message_start(data: bytes, at: int) -> int:
    """The offset of the protocol message (type byte + int32 length) that contains `at`."""
    pos = 0
    while pos + 5 <= len(data):
        length = int.from_bytes(data[pos + 1 : pos + 5], "big")
        if length < 4:
            break
        end = pos + 1 + length
        if pos <= at < end:
            return pos
        pos = end
    return at


def _close(*socks: socket.socket) -> None:
    for s in socks:
        with suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        with suppress(OSError):
            s.close()


@contextmanager
def running(host: str, port: int) -> Iterator[CutProxy]:
    proxy = CutProxy(host, port)
    try:
        yield proxy
    finally:
        proxy.close()
