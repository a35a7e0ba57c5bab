"""The extractor on the shapes generator templates and hand-written SaaS policies use.

Every sentence here was written for these tests, modelled on the *structure* of German
generator templates (Hosting, Server-Log-Dateien, Kontaktformular, Speicherdauer, Verarbeitete
Datenarten …) and English SaaS policies (Information we collect, sub-processor tables, CCPA
category tables, DPF/SCC transfer paragraphs). Each rule has a positive and a negative case.
"""

from __future__ import annotations

from m365inv.catalog.extract import extract
from m365inv.catalog.extract.candidates import item_candidates
from m365inv.catalog.extract.items import find_items
from m365inv.catalog.extract.segment import lines


def _items(text: str) -> list[str]:
    return [i.item for i in extract(text).items]


def _subs(text: str) -> dict[str, str | None]:
    return {s.name: s.country for s in extract(text).subprocessors}


# --- items -----------------------------------------------------------------------------------


def test_server_log_list_announced_by_dies_sind() -> None:
    text = (
        "Server-Log-Dateien\n\n"
        "Der Provider erhebt und speichert automatisch Informationen in Server-Log-Dateien, "
        "die Ihr Browser an uns übermittelt. Dies sind:\n\n"
        "- Browsertyp und Browserversion\n- verwendetes Betriebssystem\n- Referrer URL\n"
        "- Hostname des zugreifenden Rechners\n- Uhrzeit der Serveranfrage\n- IP-Adresse\n\n"
        "Eine Zusammenführung dieser Daten mit anderen Datenquellen wird nicht vorgenommen.\n"
    )
    assert _items(text) == [
        "Browsertyp", "Browserversion", "verwendetes Betriebssystem", "Referrer URL",
        "Hostname des zugreifenden Rechners", "Uhrzeit der Serveranfrage", "IP-Adresse",
    ]  # fmt: skip


def test_list_items_that_came_out_as_plain_lines() -> None:
    text = (
        "Personal Data\n\nWe may ask you for information that identifies you. This may include, "
        "but is not limited to:\n\nEmail address\n\nPhone number\n\nPostal code\n\n"
        "Our partners\n\nWe work with resellers in many countries.\n"
    )
    assert _items(text) == ["Email address", "Phone number", "Postal code"]
    numbered = "Folgende Daten können verarbeitet werden:\n3.1 Stammdaten\nName\nE-Mail-Adresse\n"
    assert "Stammdaten" not in _items(numbered)  # a numbered sub-heading is a label, not data
    assert {"Name", "E-Mail-Adresse"} <= set(_items(numbered))


def test_zu_den_x_gehoeren_and_this_includes() -> None:
    de = (
        "Zu den Zugriffsdaten gehören die IP-Adresse, Datum und Uhrzeit des Abrufs, übertragene "
        "Datenmengen und der Browsertyp."
    )
    assert {"IP-Adresse", "Datum und Uhrzeit des Abrufs", "Browsertyp"} <= set(_items(de))
    en = "Usage data is collected automatically. This includes pages visited and session length."
    assert {"pages visited", "session length"} <= set(_items(en))
    assert _items("Our team includes engineers and designers from many countries.") == []


def test_label_with_two_items_joined_by_and() -> None:
    text = "Information we collect\n- Billing information: billing address and VAT number.\n"
    assert _items(text) == ["billing address", "VAT number"]
    described = "Information we collect\n- Support requests: the messages you send us by mail.\n"
    assert _items(described) == ["Support requests"]
    # one of the two a data noun, the other an item the noun test misreads ("hashed" as a verb)
    hashed = (
        "Information we collect\n- **Account details.** Your email address and a hashed password.\n"
    )
    assert _items(hashed) == ["email address", "hashed password"]


def test_parenthesised_list_after_a_generic_data_word() -> None:
    text = (
        "Wenn Sie uns per E-Mail kontaktieren, wird Ihre Anfrage inklusive aller daraus "
        "hervorgehenden personenbezogenen Daten (Name, Anfrage) bei uns gespeichert."
    )
    assert _items(text) == ["Name", "Anfrage"]
    citation = "Wir verarbeiten Daten (Art. 6 Abs. 1 lit. b, c DSGVO) nur zweckgebunden."
    assert _items(citation) == []


def test_retention_clause_and_verbs_are_no_items() -> None:
    text = (
        "Die Daten speichern wir bis zur Löschung Ihres Kontos.\n"
        "Logfile-Informationen werden für die Dauer von maximal 30 Tagen gespeichert.\n"
    )
    assert _items(text) == []
    assert _items("Payments are processed by our payment provider.") == []


def test_ccpa_category_rows_with_letters() -> None:
    text = (
        "Categories of personal information we collect\n\n"
        "| Category | Examples | Collected |\n|---|---|---|\n"
        "| C. Commercial information | Transaction information, purchase history | YES |\n"
        "| D. Biometric information | Fingerprints and voiceprints | NO |\n"
    )
    items = _items(text)
    assert "Transaction information" in items and "purchase history" in items
    assert not [i for i in items if "Fingerprint" in i or i.startswith("C")]


def test_plural_and_singular_are_one_item() -> None:
    text = "Wir verarbeiten Ihren Namen.\nFolgende Daten werden verarbeitet:\n- Name\n- Telefon\n"
    assert [i for i in _items(text) if i.casefold().startswith("name")] == ["Namen"]


# --- sub-processors ----------------------------------------------------------------------------


def test_subprocessor_table_with_location_column() -> None:
    text = (
        "Sub-processors\n\n| Sub-processor | Purpose | Location |\n|---|---|---|\n"
        "| Amazon Web Services | Cloud hosting | Ireland |\n"
        "| Postmark | Transactional email | United States |\n"
        "| Acme Metrics Ltd | Error monitoring | Germany |\n"
    )
    assert _subs(text) == {
        "Amazon Web Services": "IE", "Postmark": "US", "Acme Metrics Ltd": "DE"}  # fmt: skip
    no_place = "| Feature | Plan |\n|---|---|\n| Stripe checkout | Pro |\n"
    assert _subs(no_place) == {}  # no name column: a feature table names no processors


def test_generator_provider_entity_with_address() -> None:
    text = (
        "Hosting\n\nAnbieter ist die Beispiel Hosting GmbH, Industriestr. 25, 91710 Gunzenhausen. "
        "Wir haben einen Vertrag über Auftragsverarbeitung geschlossen.\n\n"
        "Zendesk: Kundenservice; Dienstanbieter: Zendesk, Inc., 989 Market Street, "
        "San Francisco, CA 94103, USA.\n"
    )
    assert _subs(text) == {"Beispiel Hosting GmbH": "DE", "Zendesk": "US"}
    own = "Anbieter dieser Website ist die Muster Software GmbH, Beispielweg 1, 80331 München."
    assert _subs(own) == {}  # the vendor itself is no sub-processor


def test_country_is_the_one_stated_next_to_the_provider() -> None:
    text = "Our application runs on Vercel and our database is hosted by Supabase in Frankfurt."
    assert _subs(text) == {"Vercel": None, "Supabase": "DE"}
    assert _subs("We use Hetzner for hosting.") == {"Hetzner Online": None}


def test_later_mention_with_country_fills_in_the_country() -> None:
    text = (
        "Card payments are processed by Stripe.\n\nSub-processors\n\n"
        "- Stripe, Inc. (payments, United States)\n"
    )
    assert _subs(text) == {"Stripe": "US"}


def test_ambiguous_provider_words_need_a_company_cue() -> None:
    assert _subs("We segment users by plan and render reports via our servers.") == {}
    assert _subs("Analytics are sent to Segment, Inc. in the USA.") == {"Segment, Inc.": "US"}


# --- transfers, security, vendor country ----------------------------------------------------


def test_outside_the_uk_or_eea_is_no_transfer_to_the_uk() -> None:
    ex = extract(
        "Where we transfer personal data outside the UK or EEA to the United States, we rely on "
        "Standard Contractual Clauses."
    )
    assert {(t.country, t.mechanism) for t in ex.transfers} == {("US", "SCC")}


def test_tls_heading_and_its_explanation_are_one_claim() -> None:
    ex = extract(
        "SSL- bzw. TLS-Verschlüsselung\n\nDiese Seite nutzt eine SSL- bzw. TLS-Verschlüsselung. "
        "Eine verschlüsselte Verbindung erkennen Sie daran, dass die Adresszeile wechselt.\n"
    )
    assert [c.source for c in ex.security] == [
        "Diese Seite nutzt eine SSL- bzw. TLS-Verschlüsselung."
    ]


def test_transit_and_rest_with_named_ciphers_are_two_claims_and_access_is_one() -> None:
    ex = extract(
        "All data is encrypted in transit using TLS 1.2 and at rest using AES-256. "
        "Access to production systems is restricted to authorised staff. "
        "Encryption keys are managed in AWS KMS and rotated yearly."
    )
    assert [c.kind for c in ex.security] == [
        "encryption-at-rest", "transport-encryption", "other", "other",
    ]  # fmt: skip
    assert extract("Access to the portal is free of charge for customers.").security == ()


def test_vendor_country_from_us_and_uk_addresses() -> None:
    us = (
        'Company (referred to as "We" or "Us") refers to Sample Tools Inc., 100 Market Street, '
        "Austin, TX 78701."
    )
    assert extract(us).country is not None and extract(us).country.country == "US"  # type: ignore[union-attr]
    uk = "Verantwortlich ist:\nExample Labs Ltd\n20 Sample Road\nManchester M1 2AB\n"
    assert extract(uk).country is not None and extract(uk).country.country == "GB"  # type: ignore[union-attr]
    processor = "Stripe, Inc., 510 Townsend Street, San Francisco, CA 94103 processes payments."
    assert extract(processor).country is None  # a processor's address is not the vendor's


# --- retention and legal bases --------------------------------------------------------------


def test_retention_numbers_in_words_and_parentheses_and_never_persisted() -> None:
    ex = extract("Data is deleted within thirty (30) days. Prompts are never persisted.")
    assert [(r.period, r.rule) for r in ex.retention] == [("P30D", "fixed"), ("P0D", "not-stored")]
    assert extract("We answer requests within thirty (30) days.").retention == ()


def test_legal_bases_in_inflected_german_and_dotted_citations() -> None:
    ex = extract(
        "Dies dient der Erfüllung rechtlicher Verpflichtungen. Zur Wahrung berechtigter "
        "Interessen. Rechtsgrundlage ist Art. 6.1 b DSGVO."
    )
    assert [b.letter for b in ex.legal_bases] == ["b", "c", "f"]
    consent = extract("Consent: for marketing emails, which you can withdraw at any time.")
    assert [b.letter for b in consent.legal_bases] == ["a"]
    assert extract("You consent to these terms by using the site.").legal_bases == ()


# --- more generator shapes (IT-Recht-Kanzlei-style numbering, iubenda-style service blocks) ---


def test_parenthesis_numbered_sections_and_folgenden_daten() -> None:
    text = (
        "2) Datenerfassung beim Besuch unserer Website\n\n"
        "Wenn Sie unsere Website aufrufen, erheben wir die folgenden Daten, die technisch "
        "erforderlich sind:\n\n- Datum und Uhrzeit des Zugriffs\n- Verwendeter Browser\n\n"
        "3) Hosting\n\nWir hosten bei einem Anbieter in Deutschland.\n"
    )
    items = _items(text)
    assert "Verwendeter Browser" in items and "Hosting" not in items
    assert not [i for i in items if "Datenerfassung" in i]


def test_semicolon_lists_after_a_long_announcement_and_data_processed_labels() -> None:
    text = (
        "Among the types of Personal Data that this Application collects, by itself or through "
        "third parties, there are: email address; first name; Trackers; billing address.\n\n"
        "Analytics\n\nPersonal Data processed: session statistics; Usage Data.\n"
    )
    assert _items(text) == [
        "email address", "first name", "Trackers", "billing address", "session statistics",
        "Usage Data"]  # fmt: skip
    assert _items("Among the partners that this Application works with, there are: A; B.") == []


def test_a_list_announced_with_at_least_or_in_particular_is_read_whole() -> None:
    # "mindestens" / "insbesondere" between the verb and the colon: every entry is data, also
    # those the model alone would doubt ("Verfügbarkeit")
    text = (
        "Damit wir Bewerbern passende Stellen anbieten können, werden ihre Daten erhoben. Diese "
        "Daten umfassen mindestens: Name, Geburtsdatum, derzeitige berufliche Situation, "
        "Verfügbarkeit und Berufswünsche der Bewerber.\n"
    )
    assert _items(text) == [
        "Name", "Geburtsdatum", "derzeitige berufliche Situation", "Verfügbarkeit",
        "Berufswünsche der Bewerber"]  # fmt: skip
    text = "This information includes in particular: your job title; your availability.\n"
    assert _items(text) == ["job title", "availability"]
    # a list of what the data is used for is no list of data
    assert _items("Diese Daten umfassen insbesondere: die Vermittlung; die Abrechnung.") == []


def test_a_service_name_is_no_data_item() -> None:
    text = "Types of data collected\n\n- Google Analytics 4\n- Stripe\n- E-Mail-Adresse\n"
    assert _items(text) == ["E-Mail-Adresse"]


def test_place_of_processing_line_and_product_with_its_entity() -> None:
    text = (
        "Hosting and backend infrastructure\n\n"
        "Amazon Web Services (AWS) is a hosting service provided by Amazon Web Services, Inc.\n"
        "Personal Data processed: Usage Data.\nPlace of processing: Germany.\n\n"
        "Google Analytics 4 is a web analysis service provided by Google Ireland Limited.\n"
    )
    # the product as the policy names it, with the legal entity the contract is with (the
    # entity's own name adds nothing to "Amazon Web Services, Inc.")
    assert _subs(text) == {
        "Amazon Web Services": "DE",
        "Google Analytics (Google Ireland Limited)": "IE",
    }
    two = (
        "We use Microsoft Teams, a service of Microsoft Corporation, USA, or for the EEA of "
        "Microsoft Ireland Operations Limited."
    )
    assert set(_subs(two)) == {"Microsoft Corporation", "Microsoft Ireland Operations Limited"}


def test_subject_first_german_across_a_company_abbreviation() -> None:
    text = "Ihre E-Mail-Adresse wird dabei an die Beispiel GmbH & Co. KG übermittelt."
    assert _items(text) == ["E-Mail-Adresse"]


def test_a_thirty_page_policy_reports_each_finding_once() -> None:
    # the time it takes is a benchmark figure (python -m bench.extraction prints it), not a
    # unit-test assertion: a loaded CI machine would make such a test flaky
    page = "\n\n".join(
        [
            "Server-Log-Dateien\n\nDer Provider erhebt Informationen. Dies sind:\n\n- Browsertyp"
            "\n- Referrer URL\n- IP-Adresse\n\nDie Log-Dateien werden nach 14 Tagen gelöscht.",
            "Sub-processors\n\n| Sub-processor | Purpose | Location |\n|---|---|---|\n"
            "| Amazon Web Services | Hosting | Ireland |\n| Postmark | Email | United States |",
            "Anbieter ist die Beispiel Hosting GmbH, Industriestr. 25, 91710 Gunzenhausen. Die "
            "Verarbeitung erfolgt auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO.",
            "All data is encrypted in transit using TLS 1.2 and at rest using AES-256. Transfers "
            "to the United States rely on the EU-U.S. Data Privacy Framework.",
            "We collect your name, email address and job title. We retain logs for 90 days.",
        ]
    )
    text = (page * 200)[: 30 * 3000]
    found = extract(text)
    items = [i.item for i in found.items]
    assert items == [
        "Browsertyp",
        "Referrer URL",
        "IP-Adresse",
        "name",
        "email address",
        "job title",
        "logs",
    ]
    assert [r.period for r in found.retention] == ["P14D", "P90D"]
    assert sorted({s.name for s in found.subprocessors}) == [
        "Amazon Web Services",
        "Beispiel Hosting GmbH",
        "Postmark",
    ]
    assert len(found.subprocessors) == 3


def test_german_subject_first_prose_with_modal_and_companion_phrases() -> None:
    text = (
        "Welche Daten wir verarbeiten\n"
        "Vor- und Nachname sowie die E-Mail-Adresse der buchenden Person werden zusammen mit "
        "dem Termin gespeichert. Optional können eine Telefonnummer und eine kurze Nachricht "
        "angegeben werden. Bei Zahlungen wir erhalten von Stripe nur eine Zahlungsreferenz und "
        "den Betrag.\n"
    )
    got = _items(text)
    for want in ("Vorname", "Nachname", "E-Mail-Adresse der buchenden Person", "Telefonnummer"):
        assert any(want in g for g in got), (want, got)
    assert {"Zahlungsreferenz", "Betrag"} <= set(got), got
    assert "Termin" not in " ".join(got), got  # stored with the data, not named as data
    # what cannot be said is not read: no list before "angegeben werden"
    assert (
        _items("Welche Daten wir verarbeiten\nDie Angaben können jederzeit geändert werden.\n")
        == []
    )


def test_a_label_listing_data_is_no_title_over_the_next_paragraph() -> None:
    text = (
        "Welche Daten wir verarbeiten\n"
        "Kalender-Profil: Anzeigename, Profilbild, Arbeitszeiten\n"
        "Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO gegenüber dem Kunden, der uns mit der "
        "Einrichtung beauftragt hat.\n"
    )
    assert {"Anzeigename", "Profilbild", "Arbeitszeiten"} <= set(_items(text)), _items(text)


def test_data_denied_after_a_subject_first_list_are_no_items() -> None:
    text = (
        "Kalenderabgleich\n"
        "Wir lesen den Frei/Gebucht-Status. Betreff, Ort und Teilnehmende fremder Termine werden "
        "dabei nicht gelesen.\n"
    )
    got = _items(text)
    assert not {"Betreff", "Ort", "Teilnehmende fremder Termine"} & set(got), got
    # a later clause's denial leaves the first list alone
    kept = "Name und E-Mail-Adresse werden gespeichert, das Passwort wird nie gespeichert."
    features = {c.text: c.features for c in item_candidates(lines(kept), set())}
    assert "neg_after" not in features["Name"], features
    assert "Betreff" not in {c.text for c in item_candidates(lines(text), set())}


def test_transfer_mechanisms_and_places_in_a_recipients_row_are_no_items() -> None:
    text = (
        "Empfänger\n\n| Dienstleister | Aufgabe | Sitz | Serverstandort | Garantie |\n"
        "|---|---|---|---|---|\n"
        "| Stripe Payments Europe, Ltd. | Zahlungsabwicklung | Irland | EU und USA | "
        "Data Privacy Framework |\n"
    )
    got = _items(text)
    assert not {"EU und USA", "Data Privacy Framework", "DPF", "Zahlungsabwicklung"} & set(got)


def test_generic_data_with_a_participle_before_their_parenthesised_list() -> None:
    text = (
        "Es werden nur die für die Buchung erforderlichen Daten erhoben (Name, E-Mail-Adresse).\n"
    )
    assert _items(text) == ["Name", "E-Mail-Adresse"]


def test_adverbs_pronouns_and_either_after_werden_name_no_data() -> None:
    for sentence in (
        "In Verfahren der Verwaltung werden Daten grundsätzlich für die Dauer der Bearbeitung "
        "gespeichert.",
        "Wenn wir länger brauchen, erhalten Sie eine Zwischennachricht.",
        "Sie werden entweder vorübergehend für die Dauer einer Sitzung oder dauerhaft auf Ihrem "
        "Endgerät gespeichert.",
    ):
        assert _items(f"Speicherdauer\n{sentence}\n") == [], sentence
    assert _items(
        "Welche Daten\nName und E-Mail-Adresse werden nur für die Anmeldung gespeichert.\n"
    ) == [
        "Name",
        "E-Mail-Adresse",
    ]


def test_information_announced_by_will_include_and_which_may_include() -> None:
    text = (
        "Account Creation. To create your account you provide information. This information will "
        "include, at a minimum, your name, email address, and you may add a photo.\n"
        "Device Information. We automatically record information on our server logs, which may "
        "include your IP address, geolocation data and device identification.\n"
    )
    got = {f.item.removeprefix("your ") for f in find_items(lines(text))}  # the rules read it
    assert {"name", "email address", "IP address", "geolocation data"} <= got, got


def test_an_abbreviation_inside_an_announced_list_does_not_end_it() -> None:
    text = (
        "Dies umfasst Datum und Uhrzeit des Abrufs, übertragene Datenmenge und ggf. Namen der "
        "angeforderten Datei, verwendeter Browser, verwendetes Betriebssystem und IP-Adresse.\n"
    )
    got = [f.item for f in find_items(lines(text))]
    assert {"Namen der angeforderten Datei", "verwendetes Betriebssystem", "IP-Adresse"} <= set(got)
    assert "ggf" not in got, got


def test_what_we_receive_from_a_provider_at_a_sentences_start() -> None:
    said = (
        "Wir erhalten von Stripe eine Bestätigung der Zahlung, deine E-Mail-Adresse und den Betrag."
    )
    got = [f.item for f in find_items(lines(said))]
    assert {"Bestätigung der Zahlung", "E-Mail-Adresse", "Betrag"} <= set(got), got
    assert [f.item for f in find_items(lines("Wir erhalten von Stripe keine Kartendaten."))] == []


def test_a_category_listed_bare_first_gives_its_examples_where_it_is_listed_again() -> None:
    overview = "Arten der verarbeiteten Daten\n\n- Bestandsdaten.\n- Kontaktdaten.\n\n"
    later = (
        "Registrierung\n\nWir führen Kundenkonten.\n\n"
        "- Verarbeitete Datenarten: Bestandsdaten (z.B. Namen, Anschriften); Kontaktdaten "
        "(z.B. E-Mail, Telefonnummern).\n- Betroffene Personen: Kunden.\n"
    )
    assert _items(overview + later) == [
        "Bestandsdaten", "Kontaktdaten", "Namen", "Anschriften", "E-Mail", "Telefonnummern",
    ]  # fmt: skip
    # a specific category's single remark is no field list: the category stays once
    once = "- Stammdaten.\n\nKonto\n\n- Verarbeitete Datenarten: Stammdaten (freiwillig).\n"
    assert _items(once) == ["Stammdaten"]


def test_a_right_of_the_data_subject_lists_no_data() -> None:
    text = (
        "Auskunftsrecht: Sie haben das Recht, eine Bestätigung zu verlangen, ob Daten "
        "verarbeitet werden, und auf Auskunft über diese Daten sowie auf weitere Informationen.\n\n"
        "You have the right to receive your name, e-mail address and orders in a portable form.\n"
    )
    assert _items(text) == []
    assert _items("Wir verarbeiten Ihren Namen und Ihre E-Mail-Adresse.\n") == [
        "Namen", "E-Mail-Adresse",
    ]  # fmt: skip


def test_a_log_list_closed_by_a_modal_verb() -> None:
    text = (
        "Zu den Protokolldateien können die Adresse der abgerufenen Seite, Datum und Uhrzeit des "
        "Abrufs, der Browsertyp und die IP-Adresse gehören.\n"
    )
    got = _items(text)
    assert {"Datum und Uhrzeit des Abrufs", "Browsertyp", "IP-Adresse"} <= set(got)
    recipients = (
        "Zu den Empfängern dieser Daten können z.B. Zahlungsinstitute oder Anbieter von Diensten "
        "gehören.\n"
    )
    assert _items(recipients) == []


def test_prepositional_phrases_whose_data_for_what_and_recipients_are_no_items() -> None:
    found = find_items(
        lines(
            "Wir verarbeiten Daten unserer Vertrags- und Geschäftspartner im Rahmen von "
            "vertraglichen Rechtsverhältnissen.\n\n"
            "Darüber hinaus verarbeiten wir die Daten zur Wahrung unserer Rechte.\n\n"
            "Wir übermitteln Rechnungsdaten an Banken und Steuerberatern.\n"
        )
    )
    got = [f.item for f in found]
    assert not {"unserer Vertrags- und Geschäftspartner", "Daten zur Wahrung unserer Rechte"} & set(
        got
    )
    assert "Banken" not in got and "Steuerberatern" not in got
    english = find_items(
        lines(
            "We process the data of our contractual partners, e.g. to involve transport services, "
            "subcontractors, banks, tax advisors and payment service providers.\n"
        )
    )
    assert not {"subcontractors", "payment service providers", "data of our contractual"} & {
        f.item for f in english
    }
    # a phrase led by a preposition and an attribute names data
    kept = find_items(lines("Wir speichern die vom Nutzer übermittelten Dateien.\n"))
    assert [f.item for f in kept] == ["vom Nutzer übermittelten Dateien"]


def test_kinds_of_cookie_and_activity_labels_are_no_data() -> None:
    text = (
        "Speicherdauer: Im Hinblick auf die Speicherdauer werden die folgenden Arten von Cookies "
        "unterschieden:\n\n"
        "- Temporäre Cookies: Temporäre Cookies werden gelöscht, wenn der Browser schließt.\n"
        "- Permanente Cookies: Permanente Cookies bleiben nach dem Schließen gespeichert.\n\n"
        "Erhebung von Zugriffsdaten: Der Zugriff auf das Angebot wird protokolliert.\n"
    )
    assert _items(text) == []


def test_clause_openings_modal_tails_and_et_cetera_are_no_items() -> None:
    text = (
        "Log data - Whenever using our app, our servers record your IP address.\n\n"
        "When aggregating, online identifiers and IP address might still be retained.\n\n"
        "We are the processor of most of your personal data (name, email, etc).\n\n"
        "We keep things like name, avatar and time zone.\n"
    )
    got = _items(text)
    assert not [x for x in got if x.casefold().startswith(("whenever", "etc", "things"))]
    assert "IP address" in got and "IP address might still be retained" not in got
    assert {"name", "avatar", "time zone"} <= set(got)


def test_a_hosting_paragraph_whose_list_a_modal_handeln_closes() -> None:
    text = (
        "Die Daten dieser Website werden beim Hoster gespeichert. Hierbei kann es sich v. a. um "
        "IP-Adressen, Kontaktanfragen, Vertragsdaten, Namen und Websitezugriffe handeln.\n"
    )
    assert {"IP-Adressen", "Kontaktanfragen", "Vertragsdaten", "Namen"} <= set(_items(text))


def test_coordinated_verbs_and_a_run_of_purposes_after_the_data() -> None:
    text = (
        "Wir erheben, verarbeiten und nutzen personenbezogene Kunden- und Vertragsdaten zur "
        "Begründung, inhaltlichen Ausgestaltung und Änderung unserer Vertragsbeziehungen.\n"
    )
    rules = [f.item for f in find_items(lines(text))]  # (the model may veto a one-line text's)
    assert rules == ["personenbezogene Kunden- und Vertragsdaten"]


def test_a_category_list_answered_yes_or_no_below_each_entry() -> None:
    text = (
        "We have collected the following categories of personal information:\n\n"
        "- **A. Identifiers:** Contact details, such as real name and email address\n\n  YES\n\n"
        "- **C. Protected classification characteristics:** Gender and date of birth\n\n  NO\n\n"
        "We keep it for:\n\n- Category A - As long as you have an account\n"
    )
    got = _items(text)
    assert "real name" in got and "email address" in got
    assert not {"Gender", "date of birth", "Category A"} & set(got)


def test_a_denial_then_what_the_information_may_include() -> None:
    text = (
        "This information does not reveal your identity (like your name) but may include "
        "device information, such as your IP address, operating system and country.\n"
    )
    got = _items(text)
    assert {"IP address", "operating system", "country"} <= set(got) and "name" not in got


def test_an_age_is_no_retention_period() -> None:
    text = (
        "We do not knowingly store data of children under 16 years of age.\n\n"
        "Personen unter 18 Jahren speichern keine Daten.\n\nLogs are deleted after 18 months.\n"
    )
    assert {r.period for r in extract(text).retention if r.period} == {"P0D", "P18M"}


def test_data_sharing_one_head_are_drafted_one_by_one() -> None:
    text = (
        "Welche Daten wir verarbeiten\n\n- Vor- und Nachname\n"
        "- Meta-, Kommunikations- und Verfahrensdaten\n"
        "- Browser- und Betriebssystem-Informationen\n"
        "- Ein- und Ausgabe\n\nWe collect your first and last name.\n"
    )
    assert _items(text) == [
        "Vorname",
        "Nachname",
        "Metadaten",
        "Kommunikationsdaten",
        "Verfahrensdaten",
        "Browser-Informationen",
        "Betriebssystem-Informationen",
        "Ein- und Ausgabe",
        "first name",
        "last name",
    ]  # fmt: skip  ("Ein- und Ausgabe": no data head to share, one entry as written)


def test_a_german_compound_categorys_parenthesised_fields_are_the_items() -> None:
    text = (
        "Welche Daten wir verarbeiten\n\n"
        "- Zahlungsdaten (Kreditkartennummer, Kontoverbindung)\n"
        "- Registrierungsdaten (E-Mail, Passwort-Hash, Firmenname, USt-IdNr.)\n"
        "- Lohnabrechnung (Brutto, Netto)\n"
    )
    got = _items(text)
    assert {"Kreditkartennummer", "Kontoverbindung", "E-Mail", "Passwort-Hash"} <= set(got)
    assert "Lohnabrechnung" in got and "Brutto" not in got  # a specific item, no fields


def test_an_informationen_compound_gives_its_examples_but_keeps_a_bare_field_list() -> None:
    text = (
        "Welche Daten wir verarbeiten\n\n"
        "- Nutzungsinformationen (z. B. App-Verhalten, Anzeigeninteraktion)\n"
        "- Geräteinformationen (Betriebssystem, App-Version)\n"
        "- Nutzungsdaten innerhalb der App (z. B. Merkliste, Suchanfragen)\n"
    )
    got = _items(text)
    assert {"App-Verhalten", "Anzeigeninteraktion", "Merkliste", "Suchanfragen"} <= set(got)
    assert not any(g.startswith(("Nutzungsinformationen", "Nutzungsdaten")) for g in got), got
    # a bare list after "…informationen" describes the category (labellers keep the category)
    assert "Geräteinformationen (Betriebssystem, App-Version)" in got


def test_list_after_the_participle_belongs_to_the_noun_before_it() -> None:
    generic = (
        "Bei jedem Zugriff auf unsere App werden automatisch technische Zugriffsdaten gespeichert "
        "(IP-Adresse, Datum und Uhrzeit, aufgerufene Seite, verwendeter Browser)."
    )
    assert _items(generic) == [
        "IP-Adresse", "Datum und Uhrzeit", "aufgerufene Seite", "verwendeter Browser"
    ]  # fmt: skip
    logs = (
        "Beim Besuch werden vom Hosting-Anbieter (Vercel) Server-Logs verarbeitet (IP-Adresse, "
        "User-Agent, aufgerufene URL, Referrer, Zeitstempel)."
    )
    assert _items(logs)[:3] == ["Server-Logs", "IP-Adresse", "User-Agent"]
    places = "Bei jedem Zugriff werden die Server-Logs gespeichert (Frankfurt, Paris, Dublin)."
    assert not {"Frankfurt", "Paris", "Dublin"} & set(_items(places))  # places, not fields
    negated = "Es werden keine Zugriffsdaten gespeichert (IP-Adresse, Browser, Uhrzeit)."
    assert _items(negated) == []


def test_what_a_file_contains_is_disclosed() -> None:
    text = (
        "Die Dateien enthalten möglicherweise personenbezogene Daten (z.B. Schülernamen, "
        "Handschriften)."
    )
    assert _items(text) == ["Schülernamen", "Handschriften"]


def test_asking_for_consent_names_no_data() -> None:
    text = "We ask for your consent before we send newsletters. We request your name and email."
    assert [i.item for i in extract(text).items] == ["name", "email"]


def test_a_sole_trader_writing_in_the_first_person_names_the_data() -> None:
    text = (
        "Wenn du mir schreibst, verarbeite ich deine E-Mail-Adresse und den Inhalt deiner "
        "Nachricht. Für Rechnungen speichere ich deinen Namen und deine Anschrift."
    )
    items = [i.item for i in extract(text).items]
    assert {"E-Mail-Adresse", "Inhalt deiner Nachricht", "Namen", "Anschrift"} <= set(items)


def test_examples_after_processing_named_as_a_noun_are_the_data() -> None:
    text = (
        "Beim Aufruf werden technisch notwendige Verbindungsdaten verarbeitet. Die Speicherung "
        "erfolgt durch den Hosting-Anbieter (z. B. IP-Adresse, Zeitstempel, User-Agent)."
    )
    assert {"IP-Adresse", "Zeitstempel", "User-Agent"} <= {i.item for i in extract(text).items}
    text = "Die Speicherung erfolgt bei Anbietern (z. B. Google, Microsoft, Amazon)."
    assert [i.item for i in extract(text).items] == []


def test_your_data_that_will_be_held_is_named_but_not_a_request() -> None:
    text = "When you sign up, your email address and password will be stored."
    assert [i.item for i in extract(text).items] == ["email address", "password"]
    assert [i.item for i in extract("Your request will be processed within 30 days.").items] == []


def test_the_users_datum_beside_the_datum_is_a_repeat() -> None:
    text = (
        "Wir verarbeiten IP-Adressen und Zugriffszeiten.\n\n"
        "Beim Aufruf der Website speichern wir die IP-Adresse des Nutzers.\n\n"
        "Für Rückfragen speichern wir den Namen und den Namen des Ansprechpartners.\n"
    )
    items = [f.item for f in find_items(lines(text))]
    assert not any("des Nutzers" in i for i in items)
    assert "IP-Adressen" in items
    assert any("Ansprechpartners" in i for i in items)  # a particular role says more


def test_requests_or_reports_as_a_sentences_only_object_are_no_data() -> None:
    assert _items("We will process such requests in accordance with applicable laws.") == []
    reports = (
        "We may receive reports based on the use of these technologies by these companies on an "
        "individual and aggregated basis."
    )
    assert _items(reports) == []
    # in an enumeration of what the reader sends, requests are data
    listed = "Information we collect\n- Comments, questions, and requests you may make;\n"
    assert _items(listed) == ["Comments", "questions", "requests"]


def test_an_announced_list_of_activities_names_no_data() -> None:
    text = (
        "This includes exchanging information with other companies and organizations for fraud "
        "protection and credit risk reduction."
    )
    assert _items(text) == []
    # an announced list of data still gives its entries
    assert _items("This includes your name, email address and phone number.") == [
        "name", "email address", "phone number"
    ]  # fmt: skip
