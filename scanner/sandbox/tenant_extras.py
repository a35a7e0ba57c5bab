"""The small, fixed parts of the tenant: app registrations, the Mail Professionals provisioning
job and its synchronizationSchema, Teams apps, and Outlook add-ins as Exchange's ``Get-App``
reports them."""

from __future__ import annotations

from typing import Any

from m365inv.sandbox.tenant_ids import mix, object_id, timestamp

Record = dict[str, Any]

# (source attribute, SCIM target) — TEAM.md's Mail Professionals mapping
MAILPRO_MAPPINGS = (
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


def applications(seed: int, scanner_app_id: str, domain: str) -> list[Record]:
    """App registrations owned by this tenant: the scanner's own and two in-house apps."""
    names = [
        (scanner_app_id, "m365inv Scanner"),
        (object_id(seed, "own-app", 1), "HR-Portal (intern)"),
        (object_id(seed, "own-app", 2), "<b>Legacy</b> Intranet =1+1"),
    ]
    return [
        {
            "id": object_id(seed, "application", n),
            "deletedDateTime": None,
            "appId": app_id,
            "applicationTemplateId": None,
            "createdDateTime": timestamp(mix(seed, "app", n)),
            "description": None,
            "disabledByMicrosoftStatus": None,
            "displayName": name,
            "groupMembershipClaims": None,
            "identifierUris": [],
            "isDeviceOnlyAuthSupported": None,
            "isFallbackPublicClient": None,
            "notes": None,
            "publisherDomain": domain,
            "serviceManagementReference": None,
            "signInAudience": "AzureADMyOrg",
            "tags": [],
            "tokenEncryptionKeyId": None,
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
            "passwordCredentials": [],
            "requiredResourceAccess": [],
            "verifiedPublisher": {
                "displayName": None,
                "verifiedPublisherId": None,
                "addedDateTime": None,
            },
        }
        for n, (app_id, name) in enumerate(names)
    ]


def job_record(job_id: str, template: str, *, steady_since: str, users: int) -> Record:
    """A synchronization job as Graph returns it — like every real job, without ``SyncAll``:
    the "sync all users and groups" scope is a write-only synchronization secret."""
    return {
        "id": job_id,
        "templateId": template,
        "schedule": {"expiration": None, "interval": "PT40M", "state": "Active"},
        "status": {
            "code": "Active",
            "countSuccessiveCompleteFailures": 0,
            "escrowsPruned": False,
            "lastExecution": None,
            "lastSuccessfulExecution": None,
            "lastSuccessfulExecutionWithExports": None,
            "progress": [],
            "quarantine": None,
            "steadyStateFirstAchievedTime": steady_since,
            "steadyStateLastAchievedTime": "2025-06-30T08:00:00Z",
            "synchronizedEntryCountByType": [{"key": "User", "value": users}],
            "troubleshootingUrl": None,
        },
        "synchronizationJobSettings": [
            {"name": "QuarantineTooManyDeletesThreshold", "value": "500"},
        ],
    }


def sync_job(seed: int, sp_id: str) -> Record:
    h = mix(seed, "sync", int(sp_id[:8], 16))
    job_id = f"scim.{sp_id.replace('-', '')[:32]}.{object_id(seed, 'sync', h % 1000)}"
    return job_record(job_id, "scim", steady_since="2024-02-01T08:00:00Z", users=42)


def _attribute(source: str, target: str, priority: int) -> Record:
    return {
        "defaultValue": None,
        "exportMissingReferences": False,
        "flowBehavior": "FlowWhenChanged",
        "flowType": "Always",
        "matchingPriority": priority,
        "source": {
            "expression": f"[{source}]",
            "name": source,
            "parameters": [],
            "type": "Attribute",
        },
        "targetAttributeName": target,
    }


def sync_schema(
    seed: int,
    domain: str,
    mappings: list[tuple[str, str]] | tuple[tuple[str, str], ...] = MAILPRO_MAPPINGS,
) -> Record:
    attrs = [_attribute(s, t, 1 if t == "userName" else 0) for s, t in mappings]
    attrs.append(
        {
            "defaultValue": "True",
            "exportMissingReferences": False,
            "flowBehavior": "FlowWhenChanged",
            "flowType": "Always",
            "matchingPriority": 0,
            "source": {
                "expression": "Not([IsSoftDeleted])",
                "name": "Not",
                "parameters": [
                    {
                        "key": "source",
                        "value": {
                            "expression": "[IsSoftDeleted]",
                            "name": "IsSoftDeleted",
                            "parameters": [],
                            "type": "Attribute",
                        },
                    }
                ],
                "type": "Function",
            },
            "targetAttributeName": "active",
        }
    )
    mapping = {
        "enabled": True,
        "flowTypes": "Add, Update, Delete",
        "metadata": [],
        "name": "Provision Azure Active Directory Users",
        "scope": None,
        "sourceObjectName": "User",
        "targetObjectName": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "attributeMappings": attrs,
    }
    rule = sync_rule("6c409270-f78a-4bc6-af23-7cf3ab6e6b8b", "USER_OUTBOUND_TEAM", "customappsso")
    return schema_record(object_id(seed, "schema", 0), rule, [mapping])


def sync_rule(rule_id: str, name: str, target_directory: str) -> Record:
    """The fixed part of a synchronization rule (Entra ID as source), as Graph returns it."""
    return {
        "containerFilter": {"includedContainers": []},
        "editable": True,
        "groupFilter": {"includedGroups": []},
        "id": rule_id,
        "metadata": [],
        "name": name,
        "priority": 1,
        "sourceDirectoryName": "Azure Active Directory",
        "targetDirectoryName": target_directory,
    }


def schema_record(schema_id: str, rule: Record, object_mappings: list[Record]) -> Record:
    """A synchronization schema with one rule holding ``object_mappings``."""
    return {
        "id": schema_id,
        "version": "Date:2025-06-30",
        "directories": [],
        "synchronizationRules": [{**rule, "objectMappings": object_mappings}],
    }


def _definition(
    seed: int,
    n: int,
    v: int,
    app_id: str,
    name: str,
    publisher: str,
    client: str | None,
    state: str,
    version: str,
    modified: str,
) -> Record:
    return {
        "id": object_id(seed, "teams-def", n * 10 + v),
        "teamsAppId": app_id,
        "displayName": name,
        "version": version,
        "publishingState": state,
        "shortDescription": f"{name} for Teams",
        "description": f"{name} ({publisher})",
        "lastModifiedDateTime": modified,
        "createdBy": None,
        "authorization": {
            "clientAppId": client,
            "requiredPermissionSet": {"resourceSpecificPermissions": []},
        }
        if client
        else None,
    }


def teams_apps(seed: int, emilie_sp: Record) -> list[Record]:
    """Org-catalog apps with definitions in every publishing state, plus store apps (filtered
    out by distributionMethod).

    Emilie: published 1.4.0 and a *submitted* 1.5.0 update listed after it (the update must not
    hide the published definition's Entra app link). "Gehaltsrechner": only a *rejected*
    submission; "Urlaubsplaner": a first submission still awaiting approval — neither reaches
    anyone.
    """
    emilie = emilie_sp.get("appId")
    rows: list[tuple[str, str, str, list[tuple[str, str | None, str]]]] = [
        ("Emilie", "organization", "Milliways Infodesign GmbH",
         [("published", emilie, "1.4.0"), ("submitted", None, "1.5.0")]),
        ("Polly", "store", "Polly", [("published", None, "2.1.0")]),
        ("Trello", "store", "Atlassian", [("published", None, "3.0.0")]),
        ("Schichtplan <i>intern</i>", "organization", "Sandbox GmbH IT",
         [("published", None, "1.0.0")]),
        ("Gehaltsrechner", "organization", "Lohn & Mehr GmbH",
         [("rejected", object_id(seed, "teams-client", 4), "0.9.0")]),
        ("Urlaubsplaner", "organization", "Sandbox GmbH IT",
         [("submitted", object_id(seed, "teams-client", 5), "0.1.0")]),
    ]  # fmt: skip
    apps = []
    for n, (name, method, publisher, versions) in enumerate(rows):
        app_id = object_id(seed, "teams-app", n)
        apps.append(
            {
                "id": app_id,
                "externalId": object_id(seed, "teams-ext", n),
                "displayName": name,
                "distributionMethod": method,
                "appDefinitions": [
                    _definition(
                        seed,
                        n,
                        v,
                        app_id,
                        name,
                        publisher,
                        client,
                        state,
                        version,
                        f"2025-0{3 + v}-02T10:00:00Z",
                    )
                    for v, (state, client, version) in enumerate(versions)
                ],
            }
        )
    return apps


def exchange_add_ins(seed: int, domain: str = "m365inv-sandbox.onmicrosoft.com") -> list[Record]:
    """``Get-App -OrganizationApp`` objects (Exchange admin API, PowerShell property names).

    Deployed to everyone, to named users (``ProvidedTo: SpecificUsers`` + ``UserList``), and one
    switched off; their requested mailbox permissions cover every level Outlook knows
    (Restricted, ReadItem, ReadWriteItem, ReadWriteMailbox).
    """
    users = [f"user.{i}@{domain}" for i in (3, 5, 8)]
    rows: list[tuple[str, str, str, str, str, list[str] | None, bool]] = [
        ("Mailissa for Outlook", "axontic GmbH", "ReadWriteMailbox", "Enabled", "Everyone", None,
         True),
        ("Report Message", "Microsoft Corporation", "ReadWriteItem", "Enabled", "Everyone", None,
         True),
        ("=cmd|' /C calc'!A0 Add-in", "Unknown Publisher", "ReadItem", "Disabled",
         "SpecificUsers", users, True),
        ("Signatur-Vorschau", "Mail Professionals GmbH", "Restricted", "Enabled", "Everyone",
         None, True),
        ("Alter Kalender-Export", "Legacy Tools Ltd", "ReadWriteMailbox", "Disabled", "Everyone",
         None, False),
    ]  # fmt: skip
    return [
        {
            "AppId": object_id(seed, "addin", n),
            "DisplayName": name,
            "ProviderName": provider,
            "Enabled": enabled,
            "DefaultStateForUser": state,
            "AppVersion": "1.0.0.3",
            "Type": "MarketplacePrivateCatalog" if n == 0 else "Marketplace",
            "Scope": "Organization",
            "ProvidedTo": provided,
            "UserList": user_list,
            "Requirements": permission,
            "PermissionLevel": permission,
            "MarketplaceAssetID": f"WA{200000000 + n}",
            "Identity": object_id(seed, "addin", n),
            "IsValid": True,
        }
        for n, (name, provider, permission, state, provided, user_list, enabled) in enumerate(rows)
    ]
