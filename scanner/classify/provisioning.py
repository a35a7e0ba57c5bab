"""Provisioning (SCIM / gallery connector) flows: which people, which data, on what evidence.

**What** leaves the tenant is decided by the *source* of each attribute mapping — the Entra
attributes its expression reads — not by the target name. Gallery connectors write app-native
names (Salesforce ``IsActive``, ``Alias``, ``ProfileName``; ServiceNow ``u_department``) that
say nothing about the data; a constant (``EmailEncodingKey`` ← ``"ISO-8859-1"``) sends none.
The SCIM target name is used only when no source attribute is known to the map. Group object
mappings send group data: who is in which group.

**Whom**: a job provisions at least the users and groups assigned to the app (counted
transitively), and the whole tenant when "Sync all users and groups" is set — a write-only
secret (``SyncAll``) Graph never returns. The flow says exactly that: scope ``assigned-users``
with the assigned count and a note, never a precise claim Graph cannot support.
"""

from __future__ import annotations

from m365inv.classify.flows import FlowPart, scim_categories
from m365inv.models import (
    AppFacts,
    AttributeMapping,
    Provisioning,
    Subjects,
    TenantCounts,
    TenantData,
)

NOTE_SYNC_SCOPE = (
    "At least the users and groups assigned to the app; the whole tenant if the job is set to "
    "'Sync all users and groups'. Microsoft Graph cannot read this setting (a write-only "
    "provisioning secret): check it in the Entra admin center under Provisioning → Settings → "
    "Scope."
)
NOTE_ASSIGNED_UNKNOWN = "The app's assignments or a group's members were not read: count unknown."

GROUP_MEMBERSHIP = "user.social.group_membership"

# Entra (source directory) user attributes → categories they carry, by lower-cased name.
_ENTRA: dict[str, tuple[str, ...]] = {
    "userprincipalname": ("user.account.username",),
    "mailnickname": ("user.account.username",),
    "samaccountname": ("user.account.username",),
    "onpremisessamaccountname": ("user.account.username",),
    "displayname": ("user.name",),
    "givenname": ("user.name",),
    "surname": ("user.name",),
    "mail": ("user.contact.email",),
    "othermails": ("user.contact.email",),
    "proxyaddresses": ("user.contact.email",),
    "jobtitle": ("user.job_title",),
    "department": ("user.workplace",),
    "companyname": ("user.workplace",),
    "physicaldeliveryofficename": ("user.workplace",),
    "officelocation": ("user.workplace",),
    "employeetype": ("user.workplace",),
    "employeehiredate": ("user.workplace",),
    "employeeleavedatetime": ("user.workplace",),
    "employeeorgdata": ("user.workplace",),
    "costcenter": ("user.workplace",),
    "division": ("user.workplace",),
    "telephonenumber": ("user.contact.phone_number",),
    "mobile": ("user.contact.phone_number",),
    "businessphones": ("user.contact.phone_number",),
    "facsimiletelephonenumber": ("user.contact.fax_number",),
    "streetaddress": ("user.contact.address.street",),
    "city": ("user.contact.address.city",),
    "postalcode": ("user.contact.address.postal_code",),
    "state": ("user.contact.address.state",),
    "country": ("user.contact.address.country",),
    "c": ("user.contact.address.country",),
    "co": ("user.contact.address.country",),
    "usagelocation": ("user.location.imprecise",),
    "preferredlanguage": ("user.demographic.language",),
    "objectid": ("user.unique_id",),
    "employeeid": ("user.unique_id",),
    "immutableid": ("user.unique_id",),
    "onpremisesimmutableid": ("user.unique_id",),
    "externalid": ("user.unique_id",),
    "manager": ("user.social.relationships",),
    "accountenabled": ("user.account",),
    "issoftdeleted": ("user.account",),
    "usertype": ("user.account",),
    "approleassignments": ("user.authorization",),
    "thumbnailphoto": ("user.content.self_image",),
    "memberof": (GROUP_MEMBERSHIP,),
}


def _entra_categories(name: str) -> tuple[str, ...] | None:
    key = name.casefold()
    if key.startswith(("extensionattribute", "extension_")):
        return ("user.unique_id",)  # free-form directory extensions: at least an identifier
    return _ENTRA.get(key)


def mapping_categories(m: AttributeMapping) -> tuple[str, ...]:
    """The categories one mapping sends; ``()`` for a constant (no tenant data leaves)."""
    if (m.object_type or "User").casefold() == "group":
        return (GROUP_MEMBERSHIP,)
    if not m.source_attributes:
        # Older records (before source attributes were kept) fall back to the source text.
        if m.source is None:
            return ()
        known = _entra_categories(m.source.strip("[]"))
        return known if known is not None else scim_categories(m.target)
    out: dict[str, None] = {}
    unknown = False
    for attr in m.source_attributes:
        cats = _entra_categories(attr)
        if cats is None:
            unknown = True
        else:
            out.update(dict.fromkeys(cats))
    if unknown:  # an attribute the map does not know: the target may still tell, else "user"
        out.update(dict.fromkeys(scim_categories(m.target)))
    return tuple(out)


def assigned_count(app: AppFacts, tenant: TenantData) -> int | None:
    """Distinct users assigned to the app, directly or through (transitively read) groups."""
    users: set[str] = set()
    groups = {g.id: g for g in tenant.groups}
    if not any(c.source == "appRoleAssignedTo" and c.complete for c in tenant.coverage):
        return None
    found = False
    for a in tenant.app_role_assignments:
        if a.resource_id != app.service_principal_id:
            continue
        found = True
        if a.principal_type == "User":
            users.add(a.principal_id)
        elif a.principal_type == "Group":
            group = groups.get(a.principal_id)
            if group is None or group.member_ids is None:
                return None
            users.update(group.member_ids)
    return len(users) if found else 0


def provisioning_parts(
    prov: Provisioning, app: AppFacts, tenant: TenantData, counts: TenantCounts
) -> list[FlowPart]:
    """One part per (mapping, category) — reach: at least the assigned users (see module doc)."""
    count = assigned_count(app, tenant)
    notes = (NOTE_SYNC_SCOPE,) if count is not None else (NOTE_SYNC_SCOPE, NOTE_ASSIGNED_UNKNOWN)
    subjects = Subjects(scope="assigned-users", count=count, kinds=("employee",))
    parts: list[FlowPart] = []
    for m in prov.mappings or ():
        label = m.source or "(constant)"
        if (m.object_type or "User").casefold() == "group":
            label = f"group {label}"
        evidence = f"provisioning: {label} → {m.target}"
        for cat in mapping_categories(m):
            parts.append(
                FlowPart(
                    category=cat,
                    access="read",
                    subjects=subjects,
                    evidence=(evidence,),
                    notes=notes,
                )
            )
    if not prov.mappings:  # schema not read: the attribute names are all we have
        for target in prov.attributes:
            for cat in scim_categories(target):
                parts.append(
                    FlowPart(
                        category=cat,
                        access="read",
                        subjects=subjects,
                        evidence=(f"provisioning: → {target}",),
                        notes=notes,
                    )
                )
    return parts


__all__ = [
    "NOTE_ASSIGNED_UNKNOWN",
    "NOTE_SYNC_SCOPE",
    "assigned_count",
    "mapping_categories",
    "provisioning_parts",
]
