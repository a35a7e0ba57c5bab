"""Is this app Microsoft's own? The shipped list of Microsoft appIds and owner tenants.

Microsoft owns its apps from several tenants, not only ``f8cdef31-…``: Graph Explorer
(``de8bc8b5-…``) belongs to ``72f988bf-…`` and Microsoft Graph Command Line Tools (``14d82eec-…``)
to ``cdc5aeea-…`` — the two clients users consent to most. ``microsoft_apps.json`` is derived from
merill/microsoft-info (see ``scanner/resolve/data/derive.py`` for the refresh command). An app is
first-party when its owner tenant is one of Microsoft's or its appId is on the list.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import msgspec

from m365inv.models import MICROSOFT_TENANT_ID

# Always Microsoft's, whatever the shipped list says (it is derived data and could shrink).
MICROSOFT_OWNER_TENANTS = frozenset(
    {
        MICROSOFT_TENANT_ID,  # Microsoft Services
        "72f988bf-86f1-41af-91ab-2d7cd011db47",  # Microsoft corporate (Graph Explorer)
        "cdc5aeea-15c5-4db6-b079-fcadd2505dc2",  # Microsoft Graph CLI / PowerShell SDK
    }
)


class MicrosoftApps(msgspec.Struct, frozen=True, kw_only=True):
    source: str
    owner_tenants: frozenset[str] = msgspec.field(name="ownerTenants")
    apps: dict[str, str]

    def is_microsoft(self, app_id: str | None, owner_tenant: str | None) -> bool:
        owner = (owner_tenant or "").lower()
        if owner in MICROSOFT_OWNER_TENANTS or owner in self.owner_tenants:
            return True
        return (app_id or "").lower() in self.apps

    def name(self, app_id: str) -> str | None:
        return self.apps.get(app_id.lower()) or None


@cache
def microsoft_apps() -> MicrosoftApps:
    """The shipped list, loaded once per process."""
    raw = resources.files("m365inv.resolve.data").joinpath("microsoft_apps.json").read_bytes()
    return msgspec.json.decode(raw, type=MicrosoftApps)


def is_microsoft_app(app_id: str | None, owner_tenant: str | None) -> bool:
    return microsoft_apps().is_microsoft(app_id, owner_tenant)


__all__ = ["MICROSOFT_OWNER_TENANTS", "MicrosoftApps", "is_microsoft_app", "microsoft_apps"]
