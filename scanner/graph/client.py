"""The async Graph client: SDK request builders and middleware in, raw bytes out.

Requests are built with msgraph-sdk's request builders and sent through its request adapter and
middleware pipeline (auth, redirect, URL handling), but with kiota's ``NativeResponseHandler`` so
the body comes back as bytes that ``sansio`` decodes with msgspec — typed SDK models cost ~8 ms an
object (DESIGN.md, "Measured facts"). Around each send sit, in this order: the resource-unit budget,
the per-tenant concurrency limit, and one tenacity retry loop that honours ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from kiota_abstractions.authentication import BaseBearerTokenAuthenticationProvider
from kiota_abstractions.method import Method
from kiota_abstractions.native_response_handler import NativeResponseHandler
from kiota_abstractions.request_information import RequestInformation
from kiota_abstractions.request_option import RequestOption
from kiota_http.middleware import (
    ParametersNameDecodingHandler,
    RedirectHandler,
    UrlReplaceHandler,
    UserAgentHandler,
)
from kiota_http.middleware.options import ResponseHandlerOption
from msgraph.graph_request_adapter import GraphRequestAdapter
from msgraph.graph_service_client import GraphServiceClient
from msgraph_core import GraphClientFactory  # type: ignore[import-untyped]
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt

from m365inv.auth.interface import Resource, TokenSource
from m365inv.errors import AuthError, GraphError
from m365inv.graph import sansio
from m365inv.graph.budget import RuBudget, request_cost, tenant_budget
from m365inv.graph.origin import TokenGuard, connection_lost
from m365inv.graph.retry import TRANSPORT_ERRORS, RetryableStatus, RetryPolicy, wait_for
from m365inv.graph.sdk import GuardedTokenProvider, warm_builders

T = TypeVar("T")

API_VERSION = "v1.0"


@dataclass
class ClientStats:
    """Counters for the progress display and the benchmark."""

    requests: int = 0  # HTTP requests sent (a $batch counts once)
    inner_requests: int = 0  # requests inside $batch bodies
    retried: int = 0  # attempts repeated for any reason
    throttled: int = 0  # 429 answers (outer and inner)
    objects: int = 0
    resource_units: int = 0  # RU spent, by Graph's published costs
    started: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes


class GraphClient:
    """One signed-in tenant: ``async with GraphClient(source) as client``.

    Open once per scan and pass it around; it owns the httpx client, the budget and counters.
    """

    def __init__(
        self,
        source: TokenSource,
        *,
        concurrency: int = 16,
        low_priority: bool = False,
        policy: RetryPolicy | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.source = source
        self.policy = policy or RetryPolicy()
        self.stats = ClientStats()
        self.budget = RuBudget(tenant_budget(None))
        self.low_priority = low_priority
        self._semaphore = asyncio.Semaphore(concurrency)
        self.concurrency = concurrency
        # Fan-out ($batch) may take at most half the slots, so the sequential nextLink chains
        # (users, grants) — the scan's critical path — never queue behind a wall of batches.
        self.fanout_slots = asyncio.Semaphore(max(1, concurrency // 2))
        self._timeout = timeout
        self._refresh_lock = asyncio.Lock()
        self._rejected: set[bytes] = set()  # tokens Graph answered 401 to (refreshed once each)
        self._http: httpx.AsyncClient | None = None
        self._sdk: GraphServiceClient | None = None
        self.base_url = f"{source.graph_endpoint.rstrip('/')}/{API_VERSION}"
        # The one allow-list: a token goes only to its own endpoint's origin (origin.py).
        self.guard = TokenGuard(
            {"graph": source.graph_endpoint, "exchange": source.exchange_endpoint}
        )

    async def __aenter__(self) -> GraphClient:
        http = httpx.AsyncClient(
            verify=self.source.ssl_context,  # explicit context: REQUESTS_CA_BUNDLE cannot override
            trust_env=False,
            timeout=httpx.Timeout(self._timeout, connect=15.0),
            limits=httpx.Limits(
                max_connections=self.concurrency, max_keepalive_connections=self.concurrency
            ),
        )
        # Retries live in this module (see retry.py), so the SDK's RetryHandler is left out.
        middleware = [
            RedirectHandler(),
            ParametersNameDecodingHandler(),
            UrlReplaceHandler(),
            UserAgentHandler(),
        ]
        http = GraphClientFactory.create_with_custom_middleware(middleware, client=http)
        host = urlsplit(self.source.graph_endpoint).hostname or "localhost"
        adapter = GraphRequestAdapter(
            BaseBearerTokenAuthenticationProvider(
                GuardedTokenProvider(self.source, self.guard, host)
            ),
            http,
        )
        adapter.base_url = self.base_url
        self._http = http
        self._sdk = GraphServiceClient(request_adapter=adapter)
        warm_builders(self._sdk)
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._http is not None:
            await self._http.aclose()
        self._http = None

    @property
    def sdk(self) -> GraphServiceClient:
        if self._sdk is None:
            raise RuntimeError("GraphClient used outside 'async with'")
        return self._sdk

    def set_tenant_size(self, user_count: int | None) -> None:
        self.budget.set_limit(tenant_budget(user_count))

    # ------------------------------------------------------------------ sending

    def url_of(self, info: RequestInformation) -> str:
        """The absolute URL ``info`` will be sent to."""
        info.path_parameters.setdefault("baseurl", self.base_url)  # as the adapter would
        return str(info.url)

    async def _send_once(
        self, info: RequestInformation, resource: Resource, *, fresh: bool = False
    ) -> tuple[Response, str]:
        """One HTTP exchange; returns the answer and the token it carried."""
        self.guard.check(self.url_of(info), resource)  # before any token is attached
        info.headers.remove("Authorization")  # a fresh token each attempt: scans outlive tokens
        token = await asyncio.to_thread(self.source.token, resource, fresh=fresh)
        info.headers.add("Authorization", f"Bearer {token}")
        if self.low_priority:
            info.headers.try_add("x-ms-throttle-priority", "low")
        option: RequestOption = ResponseHandlerOption(NativeResponseHandler())
        info.add_request_options([option])
        async with self._semaphore:
            self.stats.requests += 1
            adapter: Any = self.sdk.request_adapter
            raw = await adapter.send_primitive_async(info, "bytes", {})
            if not isinstance(raw, httpx.Response):  # NativeResponseHandler hands it back as is
                raise TypeError("request adapter did not return the native response")
            body = await raw.aread()
        return Response(raw.status_code, raw.headers, body), token

    async def _after_401(
        self, info: RequestInformation, resource: Resource, rejected: str, resp: Response
    ) -> Response:
        """A rejected token is not a missing permission: refresh it once, bypassing MSAL's cache
        (signing keys rolled over, token revoked), and resend. A second 401 from Graph ends the
        run (exit 5) — every section would fail the same way, and a snapshot of "nothing
        readable" must never be stored as if the tenant had emptied. Exchange (add-ins only) is
        an extra: its second 401 is that one section's gap, saying so, not a missing role."""
        # per resource: Graph and Exchange tokens may be equal (one audience), memos are not
        digest = hashlib.sha256(f"{resource}:{rejected}".encode()).digest()  # no token copies
        async with self._refresh_lock:
            fresh = digest not in self._rejected  # another request may have refreshed already
            self._rejected.add(digest)
        retry, _ = await self._send_once(info, resource, fresh=fresh)
        if retry.status != 401:
            return retry
        error = sansio.error_from(retry.status, retry.headers, retry.body)
        text = f"{resource.capitalize()} rejected a freshly issued access token ({error})"
        if resource != "graph":
            raise GraphError(text, status=401, code=error.code, request_id=error.request_id)
        raise AuthError(
            text,
            code=error.code,
            tip="the app's sign-in works but the token is not accepted: check the profile's "
            "tenant and endpoints, and that the app is enabled in the tenant",
        )

    async def send(
        self,
        info: RequestInformation,
        *,
        cost: int | None = None,
        auth_resource: Resource | None = None,
        accept: frozenset[int] = frozenset(),
    ) -> Response:
        """Send with budget, concurrency limit and retries; non-2xx → a typed ``GraphError``.

        ``accept`` lists statuses the caller handles itself (e.g. 410 for an expired delta link).
        A link off the configured endpoint raises :class:`LinkRefused` before anything is sent;
        a persistent 401 raises :class:`AuthError`; a connection that stays lost after every
        retry raises :class:`ConnectionLost`.
        """
        if cost is None:
            cost = self.cost_of(info)
        resource: Resource = auth_resource or "graph"
        async for attempt in self._retrying(info):
            with attempt:
                await self.budget.acquire(cost)
                self.stats.resource_units += cost
                resp, token = await self._send_once(info, resource)
                if resp.status == 401:
                    resp = await self._after_401(info, resource, token, resp)
                if resp.status < 300 or resp.status in accept:
                    return resp
                self._raise_status(resp)
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def _raise_status(self, resp: Response) -> None:
        error = sansio.error_from(resp.status, resp.headers, resp.body)
        if sansio.is_retryable(resp.status):
            if resp.status == 429:
                self.stats.throttled += 1
            wait = sansio.retry_after(resp.headers)
            if resp.status == 429:
                self.budget.pause(wait)  # the whole app is over budget, not just this request
            raise RetryableStatus(resp.status, wait, error)
        raise error

    def _retrying(self, info: RequestInformation) -> AsyncRetrying:
        policy = self.policy

        def _wait(state: Any) -> float:
            exc = state.outcome.exception() if state.outcome else None
            return wait_for(exc, state.attempt_number, policy) if exc else 0.0

        def _before_sleep(state: Any) -> None:
            self.stats.retried += 1

        def _give_up(state: Any) -> Any:
            exc = state.outcome.exception()
            if isinstance(exc, RetryableStatus):
                raise exc.error from None
            if isinstance(exc, TRANSPORT_ERRORS):
                raise connection_lost(self.url_of(info), exc, state.attempt_number) from None
            raise exc

        return AsyncRetrying(
            retry=retry_if_exception_type((RetryableStatus, *TRANSPORT_ERRORS)),
            stop=stop_after_attempt(policy.max_attempts),
            wait=_wait,
            before_sleep=_before_sleep,
            retry_error_callback=_give_up,
        )

    def cost_of(self, info: RequestInformation) -> int:
        url = str(info.url)
        return request_cost(urlsplit(url).path, has_select="select=" in url)

    # ------------------------------------------------------------------ reading

    async def get_json(self, info: RequestInformation, item_type: type[T]) -> T:
        """One GET decoded into ``item_type``; a malformed body is re-requested (bounded)."""
        async for attempt in self._malformed_retrying():
            with attempt:
                resp = await self.send(info)
                return sansio.decode_json(resp.body, item_type)
        raise AssertionError("unreachable")  # pragma: no cover

    async def pages(
        self, info: RequestInformation, item_type: type[T]
    ) -> AsyncIterator[sansio.Page[T]]:
        """Follow ``@odata.nextLink`` to the end, yielding decoded pages.

        The next page is requested as soon as this one's nextLink is known — before its items
        are decoded and consumed — so client-side work overlaps the next round trip instead of
        adding to a sequential chain (the scan's critical path).

        The loop holds the current link, so a connection error, timeout or truncated body retries
        that one page (``send`` / the malformed retry) instead of starting the chain over. An empty
        page with a nextLink is normal in Graph (delta, filtered lists): keep following.
        """
        cost = self.cost_of(info)
        ahead: asyncio.Task[tuple[bytes, sansio.Links]] | None = None
        try:
            ahead = asyncio.ensure_future(self._fetch(info, cost))
            for _ in range(1_000_000):  # bounded: 10^9 objects at 999 a page
                body, links = await ahead
                ahead = None
                current = info
                if links.next_link:
                    info = self.request_for_url(links.next_link)
                    ahead = asyncio.ensure_future(self._fetch(info, cost))
                page = await self._decode(body, current, item_type, cost)
                del body
                self.stats.objects += len(page.value)
                yield page
                if ahead is None:
                    return
            raise sansio.MalformedResponse("nextLink chain did not end")
        finally:
            if ahead is not None and not ahead.done():
                ahead.cancel()

    async def _fetch(self, info: RequestInformation, cost: int) -> tuple[bytes, sansio.Links]:
        async for attempt in self._malformed_retrying():
            with attempt:
                resp = await self.send(info, cost=cost)
                return resp.body, sansio.decode_links(resp.body)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _decode(
        self, body: bytes, info: RequestInformation, item_type: type[T], cost: int
    ) -> sansio.Page[T]:
        """The page's items; well-formed JSON whose items do not fit → re-request (bounded)."""
        try:
            return sansio.decode_page(body, item_type)
        except sansio.MalformedResponse:
            self.stats.retried += 1
            return await self._page(info, item_type, cost)

    async def _page(
        self, info: RequestInformation, item_type: type[T], cost: int
    ) -> sansio.Page[T]:
        async for attempt in self._malformed_retrying():
            with attempt:
                resp = await self.send(info, cost=cost)
                return sansio.decode_page(resp.body, item_type)
        raise AssertionError("unreachable")  # pragma: no cover

    def _malformed_retrying(self) -> AsyncRetrying:
        def _count(state: Any) -> None:
            self.stats.retried += 1

        return AsyncRetrying(
            retry=retry_if_exception_type(sansio.MalformedResponse),
            stop=stop_after_attempt(self.policy.max_malformed + 1),
            before_sleep=_count,
            reraise=True,
        )

    def request_for_url(self, url: str, method: Method = Method.GET) -> RequestInformation:
        """A request for an absolute URL Graph gave us (nextLink / deltaLink)."""
        info = RequestInformation(method)
        info.url = url
        info.headers.try_add("Accept", "application/json")
        return info

    def relative(self, info: RequestInformation) -> str:
        """The URL of a builder-made request relative to ``/v1.0`` — what ``$batch`` wants."""
        info.path_parameters.setdefault("baseurl", self.base_url)
        url = str(info.url)
        if url.startswith(self.base_url):
            url = url[len(self.base_url) :]
        return url.replace("%24", "$")


__all__ = ["API_VERSION", "ClientStats", "GraphClient", "Response"]
