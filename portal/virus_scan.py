"""Virus scanning of resident files through a pluggable scanner.

`PORTAL_VIRUS_SCANNER` names it: "none" (development and the demo: nothing is
scanned, and staff see «ikke skannet») or "clamd" (ClamAV's daemon at
`PORTAL_CLAMD_ADDRESS`, "tcp://host:3310" or "unix:///run/clamav/clamd.ctl").
The clamd INSTREAM protocol is written here, small enough to read in one go:
send "zINSTREAM\\0", then chunks each preceded by its length as a 4-byte
big-endian number, then a zero length; clamd answers "stream: OK",
"stream: <signature> FOUND" or "<message> ERROR".
"""

from __future__ import annotations

import dataclasses
import socket
import struct

from django.conf import settings

CHUNK = 64 * 1024


class ScannerUnavailable(Exception):
    """The scanner could not be reached or did not answer; try again later."""


@dataclasses.dataclass(frozen=True)
class Verdict:
    clean: bool
    signature: str = ""  # the virus's name when not clean
    error: str = ""  # the scanner's own error (too large, cannot read)


def scanner_name() -> str:
    return getattr(settings, "PORTAL_VIRUS_SCANNER", "none") or "none"


def enabled() -> bool:
    return scanner_name() != "none"


def _connect(address: str, timeout: float) -> socket.socket:
    if address.startswith("unix://"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        target: str | tuple[str, int] = address.removeprefix("unix://")
    else:
        host, _, port = address.removeprefix("tcp://").rpartition(":")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        target = (host.strip("[]") or "127.0.0.1", int(port or 3310))
    sock.settimeout(timeout)
    try:
        sock.connect(target)
    except OSError:
        sock.close()
        raise
    return sock


def _address() -> str:
    return getattr(settings, "PORTAL_CLAMD_ADDRESS", "tcp://127.0.0.1:3310")


def _timeout() -> float:
    return float(getattr(settings, "PORTAL_CLAMD_TIMEOUT", 30))


def clamd_scan(data: bytes, *, address: str = "", timeout: float = 0) -> Verdict:
    """Scan `data` with clamd's INSTREAM command."""
    try:
        with _connect(address or _address(), timeout or _timeout()) as sock:
            sock.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), CHUNK):
                chunk = data[start : start + CHUNK]
                sock.sendall(struct.pack(">I", len(chunk)) + chunk)
            sock.sendall(struct.pack(">I", 0))
            answer = b""
            while not answer.endswith(b"\0"):
                part = sock.recv(4096)
                if not part:
                    break
                answer += part
    except OSError as exc:
        raise ScannerUnavailable(str(exc)) from exc
    text = answer.rstrip(b"\0").decode("utf-8", "replace").strip()
    if text.endswith("FOUND"):
        signature = text.removeprefix("stream:").removesuffix("FOUND").strip()
        return Verdict(clean=False, signature=signature[:200])
    if text == "stream: OK":
        return Verdict(clean=True)
    if not text:
        raise ScannerUnavailable("clamd closed the connection without an answer")
    # "INSTREAM size limit exceeded. ERROR" and the like: the file was not scanned.
    return Verdict(clean=False, error=text[:200])


def clamd_ping(*, address: str = "", timeout: float = 2) -> bool:
    try:
        with _connect(address or _address(), timeout) as sock:
            sock.sendall(b"zPING\0")
            return sock.recv(16).rstrip(b"\0") == b"PONG"
    except OSError:
        return False


def scan(data: bytes) -> Verdict | None:
    """Scan with the configured scanner; None when scanning is off."""
    if not enabled():
        return None
    return clamd_scan(data)
