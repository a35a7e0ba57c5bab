"""Outlook add-in flows: what an add-in's requested mailbox permission opens, for whom.

Outlook grants an add-in one of four permission levels from its manifest
(learn.microsoft.com "Understanding Outlook add-in permissions"):

* ``Restricted`` — nothing about the user or the item: no personal-data flow;
* ``ReadItem`` — read the item the user opens (message or meeting: body, sender, recipients);
* ``ReadWriteItem`` — the same, and change or send it;
* ``ReadWriteMailbox`` — the whole mailbox through EWS/REST: every message, meeting and
  contact, read and write — the broadest reach an add-in can ask for.

Reach follows the deployment (``ProvidedTo``): everyone → the tenant; named users (or groups)
→ those assigned, counted when Exchange lists them. A disabled add-in opens nothing.
"""

from __future__ import annotations

from m365inv.classify.flows import FlowPart
from m365inv.models import Access, AddIn, AppFacts, Subjects, TenantCounts, TenantData

_ITEM = ("user.content.private.email", "user.content.private.calendar", "user.contact.email",
         "user.name")  # fmt: skip
_MAILBOX = (*_ITEM, "user.contact", "user.content.private.files")  # attachments, contacts
LEVELS: dict[str, tuple[Access | None, tuple[str, ...]]] = {
    "restricted": (None, ()),
    "readitem": ("read", _ITEM),
    "readwriteitem": ("write", _ITEM),
    "readwritemailbox": ("full", _MAILBOX),
}
NOTE_ITEM = "Only the items a user opens while the add-in runs — including other people's mail."
NOTE_OFF_BY_DEFAULT = "Deployed switched off: each user may turn it on."
NOTE_LEVEL_UNKNOWN = "The add-in's permission level was not reported; treated as full mailbox."
KINDS = ("employee", "external-contact")


def addins_of(app: AppFacts, tenant: TenantData) -> list[AddIn]:
    """The add-ins behind ``app`` (linked by Entra app id, or the add-in's own id)."""
    if "addIns" not in app.sources:
        return []
    return [a for a in tenant.add_ins if (a.azure_app_id or a.id) == app.app_id]


def _subjects(a: AddIn, counts: TenantCounts) -> Subjects:
    if (a.scope or "").casefold() in ("everyone", "organization", "all"):
        return Subjects(scope="tenant", count=counts.users, kinds=KINDS)
    return Subjects(scope="assigned-users", count=a.user_count, kinds=KINDS)


def addin_parts(app: AppFacts, tenant: TenantData, counts: TenantCounts) -> list[FlowPart]:
    parts: list[FlowPart] = []
    for a in addins_of(app, tenant):
        if a.enabled is False:
            continue
        level = (a.permission_level or "").replace(" ", "").casefold()
        notes: tuple[str, ...] = ()
        if level not in LEVELS:
            level, notes = "readwritemailbox", (NOTE_LEVEL_UNKNOWN,)
        access, categories = LEVELS[level]
        if access is None:
            continue
        if level != "readwritemailbox":
            notes += (NOTE_ITEM,)
        if (a.default_state or "").casefold() == "disabled":
            notes += (NOTE_OFF_BY_DEFAULT,)
        evidence = (
            f"Outlook add-in {a.display_name or a.id}: {a.permission_level or 'unknown'}"
            f" (deployed to {a.scope or 'unknown'})"
        )
        subjects = _subjects(a, counts)
        parts += [
            FlowPart(
                category=c, access=access, subjects=subjects, evidence=(evidence,), notes=notes
            )
            for c in categories
        ]
    return parts


__all__ = ["LEVELS", "addin_parts", "addins_of"]
