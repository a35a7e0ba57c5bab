from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from m365inv.catalog import validate_data
from m365inv.catalog.draft import categories_of, draft_vendor
from m365inv.cli import app

DE = """Datenschutzerklärung (Version: 2019/03)
Welche Daten werden erhoben?
  • E-Mail-Adresse des Nutzers
  • Passwort des Kontos, verschlüsselt (AES256)
  • IP-Adresse
Die Daten werden nach 30 Tagen gelöscht. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.
Wir nutzen Google Analytics; die Daten werden an Server in den USA übertragen.
"""
EN = """Privacy policy, March 2024
What data we collect
- Email address
- Full name
{transfer}
Logs are deleted after 90 days.
""".format(
    transfer="We use Stripe for payments. Data is transferred to the United States under "
    "standard contractual clauses."
)


def test_german_policy_draft_keeps_sources_and_validates() -> None:
    d = draft_vendor(DE, "Acme GmbH")
    validate_data(d, "draft")
    items = {i["item"]: i for i in d["disclosures"]}
    assert items["E-Mail-Adresse des Nutzers"]["categories"][0] == "user.contact.email"
    assert items["IP-Adresse"]["categories"] == ["user.device.ip_address"]
    assert all(i["source"] and 0 < i["confidence"] <= 1 for i in d["disclosures"])
    assert d["policy"]["date"] == "2019-03" and d["draft"] is True
    assert [(b["basis"], b["source"]) for b in d["legal_bases"]] == [
        ("Art. 6 Abs. 1 lit. b DSGVO", "Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.")
    ]
    assert [s["name"] for s in d["subprocessors"]] == ["Google Analytics"]
    assert [(t["country"], t["mechanism"]) for t in d["transfers"]] == [("US", "none-stated")]
    assert d["security_claims"][0]["kind"] == "reversible-password-encryption"
    assert [(r["period"], r["rule"]) for r in d["retention_rules"]] == [("P30D", "fixed")]


def test_english_policy_draft() -> None:
    d = draft_vendor(EN, "Acme Ltd")
    validate_data(d, "draft")
    assert d["policy"]["language"] == "en" and d["policy"]["date"] == "2024-03"
    # "Logs are deleted after 90 days" is a retention rule: its period is drafted, its subject
    # is no new disclosure (on the corpus, 102 such subjects were labelled by no one, 13 were)
    assert {i["item"] for i in d["disclosures"]} == {"Email address", "Full name"}
    assert [(t["country"], t["mechanism"]) for t in d["transfers"]] == [("US", "SCC")]
    assert [r["period"] for r in d["retention_rules"]] == ["P90D"]


def test_lexicon_does_not_confuse_mail_and_postal_addresses() -> None:
    assert categories_of("Mailadresse des Administrators") == ["user.contact.email"]
    assert "user.contact.address" in categories_of("Firmenname und -adresse")


def test_cli_import_writes_draft_and_refuses_overwrite(tmp_path: Path) -> None:
    policy = tmp_path / "p.txt"
    policy.write_text(DE, "utf-8")
    out = tmp_path / "acme.yaml"
    runner = CliRunner()
    res = runner.invoke(
        app, ["catalog", "import", str(policy), "--vendor", "Acme GmbH", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert out.read_text("utf-8").startswith("# DRAFT")
    res = runner.invoke(app, ["catalog", "validate", str(out)])
    assert res.exit_code == 0
    res = runner.invoke(
        app, ["catalog", "import", str(policy), "--vendor", "Acme GmbH", "--out", str(out)]
    )
    assert res.exit_code != 0
    res = runner.invoke(app, ["catalog", "import", str(tmp_path / "missing.txt"), "--vendor", "X"])
    assert res.exit_code != 0


def test_a_table_rows_basis_and_period_belong_to_that_rows_data() -> None:
    text = (
        "What we collect\n\n| Data | Purpose | Legal basis | Retention |\n|---|---|---|---|\n"
        "| Email address | Sign-in | Contract performance | Deleted 30 days after closure |\n"
        "| Usage events | Analytics | Legitimate interest | 13 months |\n"
    )
    draft = draft_vendor(text, "tabular")
    periods = {d["item"]: d["retention_period"] for d in draft["disclosures"]}
    assert periods == {"Email address": "P30D", "Usage events": "P13M"}
    assert [b["basis"] for b in draft["legal_bases"]] == [
        "Art. 6 Abs. 1 lit. b DSGVO",
        "Art. 6 Abs. 1 lit. f DSGVO",
    ]
    # the other cells are no data items of their own
    assert [d["item"] for d in draft["disclosures"]] == ["Email address", "Usage events"]
    # what they were read from is quoted as the policy writes it, for the reviewer to find
    sources = [r["source"] for r in draft["retention_rules"]] + [
        b["source"] for b in draft["legal_bases"]
    ]
    assert sources and all(src in text for src in sources)


def test_a_period_goes_to_the_items_its_sentence_names_not_to_lookalikes() -> None:
    text = (
        "Information we collect\n\nWhen you use the add-in we process your display name, your "
        "e-mail address and your tenant ID. The contents of your e-mails are never stored. "
        "Your tenant ID is deleted 30 days after you uninstall the add-in.\n"
    )
    periods = {d["item"]: d["retention_period"] for d in draft_vendor(text, "x")["disclosures"]}
    assert periods == {"display name": None, "e-mail address": None, "tenant ID": "P30D"}


def test_a_period_of_an_exception_is_not_the_period_of_the_rest() -> None:
    text = (
        "Information we collect\n\nWe read message content and subject lines. Message content "
        "is processed in memory and never stored, except for summaries, which are retained for "
        "30 days.\n"
    )
    periods = {d["item"]: d["retention_period"] for d in draft_vendor(text, "x")["disclosures"]}
    assert periods.get("message content") is None
