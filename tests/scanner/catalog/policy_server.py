"""A local HTTPS server for policy-fetch tests: routes → (status, headers, body), TLS from the
sandbox's own CA helper, and a log of the requests it saw (to prove no cookies were sent)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scanner.sandbox.tls import ensure_tls

Route = tuple[int, dict[str, str], bytes]


@dataclass
class PolicyServer:
    base: str
    ca_bundle: Path
    routes: dict[str, Route]
    seen: list[dict[str, str]] = field(default_factory=list)


def _pdf(lines: list[str]) -> bytes:
    """A small real PDF (WinAnsi Helvetica text, 60 lines a page) that pypdf can read."""
    pages = [lines[i : i + 60] for i in range(0, max(len(lines), 1), 60)]
    objs: list[bytes] = [b"", b""]  # 1 catalog, 2 pages: filled below
    font = len(objs) + 1
    objs.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        ops = [b"BT /F1 9 Tf 40 800 Td 11 TL"]
        for line in page:
            esc = line.encode("cp1252", "replace").replace(b"\\", b"\\\\")
            ops.append(b"(" + esc.replace(b"(", b"\\(").replace(b")", b"\\)") + b") '")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objs), font)
        )
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def make_pdf(text: str) -> bytes:
    wrapped: list[str] = []
    for para in text.splitlines():
        while len(para) > 95:
            cut = para.rfind(" ", 0, 95)
            cut = cut if cut > 0 else 95
            wrapped.append(para[:cut])
            para = para[cut:].lstrip()
        wrapped.append(para)
    return _pdf(wrapped)


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
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (size cap) — that is the point

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = tls.server_context().wrap_socket(server.socket, server_side=True)
    state.base = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
