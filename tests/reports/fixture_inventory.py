"""A rich, hostile inventory built from the shared records — the input of every report test."""

from __future__ import annotations

import msgspec

from m365inv.models import (
    GRAPH_APP_ID,
    App,
    AttributeMapping,
    Coverage,
    Disclosure,
    Finding,
    Flow,
    Generator,
    Inventory,
    Permission,
    Provisioning,
    Publisher,
    Subjects,
    SubProcessor,
    TenantCounts,
    TenantInfo,
    Transfer,
    VendorInfo,
    VendorMatch,
)

SCANNED_AT = "2026-03-01T08:00:00Z"

HOSTILE_NAMES = (
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")',
    "+cmd",
    "-2+3",
    "@SUM(A1)",
    "\tTabbed",
    "\rCarriage",
    "تطبيق البريد",  # RTL Arabic
    "邮件同步工具",  # CJK
    "Mail 📬 Bot",
)

EXCHANGE = "00000002-0000-0ff1-ce00-000000000000"


def _perm(value: str, kind: str = "application", **kw: object) -> Permission:
    resource = kw.pop("resource", GRAPH_APP_ID)
    name = "Office 365 Exchange Online" if resource == EXCHANGE else "Microsoft Graph"
    return Permission(
        resource_app_id=str(resource),
        resource_name=name,
        id=f"id-{value}",
        value=value,
        kind=kind,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def _flow(app: str, vendor: str | None, cat: str, disclosed: bool | None, **kw: object) -> Flow:
    scope = kw.pop("scope", "tenant")
    count = kw.pop("count", 200)
    return Flow(
        app_id=app,
        vendor=vendor,
        category=cat,
        access=kw.pop("access", "read"),  # type: ignore[arg-type]
        subjects=Subjects(scope=scope, count=count, kinds=("employee", "guest")),  # type: ignore[arg-type]
        evidence=tuple(kw.pop("evidence", ("User.Read.All",))),  # type: ignore[arg-type]
        disclosed=disclosed,
        disclosure=kw.pop("disclosure", None),  # type: ignore[arg-type]
    )


def _apps() -> list[App]:
    mailissa = App(
        app_id="11111111-0000-0000-0000-000000000001",
        service_principal_id="sp-mailissa",
        display_name="Mailissa",
        first_party=False,
        publisher=Publisher(name="axontic GmbH", verified=False, domain="mailissa.com"),
        vendor=VendorMatch(
            id="axontic-mailissa",
            name="axontic GmbH",
            match_method="publisher-name",
            confidence=0.9,
        ),
        permissions=(
            _perm(
                "User.Read",
                "delegated",
                consent_type="Principal",
                principal_count=80,
                granted_at="2025-11-02T10:00:00Z",
            ),
            _perm(
                "GroupMember.Read.All", "delegated", consent_type="Principal", principal_count=80
            ),
        ),
        data_categories=("user.contact.email", "user.name", "ext:user.social.group_membership"),
        findings=(
            Finding(
                code="UNDISCLOSED_CATEGORY",
                severity="high",
                message="Group memberships are not disclosed",
                evidence=("GroupMember.Read.All",),
            ),
            Finding(
                code="UNVERIFIED_PUBLISHER", severity="medium", message="Publisher is not verified"
            ),
        ),
        sources=("servicePrincipals", "addIns"),
    )
    mailstore = App(
        app_id="22222222-0000-0000-0000-000000000002",
        service_principal_id="sp-mailstore",
        display_name="MailStore Server",
        first_party=False,
        publisher=Publisher(
            name="MailStore Software GmbH",
            verified=True,
            verified_publisher_id="4839201",
            domain="mailstore.com",
        ),
        vendor=VendorMatch(
            id="mailstore",
            name="MailStore Software GmbH",
            match_method="verified-publisher",
            confidence=1.0,
        ),
        permissions=(
            _perm("Mail.Read", granted_at="2024-05-01T09:00:00Z"),
            _perm("User.Read.All"),
            _perm("full_access_as_app", resource=EXCHANGE),
        ),
        data_categories=("ext:user.content.private.email", "user.name"),
        findings=(
            Finding(
                code="TENANT_WIDE_MAIL_ACCESS",
                severity="critical",
                message="Reads every mailbox in the tenant",
                evidence=("Mail.Read", "full_access_as_app"),
            ),
        ),
        sources=("servicePrincipals",),
    )
    scim = App(
        app_id="33333333-0000-0000-0000-000000000003",
        service_principal_id="sp-mp",
        display_name="Mail Professionals Signatures",
        first_party=False,
        publisher=Publisher(name="Mail Professionals GmbH", verified=False),
        vendor=VendorMatch(
            id="mailprofessionals",
            name="Mail Professionals GmbH",
            match_method="display-name",
            confidence=0.6,
        ),
        permissions=(_perm("User.Read.All"),),
        provisioning=Provisioning(
            job_id="job-1",
            status="Active",
            scope="assigned-or-all",
            attributes=("userName", "title", 'phoneNumbers[type eq "mobile"].value'),
            mappings=(
                AttributeMapping(source="mobile", target='phoneNumbers[type eq "mobile"].value'),
                AttributeMapping(source="jobTitle", target="title"),
                AttributeMapping(source="userPrincipalName", target="userName"),
            ),
        ),
        data_categories=("user.contact.phone_number", "user.job_title"),
        findings=(
            Finding(
                code="LOW_CONFIDENCE_MATCH",
                severity="low",
                message="Vendor matched by display name only",
            ),
        ),
        sources=("servicePrincipals",),
    )
    graph_explorer = App(
        app_id="de8bc8b5-d9f9-48b1-a8ad-b748da725064",
        service_principal_id="sp-ge",
        display_name="Graph Explorer",
        first_party=True,
        publisher=Publisher(name="Microsoft", verified=True),
        permissions=(_perm("User.Read", "delegated", consent_type="AllPrincipals"),),
        data_categories=("user.name",),
        findings=(
            Finding(code="FIRST_PARTY", severity="info", message="Microsoft first-party app"),
        ),
        sources=("servicePrincipals",),
    )
    hostile = [
        App(
            app_id=f"99999999-0000-0000-0000-{i:012d}",
            service_principal_id=f"sp-hostile-{i}",
            display_name=name,
            first_party=False,
            publisher=Publisher(name=name, verified=False, domain=None),
            permissions=(
                _perm(
                    "Calendars.Read", "delegated", consent_type="Principal", principal_count=i + 1
                ),
            ),
            data_categories=("ext:user.content.private.calendar",),
            findings=(
                Finding(
                    code="NO_VENDOR_MATCH",
                    severity="medium",
                    message=f"No catalog entry for {name}",
                    evidence=(name,),
                ),
            ),
            sources=("servicePrincipals",),
        )
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    return [mailissa, mailstore, scim, graph_explorer, *hostile]


def _flows() -> list[Flow]:
    mi, ms, mp = (
        "11111111-0000-0000-0000-000000000001",
        "22222222-0000-0000-0000-000000000002",
        "33333333-0000-0000-0000-000000000003",
    )
    d_mail = Disclosure(
        item="E-Mail-Adresse",
        purpose="Bereitstellung des Dienstes",
        retention="bis Vertragsende",
        legal_basis="Art. 6 Abs. 1 lit. b DSGVO",
    )
    flows = [
        _flow(
            mi,
            "axontic-mailissa",
            "user.contact.email",
            True,
            scope="consenting-users",
            count=80,
            evidence=("User.Read",),
            disclosure=d_mail,
        ),
        _flow(
            mi,
            "axontic-mailissa",
            "user.name",
            True,
            scope="consenting-users",
            count=80,
            evidence=("User.Read",),
            disclosure=Disclosure(item="Name"),
        ),
        _flow(
            mi,
            "axontic-mailissa",
            "ext:user.social.group_membership",
            False,
            scope="consenting-users",
            count=80,
            evidence=("GroupMember.Read.All",),
        ),
        _flow(
            ms,
            "mailstore",
            "ext:user.content.private.email",
            True,
            access="full",
            evidence=("Mail.Read", "full_access_as_app"),
            disclosure=Disclosure(
                item="E-Mails und Anhänge",
                purpose="Archivierung",
                retention="gemäß Aufbewahrungsrichtlinie des Kunden",
            ),
        ),
        _flow(ms, "mailstore", "user.name", True, disclosure=Disclosure(item="Benutzername")),
        _flow(
            mp,
            "mailprofessionals",
            "user.contact.phone_number",
            None,
            scope="assigned-users",
            count=None,
            evidence=('provisioning: mobile → phoneNumbers[type eq "mobile"].value',),
        ),
        _flow(
            mp,
            "mailprofessionals",
            "user.job_title",
            None,
            scope="assigned-users",
            count=None,
            evidence=("provisioning: jobTitle → title",),
        ),
    ]
    for i, _name in enumerate(HOSTILE_NAMES):
        flows.append(
            _flow(
                f"99999999-0000-0000-0000-{i:012d}",
                None,
                "ext:user.content.private.calendar",
                None,
                scope="consenting-users",
                count=i + 1,
                evidence=("Calendars.Read",),
            )
        )
    return flows


def _vendors() -> list[VendorInfo]:
    return [
        VendorInfo(
            id="axontic-mailissa",
            name="axontic GmbH",
            legal_entity="axontic GmbH",
            country="DE",
            policy_url="https://www.mailissa.com/datenschutz",
            policy_version="2024-01",
            policy_date="2024-01-15",
            transfers=(
                Transfer(
                    country="US",
                    recipient="Hosting provider",
                    safeguard="EU standard contractual clauses",
                ),
            ),
            sub_processors=(
                SubProcessor(name="Hetzner Online GmbH", purpose="Hosting", country="DE"),
            ),
            security_measures=("TLS in transit", "encryption at rest"),
            role="processor",
        ),
        VendorInfo(
            id="mailstore",
            name="MailStore Software GmbH",
            legal_entity="MailStore Software GmbH",
            country="DE",
            policy_url="https://www.mailstore.com/de/datenschutz/",
            policy_version="3.2",
            security_measures=("ISO 27001",),
            role="controller",
            legal_bases=("Art. 6 Abs. 1 lit. b DSGVO", "Art. 6 Abs. 1 lit. f DSGVO"),
        ),
        VendorInfo(id="mailprofessionals", name="Mail Professionals GmbH", country="DE"),
    ]


def build_inventory(**changes: object) -> Inventory:
    """The fixture inventory; ``changes`` replace top-level fields (for diff tests)."""
    inv = Inventory(
        schema_version="1.0.0",
        generator=Generator(name="m365inv", version="0.1.0"),
        tenant=TenantInfo(
            id="00000000-aaaa-bbbb-cccc-000000000042",
            display_name="Contoso <b>GmbH</b> & Co. KG",
            scanned_at=SCANNED_AT,
            counts=TenantCounts(
                users=212,
                members=200,
                guests=12,
                enabled_users=205,
                groups=30,
                service_principals=61,
            ),
        ),
        apps=tuple(_apps()),
        flows=tuple(_flows()),
        coverage=(
            Coverage(source="users", complete=True, item_count=212),
            Coverage(source="servicePrincipals", complete=True, item_count=61),
            Coverage(
                source="synchronizationJobs",
                complete=False,
                item_count=0,
                error="403 Forbidden",
                required_permission="Synchronization.Read.All",
            ),
            Coverage(
                source="teamsApps",
                complete=False,
                item_count=0,
                error="not licensed",
                required_permission="AppCatalog.Read.All",
            ),
        ),
        vendors=tuple(_vendors()),
    )
    return msgspec.structs.replace(inv, **changes) if changes else inv


def empty_inventory() -> Inventory:
    """An inventory where nothing could be read — reports must say so, not "no flows"."""
    return build_inventory(
        apps=(),
        flows=(),
        vendors=(),
        coverage=(
            Coverage(
                source="servicePrincipals",
                complete=False,
                error="403 Forbidden",
                required_permission="Application.Read.All",
            ),
            Coverage(
                source="oauth2PermissionGrants",
                complete=False,
                error="403 Forbidden",
                required_permission="Directory.Read.All",
            ),
        ),
    )
