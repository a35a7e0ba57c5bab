"""Per app and data category: how far the app reaches, about how many people, on what evidence.

Reach and count, per permission (the widest wins when several open one category):

* application permission → ``tenant``, count = users in the tenant. For mailboxes the flow
  carries a note: only a legacy ApplicationAccessPolicy narrows an Entra-consented grant; Exchange
  RBAC for Applications is a separate grant that never narrows it (Microsoft Learn, "Role Based
  Access Control for Applications in Exchange Online"); Graph sees neither. ``*.Selected`` /
  ``AppFolder`` … → ``tenant`` with count unknown and a note; resource-specific consent
  (``*.WhereInstalled``) and Exchange's IMAP/POP/SMTP app access (per-mailbox grants in
  Exchange) get their own notes.
* delegated, and the permission itself reaches the whole directory (``User.ReadBasic.All``,
  ``Presence.Read.All``, ``GroupMember.Read.All``) → ``tenant``: one consenting user is enough
  for the app to read everyone's data.
* delegated ``AllPrincipals`` → ``consenting-users``, "all users who sign in" = enabled users.
* delegated ``Principal`` → ``consenting-users``, count = the users who consented.
* provisioning (SCIM) → ``m365inv.classify.provisioning``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from m365inv.classify.permissions import ClassifiedPermission
from m365inv.classify.rules import PermissionClass
from m365inv.models import (
    EXCHANGE_APP_ID,
    Access,
    Permission,
    Subjects,
    SubjectScope,
    TenantCounts,
)

_SCOPE_RANK: dict[str, int] = {
    "signed-in-user": 0, "consenting-users": 1, "assigned-users": 2, "tenant": 3,
}  # fmt: skip
_ACCESS_RANK: dict[str, int] = {"read": 0, "send": 1, "write": 2, "full": 3}
_MAILBOX_FAMILIES = ("Mail", "Calendars", "Contacts", "MailboxSettings", "MailboxItem", "full_")

NOTE_EXCHANGE_RBAC = (
    "Organisation-wide: an application permission consented in Entra ID reaches every mailbox. "
    "Only a legacy Exchange ApplicationAccessPolicy can narrow it (for Graph and EWS); Exchange "
    "RBAC for Applications grants are separate and never narrow an Entra grant. Neither is "
    "visible through Microsoft Graph."
)
NOTE_NARROWED = (
    "Limited to resources an administrator selected (or the app created); count unknown."
)
NOTE_RSC = (
    "Resource-specific consent: limited to the teams, chats or meetings where the app is installed "
    "(any team owner or chat member can install it); count unknown."
)
NOTE_MAILBOX_GRANTS = (
    "Only mailboxes an Exchange administrator granted to the app (Add-MailboxPermission / "
    "Add-RecipientPermission); such grants are not visible through Microsoft Graph."
)
_MAILBOX_GRANTED = ("IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp")
NOTE_DIRECTORY = "Delegated, but the permission reaches every user's data once anyone consents."
NOTE_ALL_USERS = "Admin consent for all users: every user who signs in to the app."
NOTE_SHARED = "Also other people's data the signed-in users can open (shared mailboxes, files)."

# SCIM target attribute (its first path segment) → categories it sends.
_SCIM: dict[str, tuple[str, ...]] = {
    "username": ("user.account.username",),
    "displayname": ("user.name",),
    "name": ("user.name",),
    "nickname": ("user.name",),
    "emails": ("user.contact.email",),
    "title": ("user.job_title",),
    "department": ("user.workplace",),
    "division": ("user.workplace",),
    "organization": ("user.workplace",),
    "costcenter": ("user.workplace",),
    "phonenumbers": ("user.contact.phone_number",),
    "addresses": ("user.contact.address",),
    "externalid": ("user.unique_id",),
    "employeenumber": ("user.unique_id",),
    "id": ("user.unique_id",),
    "manager": ("user.social.relationships",),
    "preferredlanguage": ("user.demographic.language",),
    "locale": ("user.demographic.language",),
    "timezone": ("user.location.imprecise",),
    "active": ("user.account",),
    "usertype": ("user.account",),
    "photos": ("user.content.self_image",),
    "groups": ("user.social.group_membership",),
    "roles": ("user.authorization",),
    "password": ("user.authorization.password",),
}


class FlowPart(msgspec.Struct, frozen=True, kw_only=True):
    """Evidence for one category, before merging per (app, category): one item as made, the
    sorted union once merged — the ``Flow``'s ``evidence`` as is."""

    category: str
    access: Access
    subjects: Subjects
    evidence: tuple[str, ...]
    notes: tuple[str, ...] = ()


def scim_categories(target: str) -> tuple[str, ...]:
    """Categories a SCIM target attribute sends (enterprise-extension URNs by their last name)."""
    name = target.rsplit(":", 1)[-1]
    head = re.split(r"[.\[]", name, maxsplit=1)[0].casefold()
    return _SCIM.get(head, ("user",))


def _narrowed_note(p: Permission, c: PermissionClass) -> str:
    value = p.value or ""
    if "WhereInstalled" in value or (c.note or "").endswith("(resource-specific consent)."):
        return NOTE_RSC
    if value in _MAILBOX_GRANTED:
        return NOTE_MAILBOX_GRANTS
    return NOTE_NARROWED


def _permission_subjects(
    p: Permission, c: PermissionClass, counts: TenantCounts
) -> tuple[Subjects, tuple[str, ...]]:
    kinds = c.subjects
    if p.kind == "application":
        if c.reach == "narrowed":
            return Subjects(scope="tenant", count=None, kinds=kinds), (_narrowed_note(p, c),)
        mailbox = p.resource_app_id == EXCHANGE_APP_ID or (p.value or "").startswith(
            _MAILBOX_FAMILIES
        )
        notes = (NOTE_EXCHANGE_RBAC,) if mailbox else ()
        return Subjects(scope="tenant", count=counts.users, kinds=kinds), notes
    if c.reach in ("directory", "tenant"):
        return Subjects(scope="tenant", count=counts.users, kinds=kinds), (NOTE_DIRECTORY,)
    notes = (NOTE_SHARED,) if c.reach == "users-with-access" else ()
    if p.consent_type == "AllPrincipals":
        return Subjects(scope="consenting-users", count=counts.enabled_users, kinds=kinds), (
            NOTE_ALL_USERS,
            *notes,
        )
    return Subjects(scope="consenting-users", count=p.principal_count, kinds=kinds), notes


def permission_parts(
    permissions: Iterable[ClassifiedPermission], counts: TenantCounts
) -> list[FlowPart]:
    """One part per (permission, category) it opens; unresolved, unclassified and non-personal
    permissions open none (the first two become findings instead)."""
    parts: list[FlowPart] = []
    for cp in permissions:
        c = cp.known
        if c is None or not c.personal or c.access is None:
            continue
        subjects, notes = _permission_subjects(cp.permission, c, counts)
        evidence = (cp.evidence,)
        for cat in c.categories:
            parts.append(
                FlowPart(category=cat, access=c.access, subjects=subjects,
                         evidence=evidence, notes=notes)
            )  # fmt: skip
    return parts


def merge(parts: Iterable[FlowPart]) -> dict[str, FlowPart]:
    """One part per category: widest scope (its count), strongest access, all evidence/notes."""
    out: dict[str, FlowPart] = {}
    for part in parts:
        prev = out.get(part.category)
        if prev is None:
            out[part.category] = part
            continue
        wider = _SCOPE_RANK[part.subjects.scope] > _SCOPE_RANK[prev.subjects.scope]
        same = part.subjects.scope == prev.subjects.scope
        scope: SubjectScope = part.subjects.scope if wider else prev.subjects.scope
        count = part.subjects.count if wider else prev.subjects.count
        if same and part.subjects.count is not None and prev.subjects.count is not None:
            count = max(part.subjects.count, prev.subjects.count)
        access = max(part.access, prev.access, key=lambda a: _ACCESS_RANK[a])
        out[part.category] = FlowPart(
            category=part.category,
            access=access,
            subjects=Subjects(
                scope=scope,
                count=count,
                kinds=tuple(sorted({*prev.subjects.kinds, *part.subjects.kinds})),
            ),
            evidence=tuple(sorted({*prev.evidence, *part.evidence})),
            notes=tuple(sorted({*prev.notes, *part.notes})),
        )
    return out
