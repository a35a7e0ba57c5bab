"""Where a bearer token may go: back to the endpoint it was issued for, nowhere else.

Every URL the scanner requests with a token is either built from the configured endpoint or
handed to it by a response: ``@odata.nextLink``, a ``$batch`` inner nextLink, ``@odata.deltaLink``
(kept in the snapshot store between runs), an Exchange ``nextLink``. A response — or an edited
store — can name any host, so before a token is attached the URL's *origin* (scheme, host, port;
RFC 6454) must equal the configured endpoint's: ``https://graph.microsoft.com`` is not
``http://graph.microsoft.com``, not ``https://graph.microsoft.com:8443``, and ``localhost`` is not
``127.0.0.1`` (a name can resolve anywhere). URLs carrying user information are refused outright.

The URL is parsed with httpx — the parser that sends the request — so the check and the
connection can never disagree about the host (``https://a\\@b/`` style confusions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from m365inv.errors import ConnectionLost, LinkRefused
from m365inv.textsafe import for_terminal

DEFAULT_PORTS = {"https": 443, "http": 80}
_MAX_SHOWN = 120


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> Origin | None:
        """The URL's origin; None when it has none we could trust (unparseable, userinfo, …)."""
        try:
            u = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError):
            return None
        scheme = u.scheme.lower()
        if u.userinfo or not u.host or scheme not in DEFAULT_PORTS:
            return None
        return cls(scheme, u.host.lower(), u.port or DEFAULT_PORTS[scheme])

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"


def describe(url: str) -> str:
    """The URL's origin only — never its path or query (skip/delta tokens) — terminal-safe."""
    origin = Origin.parse(url)
    if origin is not None:
        shown = for_terminal(str(origin))
    else:  # not a URL httpx would send to; still say which host it named
        try:
            parts = urlsplit(url)
            shown = for_terminal(f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}")
        except ValueError:
            shown = "an unparseable URL"
    return shown if len(shown) <= _MAX_SHOWN else shown[:_MAX_SHOWN] + "…"


def where(url: str) -> str:
    """Origin and path of ``url`` — what an error line may name (no query: tokens live there)."""
    path = ""
    try:
        path = httpx.URL(url).path
    except (httpx.InvalidURL, TypeError, ValueError):
        pass
    shown = describe(url).removesuffix(":443") + for_terminal(path)
    return shown if len(shown) <= 2 * _MAX_SHOWN else shown[: 2 * _MAX_SHOWN] + "…"


def connection_lost(url: str, exc: BaseException, attempts: int) -> ConnectionLost:
    """The run-ending error for a connection that failed every retry, naming the endpoint."""
    return ConnectionLost(
        f"lost the connection to {where(url)} after {attempts} attempts ({type(exc).__name__})",
        tip="check the network path to the endpoint (proxy, firewall, VPN) and run again",
    )


class TokenGuard:
    """The one check between a URL and a bearer token, per resource (Graph, Exchange)."""

    def __init__(self, endpoints: Mapping[str, str]) -> None:
        self._origins: dict[str, Origin] = {}
        for resource, endpoint in endpoints.items():
            origin = Origin.parse(endpoint)
            if origin is None:
                raise ValueError(f"configured {resource} endpoint has no usable origin")
            self._origins[resource] = origin

    def allows(self, url: str, resource: str) -> bool:
        expected = self._origins.get(resource)
        return expected is not None and Origin.parse(url) == expected

    def check(self, url: str, resource: str) -> None:
        """Raise :class:`LinkRefused` unless ``url`` is on ``resource``'s configured origin."""
        if self.allows(url, resource):
            return
        expected = self._origins.get(resource)
        raise LinkRefused(
            f"refused to follow a link to {describe(url)}: not the configured {resource} "
            f"endpoint {expected}, so no token was sent there",
            code="linkRefused",
        )


__all__ = ["Origin", "TokenGuard", "connection_lost", "describe", "where"]
