"""Outlook/Office add-ins: Exchange's ``Get-App -OrganizationApp``, or an admin's export file.

Graph has no GA API for centrally deployed add-ins (DESIGN.md). With ``Exchange.ManageAsApp`` we
call Exchange Online's admin REST ``InvokeCommand``; otherwise the admin exports
``Get-OrganizationAddIn`` / ``Get-App -OrganizationApp`` (``ConvertTo-Json`` or ``Export-Csv``)
and passes it with ``--addins-from``. Both shapes are PowerShell objects with PascalCase keys whose
names vary between cmdlets and versions, so parsing looks a field up under its known aliases.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kiota_abstractions.method import Method
from kiota_abstractions.request_information import RequestInformation

from m365inv.collect.base import Ctx, Section
from m365inv.errors import AuthError, ConfigError, GraphError
from m365inv.graph import sansio
from m365inv.inputfiles import parse_json, read_limited
from m365inv.models import AddIn

PERMISSION = "Exchange.ManageAsApp"
DIRECTORY_ROLE = "Exchange Recipient Administrator (or Global Reader)"
REQUIREMENT = f"{PERMISSION} + Entra role {DIRECTORY_ROLE}"
"""Both are needed app-only: the API role in the token *and* a directory role on the app's
service principal (learn.microsoft.com "App-only authentication in Exchange Online PowerShell":
assign Microsoft Entra roles to the application)."""
EXPORT_HINT = (
    "or export the add-ins (Get-App -OrganizationApp | ConvertTo-Json) and pass --addins-from"
)
NO_SOURCE = (
    f"no add-in source: the app needs {PERMISSION} and the Entra role {DIRECTORY_ROLE}, "
    f"{EXPORT_HINT}"
)
FORBIDDEN = (
    f"Exchange's admin API refused the app (403): app-only access needs {PERMISSION} and an "
    f"Entra directory role on the app — assign {DIRECTORY_ROLE} to its service principal, "
    f"{EXPORT_HINT}"
)
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PAGES = 1000

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("appid", "id", "productid", "assetid", "marketplaceassetid", "identity"),
    "display_name": ("displayname", "name", "title"),
    "provider_name": ("providername", "provider", "publisher", "publishername"),
    "enabled": ("enabled", "isenabled"),
    "default_state": ("defaultstateforuser", "defaultstate"),
    "permission_level": (
        "permissionlevel",
        "requestedcapabilities",
        "requirements",
        "permissions",
    ),
    "scope": ("providedto", "assignedto", "deploymentscope", "scope"),
    "user_count": ("usercount", "assignedusercount"),
    "user_list": ("userlist", "assignedusers"),
    "azure_app_id": ("azureappid", "azureadappid", "webapplicationid", "applicationid"),
}


def _lookup(row: Mapping[str, Any], field: str) -> Any:
    lowered = {str(k).lower().replace("_", ""): v for k, v in row.items()}
    for alias in _ALIASES[field]:
        value = lowered.get(alias)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or None
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def _user_count(row: Mapping[str, Any]) -> int | None:
    """``UserCount`` when given, else the length of ``UserList`` (users it is deployed to)."""
    count = _int(_lookup(row, "user_count"))
    if count is not None:
        return count
    users = _lookup(row, "user_list")
    if isinstance(users, list):
        return len(users)
    if isinstance(users, str) and users.strip():
        return len([u for u in users.replace(";", ",").split(",") if u.strip()])
    return None


def addins_from_rows(rows: Iterable[Mapping[str, Any]], *, source: str) -> list[AddIn]:
    """Rows of PowerShell objects → records; rows without an id are skipped (no guessing)."""
    out: list[AddIn] = []
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        addin_id = _text(_lookup(row, "id"))
        if not addin_id:
            continue
        out.append(
            AddIn(
                id=addin_id,
                display_name=_text(_lookup(row, "display_name")),
                provider_name=_text(_lookup(row, "provider_name")),
                enabled=_bool(_lookup(row, "enabled")),
                default_state=_text(_lookup(row, "default_state")),
                permission_level=_text(_lookup(row, "permission_level")),
                scope=_text(_lookup(row, "scope")),
                user_count=_user_count(row),
                azure_app_id=_text(_lookup(row, "azure_app_id")),
                source=source,
            )
        )
    return out


def _decode_text(raw: bytes) -> str:
    """PowerShell writes UTF-16 with a BOM (``Out-File``) or UTF-8 with or without one."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def parse_addins_file(path: Path) -> list[AddIn]:
    """Parse a ``--addins-from`` export (JSON array / object / ``{"value": [...]}``, or CSV).

    Bounded in size, depth and field length (:mod:`m365inv.inputfiles`, ``csv``'s own field
    limit); every problem is one :class:`ConfigError` naming the file.
    """
    where = f"add-in export {path}"
    raw = read_limited(path, limit=MAX_FILE_BYTES, what="add-in export")
    try:
        text = _decode_text(raw)
    except UnicodeDecodeError:
        raise ConfigError(f"{where} is not UTF-8 or UTF-16 text") from None
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        data = parse_json(stripped, where)
        if isinstance(data, dict):
            data = data.get("value", [data]) if "value" in data else [data]
        if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
            raise ConfigError(f"{where}: expected a list of add-ins")
        return addins_from_rows(data, source="export")
    lines = [ln for ln in stripped.splitlines() if not ln.startswith("#TYPE")]  # Export-Csv header
    try:
        reader = csv.DictReader(io.StringIO("\n".join(lines)))
        if not reader.fieldnames:
            raise ConfigError(f"{where} is empty")
        columns = {str(c).lower().replace("_", "") for c in reader.fieldnames}
        if not columns & set(_ALIASES["id"]):
            raise ConfigError(f"{where} has no AppId / Id column")
        rows = list(reader)
    except csv.Error as exc:  # e.g. a field beyond csv's 128 KiB limit
        raise ConfigError(f"{where} is not valid CSV ({exc})") from None
    return addins_from_rows(rows, source="export")


def can_use_exchange(ctx: Ctx) -> bool:
    try:
        return PERMISSION in ctx.client.source.granted_permissions("exchange")
    except AuthError:
        # No Exchange token (resource not licensed, consent missing, token endpoint down): the
        # add-ins section becomes a gap naming Exchange.ManageAsApp. Anything else is a bug and
        # must not pass for "no permission".
        return False


async def read_exchange_addins(ctx: Ctx, tenant_id: str) -> Section[AddIn]:
    """``Get-App -OrganizationApp`` through Exchange Online's admin REST ``InvokeCommand``.

    A 403 (its body may be text or HTML, not JSON) names both requirements. A nextLink is
    followed only on the configured Exchange endpoint (the client's link guard refuses any
    other, and the section then says the link was refused), and when the API
    refuses to replay it (400, seen on real tenants) the section says the list is incomplete,
    how many add-ins were read, and how to get the rest — never a silent partial list.
    """
    section: Section[AddIn] = Section("addIns")
    base = ctx.client.source.exchange_endpoint.rstrip("/")
    url: str | None = f"{base}/adminapi/beta/{tenant_id}/InvokeCommand"
    body = json.dumps(
        {"CmdletInput": {"CmdletName": "Get-App", "Parameters": {"OrganizationApp": True}}}
    ).encode()
    pages = 0
    while url is not None:
        if pages >= MAX_PAGES:
            _incomplete(section, f"stopped after {MAX_PAGES} pages of add-ins")
            break
        info = RequestInformation(Method.POST)
        info.url = url
        info.headers.try_add("Accept", "application/json")
        info.set_stream_content(body, "application/json")
        try:
            resp = await ctx.client.send(info, cost=1, auth_resource="exchange")
            page = sansio.decode_json(resp.body, dict[str, Any])
        except GraphError as exc:
            section.fail(exc, REQUIREMENT)
            if exc.status == 403:  # a persistent 401 is a token problem: its own message
                section.error = FORBIDDEN
            elif pages and exc.status == 400:
                _incomplete(
                    section,
                    f"Exchange's admin API refused its own nextLink (400) after {pages} page(s), "
                    f"{len(section.items)} add-ins: the list is incomplete; {EXPORT_HINT}",
                )
            break
        pages += 1
        rows = page.get("value", [])
        rows = rows if isinstance(rows, list) else []
        section.items.extend(addins_from_rows(rows, source="exchange"))
        ctx.progress.update(section.source, items=len(rows), pages=1)
        nxt = page.get("@odata.nextLink")
        url = nxt if isinstance(nxt, str) else None  # off the endpoint: the client's link
        # guard (scanner/graph/origin.py) refuses it before the token goes along (LinkRefused)
    return section


def _incomplete(section: Section[AddIn], reason: str) -> None:
    section.complete = False
    section.error = reason
    section.permission = None  # not a permission problem


__all__ = [
    "FORBIDDEN",
    "NO_SOURCE",
    "REQUIREMENT",
    "addins_from_rows",
    "can_use_exchange",
    "parse_addins_file",
    "read_exchange_addins",
]
