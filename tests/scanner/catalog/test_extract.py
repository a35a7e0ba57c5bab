"""The extraction rules on the patterns real policies use (issue 11's list, one test each)."""

from __future__ import annotations

from scanner.catalog.extract import detect_language, extract
from scanner.catalog.extract.periods import iso_duration


def _items(text: str) -> list[str]:
    return [i.item for i in extract(text).items]


def test_items_in_running_prose_de_and_en() -> None:
    assert _items("Wir verarbeiten Name, E-Mail-Adresse und Telefonnummer der Nutzer.") == [
        "Name", "E-Mail-Adresse", "Telefonnummer der Nutzer"]  # fmt: skip
    assert _items("We collect your name, email address and job title.") == [
        "name", "email address", "job title"]  # fmt: skip


def test_items_in_tables_bold_paragraphs_and_wrapped_bullets() -> None:
    table = "What data we collect\n\n| Data | Purpose |\n|---|---|\n| Email address | Login |\n"
    assert _items(table) == ["Email address"]
    bold = "**Identity Data:** includes first name, last name, username or similar identifier."
    assert _items(bold) == ["first name", "last name", "username", "similar identifier"]
    wrapped = (
        "Welche Daten werden erhoben?\n- Name und Anschrift des\n  Ansprechpartners\n- IP-Adresse\n"
    )
    assert _items(wrapped) == ["Name", "Anschrift des Ansprechpartners", "IP-Adresse"]


def test_combined_entry_is_two_items() -> None:
    text = (
        "Folgende Daten werden verarbeitet:\n• Firmenbezeichnung sowie Name des Ansprechpartners\n"
    )
    assert _items(text) == ["Firmenbezeichnung", "Name des Ansprechpartners"]


def test_negations_are_not_disclosures() -> None:
    text = (
        "What data we collect\n- Email address\n- ❌ No payment data\n"
        "We do not store your calendar entries.\n"
        "Abrechnungsdaten: Unternehmensname, Rechnungsadresse (keine Zahlungsdaten)\n"
    )
    items = _items(text)
    assert "Email address" in items and "Rechnungsadresse" in items
    assert not [i for i in items if "payment" in i.casefold() or "Zahlung" in i or "calendar" in i]


def test_retention_periods_as_iso_8601() -> None:
    ex = extract(
        "Logdateien werden nach 90 Tagen gelöscht. Rechnungen bewahren wir gemäß den gesetzlichen "
        "Aufbewahrungsfristen 6 bzw. 10 Jahre auf. Kontodaten speichern wir bis zur Kündigung. "
        "We do not store the content of your emails. Backups are kept for 24 hours."
    )
    rules = [(r.period, r.rule) for r in ex.retention]
    assert ("P90D", "fixed") in rules
    assert ("P6Y", "statutory") in rules and ("P10Y", "statutory") in rules
    assert (None, "event") in rules
    assert ("P0D", "not-stored") in rules and ("PT24H", "fixed") in rules
    assert iso_duration(3, "Monaten") == "P3M" and iso_duration(30, "minutes") == "PT30M"


def test_breach_notification_deadline_is_not_retention() -> None:
    assert (
        extract("We will notify you within 72 hours of becoming aware of a breach.").retention == ()
    )


def test_legal_bases_cited_and_in_words() -> None:
    ex = extract(
        "Die Verarbeitung erfolgt aufgrund unseres berechtigten Interesses. "
        "Processing is necessary for the performance of a contract. "
        "Legal bases are Article 6 para. 1 a), c) GDPR."
    )
    assert [b.letter for b in ex.legal_bases] == ["a", "b", "c", "f"]
    assert {b.letter: b.confidence for b in ex.legal_bases}["c"] == 0.95


def test_subprocessors_with_countries_from_prose() -> None:
    ex = extract(
        "Our service is hosted on Azure in Frankfurt. Product analytics use PostHog. "
        "Summaries are generated using OpenAI’s API. Settings are stored in Google Firestore. "
        "Cloud hosting (AWS, Hetzner)."
    )
    subs = {s.name: s.country for s in ex.subprocessors}
    assert subs["Microsoft Azure"] == "DE"
    assert {"PostHog", "OpenAI", "Google", "Amazon Web Services"} <= set(subs)
    assert subs["Hetzner Online"] == "DE"


def test_transfer_mechanisms_including_dpf() -> None:
    ex = extract(
        "Data is transferred to the United States. The recipient is certified under the EU-US "
        "Data Privacy Framework. Daten werden in das Vereinigte Königreich übermittelt; es gilt "
        "ein Angemessenheitsbeschluss."
    )
    assert {(t.country, t.mechanism) for t in ex.transfers} == {("US", "DPF"), ("GB", "adequacy")}


def test_security_claims_beyond_keywords_never_ca_only() -> None:
    ex = extract(
        "Passwords are hashed with bcrypt. We are ISO 27001 certified. "
        "Our SSL certificate is issued by Let's Encrypt. Keys are stored in Azure Key Vault."
    )
    claims = [c.source for c in ex.security]
    assert "Our SSL certificate is issued by Let's Encrypt." not in claims
    assert len(claims) == 3
    assert extract("Passwörter werden verschlüsselt gespeichert.").security[0].kind == (
        "reversible-password-encryption"
    )


def test_vendor_country_from_the_legal_entity_address() -> None:
    de = (
        "Verantwortlicher\nBeispiel GmbH\nHauptstraße 1\n10115 Berlin\n\nDatenschutzbeauftragter\nX"
    )
    assert extract(de).country is not None and extract(de).country.country == "DE"  # type: ignore[union-attr]
    delaware = "Acme, a company established under the laws of the United States, Dover, DE."
    assert extract(delaware).country.country == "US"  # type: ignore[union-attr]
    uk = "The controller is Example Ltd, 1 Main Street, London, United Kingdom."
    assert extract(uk).country.country == "GB"  # type: ignore[union-attr]
    assert extract("We use Microsoft Teams.").country is None


def test_language_and_policy_likeness() -> None:
    assert detect_language("Wir verarbeiten Ihre Daten und die der Nutzer.") == "de"
    assert detect_language("We process your data and the data of the users.") == "en"
    assert extract("Buy our shoes! Best prices, free delivery.").policy_score < 3
    assert extract("This privacy policy explains how we process personal data.").policy_score >= 3
