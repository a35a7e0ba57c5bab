"""``collect_tenant``: every collection of one tenant, concurrently, into one ``TenantData``.

Independent listings start together; per-object reads start as soon as the listing they depend
on is done (members after groups, assignments and provisioning after service principals,
principals after grants and users). All share one client — one concurrency limit and one
resource-unit budget per tenant.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

from m365inv.auth.interface import TokenSource
from m365inv.collect import delta as deltas
from m365inv.collect.activity import SOURCE, read_sign_in_activity
from m365inv.collect.addins import (
    NO_SOURCE,
    REQUIREMENT,
    can_use_exchange,
    parse_addins_file,
    read_exchange_addins,
)
from m365inv.collect.base import CollectOptions, Ctx, NullProgress, Progress, Section
from m365inv.collect.directory import read_applications, read_org, size_budget
from m365inv.collect.relations import (
    provisioning_without_roles,
    read_assignments,
    read_members,
    read_principals,
    resources_with_roles,
)
from m365inv.collect.sync import read_sync_jobs
from m365inv.collect.teams import read_teams_apps
from m365inv.errors import ScannerError
from m365inv.graph.client import GraphClient
from m365inv.models import (
    AddIn,
    AppRoleAssignment,
    Coverage,
    Org,
    ServicePrincipal,
    SyncJob,
    TenantData,
)

T = TypeVar("T")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _Run:
    """The sections of one scan as they complete, in a stable coverage order."""

    ORDER = (
        "organization",
        "users",
        "groups",
        "groupMembers",
        "servicePrincipals",
        "applications",
        "oauth2PermissionGrants",
        "appRoleAssignedTo",
        "principals",
        "synchronizationJobs",
        "teamsApps",
        "addIns",
        "servicePrincipalSignInActivities",
    )

    def __init__(self, ctx: Ctx, previous: TenantData | None) -> None:
        self.ctx = ctx
        self.previous = previous
        self.sections: dict[str, Section[Any]] = {}
        loop = asyncio.get_running_loop()
        self.assignments: asyncio.Future[list[AppRoleAssignment]] = loop.create_future()
        self.assignments_section: asyncio.Future[Section[AppRoleAssignment]] = loop.create_future()

    async def run(self, coro: Awaitable[Section[T]]) -> Section[T]:
        section = await coro
        self.sections[section.source] = section
        self.ctx.progress.finish(section.coverage())
        return section

    async def org_chain(self) -> None:
        org = await self.run(read_org(self.ctx))
        await self.run(self._addins(org.items[0] if org.items else None))

    async def _addins(self, org: Org | None) -> Section[AddIn]:
        options = self.ctx.options
        if options.addins_file:
            section: Section[AddIn] = Section("addIns")
            section.items = parse_addins_file(Path(options.addins_file))
            return section
        if options.exchange_addins and org is not None and can_use_exchange(self.ctx):
            return await read_exchange_addins(self.ctx, org.id)
        section = Section("addIns", complete=False)
        section.error = NO_SOURCE
        section.permission = REQUIREMENT
        return section

    async def group_chain(self) -> None:
        groups = await self.run(deltas.read(self.ctx, "groups", self.previous))
        assignments = await self.assignments
        mode = self.ctx.options.group_members
        need = deltas.groups_needing_members(groups.items, assignments, mode)
        read, members = await read_members(self.ctx, need)
        groups.items = deltas.merge_groups(groups.items, read)
        members.require(groups, await self.assignments_section)
        self.sections["groupMembers"] = members
        self.ctx.progress.finish(members.coverage())

    async def sp_chain(self) -> None:
        sps: Section[ServicePrincipal] = await self.run(
            deltas.read(self.ctx, "servicePrincipals", self.previous)
        )
        # Who an app with "sync assigned users" provisions: the users and groups assigned to
        # it (default access, appRoleId 0…0) — such apps usually offer no app roles. Apps that
        # provisioned last time are read with the resources; new ones once their jobs are known.
        before = self.previous.sync_jobs if self.previous else ()
        first = resources_with_roles(sps.items) + provisioning_without_roles(sps.items, before)
        async with asyncio.TaskGroup() as tg:
            jobs_t = tg.create_task(self.run(self._sync_jobs(sps)))
            assigned = await read_assignments(self.ctx, first)
            jobs = await jobs_t
            done = {sp.id for sp in first}
            new = provisioning_without_roles(sps.items, jobs.items)
            more = await read_assignments(self.ctx, [sp for sp in new if sp.id not in done])
        assigned.merge(more)
        # Resources come from the service principals. (Who a provisioning app reaches also needs
        # the jobs; a jobs gap is reported on synchronizationJobs, not here.)
        assigned.require(sps)
        await self.run(_done(assigned))
        self.assignments.set_result(assigned.items)
        self.assignments_section.set_result(assigned)

    async def _sync_jobs(self, sps: Section[ServicePrincipal]) -> Section[SyncJob]:
        """Provisioning jobs; on a delta run only for apps that changed or already provision.

        A job is configured on the app's service principal, so a new provisioning app shows up
        as a changed service principal; existing jobs are re-read every time (schema edits).
        """
        prev = self.previous
        prev_cov = {c.source: c for c in prev.coverage} if prev else {}
        prev_sync = prev_cov.get("synchronizationJobs")
        if sps.changed_ids is None or prev is None or prev_sync is None or not prev_sync.complete:
            section = await read_sync_jobs(self.ctx, sps.items)
            section.require(sps)
            return section
        provisioning = {j.service_principal_id for j in prev.sync_jobs}
        wanted = sps.changed_ids | provisioning
        section = await read_sync_jobs(self.ctx, [sp for sp in sps.items if sp.id in wanted])
        alive = {sp.id for sp in sps.items}
        section.items += [
            j
            for j in prev.sync_jobs
            if j.service_principal_id not in wanted and j.service_principal_id in alive
        ]
        section.require(sps)
        return section

    async def people_chain(self) -> None:
        async with asyncio.TaskGroup() as tg:
            if self.previous is None or not self.previous.users:
                tg.create_task(size_budget(self.ctx))
            else:  # the last snapshot's size picks the budget tier; no /users/$count needed
                self.ctx.client.set_tenant_size(len(self.previous.users))
            users_t = tg.create_task(self.run(deltas.read(self.ctx, "users", self.previous)))
            grants_t = tg.create_task(
                self.run(deltas.read(self.ctx, "oauth2PermissionGrants", self.previous))
            )
        known = {u.id for u in users_t.result().items}
        wanted = sorted(
            {
                g.principal_id
                for g in grants_t.result().items
                if g.principal_id and g.principal_id not in known
            }
        )
        principals = await read_principals(self.ctx, wanted)
        principals.require(users_t.result(), grants_t.result())
        await self.run(_done(principals))

    def tenant_data(self) -> TenantData:
        s = self.sections
        guard = self.ctx.client.guard
        links = {  # a link off the endpoint is never stored: it would be refused next time
            name: sec.delta_link
            for name, sec in s.items()
            if sec.delta_link
            and sec.complete
            and self.ctx.options.delta
            and guard.allows(sec.delta_link, "graph")
        }
        if links:
            links["issuedAt"] = _now()
        org = s["organization"].items
        return TenantData(
            org=org[0] if org else None,
            scanned_at=_now(),
            users=tuple(s["users"].items),
            groups=tuple(s["groups"].items),
            service_principals=tuple(s["servicePrincipals"].items),
            applications=tuple(s["applications"].items),
            delegated_grants=tuple(s["oauth2PermissionGrants"].items),
            app_role_assignments=tuple(s["appRoleAssignedTo"].items),
            principals=tuple(s["principals"].items),
            sync_jobs=tuple(s["synchronizationJobs"].items),
            teams_apps=tuple(s["teamsApps"].items),
            add_ins=tuple(s["addIns"].items),
            sign_ins=tuple(s[SOURCE].items) if SOURCE in s else (),
            coverage=self.coverage(),
            delta_links=links,
        )

    def coverage(self) -> tuple[Coverage, ...]:
        return tuple(self.sections[n].coverage() for n in self.ORDER if n in self.sections)


async def collect_tenant(
    source: TokenSource,
    *,
    previous: TenantData | None = None,
    options: CollectOptions = CollectOptions(),  # noqa: B008 — frozen, shared safely
    progress: Progress | None = None,
) -> TenantData:
    """Read the whole tenant; with ``previous`` (and usable delta links) only the changes.

    Never raises for one failed section: it becomes an incomplete ``Coverage`` entry. Sign-in
    failures (``AuthError``) and bad input files (``ConfigError``) still raise.
    """
    progress = progress or NullProgress()
    async with GraphClient(
        source, concurrency=options.concurrency, low_priority=options.low_priority
    ) as client:
        if hasattr(progress, "stats"):
            progress.stats = client.stats
        run = _Run(Ctx(client, options, progress), previous)
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(run.org_chain())
                tg.create_task(run.people_chain())
                tg.create_task(run.group_chain())
                tg.create_task(run.sp_chain())
                tg.create_task(run.run(read_applications(run.ctx)))
                tg.create_task(run.run(read_teams_apps(run.ctx)))
                if options.sign_in_activity:
                    tg.create_task(run.run(read_sign_in_activity(run.ctx)))
        except* ScannerError as group:  # sign-in failed, unreadable --addins-from, …
            raise _first(group) from None
        return run.tenant_data()


async def _done(section: Section[T]) -> Section[T]:
    return section


def _first(group: BaseExceptionGroup[ScannerError]) -> ScannerError:
    exc: BaseException = group
    while isinstance(exc, BaseExceptionGroup):
        exc = exc.exceptions[0]
    assert isinstance(exc, ScannerError)
    return exc


__all__ = ["collect_tenant"]
