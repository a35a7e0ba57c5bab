"""Writing drafts (:mod:`m365inv.catalog.drafting`): the policy text first, the vendor file last,
never over an existing (perhaps reviewed) vendor file unless the caller owns the directory."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from m365inv.catalog.drafting import write_draft
from m365inv.catalog.fetch import FetchedPolicy
from m365inv.errors import CatalogError

POLICY = (
    "Datenschutzerklärung der Beispiel GmbH, Hauptstraße 1, 10115 Berlin.\n\n"
    "## Welche Daten wir verarbeiten\n\n"
    "- Name\n- E-Mail-Adresse\n- IP-Adresse\n"
)


def _fetched(text: str = POLICY) -> FetchedPolicy:
    return FetchedPolicy(
        url="https://beispiel.example/datenschutz",
        final_url="https://beispiel.example/datenschutz",
        content_type="html",
        text=text,
        language="de",
        looks_like_policy=True,
        from_cache=False,
    )


def test_a_draft_is_its_policy_text_and_a_vendor_file(tmp_path: Path) -> None:
    written = write_draft(tmp_path / "out", _fetched(), "Beispiel GmbH", {"app_ids": ["a-1"]})
    assert written.path == tmp_path / "out" / "beispiel-gmbh.yaml"
    assert written.items == 3
    data = yaml.safe_load(written.path.read_text("utf-8"))
    assert data["draft"] is True and data["recognition"]["app_ids"] == ["a-1"]
    assert (tmp_path / "out" / "beispiel-gmbh.policy.txt").read_text("utf-8") == POLICY + "\n"
    assert written.path.read_text("utf-8").startswith("# DRAFT by m365inv from https://")


def test_an_existing_vendor_file_is_kept_unless_replace(tmp_path: Path) -> None:
    first = write_draft(tmp_path, _fetched(), "Beispiel GmbH", None)
    reviewed = first.path.read_text("utf-8").replace("draft: true", "draft: false")
    first.path.write_text(reviewed, "utf-8")
    with pytest.raises(CatalogError, match="exists; refusing to overwrite"):
        write_draft(tmp_path, _fetched(POLICY + "- Telefonnummer\n"), "Beispiel GmbH", None)
    assert first.path.read_text("utf-8") == reviewed  # untouched
    again = write_draft(
        tmp_path, _fetched(POLICY + "- Telefonnummer\n"), "Beispiel GmbH", None, replace=True
    )
    assert again.items == 4
    assert "draft: true" in again.path.read_text("utf-8")


def test_an_unwritable_directory_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(CatalogError, match="cannot create"):
        write_draft(blocker / "drafts", _fetched(), "Beispiel GmbH", None)
    assert list(tmp_path.iterdir()) == [blocker]
