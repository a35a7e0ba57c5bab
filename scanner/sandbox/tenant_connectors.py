"""A gallery provisioning connector as Entra configures it: app-native target attributes.

Modelled on the Salesforce connector Microsoft documents (Graph docs, objectMapping resource):
targets such as ``IsActive``, ``Alias`` or ``ProfileName`` say nothing about the data — the
sources do (``Not([IsSoftDeleted])``, ``Mid([userPrincipalName], 1, 8)``,
``SingleAppRoleAssignment([appRoleAssignments])``); constants send none. A second object
mapping provisions groups with their members, as gallery apps with group sync do.
"""

from __future__ import annotations

from typing import Any

from m365inv.sandbox.tenant_extras import job_record, schema_record, sync_rule
from m365inv.sandbox.tenant_ids import mix, object_id

Record = dict[str, Any]
SOURCE_DIRECTORY = "Azure Active Directory"


def _attr(name: str) -> Record:
    return {"expression": f"[{name}]", "name": name, "parameters": [], "type": "Attribute"}


def _const(value: str) -> Record:
    return {"expression": f'"{value}"', "name": value, "parameters": [], "type": "Constant"}


def _fn(name: str, expression: str, *params: tuple[str, Record]) -> Record:
    return {
        "expression": expression,
        "name": name,
        "parameters": [{"key": k, "value": v} for k, v in params],
        "type": "Function",
    }


def _map(source: Record | None, target: str, default: str | None = None, match: int = 0) -> Record:
    return {
        "defaultValue": default,
        "exportMissingReferences": False,
        "flowBehavior": "FlowWhenChanged",
        "flowType": "Always",
        "matchingPriority": match,
        "source": source,
        "targetAttributeName": target,
    }


def _user_mappings() -> list[Record]:
    return [
        _map(
            _fn("Not", "Not([IsSoftDeleted])", ("source", _attr("IsSoftDeleted"))),
            "IsActive",
            "True",
        ),
        _map(
            _fn(
                "Mid",
                "Mid([userPrincipalName], 1, 8)",
                ("source", _attr("userPrincipalName")),
                ("start", _const("1")),
                ("length", _const("8")),
            ),
            "Alias",
        ),
        _map(_attr("mail"), "Email"),
        _map(None, "EmailEncodingKey", "ISO-8859-1"),
        _map(_attr("givenName"), "FirstName"),
        _map(_attr("surname"), "LastName", "."),
        _map(
            _fn(
                "Join",
                'Join(" ", [department], [companyName])',
                ("separator", _const(" ")),
                ("source1", _attr("department")),
                ("source2", _attr("companyName")),
            ),
            "Department",
        ),
        _map(
            _fn(
                "Switch",
                'Switch([usageLocation], "de_DE_EURO", "US", "en_US")',
                ("source", _attr("usageLocation")),
                ("default", _const("de_DE_EURO")),
                ("key", _const("US")),
                ("value", _const("en_US")),
            ),
            "LocaleSidKey",
        ),
        _map(
            _fn(
                "SingleAppRoleAssignment",
                "SingleAppRoleAssignment([appRoleAssignments])",
                ("source", _attr("appRoleAssignments")),
            ),
            "ProfileName",
            "Chatter Free User",
        ),
        _map(None, "TimeZoneSidKey", "Europe/Berlin"),
        _map(_attr("userPrincipalName"), "Username", match=1),
    ]


def _group_mappings() -> list[Record]:
    return [
        _map(_attr("displayName"), "Name", match=1),
        _map(_attr("members"), "Members"),
    ]


def _object_mapping(name: str, source: str, target: str, attrs: list[Record]) -> Record:
    return {
        "attributeMappings": attrs,
        "enabled": True,
        "flowTypes": "Add, Update, Delete",
        "metadata": [],
        "name": name,
        "scope": None,
        "sourceObjectName": source,
        "targetObjectName": target,
    }


def gallery_job(seed: int, sp_id: str) -> Record:
    """A Salesforce-template job: like every real job, without a ``SyncAll`` setting."""
    h = mix(seed, "gallery-sync", int(sp_id[:8], 16))
    job_id = f"salesforce.{sp_id.replace('-', '')[:32]}.{object_id(seed, 'gsync', h % 1000)}"
    return job_record(job_id, "salesforce", steady_since="2024-05-01T08:00:00Z", users=17)


def gallery_schema(seed: int) -> Record:
    rule = sync_rule("8b6d1a1e-0c1f-4d7c-9d3e-5f0b0c1a2b3c", "USER_TO_USER", "salesforce.com")
    mappings = [
        _object_mapping(
            "Synchronize Azure Active Directory Users to salesforce.com",
            "User",
            "User",
            _user_mappings(),
        ),
        _object_mapping(
            "Synchronize Azure Active Directory Groups to salesforce.com",
            "Group",
            "PublicGroup",
            _group_mappings(),
        ),
    ]
    return schema_record(
        object_id(seed, "gallery-schema", 0),
        rule,
        mappings,
    )


__all__ = ["gallery_job", "gallery_schema"]
