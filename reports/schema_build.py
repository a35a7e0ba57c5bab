"""Build ``reports/schema/inventory.schema.json`` from the records in ``m365inv.models``.

The shipped schema is generated, then committed: ``python -m reports.schema_build`` rewrites it,
and a test fails when the committed file and the records drift apart. Generation starts from
msgspec's own schema of :class:`~m365inv.models.Inventory` and tightens it to what the feed
really emits: every property is always present (the encoder writes ``null`` and ``[]``
explicitly), no other properties are allowed, and the key fields carry a description.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import msgspec

from m365inv.atomic import write_bytes_atomic
from m365inv.models import Inventory
from m365inv.reports.json_feed import SCHEMA_ID, SCHEMA_VERSION

SCHEMA_PATH = Path(__file__).parent / "schema" / "inventory.schema.json"

_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("Inventory", "schemaVersion"): "Semver of this contract; consumers accept the same major.",
    ("Inventory", "vendors"): "Catalog facts about each matched vendor (policy, transfers, TOM).",
    ("TenantInfo", "scannedAt"): "RFC 3339 UTC time the collection finished.",
    ("App", "firstParty"): "Microsoft's own app: a Microsoft owner tenant or a listed appId.",
    ("App", "lastSignIn"): "Last sign-in (RFC 3339 UTC); null: none on record or not read.",
    ("App", "scanner"): "The scanner's own app (the profile's client id), not a third party.",
    ("VendorMatch", "level"): "confirmed / probable may disclose flows; possible never does.",
    ("Finding", "key"): "Message key a renderer translates; params fill its placeholders.",
    ("App", "vendor"): "Catalog vendor this app belongs to, or null when none matched.",
    ("App", "privacyStatementUrl"): "Where the app says its privacy statement is (Graph info).",
    ("VendorInfo", "draft"): "True: the vendor file is an unreviewed draft; say so in reports.",
    ("VendorInfo", "dpaOnFile"): "True: the profile records a DPA (Art. 28) with this vendor.",
    ("VendorInfo", "unnamedCountryTransfers"): (
        "Transfers to third countries the policy does not name; a safeguard here covers "
        "third-country recipients with none of their own."
    ),
    ("Permission", "type"): "application (app-only) or delegated (on behalf of a user).",
    ("Permission", "consentType"): "AllPrincipals, Principal (per user), null for app roles.",
    ("Permission", "principalCount"): "Users behind per-user (Principal) grants.",
    ("Permission", "classified"): "False: the permission map has no entry (reported, not dropped).",
    ("AttributeMapping", "sourceAttributes"): "Entra attributes the mapping reads: what leaves.",
    (
        "Provisioning",
        "scope",
    ): "assigned-or-all: at least the assigned users; the whole tenant if 'Sync all' is set "
    "(a write-only setting Graph cannot read).",
    ("Flow", "category"): "fideslang data-category key (or documented custom key).",
    ("Flow", "evidence"): "Permissions / provisioned attributes that open this flow.",
    (
        "Flow",
        "disclosed",
    ): "Vendor discloses this category: true/false; null = no disclosure on file.",
    ("Subjects", "count"): "About how many people; null when not determinable (coverage gap).",
    ("Coverage", "complete"): "False: the source was not (fully) read — never means 'no data'.",
    ("Coverage", "requiredPermission"): "The Graph permission that would close the gap.",
}


def _tighten(name: str, node: dict[str, Any]) -> None:
    props: dict[str, Any] = node.get("properties", {})
    node.pop("title", None)
    node["additionalProperties"] = False
    node["required"] = sorted(props)
    for key, prop in props.items():
        prop.pop("default", None)
        desc = _DESCRIPTIONS.get((name, key))
        if desc:
            prop["description"] = desc
    if name == "Inventory":
        props["schemaVersion"]["pattern"] = r"^1\.[0-9]+\.[0-9]+$"
    if name == "TenantInfo":
        props["scannedAt"]["format"] = "date-time"


def build_schema() -> dict[str, Any]:
    """The schema as a dict (draft 2020-12, ``$defs`` per record)."""
    generated: dict[str, Any] = msgspec.json.schema(Inventory)
    defs: dict[str, Any] = generated["$defs"]
    for name, node in defs.items():
        doc = node.get("description")
        if doc:
            node["description"] = " ".join(doc.split())
        _tighten(name, node)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "m365inv inventory",
        "description": (
            "Personal-data flows from a Microsoft 365 tenant to third-party vendors, "
            "compared with what each vendor discloses. Lists are sorted; keys are sorted."
        ),
        "x-schemaVersion": SCHEMA_VERSION,
        "$ref": "#/$defs/Inventory",
        "$defs": dict(sorted(defs.items())),
    }


def render_schema() -> bytes:
    raw = msgspec.json.encode(build_schema(), order="sorted")
    return msgspec.json.format(raw, indent=2) + b"\n"


def main() -> int:
    write_bytes_atomic(SCHEMA_PATH, render_schema())
    sys.stdout.write(f"wrote {SCHEMA_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
