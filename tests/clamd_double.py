"""A clamd stand-in on 127.0.0.1 that speaks the real INSTREAM protocol.

A real ClamAV cannot run here: it needs its virus database (freshclam downloads
it from the network, which this machine does not have). The double reads the
same bytes a clamd reads (zINSTREAM, length-prefixed chunks, a zero length) and
answers as clamd does: "stream: OK", or "stream: Eicar-Signature FOUND" for the
EICAR test file, the industry's harmless test «virus». It also answers zPING.
"""

from __future__ import annotations

import socketserver
import struct
import threading

# Kept in two pieces so this file is not itself flagged by a scanner.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class _Handler(socketserver.BaseRequestHandler):
    def _read(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            part = self.request.recv(count - len(data))
            if not part:
                raise ConnectionError("client went away")
            data += part
        return data

    def handle(self):
        command = b""
        while not command.endswith(b"\0"):
            part = self.request.recv(1)
            if not part:
                return
            command += part
        if command == b"zPING\0":
            self.request.sendall(b"PONG\0")
            return
        if command != b"zINSTREAM\0":
            self.request.sendall(b"UNKNOWN COMMAND\0")
            return
        received = b""
        while True:
            (length,) = struct.unpack(">I", self._read(4))
            if length == 0:
                break
            received += self._read(length)
        self.server.scanned.append(len(received))
        if EICAR in received:
            self.request.sendall(b"stream: Eicar-Signature FOUND\0")
        else:
            self.request.sendall(b"stream: OK\0")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class ClamdDouble:
    """Start with `with ClamdDouble() as clamd:`; `clamd.address` is what
    PORTAL_CLAMD_ADDRESS takes."""

    def __init__(self, port: int = 0):
        self.server = _Server(("127.0.0.1", port), _Handler)
        self.server.scanned = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self.server.server_address[:2]
        return f"tcp://{host}:{port}"

    @property
    def scanned(self) -> list[int]:
        return self.server.scanned

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
