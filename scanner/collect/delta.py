"""Full reads that leave a delta link behind, and repeat reads that apply only the changes.

**Later rounds.** Users, groups, service principals and delegated grants keep a deltaLink in
``TenantData.delta_links``. The next scan follows it and applies adds, updates (only the
properties Graph sent — ``msgspec.UNSET`` tells "absent" from "null") and ``@removed`` entries to
the previous records. An expired or unknown token (410 ``syncStateNotFound``, or older than
``delta_max_age_days``) falls back to a full read.

**The first (full) read of users and groups** does not page through ``/delta``: Graph ignores
``$top`` there and answers pages of about 200 (microsoftgraph/microsoft-graph-docs #7160, #5566,
#17516) — five times the sequential round trips of a ``$top=999`` listing on the scan's critical
path. Instead, in this order:

1. ``GET /users/delta?$select=…&$deltatoken=latest`` — Graph's "sync from now" for directory
   resources: no objects, only a deltaLink for the current state ("Resources stored in Microsoft
   Entra ID (such as users and groups) support 'sync from now' scenarios … append
   ``$deltaToken=latest`` to the delta function and the response will contain a deltaLink and no
   resource data", learn.microsoft.com/graph/delta-query-overview). ``$select`` is given here
   because a state token encodes the query of the round's first request.
2. ``GET /users?$select=…&$top=999`` — the plain listing, 999 a page.

Taken *before* the listing, the link's state is no later than any page of it, so whatever changes
while the listing runs is both (perhaps) in the listing and replayed by the next round; nothing
can fall between the two. Replaying is harmless because applying a change is idempotent: an add
or update replaces the record with Graph's current properties, a removal drops the id whether or
not the listing had it. (Taken *after*, a change to an already-listed page made before the link
was issued would be lost for good.) The cost is one extra request, before the listing.

**Service principals and grants** are few next to users and their delta honours ``$top``, so their
first read is the initial delta round itself. That round may carry ``@removed`` tombstones and
the same object twice (delta-query-overview: "the same resource may appear more than once … the
last one wins"), so it is decoded like a change round — every property optional — and applied
to an empty previous state: tombstones drop, duplicates collapse, never phantom records.
https://learn.microsoft.com/graph/delta-query-overview
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from m365inv.collect.base import Ctx, Section, read_list
from m365inv.collect.directory import (
    GRANT_SELECT,
    GROUP_SELECT,
    SP_SELECT,
    USER_SELECT,
    _ServicePrincipal,
    sp_from,
)
from m365inv.collect.requests import get_info
from m365inv.errors import GraphError
from m365inv.graph.sansio import MalformedResponse
from m365inv.models import (
    AppRoleAssignment,
    DelegatedGrant,
    Group,
    ServicePrincipal,
    TenantData,
    User,
)

GONE_CODES = frozenset({"syncStateNotFound", "resyncRequired", "syncStateInvalid"})


class _Removed(msgspec.Struct):
    reason: str | None = None


def _delta_type(base: type[Any]) -> type[Any]:
    """``base``'s fields, all optional-and-UNSET, plus ``@removed``: one struct per collection."""
    fields: list[tuple[str, Any, Any]] = [("id", str, msgspec.NODEFAULT)]
    for f in msgspec.structs.fields(base):
        if f.name != "id":
            fields.append((f.name, f.type | msgspec.UnsetType, msgspec.UNSET))
    fields.append(("removed", _Removed | None, msgspec.field(default=None, name="@removed")))
    return msgspec.defstruct(f"{base.__name__}Delta", fields, rename="camel", kw_only=True)


@dataclass(frozen=True)
class Kind:
    source: str  # coverage name and delta_links key
    select: tuple[str, ...]
    wire: type[Any]  # what a full listing decodes into
    to_record: Callable[[Any], Any] | None
    to_wire: Callable[[Any], Any] | None  # previous record → wire, to merge partial updates
    permission: str
    builder: Callable[[Ctx], Any]
    delta: Callable[[Ctx], Any] | None
    # first read: a plain listing after a "$deltatoken=latest" link (users, groups: their delta
    # ignores $top), or the initial delta round (service principals, grants)
    listing_first: bool = False


def _sp_to_wire(sp: ServicePrincipal) -> _ServicePrincipal:
    # Only needed to merge partial updates; fields not in the record stay None.
    data = msgspec.to_builtins(sp)
    data["info"] = {
        "privacyStatementUrl": data.pop("privacyStatementUrl", None),
        "marketingUrl": data.pop("marketingUrl", None),
    }
    # PermissionScope.kind already encodes as "type", the wire name: nothing to rename there.
    return msgspec.convert(data, _ServicePrincipal)


def _interning(*fields: str) -> Callable[[Any], Any]:
    """A converter that shares one string object per distinct value of ``fields``.

    Grants repeat a handful of client ids, resource ids, scopes and consent types across tens
    of thousands of records, and users a few ``userType`` values; msgspec decodes each as a
    new string. Sharing them saves ~23 MB on a 100k-user tenant (measured with tracemalloc).
    """

    def convert(record: Any) -> Any:
        shared = {f: sys.intern(v) for f in fields if isinstance(v := getattr(record, f), str)}
        return msgspec.structs.replace(record, **shared)

    return convert


KINDS: dict[str, Kind] = {
    "users": Kind(
        "users",
        USER_SELECT,
        User,
        _interning("user_type"),
        None,
        "User.Read.All",
        lambda c: c.client.sdk.users,
        lambda c: c.client.sdk.users.delta,
        listing_first=True,
    ),
    "groups": Kind(
        "groups",
        GROUP_SELECT,
        Group,  # the record itself: Graph's shape (collect/directory.py)
        None,
        None,
        "GroupMember.Read.All",
        lambda c: c.client.sdk.groups,
        # Without ``members`` in $select: members of the few groups assigned to apps are
        # re-read each scan (a $batch or two).
        lambda c: c.client.sdk.groups.delta,
        listing_first=True,
    ),
    "servicePrincipals": Kind(
        "servicePrincipals",
        SP_SELECT,
        _ServicePrincipal,
        sp_from,
        _sp_to_wire,
        "Application.Read.All",
        lambda c: c.client.sdk.service_principals,
        lambda c: c.client.sdk.service_principals.delta,
    ),
    "oauth2PermissionGrants": Kind(
        "oauth2PermissionGrants",
        GRANT_SELECT,
        DelegatedGrant,
        _interning("client_id", "consent_type", "resource_id", "scope"),
        None,
        "Directory.Read.All",
        lambda c: c.client.sdk.oauth2_permission_grants,
        lambda c: c.client.sdk.oauth2_permission_grants.delta,
    ),
}

_DELTA_TYPES = {name: _delta_type(k.wire) for name, k in KINDS.items()}

_PREVIOUS_FIELD = {
    "users": "users",
    "groups": "groups",
    "servicePrincipals": "service_principals",
    "oauth2PermissionGrants": "delegated_grants",
}


def usable_link(previous: TenantData | None, source: str, max_age_days: float) -> str | None:
    if previous is None:
        return None
    link = previous.delta_links.get(source)
    issued = previous.delta_links.get("issuedAt")
    if not link or not issued:
        return None
    try:
        when = dt.datetime.fromisoformat(issued.replace("Z", "+00:00"))
    except ValueError:
        return None
    age = dt.datetime.now(dt.UTC) - when
    return link if age < dt.timedelta(days=max_age_days) else None


async def read(ctx: Ctx, source: str, previous: TenantData | None) -> Section[Any]:
    """The collection ``source``: changes since ``previous`` when possible, else everything."""
    kind = KINDS[source]
    link = usable_link(previous, source, ctx.options.delta_max_age_days) if kind.delta else None
    if link is not None and previous is not None:
        section = await _apply_changes(ctx, kind, link, getattr(previous, _PREVIOUS_FIELD[source]))
        if section is not None:
            return section
    if not ctx.options.delta or kind.delta is None:
        section = await _listing(ctx, kind)
    elif kind.listing_first:
        section = await _latest_then_listing(ctx, kind)
    else:
        section = await _initial_round(ctx, kind)
    if source == "users" and section.complete:
        ctx.client.set_tenant_size(len(section.items))
    return section


async def _listing(ctx: Ctx, kind: Kind) -> Section[Any]:
    info = get_info(kind.builder(ctx), select=kind.select, top=ctx.options.page_size)
    section = Section[Any](kind.source)
    return await read_list(ctx, section, info, kind.wire, kind.to_record, kind.permission)


async def _latest_then_listing(ctx: Ctx, kind: Kind) -> Section[Any]:
    """The deltaLink of "now" first, then the plain listing (see the module docstring)."""
    assert kind.delta is not None
    url = ctx.client.url_of(get_info(kind.delta(ctx), select=kind.select, top=None))
    info = ctx.client.request_for_url(url + ("&" if "?" in url else "?") + "$deltatoken=latest")
    latest: str | None = None
    try:
        async for page in ctx.client.pages(info, _DELTA_TYPES[kind.source]):
            latest = page.delta_link or latest
    except GraphError:
        latest = None  # no link: the next scan reads everything again — nothing is lost
    section = await _listing(ctx, kind)
    section.delta_link = latest if section.complete else None
    return section


async def _initial_round(ctx: Ctx, kind: Kind) -> Section[Any]:
    """The first delta round, decoded like a change round and applied to nothing."""
    assert kind.delta is not None
    info = get_info(kind.delta(ctx), select=kind.select, top=ctx.options.page_size)
    section = Section[Any](kind.source)
    changes: list[Any] = []
    try:
        async for page in ctx.client.pages(info, _DELTA_TYPES[kind.source]):
            changes.extend(page.value)
            ctx.progress.update(kind.source, items=len(page.value), pages=1)
            if page.delta_link:
                section.delta_link = page.delta_link
        section.items = apply(kind, (), changes)
    except GraphError as exc:
        # what was read is kept, deduplicated, tombstones applied — and marked incomplete
        section.items = apply(kind, (), changes, strict=False)
        section.fail(exc, kind.permission)
        section.delta_link = None
    return section


async def _apply_changes(
    ctx: Ctx, kind: Kind, link: str, previous: tuple[Any, ...]
) -> Section[Any] | None:
    """Previous records with the delta applied; None when Graph says the token is gone."""
    changes: list[Any] = []
    section = Section[Any](kind.source)
    try:
        async for page in ctx.client.pages(
            ctx.client.request_for_url(link), _DELTA_TYPES[kind.source]
        ):
            changes.extend(page.value)
            ctx.progress.update(kind.source, items=len(page.value), pages=1)
            if page.delta_link:
                section.delta_link = page.delta_link
        section.items = apply(kind, previous, changes)
    except GraphError as exc:
        if exc.status == 410 or exc.code in GONE_CODES:
            return None  # token expired: full resync
        section.fail(exc, kind.permission)
        section.items = list(previous)
        section.delta_link = None
        return section
    section.changed_ids = {c.id for c in changes}
    if kind.source == "users":
        ctx.client.set_tenant_size(len(section.items))
    return section


def apply(
    kind: Kind, previous: tuple[Any, ...], changes: list[Any], *, strict: bool = True
) -> list[Any]:
    """Adds, partial updates and removals, in the order Graph reported them; order kept.

    The same id twice: the later entry wins, merged over the earlier (Graph sends full objects
    unless ``Prefer: return=minimal``). A new object missing a property its record requires is
    a malformed answer (``strict``) — or skipped when salvaging a failed read.
    """
    by_id: dict[str, Any] = {r.id: r for r in previous}
    for change in changes:
        if change.removed is not None:
            by_id.pop(change.id, None)
            continue
        sent = {
            f: v
            for f in change.__struct_fields__
            if f != "removed" and (v := getattr(change, f)) is not msgspec.UNSET
        }
        old = by_id.get(change.id)
        if old is not None:
            base = msgspec.structs.asdict(kind.to_wire(old) if kind.to_wire else old)
            sent = {**base, **sent}
        try:
            wire = kind.wire(**sent)
        except TypeError as exc:  # a required property (e.g. appId) is missing
            if strict:
                raise MalformedResponse(
                    f"{kind.source}: object {change.id!r} lacks a required property"
                ) from exc
            continue
        # a group's memberIds is never on the wire: an update keeps the members already read
        by_id[change.id] = kind.to_record(wire) if kind.to_record else wire
    return list(by_id.values())


def groups_needing_members(
    groups: list[Group], assignments: list[AppRoleAssignment], mode: str
) -> list[Group]:
    """Groups whose members matter: assigned to an app (their users reach it) — or all/none."""
    if mode == "none":
        return []
    if mode == "all":
        return list(groups)
    assigned = {a.principal_id for a in assignments if (a.principal_type or "") == "Group"}
    return [g for g in groups if g.id in assigned]


def merge_groups(groups: list[Group], read: list[Group]) -> list[Group]:
    by_id = {g.id: g for g in read}
    return [by_id.get(g.id, g) for g in groups]


__all__ = ["KINDS", "apply", "groups_needing_members", "merge_groups", "read", "usable_link"]
