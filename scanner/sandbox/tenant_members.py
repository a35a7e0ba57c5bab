"""Group membership as Graph really returns it: nested groups, devices and contacts.

``/groups/{id}/members`` is *direct* membership of any directory object type — users, groups,
devices, organisational contacts, service principals (learn.microsoft.com "group-list-members",
"Group membership") — and ``/groups/{id}/transitiveMembers`` the flat list of everything reached
through nesting ("group-list-transitivemembers"). A scanner that counts every id of ``/members``
as a user miscounts both ways: it counts devices and contacts, and misses the nested group's users.

The sandbox therefore nests one group (and a device and a contact) into the group assigned to
Mail Professionals' provisioning app, so the assigned-user count can only come out right
through ``transitiveMembers/microsoft.graph.user``.
"""

from __future__ import annotations

from typing import Protocol

from m365inv.sandbox.tenant_ids import object_id
from m365inv.sandbox.tenant_store import Objects, Record

__all__ = ["direct_members", "nested_groups", "transitive_user_indices"]


class _Tenant(Protocol):
    seed: int
    users: Objects
    groups: Objects

    def group_members(self, group_id: str) -> list[int] | range | None: ...

    def mailpro_group(self) -> int: ...


def nested_groups(t: _Tenant, g: int) -> list[int]:
    """Group indices nested directly in group ``g`` (only the Mail Professionals group has one)."""
    child = g + 1
    if g == t.mailpro_group() and child < t.groups.base:
        return [child]
    return []


def _device(t: _Tenant, g: int) -> Record:
    return {
        "_type": "device",
        "id": object_id(t.seed, "device", g),
        "deletedDateTime": None,
        "accountEnabled": True,
        "deviceId": object_id(t.seed, "device-id", g),
        "displayName": f"KIOSK-{g:03d}",
        "operatingSystem": "Windows",
        "operatingSystemVersion": "10.0.22631.3880",
        "trustType": "AzureAd",
    }


def _contact(t: _Tenant, g: int) -> Record:
    return {
        "_type": "orgContact",
        "id": object_id(t.seed, "contact", g),
        "deletedDateTime": None,
        "displayName": "Steuerberatung Extern",
        "givenName": None,
        "mail": "kanzlei@example.com",
        "mailNickname": "kanzlei",
        "surname": None,
    }


def direct_members(t: _Tenant, group_id: str) -> list[Record] | None:
    """Direct members of any type, each with ``_type`` (None: no such group)."""
    g = t.groups.index(group_id)
    indices = t.group_members(group_id)
    if g is None or indices is None:
        return None
    out: list[Record] = []
    for i in indices:
        user = t.users.get(i)
        if user is not None:
            out.append({**user, "_type": "user"})
    for child in nested_groups(t, g):
        group = t.groups.get(child)
        if group is not None:
            out.append({**group, "_type": "group"})
    if nested_groups(t, g):
        out += [_device(t, g), _contact(t, g)]
    return out


def transitive_user_indices(t: _Tenant, group_id: str) -> list[int] | None:
    """Distinct user indices reached through nesting (bounded: nesting is acyclic here)."""
    g = t.groups.index(group_id)
    if g is None:
        return None
    seen: set[int] = set()
    out: list[int] = []
    stack = [g]
    visited: set[int] = set()
    while stack:
        k = stack.pop()
        if k in visited:
            continue
        visited.add(k)
        gid = object_id(t.seed, "group", k)
        for i in t.group_members(gid) or ():
            if i not in seen and t.users.get(i) is not None:
                seen.add(i)
                out.append(i)
        stack.extend(nested_groups(t, k))
    return sorted(out)
