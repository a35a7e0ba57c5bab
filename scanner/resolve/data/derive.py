"""Regenerates the shipped lookup data in this package (run by hand, never at runtime).

``known_permissions.json``
    The offline fallback resolver needs only id → value and kind, so that is all we keep from the
    Microsoft Graph permission reference (microsoftgraph/microsoft-graph-devx-content, MIT).
    Exchange Online's permissions are not in that list; their GUIDs come from Exchange Online's
    public service-principal manifest (appId 00000002-0000-0ff1-ce00-000000000000).
``microsoft_apps.json``
    Microsoft's own apps: appId → display name and the set of Microsoft owner tenants, derived
    from ``MicrosoftApps.json`` of merill/microsoft-info (MIT, a daily export of Graph, the Entra
    docs and GitHub). Only appId, name and owner tenant are kept; the ``Source`` column is not.
    Rows that are not apps are left out: the nil GUID and the Entra docs' permission ids (names
    ending " - Application" / " - Delegated"). The docs' other GUIDs (roles, SKUs) are kept — an
    appId is globally unique, so an extra id can never make a third-party app look Microsoft's.

Usage (``REF=../shared/reference/graph``)::

    python -m m365inv.resolve.data.derive --graph-permissions $REF/graph-permissions.json
    python -m m365inv.resolve.data.derive --microsoft-apps $REF/microsoft-info/MicrosoftApps.json

(the first form also accepts the path as the only positional argument, as before).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from m365inv.models import EXCHANGE_APP_ID, GRAPH_APP_ID

EXCHANGE = {
    "application": {
        "dc890d15-9560-4a4c-9b7f-a736ec74ec40": "full_access_as_app",
        "dc50a0fb-09a3-484d-be87-e023b12c6440": "Exchange.ManageAsApp",
        "5e5addcd-3e8d-4e90-baf5-964efab2b20a": "IMAP.AccessAsApp",
        "cb842b43-da6e-4506-86fe-bb12199c656d": "POP.AccessAsApp",
        "7146a1f0-8703-45b3-9eae-527a64c00995": "SMTP.SendAsApp",
    },
    "delegated": {
        "3b5f3d61-589b-4a3c-a359-5dd4b5ee5bd5": "EWS.AccessAsUser.All",
        "652390e4-393a-48de-9484-05f9b1212954": "IMAP.AccessAsUser.All",
        "258f6531-6087-4cc4-bb90-092c5fb3ed3f": "SMTP.Send",
    },
}
MICROSOFT_APPS_FILE = "microsoft_apps.json"
NIL_GUID = "00000000-0000-0000-0000-000000000000"
_PERMISSION_ROWS = (" - Application", " - Delegated")
MICROSOFT_APPS_SOURCE = (
    "merill/microsoft-info MicrosoftApps.json (MIT, Copyright (c) 2023 Merill Fernando); "
    "derived by `python -m m365inv.resolve.data.derive --microsoft-apps PATH`"
)


def derive(reference: Path) -> dict[str, dict[str, dict[str, str]]]:
    data = json.loads(reference.read_text(encoding="utf-8"))
    graph = {
        kind: {p["id"]: p["value"] for p in data[kind] if p.get("id") and p.get("value")}
        for kind in ("application", "delegated")
    }
    return {GRAPH_APP_ID: graph, EXCHANGE_APP_ID: EXCHANGE}


def derive_microsoft_apps(reference: Path) -> dict[str, Any]:
    """appId → name, plus every owner tenant the export names (Microsoft owns apps from several:
    f8cdef31-… for most, 72f988bf-… for Graph Explorer, cdc5aeea-… for the Graph CLI)."""
    rows = json.loads(reference.read_text(encoding="utf-8"))
    apps: dict[str, str] = {}
    owners: set[str] = set()
    for row in rows:
        app_id = str(row.get("AppId") or "").strip().lower()
        name = str(row.get("AppDisplayName") or "").strip()
        permission_row = row.get("Source") == "EntraDocs" and name.endswith(_PERMISSION_ROWS)
        if not app_id or app_id == NIL_GUID or permission_row:
            continue
        apps[app_id] = name
        owner = str(row.get("AppOwnerOrganizationId") or "").strip().lower()
        if owner:
            owners.add(owner)
    return {
        "source": MICROSOFT_APPS_SOURCE,
        "ownerTenants": sorted(owners),
        "apps": dict(sorted(apps.items())),
    }


def dump_microsoft_apps(table: dict[str, Any]) -> str:
    """One app per line: small diffs when the reference changes."""
    head = {k: v for k, v in table.items() if k != "apps"}
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "apps": {']
    items = list(table["apps"].items())
    for n, (app_id, name) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        lines.append(f"{json.dumps(app_id)}: {json.dumps(name, ensure_ascii=False)}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m m365inv.resolve.data.derive")
    parser.add_argument("reference", nargs="?", type=Path, help="graph-permissions.json")
    parser.add_argument("--graph-permissions", type=Path, help="graph-permissions.json")
    parser.add_argument("--microsoft-apps", type=Path, help="microsoft-info MicrosoftApps.json")
    args = parser.parse_args(argv)
    here = Path(__file__).parent
    graph = args.graph_permissions or args.reference
    if graph is None and args.microsoft_apps is None:
        parser.error("give --graph-permissions and/or --microsoft-apps")
    if graph is not None:
        table = derive(graph)
        out = here / "known_permissions.json"
        out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    if args.microsoft_apps is not None:
        text = dump_microsoft_apps(derive_microsoft_apps(args.microsoft_apps))
        (here / MICROSOFT_APPS_FILE).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
