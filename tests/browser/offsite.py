"""An "off-site" listener for browser tests: another port on 127.0.0.1, never any other address.

It records every TCP connection (HTTP, WebSocket, EventSource, script and module loads) and every
UDP datagram (WebTransport runs over HTTP/3, which is QUIC over UDP) on one port number, and
answers nothing useful, so a request that reaches it is seen and goes no further.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field


@dataclass
class Offsite:
    port: int
    hits: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def seen(self) -> list[str]:
        return list(self.hits)


@contextmanager
def offsite_listener() -> Iterator[Offsite]:
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(64)
    port = tcp.getsockname()[1]
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", port))
    for sock in (tcp, udp):
        sock.settimeout(0.2)  # so that the threads see `stop`
    listener = Offsite(port)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = tcp.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.settimeout(2)
                try:
                    first = connection.recv(200).split(b"\r\n", 1)[0]
                except OSError:
                    first = b""
                listener.hits.append("tcp " + first.decode("latin-1"))
                with suppress(OSError):
                    connection.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    def receive() -> None:
        while not stop.is_set():
            try:
                data, _ = udp.recvfrom(2048)
            except TimeoutError:
                continue
            except OSError:
                return
            listener.hits.append(f"udp {len(data)} bytes")

    threads = [threading.Thread(target=accept, daemon=True), threading.Thread(target=receive, daemon=True)]
    for thread in threads:
        thread.start()
    try:
        yield listener
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        tcp.close()
        udp.close()
