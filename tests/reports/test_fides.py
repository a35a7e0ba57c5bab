"""Fides export: fideslang accepts every System, every referenced key exists."""

from __future__ import annotations

from collections.abc import Callable

import msgspec
import pytest
import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import DataCategory, System

from m365inv.errors import RenderError
from m365inv.models import Inventory, UnnamedTransfer
from m365inv.reports.fides import build_manifest, render_fides, validate_manifest
from tests.reports.fixture_inventory import empty_inventory


def test_manifest_validates_with_fideslang(inventory: Inventory) -> None:
    doc = yaml.safe_load(render_fides(inventory))
    systems = [System.model_validate(s) for s in doc["system"]]
    customs = [DataCategory.model_validate(c) for c in doc["data_category"]]
    known = {c.fides_key for c in DEFAULT_TAXONOMY.data_category} | {c.fides_key for c in customs}
    for system in systems:
        for decl in system.privacy_declarations:
            assert set(decl.data_categories) <= known
    for cat in customs:
        assert cat.parent_key in known and cat.fides_key.startswith(f"{cat.parent_key}.")
    keys = [s.fides_key for s in systems]
    assert len(keys) == len(set(keys)) == 13


def test_custom_categories_are_declared_not_widened(inventory: Inventory) -> None:
    manifest = build_manifest(inventory)
    custom = {c["fides_key"]: c["parent_key"] for c in manifest["data_category"]}
    assert custom["user.content.private.email"] == "user.content.private"
    assert custom["user.social.group_membership"] == "user.social"
    mailstore = next(s for s in manifest["system"] if s["fides_key"] == "m365inv_mailstore")
    assert "user.content.private.email" in mailstore["privacy_declarations"][0]["data_categories"]


def test_hostile_names_survive_yaml(inventory: Inventory) -> None:
    doc = yaml.safe_load(render_fides(inventory))
    names = {s["name"] for s in doc["system"]}
    assert "<script>alert(1)</script>" in names and "\\x0dCarriage" in names  # escaped, visible


def test_validation_rejects_unknown_category(inventory: Inventory) -> None:
    manifest = build_manifest(inventory)
    manifest["system"][0]["privacy_declarations"][0]["data_categories"].append("user.nope")
    with pytest.raises(RenderError, match=r"user\.nope"):
        validate_manifest(manifest)
    manifest["system"][0]["fides_key"] = "bad key!"
    with pytest.raises(RenderError, match="fideslang"):
        validate_manifest(manifest)


def test_empty_inventory_gives_empty_manifest() -> None:
    assert build_manifest(empty_inventory()) == {"data_category": [], "system": []}


def test_golden(inventory: Inventory, golden: Callable[[str, bytes], None]) -> None:
    golden("fides-systems.yml", render_fides(inventory))


def test_manifest_reads_back_as_built(inventory: Inventory) -> None:
    """libyaml's emitter escapes characters outside the BMP ("\\U0001F4EC"); the YAML must
    still read back as exactly the manifest that was built — hostile names included."""
    assert yaml.safe_load(render_fides(inventory)) == build_manifest(inventory)


def test_a_transfer_to_unnamed_third_countries_is_an_international_transfer(
    inventory: Inventory,
) -> None:
    vendors = tuple(
        msgspec.structs.replace(
            v, transfers=(), unnamed_country_transfers=(UnnamedTransfer(safeguard="SCC"),)
        )
        if v.id == "mailstore"
        else msgspec.structs.replace(v, transfers=(), unnamed_country_transfers=())
        for v in inventory.vendors
    )
    manifest = build_manifest(msgspec.structs.replace(inventory, vendors=vendors))
    systems = {s["fides_key"]: s for s in manifest["system"]}
    assert systems["m365inv_mailstore"]["does_international_transfers"] is True
    assert systems["m365inv_mailstore"]["legal_basis_for_transfers"] == ["SCC"]
    others = [s for k, s in systems.items() if k != "m365inv_mailstore" and "legal_name" in s]
    assert others and all(s["does_international_transfers"] is False for s in others)
    validate_manifest(manifest)
