"""Teams apps in the organisation's own catalog (``distributionMethod eq 'organization'``).

A Teams app has one definition per version, each with a ``publishingState``: ``published`` (the
version users get), ``submitted`` (an update or a first upload awaiting an admin's approval) or
``rejected`` (refused). Only a published definition is in use: an app whose definitions are all
rejected or still submitted reaches nobody and is not inventoried, and a pending update never
hides the published definition's Entra app link (``authorization.clientAppId``, or
``azureADAppId`` on older payloads) that ties the app to its service principal and grants.
https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps (example 4, publishingState)

The catalog API is documented for a user (delegated) context; tenants report 403 to app-only
requests (microsoftgraph/microsoft-graph-docs#8206, MicrosoftDocs/msteams-docs#6087). The gap
then says exactly that and how to close it.
"""

from __future__ import annotations

import asyncio

import msgspec

from m365inv.auth.msal_source import claims
from m365inv.collect.base import Ctx, Section
from m365inv.collect.requests import get_info
from m365inv.errors import AuthError, GraphError
from m365inv.models import TeamsApp

PERMISSION = "AppCatalog.Read.All"
APP_ONLY_403 = (
    "the Teams app catalog refused this app-only request (403): Microsoft supports listing it "
    "only in a user (delegated) context. Run the scan with delegated sign-in (profile auth = "
    '"device_code") as a Teams or global administrator who consents to AppCatalog.Read.All.'
)
DELEGATED_403 = (
    "the Teams app catalog refused the signed-in user (403): consent to AppCatalog.Read.All "
    "and sign in as a Teams administrator or global reader."
)


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


def _state(d: _Definition) -> str:
    # A definition without publishingState (not every payload carries it) is in the catalog.
    return (d.publishing_state or "published").casefold()


def _link(d: _Definition) -> str | None:
    return d.azure_ad_app_id or (d.authorization.client_app_id if d.authorization else None)


def teams_app_from(w: _TeamsApp) -> TeamsApp | None:
    """The app as users get it (its published definition); None when nothing is published."""
    defs = w.app_definitions
    if defs is None or not defs:  # definitions not expanded: the app itself is listed
        return TeamsApp(
            id=w.id,
            external_id=w.external_id,
            display_name=w.display_name,
            distribution_method=w.distribution_method,
        )
    published = [d for d in defs if _state(d) == "published"]
    if not published:  # rejected, or a first submission still awaiting approval
        return None
    live = max(published, key=lambda d: d.last_modified_date_time or "")
    return TeamsApp(
        id=w.id,
        external_id=w.external_id,
        display_name=w.display_name or live.display_name,
        distribution_method=w.distribution_method,
        azure_ad_app_id=_link(live) or next((_link(d) for d in published if _link(d)), None),
        publisher=live.publisher_name,
    )


async def _app_only(ctx: Ctx) -> bool | None:
    """Is the Graph token app-only (``roles``, no ``scp``)? None when it cannot be told."""
    try:
        token = await asyncio.to_thread(ctx.client.source.token, "graph")
        payload = claims(token)
    except AuthError:
        return None
    return "scp" not in payload


async def read_teams_apps(ctx: Ctx) -> Section[TeamsApp]:
    section: Section[TeamsApp] = Section("teamsApps")
    info = get_info(
        ctx.client.sdk.app_catalogs.teams_apps,
        filter="distributionMethod eq 'organization'",
        expand=["appDefinitions"],
        top=None,
    )
    try:
        async for page in ctx.client.pages(info, _TeamsApp):
            section.items.extend(a for a in map(teams_app_from, page.value) if a is not None)
            ctx.progress.update(section.source, items=len(page.value), pages=1)
    except GraphError as exc:
        section.fail(exc, PERMISSION)
        if exc.status == 403:
            app_only = await _app_only(ctx)
            section.error = APP_ONLY_403 if app_only is not False else DELEGATED_403
            section.permission = f"{PERMISSION} (delegated)" if app_only else PERMISSION
    return section


__all__ = ["APP_ONLY_403", "DELEGATED_403", "read_teams_apps", "teams_app_from"]
