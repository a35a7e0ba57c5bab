"""Provisioning (SCIM) jobs and their schemas: exactly which user attributes go to which app.

Jobs are read per candidate service principal through ``$batch``; the schema of each job then
gives the attribute mappings (``source`` in Entra → ``targetAttributeName`` in the SaaS app).
https://learn.microsoft.com/graph/api/resources/synchronization-overview
"""

from __future__ import annotations

import re

import msgspec

from m365inv.collect.base import Ctx, Section
from m365inv.collect.requests import get_info, urls_by_id
from m365inv.errors import GraphError
from m365inv.graph import sansio
from m365inv.graph.batch import MAX_BATCH, batch_get
from m365inv.graph.fanout import fan_out
from m365inv.models import AttributeMapping, ServicePrincipal, SyncJob
from m365inv.resolve.microsoft import is_microsoft_app

PERMISSION = "Synchronization.Read.All"


class _W(msgspec.Struct, rename="camel"):
    pass


class _Status(_W):
    code: str | None = None


class _Job(_W):
    id: str
    template_id: str | None = None
    status: _Status | None = None


class _Param(_W):
    key: str | None = None
    value: _Source | None = None


class _Source(_W):
    """``attributeMappingSource``: an attribute, a constant, or a function of nested sources."""

    expression: str | None = None
    name: str | None = None
    type: str | None = None  # "Attribute" | "Constant" | "Function"
    parameters: list[_Param] | None = None


class _Mapping(_W):
    source: _Source | None = None
    target_attribute_name: str | None = None
    flow_type: str | None = None


class _ObjectMapping(_W):
    enabled: bool | None = None
    source_object_name: str | None = None
    target_object_name: str | None = None
    attribute_mappings: list[_Mapping] | None = None
    scope: msgspec.Raw | None = None


class _Rule(_W):
    object_mappings: list[_ObjectMapping] | None = None


class _Schema(_W):
    synchronization_rules: list[_Rule] | None = None


# ``[attribute]`` in an expression, e.g. ``Join(" ", [givenName], [surname])``; quoted string
# constants are removed first so that ``"[x]"`` inside a literal is not taken for an attribute.
_ATTRIBUTE = re.compile(r"\[([^\[\]\"]+)\]")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_MAX_DEPTH = 32  # nested functions deeper than this are not real schemas


def source_attributes(src: _Source | None) -> tuple[str, ...]:
    """Every Entra attribute a mapping source reads, in first-seen order.

    Attributes are named in the source's parameters (``type: Attribute``, at any depth) and in
    its expression as ``[name]`` — both are collected, since either may be missing (the
    expression alone for hand-written mappings, the parameters alone in some gallery schemas).
    A constant reads nothing.
    """
    found: dict[str, None] = {}

    def walk(node: _Source | None, depth: int) -> None:
        if node is None or depth > _MAX_DEPTH:
            return
        kind = (node.type or "").casefold()
        if kind == "constant":
            return
        if kind == "attribute" and node.name:
            found.setdefault(node.name.strip(), None)
        if node.expression:
            for name in _ATTRIBUTE.findall(_STRING.sub("", node.expression)):
                found.setdefault(name.strip(), None)
        for p in node.parameters or ():
            walk(p.value, depth + 1)

    walk(src, 0)
    return tuple(n for n in found if n)


def mappings_from(schema: _Schema) -> tuple[AttributeMapping, ...]:
    out: list[AttributeMapping] = []
    for rule in schema.synchronization_rules or ():
        for om in rule.object_mappings or ():
            if om.enabled is False:
                continue
            for m in om.attribute_mappings or ():
                if not m.target_attribute_name:
                    continue
                src = m.source
                source = None
                kind = (src.type or "").lower() if src is not None else ""
                if src is not None and kind == "attribute":
                    source = src.name or src.expression
                elif src is not None and kind != "constant":
                    source = src.expression or src.name
                out.append(
                    AttributeMapping(
                        source=source,
                        target=m.target_attribute_name,
                        object_type=om.source_object_name,
                        flow_type=m.flow_type,
                        source_attributes=source_attributes(src),
                    )
                )
    return tuple(out)


def candidates(sps: list[ServicePrincipal]) -> list[ServicePrincipal]:
    """Third-party apps only: Microsoft's own service principals never provision to a SaaS."""
    return [
        sp
        for sp in sps
        if not is_microsoft_app(sp.app_id, sp.app_owner_organization_id)
        and (sp.service_principal_type or "Application") == "Application"
    ]


async def read_sync_jobs(ctx: Ctx, sps: list[ServicePrincipal]) -> Section[SyncJob]:
    section: Section[SyncJob] = Section("synchronizationJobs")
    client = ctx.client
    jobs_by_sp = urls_by_id(
        client,
        (sp.id for sp in candidates(sps)),
        lambda i: get_info(
            client.sdk.service_principals.by_service_principal_id(i).synchronization.jobs,
            top=None,
        ),
    )
    found = await fan_out(client, jobs_by_sp, _Job)
    jobs: list[tuple[str, _Job]] = []
    for sp_id, res in found.items():
        if isinstance(res, list):
            jobs.extend((sp_id, j) for j in res)
        elif res.status != 404:  # an app without provisioning may answer 404
            section.fail(res, PERMISSION)
    schema_urls = {
        (sp_id, j.id): client.relative(
            get_info(
                client.sdk.service_principals.by_service_principal_id(sp_id)
                .synchronization.jobs.by_synchronization_job_id(j.id)
                .schema,
                top=None,
            )
        )
        for sp_id, j in jobs
    }
    schemas = await _read_schemas(ctx, schema_urls)
    for sp_id, j in jobs:
        maps = schemas.get((sp_id, j.id))
        section.items.append(
            SyncJob(
                id=j.id,
                service_principal_id=sp_id,
                template_id=j.template_id,
                status=j.status.code if j.status else None,
                attribute_mappings=maps,
            )
        )
        if maps is None:
            section.complete = False
            section.error = section.error or f"schema of job {j.id} could not be read"
            section.permission = PERMISSION
    ctx.progress.update(section.source, items=len(section.items), pages=len(jobs_by_sp))
    return section


async def _read_schemas(
    ctx: Ctx, urls: dict[tuple[str, str], str]
) -> dict[tuple[str, str], tuple[AttributeMapping, ...]]:
    """A schema is one object, not a page: batched, decoded from each inner body."""
    keys = list(urls)
    out: dict[tuple[str, str], tuple[AttributeMapping, ...]] = {}
    for start in range(0, len(keys), MAX_BATCH):
        chunk = {str(i): keys[i] for i in range(start, min(len(keys), start + MAX_BATCH))}
        try:
            items = await batch_get(ctx.client, {rid: urls[k] for rid, k in chunk.items()})
        except GraphError:
            continue  # the jobs stay with attribute_mappings=None: reported as a gap
        for rid, key in chunk.items():
            item = items.get(rid)
            if item is None or item.status >= 300:
                continue
            try:
                out[key] = mappings_from(sansio.decode_json(sansio.inner_body(item), _Schema))
            except sansio.MalformedResponse:
                continue
    return out


__all__ = ["candidates", "mappings_from", "read_sync_jobs", "source_attributes"]
