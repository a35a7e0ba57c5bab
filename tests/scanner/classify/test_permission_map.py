"""The shipped permission map: complete, valid, and right on the permissions that matter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from m365inv.classify import classify_permission, load_permission_map, load_taxonomy
from m365inv.classify.known import EXCHANGE_PERMISSIONS, derive, load_known, reference_values


def test_every_known_permission_is_classified() -> None:
    pmap = load_permission_map()
    unclassified = [
        (k.value, kind)
        for k in load_known()
        for kind in k.kinds
        if not pmap.classify(k.value, kind).classified  # type: ignore[arg-type]
    ]
    assert unclassified == []


def test_known_list_covers_graph_and_exchange() -> None:
    known = load_known()
    graph = {k.value for k in known if k.resource == "graph"}
    exchange = {k.value for k in known if k.resource == "exchange"}
    assert len(graph) > 700
    assert {v for v, _ in EXCHANGE_PERMISSIONS} == exchange
    assert {"Mail.Read", "User.Read.All", "Presence.Read.All", "offline_access"} <= graph


def test_every_emitted_category_and_subject_is_in_the_taxonomy() -> None:
    tax = load_taxonomy()
    for k in load_known():
        for kind in k.kinds:
            c = load_permission_map().classify(k.value, kind)  # type: ignore[arg-type]
            assert all(tax.is_known(cat) for cat in c.categories), k.value
            assert all(s in tax.subject_kinds for s in c.subjects), k.value
            assert c.personal == bool(c.categories), k.value


def test_unknown_value_is_explicitly_unclassified() -> None:
    c = classify_permission("Contoso.Widgets.ReadWrite", "application")
    assert c is not None and not c.classified and c.categories == ()
    unknown_op = classify_permission("Mail.Frobnicate", "delegated")
    assert unknown_op is not None and not unknown_op.classified


def test_unresolved_permission_has_no_classification() -> None:
    assert classify_permission(None, "application") is None


@pytest.mark.parametrize(
    ("value", "kind", "access", "reach", "category"),
    [
        ("Mail.Read", "application", "read", "tenant", "user.content.private.email"),
        ("Mail.Read", "delegated", "read", "signed-in-user", "user.content.private.email"),
        (
            "Mail.Read.Shared",
            "delegated",
            "read",
            "users-with-access",
            "user.content.private.email",
        ),
        ("Mail.Send", "application", "send", "tenant", "user.contact.email"),
        ("Mail.ReadWrite", "delegated", "write", "signed-in-user", "user.content.private.email"),
        ("User.ReadBasic.All", "delegated", "read", "directory", "user.name"),
        ("User.Read.All", "application", "read", "tenant", "user.social.relationships"),
        ("User.Read", "delegated", "read", "signed-in-user", "user.contact.email"),
        ("GroupMember.Read.All", "application", "read", "tenant", "user.social.group_membership"),
        ("Presence.Read.All", "delegated", "read", "directory", "user.behavior.presence"),
        ("Files.Read.All", "delegated", "read", "users-with-access", "user.content.private.files"),
        (
            "Files.ReadWrite.AppFolder",
            "delegated",
            "write",
            "narrowed",
            "user.content.private.files",
        ),
        ("Sites.Selected", "application", "full", "narrowed", "user.content.private.files"),
        ("Sites.FullControl.All", "application", "full", "tenant", "user.content.private.files"),
        (
            "Chat.Read.WhereInstalled",
            "application",
            "read",
            "narrowed",
            "user.content.private.chat",
        ),
        ("CallRecords.Read.All", "application", "read", "tenant", "user.behavior.call_log"),
        ("Contacts.ReadWrite", "application", "write", "tenant", "user.contact.phone_number"),
        ("full_access_as_app", "application", "full", "tenant", "user.content.private.email"),
        ("Exchange.ManageAsApp", "application", "full", "tenant", "system.operations"),
        (
            "EWS.AccessAsUser.All",
            "delegated",
            "full",
            "users-with-access",
            "user.content.private.email",
        ),
        ("SMTP.Send", "delegated", "send", "signed-in-user", "user.content.private.email"),
        ("openid", "delegated", "read", "signed-in-user", "user.unique_id.pseudonymous"),
        ("email", "delegated", "read", "signed-in-user", "user.contact.email"),
    ],
)
def test_reviewed_permissions(
    value: str, kind: str, access: str, reach: str, category: str
) -> None:
    c = classify_permission(value, kind)  # type: ignore[arg-type]
    assert c is not None and c.classified and c.personal
    assert (c.access, c.reach) == (access, reach)
    assert category in c.categories


@pytest.mark.parametrize(
    "value",
    ["offline_access", "Organization.Read.All", "Application.Read.All", "Policy.Read.All",
     "Domain.Read.All", "TeamsAppInstallation.ReadForUser"],
)  # fmt: skip
def test_no_personal_data_is_explicit(value: str) -> None:
    c = classify_permission(value, "delegated")
    assert c is not None and c.classified and not c.personal and c.categories == ()
    assert c.note  # a reviewer can see why


def test_signals() -> None:
    def sig(value: str, kind: str = "application") -> tuple[str, ...]:
        c = classify_permission(value, kind)  # type: ignore[arg-type]
        assert c is not None
        return c.signals

    assert "monitoring" in sig("Presence.Read.All")
    assert "monitoring" in sig("CallRecords.Read.All")
    assert "monitoring" in sig("Reports.Read.All")
    assert "content" in sig("Mail.Read")
    assert "content" in sig("Chat.Read.All")
    assert "content" in sig("Files.Read.All")
    assert "content" not in sig("Mail.ReadBasic.All")
    assert "content" not in sig("Chat.ReadBasic", "delegated")
    assert "group-names" in sig("GroupMember.Read.All")
    assert "credentials" in sig("User-PasswordProfile.ReadWrite.All")


def test_offline_access_note_explains_continuous_processing() -> None:
    c = classify_permission("offline_access", "delegated")
    assert c is not None and c.note is not None and "background" in c.note


# --------------------------------------------------------------------------- freshness, resources
# The reference is ../shared/reference (or $M365INV_REFERENCE_DIR); refresh the shipped list with
# `python -m m365inv.classify.known REF/graph/microsoft-info > config/permissions/known-…txt`.
_REPO = Path(__file__).resolve().parents[3]
_REFERENCE = Path(os.environ.get("M365INV_REFERENCE_DIR", _REPO.parent / "shared" / "reference"))
_MICROSOFT_INFO = _REFERENCE / "graph" / "microsoft-info"


def test_shipped_list_is_not_older_than_the_reference() -> None:
    if not (_MICROSOFT_INFO / "GraphAppRoles.json").is_file():
        pytest.skip(f"reference not present: {_MICROSOFT_INFO}")
    reference = reference_values(_MICROSOFT_INFO)
    shipped = {k.value: set(k.kinds) for k in load_known() if k.resource == "graph"}
    missing = sorted(
        f"{v} ({kind})" for v, kinds in reference.items() for kind in kinds
        if kind not in shipped.get(v, set())
    )  # fmt: skip
    assert missing == [], f"{len(missing)} missing: re-derive known-permissions.txt"
    assert len(reference) >= 951
    assert derive(_MICROSOFT_INFO) == (
        Path(__file__).resolve().parents[3] / "config" / "permissions" / "known-permissions.txt"
    ).read_text("utf-8")


@pytest.mark.parametrize(
    "value",
    ["CallRecordings.Read.All", "CallTranscripts.Read.All", "CallAiInsights.Read.All",
     "Mail-Advanced.ReadWrite.All", "ExchangeMessageTrace.Read.All"],
)  # fmt: skip
def test_new_graph_names_open_what_they_say(value: str) -> None:
    c = classify_permission(value, "application")
    assert c is not None and c.classified and c.personal and c.reach == "tenant"
    assert c.signals  # content or monitoring


def test_every_non_graph_resource_value_is_classified() -> None:
    pmap = load_permission_map()
    assert set(pmap.resources) >= {
        "00000003-0000-0ff1-ce00-000000000000",  # SharePoint Online
        "c5393580-f805-4401-95e8-94b7a6ef2fc2",  # Office 365 Management APIs
        "00000007-0000-0000-c000-000000000000",  # Dynamics CRM
        "797f4846-ba00-4fd7-ba43-dac1f8f63013",  # Azure Service Management
        "00000009-0000-0000-c000-000000000000",  # Power BI Service
    }
    tax = load_taxonomy()
    bad = []
    for app_id, res in pmap.resources.items():
        for kind, values in res.known.items():
            for v in values:
                c = pmap.classify(v, kind, app_id)  # type: ignore[arg-type]
                if not c.classified or c.personal != bool(c.categories):
                    bad.append((res.name, v, kind))
                assert all(tax.is_known(cat) for cat in c.categories), v
    assert bad == []


def test_a_value_means_what_its_resource_says() -> None:
    dyn = classify_permission(
        "user_impersonation", "delegated", "00000007-0000-0000-c000-000000000000"
    )
    azure = classify_permission(
        "user_impersonation", "delegated", "797f4846-ba00-4fd7-ba43-dac1f8f63013"
    )
    graph = classify_permission("user_impersonation", "delegated")
    assert dyn is not None and azure is not None and graph is not None
    assert dyn.categories != azure.categories and dyn.access == azure.access == "full"
    assert not graph.classified  # never borrowed across resources
    # SharePoint's own delegated scopes, and Graph-only values are not SharePoint's
    sp = "00000003-0000-0ff1-ce00-000000000000"
    allsites = classify_permission("AllSites.Read", "delegated", sp)
    assert allsites is not None and "content" in allsites.signals
    assert allsites.reach == "signed-in-user"
    assert not load_permission_map().classify("Mail.Read", "delegated", sp).classified
    audit = classify_permission(
        "ActivityFeed.Read", "delegated", "c5393580-f805-4401-95e8-94b7a6ef2fc2"
    )
    assert audit is not None and audit.reach == "tenant" and "monitoring" in audit.signals
    pbi = classify_permission(
        "Tenant.Read.All", "application", "00000009-0000-0000-c000-000000000000"
    )
    assert pbi is not None and pbi.reach == "tenant" and "monitoring" in pbi.signals
