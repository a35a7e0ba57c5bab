"""Teams apps in the organisation's own catalog (``distributionMethod eq 'organization'``).

The latest app definition names the Entra app behind a Teams app (``authorization.clientAppId``,
or ``azureADAppId`` on older payloads), which links it to a service principal and its grants.
"""

from __future__ import annotations

import msgspec

from scanner.collect.base import Ctx, Section, read_list
from scanner.collect.requests import get_info
from scanner.models import TeamsApp


class _W(msgspec.Struct, rename="camel"):
    pass


class _Auth(_W):
    client_app_id: str | None = None


class _Definition(_W):
    display_name: str | None = None
    azure_ad_app_id: str | None = msgspec.field(default=None, name="azureADAppId")
    publishing_state: str | None = None
    authorization: _Auth | None = None
    publisher_name: str | None = None  # beta / extra property, tolerated when present
    last_modified_date_time: str | None = None


class _TeamsApp(_W):
    id: str
    external_id: str | None = None
    display_name: str | None = None
    distribution_method: str | None = None
    app_definitions: list[_Definition] | None = None


def teams_app_from(w: _TeamsApp) -> TeamsApp:
    defs = w.app_definitions or []
    latest = defs[-1] if defs else None
    app_id = None
    if latest is not None:
        app_id = latest.azure_ad_app_id or (
            latest.authorization.client_app_id if latest.authorization else None
        )
    return TeamsApp(
        id=w.id,
        external_id=w.external_id,
        display_name=w.display_name or (latest.display_name if latest else None),
        distribution_method=w.distribution_method,
        azure_ad_app_id=app_id,
        publisher=latest.publisher_name if latest else None,
    )


async def read_teams_apps(ctx: Ctx) -> Section[TeamsApp]:
    section: Section[TeamsApp] = Section("teamsApps")
    info = get_info(
        ctx.client.sdk.app_catalogs.teams_apps,
        filter="distributionMethod eq 'organization'",
        expand=["appDefinitions"],
        top=None,
    )
    return await read_list(ctx, section, info, _TeamsApp, teams_app_from, "AppCatalog.Read.All")


__all__ = ["read_teams_apps", "teams_app_from"]
