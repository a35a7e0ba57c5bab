"""A local HTTPS server for policy-fetch tests: routes → (status, headers, body), TLS from the
sandbox's own CA helper, and a log of the requests it saw (to prove no cookies were sent)."""

from __future__ import annotations

import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from m365inv.sandbox.pdf import make_pdf
from m365inv.sandbox.tls import ensure_tls

Route = tuple[int, dict[str, str], bytes]
__all__ = ["PolicyServer", "Route", "make_html", "make_pdf", "policy_server"]


@dataclass
class PolicyServer:
    base: str
    ca_bundle: Path
    routes: dict[str, Route]
    seen: list[dict[str, str]] = field(default_factory=list)


def make_html(title: str, text: str) -> bytes:
    """The policy inside a page with navigation, scripts and a footer, as vendors publish it."""
    paras = "\n".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    noise = "<script>var t='tracking';for(let i=0;i<9;i++){console.log(i)}</script>" * 20
    return (
        f"<!doctype html><html lang='de'><head><title>{title}</title>{noise}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/produkte'>Produkte</a> <a href='/kontakt'>Kontakt</a>"
        f"</nav><main><article><h1>{title}</h1>{paras}</article></main>"
        "<footer>© Beispiel · Impressum · Cookie-Einstellungen</footer></body></html>"
    ).encode()


@contextmanager
def policy_server(tmp: Path, routes: dict[str, Route]) -> Iterator[PolicyServer]:
    tls = ensure_tls(tmp / "tls")
    state = PolicyServer("", tls.ca_bundle, routes)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            state.seen.append(
                {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
            )
            status, headers, body = state.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for k, v in headers.items():
                if v != "none":
                    self.send_header(k, v.replace("{base}", state.base))
            if headers.get("Content-Length") == "none":
                pass  # body delimited by closing the connection (HTTP/1.0)
            elif "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # a broken pipe, a reset, a TLS EOF (ssl.SSLError is an OSError)
                pass  # the client stopped reading (size cap) — that is the point

        def log_message(self, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            """A client that hangs up mid-body (the size cap) is expected, not an error: the
            default handler prints a traceback into the output under test."""
            if not isinstance(sys.exc_info()[1], OSError):
                super().handle_error(request, client_address)  # type: ignore[arg-type]

    server = Server(("127.0.0.1", 0), Handler)
    server.socket = tls.server_context().wrap_socket(server.socket, server_side=True)
    state.base = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
