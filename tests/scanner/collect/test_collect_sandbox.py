"""collect_tenant against the sandbox over real HTTPS + MSAL: every collection, faults, gaps."""

from __future__ import annotations

import asyncio
from typing import Any

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.collect.addins import REQUIREMENT
from m365inv.models import TenantData
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.collect.tokens import MsalTokenSource

FAST = CollectOptions(concurrency=8)


def scan(source: MsalTokenSource, **kw: Any) -> TenantData:
    return asyncio.run(collect_tenant(source, **kw))


def cov(td: TenantData) -> dict[str, Any]:
    return {c.source: c for c in td.coverage}


def test_every_collection_is_read_completely(sandbox: Sandbox, source: MsalTokenSource) -> None:
    td = scan(source, options=FAST)
    coverage = cov(td)
    assert all(c.complete for c in td.coverage), [c for c in td.coverage if not c.complete]
    assert set(coverage) == {
        "organization",
        "users",
        "groups",
        "groupMembers",
        "servicePrincipals",
        "applications",
        "oauth2PermissionGrants",
        "appRoleAssignedTo",
        "principals",
        "synchronizationJobs",
        "teamsApps",
        "addIns",
        "servicePrincipalSignInActivities",
    }
    tenant = sandbox.tenant
    assert td.org is not None and td.org.id == sandbox.info.tenant_id
    assert len(td.users) == tenant.users.live_count() == coverage["users"].item_count
    assert len(td.groups) == tenant.groups.live_count()
    assert len(td.service_principals) == tenant.service_principals.live_count()
    assert {a.display_name for a in td.applications} >= {"m365inv Scanner"}
    assert len({g.id for g in td.delegated_grants}) == len(td.delegated_grants) > 0
    names = {sp.display_name for sp in td.service_principals}
    assert {
        "Mailissa",
        "MailStore Server",
        "ContactSync",
        "Telefonsekretariat Emilie",
        "Mail Professionals Signatures",
    } <= names
    # application permissions: read per resource SP, so MailStore's Exchange role is there
    mailstore = next(sp for sp in td.service_principals if sp.display_name == "MailStore Server")
    held = {a.app_role_id for a in td.app_role_assignments if a.principal_id == mailstore.id}
    assert "dc890d15-9560-4a4c-9b7f-a736ec74ec40" in held  # full_access_as_app
    jobs = {j.template_id: j for j in td.sync_jobs}
    job = jobs["scim"]
    assert job.attribute_mappings
    assert {m.target for m in job.attribute_mappings} >= {"userName", "title"}
    gallery = jobs["salesforce"].attribute_mappings or ()
    assert {m.target for m in gallery} >= {"IsActive", "ProfileName", "Members"}
    active = next(m for m in gallery if m.target == "IsActive")
    assert active.source_attributes == ("IsSoftDeleted",)
    assert {m.object_type for m in gallery} == {"User", "Group"}
    assert [t.display_name for t in td.teams_apps if t.azure_ad_app_id] == ["Emilie"]
    assert {a.display_name for a in td.add_ins} >= {"Mailissa for Outlook"}
    assert set(td.delta_links) >= {"users", "servicePrincipals", "oauth2PermissionGrants"}


def test_requests_are_batched_not_per_object(sandbox: Sandbox, source: MsalTokenSource) -> None:
    scan(source, options=FAST)
    by_route = sandbox.stats.by_route
    batches = by_route["POST /v1.0/$batch"]
    inner = sum(
        n for route, n in by_route.items() if route.startswith("GET /v1.0/servicePrincipals/{id}/")
    )
    assert inner >= 10
    # per-object reads went out inside $batch, more than one per batch
    assert 0 < batches < inner


def test_paging_across_many_pages(sandbox: Sandbox, source: MsalTokenSource) -> None:
    td = scan(source, options=CollectOptions(page_size=7, concurrency=8))
    assert len(td.users) == sandbox.tenant.users.live_count()
    assert len({u.id for u in td.users}) == len(td.users)
    # the first read is a plain listing (7 a page) after one "$deltatoken=latest" request
    assert sandbox.stats.by_route["GET /v1.0/users"] >= 200 // 7
    assert sandbox.stats.by_route["GET /v1.0/users/delta"] == 1
    assert sandbox.stats.by_route["GET /v1.0/servicePrincipals/delta"] > 1  # honours $top
    assert all(c.complete for c in td.coverage)


def test_503_and_429_with_retry_after_are_retried(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("/v1.0/groups", status=503, retry_after=0, remaining=2))
    sandbox.faults.add(FaultRule("/v1.0/applications", status=429, retry_after=1, remaining=1))
    td = scan(source, options=FAST)
    coverage = cov(td)
    assert coverage["groups"].complete and coverage["applications"].complete
    assert len(td.groups) == sandbox.tenant.groups.live_count()
    assert sandbox.stats.by_route["GET /v1.0/groups/delta"] == 3  # 2 × 503, then 200


def test_inner_batch_429_retries_only_failed_requests(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("/synchronization/jobs", status=429, retry_after=1, remaining=3))
    clean = scan(source, options=FAST)
    total_inner = sandbox.stats.by_route["GET /v1.0/servicePrincipals/{id}/synchronization/jobs"]
    assert cov(clean)["synchronizationJobs"].complete
    assert len(clean.sync_jobs) == 2  # the SCIM app and the gallery-connector app
    sandbox.reset()
    scan(source, options=FAST)
    # the faulted run re-sent exactly the 3 throttled inner requests
    assert (
        total_inner
        - sandbox.stats.by_route["GET /v1.0/servicePrincipals/{id}/synchronization/jobs"]
        == 3
    )


def test_dropped_connection_mid_chain_resumes_from_last_link(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("$skiptoken", drop=True, remaining=1))
    td = scan(source, options=CollectOptions(page_size=50, concurrency=4))
    assert all(c.complete for c in td.coverage)
    assert len(td.users) == sandbox.tenant.users.live_count()
    pages = -(-sandbox.tenant.users.live_count() // 50)
    # one page repeated at most, never the whole chain again
    assert sandbox.stats.by_route["GET /v1.0/users/delta"] <= pages + 1


def test_malformed_json_is_retried(sandbox: Sandbox, source: MsalTokenSource) -> None:
    sandbox.faults.add(FaultRule("/v1.0/servicePrincipals/delta", malformed=True, remaining=1))
    td = scan(source, options=FAST)
    assert cov(td)["servicePrincipals"].complete
    assert len(td.service_principals) == sandbox.tenant.service_principals.live_count()


def test_malformed_json_every_time_is_a_gap_not_a_crash(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("/v1.0/applications", malformed=True, remaining=10))
    td = scan(source, options=FAST)
    apps = cov(td)["applications"]
    assert not apps.complete and "malformed" in (apps.error or "")
    assert cov(td)["users"].complete


def test_empty_page_inside_a_chain_is_followed(sandbox: Sandbox, source: MsalTokenSource) -> None:
    sandbox.faults.add(FaultRule("$skiptoken", empty_page=True, remaining=2))
    td = scan(source, options=CollectOptions(page_size=50, concurrency=4))
    assert len(td.users) == sandbox.tenant.users.live_count()
    assert all(c.complete for c in td.coverage)


def test_missing_permission_is_a_gap_and_the_scan_goes_on(
    sandbox: Sandbox,
) -> None:
    roles = {
        "User.Read.All",
        "Application.Read.All",
        "Organization.Read.All",
        "GroupMember.Read.All",
        "AppCatalog.Read.All",
    }  # no Synchronization / Directory
    sandbox.set_client_roles(sandbox.info.client_id, roles)
    src = MsalTokenSource(sandbox)
    td = scan(src, options=FAST)
    coverage = cov(td)
    grants = coverage["oauth2PermissionGrants"]
    assert not grants.complete and grants.required_permission == "Directory.Read.All"
    assert "403" in (grants.error or "")
    sync = coverage["synchronizationJobs"]
    assert not sync.complete and sync.required_permission == "Synchronization.Read.All"
    assert coverage["users"].complete and len(td.users) > 0
    assert "oauth2PermissionGrants" not in td.delta_links  # a gap never seeds a delta
    src.close()


def test_addins_without_exchange_permission_and_file_is_a_gap(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    td = scan(source, options=CollectOptions(concurrency=4, exchange_addins=False))
    addins = cov(td)["addIns"]
    assert not addins.complete and addins.required_permission == REQUIREMENT
    assert "Entra role" in (addins.error or "") and "--addins-from" in (addins.error or "")


def test_provisioning_app_assignments_and_group_members_are_read(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    t = sandbox.tenant
    mailpro = t.sp_id(t.vendor_index(4))  # Mail Professionals Signatures: no app roles
    td = scan(source, options=FAST)
    assert mailpro in {j.service_principal_id for j in td.sync_jobs}
    rows = [a for a in td.app_role_assignments if a.resource_id == mailpro]
    kinds = {a.principal_type for a in rows}
    assert kinds == {"User", "Group"}
    assert {a.app_role_id for a in rows} == {"00000000-0000-0000-0000-000000000000"}
    assert len(rows) == len(t.assignments_to(mailpro))
    group_id = next(a.principal_id for a in rows if a.principal_type == "Group")
    group = next(g for g in td.groups if g.id == group_id)
    # transitive users only: the nested group's users count, its device and contact do not
    direct = [t.users.get(i) for i in t.group_members(group_id) or []]
    nested = t.groups.get(t.mailpro_group() + 1) or {}
    inner = [t.users.get(i) for i in t.group_members(nested["id"]) or []]
    want = {u["id"] for u in [*direct, *inner] if u}
    assert group.member_ids is not None
    assert set(group.member_ids) == want and len(group.member_ids) == len(want)
    assert len(want) > len({u["id"] for u in direct if u})  # nesting adds people
    assert cov(td)["appRoleAssignedTo"].complete
