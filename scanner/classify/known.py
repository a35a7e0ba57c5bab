"""The derived list of permission values the shipped map must classify.

``config/permissions/known-permissions.txt`` is *derived* — not copied — from the Microsoft Graph
permission reference (microsoftgraph/microsoft-graph-devx-content, MIT) plus the Exchange Online
permissions, which live on their own resource service principal and are not in that reference. It
holds only what the coverage test needs: value, kinds (application / delegated) and resource.

Regenerate after updating the reference::

    python -m scanner.classify.known /path/to/reference/graph/graph-permissions.json
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
    text = (resources.files("config") / "permissions" / KNOWN_FILE).read_text("utf-8")
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


def derive(graph_reference: Path) -> str:
    """Build the file's text from the Graph reference JSON and the Exchange list above."""
    data = json.loads(graph_reference.read_text("utf-8"))
    kinds: dict[tuple[str, str], set[str]] = {}
    for kind in ("application", "delegated"):
        for entry in data[kind]:
            kinds.setdefault(("graph", entry["value"]), set()).add(kind)
    for value, kind in EXCHANGE_PERMISSIONS:
        kinds.setdefault(("exchange", value), set()).add(kind)
    lines = [
        "# Derived by `python -m scanner.classify.known` from the Microsoft Graph permission",
        "# reference (microsoft-graph-devx-content, MIT) and Exchange Online's permissions.",
        "# resource<TAB>value<TAB>kinds",
    ]
    for (resource, value), ks in sorted(kinds.items()):
        lines.append(f"{resource}\t{value}\t{','.join(sorted(ks))}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - maintainer tool
    sys.stdout.write(derive(Path(sys.argv[1])))
