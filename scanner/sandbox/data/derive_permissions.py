"""Regenerates ``permissions.json`` from the shared reference lists (run by hand, not at runtime).

The sandbox's resource service principals must carry the *real* permission GUIDs so that the
scanner's resolver is exercised against the same ids a real tenant has. We keep only what a
service principal's ``appRoles`` / ``oauth2PermissionScopes`` carry (id, value, display names,
descriptions, consent type), plus a small sample of first-party apps (appId, name).

Exchange Online, SharePoint Online: the Graph reference does not cover them; their GUIDs are
listed here by hand (verified against public app manifests: full_access_as_app dc890d15-…,
Exchange.ManageAsApp dc50a0fb-…, EWS.AccessAsUser.All 3b5f3d61-…).

Usage: ``python -m m365inv.sandbox.data.derive_permissions /work/shared/reference/graph``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_EXCHANGE_ROLES = [
    (
        "dc890d15-9560-4a4c-9b7f-a736ec74ec40",
        "full_access_as_app",
        "Use Exchange Web Services with full access to all mailboxes",
        "Allows the app to have full access via Exchange Web Services to all mailboxes.",
    ),
    (
        "dc50a0fb-09a3-484d-be87-e023b12c6440",
        "Exchange.ManageAsApp",
        "Manage Exchange As Application",
        "Allows the app to manage the organization's Exchange "
        "environment without any user interaction.",
    ),
    (
        "5e5addcd-3e8d-4e90-baf5-964efab2b20a",
        "IMAP.AccessAsApp",
        "IMAP.AccessAsApp",
        "Allows the app to access mailboxes via IMAP as the application.",
    ),
    (
        "cb842b43-da6e-4506-86fe-bb12199c656d",
        "POP.AccessAsApp",
        "POP.AccessAsApp",
        "Allows the app to access mailboxes via POP as the application.",
    ),
    (
        "7146a1f0-8703-45b3-9eae-527a64c00995",
        "SMTP.SendAsApp",
        "SMTP.SendAsApp",
        "Allows the app to send mail via SMTP AUTH as any user.",
    ),
]
_EXCHANGE_SCOPES = [
    (
        "3b5f3d61-589b-4a3c-a359-5dd4b5ee5bd5",
        "EWS.AccessAsUser.All",
        "Access mailboxes as the signed-in user via Exchange Web Services",
    ),
    (
        "652390e4-393a-48de-9484-05f9b1212954",
        "IMAP.AccessAsUser.All",
        "Read and write access to mailboxes via IMAP.",
    ),
    (
        "258f6531-6087-4cc4-bb90-092c5fb3ed3f",
        "SMTP.Send",
        "Send emails from mailboxes using SMTP AUTH.",
    ),
]
_SHAREPOINT_ROLES = [
    (
        "678536fe-1083-478a-9c59-b99265e6b0d3",
        "Sites.FullControl.All",
        "Have full control of all site collections",
        "Allows the app to have full control of all site collections without a signed in user.",
    ),
    (
        "d13f72ca-a275-4b96-b789-48ebcc4da984",
        "Sites.Read.All",
        "Read items in all site collections",
        "Allows the app to read documents and list items in "
        "all site collections without a signed in user.",
    ),
    (
        "fbcd29d2-fcca-4405-aded-518d457caae4",
        "Sites.ReadWrite.All",
        "Read and write items in all site collections",
        "Allows the app to create, read, update, "
        "and delete documents and list items in all site collections without a signed in user.",
    ),
    (
        "20d37865-089c-4dee-8c41-6967602d4ac8",
        "Sites.Selected",
        "Access selected site collections",
        "Allow the application to access a subset of site collections without a signed in user.",
    ),
]


def _role(id_: str, value: str, name: str, desc: str) -> dict[str, Any]:
    return {"id": id_, "value": value, "displayName": name, "description": desc}


def _scope(id_: str, value: str, name: str, desc: str, kind: str) -> dict[str, Any]:
    return {
        "id": id_,
        "value": value,
        "type": kind,
        "adminConsentDisplayName": name,
        "adminConsentDescription": desc,
        "userConsentDisplayName": name,
        "userConsentDescription": desc,
    }


def derive(ref: Path) -> dict[str, Any]:
    graph = json.loads((ref / "graph-permissions.json").read_text(encoding="utf-8"))
    apps = json.loads((ref / "first-party-apps.json").read_text(encoding="utf-8"))["apps"]
    roles = [
        _role(r["id"], r["value"], r["displayName"], r["description"]) for r in graph["application"]
    ]
    scopes = [
        {
            "id": s["id"],
            "value": s["value"],
            "type": s.get("type") or "User",
            "adminConsentDisplayName": s.get("adminConsentDisplayName"),
            "adminConsentDescription": s.get("adminConsentDescription"),
            "userConsentDisplayName": s.get("userConsentDisplayName"),
            "userConsentDescription": s.get("userConsentDescription"),
        }
        for s in graph["delegated"]
    ]
    first_party = sorted(
        ({"appId": a["appId"], "displayName": a["displayName"]} for a in apps),
        key=lambda a: a["appId"],
    )[::8]
    return {
        "graph": {"appRoles": roles, "oauth2PermissionScopes": scopes},
        "exchange": {
            "appRoles": [_role(*r) for r in _EXCHANGE_ROLES],
            "oauth2PermissionScopes": [_scope(i, v, n, n, "Admin") for i, v, n in _EXCHANGE_SCOPES],
        },
        "sharepoint": {
            "appRoles": [_role(*r) for r in _SHAREPOINT_ROLES],
            "oauth2PermissionScopes": [],
        },
        "firstPartyApps": first_party,
    }


if __name__ == "__main__":
    out = Path(__file__).with_name("permissions.json")
    data = derive(Path(sys.argv[1]))
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(out, out.stat().st_size)
