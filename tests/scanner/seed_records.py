"""Hand-made records modelled on the sandbox's five seed apps (no network)."""

from __future__ import annotations

from m365inv.classify.permissions import ClassifiedPermission, classified_permission
from m365inv.models import (
    EXCHANGE_APP_ID,
    GRAPH_APP_ID,
    AppRoleAssignment,
    AttributeMapping,
    Coverage,
    Group,
    Provisioning,
    Publisher,
    ServicePrincipal,
    TenantData,
    User,
    VerifiedPublisher,
)
from m365inv.resolve import ResolvedApp

N_USERS = 20


def perm(value: str | None, kind: str = "application", consent: str | None = None,
         count: int | None = None,
         resource: str = GRAPH_APP_ID) -> ClassifiedPermission:  # fmt: skip
    """A permission as ``resolve`` makes it: classified once, its flags set."""
    return classified_permission(
        resource_app_id=resource,
        resource_name="Microsoft Graph"
        if resource == GRAPH_APP_ID
        else "Office 365 Exchange Online",
        id=f"id-{value}",
        value=value,
        kind=kind,  # type: ignore[arg-type]
        consent_type=consent,  # type: ignore[arg-type]
        principal_count=count,
    )


def app(name: str, publisher: str | None, *perms: ClassifiedPermission,
        verified_id: str | None = None, first_party: bool = False, sp_id: str | None = None,
        **kw: object) -> ResolvedApp:  # fmt: skip
    return ResolvedApp(
        app_id=f"app-{name}",
        service_principal_id=sp_id or f"sp-{name}",
        display_name=name,
        first_party=first_party,
        publisher=Publisher(
            name=publisher, verified=verified_id is not None, verified_publisher_id=verified_id
        ),
        permissions=perms,
        **kw,  # type: ignore[arg-type]
    )


MAPPINGS = (
    ("userPrincipalName", "userName"),
    ("displayName", "displayName"),
    ("givenName", "name.givenName"),
    ("surname", "name.familyName"),
    ("mail", 'emails[type eq "work"].value'),
    ("jobTitle", "title"),
    ("department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"),
    ("telephoneNumber", 'phoneNumbers[type eq "work"].value'),
    ("mobile", 'phoneNumbers[type eq "mobile"].value'),
)


def seed_apps() -> tuple[ResolvedApp, ...]:
    d = "delegated"
    scopes = "openid profile email offline_access User.Read User.ReadBasic.All GroupMember.Read.All"
    mailissa = [perm(v, d, "Principal", 8) for v in scopes.split()]
    return (
        app("Mailissa", "axontic GmbH", *mailissa),
        app("MailStore Server", "MailStore Software GmbH", perm("Mail.Read"), perm("User.Read.All"),
            perm("full_access_as_app", resource=EXCHANGE_APP_ID), verified_id="4839201"),
        app("ContactSync", "utilitas GmbH", perm("Contacts.ReadWrite"), perm("User.Read.All"),
            perm("GroupMember.Read.All")),
        app("Telefonsekretariat Emilie", "Milliways Infodesign GmbH", perm("Calendars.Read"),
            perm("Presence.Read.All"), perm("User.Read.All"), perm("User.Read", d, "AllPrincipals"),
            perm("Calendars.Read", d, "AllPrincipals")),
        app("Mail Professionals Signatures", "Mail Professionals GmbH", perm("User.Read.All"),
            provisioning=Provisioning(
                job_id="job1", status="Active", scope="assigned-or-all",
                attributes=tuple(sorted(t for _, t in MAPPINGS)),
                mappings=tuple(AttributeMapping(source=s, target=t) for s, t in MAPPINGS),
            )),
    )  # fmt: skip


def seed_tenant() -> TenantData:
    users = tuple(
        User(id=f"u{i}", user_type="Member", account_enabled=i != 0) for i in range(N_USERS)
    )
    groups = (
        Group(id="g1", display_name="Betriebsrat Standort Hannover", member_ids=("u1", "u2")),
        Group(id="g2", display_name="Vertrieb", member_ids=("u3",)),
        Group(id="g3", display_name="SBV – Schwerbehindertenvertretung", member_ids=("u4",)),
        Group(id="g4", display_name="ver.di Vertrauensleute", member_ids=("u6",)),
    )
    assignments = (
        AppRoleAssignment(id="a1", app_role_id="r", principal_id="u5", principal_type="User",
                          resource_id="sp-Mail Professionals Signatures"),
        AppRoleAssignment(id="a2", app_role_id="r", principal_id="g2", principal_type="Group",
                          resource_id="sp-Mail Professionals Signatures"),
    )  # fmt: skip
    vp = VerifiedPublisher(display_name="MailStore Software GmbH", verified_publisher_id="4839201")
    sps = (
        ServicePrincipal(id="sp-Telefonsekretariat Emilie", app_id="app-Telefonsekretariat Emilie",
                         homepage="https://www.telefonsekretariat-emilie.de"),
        ServicePrincipal(id="sp-MailStore Server", app_id="app-MailStore Server",
                         verified_publisher=vp),
    )  # fmt: skip
    read = tuple(
        Coverage(source=s, complete=True, item_count=n)
        for s, n in (
            ("users", len(users)),
            ("groups", 3),
            ("servicePrincipals", 2),
            ("appRoleAssignedTo", 2),
        )
    )
    return TenantData(org=None, scanned_at="2026-01-01T00:00:00Z", users=users, groups=groups,
                      app_role_assignments=assignments, service_principals=sps,
                      coverage=read)  # fmt: skip
