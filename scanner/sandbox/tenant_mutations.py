"""The sandbox tenant's mutation API for tests and the benchmark's churn: every change bumps
``version`` and is logged in the collection's change log, so delta queries report it.

A mixin of ``Tenant`` (``m365inv.sandbox.tenant``), kept apart so that each module stays small;
it relies only on the attributes declared below.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

from m365inv.sandbox.tenant_apps import GRAPH_SP, third_party_sp
from m365inv.sandbox.tenant_extras import sync_job, sync_schema
from m365inv.sandbox.tenant_ids import assignment_id, grant_id, mix, object_id
from m365inv.sandbox.tenant_people import group_record, user_record
from m365inv.sandbox.tenant_store import Objects, Record


class TenantMutations:
    seed: int
    domain: str
    lock: threading.RLock
    version: int
    min_delta_version: int
    users: Objects
    groups: Objects
    service_principals: Objects
    assignments: Objects
    sync_jobs: dict[str, list[Record]]
    sync_schemas: dict[str, Record]

    @property
    def grants(self) -> Objects:
        raise NotImplementedError

    def sp_id(self, k: int) -> str:
        raise NotImplementedError

    def _bump(self) -> int:
        with self.lock:
            self.version += 1
            return self.version

    def add_user(
        self,
        display_name: str,
        *,
        user_type: str = "Member",
        account_enabled: bool = True,
        mail: str | None = None,
        **props: Any,
    ) -> Record:
        """Adds a user; returns its record (``id``, ``userPrincipalName`` …)."""
        n = len(self.users) - self.users.base
        local = f"added.{n}"
        upn = (
            f"{local}@{self.domain}"
            if user_type == "Member"
            else f"{local}_extern.example#EXT#@{self.domain}"
        )
        user = {
            **user_record(self.seed, self.domain, 1),
            "id": object_id(self.seed, "added", n),
            "displayName": display_name,
            "userPrincipalName": upn,
            "mail": mail,
            "userType": user_type,
            "accountEnabled": account_enabled,
            "mailNickname": local,
            **props,
        }
        self.users.add(user, self._bump())
        return user

    def update_user(self, user_id: str, **props: Any) -> Record:
        i = self._require(self.users, user_id)
        user = {**(self.users.get(i) or {}), **props}
        self.users.replace(i, user, self._bump())
        return user

    def remove_user(self, user_id: str) -> None:
        """Deletes a user; ``/users/delta`` then reports ``@removed: {reason: changed}``."""
        self.users.remove(self._require(self.users, user_id), self._bump())

    def add_group(self, display_name: str, **props: Any) -> Record:
        """Adds a group (no members); ``/groups/delta`` then reports it."""
        n = len(self.groups) - self.groups.base
        group = {
            **group_record(self.seed, self.domain, 1),
            "id": object_id(self.seed, "added-group", n),
            "displayName": display_name,
            "mailNickname": f"added-group-{n}",
            **props,
        }
        self.groups.add(group, self._bump())
        return group

    def update_group(self, group_id: str, **props: Any) -> Record:
        i = self._require(self.groups, group_id)
        group = {**(self.groups.get(i) or {}), **props}
        self.groups.replace(i, group, self._bump())
        return group

    def remove_group(self, group_id: str) -> None:
        self.groups.remove(self._require(self.groups, group_id), self._bump())

    def add_service_principal(
        self,
        display_name: str,
        *,
        app_id: str | None = None,
        app_owner_organization_id: str | None = None,
        **props: Any,
    ) -> Record:
        n = len(self.service_principals)
        sp = third_party_sp(self.seed, n, 10**7 + n)
        sp.update(
            displayName=display_name,
            appDisplayName=display_name,
            appId=app_id or str(uuid.UUID(int=mix(self.seed, "new-app", n) << 64 | n)),
            id=object_id(self.seed, "new-sp", n),
            appOwnerOrganizationId=app_owner_organization_id or object_id(0, "tp-org", n),
            **props,
        )
        self.service_principals.add(sp, self._bump())
        return sp

    def remove_service_principal(self, sp_id: str) -> None:
        self.service_principals.remove(self._require(self.service_principals, sp_id), self._bump())

    def add_delegated_grant(
        self,
        client_id: str,
        scope: str,
        *,
        resource_id: str | None = None,
        principal_id: str | None = None,
    ) -> Record:
        """``client_id``/``resource_id`` are service principal object ids (resource: Graph)."""
        rid = resource_id or self.sp_id(GRAPH_SP)
        grant = {
            "clientId": client_id,
            "consentType": "Principal" if principal_id else "AllPrincipals",
            "id": grant_id(client_id, rid, principal_id),
            "principalId": principal_id,
            "resourceId": rid,
            "scope": scope,
        }
        self.grants.add(grant, self._bump())
        return grant

    def remove_delegated_grant(self, grant_id_: str) -> None:
        for i, g in self.grants.iter_live():
            if g["id"] == grant_id_:
                self.grants.remove(i, self._bump())
                return
        raise KeyError(grant_id_)

    def add_app_role_assignment(
        self, principal_id: str, app_role_id: str, *, resource_id: str | None = None
    ) -> Record:
        p = self.service_principals.by_id(principal_id) or {}
        rid = resource_id or self.sp_id(GRAPH_SP)
        r = self.service_principals.by_id(rid) or {}
        row = {
            "id": assignment_id(principal_id, 10**9 + len(self.assignments)),
            "deletedDateTime": None,
            "appRoleId": app_role_id,
            "createdDateTime": "2025-01-15T10:00:00Z",
            "principalDisplayName": p.get("displayName"),
            "principalId": principal_id,
            "principalType": "ServicePrincipal",
            "resourceDisplayName": r.get("displayName"),
            "resourceId": rid,
        }
        self.assignments.add(row, self._bump())
        return row

    def remove_app_role_assignment(self, assignment_id_: str) -> None:
        for i, a in self.assignments.iter_live():
            if a["id"] == assignment_id_:
                self.assignments.remove(i, self._bump())
                return
        raise KeyError(assignment_id_)

    def set_provisioning_mapping(self, sp_id: str, mappings: list[tuple[str, str]]) -> Record:
        """Gives ``sp_id`` one provisioning job whose schema maps source → target attributes."""
        job = sync_job(self.seed, sp_id)
        self.sync_jobs[sp_id] = [job]
        self.sync_schemas[job["id"]] = sync_schema(self.seed, self.domain, mappings)
        self._bump()
        return job

    def expire_delta_tokens(self) -> None:
        """Makes every delta token issued so far too old (Graph: 410 Gone, full resync)."""
        self.min_delta_version = self._bump()

    @staticmethod
    def _require(objects: Objects, oid: str) -> int:
        i = objects.index(oid)
        if i is None:
            raise KeyError(oid)
        return i
