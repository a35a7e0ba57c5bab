"""Provisioning flows: categories from the Entra *source* of each mapping, reach said plainly."""

from __future__ import annotations

import json

from m365inv.classify.flows import merge
from m365inv.classify.provisioning import (
    NOTE_ASSIGNED_UNKNOWN,
    NOTE_SYNC_SCOPE,
    mapping_categories,
    provisioning_parts,
)
from m365inv.collect.sync import _Schema, mappings_from
from m365inv.graph import sansio
from m365inv.models import PROVISIONING_SCOPE, Provisioning, TenantData
from m365inv.resolve.counts import tenant_counts
from tests.scanner.collect.test_samples import salesforce_schema
from tests.scanner.seed_records import seed_apps, seed_tenant


def _fn(name: str, expression: str, *params: dict[str, object]) -> dict[str, object]:
    return {
        "expression": expression,
        "name": name,
        "type": "Function",
        "parameters": [{"key": f"p{i}", "value": p} for i, p in enumerate(params)],
    }


def _attr(name: str) -> dict[str, object]:
    return {"expression": f"[{name}]", "name": name, "parameters": [], "type": "Attribute"}


def _const(value: str) -> dict[str, object]:
    return {"expression": f'"{value}"', "name": value, "parameters": [], "type": "Constant"}


def _schema(*object_mappings: dict[str, object]) -> bytes:
    return json.dumps(
        {"synchronizationRules": [{"objectMappings": list(object_mappings)}]}
    ).encode()


def _om(source_object: str, *pairs: tuple[dict[str, object] | None, str]) -> dict[str, object]:
    return {
        "enabled": True,
        "sourceObjectName": source_object,
        "targetObjectName": source_object,
        "attributeMappings": [{"source": s, "targetAttributeName": t} for s, t in pairs],
    }


def _prov(raw: bytes) -> Provisioning:
    maps = mappings_from(sansio.decode_json(raw, _Schema))
    return Provisioning(
        job_id="j", status="Active", scope=PROVISIONING_SCOPE,
        attributes=tuple(sorted({m.target for m in maps})), mappings=maps,
    )  # fmt: skip


def test_salesforce_gallery_mapping_is_classified_by_source_not_target() -> None:
    mp = seed_apps()[-1]
    parts = merge(provisioning_parts(_prov(salesforce_schema()), mp, seed_tenant(), COUNTS))
    assert set(parts) == {
        "user.account",  # IsActive ← Not([IsSoftDeleted])
        "user.account.username",  # Alias ← Mid([userPrincipalName], 1, 8), Username
        "user.contact.email",  # Email ← mail
        "user.name",  # FirstName, LastName
        "user.demographic.language",  # LocaleSidKey ← Replace([preferredLanguage], …)
        "user.authorization",  # ProfileName ← SingleAppRoleAssignment([appRoleAssignments])
    }  # no bare "user" from unknown app-native targets, nothing from constants
    assert "provisioning: Not([IsSoftDeleted]) → IsActive" in parts["user.account"].evidence


def test_expressions_and_nested_functions_collect_every_attribute() -> None:
    join = _fn("Join", 'Join(" ", [givenName], [surname])', _const(" "), _attr("givenName"),
               _attr("surname"))  # fmt: skip
    switch = _fn(
        "Switch", 'Switch([department], "Other", "IT", [jobTitle])',
        _attr("department"), _const("Other"), _const("IT"), _attr("jobTitle"),
    )  # fmt: skip
    nested = _fn(
        "ToLower", 'ToLower(Join("@", NormalizeDiacritics([mailNickname]), "x.example"))',
        _fn("Join", 'Join("@", NormalizeDiacritics([mailNickname]), "x.example")',
            _fn("NormalizeDiacritics", "NormalizeDiacritics([mailNickname])",
                _attr("mailNickname"))),
    )  # fmt: skip
    complex_roles = {
        "expression": "AppRoleAssignmentsComplex([appRoleAssignments])",
        "name": "AppRoleAssignmentsComplex",
        "type": "Function",
    }  # no parameters
    only_expression = {"expression": "[mobile]", "name": None, "type": "Function"}
    raw = _schema(_om("User", (join, "displayName"), (switch, "u_department"),
                      (nested, "emails"), (complex_roles, "roles"),
                      (only_expression, "u_phone"), (_const("Employee"), "u_type")))  # fmt: skip
    maps = {m.target: m for m in mappings_from(sansio.decode_json(raw, _Schema))}
    assert maps["displayName"].source_attributes == ("givenName", "surname")
    assert maps["u_department"].source_attributes == ("department", "jobTitle")
    assert maps["emails"].source_attributes == ("mailNickname",)
    assert maps["roles"].source_attributes == ("appRoleAssignments",)
    assert mapping_categories(maps["u_department"]) == ("user.workplace", "user.job_title")
    assert mapping_categories(maps["emails"]) == ("user.account.username",)  # not "email"
    assert mapping_categories(maps["roles"]) == ("user.authorization",)
    assert mapping_categories(maps["u_phone"]) == ("user.contact.phone_number",)
    assert mapping_categories(maps["u_type"]) == ()  # a constant sends no tenant data


def test_group_object_mappings_are_group_data() -> None:
    raw = _schema(
        _om("Group", (_attr("displayName"), "displayName"), (_attr("members"), "members")),
        _om("User", (_attr("userPrincipalName"), "userName")),
    )
    prov = _prov(raw)
    assert {m.object_type for m in prov.mappings} == {"Group", "User"}
    parts = merge(provisioning_parts(prov, seed_apps()[-1], seed_tenant(), COUNTS))
    assert set(parts) == {"user.social.group_membership", "user.account.username"}
    assert (
        "provisioning: group displayName → displayName"
        in parts["user.social.group_membership"].evidence
    )  # a group's name is not a user's name


def test_reach_is_at_least_the_assigned_users_said_plainly() -> None:
    mp = seed_apps()[-1]
    assert mp.provisioning is not None and mp.provisioning.scope == PROVISIONING_SCOPE
    parts = merge(provisioning_parts(mp.provisioning, mp, seed_tenant(), COUNTS))
    phone = parts["user.contact.phone_number"]
    assert phone.subjects.scope == "assigned-users" and phone.subjects.count == 2  # u5 + g2's u3
    assert phone.notes == (NOTE_SYNC_SCOPE,)
    assert "whole tenant" in NOTE_SYNC_SCOPE and "cannot read" in NOTE_SYNC_SCOPE
    assert 'provisioning: mobile → phoneNumbers[type eq "mobile"].value' in phone.evidence


def test_unread_assignments_make_the_count_unknown_not_zero() -> None:
    mp = seed_apps()[-1]
    t = seed_tenant()
    unread = TenantData(org=None, scanned_at=t.scanned_at, users=t.users, groups=t.groups,
                        app_role_assignments=(), coverage=t.coverage[:1])  # fmt: skip
    assert mp.provisioning is not None
    parts = merge(provisioning_parts(mp.provisioning, mp, unread, COUNTS))
    assert all(p.subjects.count is None for p in parts.values())
    assert all(NOTE_ASSIGNED_UNKNOWN in p.notes for p in parts.values())


COUNTS = tenant_counts(seed_tenant())
