"""Per-object URLs made once by the SDK and filled in per id equal the SDK's own, id by id."""

from __future__ import annotations

import asyncio

from m365inv.collect.requests import get_info, urls_by_id
from m365inv.graph.client import GraphClient
from tests.scanner.collect.tokens import MsalTokenSource


def test_urls_by_id_match_the_request_builders(source: MsalTokenSource) -> None:
    ids = ["0b1c2d3e-0000-4000-8000-000000000001", "odd id/with?chars&$", "ünï"]

    async def build() -> tuple[dict[str, str], dict[str, str]]:
        async with GraphClient(source) as client:
            sps = client.sdk.service_principals

            def make(i: str):  # type: ignore[no-untyped-def]
                return get_info(
                    sps.by_service_principal_id(i).app_role_assigned_to,
                    select=("id", "principalId"),
                    top=999,
                )

            fast = urls_by_id(client, ids, make)
            slow = {i: client.relative(make(i)) for i in ids}
            return fast, slow

    fast, slow = asyncio.run(build())
    assert fast == slow
    assert fast[ids[0]].startswith(f"/servicePrincipals/{ids[0]}/appRoleAssignedTo?")
