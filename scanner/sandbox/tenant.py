"""The simulated tenant: ``generate_tenant(config)`` → ``Tenant``, deterministic from (seed, users).

Nothing proportional to the user count is materialised at construction: users and groups are
pure functions of their index (``tenant_people``), service principals likewise
(``tenant_apps``); only app-role assignments (a few per third-party app) are kept as compact
tuples, and the ~50k-per-100k-users per-user delegated grants as two ``array``s built on first use.

Mutation API for tests (in ``tenant_mutations``; each bumps ``version`` so delta queries see it):
``add_user``, ``update_user``, ``remove_user``, ``add_group``, ``update_group``,
``remove_group``, ``add_service_principal``,
``remove_service_principal``, ``add_delegated_grant``, ``remove_delegated_grant``,
``add_app_role_assignment``, ``remove_app_role_assignment``, ``set_provisioning_mapping``,
``expire_delta_tokens``.
"""

from __future__ import annotations

import threading
from array import array

from m365inv.sandbox.context import SandboxConfig
from m365inv.sandbox.tenant_apps import (
    CONTACTSYNC,
    EMILIE,
    EXCHANGE_SP,
    GRAPH_SP,
    MAILISSA,
    MAILPRO,
    MICROSOFT_CLIENTS,
    SCANNER_ROLES,
    SHAREPOINT_SP,
    VENDORS,
    first_party_sp,
    inhouse_api_sp,
    microsoft_client_sp,
    permission_data,
    resource_sp,
    role_ids,
    scanner_sp,
    third_party_roles,
    third_party_scope,
    third_party_sp,
    vendor_sp,
)
from m365inv.sandbox.tenant_connectors import gallery_job, gallery_schema
from m365inv.sandbox.tenant_extras import (
    applications,
    exchange_add_ins,
    sync_job,
    sync_schema,
    teams_apps,
)
from m365inv.sandbox.tenant_ids import assignment_id, grant_id, index_of, mix, object_id, timestamp
from m365inv.sandbox.tenant_mutations import TenantMutations
from m365inv.sandbox.tenant_people import (
    ART9_GROUPS,
    group_member_indices,
    group_record,
    user_flags,
    user_record,
)
from m365inv.sandbox.tenant_store import Objects, Record

__all__ = ["Tenant", "generate_tenant"]

_PER_USER_APPS = 3  # third-party apps with per-user consent, besides Mailissa
DEFAULT_ACCESS = "00000000-0000-0000-0000-000000000000"  # appRoleId of "default access"


def generate_tenant(config: SandboxConfig) -> Tenant:
    return Tenant(seed=config.seed, users=config.users)


class Tenant(TenantMutations):
    """Satisfies ``context.Directory``; the Graph simulator reads the collections below."""

    def __init__(self, *, seed: int, users: int) -> None:
        if not 1 <= users <= 10_000_000:
            raise ValueError(f"users must be between 1 and 10,000,000, not {users}")
        self.seed, self.user_count = seed, users
        self.lock = threading.RLock()
        self.version = 1
        self.min_delta_version = 0
        self._tenant_id = object_id(seed, "tenant", 0)
        self.domain = "m365inv-sandbox.onmicrosoft.com"
        self.origin = ""  # https://host:port once served: privacy statements on it
        self.scanner_app_id = object_id(seed, "scanner-app", 0)
        self.users = Objects(
            users,
            lambda i: user_record(seed, self.domain, i),
            lambda oid: index_of(seed, "user", oid),
            self.lock,
        )
        self.groups = Objects(
            max(3, users // 10),
            lambda i: group_record(seed, self.domain, i),
            lambda oid: index_of(seed, "group", oid),
            self.lock,
        )
        self._fixed_sps = self._build_fixed_sps()
        self.third_party_count = max(8, round(users * 0.03))
        self.service_principals = Objects(
            len(self._fixed_sps) + self.third_party_count,
            self._make_sp,
            lambda oid: index_of(seed, "sp", oid),
            self.lock,
        )
        self._assign_rows = self._build_assignments()
        self.assignments = Objects(
            len(self._assign_rows), self._make_assignment, lambda oid: None, self.lock
        )
        self._grants: Objects | None = None
        self._tenant_grants = self._build_tenant_grants()
        self.applications = applications(seed, self.scanner_app_id, self.domain)
        mailpro = self.sp_id(self.vendor_index(MAILPRO))
        gallery = self.sp_id(self.gallery_app())
        self.sync_jobs: dict[str, list[Record]] = {
            mailpro: [sync_job(seed, mailpro)],
            gallery: [gallery_job(seed, gallery)],
        }
        self.sync_schemas: dict[str, Record] = {
            self.sync_jobs[mailpro][0]["id"]: sync_schema(seed, self.domain),
            self.sync_jobs[gallery][0]["id"]: gallery_schema(seed),
        }
        self.teams_apps = teams_apps(
            seed, self.service_principals.get(self.vendor_index(EMILIE)) or {}
        )
        self.add_ins = exchange_add_ins(seed, self.domain)

    # ------------------------------------------------------------------ Directory protocol
    @property
    def tenant_id(self) -> str:
        return self._tenant_id

    @property
    def display_name(self) -> str:
        return "Sandbox GmbH"

    def user_id_for(self, user_principal_name: str) -> str | None:
        upn = user_principal_name.lower()
        local = upn.split("@", 1)[0].split("_", 1)[0]
        tail = local.rsplit(".", 1)[-1]
        candidates = [0] if local == "admin" else ([int(tail)] if tail.isdigit() else [])
        for i in candidates:
            user = self.users.get(i)
            if user and user["userPrincipalName"].lower() == upn:
                return str(user["id"])
        for _, user in self.users.iter_live(self.users.base):
            if user["userPrincipalName"].lower() == upn:
                return str(user["id"])
        return None

    def default_admin(self) -> tuple[str, str]:
        admin = self.users.get(0) or {}
        return str(admin.get("id")), str(admin.get("userPrincipalName"))

    # ------------------------------------------------------------------ service principals
    def _build_fixed_sps(self) -> list[Record]:
        s = self.seed
        sps = [resource_sp(s, k) for k in range(4)]
        sps += [
            first_party_sp(s, len(sps) + n, app)
            for n, app in enumerate(permission_data()["firstPartyApps"])
        ]
        self._vendor_base = len(sps)
        sps += [vendor_sp(s, len(sps) + n, v, n) for n, v in enumerate(VENDORS)]
        self.scanner_sp_index = len(sps)
        sps.append(scanner_sp(s, len(sps), self.scanner_app_id, self._tenant_id))
        self.inhouse_api_index = len(sps)
        sps.append(inhouse_api_sp(s, len(sps), self._tenant_id))
        self.microsoft_client_base = len(sps)
        sps += [microsoft_client_sp(s, len(sps) + n, n) for n in range(len(MICROSOFT_CLIENTS))]
        return sps

    def _make_sp(self, k: int) -> Record:
        if k < len(self._fixed_sps):
            return self._fixed_sps[k]
        return third_party_sp(self.seed, k, k - len(self._fixed_sps), self.origin)

    def vendor_index(self, n: int) -> int:
        return self._vendor_base + n

    def sp_id(self, k: int) -> str:
        return object_id(self.seed, "sp", k)

    def sp_by_app_id(self, app_id: str) -> Record | None:
        for _, sp in self.service_principals.iter_live():
            if sp["appId"] == app_id:
                return sp
        return None

    # ------------------------------------------------------------------ app-role assignments
    def _build_assignments(self) -> list[tuple[str, int, int, str, int]]:
        """(principal kind, principal index, resource sp index, appRoleId, salt) — compact.

        Application permissions (a service principal holding a role of Graph, Exchange, …),
        plus the users and one group assigned to Mail Professionals' provisioning app with the
        default-access role (what "sync only assigned users" provisions).
        """
        graph, exo = role_ids("graph"), role_ids("exchange")
        rows: list[tuple[str, int, int, str, int]] = []
        for n, v in enumerate(VENDORS):
            k = self.vendor_index(n)
            rows += [("sp", k, GRAPH_SP, graph[r], len(rows)) for r in v.graph_roles]
            rows += [("sp", k, EXCHANGE_SP, exo[r], len(rows)) for r in v.exchange_roles]
        rows += [
            ("sp", self.scanner_sp_index, GRAPH_SP, graph[r], len(rows)) for r in SCANNER_ROLES
        ]
        rows.append(
            ("sp", self.scanner_sp_index, EXCHANGE_SP, exo["Exchange.ManageAsApp"], len(rows))
        )
        base, sharepoint = len(self._fixed_sps), role_ids("sharepoint")
        for t in range(self.third_party_count):
            rows += [
                ("sp", base + t, GRAPH_SP, r, len(rows)) for r in third_party_roles(self.seed, t)
            ]
            if t % 97 == 5:
                rows.append(
                    ("sp", base + t, SHAREPOINT_SP, sharepoint["Sites.Read.All"], len(rows))
                )
        # ContactSync holds default access to the in-house HR API (it has no app roles).
        rows.append(
            (
                "sp",
                self.vendor_index(CONTACTSYNC),
                self.inhouse_api_index,
                DEFAULT_ACCESS,
                len(rows),
            )
        )
        mailpro = self.vendor_index(MAILPRO)
        rows += [("user", u, mailpro, DEFAULT_ACCESS, len(rows)) for u in self.mailpro_users()]
        rows.append(("group", self.mailpro_group(), mailpro, DEFAULT_ACCESS, len(rows)))
        gallery = self.gallery_app()
        rows += [("user", u, gallery, DEFAULT_ACCESS, len(rows)) for u in self.gallery_users()]
        return rows

    def gallery_app(self) -> int:
        """The third-party app provisioned through a gallery (Salesforce-style) connector."""
        return len(self._fixed_sps) + 1

    def gallery_users(self) -> range:
        return range(3, min(self.user_count, 3 + 6 * 11), 11)

    def mailpro_users(self) -> range:
        """Users assigned directly to Mail Professionals Signatures (a fixed sample)."""
        return range(1, min(self.user_count, 1 + 12 * 7), 7)

    def mailpro_group(self) -> int:
        """The group assigned to Mail Professionals Signatures (not an Art. 9 group)."""
        return min(self.groups.base - 1, len(ART9_GROUPS) + 1)

    def _principal(self, kind: str, k: int) -> tuple[Record, str]:
        if kind == "user":
            return user_record(self.seed, self.domain, k), "User"
        if kind == "group":
            return group_record(self.seed, self.domain, k), "Group"
        return self._make_sp(k), "ServicePrincipal"

    def _make_assignment(self, i: int) -> Record:
        kind, principal, resource, role, salt = self._assign_rows[i]
        (p, ptype), r = self._principal(kind, principal), self._make_sp(resource)
        return {
            "id": assignment_id(p["id"], salt),
            "deletedDateTime": None,
            "appRoleId": role,
            "createdDateTime": timestamp(mix(self.seed, "ara", salt)),
            "principalDisplayName": p["displayName"],
            "principalId": p["id"],
            "principalType": ptype,
            "resourceDisplayName": r["displayName"],
            "resourceId": r["id"],
        }

    def assignments_to(self, resource_id: str) -> list[int]:
        return [
            i
            for i, a in self.assignments.iter_live()
            if a["resourceId"] == resource_id and self._principal_alive(a)
        ]

    def _principal_alive(self, a: Record) -> bool:
        """Graph drops a deleted user's or group's assignments with it."""
        objects = {"User": self.users, "Group": self.groups}.get(a["principalType"])
        return objects is None or objects.index(a["principalId"]) is not None

    def assignments_of(self, principal_id: str) -> list[int]:
        return [i for i, a in self.assignments.iter_live() if a["principalId"] == principal_id]

    # ------------------------------------------------------------------ delegated grants
    def _build_tenant_grants(self) -> list[tuple[int, int, str, int | None]]:
        """(client sp, resource sp, scope, consenting user index or None for AllPrincipals)."""
        rows: list[tuple[int, int, str, int | None]] = [
            (self.vendor_index(EMILIE), GRAPH_SP, VENDORS[EMILIE].tenant_scope or "", None)
        ]
        for n, (*_, consented) in enumerate(MICROSOFT_CLIENTS):
            users = range(n, min(self.user_count, 15), 3)
            rows += [(self.microsoft_client_base + n, GRAPH_SP, consented, u) for u in users]
        base = len(self._fixed_sps)
        for t in range(self.third_party_count):
            scope = third_party_scope(self.seed, t)
            if scope:
                rows.append((base + t, GRAPH_SP, scope, None))
            if t % 61 == 17:
                rows.append((base + t, EXCHANGE_SP, "EWS.AccessAsUser.All", None))
        return rows

    @property
    def grants(self) -> Objects:
        """Built on first use: the per-user grants need one hash per user (~1 s per 1M users)."""
        with self.lock:
            if self._grants is None:
                users, apps = array("I"), array("B")
                for i in range(self.user_count):
                    guest, enabled = user_flags(self.seed, i)
                    h = mix(self.seed, "grants", i)
                    if not guest and enabled and h % 100 < 40:
                        users.append(i)
                        apps.append(0)
                    if (h >> 8) % 100 < 15 and self.third_party_count > _PER_USER_APPS:
                        users.append(i)
                        apps.append(1 + (h >> 16) % _PER_USER_APPS)
                self._pu_users, self._pu_apps = users, apps
                self._grants = Objects(
                    len(self._tenant_grants) + len(users),
                    self._make_grant,
                    lambda oid: None,
                    self.lock,
                )
            return self._grants

    def _make_grant(self, i: int) -> Record:
        n = len(self._tenant_grants)
        if i < n:
            client, resource, scope, user = self._tenant_grants[i]
            principal = None if user is None else object_id(self.seed, "user", user)
            consent = "AllPrincipals" if user is None else "Principal"
        else:
            app = self._pu_apps[i - n]
            client = self.vendor_index(MAILISSA) if app == 0 else len(self._fixed_sps) + app - 1
            scope = VENDORS[MAILISSA].per_user_scope or "" if app == 0 else "User.Read Files.Read"
            resource, consent = GRAPH_SP, "Principal"
            principal = object_id(self.seed, "user", self._pu_users[i - n])
        cid, rid = self.sp_id(client), self.sp_id(resource)
        return {
            "clientId": cid,
            "consentType": consent,
            "id": grant_id(cid, rid, principal),
            "principalId": principal,
            "resourceId": rid,
            "scope": scope,
        }

    # ------------------------------------------------------------------ groups
    def group_members(self, group_id: str) -> list[int] | range | None:
        """User raw indices of a group (None: no such group)."""
        g = self.groups.index(group_id)
        if g is None:
            return None
        if g >= self.groups.base:
            return []
        return group_member_indices(self.seed, self.user_count, g)
