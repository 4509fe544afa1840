"""A real SMTP server on 127.0.0.1 for the fault tests (RFC 5321's core
commands over TCP), which counts what it accepted and can stall on DATA so a
worker can be killed in the middle of a send.

A message counts as delivered only once the server has answered «250» after
the final «.»: that is the moment a real server takes responsibility for it.
"""

from __future__ import annotations

import email
import socketserver
import threading
from collections import Counter


class _Handler(socketserver.StreamRequestHandler):
    timeout = 120

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())
        self.wfile.flush()

    def handle(self) -> None:
        server: SMTPServer = self.server.owner  # type: ignore[attr-defined]
        self.reply("220 faults.test ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 faults.test")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "QUIT":
                self.reply("221 Bye")
                return
            elif command == "DATA":
                if server.take_stall():
                    server.stalled.set()
                    server.release.wait(120)
                    return  # the client is gone by now: nothing accepted
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                if not data:
                    return
                server.accept(b"".join(lines))
                self.reply("250 OK queued")
            else:
                self.reply("502 Not implemented")


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPServer:
    """Start with `with SMTPServer(stall=1) as server:`; `server.port`."""

    def __init__(self, *, stall: int = 0):
        self._stalls = stall
        self._lock = threading.Lock()
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.messages: list[email.message.Message] = []

    def take_stall(self) -> bool:
        with self._lock:
            if self._stalls > 0:
                self._stalls -= 1
                return True
            return False

    def accept(self, raw: bytes) -> None:
        with self._lock:
            self.messages.append(email.message_from_bytes(raw))

    def message_ids(self) -> Counter:
        with self._lock:
            return Counter(m["Message-ID"] for m in self.messages)

    def __enter__(self) -> SMTPServer:
        self._server = _TCPServer(("127.0.0.1", 0), _Handler)
        self._server.owner = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
