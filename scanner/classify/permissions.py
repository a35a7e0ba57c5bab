"""Each permission an app holds, classified once: the one place ``classify_permission`` is
called for a tenant's permissions.

``resolve`` builds every ``Permission`` through :func:`classified_permission`, so the record's
``resolved`` / ``classified`` flags are set when it is made (never patched later) and its meaning
travels with it. Flows (``classify/flows.py``) and findings (``findings/rules.py``) consume the
:class:`ClassifiedPermission` records; they never classify a value again
(``tests/scanner/test_layers.py`` checks that findings do not import the classifier).
"""

from __future__ import annotations

import msgspec

from m365inv.classify.rules import PermissionClass, classify_permission
from m365inv.models import ConsentType, Permission, PermissionKind


class ClassifiedPermission(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """One permission of one app and what it opens.

    ``permission`` is the inventory record, complete; ``meaning`` is ``None`` when the id did
    not resolve to a value (nothing to classify) and ``meaning.classified`` is ``False`` when the
    map has no entry. ``evidence`` is how flows and findings cite it:
    ``"<resource>: <value> (application | delegated/<consent>)"``.
    """

    permission: Permission
    meaning: PermissionClass | None
    evidence: str

    @property
    def known(self) -> PermissionClass | None:
        """The meaning when the permission resolved and the map covers it, else ``None``."""
        m = self.meaning
        return m if m is not None and m.classified else None


def _evidence(p: Permission) -> str:
    kind = "application" if p.kind == "application" else f"delegated/{p.consent_type or '?'}"
    return f"{p.resource_name or p.resource_app_id}: {p.value} ({kind})"


def classified_permission(
    *,
    resource_app_id: str,
    resource_name: str | None,
    id: str,
    value: str | None,
    kind: PermissionKind,
    consent_type: ConsentType | None = None,
    principal_count: int | None = None,
    granted_at: str | None = None,
    resolved: bool = True,
) -> ClassifiedPermission:
    """The ``Permission`` record with its flags set, and its meaning from the shipped map
    (``resource_app_id`` picks a non-Graph resource's own map). A permission without a value is
    never resolved, whatever the caller says."""
    meaning = classify_permission(value, kind, resource_app_id)
    permission = Permission(
        resource_app_id=resource_app_id,
        resource_name=resource_name,
        id=id,
        value=value,
        kind=kind,
        consent_type=consent_type,
        principal_count=principal_count,
        granted_at=granted_at,
        resolved=resolved and value is not None,
        classified=meaning is not None and meaning.classified,
    )
    return ClassifiedPermission(
        permission=permission, meaning=meaning, evidence=_evidence(permission)
    )


__all__ = ["ClassifiedPermission", "classified_permission"]
