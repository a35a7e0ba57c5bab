"""Microsoft's own response bodies (``samples/docs``) served over local HTTPS to the real client.

The gidgethub habit, end to end: a small HTTPS server answers the scanner's requests with the
documented bodies, and the real ``GraphClient`` (kiota pipeline, retries, token guard) and the
collect code consume them. Served two ways:

* **verbatim** — the links in the bodies still name ``https://graph.microsoft.com``, which is not
  the endpoint under test, so the token guard refuses them: the section ends incomplete with the
  reason, and nothing is ever sent towards Microsoft;
* **re-homed** — the replay server rewrites ``https://graph.microsoft.com`` in the bodies to its
  own origin, the usual replay adaptation; then the whole chain is followed.

``$batch`` answers carry the documented inner responses under the request's own ids (the group
``a`` … ``e`` in the inner URL picks documented answer 1 … 5).
"""

from __future__ import annotations

import asyncio
import json
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from m365inv.collect import delta as deltas
from m365inv.collect.base import CollectOptions, Ctx, NullProgress
from m365inv.errors import GraphError, LinkRefused, PermissionDenied
from m365inv.graph.client import GraphClient
from m365inv.graph.fanout import fan_out
from m365inv.models import DirectoryObject, User
from m365inv.sandbox.tls import ensure_tls

DOCS = Path(__file__).parent / "samples" / "docs"
GRAPH = "https://graph.microsoft.com"
GONE = "86462606-fde0-4fc4-9e0c-a20eb73e54c6"  # tombstoned in the initial users delta page


@dataclass
class Replay:
    origin: str = ""
    rehome: bool = False
    seen: list[str] = field(default_factory=list)

    def body(self, name: str) -> bytes:
        raw = (DOCS / name).read_bytes()
        return raw.replace(GRAPH.encode(), self.origin.encode()) if self.rehome else raw


class _Source:
    """A token source for the replay server: a fixed token, the replay CA, one endpoint."""

    def __init__(self, origin: str, ca: Path) -> None:
        self.graph_endpoint = origin
        self.exchange_endpoint = origin
        self.ssl_context = ssl.create_default_context(cafile=str(ca))

    def token(self, resource: str = "graph", *, fresh: bool = False) -> str:
        return "replay-token"

    def granted_permissions(self, resource: str = "graph") -> frozenset[str]:
        return frozenset()


@pytest.fixture
def replay(tmp_path: Path) -> Iterator[tuple[Replay, _Source]]:
    tls = ensure_tls(tmp_path / "tls")
    state = Replay()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, payload: bytes, status: int = 200) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            state.seen.append(self.path)
            url = urlsplit(self.path)
            skip = parse_qs(url.query).get("$skiptoken", [""])[0]
            if url.path.startswith("/v1.0/users/delta"):
                # the documented skip tokens: "oEBwd…" leads to page 2, "pqwSU…" to page 3
                name = (
                    "users_delta_initial_removed.json"
                    if not skip
                    else "users_delta_nextlink.json"
                    if skip.startswith("oEBwdSP6")
                    else "users_delta_final.json"
                )
                return self._send(state.body(name))
            return self._send(b'{"value": []}')  # the memberOf page behind the batch's nextLink

        def do_POST(self) -> None:
            state.seen.append(self.path)
            asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            documented = json.loads(state.body("batch_mixed.json"))["responses"]
            responses = []
            for request in asked["requests"]:  # /groups/{a..e}/members → documented answer 1..5
                response = dict(documented["abcde".index(request["url"].split("/")[2])])
                response["id"] = request["id"]
                responses.append(response)
            self._send(json.dumps({"responses": responses}).encode())

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = tls.server_context().wrap_socket(server.socket, server_side=True)
    state.origin = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, _Source(state.origin, tls.ca_bundle)
    finally:
        server.shutdown()
        server.server_close()


async def _users_round(source: _Source, previous: tuple[User, ...]) -> deltas.Section[User]:
    async with GraphClient(source) as client:  # type: ignore[arg-type]
        ctx = Ctx(client, CollectOptions(), NullProgress())
        link = f"{source.graph_endpoint}/v1.0/users/delta"
        section = await deltas._apply_changes(ctx, deltas.KINDS["users"], link, previous)
    assert section is not None
    return section


def test_users_delta_chain_rehomed_is_followed_and_applied(
    replay: tuple[Replay, _Source],
) -> None:
    state, source = replay
    state.rehome = True
    section = asyncio.run(_users_round(source, (User(id=GONE, user_type="Member"),)))
    assert section.complete, section.error
    ids = [u.id for u in section.items]
    assert GONE not in ids and len(ids) == len(set(ids)) == 7
    assert section.delta_link and section.delta_link.startswith(state.origin)
    assert len(state.seen) == 3  # initial page, nextLink, final page


def test_users_delta_chain_verbatim_stops_at_the_foreign_link(
    replay: tuple[Replay, _Source],
) -> None:
    state, source = replay
    previous = (User(id=GONE, user_type="Member"),)
    section = asyncio.run(_users_round(source, previous))
    assert not section.complete
    assert (
        section.error
        and "refused to follow a link to https://graph.microsoft.com:443" in section.error
    )
    assert section.items == list(previous)  # what was known is kept, marked incomplete
    assert section.delta_link is None
    assert len(state.seen) == 1  # only our own endpoint was asked


@pytest.mark.parametrize("rehome", [False, True])
def test_batch_answer_through_fan_out(replay: tuple[Replay, _Source], rehome: bool) -> None:
    state, source = replay
    state.rehome = rehome

    async def run() -> dict[str, list[DirectoryObject] | GraphError]:
        async with GraphClient(source) as client:  # type: ignore[arg-type]
            urls = {k: f"/groups/{k}/members" for k in "abcde"}
            return await fan_out(client, urls, DirectoryObject)

    out = asyncio.run(run())
    first = out["a"]
    if rehome:  # the inner nextLink, re-homed, is followed to its (empty) last page
        assert isinstance(first, list) and [o.id for o in first] == [
            "21004afc-7bb2-4fe6-a1e1-074ebd3e52c1"
        ]
    else:  # the inner nextLink names graph.microsoft.com/beta: refused, a gap for that one
        assert isinstance(first, LinkRefused)
    assert isinstance(out["b"], PermissionDenied) and isinstance(out["c"], PermissionDenied)
    assert isinstance(out["d"], GraphError) and out["d"].status == 405
    assert isinstance(out["e"], list) and out["e"][0].display_name == "Lynne Robbins"
