"""Service principals of the sandbox tenant and the permissions they hold.

Layout by index ``k`` (object id ``object_id(seed, "sp", k)``): the Microsoft resource apps
(Graph, Exchange Online, SharePoint Online, Teams) carrying the real permission GUIDs from
``data/permissions.json``, a sample of other first-party apps, the five seed vendors of TEAM.md,
the scanner's own app, then third-party apps generated lazily by index (~3 % of the user count).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from m365inv.models import EXCHANGE_APP_ID, GRAPH_APP_ID, MICROSOFT_TENANT_ID
from m365inv.sandbox.policy_pages import POLICY_VENDORS
from m365inv.sandbox.tenant_ids import mix, object_id, timestamp
from m365inv.sandbox.tenant_people import HOSTILE

SHAREPOINT_APP_ID = "00000003-0000-0ff1-ce00-000000000000"
TEAMS_APP_ID = "1fec8e78-bce4-4aaf-ab1b-5451cc387264"
GRAPH_SP, EXCHANGE_SP, SHAREPOINT_SP, TEAMS_SP = 0, 1, 2, 3


@functools.cache
def permission_data() -> dict[str, Any]:
    raw = resources.files("m365inv.sandbox.data").joinpath("permissions.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@functools.cache
def role_ids(resource: str) -> dict[str, str]:
    """value → appRole id of a resource ("graph", "exchange", "sharepoint")."""
    return {r["value"]: r["id"] for r in permission_data()[resource]["appRoles"]}


@dataclass(frozen=True)
class Vendor:
    key: str
    display_name: str
    publisher: str
    homepage: str
    verified: tuple[str, str] | None  # (displayName, verifiedPublisherId)
    graph_roles: tuple[str, ...] = ()
    exchange_roles: tuple[str, ...] = ()
    tenant_scope: str | None = None  # AllPrincipals delegated grant on Graph
    per_user_scope: str | None = None  # Principal grants for ~40 % of enabled members


VENDORS = (
    Vendor(
        "axontic-mailissa",
        "Mailissa",
        "axontic GmbH",
        "https://portal.mailissa.com",
        None,
        per_user_scope="openid profile email offline_access User.Read User.ReadBasic.All "
        "GroupMember.Read.All",
    ),
    Vendor(
        "mailstore",
        "MailStore Server",
        "MailStore Software GmbH",
        "https://www.mailstore.com",
        ("MailStore Software GmbH", "4839201"),
        graph_roles=("Mail.Read", "User.Read.All"),
        exchange_roles=("full_access_as_app",),
    ),
    Vendor(
        "utilitas-contactsync",
        "ContactSync",
        "utilitas GmbH",
        "https://www.contactsync.app",
        None,
        graph_roles=("Contacts.ReadWrite", "User.Read.All", "GroupMember.Read.All"),
    ),
    Vendor(
        "milliways-emilie",
        "Telefonsekretariat Emilie",
        "Milliways Infodesign GmbH",
        "https://www.telefonsekretariat-emilie.de",
        None,
        graph_roles=("Calendars.Read", "Presence.Read.All", "User.Read.All"),
        tenant_scope="User.Read Calendars.Read",
    ),
    Vendor(
        "mailprofessionals",
        "Mail Professionals Signatures",
        "Mail Professionals GmbH",
        "https://www.mailprofessionals.de",
        None,
        graph_roles=("User.Read.All",),
    ),
)
MAILISSA, MAILSTORE, CONTACTSYNC, EMILIE, MAILPRO = range(5)

SCANNER_ROLES = (
    "Organization.Read.All",
    "User.Read.All",
    "GroupMember.Read.All",
    "Application.Read.All",
    "Directory.Read.All",
    "Synchronization.Read.All",
    "AppCatalog.Read.All",
)
THIRD_PARTY_ROLES = (
    "User.Read.All",
    "Mail.Read",
    "Files.Read.All",
    "Calendars.Read",
    "Group.Read.All",
    "Sites.Read.All",
    "Directory.Read.All",
    "Contacts.Read",
    "Mail.Send",
    "ChannelMessage.Read.All",
    "Presence.Read.All",
    "MailboxSettings.Read",
    "Files.ReadWrite.All",
    "Calendars.ReadWrite",
)
THIRD_PARTY_SCOPES = (
    "openid profile email User.Read",
    "User.Read offline_access",
    "User.Read Mail.Read",
    "Files.Read Sites.Read.All User.Read",
    "Calendars.ReadWrite User.Read",
    "User.ReadBasic.All",
)
_PREFIX = ("Cloud", "Smart", "Docu", "Sync", "Team", "Data", "Quick", "Secure", "Flow", "Meet")
_NOUN = (
    "CRM",
    "Signatures",
    "Archive",
    "Planner",
    "Scheduler",
    "Sign",
    "Backup",
    "Survey",
    "Analytics",
    "Connector",
    "Helpdesk",
    "Recruiting",
)
_FORM = ("GmbH", "Inc.", "Ltd.", "AG", "SAS", "B.V.", "LLC")


def resource_sp(seed: int, k: int) -> dict[str, Any]:
    """One of the four Microsoft resource service principals."""
    key, app_id, name = [
        ("graph", GRAPH_APP_ID, "Microsoft Graph"),
        ("exchange", EXCHANGE_APP_ID, "Office 365 Exchange Online"),
        ("sharepoint", SHAREPOINT_APP_ID, "Office 365 SharePoint Online"),
        (None, TEAMS_APP_ID, "Microsoft Teams"),
    ][k]
    data = permission_data()[key] if key else {"appRoles": [], "oauth2PermissionScopes": []}
    roles = [
        {
            "allowedMemberTypes": ["Application"],
            "description": r["description"],
            "displayName": r["displayName"],
            "id": r["id"],
            "isEnabled": True,
            "origin": "Application",
            "value": r["value"],
        }
        for r in data["appRoles"]
    ]
    scopes = [{**s, "isEnabled": True} for s in data["oauth2PermissionScopes"]]
    sp = base_sp(seed, k, app_id, name, MICROSOFT_TENANT_ID, "Microsoft Services")
    sp.update(
        appRoles=roles,
        oauth2PermissionScopes=scopes,
        servicePrincipalNames=[app_id, f"https://{name.split()[-1].lower()}.microsoft.com"],
    )
    return sp


def base_sp(
    seed: int, k: int, app_id: str, name: str, owner: str | None, publisher: str | None
) -> dict[str, Any]:
    """All default properties of a servicePrincipal as Graph v1.0 returns them."""
    return {
        "id": object_id(seed, "sp", k),
        "deletedDateTime": None,
        "accountEnabled": True,
        "alternativeNames": [],
        "appDisplayName": name,
        "appDescription": None,
        "appId": app_id,
        "applicationTemplateId": None,
        "appOwnerOrganizationId": owner,
        "appRoleAssignmentRequired": False,
        "description": None,
        "disabledByMicrosoftStatus": None,
        "displayName": name,
        "homepage": None,
        "loginUrl": None,
        "logoutUrl": None,
        "notes": None,
        "notificationEmailAddresses": [],
        "preferredSingleSignOnMode": None,
        "preferredTokenSigningKeyThumbprint": None,
        "replyUrls": [],
        "servicePrincipalNames": [app_id],
        "servicePrincipalType": "Application",
        "signInAudience": "AzureADMultipleOrgs",
        "tags": [],
        "tokenEncryptionKeyId": None,
        "samlSingleSignOnSettings": None,
        "addIns": [],
        "appRoles": [],
        "info": {
            "logoUrl": None,
            "marketingUrl": None,
            "privacyStatementUrl": None,
            "supportUrl": None,
            "termsOfServiceUrl": None,
        },
        "keyCredentials": [],
        "oauth2PermissionScopes": [],
        "passwordCredentials": [],
        "resourceSpecificApplicationPermissions": [],
        "verifiedPublisher": {
            "displayName": None,
            "verifiedPublisherId": None,
            "addedDateTime": None,
        },
        # No publisherName: it is a beta-only property; v1.0 neither returns it nor accepts it in
        # $select (microsoftgraph/microsoft-graph-docs#12202). Only verifiedPublisher says who
        # published an app in v1.0.
    }


def inhouse_api_sp(seed: int, k: int, tenant_id: str) -> dict[str, Any]:
    """The tenant's own HR API: no app roles, one delegated scope. Clients are granted access to
    it with *default access* assignments (appRoleId 0…0) — the only way to hold it app-only."""
    app_id = object_id(seed, "own-app", 1)
    sp = base_sp(seed, k, app_id, "HR-Portal (intern)", tenant_id, "Sandbox GmbH")
    sp.update(
        signInAudience="AzureADMyOrg",
        appRoleAssignmentRequired=True,
        servicePrincipalNames=[app_id, f"api://{app_id}"],
        oauth2PermissionScopes=[
            {
                "adminConsentDescription": "Read employee records on behalf of the user.",
                "adminConsentDisplayName": "Access HR-Portal",
                "id": object_id(seed, "own-scope", 1),
                "isEnabled": True,
                "type": "User",
                "userConsentDescription": None,
                "userConsentDisplayName": None,
                "value": "user_impersonation",
            }
        ],
    )
    return sp


def first_party_sp(seed: int, k: int, app: dict[str, str]) -> dict[str, Any]:
    return base_sp(
        seed, k, app["appId"], app["displayName"], MICROSOFT_TENANT_ID, "Microsoft Services"
    )


def vendor_sp(seed: int, k: int, vendor: Vendor, n: int) -> dict[str, Any]:
    sp = base_sp(
        seed,
        k,
        object_id(0, "vendor-app", n),
        vendor.display_name,
        object_id(0, "vendor-org", n),
        vendor.publisher,
    )
    domain = vendor.homepage.split("/")[2]
    sp.update(
        homepage=vendor.homepage,
        replyUrls=[f"{vendor.homepage}/auth/callback"],
        tags=["WindowsAzureActiveDirectoryIntegratedApp"],
    )
    sp["info"].update(marketingUrl=vendor.homepage, privacyStatementUrl=f"https://{domain}/privacy")
    if vendor.verified:
        sp["verifiedPublisher"] = {
            "displayName": vendor.verified[0],
            "verifiedPublisherId": vendor.verified[1],
            "addedDateTime": "2023-05-11T09:12:44Z",
        }
    return sp


# Microsoft's two most-consented clients, owned by Microsoft tenants other than f8cdef31-… as in
# real tenants (merill/microsoft-info MicrosoftApps.json): appId, name, owner, the delegated scope
# the first users consented to (users 0, 3, 6, … of the first 15 for each).
MICROSOFT_CLIENTS = (
    ("de8bc8b5-d9f9-48b1-a8ad-b748da725064", "Graph Explorer",
     "72f988bf-86f1-41af-91ab-2d7cd011db47", "openid profile User.Read Mail.Read Sites.Read.All"),
    ("14d82eec-204b-4c2f-b7e8-296a70dab67e", "Microsoft Graph Command Line Tools",
     "cdc5aeea-15c5-4db6-b079-fcadd2505dc2", "openid profile offline_access User.Read.All"),
)  # fmt: skip


GALLERY_HOMEPAGE = (
    "https://account.activedirectory.windowsazure.com:444/applications/default.aspx"
    "?metadata={name}|ISV9.1|primary|z"
)


def microsoft_client_sp(seed: int, k: int, n: int) -> dict[str, Any]:
    app_id, name, owner, _ = MICROSOFT_CLIENTS[n]
    return base_sp(seed, k, app_id, name, owner, "Microsoft Services")


def scanner_sp(seed: int, k: int, app_id: str, tenant_id: str) -> dict[str, Any]:
    sp = base_sp(seed, k, app_id, "m365inv Scanner", tenant_id, "Sandbox GmbH")
    sp["signInAudience"] = "AzureADMyOrg"
    return sp


def third_party_sp(seed: int, k: int, t: int, origin: str = "") -> dict[str, Any]:
    """Third-party app ``t``; ``origin`` (the running sandbox's ``https://host:port``) gives the
    apps of :data:`POLICY_VENDORS` a privacy statement the sandbox itself serves."""
    h = mix(seed, "tp", t)
    name = (
        f"{_PREFIX[h % 10]}{_NOUN[(h >> 4) % 12]}"
        if h % 3
        else f"{_PREFIX[h % 10]} {_NOUN[(h >> 4) % 12]} {t}"
    )
    if t % 41 == 9:
        name = HOSTILE[(t // 41) % len(HOSTILE)]
    company = f"{_PREFIX[(h >> 8) % 10]}{_NOUN[(h >> 12) % 12]} {_FORM[(h >> 16) % 7]}"
    host = f"www.{_PREFIX[(h >> 8) % 10].lower()}{_NOUN[(h >> 12) % 12].lower()}{t}.example"
    policy = POLICY_VENDORS.get(t)
    if policy is not None:
        name, company, host = policy.app_name, policy.company, policy.host
    sp = base_sp(
        seed, k, object_id(seed, "tp-app", t), name, object_id(0, "tp-org", h % 997), company
    )
    sp.update(
        homepage=f"https://{host}",
        replyUrls=[f"https://{host}/signin-oidc"],
        tags=["WindowsAzureActiveDirectoryIntegratedApp"],
    )
    if policy is not None:
        sp["info"].update(
            marketingUrl=f"https://{host}",
            privacyStatementUrl=f"{origin}{policy.path}" if origin else None,
        )
    if t % 7 == 4:  # a gallery app: Graph gives Microsoft's My Apps portal as its homepage
        # (an empty or blank hostile name has no first word: the portal link falls back to "app")
        sp["homepage"] = GALLERY_HOMEPAGE.format(name=(name.split() or ["app"])[0].lower())
    if (h >> 20) % 4 == 0:
        sp["verifiedPublisher"] = {
            "displayName": company,
            "verifiedPublisherId": str(h % 9000000),
            "addedDateTime": timestamp(h >> 3),
        }
    return sp


def third_party_roles(seed: int, t: int) -> list[str]:
    """Graph appRole ids held by third-party app ``t``; some ids exist nowhere ("unresolved")."""
    h = mix(seed, "tpr", t)
    graph = role_ids("graph")
    picks = [THIRD_PARTY_ROLES[(h >> (4 * j)) % len(THIRD_PARTY_ROLES)] for j in range(h % 4)]
    ids = [graph[v] for v in dict.fromkeys(picks)]
    if t % 53 == 3:
        ids.append(object_id(seed, "unknown-role", t))
    return ids


def third_party_scope(seed: int, t: int) -> str | None:
    h = mix(seed, "tps", t)
    return THIRD_PARTY_SCOPES[(h >> 3) % len(THIRD_PARTY_SCOPES)] if h % 5 < 2 else None
