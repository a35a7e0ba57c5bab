"""Server-side paging: a ``Listing`` (size + get-by-position over a lazy collection) is cut into
Graph pages with ``@odata.nextLink`` (absolute URL, opaque ``$skiptoken``); delta rounds end in
``@odata.deltaLink``. Positions are raw indices, so removals between pages skip, never shift."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from m365inv.sandbox.graph.errors import GraphError, bad_request
from m365inv.sandbox.graph.odata import (
    Query,
    check_filter,
    check_select,
    decode_token,
    encode_token,
    query_fingerprint,
)

Record = dict[str, Any]


@dataclass
class Listing:
    context: str  # "users", "directoryObjects", "servicePrincipals('…')/appRoleAssignedTo"
    type_name: str  # "user" → "#microsoft.graph.user", and $select error messages
    size: int
    get: Callable[[int], Record | None]
    known: frozenset[str]
    default: tuple[str, ...] | None = None  # None: every property of the record
    filters: frozenset[str] = frozenset()
    resource: str = ""  # Graph's resource name in $filter errors ("User", "ServicePrincipal")
    odata_type: bool = False  # items carry "@odata.type" (mixed-type collections)
    type_of: Callable[[Record], str] | None = None
    live: Callable[[], int] | None = None  # fast unfiltered count
    extra: dict[str, Any] = field(default_factory=dict)


def shape(
    item: Record,
    select: tuple[str, ...] | None,
    default: tuple[str, ...] | None,
    odata_type: str | None,
) -> Record:
    props = select if select else default
    out: Record = {"@odata.type": odata_type} if odata_type else {}
    if props is None:
        out.update((k, v) for k, v in item.items() if not k.startswith("_"))
        return out
    out["id"] = item.get("id")
    for p in props:
        if p in item:
            out[p] = item[p]
    return out


def context_url(base: str, listing: Listing, select: tuple[str, ...] | None) -> str:
    sel = f"({','.join(select)})" if select else ""
    return f"{base}/v1.0/$metadata#{listing.context}{sel}"


def next_link(base: str, path: str, params: Mapping[str, str], token_key: str, token: str) -> str:
    kept = {k: v for k, v in params.items() if k not in ("$skiptoken", "$deltatoken")}
    kept[token_key] = token
    return f"{base}/v1.0/{path}?{urlencode(kept, quote_via=quote, safe='$,()')}"


def _matches(item: Record, flt: tuple[str, Any] | None) -> bool:
    return flt is None or item.get(flt[0]) == flt[1]


def page(
    listing: Listing,
    q: Query,
    *,
    base: str,
    path: str,
    params: Mapping[str, str],
    secret: str,
    consistency: bool,
) -> tuple[Record, int]:
    """One page as Graph's collection body; returns (body, objects on the page)."""
    check_select(q.select, listing.known, listing.type_name)
    check_filter(q.filter, listing.filters, listing.resource)
    if q.count and not consistency:
        raise GraphError(
            400,
            "Request_BadRequest",
            "$count is not currently supported without "
            "the 'ConsistencyLevel:eventual' header. Refer to "
            "https://aka.ms/graph-docs/advanced-queries for more information",
        )
    fp = query_fingerprint(params)
    pos = 0
    if q.skiptoken:
        state = decode_token(secret, q.skiptoken)
        if state.get("f") != fp or not isinstance(state.get("p"), int):
            raise bad_request("The $skiptoken does not belong to this query.")
        pos = state["p"]
    values: list[Record] = []
    while pos < listing.size and len(values) < q.top:
        item = listing.get(pos)
        pos += 1
        if item is not None and _matches(item, q.filter):
            kind = listing.type_of(item) if listing.type_of else listing.type_name
            values.append(
                shape(
                    item,
                    q.select,
                    listing.default,
                    f"#microsoft.graph.{kind}" if listing.odata_type else None,
                )
            )
    body: Record = {"@odata.context": context_url(base, listing, q.select)}
    if q.count:
        body["@odata.count"] = count(listing, q.filter)
    body.update(listing.extra)
    if pos < listing.size and _more(listing, pos, q.filter):
        body["@odata.nextLink"] = next_link(
            base, path, params, "$skiptoken", encode_token(secret, {"p": pos, "f": fp})
        )
    body["value"] = values
    return body, len(values)


def _more(listing: Listing, pos: int, flt: tuple[str, Any] | None) -> bool:
    """Is anything left? Cheap when unfiltered; with a filter, look ahead a bounded distance."""
    if flt is None:
        return True
    for p in range(pos, min(listing.size, pos + 2000)):
        item = listing.get(p)
        if item is not None and _matches(item, flt):
            return True
    return pos + 2000 < listing.size


def count(listing: Listing, flt: tuple[str, Any] | None) -> int:
    if flt is None and listing.live is not None:
        return listing.live()
    n = 0
    for p in range(listing.size):
        item = listing.get(p)
        if item is not None and _matches(item, flt):
            n += 1
    return n
