"""The shipped permission map: complete, valid, and right on the permissions that matter."""

from __future__ import annotations

import pytest

from scanner.classify import classify_permission, load_permission_map, load_taxonomy
from scanner.classify.known import EXCHANGE_PERMISSIONS, load_known


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
