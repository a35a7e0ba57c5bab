"""Sans-io Graph: turn (status, headers, body) into pages, retry decisions or typed errors.

Nothing here does I/O, so every rule (what is retryable, how long to wait, what a 403 means,
how a ``$batch`` answer splits into inner responses) is unit-tested from recorded bytes under
``tests/scanner/graph/samples/`` — the shape gidgethub's ``sansio.py`` made popular.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import msgspec

from m365inv.errors import GraphError, PermissionDenied, Throttled

T = TypeVar("T")

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
"""Statuses Graph documents as transient. 429/503/504 carry ``Retry-After``; 500/502 are rare
gateway hiccups worth one more try."""

DEFAULT_RETRY_AFTER = 2.0
"""Seconds to wait when a 429/503 arrives without ``Retry-After`` (AzureHound crashed on those)."""

MAX_RETRY_AFTER = 120.0
"""Cap on a server-requested wait, so a hostile or broken header cannot stall a scan for hours."""


class Page(msgspec.Struct, Generic[T], frozen=True):
    """One page of a Graph collection; ``value`` decodes straight into our records."""

    value: tuple[T, ...] = ()
    next_link: str | None = msgspec.field(default=None, name="@odata.nextLink")
    delta_link: str | None = msgspec.field(default=None, name="@odata.deltaLink")
    count: int | None = msgspec.field(default=None, name="@odata.count")


class Links(msgspec.Struct, frozen=True):
    """Only a page's links: found without decoding its items, so the next request can go out
    while this page is still being decoded."""

    next_link: str | None = msgspec.field(default=None, name="@odata.nextLink")
    delta_link: str | None = msgspec.field(default=None, name="@odata.deltaLink")


class _InnerError(msgspec.Struct):
    code: str | None = None
    message: str | None = None


class _ErrorBody(msgspec.Struct):
    error: _InnerError | None = None


class BatchItem(msgspec.Struct, frozen=True):
    """One inner response of a ``$batch`` answer; ``body`` stays raw JSON for a typed decode."""

    id: str
    status: int
    headers: dict[str, str] = msgspec.field(default_factory=dict)
    body: msgspec.Raw = msgspec.field(default_factory=lambda: msgspec.Raw(b"null"))


class _BatchResponse(msgspec.Struct):
    responses: list[BatchItem] = msgspec.field(default_factory=list)


class MalformedResponse(GraphError):
    """A 2xx answer whose body is not the JSON Graph promises (truncated, wrong shape)."""


def retry_after(headers: Mapping[str, str], *, default: float = DEFAULT_RETRY_AFTER) -> float:
    """Seconds Graph asks us to wait; ``default`` when missing or unparseable, capped."""
    raw = _header(headers, "retry-after")
    if raw is None:
        return default
    try:
        seconds = float(raw.strip())
    except ValueError:
        return default  # HTTP-date form: Graph never sends it; fall back rather than guess
    if seconds != seconds or seconds < 0:  # NaN or negative
        return default
    return min(seconds, MAX_RETRY_AFTER)


def is_retryable(status: int) -> bool:
    return status in RETRYABLE_STATUS


def error_from(status: int, headers: Mapping[str, str], body: bytes | None) -> GraphError:
    """The typed error for a non-2xx answer. 403 → PermissionDenied, 429/503 → Throttled."""
    code, message = _error_fields(body)
    request_id = _header(headers, "request-id") or _header(headers, "client-request-id")
    text = f"Graph {status}" + (f" {code}" if code else "") + (f": {message}" if message else "")
    kw: dict[str, Any] = {"status": status, "code": code, "request_id": request_id}
    if status == 403:
        return PermissionDenied(text, **kw)
    if status in (429, 503):
        return Throttled(text, **kw)
    return GraphError(text, **kw)


def decode_page(body: bytes, item_type: type[T]) -> Page[T]:
    """Decode a collection page into ``Page[item_type]``; bad JSON → MalformedResponse."""
    try:
        return msgspec.json.decode(body, type=Page[item_type])  # type: ignore[valid-type]
    except msgspec.DecodeError as exc:  # ValidationError is a subclass
        raise MalformedResponse(f"malformed Graph page: {_short(exc)}") from exc


def decode_links(body: bytes) -> Links:
    """A page's nextLink/deltaLink (the items are skipped, not decoded); bad JSON → Malformed."""
    try:
        return msgspec.json.decode(body, type=Links)
    except msgspec.DecodeError as exc:
        raise MalformedResponse(f"malformed Graph page: {_short(exc)}") from exc


def decode_json(body: bytes, item_type: type[T]) -> T:
    """Decode a single JSON object; bad JSON → MalformedResponse."""
    try:
        return msgspec.json.decode(body, type=item_type)
    except msgspec.DecodeError as exc:
        raise MalformedResponse(f"malformed Graph answer: {_short(exc)}") from exc


def batch_body(requests: Mapping[str, str], headers: Mapping[str, str] | None = None) -> bytes:
    """The JSON body of a ``$batch`` POST: inner GETs keyed by our ids (urls relative to /v1.0)."""
    if not 0 < len(requests) <= 20:
        raise ValueError("a $batch takes 1..20 requests")
    items = [
        {"id": rid, "method": "GET", "url": url, **({"headers": dict(headers)} if headers else {})}
        for rid, url in requests.items()
    ]
    return msgspec.json.encode({"requests": items})


def decode_batch(body: bytes) -> dict[str, BatchItem]:
    """Inner responses by id; an inner body is kept raw for the caller's typed decode."""
    try:
        parsed = msgspec.json.decode(body, type=_BatchResponse)
    except msgspec.DecodeError as exc:
        raise MalformedResponse(f"malformed $batch answer: {_short(exc)}") from exc
    return {item.id: item for item in parsed.responses}


def inner_body(item: BatchItem) -> bytes:
    raw = bytes(item.body)
    return b"" if raw == b"null" else raw


def _error_fields(body: bytes | None) -> tuple[str | None, str | None]:
    if not body:
        return None, None
    try:
        parsed = msgspec.json.decode(body, type=_ErrorBody)
    except msgspec.DecodeError:
        return None, None
    if parsed.error is None:
        return None, None
    message = parsed.error.message
    if message is not None and len(message) > 300:
        message = message[:300] + "…"
    return parsed.error.code, message


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        for key, val in headers.items():
            if key.lower() == name:
                return val
    return value


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:200] + "…"


__all__ = [
    "RETRYABLE_STATUS",
    "BatchItem",
    "MalformedResponse",
    "Page",
    "batch_body",
    "decode_batch",
    "decode_json",
    "decode_page",
    "error_from",
    "inner_body",
    "is_retryable",
    "retry_after",
]
