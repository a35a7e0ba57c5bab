"""Records every pipeline stage shares.

Two families, both frozen ``msgspec.Struct``s with camelCase wire names:

* **Collected facts** (``Org``, ``User``, ``ServicePrincipal`` …) — what Graph returned, only the
  ``$select``ed fields. Graph pages decode straight into them (``rename="camel"`` maps
  ``appOwnerOrganizationId`` to ``app_owner_organization_id``), unknown extra properties are
  ignored, and ``None`` always means "Graph did not return it" — never an optimistic default
  (Prowler's ``account_enabled = True`` default made disabled guests look enabled).
* **Inventory** (``Inventory``, ``App``, ``Flow`` …) — the published contract of
  ``inventory.json`` (DESIGN.md "The inventory contract"); ``reports/`` encodes it as is.

Records flow one way: collect → resolve (permissions classified once) → analysis (flows, match,
findings) → inventory. No stage mutates a record it received or hands over one to be completed
later; a later stage builds a new record (``ResolvedApp`` → ``App``, sharing ``AppFacts``).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

SCHEMA_VERSION = "1.2.0"
"""Semver of the ``inventory.json`` contract: major = breaking, minor = new optional fields,
patch = wording. Domain policy, so the scanner owns it; ``reports/`` publishes it."""

MICROSOFT_TENANT_ID = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"
"""``appOwnerOrganizationId`` of Microsoft's first-party apps."""

GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000"
EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000"

DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000"
"""``appRoleId`` of a *default access* assignment: access to an app without a specific role."""
DEFAULT_ACCESS = "default access"
"""The permission value m365inv lists for a default-access assignment ("default access to X")."""

PermissionKind = Literal["application", "delegated"]
ConsentType = Literal["AllPrincipals", "Principal"]
Access = Literal["read", "write", "send", "full"]
SubjectScope = Literal["tenant", "consenting-users", "assigned-users", "signed-in-user"]
MatchMethod = Literal["verified-publisher", "app-id", "publisher-name", "domain", "display-name"]
MatchLevel = Literal["confirmed", "probable", "possible"]
Severity = Literal["info", "low", "medium", "high", "critical"]


class Record(msgspec.Struct, frozen=True, kw_only=True, rename="camel", gc=False):
    """Base of every record: immutable, keyword-only, camelCase on the wire.

    ``gc=False``: records are immutable trees of strings, numbers and tuples of records, so they
    cannot form reference cycles and need no tracking by the cycle collector — 16 bytes less
    per record (a million users, half a million grants) and nothing for the collector to walk.
    """


# --------------------------------------------------------------------------- collected facts


class Org(Record, frozen=True, kw_only=True):
    id: str
    display_name: str | None = None
    verified_domains: tuple[str, ...] = ()
    country_letter_code: str | None = None


class User(Record, frozen=True, kw_only=True):
    """A user object as counted (members, guests, enabled): no name, UPN or mail is read —
    analysis needs none, so none is collected (data minimisation)."""

    id: str
    user_type: str | None = None  # "Member" | "Guest" | None when not returned
    account_enabled: bool | None = None


class Group(Record, frozen=True, kw_only=True):
    id: str
    display_name: str | None = None
    mail: str | None = None
    description: str | None = None
    security_enabled: bool | None = None
    mail_enabled: bool | None = None
    group_types: tuple[str, ...] = ()
    member_ids: tuple[str, ...] | None = None  # None: members were not (or could not be) read


class AppRole(Record, frozen=True, kw_only=True):
    """An application permission a resource app offers (``appRoles`` of its service principal)."""

    id: str
    value: str | None = None
    display_name: str | None = None
    description: str | None = None
    # Decoded straight from Graph inside a service principal: None when Graph sent null
    # (seen in the wild, tests/scanner/graph/samples/sp_page.json) — never read by analysis.
    allowed_member_types: tuple[str, ...] | None = None
    is_enabled: bool | None = None


class PermissionScope(Record, frozen=True, kw_only=True):
    """A delegated permission a resource app offers (``oauth2PermissionScopes``)."""

    id: str
    value: str | None = None
    admin_consent_display_name: str | None = None
    admin_consent_description: str | None = None
    kind: str | None = msgspec.field(default=None, name="type")  # "User" | "Admin"
    is_enabled: bool | None = None


class VerifiedPublisher(Record, frozen=True, kw_only=True):
    display_name: str | None = None
    verified_publisher_id: str | None = None
    added_date_time: str | None = None


class ServicePrincipal(Record, frozen=True, kw_only=True):
    id: str
    app_id: str
    display_name: str | None = None
    app_owner_organization_id: str | None = None
    verified_publisher: VerifiedPublisher | None = None
    homepage: str | None = None
    reply_urls: tuple[str, ...] = ()
    service_principal_type: str | None = None
    account_enabled: bool | None = None
    tags: tuple[str, ...] = ()
    app_roles: tuple[AppRole, ...] = ()
    oauth2_permission_scopes: tuple[PermissionScope, ...] = ()
    privacy_statement_url: str | None = None  # from ``info.privacyStatementUrl``
    marketing_url: str | None = None  # from ``info.marketingUrl``


class Application(Record, frozen=True, kw_only=True):
    """An app registration of this tenant (its own apps, not third-party ones)."""

    id: str
    app_id: str
    display_name: str | None = None
    publisher_domain: str | None = None
    sign_in_audience: str | None = None
    created_date_time: str | None = None


class DelegatedGrant(Record, frozen=True, kw_only=True):
    """An ``oauth2PermissionGrant``: delegated scopes client → resource, tenant-wide or per user."""

    id: str
    client_id: str  # service principal object id of the client app
    consent_type: str | None = None  # "AllPrincipals" | "Principal"
    principal_id: str | None = None  # the user, for consent_type "Principal"
    resource_id: str  # service principal object id of the resource (Graph, Exchange, …)
    scope: str | None = None  # space-separated scope values, as Graph returns it


class AppRoleAssignment(Record, frozen=True, kw_only=True):
    """An application permission (or app-role assignment) held by ``principal_id``."""

    id: str
    app_role_id: str
    principal_id: str
    principal_type: str | None = None  # "ServicePrincipal" | "User" | "Group"
    principal_display_name: str | None = None
    resource_id: str
    resource_display_name: str | None = None
    created_date_time: str | None = None


class DirectoryObject(Record, frozen=True, kw_only=True):
    """A principal resolved through ``/directoryObjects/getByIds``."""

    id: str
    odata_type: str | None = msgspec.field(default=None, name="@odata.type")
    display_name: str | None = None
    user_principal_name: str | None = None
    mail: str | None = None


class AttributeMapping(Record, frozen=True, kw_only=True):
    """One provisioned attribute: ``source`` in Entra → ``target`` in the SaaS app.

    What leaves the tenant is the *source*: every Entra attribute the source expression reads
    (``source_attributes``). Gallery connectors target app-native names (Salesforce's
    ``IsActive``, ServiceNow's ``u_department``) that say nothing about the data."""

    source: str | None  # source expression / attribute name; None for constants
    target: str
    object_type: str | None = None  # e.g. "User", "Group"
    flow_type: str | None = None  # "Always" | "ObjectAddOnly" | …
    source_attributes: tuple[str, ...] = ()  # Entra attributes read; () for a constant


class SyncJob(Record, frozen=True, kw_only=True):
    """A provisioning (SCIM) job of a service principal, with its attribute mappings."""

    id: str
    service_principal_id: str
    template_id: str | None = None
    status: str | None = None  # job status code ("Active", "Paused", …)
    # No scope: "Sync all users and groups" is the write-only synchronization secret SyncAll,
    # never on the job (Graph docs: synchronization-synchronization-secrets).
    attribute_mappings: tuple[AttributeMapping, ...] | None = None  # None: schema not read


class TeamsApp(Record, frozen=True, kw_only=True):
    id: str
    external_id: str | None = None
    display_name: str | None = None
    distribution_method: str | None = None  # "organization" | "store" | "sideloaded"
    azure_ad_app_id: str | None = None  # from the latest appDefinition, when present
    publisher: str | None = None


class AddIn(Record, frozen=True, kw_only=True):
    """An Outlook/Office add-in from Exchange (``Get-App -OrganizationApp``) or an admin export."""

    id: str  # the add-in's product / app id
    display_name: str | None = None
    provider_name: str | None = None
    enabled: bool | None = None
    default_state: str | None = None
    permission_level: str | None = None  # "ReadWriteMailbox", "ReadItem", …
    scope: str | None = None  # who it is deployed to: "Everyone", "SpecificUsers", …
    user_count: int | None = None
    azure_app_id: str | None = None
    source: str = "exchange"  # "exchange" | "export"


SIGN_IN_ACTIVITY_SOURCE = "servicePrincipalSignInActivities"
"""Coverage source of the apps' sign-in activity (Graph beta report)."""


class SignInActivity(Record, frozen=True, kw_only=True):
    """An app's last sign-in (``reports/servicePrincipalSignInActivities``, Graph beta): the
    latest of its delegated and app-only sign-ins, as client or resource."""

    app_id: str
    last_sign_in: str | None = None  # RFC 3339 UTC; None: Graph has none on record


class Coverage(Record, frozen=True, kw_only=True):
    """Whether a source was read completely. A gap is reported, never shown as "no flows"."""

    source: str
    complete: bool
    item_count: int = 0
    error: str | None = None
    required_permission: str | None = None


Count = Annotated[int, msgspec.Meta(ge=0)]


def _described(text: str) -> msgspec.Meta:
    return msgspec.Meta(description=text)


class TenantCounts(Record, frozen=True, kw_only=True):
    """How many objects the tenant holds — the one place every count comes from (the header and
    every tenant-wide flow). ``None`` when the section was not read completely: a partial read
    never turns into a small, precise-looking number."""

    users: Annotated[
        Count | None,
        _described(
            "All user objects (members and guests, enabled or not); null when /users was not "
            "read completely."
        ),
    ] = None
    members: Annotated[
        Count | None, _described("Users with userType Member (the organisation's own people).")
    ] = None
    guests: Annotated[
        Count | None,
        _described("Users with userType Guest (B2B guests invited from other organisations)."),
    ] = None
    enabled_users: Annotated[
        Count | None,
        _described(
            "Users whose account is enabled (accountEnabled not false): the people who can sign "
            "in, and so consent to an app."
        ),
    ] = None
    groups: Annotated[
        Count | None, _described("All groups (security, Microsoft 365, distribution).")
    ] = None
    service_principals: Annotated[
        Count | None,
        _described(
            "All service principals: enterprise apps (Microsoft's and third parties') and "
            "managed identities."
        ),
    ] = None


class TenantData(Record, frozen=True, kw_only=True):
    """Everything collection produced for one tenant — the input of resolve/classify/match."""

    org: Org | None
    scanned_at: str  # RFC 3339 UTC
    users: tuple[User, ...] = ()
    groups: tuple[Group, ...] = ()
    service_principals: tuple[ServicePrincipal, ...] = ()
    applications: tuple[Application, ...] = ()
    delegated_grants: tuple[DelegatedGrant, ...] = ()
    app_role_assignments: tuple[AppRoleAssignment, ...] = ()
    principals: tuple[DirectoryObject, ...] = ()
    sync_jobs: tuple[SyncJob, ...] = ()
    teams_apps: tuple[TeamsApp, ...] = ()
    add_ins: tuple[AddIn, ...] = ()
    sign_ins: tuple[SignInActivity, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    delta_links: dict[str, str] = msgspec.field(default_factory=dict)


# --------------------------------------------------------------------------- inventory contract


class Generator(Record, frozen=True, kw_only=True):
    name: str
    version: str


class TenantInfo(Record, frozen=True, kw_only=True):
    id: str
    display_name: str | None
    scanned_at: str
    counts: TenantCounts


class Publisher(Record, frozen=True, kw_only=True):
    name: str | None
    verified: bool
    verified_publisher_id: str | None = None
    domain: str | None = None


class VendorMatch(Record, frozen=True, kw_only=True):
    id: str  # catalog id, e.g. "mailstore"
    name: str
    match_method: MatchMethod
    confidence: float  # 0..1
    # Evidence ladder (scanner/match/vendor.py): only "confirmed"/"probable" may mark a flow
    # disclosed; a "possible" match (display name or an observed domain alone) never does.
    level: MatchLevel = "confirmed"


class Permission(Record, frozen=True, kw_only=True):
    resource_app_id: str
    resource_name: str | None
    id: str
    value: str | None  # None: the id resolved neither via the resource SP nor the offline list
    kind: PermissionKind = msgspec.field(name="type")
    consent_type: ConsentType | None = None  # None for application permissions
    principal_count: int | None = None  # users behind "Principal" grants
    granted_at: str | None = None
    resolved: bool = True
    classified: bool = True  # False: no entry in the permission map (reported, never dropped)


PROVISIONING_SCOPE = "assigned-or-all"
"""The only provisioning scope Graph can back: at least the users and groups assigned to the
app, the whole tenant if "Sync all users and groups" is set — a write-only secret Graph never
returns."""


class Provisioning(Record, frozen=True, kw_only=True):
    job_id: str
    status: str | None
    scope: str | None  # PROVISIONING_SCOPE: Graph cannot tell "assigned only" from "all"
    attributes: tuple[str, ...]  # target attribute names sent to the app, sorted
    mappings: tuple[AttributeMapping, ...] = ()


class Finding(Record, frozen=True, kw_only=True):
    code: str  # e.g. "UNDISCLOSED_CATEGORY"
    severity: Severity
    message: str  # English, rendered from ``key`` + ``params`` (scanner/findings/messages.py)
    evidence: tuple[str, ...] = ()
    key: str | None = (
        None  # message key a renderer translates (e.g. "finding.CONTENT_ACCESS.tenant")
    )
    params: dict[str, str] = msgspec.field(default_factory=dict)  # the key's named parameters


class AppFacts(Record, frozen=True, kw_only=True):
    """What the tenant says about one app, read by ``resolve``: the fields an :class:`App` shares
    with the resolver's ``ResolvedApp`` (``m365inv.resolve.apps``), declared once here.

    Neither stage patches the other's record: ``resolve`` hands over complete facts (with each
    permission classified once), ``analysis`` builds a new ``App`` from them and what it decided.
    """

    app_id: str
    service_principal_id: str
    display_name: str | None
    first_party: bool  # Microsoft's own app (owner tenant or appId on the shipped list)
    publisher: Publisher
    scanner: bool = False  # the scanner's own app (the profile's client id), not a third party
    provisioning: Provisioning | None = None
    sources: tuple[str, ...] = ()  # where seen: "servicePrincipals", "teamsApps", "addIns"
    # RFC 3339 UTC of the app's last sign-in; None when not on record or not read (see coverage
    # "servicePrincipalSignInActivities")
    last_sign_in: str | None = None
    privacy_statement_url: str | None = None  # ``info.privacyStatementUrl`` of its SP


class App(AppFacts, frozen=True, kw_only=True):
    # The facts above, the permissions as published, and what analysis decided (its vendor,
    # the categories its flows reach, its findings). No docstring: it would become the
    # schema's description of App.
    permissions: tuple[Permission, ...] = ()
    vendor: VendorMatch | None = None
    data_categories: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()


class Subjects(Record, frozen=True, kw_only=True):
    scope: SubjectScope
    count: int | None  # None: not determinable (e.g. a coverage gap)
    kinds: tuple[str, ...] = ()  # data-subject kinds: "employee", "guest", "external-contact", …


class Disclosure(Record, frozen=True, kw_only=True):
    item: str  # the vendor's own words
    purpose: str | None = None
    retention: str | None = None
    legal_basis: str | None = None


class Flow(Record, frozen=True, kw_only=True):
    app_id: str
    vendor: str | None  # catalog id, None when no vendor matched
    category: str  # fideslang key (or documented custom key)
    access: Access
    subjects: Subjects
    evidence: tuple[str, ...]  # permissions / provisioning attributes that open this flow
    disclosed: bool | None  # None: no disclosure on file for the vendor
    disclosure: Disclosure | None = None
    notes: tuple[str, ...] = ()  # caveats on reach/count, e.g. Exchange RBAC for Applications


class Transfer(Record, frozen=True, kw_only=True):
    """A third-country transfer the vendor discloses (Art. 44 ff. GDPR)."""

    country: str  # ISO 3166 alpha-2 or the policy's wording
    recipient: str | None = None
    safeguard: str | None = None  # e.g. "SCC", "EU-US DPF", "adequacy decision"


class UnnamedTransfer(Record, frozen=True, kw_only=True):
    """A transfer to third countries the vendor's policy does not name ("where data leaves
    the EEA, we rely on the standard contractual clauses"): its safeguard covers the vendor's
    third-country recipients that have none of their own. Kept apart from Transfer,
    whose country consumers of the 1.x contract read as always present."""

    recipient: str | None = None
    safeguard: str | None = None  # None: the policy names none


class SubProcessor(Record, frozen=True, kw_only=True):
    name: str
    purpose: str | None = None
    country: str | None = None


class VendorInfo(Record, frozen=True, kw_only=True):
    """What the catalog knows about a matched vendor: the source of the Art. 30 columns
    (transfers, retention, TOM) and of "vendor policy changed" in a diff."""

    id: str  # catalog id
    name: str
    legal_entity: str | None = None
    country: str | None = None
    policy_url: str | None = None
    policy_version: str | None = None
    policy_date: str | None = None
    transfers: tuple[Transfer, ...] = ()
    sub_processors: tuple[SubProcessor, ...] = ()
    security_measures: tuple[str, ...] = ()  # TOM the policy claims, in its own words
    # additive: the Art. 30 record's role, lawful-basis and location columns
    role: Literal["controller", "processor", "unspecified"] = "unspecified"
    legal_bases: tuple[str, ...] = ()  # as the policy states them, for its own processing
    processing_locations: tuple[str, ...] = ()
    draft: bool = False  # the vendor file is an unreviewed draft (``draft: true``)
    # additive: the profile lists this vendor in ``dpa_on_file`` (Art. 28 GDPR DPA / AVV signed);
    # False means "not recorded in the profile", which a tenant scan cannot see for itself
    dpa_on_file: bool = False
    # additive (1.2.0): transfers to third countries the policy does not name
    unnamed_country_transfers: tuple[UnnamedTransfer, ...] = ()


class Inventory(Record, frozen=True, kw_only=True):
    schema_version: str
    generator: Generator
    tenant: TenantInfo
    apps: tuple[App, ...] = ()
    flows: tuple[Flow, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    vendors: tuple[VendorInfo, ...] = ()  # additive (schema 1.0.0): catalog facts per vendor


__all__ = [
    "DEFAULT_ACCESS",
    "DEFAULT_ACCESS_ROLE_ID",
    "EXCHANGE_APP_ID",
    "GRAPH_APP_ID",
    "MICROSOFT_TENANT_ID",
    "PROVISIONING_SCOPE",
    "SIGN_IN_ACTIVITY_SOURCE",
    "AddIn",
    "App",
    "AppRole",
    "AppRoleAssignment",
    "Application",
    "AttributeMapping",
    "Coverage",
    "DelegatedGrant",
    "DirectoryObject",
    "Disclosure",
    "Finding",
    "Flow",
    "Generator",
    "Group",
    "Inventory",
    "MatchLevel",
    "Org",
    "Permission",
    "PermissionScope",
    "Provisioning",
    "Publisher",
    "Record",
    "ServicePrincipal",
    "SignInActivity",
    "SubProcessor",
    "Subjects",
    "SyncJob",
    "TeamsApp",
    "TenantCounts",
    "TenantData",
    "TenantInfo",
    "Transfer",
    "User",
    "VendorInfo",
    "VendorMatch",
    "VerifiedPublisher",
]
