"""Issue 9 item 3: real initial delta rounds carry tombstones and duplicates; derived sections
never claim completeness their inputs lack.

The sandbox plays Graph here: an initial round repeats the previous page's last object on each
new page and reports objects deleted since the tenant's generation as ``@removed`` where they
stood (learn.microsoft.com/graph/delta-query-overview: the same object may come more than once,
the last one wins). Service principals and grants are first read through that round.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

import httpx

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.models import TenantData
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.collect.tokens import MsalTokenSource

SMALL_PAGES = CollectOptions(concurrency=8, page_size=10)


def _cov(td: TenantData, source: str) -> tuple[bool, str | None]:
    c = {c.source: c for c in td.coverage}[source]
    return c.complete, c.error


def test_initial_rounds_with_tombstones_and_duplicates(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(users=120, seed=21)
    t = sb.tenant
    src = MsalTokenSource(sb)
    gone_sp = t.sp_id(t.vendor_index(1))
    t.remove_service_principal(gone_sp)
    before = asyncio.run(collect_tenant(src, options=SMALL_PAGES))  # to find a grant id
    gone_grant = before.delegated_grants[-1].id
    t.remove_delegated_grant(gone_grant)
    gone_user = before.users[7].id
    t.remove_user(gone_user)

    # the raw initial rounds really are untidy: duplicates and tombstones on the wire
    token = src.token()
    with httpx.Client(verify=src.ssl_context, trust_env=False) as http:
        url: str | None = f"{sb.info.graph_endpoint}/v1.0/servicePrincipals/delta?$top=10"
        wire: list[dict[str, object]] = []
        while url:
            body = http.get(url, headers={"Authorization": f"Bearer {token}"}).json()
            wire += body["value"]
            url = body.get("@odata.nextLink")
    ids = Counter(str(o["id"]) for o in wire)
    assert any(n > 1 for n in ids.values()), "duplicates in the initial round"
    assert {"id": gone_sp, "@removed": {"reason": "changed"}} in wire

    td = asyncio.run(collect_tenant(src, options=SMALL_PAGES))
    assert _cov(td, "servicePrincipals") == (True, None)
    assert _cov(td, "oauth2PermissionGrants") == (True, None)
    sp_ids = [sp.id for sp in td.service_principals]
    assert len(sp_ids) == len(set(sp_ids)) == t.service_principals.live_count()
    assert gone_sp not in sp_ids  # no phantom from the tombstone
    grant_ids = [g.id for g in td.delegated_grants]
    assert len(grant_ids) == len(set(grant_ids)) == t.grants.live_count()
    assert gone_grant not in grant_ids
    user_ids = [u.id for u in td.users]
    assert len(user_ids) == len(set(user_ids)) == t.users.live_count()
    assert gone_user not in user_ids
    assert all(c.complete for c in td.coverage), [c for c in td.coverage if not c.complete]
    src.close()


def test_users_initial_delta_round_is_untidy_too(sandbox_factory: Callable[..., Sandbox]) -> None:
    """The scanner lists users instead (delta ignores $top); the sandbox still behaves like Graph
    for any client that does page users/delta: 200 a page, duplicates, tombstones."""
    sb = sandbox_factory(users=450, seed=22)
    gone = sb.tenant.users.get(5)["id"]
    sb.tenant.remove_user(gone)
    src = MsalTokenSource(sb)
    with httpx.Client(verify=src.ssl_context, trust_env=False) as http:
        url: str | None = f"{sb.info.graph_endpoint}/v1.0/users/delta?$top=999&$select=id"
        pages: list[list[dict[str, object]]] = []
        while url:
            body = http.get(url, headers={"Authorization": f"Bearer {src.token()}"}).json()
            pages.append(body["value"])
            url = body.get("@odata.nextLink")
    assert [len(p) for p in pages] == [200, 200, 52]  # 450 + 2 repeats, $top ignored
    assert pages[1][0] == pages[0][-1]  # the page boundary object, twice
    assert {"id": gone, "@removed": {"reason": "changed"}} in pages[0]
    src.close()


def test_a_failed_service_principal_read_leaves_no_derived_section_complete(
    sandbox_factory: Callable[..., Sandbox],
) -> None:
    sb = sandbox_factory(users=60, seed=23)
    src = MsalTokenSource(sb)
    # the second page of the service-principal round fails for good (truncated every time)
    sb.faults.add(FaultRule("servicePrincipals/delta()?$skiptoken", malformed=True, remaining=100))
    td = asyncio.run(collect_tenant(src, options=SMALL_PAGES))
    complete, error = _cov(td, "servicePrincipals")
    assert not complete and error
    for derived in ("appRoleAssignedTo", "synchronizationJobs"):
        complete, error = _cov(td, derived)
        assert not complete, derived
        assert error is not None and "derived from servicePrincipals" in error
    complete, error = _cov(td, "groupMembers")  # needs the assignments, which need the SPs
    assert not complete and error is not None and "appRoleAssignedTo" in error
    assert "servicePrincipals" not in td.delta_links
    assert _cov(td, "users") == (True, None)
    src.close()
