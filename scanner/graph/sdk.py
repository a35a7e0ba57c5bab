"""Glue between msgraph-sdk / kiota and our client: the token provider kiota asks, and the
request builders imported once up front.

Kept apart from ``client.py`` so the client reads as what it is — sending, retrying, paging.
"""

from __future__ import annotations

import asyncio
import warnings
from typing import Any

from kiota_abstractions.authentication import AccessTokenProvider, AllowedHostsValidator
from msgraph.graph_service_client import GraphServiceClient

from m365inv.auth.interface import TokenSource
from m365inv.graph.origin import TokenGuard


class GuardedTokenProvider(AccessTokenProvider):
    """Hands kiota a Graph token — only for URLs the :class:`TokenGuard` allows.

    ``_send_once`` attaches the token itself (after the guard), so kiota asks here only when it
    re-authenticates on its own (a CAE claims challenge); the same guard decides.
    """

    def __init__(self, source: TokenSource, guard: TokenGuard, host: str) -> None:
        self._source = source
        self._guard = guard
        self._validator = AllowedHostsValidator([host])  # kiota's interface wants one

    async def get_authorization_token(
        self, uri: str, additional_authentication_context: dict[str, Any] | None = None
    ) -> str:
        if not self._guard.allows(uri, "graph"):
            return ""  # kiota adds no Authorization header for an empty token
        return await asyncio.to_thread(self._source.token, "graph")

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return self._validator


def warm_builders(sdk: GraphServiceClient) -> None:
    """Import the request builders we use once, with their deprecation warnings silenced.

    msgraph-sdk's generated builder modules define deprecated ``…RequestConfiguration`` classes
    that warn at import time — the first time a builder is touched, i.e. mid-scan. Not ours to
    fix, and under ``-W error`` it would fail the first request of each collection.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        _ = sdk.organization, sdk.users.delta, sdk.users.count, sdk.applications
        _ = sdk.groups.by_group_id("x").members, sdk.groups.delta, sdk.service_principals.delta
        _ = sdk.groups.by_group_id("x").transitive_members.graph_user
        sp = sdk.service_principals.by_service_principal_id("x")
        _ = sp.app_role_assigned_to, sp.synchronization.jobs.by_synchronization_job_id("x").schema
        _ = sdk.oauth2_permission_grants.delta, sdk.directory_objects.get_by_ids
        _ = sdk.app_catalogs.teams_apps


__all__ = ["GuardedTokenProvider", "warm_builders"]
