"""Delta queries (users, groups, servicePrincipals, oauth2PermissionGrants): a first round pages
through every object and ends with ``@odata.deltaLink``; a later round returns only what changed
since, deletions as ``{"id", "@removed": {"reason"}}``. Tokens older than
``Tenant.min_delta_version`` (or not ours) get 410 ``syncStateNotFound`` → full resync.

Like Graph, the state token carries the initial request's query (``$select`` and the page size
``$top``) through every nextLink *and* the deltaLink, so a change round pages like the first one.
https://learn.microsoft.com/graph/delta-query-overview ("state tokens … encode the query")

``groups/delta`` with ``members`` in ``$select`` adds ``members@delta`` (``@odata.type`` + ``id``)
to each group: every current member on the first round; on a change round Graph lists only
membership changes — the sandbox has no membership mutations, so changed groups carry none.
(Graph does not report a deleted user under ``groups/delta`` either.)
https://learn.microsoft.com/graph/api/group-delta

Real Graph is less tidy, and so is this simulator:

* ``$deltatoken=latest`` ("sync from now") answers no objects and a deltaLink for the current
  state, as Graph does for directory resources (delta-query-overview).
* ``users/delta`` and ``groups/delta`` ignore ``$top`` and page about 200 objects
  (microsoft-graph-docs #7160, #5566, #17516): ``page_cap``; other collections honour ``$top``.
* An *initial* round may carry ``@removed`` tombstones (objects deleted since the tenant's
  generation show up as ``{"id", "@removed"}`` where they stood) and the same object twice (each
  page after the first repeats the previous page's last object): clients must let the last
  entry win and drop tombstones ("delta-query-overview", "delta-query-users")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from m365inv.sandbox.graph.errors import GraphError
from m365inv.sandbox.graph.odata import Query, check_select, decode_token, encode_token
from m365inv.sandbox.graph.paging import Listing, context_url, next_link, shape
from m365inv.sandbox.tenant_store import Objects

Record = dict[str, Any]


def _gone() -> GraphError:
    return GraphError(
        410,
        "syncStateNotFound",
        "The delta token is expired or no longer valid. "
        "Restart the synchronization with a full delta query (no $deltatoken).",
    )


def delta_page(
    objects: Objects,
    listing: Listing,
    q: Query,
    *,
    tenant: Any,
    base: str,
    path: str,
    params: Mapping[str, str],
    secret: str,
    removed_reason: str,
    members: Callable[[Record, bool], list[Record]] | None = None,
    page_cap: int | None = None,
) -> tuple[Record, int]:
    check_select(q.select, listing.known, listing.type_name)
    if q.filter is not None:
        raise GraphError(400, "Request_UnsupportedQuery", "Unsupported Query.")
    if q.deltatoken == "latest":  # "sync from now": a deltaLink, no objects
        token = encode_token(
            secret, {"v": tenant.version, "sel": list(q.select) if q.select else None, "t": q.top}
        )
        latest: Record = {
            "@odata.context": context_url(base, listing, q.select),
            "@odata.deltaLink": next_link(base, path, {}, "$deltatoken", token),
            "value": [],
        }
        return latest, 0
    if q.deltatoken:
        try:
            state = decode_token(secret, q.deltatoken, what="$deltatoken")
        except GraphError as exc:
            raise _gone() from exc
        if state.get("v", 0) < tenant.min_delta_version:
            raise _gone()
        state = {
            "m": "chg",
            "p": 0,
            "since": state["v"],
            "v": tenant.version,
            "sel": state.get("sel"),
            "t": state.get("t", q.top),
        }
    elif q.skiptoken:
        state = decode_token(secret, q.skiptoken)
    else:
        state = {
            "m": "init",
            "p": 0,
            "v": tenant.version,
            "s": len(objects),
            "sel": list(q.select) if q.select else None,
        }
    state.setdefault("t", q.top)  # the page size travels in the token, like $select
    top = int(state["t"]) if page_cap is None else page_cap
    select = tuple(state["sel"]) if state.get("sel") else None
    with_members = members is not None and select is not None and "members" in select
    if with_members and select is not None:
        select = tuple(p for p in select if p != "members")
    values: list[Record] = []
    pos = int(state["p"])
    if state["m"] == "init":
        end = int(state["s"])
        if pos > 0:  # the previous page's last object again, as Graph may
            again = _last_before(objects, pos)
            if again is not None:
                values.append(
                    _with_members(
                        shape(again, select, listing.default, None),
                        again,
                        members if with_members else None,
                        True,
                    )
                )
        while pos < end and len(values) < top:
            item = objects.get(pos)
            pos += 1
            if item is None:  # removed since the tenant was generated: a tombstone
                gone = objects.removed_record(pos - 1)
                values.append({"id": gone["id"], "@removed": {"reason": removed_reason}})
            else:
                values.append(
                    _with_members(
                        shape(item, select, listing.default, None),
                        item,
                        members if with_members else None,
                        True,
                    )
                )
    else:
        changed = objects.changed_since(int(state["since"]), int(state["v"]))
        end = len(changed)
        while pos < end and len(values) < top:
            i = changed[pos]
            pos += 1
            item = objects.get(i)
            if item is None:
                gone = objects.removed_record(i)
                values.append({"id": gone["id"], "@removed": {"reason": removed_reason}})
            else:
                values.append(
                    _with_members(
                        shape(item, select, listing.default, None),
                        item,
                        members if with_members else None,
                        False,
                    )
                )
    body: Record = {"@odata.context": context_url(base, listing, select)}
    if pos < end:
        body["@odata.nextLink"] = next_link(
            base, path, {}, "$skiptoken", encode_token(secret, {**state, "p": pos})
        )
    else:
        token = encode_token(secret, {"v": state["v"], "sel": state.get("sel"), "t": top})
        body["@odata.deltaLink"] = next_link(base, path, {}, "$deltatoken", token)
    body["value"] = values
    return body, len(values)


def _last_before(objects: Objects, pos: int) -> Record | None:
    for i in range(pos - 1, max(-1, pos - 50), -1):
        item = objects.get(i)
        if item is not None:
            return item
    return None


def _with_members(
    out: Record,
    item: Record,
    members: Callable[[Record, bool], list[Record]] | None,
    initial: bool,
) -> Record:
    if members is not None:
        out["members@delta"] = members(item, initial)
    return out
