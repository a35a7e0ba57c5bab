"""Review and acceptance of drafts, and validation that reports every error of a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from m365inv.catalog import validate_data, validation_errors
from m365inv.catalog.draft import draft_vendor
from m365inv.catalog.review import accept, review_page
from m365inv.cli import app
from m365inv.errors import CatalogError
from m365inv.pipeline import vendor_info

POLICY = (
    "Datenschutzerklärung der Beispiel GmbH, Hauptstraße 1, 10115 Berlin, Deutschland "
    "(Verantwortlicher).\nWelche Daten werden erhoben?\n- E-Mail-Adresse <script>x</script>\n"
    "- IP-Adresse\nLogdateien werden nach 14 Tagen gelöscht. Rechtsgrundlage ist Art. 6 Abs. 1 "
    "lit. f DSGVO. Wir nutzen Microsoft Azure in Frankfurt als Hosting-Anbieter.\n"
)


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "beispiel.yaml"
    path.write_text(yaml.safe_dump(draft_vendor(POLICY, "Beispiel GmbH"), allow_unicode=True))
    return path


def test_review_page_marks_sources_and_escapes(tmp_path: Path) -> None:
    page = review_page(_draft(tmp_path), POLICY)
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
    assert '<mark id="s0">' in page and "DRAFT" in page and "country DE" in page
    assert "default-src 'none'" in page  # no scripts or remote content in the review page


def test_cli_review_writes_page_and_terminal_view(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    (tmp_path / "beispiel.policy.txt").write_text(POLICY, "utf-8")
    res = CliRunner().invoke(app, ["catalog", "review", str(draft)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "IP-Adresse" in res.output and (tmp_path / "beispiel.review.html").exists()


def test_accept_turns_off_draft_and_drops_confidences(tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    accept(draft, today=dt.date(2026, 12, 2))
    data = yaml.safe_load(draft.read_text("utf-8"))
    assert data["draft"] is False and data["policy"]["reviewed"] == "2026-12-02"
    assert all("confidence" not in d for d in data["disclosures"])
    vendor = validate_data(data, "accepted")
    assert vendor.disclosures[0].retention_period is None or vendor.disclosures[0].source
    with pytest.raises(CatalogError, match="not a draft"):
        accept(draft)


def test_validate_reports_every_error_and_accept_refuses(tmp_path: Path) -> None:
    data = draft_vendor(POLICY, "Beispiel GmbH")
    data["country"] = "Germany"
    data["transfers"] = [{"country": "US", "mechanism": "Privacy Shield"}]
    data["disclosures"][0]["categories"] = ["user.not_a_category"]
    data["disclosures"][1]["retention_period"] = "14 Tage"
    errors = validation_errors(data)
    assert len(errors) == 4 and any(e.startswith("country:") for e in errors)
    data["transfers"] = []
    data["country"] = "DE"
    data["disclosures"][1]["retention_period"] = "P14D"
    assert validation_errors(data) == ["disclosures/0: unknown data category 'user.not_a_category'"]
    bad = tmp_path / "bad.yaml"
    data["country"] = "Germany"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    res = CliRunner().invoke(app, ["catalog", "validate", str(bad)])
    assert res.exit_code != 0
    assert res.output.count("error  ") == 2  # both problems, not just the first
    assert "unknown data category" in res.output and "'Germany'" in res.output
    with pytest.raises(CatalogError, match="2 validation error"):
        accept(bad)


def test_scan_with_a_draft_says_so_in_the_inventory() -> None:
    info = vendor_info(validate_data(draft_vendor(POLICY, "Beispiel GmbH"), "draft"))
    assert info.draft is True and info.country == "DE"
    reviewed = vendor_info(validate_data({**draft_vendor(POLICY, "B"), "draft": False}, "ok"))
    assert reviewed.draft is False


def test_a_transfer_to_unnamed_third_countries_validates_and_reaches_the_inventory(
    tmp_path: Path,
) -> None:
    policy = POLICY + (
        "Wo Daten in Drittländer übermittelt werden, stützen wir uns auf die "
        "EU-Standardvertragsklauseln.\n"
    )
    data = draft_vendor(policy, "Beispiel GmbH")
    assert [(t["country"], t["mechanism"]) for t in data["transfers"]] == [(None, "SCC")]
    info = vendor_info(validate_data(data, "draft"))
    assert info.transfers == ()  # the 1.x contract's Transfer always has a country
    assert [(u.recipient, u.safeguard) for u in info.unnamed_country_transfers] == [(None, "SCC")]
    path = tmp_path / "beispiel.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert "third countries not named (SCC)" in review_page(path, policy)
    # null is the only stand-in: a name is still no country code
    bad = {**data, "transfers": [{"country": "Drittländer", "mechanism": "SCC"}]}
    assert any("Drittländer" in e for e in validation_errors(bad))
