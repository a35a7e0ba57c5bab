"""The generated tenant: deterministic, lazy at 1,000,000 users, with the contents TEAM.md lists."""

from __future__ import annotations

import json
import time
import tracemalloc

import msgspec

from m365inv.models import EXCHANGE_APP_ID, GRAPH_APP_ID, MICROSOFT_TENANT_ID
from m365inv.sandbox.context import SandboxConfig
from m365inv.sandbox.graph.collections import users as users_listing
from m365inv.sandbox.graph.odata import parse_query
from m365inv.sandbox.graph.paging import page
from m365inv.sandbox.tenant import Tenant, generate_tenant
from m365inv.sandbox.tenant_ids import index_of, object_id


def _page_bytes(t: Tenant, params: dict[str, str]) -> bytes:
    body, _ = page(
        users_listing(t),
        parse_query(params),
        base="https://h",
        path="users",
        params=params,
        secret="s",
        consistency=False,
    )
    return msgspec.json.encode(body)


def test_same_seed_same_bytes_other_seed_other_tenant() -> None:
    a, b = (
        generate_tenant(SandboxConfig(users=500, seed=1)),
        generate_tenant(SandboxConfig(users=500, seed=1)),
    )
    c = generate_tenant(SandboxConfig(users=500, seed=2))
    params = {"$top": "999"}
    assert _page_bytes(a, params) == _page_bytes(b, params) != _page_bytes(c, params)
    assert [a.service_principals.get(i) for i in range(len(a.service_principals))] == [
        b.service_principals.get(i) for i in range(len(b.service_principals))
    ]
    assert [a.grants.get(i) for i in range(len(a.grants))] == [
        b.grants.get(i) for i in range(len(b.grants))
    ]


def test_ids_map_back_to_indices_and_reject_foreign_ids() -> None:
    oid = object_id(42, "user", 123_456)
    assert index_of(42, "user", oid) == 123_456
    assert index_of(42, "group", oid) is None and index_of(43, "user", oid) is None
    assert index_of(42, "user", "not-a-guid") is None


def test_million_user_tenant_is_lazy() -> None:
    tracemalloc.start()
    start = time.perf_counter()
    t = generate_tenant(SandboxConfig(users=1_000_000, seed=42))
    first = json.loads(_page_bytes(t, {"$top": "999"}))
    late = t.users.get(999_998)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(first["value"]) == 999 and "@odata.nextLink" in first
    assert late is not None and late["userPrincipalName"].split("@")[0].endswith(".999998")
    assert t.user_id_for(late["userPrincipalName"]) == late["id"]
    assert elapsed < 30, elapsed  # generous (shared cores, tracemalloc); eager would be minutes
    assert peak < 150 * 2**20, peak  # nothing proportional to the user count is held
    assert t.third_party_count == 30_000


def test_contents_at_100k_scale_match_the_brief() -> None:
    t = generate_tenant(SandboxConfig(users=100_000, seed=42))
    sample = [t.users.get(i) for i in range(0, 100_000, 50)]
    guests = sum(u["userType"] == "Guest" for u in sample if u)
    disabled = sum(not u["accountEnabled"] for u in sample if u)
    assert 0.06 < guests / len(sample) < 0.10
    assert 0.03 < disabled / len(sample) < 0.09
    assert 2_500 <= t.third_party_count <= 3_500
    assert 40_000 <= len(t.grants) <= 60_000
    assert t.groups.base == 10_000


def test_microsoft_sps_and_vendors() -> None:
    t = generate_tenant(SandboxConfig(users=200))
    sps = [sp for _, sp in t.service_principals.iter_live()]
    by_app = {sp["appId"]: sp for sp in sps}
    for app in (GRAPH_APP_ID, EXCHANGE_APP_ID):
        assert by_app[app]["appOwnerOrganizationId"] == MICROSOFT_TENANT_ID
    names = {sp["displayName"]: sp for sp in sps}
    for name in (
        "Mailissa",
        "MailStore Server",
        "ContactSync",
        "Telefonsekretariat Emilie",
        "Mail Professionals Signatures",
    ):
        assert "publisherName" not in names[name]  # beta-only: v1.0 has verifiedPublisher only
        assert names[name]["appOwnerOrganizationId"] != MICROSOFT_TENANT_ID
    assert names["Mailissa"]["homepage"] == "https://portal.mailissa.com"
    assert names["Mailissa"]["verifiedPublisher"]["verifiedPublisherId"] is None
    assert any(
        sp["verifiedPublisher"]["verifiedPublisherId"]
        for sp in sps
        if sp["displayName"] not in names or sp["displayName"] != "MailStore Server"
    )
    assert t.scanner_app_id in {a["appId"] for a in t.applications}


def test_mutations_show_up_and_removed_objects_vanish() -> None:
    t = generate_tenant(SandboxConfig(users=50))
    user = t.add_user("Neu", user_type="Guest", mail="neu@extern.example")
    assert t.users.by_id(user["id"])["mail"] == "neu@extern.example"
    assert t.user_id_for(user["userPrincipalName"]) == user["id"]
    victim = t.users.get(7)
    t.remove_user(victim["id"])
    assert t.users.by_id(victim["id"]) is None and t.users.live_count() == 50
    sp = t.add_service_principal("=1+1 Shadow IT <b>")
    grant = t.add_delegated_grant(sp["id"], "Mail.Read", principal_id=user["id"])
    assert grant["consentType"] == "Principal"
    assignment = t.add_app_role_assignment(sp["id"], "00000000-dead-beef-0000-000000000000")
    assert assignment["id"] in {a["id"] for _, a in t.assignments.iter_live()}
    t.remove_app_role_assignment(assignment["id"])
    job = t.set_provisioning_mapping(sp["id"], [("mail", "emails"), ("employeeId", "externalId")])
    rules = t.sync_schemas[job["id"]]["synchronizationRules"][0]
    targets = {m["targetAttributeName"] for m in rules["objectMappings"][0]["attributeMappings"]}
    assert {"emails", "externalId"} <= targets


def test_directory_protocol_for_identity() -> None:
    t = generate_tenant(SandboxConfig(users=10))
    admin_id, upn = t.default_admin()
    assert upn == f"admin@{t.domain}" and t.user_id_for(upn.upper()) == admin_id
    assert t.user_id_for("nobody@example.com") is None


def test_every_third_party_sp_builds_even_with_a_blank_hostile_name() -> None:
    """A gallery app whose hostile name is "" once crashed the 1M tenant (no first word)."""
    from m365inv.sandbox.tenant_apps import third_party_sp
    from m365inv.sandbox.tenant_people import HOSTILE

    blank = [
        t
        for t in range(5000)
        if t % 41 == 9 and t % 7 == 4 and not HOSTILE[(t // 41) % len(HOSTILE)].split()
    ]
    assert blank  # the case exists in the range
    for t in blank:
        sp = third_party_sp(42, 1, t)
        assert sp["displayName"] == HOSTILE[(t // 41) % len(HOSTILE)]
        assert sp["homepage"]
