"""Permission value → personal-data classification, from the shipped, reviewed map.

The map is YAML in ``config/permissions/``: ``families.yaml`` (rule per resource prefix) and
``overrides.yaml`` (values pinned by hand) for Microsoft Graph and Exchange Online, whose values
mean the same; ``resources.yaml`` for other resources (SharePoint, Office 365 Management APIs,
Dynamics, Azure Service Management, Power BI), each with its own families and overrides — a value
there never borrows Graph's meaning (``user_impersonation`` differs per resource). Access and
reach are derived from the value's own segments (``Mail.ReadWrite.Shared`` → write,
users-with-access); see families.yaml's header for the rules. A value that no family or
override covers classifies as ``classified=False`` — reported by the analysis as
UNCLASSIFIED_PERMISSION, never dropped and never guessed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import msgspec
import yaml

from m365inv.classify.taxonomy import load_taxonomy
from m365inv.errors import ConfigError
from m365inv.models import Access, PermissionKind

Reach = Literal["signed-in-user", "users-with-access", "directory", "tenant", "narrowed"]
Signal = Literal[
    "content", "monitoring", "group-names", "credentials",
    # high-risk capabilities (issue 12): send as anyone, write to everyone's mail/contacts/
    # calendars, route mail outward, or take over identities / grant itself more access
    "send-as", "tenant-write", "forwarding", "takeover",
]  # fmt: skip

REACH_ORDER: dict[str, int] = {
    "signed-in-user": 0,
    "narrowed": 1,
    "users-with-access": 2,
    "directory": 3,
    "tenant": 4,
}

# Operation segment → access. Anything not listed makes the value unclassified (and the coverage
# test fails), so a new Graph verb is reviewed rather than defaulted.
_ACCESS_BY_OP: tuple[tuple[str, Access], ...] = (
    ("ReadWrite", "write"),
    ("ReadApprove", "write"),
    ("Read", "read"),
    ("Export", "read"),
    ("Send", "send"),
    ("FullControl", "full"),
    ("AccessAsUser", "full"),
    ("AccessAsApp", "full"),
    ("AccessMedia", "full"),
    ("ImportExport", "full"),
    ("PrivilegedOperations", "full"),
    ("JoinGroupCall", "full"),
    ("Selected", "full"),
    ("SelectedOperations", "full"),
    ("ManageAsApp", "full"),
    ("Process", "read"),  # Content.Process.*: the app submits content and reads the verdict
    ("Compute", "read"),
    ("Evaluate", "read"),
)
_WRITE_OPS = (
    "Write", "Create", "Manage", "Edit", "Delete", "Update", "Remove", "Upload", "Ingest",
    "Migrate", "Invite", "EnableDisableAccount", "RevokeSessions", "Submit", "Sign", "Command",
    "Initiate", "Receive", "Migration", "Activate", "Start", "Archive", "AddRemoveCreds",
    "DeleteRestore", "EnableDisable", "ReportSyntheticMedia", "Deploy",
)  # fmt: skip
_NARROWING = ("Selected", "AppFolder", "OwnedBy", "CreatedByApp", "WhereInstalled", "Self")


class PermissionClass(msgspec.Struct, frozen=True, kw_only=True):
    """What one permission value opens. ``categories == ()`` and ``personal=False``: no personal
    data; ``classified=False``: the map has no entry (unknown, reported)."""

    value: str
    kind: PermissionKind
    classified: bool
    personal: bool = False
    categories: tuple[str, ...] = ()
    access: Access | None = None
    subjects: tuple[str, ...] = ()
    reach: Reach | None = None
    signals: tuple[str, ...] = ()
    note: str | None = None
    rule: str = ""  # "override:<value>" | "family:<prefix>" — why, for reviewers and tests


class _Entry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    personal: bool = True
    categories: tuple[str, ...] | None = None
    subjects: tuple[str, ...] | None = None
    access: Access | None = None
    reach: Reach | None = None
    signals: tuple[Signal, ...] | None = None
    directory: bool = False
    note: str | None = None
    reason: str | None = None


class ResourceMap(msgspec.Struct, frozen=True, kw_only=True):
    """The map of one non-Graph resource (``resources.yaml``)."""

    app_id: str
    name: str
    families: dict[str, _Entry]
    overrides: dict[str, _Entry]
    known: dict[str, tuple[str, ...]]  # kind → the values the resource publishes


class PermissionMap(msgspec.Struct, frozen=True, kw_only=True):
    families: dict[str, _Entry]
    overrides: dict[str, _Entry]
    resources: dict[str, ResourceMap] = msgspec.field(default_factory=dict)

    def classify(
        self, value: str, kind: PermissionKind, resource_app_id: str | None = None
    ) -> PermissionClass:
        res = self.resources.get((resource_app_id or "").lower())
        if res is not None:
            return _classify(res.families, res.overrides, value, kind)
        return _classify(self.families, self.overrides, value, kind)


def _read(name: str) -> Any:
    text = (resources.files("m365inv.config") / "permissions" / name).read_text("utf-8")
    # shipped, trusted config: libyaml's safe loader when present (a tenth of analysis time
    # went to the pure-Python parser); the same safe constructors either way
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def _entries(raw: dict[str, Any], where: str) -> dict[str, _Entry]:
    tax = load_taxonomy()
    out: dict[str, _Entry] = {}
    for key, body in raw.items():
        try:
            entry = msgspec.convert(body, _Entry)
        except msgspec.ValidationError as err:
            raise ConfigError(f"{where}: {key}: {err}") from None
        for cat in entry.categories or ():
            if not tax.is_known(cat):
                raise ConfigError(f"{where}: {key}: unknown data category {cat!r}")
        for subj in entry.subjects or ():
            if subj not in tax.subject_kinds:
                raise ConfigError(f"{where}: {key}: unknown subject kind {subj!r}")
        if (
            entry.personal
            and entry.categories is None
            and where.endswith(("families.yaml", " families"))
        ):
            raise ConfigError(f"{where}: {key}: personal family without categories")
        out[key] = entry
    return out


def _resources(raw: dict[str, Any]) -> dict[str, ResourceMap]:
    out: dict[str, ResourceMap] = {}
    for app_id, body in raw.items():
        where = f"resources.yaml: {app_id}"
        out[app_id.lower()] = ResourceMap(
            app_id=app_id.lower(),
            name=str(body["name"]),
            families=_entries(body.get("families") or {}, where + " families"),
            overrides=_entries(body.get("overrides") or {}, where + " overrides"),
            known={k: tuple(v) for k, v in (body.get("known") or {}).items()},
        )
    return out


@cache
def load_permission_map() -> PermissionMap:
    """Load and validate the shipped map once per process."""
    return PermissionMap(
        families=_entries(_read("families.yaml")["families"], "families.yaml"),
        overrides=_entries(_read("overrides.yaml")["overrides"], "overrides.yaml"),
        resources=_resources(_read("resources.yaml")["resources"]),
    )


def _access(segments: list[str]) -> Access | None:
    op = segments[1] if len(segments) > 1 else ""
    for prefix, access in _ACCESS_BY_OP:
        if op.startswith(prefix):
            return access
    if op.startswith(_WRITE_OPS):
        return "write"
    return None


def _reach(value: str, kind: PermissionKind, family: _Entry | None) -> Reach:
    segments = value.split(".")
    if any(mark in seg for seg in segments[1:] for mark in _NARROWING):
        return "narrowed"
    if kind == "application":
        return "tenant"
    if "Shared" in segments[2:]:
        return "users-with-access"
    directory = family is not None and family.directory
    if "All" in segments[2:]:
        return "directory" if directory else "users-with-access"
    if directory and segments[2:]:
        # A directory-wide qualifier other than "All" (RoleManagement.Read.Directory,
        # PrivilegedAccess.Read.AzureAD, AccessReview.ReadWrite.Membership): the data is the
        # tenant's role/access configuration, not the signed-in user's own.
        return "directory"
    return "signed-in-user"


def _classify(
    families: dict[str, _Entry], overrides: dict[str, _Entry], value: str, kind: PermissionKind
) -> PermissionClass:
    # A "<value>#<kind>" key pins one kind only (delegated BitlockerKey.Read.All reads the
    # user's own devices' keys; the application permission reads every device's).
    override = overrides.get(f"{value}#{kind}") or overrides.get(value)
    prefix = value.split(".", 1)[0]
    family = families.get(prefix)
    base = family if family is not None else override
    if base is None:
        return PermissionClass(value=value, kind=kind, classified=False)
    access = (override.access if override else None) or _access(value.split("."))
    if access is None:
        return PermissionClass(value=value, kind=kind, classified=False, rule="unknown-operation")
    reach = (override.reach if override else None) or _reach(value, kind, family)

    def pick(field: str) -> Any:
        if override is not None and getattr(override, field) is not None:
            return getattr(override, field)
        return getattr(family, field) if family is not None else None

    personal = override.personal if override is not None else base.personal
    return PermissionClass(
        value=value,
        kind=kind,
        classified=True,
        personal=personal,
        categories=tuple(pick("categories") or ()) if personal else (),
        access=access,
        subjects=tuple(pick("subjects") or ()) if personal else (),
        reach=reach,
        # Signals stay on non-personal values too: Application.ReadWrite.All opens no category
        # itself, but it is a path to take over identities (issue 12).
        signals=tuple(pick("signals") or ()),
        note=pick("note") or pick("reason"),
        rule=f"override:{value}" if override is not None else f"family:{prefix}",
    )


def classify_permission(
    value: str | None, kind: PermissionKind, resource_app_id: str | None = None
) -> PermissionClass | None:
    """Classify one value with the shipped map; ``None`` for an unresolved permission.
    ``resource_app_id`` selects a non-Graph resource's own map (``resources.yaml``)."""
    if value is None:
        return None
    return load_permission_map().classify(value, kind, resource_app_id)
