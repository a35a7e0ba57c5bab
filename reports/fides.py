"""Fides export: one fideslang ``System`` per recipient, with privacy declarations, as YAML.

The manifest is ready for ``fides push``: a top-level ``system`` list plus a ``data_category``
list for the custom categories the permission map uses.

Custom categories (decision): fideslang has no key for e-mail content, calendars, chat,
presence and the like, which the permission map writes as ``ext:<dotted key>``. A fides key
cannot hold ``:``, so the export drops the ``ext:`` prefix and **declares each such key as a
DataCategory in the manifest**, with ``parent_key`` set to its nearest fideslang ancestor (e.g.
``user.content.private.email`` → ``user.content.private``). Nothing is silently widened to the
parent, and ``fides push`` creates the categories before the systems that use them.
Every data use is ``essential.service`` (the vendor provides the app's service): the tenant
cannot see why a vendor processes data; the vendor's own purpose text goes into the
declaration's name where the catalog has it.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any, BinaryIO

import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import DataCategory, PrivacyDeclaration, System
from pydantic import ValidationError

from m365inv.errors import RenderError
from m365inv.models import Inventory
from m365inv.reports.i18n import category_label
from m365inv.reports.summary import VendorSection, summarise
from m365inv.textsafe import for_terminal

DATA_USE = "essential.service"
ORGANIZATION = "default_organization"
_SUBJECTS = {"employee": "employee", "guest": "consultant", "external-contact": "customer"}


@cache
def default_categories() -> frozenset[str]:
    return frozenset(c.fides_key for c in DEFAULT_TAXONOMY.data_category)


def fides_category(key: str) -> str:
    """The fides key for one of our category keys (``ext:`` dropped)."""
    return key.removeprefix("ext:")


def _parent(key: str) -> str:
    parts = key.split(".")
    for n in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in default_categories():
            return candidate
    return "user"


def _fides_key(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def _custom_categories(keys: set[str]) -> list[dict[str, Any]]:
    out = []
    for key in sorted(keys):
        if key in default_categories():
            continue
        out.append(
            {
                "fides_key": key,
                "organization_fides_key": ORGANIZATION,
                "name": category_label(key, "en"),
                "description": f"m365inv extension for Microsoft 365 data ({key}).",
                "parent_key": _parent(key),
                "is_default": False,
            }
        )
    return out


def _text(value: str) -> str:
    """A manifest string with control and bidi characters escaped (YAML would keep a bidi
    override raw, and a reviewer reading the file would see reordered text)."""
    return for_terminal(value)


def _system(section: VendorSection) -> dict[str, Any]:
    info = section.info
    categories = sorted({fides_category(f.category) for f in section.flows})
    subjects = sorted(
        {_SUBJECTS.get(k, "employee") for f in section.flows for k in f.subjects.kinds}
    )
    purposes = sorted(
        {
            _text(f.disclosure.purpose)
            for f in section.flows
            if f.disclosure and f.disclosure.purpose
        }
    )
    apps = _text(", ".join(a.display_name or a.app_id for a in section.apps))
    declarations = []
    if categories:
        declarations.append(
            {
                "name": f"Microsoft 365 access via {apps}"
                + (f" — {'; '.join(purposes)}" if purposes else ""),
                "data_categories": categories,
                "data_use": DATA_USE,
                "data_subjects": subjects or ["employee"],
                "dataset_references": None,
            }
        )
    system: dict[str, Any] = {
        "fides_key": _fides_key(f"m365inv_{section.key}"),
        "organization_fides_key": ORGANIZATION,
        "name": _text(section.name),
        "description": f"Third-party recipient seen in Microsoft 365 (apps: {apps}).",
        "system_type": "Service",
        "tags": ["m365inv"] + ([] if section.matched else ["vendor-unknown"]),
        "privacy_declarations": declarations,
        "processes_personal_data": bool(categories),
        "meta": {"m365inv_app_ids": _text(", ".join(a.app_id for a in section.apps))},
    }
    if info:
        system["legal_name"] = _text(info.legal_entity or info.name)
        if info.policy_url:  # already https-only (reports.summary.https_url)
            system["privacy_policy"] = info.policy_url
        guards = [t.safeguard for t in info.transfers]
        guards += [t.safeguard for t in info.unnamed_country_transfers]
        system["does_international_transfers"] = bool(guards)
        if guards:
            safeguards = sorted({_text(g) for g in guards if g})
            system["legal_basis_for_transfers"] = safeguards or ["Other"]
    return system


def build_manifest(inv: Inventory) -> dict[str, Any]:
    """The manifest as plain data, validated by fideslang's own models."""
    sections = summarise(inv).sections
    systems = [_system(s) for s in sections]
    used = {c for s in systems for d in s["privacy_declarations"] for c in d["data_categories"]}
    custom = _custom_categories(used)
    validate_manifest({"system": systems, "data_category": custom})
    return {"data_category": custom, "system": systems}


def validate_manifest(manifest: dict[str, Any]) -> None:
    """Raise :class:`RenderError` unless fideslang accepts every entry and every reference."""
    known = set(default_categories())
    try:
        for cat in manifest.get("data_category", []):
            DataCategory.model_validate(cat)
            known.add(cat["fides_key"])
        uses = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}
        subjects = {s.fides_key for s in DEFAULT_TAXONOMY.data_subject}
        for system in manifest.get("system", []):
            System.model_validate(system)
            for decl in system["privacy_declarations"]:
                PrivacyDeclaration.model_validate(decl)
                missing = (set(decl["data_categories"]) - known) | ({decl["data_use"]} - uses)
                missing |= set(decl["data_subjects"]) - subjects
                if missing:
                    raise RenderError(f"Fides manifest references unknown keys: {sorted(missing)}")
    except ValidationError as exc:
        raise RenderError(
            f"Fides manifest rejected by fideslang: {exc.errors()[0]['msg']}"
        ) from None


# libyaml's emitter when PyYAML was built with it (the wheels are): the pure-Python one took
# a fifth of all report time for a 25,000-app tenant. Same safe representer, same YAML.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def render_fides(inv: Inventory) -> bytes:
    buf = io.BytesIO()
    write_fides(inv, buf)
    return buf.getvalue()


def write_fides(inv: Inventory, out: BinaryIO) -> None:
    """:func:`render_fides`'s bytes into ``out`` as the emitter produces them."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yaml.dump(
            build_manifest(inv), text, Dumper=_Dumper, sort_keys=True, allow_unicode=True, width=100
        )
        text.flush()
    finally:
        text.detach()


__all__ = ["build_manifest", "fides_category", "render_fides", "validate_manifest", "write_fides"]
