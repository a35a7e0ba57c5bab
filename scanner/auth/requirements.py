"""The permissions the scanner needs — DESIGN.md "What is collected", as data in one place.

``m365inv check`` compares a token's roles/scopes with this table; the collectors cite the same
permission names in coverage gaps. A permission counts as granted when the token holds it or one
of its documented supersets (``Directory.Read.All`` reads users, groups and apps too).
"""

from __future__ import annotations

from dataclasses import dataclass

from m365inv.auth.interface import Resource, TokenSource
from m365inv.errors import AuthError


@dataclass(frozen=True)
class Requirement:
    permission: str
    resource: Resource
    sections: tuple[str, ...]
    cost: str
    satisfied_by: tuple[str, ...] = ()
    delegated_name: str | None = None  # when the delegated scope has another name

    def label(self, delegated: bool = False) -> str:
        own = self.delegated_name if delegated and self.delegated_name else self.permission
        return own + (" (Exchange Online)" if self.resource == "exchange" else "")

    def names(self, delegated: bool) -> frozenset[str]:
        own = self.delegated_name if delegated and self.delegated_name else self.permission
        return frozenset((own, *self.satisfied_by))


_DIR = ("Directory.Read.All", "Directory.ReadWrite.All")

REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "Organization.Read.All",
        "graph",
        ("tenant",),
        "the report shows no tenant name, country or verified domains",
        ("Organization.ReadWrite.All", *_DIR),
    ),
    Requirement(
        "User.Read.All",
        "graph",
        ("users",),
        "no users are listed, so no subject counts for any flow",
        ("User.ReadWrite.All", *_DIR),
    ),
    Requirement(
        "GroupMember.Read.All",
        "graph",
        ("groups", "group members"),
        "apps assigned to groups cannot be resolved to the people they reach",
        ("Group.Read.All", "Group.ReadWrite.All", *_DIR),
    ),
    Requirement(
        "Application.Read.All",
        "graph",
        ("service principals", "app registrations", "application permissions"),
        "no third-party apps are found at all — the inventory would be empty",
        ("Application.ReadWrite.All", *_DIR),
    ),
    Requirement(
        "Directory.Read.All",
        "graph",
        ("delegated grants", "principals behind grants"),
        "delegated (user-consented) access is missing from every app",
        ("Directory.ReadWrite.All",),
    ),
    Requirement(
        "Synchronization.Read.All",
        "graph",
        ("provisioning (SCIM sync)",),
        "the user attributes sent by SCIM provisioning stay unknown",
        ("Synchronization.ReadWrite.All",),
    ),
    Requirement(
        "AppCatalog.Read.All",
        "graph",
        ("Teams apps",),
        "Teams apps are not listed",
        ("AppCatalog.ReadWrite.All",),
    ),
    Requirement(
        "AuditLog.Read.All",
        "graph",
        ("app sign-in activity",),
        "apps' last sign-ins stay unknown, so stale apps are not flagged (also needs Entra ID P1)",
        _DIR,
    ),
    Requirement(
        "Exchange.ManageAsApp",
        "exchange",
        ("Outlook add-ins",),
        "centrally deployed Outlook add-ins are not listed",
        delegated_name="Exchange.Manage",
    ),
)


@dataclass(frozen=True)
class PermissionReport:
    required: tuple[Requirement, ...]
    granted: frozenset[str]  # the permission names of ``required`` that are satisfied
    missing: tuple[Requirement, ...]
    held: dict[Resource, frozenset[str]]  # what the tokens actually carry, per resource
    delegated: bool = False


def evaluate(held: dict[Resource, frozenset[str]], *, delegated: bool) -> PermissionReport:
    granted = frozenset(
        r.permission for r in REQUIREMENTS if r.names(delegated) & held.get(r.resource, frozenset())
    )
    missing = tuple(r for r in REQUIREMENTS if r.permission not in granted)
    return PermissionReport(REQUIREMENTS, granted, missing, held, delegated)


def permission_report(source: TokenSource, *, delegated: bool) -> PermissionReport:
    """Ask the token source what it holds for Graph and Exchange, and compare with the table.

    A Graph sign-in failure propagates (nothing can be scanned). An Exchange token that cannot be
    obtained only means the Exchange permission is missing, which the report then says.
    """
    held: dict[Resource, frozenset[str]] = {"graph": source.granted_permissions("graph")}
    try:
        held["exchange"] = source.granted_permissions("exchange")
    except AuthError:
        held["exchange"] = frozenset()
    return evaluate(held, delegated=delegated)
