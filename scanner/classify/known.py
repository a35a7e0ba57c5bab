"""The derived list of permission values the shipped map must classify.

``config/permissions/known-permissions.txt`` is *derived* — not copied — from Microsoft Graph's
own service principal as exported by merill/microsoft-info (``GraphAppRoles.json`` and
``GraphDelegateRoles.json``, MIT; 951 names in August 2026) plus the Exchange Online permissions,
which live on their own resource service principal. It holds only what the coverage test needs:
value, kinds (application / delegated) and resource. A test fails when the reference holds a
name the shipped list lacks. Other resources (SharePoint, Power BI, …) list their values in
``resources.yaml``.

Regenerate after updating the reference::

    python -m m365inv.classify.known ../shared/reference/graph/microsoft-info \
        > config/permissions/known-permissions.txt
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Literal

import msgspec

KNOWN_FILE = "known-permissions.txt"

# Exchange Online (appId 00000002-0000-0ff1-ce00-000000000000) permissions that third-party apps
# request; see "Authenticate an EWS application by using OAuth", "Authenticate an IMAP, POP or
# SMTP connection using OAuth", "App-only authentication for unattended scripts in Exchange Online
# PowerShell" and "Authentication and authorization for the Exchange Online Admin API" (the V2
# values) in Microsoft Learn. Mail/Calendars/Contacts/MailboxSettings on this resource are the
# legacy Outlook REST scopes, application and delegated; they mean what the Graph values mean.
EXCHANGE_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("full_access_as_app", "application"),
    ("Exchange.ManageAsApp", "application"),
    ("Exchange.ManageAsAppV2", "application"),
    ("Mailbox.Migration", "application"),
    ("IMAP.AccessAsApp", "application"),
    ("POP.AccessAsApp", "application"),
    ("SMTP.SendAsApp", "application"),
    ("Mail.Read", "application"),
    ("Mail.ReadWrite", "application"),
    ("Mail.Send", "application"),
    ("Calendars.Read", "application"),
    ("Calendars.ReadWrite", "application"),
    ("Contacts.Read", "application"),
    ("Contacts.ReadWrite", "application"),
    ("MailboxSettings.Read", "application"),
    ("MailboxSettings.ReadWrite", "application"),
    ("Mail.Read", "delegated"),
    ("Mail.ReadWrite", "delegated"),
    ("Mail.Send", "delegated"),
    ("Calendars.Read", "delegated"),
    ("Calendars.ReadWrite", "delegated"),
    ("Contacts.Read", "delegated"),
    ("Contacts.ReadWrite", "delegated"),
    ("MailboxSettings.Read", "delegated"),
    ("MailboxSettings.ReadWrite", "delegated"),
    ("full_access_as_user", "delegated"),
    ("EWS.AccessAsUser.All", "delegated"),
    ("IMAP.AccessAsUser.All", "delegated"),
    ("POP.AccessAsUser.All", "delegated"),
    ("SMTP.Send", "delegated"),
    ("EAS.AccessAsUser.All", "delegated"),
    ("Exchange.Manage", "delegated"),
    ("Exchange.ManageV2", "delegated"),
)

Resource = Literal["graph", "exchange"]


class KnownPermission(msgspec.Struct, frozen=True, kw_only=True):
    value: str
    kinds: tuple[str, ...]
    resource: Resource


def load_known() -> tuple[KnownPermission, ...]:
    """The shipped list, sorted by resource then value."""
    text = (resources.files("m365inv.config") / "permissions" / KNOWN_FILE).read_text("utf-8")
    out: list[KnownPermission] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        resource, value, kinds = line.split("\t")
        out.append(
            KnownPermission(
                value=value,
                kinds=tuple(kinds.split(",")),
                resource="exchange" if resource == "exchange" else "graph",
            )
        )
    return tuple(out)


def reference_values(microsoft_info: Path) -> dict[str, set[str]]:
    """Graph permission value → kinds, from Graph's own appRoles / oauth2PermissionScopes."""
    kinds: dict[str, set[str]] = {}
    for name, kind in (
        ("GraphAppRoles.json", "application"),
        ("GraphDelegateRoles.json", "delegated"),
    ):
        for entry in json.loads((microsoft_info / name).read_text("utf-8")):
            if entry.get("Value"):
                kinds.setdefault(str(entry["Value"]), set()).add(kind)
    return kinds


def derive(microsoft_info: Path) -> str:
    """Build the file's text from the Graph reference and the Exchange list above."""
    kinds: dict[tuple[str, str], set[str]] = {
        ("graph", value): ks for value, ks in reference_values(microsoft_info).items()
    }
    for value, kind in EXCHANGE_PERMISSIONS:
        kinds.setdefault(("exchange", value), set()).add(kind)
    lines = [
        "# Derived by `python -m m365inv.classify.known` from Microsoft Graph's appRoles and",
        "# oauth2PermissionScopes (merill/microsoft-info, MIT) and Exchange Online's permissions.",
        "# resource<TAB>value<TAB>kinds",
    ]
    for (resource, value), ks in sorted(kinds.items()):
        lines.append(f"{resource}\t{value}\t{','.join(sorted(ks))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintainer tool
    sys.stdout.write(derive(Path(sys.argv[1])))
