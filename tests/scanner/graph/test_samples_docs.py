"""Microsoft's own Graph response bodies (``samples/docs``, see SOURCES.md) through the real
decoding: sans-io pages, batches and errors, and the collect decoders that build our records.

What these bodies teach is asserted, not just "it parses": a tombstone in an initial delta round
drops the object instead of inventing one, the same id twice collapses, a body without ``id`` or
with a trailing comma is a malformed answer (a gap), never a crash or a phantom record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

from m365inv.collect import delta as deltas
from m365inv.collect.directory import _Org, _ServicePrincipal, org_from, sp_from
from m365inv.collect.sync import _Job, _Schema, mappings_from
from m365inv.collect.teams import _TeamsApp, teams_app_from
from m365inv.errors import GraphError, PermissionDenied, Throttled
from m365inv.graph import sansio
from m365inv.models import AppRoleAssignment, DelegatedGrant, DirectoryObject, Group, User

DOCS = Path(__file__).parent / "samples" / "docs"


def body(name: str) -> bytes:
    return (DOCS / name).read_bytes()


def test_every_sample_is_listed_with_its_source() -> None:
    listed = (DOCS / "SOURCES.md").read_text()
    files = sorted(p.name for p in DOCS.iterdir() if p.name != "SOURCES.md")
    assert len(files) >= 25
    missing = [f for f in files if f"| {f} |" not in listed]
    assert missing == []


def test_organization() -> None:
    page = sansio.decode_page(body("organization_list.json"), _Org)
    (org,) = [org_from(o) for o in page.value]
    assert org.id == "84841066-274d-4ec0-a5c1-276be684bdd3"
    assert org.verified_domains == ("Contoso.onmicrosoft.com",)
    assert org.country_letter_code == "NL"


def test_users_listing_keeps_null_as_unknown() -> None:
    page = sansio.decode_page(body("users_list.json"), User)
    users = {u.id: u for u in page.value}
    admin = users["4562bcc8-c436-4f95-b7c0-4f8ce89dca5e"]
    assert admin.user_type is None and admin.account_enabled is None  # not returned: unknown
    assert "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0" in users  # names and mail are never kept
    assert page.next_link is None
    assert int(body("users_count.txt").decode()) == 893


def _delta_round(kind: str, *names: str) -> tuple[list[Any], list[sansio.Page[Any]]]:
    wire = deltas._DELTA_TYPES[kind]
    pages = [sansio.decode_page(body(n), wire) for n in names]
    changes = [c for p in pages for c in p.value]
    return deltas.apply(deltas.KINDS[kind], (), changes), pages


def test_users_delta_round_with_a_tombstone_in_the_initial_page() -> None:
    users, pages = _delta_round(
        "users",
        "users_delta_initial_removed.json",
        "users_delta_nextlink.json",
        "users_delta_final.json",
    )
    assert [p.next_link is not None for p in pages] == [True, True, False]
    assert pages[-1].delta_link and "$deltatoken=" in pages[-1].delta_link
    ids = [u.id for u in users]
    assert "86462606-fde0-4fc4-9e0c-a20eb73e54c6" not in ids  # tombstone: no phantom user
    assert len(ids) == len(set(ids)) == 7
    assert "6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0" in ids


def test_users_delta_applied_to_a_previous_state_removes_the_tombstoned_user() -> None:
    before = (User(id="86462606-fde0-4fc4-9e0c-a20eb73e54c6", user_type="Member"),)
    wire = deltas._DELTA_TYPES["users"]
    page = sansio.decode_page(body("users_delta_initial_removed.json"), wire)
    after = deltas.apply(deltas.KINDS["users"], before, list(page.value))
    assert "86462606-fde0-4fc4-9e0c-a20eb73e54c6" not in {u.id for u in after}


def test_groups_listing_and_delta_with_members() -> None:
    groups = list(sansio.decode_page(body("groups_list.json"), Group).value)  # the record itself
    assert [g.group_types for g in groups] == [("Unified",), ()]
    assert groups[0].security_enabled is False and groups[0].mail_enabled is True
    final, _ = _delta_round("groups", "groups_delta_final.json")
    assert {g.display_name for g in final} == {"TestGroup5", "TestGroup6"}
    empty, pages = _delta_round("groups", "groups_delta_empty.json")
    assert empty == [] and pages[0].delta_link
    # a change round: members@delta is not what we read members from (members are re-read)
    changed, _ = _delta_round("groups", "groups_delta_changes_members.json")
    assert [g.description for g in changed] == ["A test group for change tracking"]
    assert changed[0].member_ids is None  # unknown, never "no members"


def test_service_principal_listing() -> None:
    page = sansio.decode_page(body("serviceprincipals_list.json"), _ServicePrincipal)
    (sp,) = [sp_from(s) for s in page.value]
    assert sp.app_id == "65415bb1-9267-4313-bbf5-ae259732ee12"
    assert sp.homepage is None and sp.reply_urls == () and sp.app_roles == ()
    assert sp.privacy_statement_url is None and sp.verified_publisher is None


def test_service_principal_delta_example_without_id_is_malformed_not_a_phantom() -> None:
    with pytest.raises(sansio.MalformedResponse, match="id"):
        sansio.decode_page(
            body("serviceprincipals_delta.json"), deltas._DELTA_TYPES["servicePrincipals"]
        )


def test_grants() -> None:
    grants = sansio.decode_page(body("oauth2permissiongrants_list.json"), DelegatedGrant).value
    assert [g.consent_type for g in grants] == ["AllPrincipals", "AllPrincipals"]
    assert all(g.principal_id is None for g in grants)
    assert "Mail.ReadWrite" in (grants[1].scope or "").split()
    changes, pages = _delta_round("oauth2PermissionGrants", "oauth2permissiongrants_delta.json")
    assert [g.consent_type for g in changes] == ["Principal"]
    assert pages[0].next_link and "oauth2permissiongrants/delta" in pages[0].next_link


def test_app_role_assigned_to_keeps_default_access() -> None:
    (a,) = sansio.decode_page(body("approleassignedto_list.json"), AppRoleAssignment).value
    assert a.app_role_id == "00000000-0000-0000-0000-000000000000"
    assert a.principal_type == "User" and a.created_date_time == "2021-02-02T04:22:45.9480566Z"


def test_get_by_ids_with_the_same_id_twice() -> None:
    objs = sansio.decode_page(body("directoryobjects_getbyids.json"), DirectoryObject).value
    assert [o.odata_type for o in objs] == ["#microsoft.graph.user"] * 2
    assert len({o.id for o in objs}) == 1  # as published; callers key by id


def test_synchronization_job_and_schema() -> None:
    with pytest.raises(sansio.MalformedResponse):
        sansio.decode_page(body("synchronization_jobs_list_verbatim.json"), _Job)
    (job,) = sansio.decode_page(body("synchronization_jobs_list.json"), _Job).value
    assert job.template_id == "BoxOutDelta" and job.status and job.status.code == "Paused"
    # real jobs carry no SyncAll (a write-only secret), so the scanner does not read it from a job
    assert b"SyncAll" not in body("synchronization_jobs_list.json")
    schema = sansio.decode_json(body("synchronization_schema.json"), _Schema)
    (mapping,) = mappings_from(schema)  # the empty {} mappings are skipped, not invented
    assert (mapping.target, mapping.object_type) == ("userName", "User")
    assert mapping.source is None  # the docs elide the source: unknown, never guessed


def test_teams_apps_with_definitions_in_several_states() -> None:
    page = sansio.decode_page(body("teamsapps_expand_appdefinitions.json"), _TeamsApp)
    (app,) = [teams_app_from(t) for t in page.value]
    assert app.display_name == "Test App" and app.azure_ad_app_id is None
    both = sansio.decode_page(body("teamsapps_bots_rejected_submitted.json"), _TeamsApp).value
    states = [d.publishing_state for t in both for d in t.app_definitions or ()]
    assert states == ["rejected", "submitted"]


def test_batch_answer_splits_into_typed_inner_results() -> None:
    items = sansio.decode_batch(body("batch_mixed.json"))
    assert sorted(items) == ["1", "2", "3", "4", "5"]
    first = sansio.decode_page(sansio.inner_body(items["1"]), DirectoryObject)
    assert first.next_link and first.next_link.startswith("https://graph.microsoft.com/")
    denied = sansio.error_from(items["3"].status, items["3"].headers, sansio.inner_body(items["3"]))
    assert isinstance(denied, PermissionDenied) and denied.code == "Authorization_RequestDenied"
    assert denied.request_id is None  # the id is in innerError, not a header, here
    empty = sansio.error_from(items["2"].status, items["2"].headers, sansio.inner_body(items["2"]))
    assert isinstance(empty, PermissionDenied) and "required permissions" in str(empty)
    gone = sansio.error_from(items["4"].status, items["4"].headers, sansio.inner_body(items["4"]))
    assert type(gone) is GraphError and gone.status == 405
    counted = sansio.decode_page(sansio.inner_body(items["5"]), User)
    assert counted.count == 36


@pytest.mark.parametrize(
    ("name", "status", "code", "kind"),
    [
        ("error_400_count_not_supported.json", 400, "Request_BadRequest", GraphError),
        ("error_400_unsupported_query.json", 400, "Request_UnsupportedQuery", GraphError),
        ("error_403_authorization_requestdenied.json", 403, "Authorization_RequestDenied",
         PermissionDenied),
        ("error_403_empty_code.json", 403, "", PermissionDenied),
        ("error_405_request_badrequest.json", 405, "Request_BadRequest", GraphError),
        ("error_429_toomanyrequests.json", 429, "TooManyRequests", Throttled),
        ("error_generic_invalidrange.json", 416, "invalidRange", GraphError),
    ],
)  # fmt: skip
def test_error_bodies(name: str, status: int, code: str, kind: type[GraphError]) -> None:
    raw = body(name)
    error = sansio.error_from(status, {"Retry-After": "10"}, raw)
    assert type(error) is kind and error.status == status and (error.code or "") == code
    message = json.loads(raw)["error"]["message"]
    assert message in str(error)
    if status == 429:
        assert sansio.is_retryable(status) and sansio.retry_after({"Retry-After": "10"}) == 10.0


def test_decoders_tolerate_every_body_as_a_collection() -> None:
    """Any JSON body decodes as a page of ids or is a MalformedResponse — nothing else escapes."""
    malformed = []
    for path in sorted(DOCS.glob("*.json")):
        try:
            sansio.decode_page(path.read_bytes(), msgspec.Raw)
        except sansio.MalformedResponse:
            malformed.append(path.name)
    assert malformed == ["synchronization_jobs_list_verbatim.json"]
