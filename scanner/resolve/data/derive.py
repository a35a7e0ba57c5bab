"""Regenerates ``known_permissions.json`` (run by hand, not at runtime).

The offline fallback resolver needs only id → value and kind, so that is all we keep from the
Microsoft Graph permission reference (microsoftgraph/microsoft-graph-devx-content, MIT). Exchange
Online's permissions are not in that list; their GUIDs come from Exchange Online's public
service-principal manifest (appId 00000002-0000-0ff1-ce00-000000000000).

Usage: ``python -m scanner.resolve.data.derive /work/shared/reference/graph/graph-permissions.json``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scanner.models import EXCHANGE_APP_ID, GRAPH_APP_ID

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


def derive(reference: Path) -> dict[str, dict[str, dict[str, str]]]:
    data = json.loads(reference.read_text(encoding="utf-8"))
    graph = {
        kind: {p["id"]: p["value"] for p in data[kind] if p.get("id") and p.get("value")}
        for kind in ("application", "delegated")
    }
    return {GRAPH_APP_ID: graph, EXCHANGE_APP_ID: EXCHANGE}


def main() -> None:
    out = Path(__file__).with_name("known_permissions.json")
    table = derive(Path(sys.argv[1]))
    out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
