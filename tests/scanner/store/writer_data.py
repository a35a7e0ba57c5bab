"""The tenant data the crash writer stores (shared by the writer process and the test)."""

from __future__ import annotations

from m365inv.models import TenantData


def writer_tenant_data() -> TenantData:
    return TenantData(
        org=None,
        scanned_at="2026-03-01T08:00:00Z",
        delta_links={"users": "https://g/users/delta?$deltatoken=1", "groups": "https://g/2"},
    )
