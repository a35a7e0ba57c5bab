"""A listener that must never be reached with a token: records every request it gets.

Started on 127.0.0.1 (any free port), over HTTPS with the sandbox's own server certificate (valid
for ``127.0.0.1`` and ``localhost``, so a client that *would* follow a link there completes the
TLS handshake and sends its headers) or over plain HTTP.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Trap:
    port: int
    scheme: str
    requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def tokens_seen(self) -> list[str]:
        return [h["authorization"] for h in self.requests if "authorization" in h]


@contextmanager
def trap_listener(tls_dir: Path | None) -> Iterator[Trap]:
    """``tls_dir``: the sandbox state dir (its server cert and key) for HTTPS; None for HTTP."""
    trap = Trap(0, "https" if tls_dir else "http")

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            trap.requests.append({k.lower(): v for k, v in self.headers.items()})
            body = b'{"value": []}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls_dir is not None:
        from m365inv.sandbox import tls

        files = tls.TlsFiles(
            tls_dir / tls.CA_FILE, tls_dir / tls.SERVER_CERT_FILE, tls_dir / tls.SERVER_KEY_FILE
        )
        context = files.server_context()
        server.socket = context.wrap_socket(server.socket, server_side=True)
    trap.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield trap
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


__all__ = ["Trap", "trap_listener"]
