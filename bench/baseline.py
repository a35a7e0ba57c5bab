"""Child process: the way existing tools list a tenant — msgraph-sdk typed models, sequentially.

``python -m bench.baseline INFO.json --users N --groups N --sps N --grants N --max-pages K``.
Each collection is paged with the SDK's typed request builders and models (``.get()`` →
``UserCollectionResponse`` …) and its default middleware (with its RetryHandler); per-object
reads (sync jobs per service principal, ``appRoleAssignedTo`` per resource) one request at a
time. With ``--max-pages`` each chain stops after K pages (K requests for per-object loops) and
its time is extrapolated linearly to the full count — printed as "extrapolated".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import resource
import time
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from kiota_abstractions.authentication import BaseBearerTokenAuthenticationProvider
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.graph_request_adapter import GraphRequestAdapter
from msgraph.graph_service_client import GraphServiceClient
from msgraph_core import GraphClientFactory

from bench.tokens import BenchTokenSource
from m365inv.graph.origin import TokenGuard
from m365inv.graph.sdk import GuardedTokenProvider

warnings.simplefilter("ignore", DeprecationWarning)


class Chain:
    def __init__(self) -> None:
        self.requests = 0
        self.seconds = 0.0
        self.extrapolated_s = 0.0
        self.capped = False


async def _pages(
    first: Callable[[], Awaitable[Any]],
    again: Callable[[str], Awaitable[Any]],
    expected: int,
    cap: int,
    chain: Chain,
) -> list[Any]:
    t0 = time.perf_counter()
    page = await first()
    items = list(page.value or [])
    n = 1
    while page.odata_next_link and n < cap:
        page = await again(page.odata_next_link)
        items += list(page.value or [])
        n += 1
    spent = time.perf_counter() - t0
    chain.requests += n
    chain.seconds += spent
    if page.odata_next_link:  # capped: scale by the pages a full read needs
        chain.capped = True
        chain.extrapolated_s += spent * max(1, math.ceil(expected / 999)) / n
    else:
        chain.extrapolated_s += spent
    return items


def _q(builder: Any, **kw: Any) -> RequestConfiguration[Any]:
    cls = getattr(type(builder), f"{type(builder).__name__}GetQueryParameters")
    return RequestConfiguration(query_parameters=cls(**kw))


async def run(info: dict[str, Any], counts: dict[str, int], cap: int) -> dict[str, Any]:
    source = BenchTokenSource(info)
    http = httpx.AsyncClient(verify=source.ssl_context, trust_env=False, timeout=120)
    http = GraphClientFactory.create_with_default_middleware(client=http)
    host = info["graph_endpoint"].split("//", 1)[1].split(":", 1)[0]
    guard = TokenGuard({"graph": info["graph_endpoint"]})
    adapter = GraphRequestAdapter(
        BaseBearerTokenAuthenticationProvider(GuardedTokenProvider(source, guard, host)), http
    )
    adapter.base_url = f"{info['graph_endpoint']}/v1.0"
    g = GraphServiceClient(request_adapter=adapter)
    chain = Chain()
    top = 999
    await _pages(
        lambda: g.organization.get(), lambda u: g.organization.with_url(u).get(), 1, cap, chain
    )
    for _name, builder, select, expected in (
        (
            "users",
            g.users,
            ["id", "displayName", "userPrincipalName", "mail", "userType", "accountEnabled"],
            counts["users"],
        ),
        (
            "groups",
            g.groups,
            ["id", "displayName", "mail", "groupTypes", "securityEnabled"],
            counts["groups"],
        ),
        ("applications", g.applications, ["id", "appId", "displayName"], 3),
        (
            "grants",
            g.oauth2_permission_grants,
            ["id", "clientId", "consentType", "principalId", "resourceId", "scope"],
            counts["grants"],
        ),
    ):
        await _pages(
            lambda b=builder, s=select: b.get(_q(b, select=s, top=top)),
            lambda u, b=builder: b.with_url(u).get(),
            expected,
            cap,
            chain,
        )
    sps = await _pages(
        lambda: g.service_principals.get(_q(g.service_principals, top=top)),
        lambda u: g.service_principals.with_url(u).get(),
        counts["sps"],
        cap,
        chain,
    )
    await _pages(
        lambda: g.app_catalogs.teams_apps.get(),
        lambda u: g.app_catalogs.teams_apps.with_url(u).get(),
        1,
        cap,
        chain,
    )
    # per-object reads, one request at a time
    for _label, pick, call in (
        (
            "assignments",
            [s for s in sps if s.app_roles],
            lambda s: g.service_principals.by_service_principal_id(s.id).app_role_assigned_to.get(),
        ),
        (
            "sync",
            sps,
            lambda s: g.service_principals.by_service_principal_id(s.id).synchronization.jobs.get(),
        ),
    ):
        sample = pick[: cap * 10]
        t0 = time.perf_counter()
        for s in sample:
            try:
                await call(s)
            except Exception:
                pass
        spent = time.perf_counter() - t0
        chain.requests += len(sample)
        chain.seconds += spent
        share = len(pick) / max(1, len(sps))
        full = counts["sps"] * share
        chain.capped = chain.capped or len(sample) < full
        chain.extrapolated_s += spent * full / max(1, len(sample))
    await http.aclose()
    return {
        "requests": chain.requests,
        "measured_s": chain.seconds,
        "extrapolated_s": chain.extrapolated_s,
        "capped": chain.capped,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("info")
    for k in ("users", "groups", "sps", "grants"):
        ap.add_argument(f"--{k}", type=int, required=True)
    ap.add_argument("--max-pages", type=int, default=3)
    args = ap.parse_args()
    info = json.loads(Path(args.info).read_text())
    counts = {k: getattr(args, k) for k in ("users", "groups", "sps", "grants")}
    c0 = time.process_time()
    out = asyncio.run(run(info, counts, args.max_pages))
    out["cpu"] = time.process_time() - c0
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


if __name__ == "__main__":
    main()
