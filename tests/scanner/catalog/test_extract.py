"""The extraction rules on the patterns real policies use (issue 11's list, one test each)."""

from __future__ import annotations

from m365inv.catalog.extract import detect_language, extract
from m365inv.catalog.extract.claims import legal_bases_in
from m365inv.catalog.extract.periods import iso_duration


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
    assert {"PostHog", "OpenAI", "Google Firebase / Firestore", "Amazon Web Services / AWS"} <= set(
        subs
    )
    assert subs["Hetzner Online"] is None  # a name alone never implies where it processes


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


# --- patterns added after the second blind set (sentences written for these tests) ---


def test_hard_wrapped_pdf_paragraph_reads_as_one_sentence() -> None:
    text = (
        "Zur Einrichtung Ihres Zugangs speichern wir Ihre Kundennummer und Ihren Anzeigenamen auf\n"
        "unseren Servern in Deutschland. Die Lizenzdaten übermitteln wir an den Hersteller.\n"
    )
    assert _items(text) == ["Kundennummer", "Anzeigenamen"]


def test_announcing_sentence_opens_the_list_and_nested_labels_are_sub_headings() -> None:
    text = (
        "Several types of data are processed when you book a room.\n"
        "What we process depends on the booking.\n"
        "  • Device identifier\n"
        "  • Booking details:\n"
        "    • Room number\n"
        "    • Arrival date\n"
        "  • Voice, image and sensor data\n"
    )
    assert _items(text) == ["Device identifier", "Room number", "Arrival date",
                            "Voice, image and sensor data"]  # fmt: skip


def test_generic_data_with_parenthesised_examples_yields_the_examples() -> None:
    text = "Beim Login werden verschiedene Daten erfasst (z. B. Kundennummer, Postleitzahl)."
    assert _items(text) == ["Kundennummer", "Postleitzahl"]
    definition = (
        "Personenbezogene Daten sind alle Angaben über eine Person (z. B. Name, Anschrift)."
    )
    assert _items(definition) == []  # a definition discloses nothing


def test_subject_first_german_and_will_save_english() -> None:
    stored = "Die Seriennummer sowie Ihr Pseudonym werden auf unseren Servern gespeichert."
    assert _items(stored) == ["Seriennummer", "Pseudonym"]
    assert _items("After the workshop we will export and save the whiteboard content later.") == [
        "whiteboard content"]  # fmt: skip
    assert _items("If you access the vendor's website, the vendor is responsible.") == []


def test_purpose_and_summary_labels_are_not_data_lists() -> None:
    text = (
        "Information we collect\n"
        "- Billing contact: name, invoice address, VAT number\n"
        "Why: deliver invoices, answer questions, and keep accounts safe.\n"
        "\nData Usage\n\nWe use the contact details to send invoices and nothing else at all.\n"
    )
    assert _items(text) == ["name", "invoice address", "VAT number"]


def test_legal_bases_negated_or_described_as_agreed_services() -> None:
    ex = extract(
        "We are not subject to a legal obligation to keep these records. "
        "Die Verarbeitung dient dem Erbringen vertraglich vereinbarter Leistungen. "
        "Before a webinar is recorded we ask for your consent."
    )
    assert [b.letter for b in ex.legal_bases] == ["a", "b"]


def test_licence_keys_are_no_security_claim_but_master_keys_are() -> None:
    assert extract("Geben Sie den Lizenzschlüssel im Portal ein.").security == ()
    assert len(extract("Die Masterschlüssel liegen in einem Hardware-Modul.").security) == 1


def test_provider_as_source_or_as_anbieter() -> None:
    src = extract("Tenant details: domain, plan (as provided by Microsoft). We process them.")
    assert src.subprocessors == ()
    shares = extract("Microsoft may share billing information with us about your purchase.")
    assert shares.subprocessors == ()
    anbieter = extract("Details zur Verarbeitung erhalten Sie beim Anbieter Microsoft.")
    assert [s.name for s in anbieter.subprocessors] == ["Microsoft"]


def test_us_pronoun_is_not_the_usa_and_based_in_gives_the_vendor_country() -> None:
    ex = extract("The add-in sends usage events to Azure; please write to us with questions.")
    assert [s.country for s in ex.subprocessors] == [None]
    based = extract("Example Apps Ltd, a UK-based company, builds tools for Microsoft Teams.")
    assert based.country is not None and based.country.country == "GB"
    not_vendor = extract(
        "Weitere Hinweise: Microsoft ist als solcher verantwortlich für die Einhaltung der Gesetze "
        "und verarbeitet Daten in den USA. " + "Microsoft erläutert dies ausführlich. " * 10
    )
    assert not_vendor.country is None


def test_transfer_mechanism_stated_earlier_in_the_paragraph() -> None:
    ex = extract(
        "Wir haben mit dem Anbieter EU-Standardvertragsklauseln vereinbart. Die Vereinbarung wird "
        "jährlich geprüft. Sie ist im Kundenportal abrufbar. Wir informieren Sie über Änderungen. "
        "Unter Umständen verarbeitet der Anbieter Ihre personenbezogenen Daten auch in den USA."
    )
    assert {(t.country, t.mechanism) for t in ex.transfers} == {("US", "SCC")}


def test_flattened_table_rows_are_not_joined_as_wrapped_text() -> None:
    from m365inv.catalog.extract.segment import lines

    rows = (
        "Kundennummer Beim Anlegen des Kontos Zur Zuordnung von Bestellungen und Rechnungen\n"
        "Lieferanschrift Bei jeder Bestellung im Portal Zur Auslieferung der bestellten Waren\n"
    )
    assert len(lines(rows)) == 2
    wrapped = (
        "Zur Anmeldung übermitteln wir den Zugangscode sowie den gewählten Benutzernamen an Ihr\n"
        "Unternehmen, damit die Lizenz zugeordnet werden kann.\n"
    )
    assert len(lines(wrapped)) == 1


def test_datenverantwortlicher_names_the_vendor_country() -> None:
    ex = extract("Der Datenverantwortliche ist die Beispiel Software GmbH, Wien, Österreich.")
    assert ex.country is not None and ex.country.country == "AT"


def test_lone_modifier_shares_the_next_data_noun() -> None:
    text = "We collect your given and family name, billing address and work or home phone number."
    assert _items(text) == [
        "given name",
        "family name",
        "billing address",
        "work phone number",
        "home phone number",
    ]
    assert _items("We collect your name and email address.") == ["name", "email address"]


def test_trailing_participle_is_not_part_of_the_item() -> None:
    text = "What we collect\n- API permissions granted (for example Mail.Read)\n- Licence tier\n"
    assert _items(text)[0] == "API permissions"


def test_a_consent_status_is_data_not_a_legal_basis() -> None:
    sentence = (
        "Verarbeitet werden Meta-Daten (z. B. IP-Adressen, Zeitangaben, Einwilligungsstatus)."
    )
    assert [h.letter for h in legal_bases_in(sentence)] == []
    assert [
        h.letter for h in legal_bases_in("Die Verarbeitung erfolgt mit Ihrer Einwilligung.")
    ] == ["a"]


def test_an_english_word_ending_in_ort_is_no_german_place_compound() -> None:
    from m365inv.catalog.extract.lexicon import is_data_noun

    assert [is_data_noun(w) for w in ("Wohnort", "Geburtsort", "Standort")] == [True] * 3
    assert [is_data_noun(w) for w in ("In Short", "Support", "Export")] == [False] * 3
