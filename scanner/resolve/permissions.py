"""Permission ids ↔ values: the resource's own service principal first, an offline list second.

A tenant's resource service principal (Graph, Exchange Online, SharePoint, any third-party API)
carries the authoritative ``appRoles`` / ``oauth2PermissionScopes``. The shipped list (derived
from Microsoft's permission reference for Graph, plus Exchange Online) only fills in when that
service principal was not readable. An id found in neither stays, marked unresolved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from m365inv.models import PermissionKind, ServicePrincipal


@cache
def known_permissions() -> dict[str, dict[str, dict[str, str]]]:
    """resourceAppId → kind → id → value (the offline fallback)."""
    text = (
        resources.files("m365inv.resolve.data")
        .joinpath("known_permissions.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, dict[str, dict[str, str]]] = json.loads(text)
    return data


@dataclass
class PermissionIndex:
    """Lookups for one scan: by resource service principal id."""

    sps: dict[str, ServicePrincipal]
    _roles: dict[str, dict[str, str]] = field(default_factory=dict)
    _scopes: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for sp in self.sps.values():
            if sp.app_roles:
                self._roles[sp.id] = {r.id: r.value for r in sp.app_roles if r.value}
            if sp.oauth2_permission_scopes:
                self._scopes[sp.id] = {
                    s.value: s.id for s in sp.oauth2_permission_scopes if s.value
                }

    def app_role_value(self, resource_id: str, role_id: str) -> str | None:
        value = self._roles.get(resource_id, {}).get(role_id)
        if value is not None:
            return value
        return self._offline(resource_id, "application").get(role_id)

    def scope_id(self, resource_id: str, value: str) -> str | None:
        found = self._scopes.get(resource_id, {}).get(value)
        if found is not None:
            return found
        offline = self._offline(resource_id, "delegated")
        for pid, pvalue in offline.items():
            if pvalue == value:
                return pid
        return None

    def _offline(self, resource_id: str, kind: PermissionKind) -> dict[str, str]:
        sp = self.sps.get(resource_id)
        if sp is None:
            return {}
        return known_permissions().get(sp.app_id, {}).get(kind, {})


__all__ = ["PermissionIndex", "known_permissions"]
