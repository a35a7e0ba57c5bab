"""Privacy-notice building blocks (issue 12): one row per recipient with role, country, purpose,
data and transfer, from the same inventory as the Art. 30 record, German and English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.models import Inventory
from m365inv.reports import write_reports
from m365inv.reports.privacy_notice import render_privacy_notice
from m365inv.reports.ropa import recipient_rows
from tests.reports.fixture_inventory import empty_inventory


def _rows(md: str) -> list[list[str]]:
    lines = [ln for ln in md.splitlines() if ln.startswith("| ") and not ln.startswith("|---")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[1:]]


def test_one_row_per_recipient_with_merged_purposes(inventory: Inventory) -> None:
    rows = _rows(render_privacy_notice(inventory, "en"))
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    mailissa = next(r for r in rows if r[0] == "axontic GmbH")
    assert mailissa[1:4] == ["processor", "DE", "Bereitstellung des Dienstes"]
    assert mailissa[4] == "E\\-mail address, Group memberships, Name"  # readable, merged
    hosting = next(r for r in rows if r[0] == "Hosting provider")
    assert hosting[5] == "US: EU standard contractual clauses"
    mailstore = next(r for r in rows if r[0] == "MailStore Software GmbH")
    assert mailstore[1] == "independent controller"


def test_same_recipients_as_the_art30_record(inventory: Inventory) -> None:
    notice = {r[0].split(" \\[")[0] for r in _rows(render_privacy_notice(inventory, "de"))}
    record = {r[1] for r in recipient_rows(inventory, "de")[1:]}
    escaped = {n.replace("(", "\\(").replace(")", "\\)") for n in record}
    assert len(notice) == len(record) and notice & escaped


def test_unknown_vendors_are_listed_to_identify(inventory: Inventory) -> None:
    md = render_privacy_notice(inventory, "de")
    assert "Mail 📬 Bot \\[Anbieter vor Veröffentlichung ermitteln\\]" in md
    assert "<script>" not in md
    assert "Nicht alle Quellen konnten gelesen werden" in md


def test_nothing_read_says_so() -> None:
    md = render_privacy_notice(empty_inventory(), "en")
    assert "No recipients were found." in md and "not every source could be read" in md


@pytest.mark.parametrize("lang", ["de", "en"])
def test_written_per_language(inventory: Inventory, tmp_path: Path, lang: str) -> None:
    written = write_reports(inventory, tmp_path, "notice", lang)
    assert written["notice"] == tmp_path / f"privacy-notice.{lang}.md"
    assert written["notice"].read_text("utf-8") == render_privacy_notice(inventory, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_golden(inventory: Inventory, golden: Callable[[str, bytes], None], lang: str) -> None:
    golden(f"privacy-notice.{lang}.md", render_privacy_notice(inventory, lang).encode())


def test_json_for_a_policy_generator(inventory: Inventory) -> None:
    import json

    from m365inv.reports.privacy_notice import render_notice_json

    doc = json.loads(render_notice_json(inventory))
    assert doc["complete"] is False  # two sources were not read
    by_name = {r["name"]: r for r in doc["recipients"]}
    assert by_name["Hosting provider"] == {
        "name": "Hosting provider",
        "role": "transfer",
        "country": "US",
        "thirdCountry": True,
        "safeguard": "EU standard contractual clauses",
        "purposes": ["Bereitstellung des Dienstes"],
        "dataCategories": ["ext:user.social.group_membership", "user.contact.email", "user.name"],
    }
    assert by_name["MailStore Software GmbH"]["role"] == "controller"
    unknown = by_name["Mail 📬 Bot"]
    assert unknown["role"] == "vendor-unknown" and unknown["country"] is None
    assert unknown["thirdCountry"] is None and unknown["purposes"] == []
    cats = {c["key"]: (c["en"], c["de"]) for c in doc["dataCategories"]}
    assert cats["ext:user.content.private.email"] == ("E-mail content", "E-Mail-Inhalte")
    # the same recipients as the Markdown notice
    assert len(doc["recipients"]) == len(_rows(render_privacy_notice(inventory, "en")))
