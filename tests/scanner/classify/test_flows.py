from __future__ import annotations

from m365inv.classify.flows import (
    NOTE_ALL_USERS,
    NOTE_DIRECTORY,
    NOTE_EXCHANGE_RBAC,
    NOTE_NARROWED,
    NOTE_SHARED,
    merge,
    permission_parts,
    scim_categories,
)
from m365inv.classify.permissions import classified_permission
from m365inv.models import EXCHANGE_APP_ID, GRAPH_APP_ID, Coverage, TenantData
from m365inv.resolve.counts import tenant_counts
from tests.scanner.seed_records import N_USERS, app, perm, seed_tenant

COUNTS = tenant_counts(seed_tenant())


def flows_of(*perms):  # type: ignore[no-untyped-def]
    return merge(permission_parts(app("A", "P", *perms).permissions, COUNTS))


def test_counts() -> None:
    assert (COUNTS.users, COUNTS.enabled_users) == (N_USERS, N_USERS - 1)
    assert tenant_counts(TenantData(org=None, scanned_at="x")).users is None  # not read ≠ zero


def test_a_partial_users_read_is_no_count_anywhere() -> None:
    """One record for the header and the flows: a failed read is unknown in both (issue 14)."""
    partial = seed_tenant()
    partial = TenantData(
        org=partial.org,
        scanned_at=partial.scanned_at,
        users=partial.users[:1],
        coverage=(Coverage(source="users", complete=False, item_count=1, error="503"),),
    )
    counts = tenant_counts(partial)
    assert (counts.users, counts.members, counts.guests, counts.enabled_users) == (None,) * 4
    parts = permission_parts(app("A", "P", perm("User.Read.All")).permissions, counts)
    assert parts and all(p.subjects.count is None for p in parts)


def test_application_permission_is_tenant_wide_with_exchange_note() -> None:
    f = flows_of(perm("full_access_as_app", resource=EXCHANGE_APP_ID))["user.content.private.email"]
    assert (f.subjects.scope, f.subjects.count, f.access) == ("tenant", N_USERS, "full")
    assert NOTE_EXCHANGE_RBAC in f.notes
    g = flows_of(perm("User.Read.All"))["user.name"]
    assert g.subjects.scope == "tenant" and NOTE_EXCHANGE_RBAC not in g.notes


def test_narrowed_application_permission_has_unknown_count() -> None:
    f = flows_of(perm("Sites.Selected"))["user.content.private.files"]
    assert (f.subjects.scope, f.subjects.count, f.notes) == ("tenant", None, (NOTE_NARROWED,))


def test_delegated_all_principals_and_principal() -> None:
    f = flows_of(perm("Calendars.Read", "delegated", "AllPrincipals"))[
        "user.content.private.calendar"
    ]
    assert (f.subjects.scope, f.subjects.count) == ("consenting-users", N_USERS - 1)
    assert NOTE_ALL_USERS in f.notes
    g = flows_of(perm("Mail.Read.Shared", "delegated", "Principal", 3))[
        "user.content.private.email"
    ]
    assert (g.subjects.scope, g.subjects.count) == ("consenting-users", 3)
    assert NOTE_SHARED in g.notes


def test_delegated_directory_permission_reaches_everyone() -> None:
    f = flows_of(perm("User.ReadBasic.All", "delegated", "Principal", 2))["user.name"]
    assert (f.subjects.scope, f.subjects.count, f.notes) == ("tenant", N_USERS, (NOTE_DIRECTORY,))


def test_merge_takes_widest_scope_and_strongest_access() -> None:
    merged = flows_of(perm("Mail.Read", "delegated", "Principal", 2), perm("Mail.ReadWrite"))
    f = merged["user.content.private.email"]
    assert (f.subjects.scope, f.access) == ("tenant", "write")
    assert f.evidence == (
        "Microsoft Graph: Mail.Read (delegated/Principal)",
        "Microsoft Graph: Mail.ReadWrite (application)",
    )


def test_evidence_stays_one_item_per_permission() -> None:
    """Evidence is a tuple from the permission to the flow: a resource name with a line break
    (tenant text) is one item, not split into two (it was joined and split on "\n")."""
    odd = classified_permission(
        resource_app_id=GRAPH_APP_ID, resource_name="Graph\nMail.Send (application)",
        id="x", value="Mail.Read", kind="application",
    )  # fmt: skip
    f = flows_of(odd, perm("Mail.ReadWrite"))["user.content.private.email"]
    assert f.evidence == (
        "Graph\nMail.Send (application): Mail.Read (application)",
        "Microsoft Graph: Mail.ReadWrite (application)",
    )


def test_offline_access_and_non_personal_open_no_flow() -> None:
    assert flows_of(perm("offline_access", "delegated", "Principal", 1)) == {}
    assert flows_of(perm("Organization.Read.All")) == {}
    assert flows_of(perm(None), perm("Contoso.Thing.Read")) == {}


def test_scim_attribute_names() -> None:
    urn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"
    assert scim_categories(urn) == ("user.social.relationships",)
    assert scim_categories("name.givenName") == ("user.name",)
    assert scim_categories("somethingCustom") == ("user",)  # unknown → the broad parent


def test_exchange_rbac_note_says_an_entra_grant_stays_organisation_wide() -> None:
    # Microsoft Learn, "Role Based Access Control for Applications in Exchange Online": RBAC for
    # Applications grants are separate from Entra grants; only ApplicationAccessPolicy narrows.
    assert "Organisation-wide" in NOTE_EXCHANGE_RBAC
    assert "ApplicationAccessPolicy can narrow" in NOTE_EXCHANGE_RBAC
    assert "never narrow an Entra grant" in NOTE_EXCHANGE_RBAC


def test_permission_yaml_files_have_no_duplicate_keys() -> None:
    """PyYAML keeps the last of two equal keys silently — a reviewed entry could vanish."""
    from importlib import resources

    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def no_dupes(loader: Strict, node: yaml.MappingNode) -> dict[object, object]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        dupes = {k for k in keys if keys.count(k) > 1}
        assert not dupes, f"duplicate keys {dupes}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_dupes)
    for name in ("families.yaml", "overrides.yaml", "resources.yaml"):
        yaml.load(
            (resources.files("m365inv.config") / "permissions" / name).read_text("utf-8"), Strict
        )
