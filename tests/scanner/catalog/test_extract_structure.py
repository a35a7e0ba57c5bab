"""The extractor on document structure: sub-labels over lists, entries that name a section word,
tables with a data column, label-style legal bases and the vendor's own country.

Sentences written for these tests. Each rule has a positive and a negative case.
"""

from __future__ import annotations

from m365inv.catalog.extract import detect_language, extract
from m365inv.catalog.extract.items import find_items
from m365inv.catalog.extract.segment import lines, normalise, sentences, wrap_width


def _items(text: str) -> list[str]:
    return [i.item for i in extract(text).items]


def _country(text: str) -> str | None:
    found = extract(text).country
    return found.country if found else None


def test_sub_labels_over_lists_are_no_items_and_contact_entries_do_not_close_the_list() -> None:
    text = (
        "2. What Data We Collect\n"
        "Customer Account\n"
        "- Contact name and email address\n"
        "- Billing address\n"
        "Directory Data (via Microsoft Graph)\n"
        "When you connect your tenant, we read the following directory profile data:\n"
        "- Job title\n"
        "- Office location\n"
        "3. How We Use Your Data\n"
        "- Contact you about your subscription\n"
    )
    items = _items(text)
    assert items == ["Contact name", "email address", "Billing address", "Job title",
                     "Office location"]  # fmt: skip
    assert "Customer Account" not in items and "Directory Data" not in items


def test_a_contact_section_still_closes_the_list() -> None:
    text = "## Data we collect\n\n- Name\n- Email address\n\n## Contact us\n\n- Phone: 0123 456\n"
    assert _items(text) == ["Name", "Email address"]


def test_a_table_data_column_gives_the_items_and_the_header_none() -> None:
    text = (
        "## Tenant data\n\n"
        "| Data element | Permission used | Purpose |\n"
        "|---|---|---|\n"
        "| Display names, email addresses | User.Read.All | Identify licence holders |\n"
        "| Last sign-in date | AuditLog.Read.All | Find inactive accounts |\n"
        "| Mailbox size | Reports.Read.All | Determine storage use |\n\n"
        "We review this table every year.\n"
    )
    items = _items(text)
    assert items == ["Display names", "email addresses", "Last sign-in date", "Mailbox size"]
    for noise in ("Permission used", "Purpose", "Identify licence holders", "Determine"):
        assert not any(noise.casefold() in i.casefold() for i in items)


def test_a_table_without_outer_pipes_reads_as_the_same_table() -> None:
    # GitHub renders "a | b" over "---|---" as a table: its rows are read as those of a
    # "| a | b |" table, up to the first line without a pipe
    piped = (
        "## Tenant data\n\n"
        "| Data element | Purpose |\n|---|---|\n"
        "| Display names | Identify licence holders |\n| Mailbox size | Storage use |\n\n"
        "We review this table every year.\n"
    )
    bare = (
        "## Tenant data\n\n"
        "Data element | Purpose\n:---|---:\n"
        "Display names | Identify licence holders\nMailbox size | Storage use\n\n"
        "We review this table every year.\n"
    )
    assert _items(bare) == _items(piped) == ["Display names", "Mailbox size"]
    assert [x.row for x in lines(bare) if x.row] == [x.row for x in lines(piped) if x.row]
    # a setext heading's underline has no pipe: the line above stays text
    assert next(x.kind for x in lines("Name | Wert\n---\n\nText.")) != "bullet"


def test_a_german_table_with_a_datenkategorie_column() -> None:
    text = (
        "| Zweck | Datenkategorie | Speicherdauer |\n"
        "| --- | --- | --- |\n"
        "| Anmeldung | Name, E-Mail-Adresse | bis zur Löschung des Kontos |\n"
        "| Support | Ticketinhalt | 12 Monate |\n"
    )
    assert _items(text) == ["Name", "E-Mail-Adresse", "Ticketinhalt"]


def test_a_table_without_a_data_column_keeps_reading_rows() -> None:
    text = (
        "## Information we collect\n\n"
        "| Category | Examples |\n|---|---|\n"
        "| Identifiers | name, email address |\n"
    )
    assert "Category: Examples" not in _items(text)  # the header row is no entry


def test_a_contract_label_in_a_bases_list_is_basis_b() -> None:
    text = (
        "Legal basis\n\n- Contract: to provide the service you subscribed to\n"
        "- Legitimate interest: to prevent fraud\n"
    )
    assert [b.letter for b in extract(text).legal_bases] == ["b", "f"]
    assert extract("We may update this contract from time to time.").legal_bases == ()


def test_vendor_country_from_where_the_service_is_operated() -> None:
    assert (
        _country("Acme Audit is an independent licence tool operated from Ontario, Canada.") == "CA"
    )
    assert _country("About us\n\nWe are based in the United Kingdom.") == "GB"
    # a big provider's seat in the same sentence is not the vendor's
    assert (
        _country(
            "We use Teams, a platform of Microsoft Ireland Operations Limited, mit Sitz in Irland."
        )
        is None
    )


def test_vendor_country_from_the_entity_address_at_the_top() -> None:
    assert (
        _country("Muster GmbH, Ringstraße 5, 1010 Wien, Österreich (im Folgenden „wir“).") == "AT"
    )
    assert _country("Datenschutzerklärung der Beispiel GmbH, Hauptstraße 1, 10115 Berlin.") == "DE"
    assert (
        _country(
            "Survey Co is provided by Survey Labs Ltd., 2 Harbour Square, Dublin 2, Ireland. "
            "For the data that our app processes, we act as a processor for your organisation."
        )
        == "IE"
    )


def test_a_processor_address_at_the_top_is_not_the_vendor_country() -> None:
    assert _country("Our processor Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, "
                    "Germany hosts the servers.") is None  # fmt: skip
    assert (
        _country("Wir nutzen die Server der Beispiel Hosting GmbH, Weg 2, 80331 München.") is None
    )


def test_storing_sentences_name_the_data_they_store_retention_rules_do_not() -> None:
    text = (
        "Call metadata is stored for at most 120 days.\n"
        "Audit events are kept for 180 days and then deleted.\n"
        "E-mails and attachments are archived for the statutory periods.\n"
        "Payments are processed by our payment provider.\n"
    )
    assert _items(text) == ["Call metadata", "E-mails", "attachments"]


def test_a_place_phrase_inside_an_enumeration_does_not_glue_words() -> None:
    items = _items("Metadata from calls and meetings is stored for 120 days.")
    assert all(" " not in i or "and" not in i.split() for i in items)
    assert not any(i.startswith("Metadataand") for i in items)
    assert items[0] == "Metadata"


def test_categories_of_data_subjects_close_the_data_list() -> None:
    text = (
        "1. Type of personal data processed:\n- Name\n- E-mail address\n"
        "2. Categories of data subjects:\n- Employees of the customer\n"
        "- Third parties whose data is processed in the calendar\n"
    )
    assert _items(text) == ["Name", "E-mail address"]
    opened = "1. Categories of personal data subject to processing\n\n- IP address\n- User name\n"
    assert _items(opened) == ["IP address", "User name"]


def test_german_verb_first_and_colon_lists() -> None:
    assert _items(
        "An den Anbieter übertragen werden insbesondere Ihre o.g. Eingaben, Ihre IP-Adresse, "
        "Geräte- und Browserinformationen und die von Ihnen aufgerufene Seite."
    ) == [
        "IP-Adresse",
        "Geräteinformationen",
        "Browserinformationen",
        "von Ihnen aufgerufene Seite",
    ]
    assert _items("Gespeichert werden dabei Name und E-Mail-Adresse.") == ["Name", "E-Mail-Adresse"]
    assert _items(
        "Bei der Buchung werden, je nach Terminart, zumindest abgefragt: Name, Rufnummer "
        "oder Adresse."
    ) == ["Name", "Rufnummer", "Adresse"]
    # conditions and verbs are not items
    assert _items(  # the answers are data received; the clause after "und" is none
        "Wir erhalten Antworten und werten diese je nach Einstellung anonymisiert aus."
    ) == ["Antworten"]
    assert _items("Verarbeitet wird nur, was für den Termin nötig ist.") == []


def test_questions_and_kinds_of_data_are_no_items() -> None:
    text = (
        "The app stores several kinds of data: your display name and your tenant ID.\n"
        "We collect telemetry to understand how the app is used and what kinds of errors occur.\n"
    )
    items = _items(text)
    assert "display name" in items and "tenant ID" in items
    assert not any(i.lower().startswith(("what", "how", "several")) for i in items)


def test_every_sentence_of_a_paragraph_is_read() -> None:
    text = (
        "## Welche Daten wir verarbeiten\n\n"
        "Dabei verarbeiten wir E-Mail-Inhalte und Dateianhänge. Aus den Rechnungen erfassen wir "
        "Firmenbezeichnung sowie Name des Ansprechpartners und Bankverbindung. Zur Anmeldung "
        "nutzen wir Name und E-Mail-Adresse der Benutzer aus Microsoft Entra ID.\n"
    )
    assert _items(text) == [
        "E-Mail-Inhalte",
        "Dateianhänge",
        "Firmenbezeichnung",
        "Name des Ansprechpartners",
        "Bankverbindung",
        "E-Mail-Adresse der Benutzer",
    ]  # fmt: skip  ("Name" is covered by "Name des Ansprechpartners")


def test_use_verbs_need_a_data_noun() -> None:
    assert _items("We use your email address to send receipts.") == ["email address"]
    assert _items("We use Stripe for payments. Wir nutzen Microsoft Teams für Besprechungen.") == []


def _claims(text: str) -> list[str]:
    return [c.source for c in extract(text).security]


def test_each_security_measure_is_claimed_once() -> None:
    text = (
        "## Data Encryption\n\n"
        "All analysis data is stored in a database encrypted with AES-256.\n"
        "- Database file: encrypted with AES-256 (SQLCipher)\n"
        "- Keys are protected with the Windows Data Protection API (DPAPI)\n\n"
        "## Encryption in Transit\n\n"
        "All connections use TLS 1.2 or later.\n"
        "Traffic to the licence server also uses TLS.\n"
    )
    assert _claims(text) == [
        "All analysis data is stored in a database encrypted with AES-256.",
        "Database file: encrypted with AES-256 (SQLCipher)",  # SQLCipher is new
        "Keys are protected with the Windows Data Protection API (DPAPI)",
        "All connections use TLS 1.2 or later.",
    ]  # the headings name topics; the second TLS sentence repeats a measure


def test_negations_and_instructions_are_no_claims() -> None:
    text = (
        "## Your settings\n\n"
        "Outlook may or may not encrypt its local store.\n"
        "Attachments are not encrypted on your device.\n"
        "Enable encryption: Settings → Privacy → Encrypt database.\n"
        "Recommendation: use full-disk encryption such as BitLocker.\n"
        "Die Protokolle sind nicht verschlüsselt.\n"
    )
    assert _claims(text) == []


def _subs(text: str) -> list[str]:
    return [s.name for s in extract(text).subprocessors]


def test_negated_referenced_and_source_providers_are_no_recipients() -> None:
    text = (
        "## Third-party services\n\n"
        "- No analytics: no Google Analytics, Mixpanel or similar services.\n"
        "- Please refer to Microsoft's privacy statement for how Microsoft handles your data.\n"
        "- Data read using the Microsoft Graph API is handled in accordance with Microsoft's "
        "policies.\n"
        "- Payments are processed by Stripe, Inc. in the United States.\n"
    )
    assert _subs(text) == ["Stripe, Inc."]  # the legal entity as the policy names it


def test_a_descriptive_table_cell_is_no_recipient() -> None:
    text = (
        "| Empfänger | Ort |\n|---|---|\n"
        "| Kunden und Interessenten, die E-Mails senden | Schweiz |\n"
        "| Hetzner Online GmbH | Deutschland |\n"
    )
    assert [(s.name, s.country) for s in extract(text).subprocessors] == [("Hetzner Online", "DE")]


def test_app_policy_template_sentences() -> None:
    text = (
        "#Information Collection And Use\n\n"
        "Personally identifiable information may include, but is not limited to your name and "
        'email ("Personal Information").\n\n'
        "#Log Data\n\n"
        "This Log Data may include information such as your device's IP address, browser type, "
        "the time and date of your visit and other statistics.\n"
    )
    items = _items(text)
    assert items[:2] == ["name", "email"]
    assert "browser type" in items and any("IP address" in i for i in items)
    assert "other statistics" not in items
    assert [ln.kind for ln in lines(text)][:1] == ["heading"]  # "#Heading" without a space


def test_not_limited_to_is_no_negation_but_not_is() -> None:
    assert _items("The data we collect includes, but is not limited to, your phone number.") == [
        "phone number"
    ]
    assert _items("The data we collect does not include your phone number.") == []


def test_a_file_table_lists_its_contents_as_data() -> None:
    text = (
        "| Datei | Inhalt |\n|---|---|\n"
        "| `accounts.json` | Kennwörter und OAuth-Token Ihrer Konten |\n"
        "| `cache.db` | Betreff, Absender und Datum der Nachrichten |\n"
    )
    items = _items(text)
    assert {"Kennwörter", "Betreff", "Absender", "Datum der Nachrichten"} <= set(items)
    assert not any("json" in i or "cache.db" in i for i in items)


def test_relative_clauses_are_no_items() -> None:
    from m365inv.catalog.extract.lexicon import looks_like_item

    assert not looks_like_item("Third parties whose data")
    assert not looks_like_item("Personen, deren Daten")
    assert looks_like_item("Third-party account data")


def test_generator_template_sentences() -> None:
    assert _items(
        "Wenn Sie uns per Kontaktformular Anfragen zukommen lassen, werden Ihre Angaben aus dem "
        "Anfrageformular inklusive der von Ihnen dort angegebenen Kontaktdaten zwecks "
        "Bearbeitung der Anfrage bei uns gespeichert."
    ) == ["Angaben aus dem Anfrageformular", "Kontaktdaten"]  # (whose they are said before)
    assert _items(
        "Für den Newsletter benötigen wir von Ihnen eine E-Mail-Adresse sowie Ihren Vornamen."
    ) == ["E-Mail-Adresse", "Vornamen"]
    assert _items(
        "We collect the following information when you sign up: your name, your work email "
        "address, and your company name."
    ) == ["name", "work email address", "company name"]
    assert _items(
        "Account information: When you create an account, we collect your name, email address "
        "and password."
    ) == ["name", "email address", "password"]
    assert _items(
        "Wir speichern Ihren Namen und Ihre E-Mail-Adresse, solange Ihr Konto besteht."
    ) == ["Namen", "E-Mail-Adresse"]
    # a place phrase is cut; what is left may be generic, and then it is no item
    assert _items("Wir speichern Kundendaten auf Servern in Frankfurt.") == []


def test_semicolon_lists_and_examples_that_belong_to_their_item() -> None:
    assert _items(
        "Information you provide. We collect names; email addresses; passwords; and other "
        "similar information."
    ) == ["names", "email addresses", "passwords"]
    assert _items(
        "Wir verarbeiten folgende Daten: Stammdaten (z. B. Name, Anschrift), Kontaktdaten "
        "(z. B. E-Mail-Adresse), Vertragsdaten."
    ) == ["Name", "Anschrift", "Kontaktdaten", "Vertragsdaten"]
    # a generic word's examples are the items
    assert _items("Wir verarbeiten personenbezogene Daten (z. B. Name, E-Mail-Adresse).") == [
        "Name",
        "E-Mail-Adresse",
    ]


def test_separable_german_verbs_keep_data() -> None:
    rules = extract("Rechnungen bewahren wir gemäß § 147 AO 6 bzw. 10 Jahre auf.").retention
    assert [(r.period, r.rule) for r in rules] == [("P6Y", "statutory"), ("P10Y", "statutory")]
    assert extract("Unser Support antwortet innerhalb von 2 Tagen.").retention == ()


def test_a_list_of_what_is_not_collected_discloses_nothing() -> None:
    text = (
        "## Information we collect\n\n- Display name\n- Tenant ID\n\n"
        "## Information We Do NOT Collect\n\n- Payment information\n- Location data\n\n"
        "We never store:\n- Email bodies\n- Attachments\n\n"
        "## Usage data\n\n- Feature usage counts\n"
    )
    items = _items(text)
    assert "Display name" in items and "Tenant ID" in items
    for absent in ("Payment information", "Location data", "Email bodies", "Attachments"):
        assert absent not in items


def test_generic_data_with_examples_after_a_reading_verb() -> None:
    assert _items(
        "The web part holds sponsor data (name, title, email, phone) in browser memory."
    ) == ["name", "title", "email", "phone"]


def test_what_we_store_lists_and_purpose_clauses() -> None:
    text = (
        "What we store\n\nFor accounts, we store:\n"
        "- Identity: a Microsoft account identifier (your Entra object ID) and your email "
        "address, used to recognize you.\n"
        "- Billing: your plan and renewal date, which we need for invoices.\n"
    )
    items = _items(text)
    assert items[:2] == ["Microsoft account identifier", "email address"]
    assert "Identity" not in items
    assert not any(i.startswith(("used", "which")) for i in items)


def test_actions_and_section_names_are_no_items() -> None:
    from m365inv.catalog.extract.lexicon import looks_like_item

    for action in ("save images from the messages", "Export Data", "retrieving files",
                   "requests according"):  # fmt: skip
        assert not looks_like_item(action), action
    assert looks_like_item("uploaded images") and looks_like_item("request logs")
    text = (
        "## Information we collect\n\n- Display name\n\n"
        "## Storage and Usage of Data\n\n"
        "We keep everything on Azure in the customer's region and use it only to run the app.\n"
    )
    assert "Storage and Usage of Data" not in _items(text)


def test_ai_add_in_vocabulary_and_back_references() -> None:
    text = (
        "## Information We Collect\n\n"
        "- Prompts: Natural language requests you type into the add-in\n"
        "- Responses: the answers the model returns\n"
        "- View Data: you can view your data at any time in the settings\n"
    )
    items = _items(text)
    assert items[:2] == ["Prompts", "Responses"]
    assert "View Data" not in items
    assert _items("An den Anbieter übertragen werden die o.g. Eingaben und Ihre IP-Adresse.") == [
        "IP-Adresse"
    ]


def test_list_entries_keep_their_examples_and_servers_log() -> None:
    assert _items(
        "We process the following categories of personal data: identification data (name, "
        "user ID), contact data (email address), and usage data."
    ) == ["identification data (name, user ID)", "contact data", "usage data"]
    assert _items(
        "Our servers log your IP address, browser type and the time of your request."
    ) == [
        "IP address",
        "browser type",
        "time of your request",
    ]


def test_announced_lists_accept_unknown_nouns_once_one_names_data() -> None:
    text = (
        "2. Accessed Data\n\nThe data categories that can be accessed are strictly limited to:\n\n"
        "Basic profile: name, e-mail address and profile picture, used for sign-in.\n"
    )
    assert _items(text) == ["name", "e-mail address", "profile picture"]
    assert _items(
        "This may include the selected paragraph, surrounding context and your email address."
    ) == [
        "selected paragraph",
        "surrounding context",
        "email address",
    ]
    # without one entry that names data, the rules take no unknown noun on trust (not "the
    # mood": mood-tracking apps in the corpus disclose a mood); whether such a list is data is
    # then the item model's call, weighed like any candidate
    assert find_items(lines("This may include the weather, the season and the tide.")) == []


def test_more_english_collection_forms() -> None:
    assert _items("When you register, you provide us with your name and company name.") == [
        "name",
        "company name",
    ]
    assert _items("We obtain your display name and email address from Microsoft Graph.") == [
        "display name",
        "email address",
    ]
    assert _items("Data we access: calendar events, contacts and mailbox settings.") == [
        "calendar events",
        "contacts",
        "mailbox settings",
    ]
    assert _items("Your name and email address are used to create your account.") == [
        "name",
        "email address",
    ]
    assert _items("This page is used to inform visitors about our policies.") == []
    assert _items("Payments are handled by our payment provider.") == []


def test_template_such_as_lists_and_negated_wrapped_sentences() -> None:
    assert _items(
        "If you contact us directly, we may receive additional information about you such as "
        "your name, email address and phone number."
    ) == ["name", "email address", "phone number"]
    assert _items(
        "The information collected by log files include browser type, referring pages and the "
        "number of clicks."
    ) == ["browser type", "referring pages", "number of clicks"]
    # a negated sentence hard-wrapped in the Markdown source stays negated
    assert (
        _items(
            "Our extension does not collect, process or store any\n"
            "personal information, including your user name and email address.\n"
        )
        == []
    )
    assert _items("The web part does not:\n\n- Transfer data to servers\n- Store chat logs\n") == []


def test_examples_after_including_are_the_items() -> None:
    assert _items(
        "The plugin captures and stores email meta-information, including EmailID, UserID, "
        "recipient counts and attachment details."
    ) == ["EmailID", "UserID", "recipient counts", "attachment details"]
    assert _items("We collect usage data, such as pages visited.") == [
        "usage data",
        "pages visited",
    ]
    assert "other such information" not in _items(
        "We may collect log data, including IP address, browser type and other such information."
    )


def test_vendor_country_from_a_responsible_body_block() -> None:
    text = "Responsible body\nApp creators:\nExample World SE\nBeispiel-Weg 1-5\n76131 Karlsruhe\n"
    assert _country(text) == "DE"


def test_clauses_are_no_items() -> None:
    from m365inv.catalog.extract.lexicon import looks_like_item

    assert not looks_like_item("To find out what information")
    assert not looks_like_item("wenn Sie uns kontaktieren")
    assert looks_like_item("Tone preferences")


def test_two_or_more_examples_are_the_items() -> None:
    text = (
        "## Data We Process\n\n"
        "- Identity data needed to authenticate the user, such as subject identifier, display "
        "name and email address.\n"
        "- Derived analysis output, including verdict, reasons and quota state.\n"
    )
    items = _items(text)
    assert items[:3] == ["subject identifier", "display name", "email address"]
    assert "verdict" in items and "quota state" in items
    assert _items(
        "The app may access calendar information including event titles, descriptions and "
        "related metadata."
    ) == ["event titles", "descriptions", "related metadata"]


def test_a_heading_on_accessed_information_opens_the_list() -> None:
    text = (
        "## Information Accessed by the Web Part\n\nThis may include:\n\n"
        "- User display name\n- Page context information\n"
    )
    assert _items(text) == ["User display name", "Page context information"]


def test_negation_belongs_to_its_clause() -> None:
    assert _items(
        "Although these data may contain your name and e-mail address, we will not pass them "
        "to third parties."
    ) == ["name", "e-mail address"]
    assert _items("We never store message content; we only keep the message ID.") == ["message ID"]
    assert _items(
        "Wir speichern keine Zahlungsdaten, aber wir speichern Ihren Namen und Ihre E-Mail-Adresse."
    ) == ["Namen", "E-Mail-Adresse"]
    assert _items("We do not collect your name, email address or phone number.") == []
    assert _items("It may contain usernames as well as log messages.") == [
        "usernames",
        "log messages",
    ]


def test_a_table_row_broken_over_lines_and_laws_as_no_items() -> None:
    text = (
        "| Data | Where it lives | Why |\n|---|---|---|\n"
        "Your access token and basic profile |\nLocally, in browser storage |\n"
        "To keep you signed in. |\n"
        "| Your recipient lists | Locally | To run a merge. |\n"
    )
    items = _items(text)
    assert "access token" in items and "recipient lists" in items
    assert not any("Locally" in i or "signed in" in i for i in items)
    from m365inv.catalog.extract.lexicon import looks_like_item

    for law in ("HIPAA", "PIPEDA", "Provincial Privacy Laws", "Comply with critical regulations"):
        assert not looks_like_item(law), law


def test_a_record_tables_fields_other_than_the_data_categories_are_no_items() -> None:
    text = (
        "Verzeichnis\n\n| Feld | Inhalt |\n|---|---|\n"
        "| **Bezeichnung** | Automatische Erfassung von Kontakten |\n"
        "| **Datenkategorien** | Name, E-Mail-Adresse |\n"
        "| **Betroffene** | Kunden und Interessenten |\n"
        "| **Empfänger** | Beispiel AG, KI-Anbieter |\n"
        "| **Aufbewahrung** | Gemäss Konfiguration |\n"
    )
    assert _items(text) == ["Name", "E-Mail-Adresse"]
    comparison = "| Kriterium | A |\n|---|---|\n| Modelltraining mit Kundendaten | ✅ Nein |\n"
    assert _items(comparison) == []


def test_an_indented_lower_case_line_continues_the_entry_above() -> None:
    text = (
        "## What gets stored\n\n"
        "**Team context:** tenant ID, channel ID, conversation reference (needed to message\n"
        "  you proactively), the stand-up schedule\n\n"
        "**Ops:** request logs (method, path, status code).\n"
    )
    found = lines(text)
    assert [(ln.kind, ln.text) for ln in found[1:]] == [
        (
            "text",
            "Team context: tenant ID, channel ID, conversation reference (needed to message you "
            "proactively), the stand-up schedule",
        ),
        ("text", "Ops: request logs (method, path, status code)."),
    ]
    assert [i.item for i in extract(text).items] == [
        "tenant ID",
        "channel ID",
        "conversation reference",
        "stand-up schedule",
        "request logs",
    ]


def test_a_fields_or_data_sent_column_holds_the_items_and_a_service_column_the_recipient() -> None:
    text = (
        "| Category | Fields | Kept for |\n|---|---|---|\n"
        "| Mailbox directory | display name, UPN, mailbox GUID | until removed |\n"
        "| Audit trail | search queries, IP address | 2 years |\n"
    )
    assert [i.item for i in extract(text).items] == [
        "display name",
        "UPN",
        "mailbox GUID",
        "search queries",
        "IP address",
    ]
    text = (
        "Your prompts are sent to our AI providers:\n| Service | Purpose | Data Sent |\n"
        "|---|---|---|\n| OpenAI | GPT model responses | User prompts, cell context |\n"
    )
    found = extract(text)
    assert [i.item for i in found.items] == ["User prompts", "cell context"]
    assert [s.name for s in found.subprocessors] == ["OpenAI"]


def test_a_word_hyphenated_at_a_hard_line_break_is_one_word_again() -> None:
    raw = (
        "Zusätzlich speichern wir je Verbindung ein Zugriffstoken und die Zuordnungstabelle der\n"
        "Daten-\nsatz-IDs beider Seiten. Name, E-Mail-\n"
        "Adresse und Rechnungsanschrift der Kundin werden für die Vertragsabwicklung gespeichert.\n"
    )
    text = " ".join(ln.text for ln in lines(raw))
    assert "Datensatz-IDs" in text and "E-Mail-Adresse" in text
    # a suspended compound split at the break keeps its hyphen and space
    raw = (
        "Gespeichert werden im Kundenkonto Ihre E-Mail-Adresse, Ihre Anschrift sowie Ihr Vor-\n"
        "und Nachname für die Dauer des Vertrags.\n"
    )
    assert "Vorname", "Nachname" in lines(raw)[0].text


def test_of_a_category_and_a_contents_column_the_contents_hold_the_items() -> None:
    text = (
        "| Datenkategorie | Inhalt | Wohin |\n|---|---|---|\n"
        "| Nachrichtenmetadaten | Absender, Betreff, Empfangsdatum | euer DMS |\n"
    )
    assert [i.item for i in extract(text).items] == ["Absender", "Betreff", "Empfangsdatum"]


def test_a_what_exactly_column_and_a_typed_permission_with_a_dash() -> None:
    text = (
        "| Data | What exactly | Retention |\n|---|---|---|\n"
        "| Mailbox metadata | folder names, message IDs | same as the e-mails |\n"
        "\nPermissions:\n"
        "- `User.Read.All` (application) — reads display names and group memberships\n"
    )
    assert [i.item for i in extract(text).items] == [
        "folder names",
        "message IDs",
        "display names",
        "group memberships",
    ]


_PDF_PARAGRAPHS = [
    "Datenschutzhinweise für Online-Meetings, Telefonkonferenzen und Webinare via „Microsoft"
    " Teams“ der Beispiel Software GmbH",
    "1. Bei der Nutzung von Microsoft Teams werden verschiedene Kategorien personenbezogener"
    " Daten verarbeitet. Dazu zählen Angaben, die zur Administration des Benutzerkontos benötigt"
    " werden, wie Vor- und Nachname, die E-Mail-Adresse sowie das Profilbild.",
    "2. Personenbezogene Daten (z.B. Anrede, Name, Anschrift, Telefonnummer, Bankverbindung)"
    " werden von uns nur gemäß den Bestimmungen der Datenschutz-Grundverordnung der Europäischen"
    " Union und des Bundesdatenschutzgesetzes erfasst und verarbeitet. Die nachfolgenden"
    " Vorschriften informieren über Art, Umfang und Zweck der Erhebung und Nutzung.",
    "3. Protokolldaten der Anmeldung werden nach dreißig Tagen automatisch gelöscht, sofern sie"
    " nicht zur Aufklärung eines Sicherheitsvorfalls benötigt werden; darüber hinaus speichern"
    " wir keine Inhalte Ihrer Besprechungen auf unseren eigenen Servern oder bei Dritten.",
]


def test_a_hard_wrapped_text_reads_as_its_paragraphs() -> None:
    # text taken from a PDF is cut at one width, mid-sentence and before capitalised nouns
    import textwrap

    flowing = "\n\n".join(_PDF_PARAGRAPHS)
    wrapped = "\n".join(textwrap.fill(p, 86, break_on_hyphens=False) for p in _PDF_PARAGRAPHS)
    assert len(wrapped.splitlines()) > 2 * len(_PDF_PARAGRAPHS)
    got = [i.item for i in extract(wrapped).items]
    assert got == [i.item for i in extract(flowing).items]
    assert {"Vorname", "Nachname", "Anrede", "Bankverbindung", "Profilbild"} <= set(got)
    assert len(lines(wrapped)) == len(_PDF_PARAGRAPHS)
    assert wrap_width(wrapped.splitlines()) in range(70, 87)


def test_lines_of_every_length_are_no_hard_wrapped_text() -> None:
    # one paragraph per line (HTML, most Markdown): its width is no cut, its lines stay apart
    text = "\n".join(
        "Payment data is handled by Stripe. " * k + "Hosting by Hetzner Online GmbH in Germany"
        for k in range(10)
    )
    assert wrap_width(text.splitlines()) == 0
    assert len(lines(text)) == 10


def test_inline_html_lists_and_headings_read_as_plain_lines() -> None:
    # a PRIVACY.md or a page saved as text with its tags still in it
    text = (
        "<h2>Welche Daten wir verarbeiten</h2>\n<p>Wir verarbeiten folgende Daten:</p>\n"
        '<ul class="list-disc"><li>Name</li><li>E-Mail-Adresse</li>'
        "<li>IP-Adresse &amp; Zeitstempel</li></ul>"
    )
    assert [i.item for i in extract(text).items] == [
        "Name",
        "E-Mail-Adresse",
        "IP-Adresse",
        "Zeitstempel",
    ]
    # a comparison sign or a lone tag name in prose is no markup
    assert lines("Logs are kept for <30 days.\nWe never use <script> tags.")[0].text.startswith(
        "Logs are kept for <30 days"
    )


def test_a_run_of_spaces_inside_a_line_is_one_space() -> None:
    text = (
        "Der Nutzer kann zusätzliche Informationen wie  Firmenname,  Arbeitsplatz und Position"
        " angeben."
    )
    assert [i.item for i in extract(text).items][:3] == ["Firmenname", "Arbeitsplatz", "Position"]
    # indentation is kept: it nests a bullet under the one above
    assert [ln.text for ln in lines("- Data:\n    - name\n    - email")][1:] == ["name", "email"]


def test_list_entries_that_lost_their_bullets_stay_apart_and_stay_in_the_list() -> None:
    text = (
        "When you connect the add-in to your account, we collect and process:\n"
        "Full text content of your email messages for analysis and insight generation\n"
        "Sender and recipient information, subject lines, timestamps, and conversation IDs\n"
    )
    assert [ln.text[:10] for ln in lines(text)][1:] == ["Full text ", "Sender and"]
    items = [i.item for i in extract(text).items]
    assert {"recipient information", "subject lines", "timestamps"} <= set(items), items
    # a line cut after a function word still goes on in the next one
    wrapped = (
        "Your data is stored on servers in the European Union and is processed by the\n"
        "Microsoft Corporation for the purpose of hosting only.\n"
    )
    assert len(lines(wrapped)) == 1


def test_a_data_stored_column_lists_the_data() -> None:
    text = (
        "Where customer data lives\n"
        "| Component | Data stored | Where |\n|---|---|---|\n"
        "| Extension | All HR records — employees, contracts, loans, approvals | Tenant |\n"
        "| API | One row per tenant: GUID, organisation name, tenant id | Customer SQL Server |\n"
    )
    items = _items(text)
    assert {"employees", "contracts", "loans", "GUID", "organisation name"} <= set(items)
    assert "Tenant" not in items


def test_a_label_glued_to_its_text_and_a_list_glued_to_its_lead() -> None:
    text = "Classification Data:We store the category.\nWhat we do NOT store:- The full body\n"
    got = [(line.kind, line.text) for line in lines(text)]
    assert got[0] == ("text", "Classification Data: We store the category.")
    assert ("bullet", "The full body") in got
    assert lines("Open https://example.com:8080/Path today")[0].text.endswith("8080/Path today")


def test_a_questionnaire_gives_the_answers_to_its_data_questions_not_its_questions() -> None:
    page = (
        "---\n"
        "title: Application Information for Acme\n"
        "ms.author: someone\n"
        "---\n"
        '::: zone pivot="data"\n'
        '### <a name="how-the-app-handles-data"></a>So behandelt die App Daten\n'
        "| **Information** | **Response** |\n"
        "|:----------------|:-------------|\n"
        "| App-Name | Acme |\n"
        "| Firmenstandort | Deutschland |\n"
        "| Welche Daten werden von Ihrer App verarbeitet? | "
        "Microsoft.Ingestion.Attestation.AppInfos.DataProcess |\n"
        "| Welche Daten werden in Ihren Datenbanken gespeichert? | UserID, TenantID, "
        "E-Mail-Adresse des Benutzers |\n"
        "| Wo werden diese Daten geografisch gespeichert? | Deutschland |\n"
        "| Wie lange werden Daten nach dem Kündigen aufbewahrt? | Weniger als 30 Tage |\n"
        "| Speichert die App Kundendaten? | Ja |\n"
        "\n"
        "[!INCLUDE [Corrections](../includes/corrections.md)]\n"
        "::: zone-end\n"
    )
    assert _items(page) == ["UserID", "TenantID", "E-Mail-Adresse des Benutzers"]
    assert [r.period for r in extract(page).retention] == ["P30D"]
    # an FAQ row outside such a table: a question answered "No" discloses nothing
    faq = "Intro.\n| Do you store mail bodies? | No |\n| Which data is read? | Subject, sender |\n"
    assert _items(faq) == ["Subject", "sender"]


def test_a_table_of_purposes_and_bases_names_no_data_but_its_bases() -> None:
    table = (
        "## 4. Legal basis\n\n"
        "| Purpose | Legal Basis |\n"
        "|---------|-------------|\n"
        "| Providing Services | Performance of contract (Art. 6(1)(b)) |\n"
        "| Marketing communications | Consent (Art. 6(1)(a)) |\n"
        "| Billing & tax | Legal obligation + Contract |\n"
    )
    found = extract(table)
    assert [i.item for i in found.items] == []
    assert [b.letter for b in found.legal_bases] == ["a", "b", "c"]
    assert found.legal_bases[0].source == "| Marketing communications | Consent (Art. 6(1)(a)) |"


def test_an_html_table_whose_cells_span_lines_reads_as_a_table() -> None:
    page = (
        "<h2>Datenkategorien</h2>\n<p>Wir verarbeiten folgende Kategorien:</p>\n"
        '<table>\n<thead>\n<tr>\n  <th className="px-3">\n    Kategorie\n  </th>\n'
        "  <th>\n    Beispiele\n  </th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n  <td>Stammdaten</td>\n  <td>Name, Adresse, Geburtsdatum</td>\n</tr>\n"
        "<tr>\n  <td>Gesundheitsdaten</td>\n  <td>Pflegegrad, Diagnosen</td>\n</tr>\n"
        "</tbody>\n</table>\n"
    )
    assert _items(page) == ["Name", "Adresse", "Geburtsdatum", "Pflegegrad", "Diagnosen"]


def test_a_table_announced_as_a_list_of_attributes_gives_its_first_column() -> None:
    text = (
        "The following table lists the directory attributes that can sync to the service.\n"
        "NOTE: all of them are read when you grant the permission.\n"
        "Display Name | LDAP Name | Placeholder |\n"
        "---|---|---|\n"
        "City | l | {City} |\n"
        "Fax number | facsimileTelephoneNumber | {Fax} |\n"
    )
    assert _items(text) == ["City", "Fax number"]
    plain = "Display Name | LDAP Name |\n---|---|\nCity | l |\nFax number | fax |\n"
    assert "City" not in _items(plain)


def test_a_policy_kept_as_a_typescript_content_object_reads_as_its_text() -> None:
    source = (
        "import { CONTACT } from './legal.constants.ts'\n"
        "export const PRIVACY: LegalContent = {\n"
        "  title: 'Privacy policy',\n"
        "  path: '/privacy',\n"
        "  sections: [\n"
        "    {\n"
        "      heading: 'Information we collect',\n"
        "      paragraphs: [\n"
        "        'When you sign in, we receive your name, email address and profile image.',\n"
        "        `We store the Jira project and the status rules you mapped.`,\n"
        "      ],\n"
        "    },\n"
        "  ],\n"
        "}\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    listed = source.replace("paragraphs: [", "bullets: [")
    assert ("bullet", "We store the Jira project and the status rules you mapped.") in [
        (x.kind, x.text) for x in lines(listed)
    ]
    assert ("heading", "Information we collect") in got
    assert not any("export" in t or "{" in t or "/privacy" in t for _, t in got), got
    items = [i.item for i in extract(source).items]
    assert {"name", "email address", "profile image"} <= set(items), items


def test_a_next_page_keeps_its_markup_reading_and_drops_its_metadata_literals() -> None:
    source = (
        "import Link from 'next/link';\n"
        "export const metadata = {\n  title: 'Datenschutzerklärung | Beispiel',\n};\n"
        "export default function Page() {\n  return (\n    <div>\n"
        "      <h2>Erhobene Daten</h2>\n      <ul>\n        <li>E-Mail-Adresse</li>\n"
        "        <li>Telefonnummer</li>\n      </ul>\n    </div>\n  );\n}\n"
    )
    items = [i.item for i in extract(source).items]
    assert items == ["E-Mail-Adresse", "Telefonnummer"], items


def test_an_empty_or_code_only_text_extracts_nothing() -> None:
    for text in ("", "import x from 'y';\nexport const a = {\n};\n"):
        assert extract(text).items == ()


def test_a_jsx_component_given_its_list_as_an_array_is_a_list() -> None:
    source = (
        "export default function Page() {\n  return (\n    <Section>\n"
        "      <p>Bei der Registrierung verarbeiten wir:</p>\n"
        "      <List items={[\n"
        "        'E-Mail-Adresse und Passwort (Konto-Erstellung)',\n"
        "        'Restaurantname, URL-Slug',\n"
        "      ]} />\n\n"
        "      <p>Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO.</p>\n"
        "      <div>Mehr</div>\n    </Section>\n  );\n}\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    assert ("bullet", "Restaurantname, URL-Slug") in got, got  # not glued to the paragraph
    items = [i.item for i in extract(source).items]
    assert {"E-Mail-Adresse", "Passwort", "Restaurantname", "URL-Slug"} <= set(items), items


def test_a_data_type_column_described_by_an_enumeration_gives_its_entries() -> None:
    text = (
        "> | Field | Value |\n> |---|---|\n> | Effective Date | 2026-01-01 |\n"
        "> | Author | Legal Team |\n\n"
        "| Data Type | Description | Purpose |\n|---|---|---|\n"
        "| **Device Information** | Device identifier, operating system, app version | Support |\n"
        "| **Usage Analytics** | Feature usage, error reports, performance data | Service |\n"
    )
    got = _items(text)
    assert {"Device identifier", "operating system", "Feature usage", "error reports"} <= set(
        got
    ), got
    assert not {"Effective Date", "Author", "Device Information"} & set(got), got


def test_a_source_file_full_of_unclosed_comments_is_read_in_linear_time() -> None:
    import time

    hostile = "import x from 'y'\n" + "/* " * 200_000 + "\n'Name'\n"
    started = time.perf_counter()
    lines(hostile)
    assert time.perf_counter() - started < 5  # a quadratic scan would take minutes
    kept = "export const a = {\n  /* note */ title: 'Privacy',\n}\n"
    assert ("heading", "Privacy") in [(x.kind, x.text) for x in lines(kept)]


def test_a_german_field_column_is_the_data_column() -> None:
    text = (
        "| Feld | Typ | Pflichtfeld | Zweck | Rechtsgrundlage |\n|---|---|---|---|---|\n"
        "| Nachname | Text | Ja | Identifikation, PDF-Erstellung | Art. 6 Abs. 1 lit. b DSGVO |\n"
        "| Startdatum | Datum | Ja | Berechnung der Maßnahmedauer | Art. 6 Abs. 1 lit. b DSGVO |\n"
    )
    got = [i.item for i in extract(text).items]
    assert got == ["Nachname", "Startdatum"], got


def test_a_what_column_holds_data_only_in_a_table_that_says_why() -> None:
    text = (
        "| Category | What | Why | Legal basis |\n|---|---|---|---|\n"
        "| Account | Email, password hash | To sign you in | Contract |\n"
    )
    assert _items(text) == ["Email", "password hash"], _items(text)
    hosting = (
        "| What | Provider | Location |\n|---|---|---|\n"
        "| App server + Postgres | Hetzner Online | Nuremberg, DE |\n"
        "| Error tracking | Sentry | Frankfurt, DE |\n"
    )
    assert _items(hosting) == [], _items(hosting)


def test_a_table_given_as_string_arrays_in_code_is_a_table() -> None:
    jsx = (
        'import { Table } from "./ui"\nexport default function Page() {\n  return (<div>\n'
        "    <h2>Welche Daten wir erheben</h2><p>a</p><p>b</p>\n    <Table\n"
        '      head={["Kategorie", "Beispiele", "Erhoben von"]}\n      rows={[\n'
        '        ["Kontaktdaten", "Name, E-Mail, Telefonnummer", "Kunde bei Anfrage"],\n'
        '        ["Adressdaten", "Straße, PLZ, Ort", "Kunde bei Anfrage"],\n'
        "      ]}\n    />\n  </div>);\n}\n"
    )
    got = _items(jsx)
    assert {"Name", "E-Mail", "Telefonnummer", "Straße", "PLZ", "Ort"} <= set(got), got
    assert "Kunde bei Anfrage" not in got, got
    content = (
        "export const DATA = [\n  {\n    table: {\n"
        '      head: ["Category", "Examples", "Why", "Legal basis"],\n      rows: [\n'
        '        ["Account", "Name, email address, hashed password", "Sign-in", "Contract"],\n'
        "      ],\n    },\n  },\n];\n"
    )
    assert {"Name", "email address", "hashed password"} <= set(_items(content)), _items(content)


def test_a_data_type_table_gives_its_examples_column() -> None:
    text = (
        "| Datentyp | Beschreibung | Beispiele für Focus-Benutzer |\n|---|---|---|\n"
        "| Systemleistungsdaten | Daten darüber, wie die Dienste laufen. | Speicherauslastung, "
        "Seitendarstellungsgeschwindigkeit. |\n"
    )
    assert _items(text) == ["Speicherauslastung", "Seitendarstellungsgeschwindigkeit"], _items(text)


def test_restructuredtext_roles_read_as_their_labels() -> None:
    found = [ln.text for ln in lines("See :ref:`third parties <policy:vendors>` and :doc:`ads`.\n")]
    assert found == ["See third parties and ads."], found


def test_a_django_template_reads_the_text_its_translation_tags_wrap() -> None:
    text = (
        "<h2>{% blocktranslate %}Data we process{% endblocktranslate %}</h2>\n<ul>\n"
        "<li>{% blocktranslate %}Email address{% endblocktranslate %}</li>\n"
        "<li>{% blocktranslate %}Company ID{% endblocktranslate %}</li>\n"
        "<li>{% trans 'Nickname' %}</li>\n</ul>\n<p>{% url 'home' %}</p>\n"
    )
    got = [line.text for line in lines(text)]
    assert "Email address" in got and "Company ID" in got
    assert not any("{%" in x for x in got)


def test_a_page_built_by_render_function_calls_reads_as_headings_and_bullets() -> None:
    source = (
        "import {\n  APP_NAME,\n  VENDOR,\n} from '../brand.js';\n"
        "export default {\n  render() {\n    return h('div', [\n"
        "      h('h2', 'Welche Daten wir verarbeiten'),\n"
        "      h('p', 'Bei der Nutzung der App speichern wir:'),\n"
        "      h('ul', [\n"
        "        h('li', 'E-Mail-Adresse'),\n"
        "        h('li', 'Name des Arbeitsbereichs'),\n"
        "      ]),\n"
        "      React.createElement('li', null, 'Zeitzone'),\n"
        "    ]);\n  },\n};\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    assert ("heading", "Welche Daten wir verarbeiten") in got, got
    assert ("bullet", "Zeitzone") in got, got
    assert not any("APP_NAME" in t or "brand.js" in t or "h(" in t for _, t in got), got
    assert _items(source) == ["E-Mail-Adresse", "Name des Arbeitsbereichs", "Zeitzone"]


def test_a_list_passed_as_call_arguments_is_a_list_and_its_call_name_no_text() -> None:
    source = (
        "const sections = [\n"
        "  abschnitt('Erhobene Daten',\n"
        "    'Wenn Sie ein Konto anlegen, speichern wir:',\n"
        "    liste(\n"
        "      'Vorname und Nachname',\n"
        "      'Telefonnummer',\n"
        "      'Rechnungsanschrift'),\n"
        "    'Diese Angaben brauchen wir für den Vertrag.'),\n"
        "];\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    assert ("bullet", "Rechnungsanschrift") in got, got
    assert not any(t.strip() == "liste(" for _, t in got), got
    assert ("bullet", "Diese Angaben brauchen wir für den Vertrag.") not in got, got
    assert {"Vorname", "Nachname", "Telefonnummer", "Rechnungsanschrift"} <= set(_items(source))
    plain = source.replace("liste(", "gruppe(")  # not a list's name: the literals stay text
    assert ("bullet", "Telefonnummer") not in [(x.kind, x.text) for x in lines(plain)]


def test_a_list_entry_whose_page_draws_its_own_bullet_glyph_reads_without_it() -> None:
    source = (
        "export default function Page() {\n  return (\n    <div>\n"
        "      <h2>Welche Daten wir speichern</h2>\n      <ul>\n"
        '        <li className="flex">\n          <span className="dot">•</span>\n'
        '          <span><span className="font-semibold">Reviews:</span> Bewertungen, '
        "Kommentare, Ratings</span>\n        </li>\n      </ul>\n    </div>\n  );\n}\n"
    )
    assert ("bullet", "Reviews: Bewertungen, Kommentare, Ratings") in [
        (x.kind, x.text) for x in lines(source)
    ]
    assert _items(source) == ["Bewertungen", "Kommentare", "Ratings"]


def test_a_docs_pages_front_matter_with_a_yaml_list_is_no_text() -> None:
    page = (
        "---\ntitle: Application information for Acme\nms.date: 05/06/2019\n"
        "description: All available security and compliance information, encryption included.\n"
        "appliesto:\n- Microsoft Teams\n---\n# Acme\n\nWe store your email address.\n"
    )
    got = [x.text for x in lines(page)]
    assert got[0] == "Acme", got
    assert not any("description" in t or "Microsoft Teams" in t for t in got), got
    assert extract(page).security == ()


def test_sections_given_as_one_line_objects_read_as_headings_and_paragraphs() -> None:
    source = (
        "const ABSCHNITTE: { t: string; i: string }[] = [\n"
        '  { t: "Verantwortlicher", i: "Muster GmbH, Hauptstraße 1, 10115 Berlin." },\n'
        '  { t: "Welche Daten wir verarbeiten", i: "Wir speichern E-Mail-Adresse, Name und '
        'Rechnungsanschrift." },\n'
        "];\n"
        "export default function Page() {\n  return (\n    <main>\n"
        "      {ABSCHNITTE.map((a) => (<section><h2>{a.t}</h2><p>{a.i}</p></section>))}\n"
        "    </main>\n  );\n}\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    assert ("heading", "Welche Daten wir verarbeiten") in got, got
    assert {"E-Mail-Adresse", "Name", "Rechnungsanschrift"} <= set(_items(source))
    assert _country(source) == "DE"


def test_one_line_objects_keyed_by_a_name_read_as_list_entries() -> None:
    source = (
        "export default function Page() {\n  return (\n    <main>\n"
        "      <h1>Privacy policy</h1>\n      <p>We use these service providers.</p>\n"
        "      <h2>Sub-processors</h2>\n"
        "      {[\n"
        '        { name: "SMTP2GO", desc: "Transactional email delivery" },\n'
        '        { name: "Google Maps", desc: "Address verification" },\n'
        "      ].map((p) => (<li>{p.name}: {p.desc}</li>))}\n"
        "    </main>\n  );\n}\n"
    )
    got = [(x.kind, x.text) for x in lines(source)]
    assert ("bullet", "SMTP2GO: Transactional email delivery") in got, got
    assert {"SMTP2GO", "Google"} <= {s.name for s in extract(source).subprocessors}


def test_capital_lettered_entries_and_a_jsx_pages_own_list_components() -> None:
    text = (
        "The processor collects the following information about your payment:\n\n"
        "A. full name\nB. credit card number\nC. card expiration date\n"
    )
    assert _items(text) == ["full name", "credit card number", "card expiration date"]
    page = (
        "export default function Privacy() {\n  return (\n    <Page>\n"
        "      <SectionTitle>1. Who we are</SectionTitle>\n"
        "      <Paragraph>Acme Ltd is the data controller.</Paragraph>\n"
        "      <List>\n        <ListItem>Email: info@acme.example</ListItem>\n"
        "        <ListItem>Registered in England &amp; Wales</ListItem>\n      </List>\n"
        "      <SubSectionTitle>A. Personal Information</SubSectionTitle>\n"
        "      <List>\n        <ListItem>Name</ListItem>\n        <ListItem>Job title</ListItem>\n"
        "      </List>\n    </Page>\n  );\n}\n"
    )
    got = [(x.kind, x.text) for x in lines(page)]
    assert ("heading", "A. Personal Information") in got and ("bullet", "Job title") in got, got
    assert _items(page) == ["Name", "Job title"], _items(page)


def test_a_faq_pages_use_share_and_protection_questions_lead_no_data_lists() -> None:
    text = (
        "### Welche Daten sammelt der Dienst?\n\n**Account-Daten:**\n- E-Mail-Adresse\n"
        "- Telefonnummer\n\n### Wie werden meine Daten geschützt?\n\n**Zugriffskontrolle:**\n"
        "- Zwei-Faktor-Authentifizierung\n- Rollenbasierte Berechtigungen\n\n**Infrastruktur:**\n"
        "- Redundante Backups\n\n### Wofür nutzt der Dienst meine Daten?\n\n"
        "**Servicebereitstellung:**\n- Terminbuchungen durchführen\n- Abrechnungen erstellen\n\n"
        "### Mit wem teilt der Dienst meine Daten?\n\n**Dienstleister:**\n"
        "- Zahlungsabwickler\n- SMS-Provider\n\n### Welche Cookies verwendet der Dienst?\n\n"
        "**Notwendige Cookies:**\n- Session-Cookie\n- Spracheinstellung\n"
    )
    assert [i.item for i in extract(text).items] == ["E-Mail-Adresse", "Telefonnummer"]
    # a data question after them opens a data list again
    more = text + "\n### Was speichern wir bei Anrufen?\n\n**Anrufdaten:**\n- Anrufprotokolle\n"
    assert [i.item for i in extract(more).items][-1] == "Anrufprotokolle"
    english = (
        "## How do we protect your information?\n\n**Access:**\n- Single sign-on\n\n"
        "## How does Acme use your data?\n\n**Service delivery:**\n- Booking appointments\n"
    )
    assert [i.item for i in extract(english).items] == []


def test_a_bilingual_page_discloses_in_its_own_language_once() -> None:
    text = (
        "# Datenschutzerklärung\n\n"
        "Wir nehmen den Schutz Ihrer Daten ernst und halten uns an die Vorgaben der DSGVO, die für "
        "uns und für Sie gelten.\n\n"
        "## Welche Daten wir verarbeiten\n\n"
        "Wir verarbeiten die folgenden Daten, die Sie uns bei der Registrierung mitteilen:\n"
        "- Vorname\n- Nachname\n- E-Mail-Adresse\n\n"
        "Die Daten werden mit TLS verschlüsselt übertragen und nicht an Dritte weitergegeben.\n\n"
        "## Privacy Policy (English version)\n\n"
        "We process the following data that you give us when you register with the service:\n"
        "- First name\n- Last name\n- Email address\n\n"
        "The data is transmitted with TLS encryption and is not shared with any third party.\n"
    )
    found = extract(text)
    assert found.language == "de"
    assert [i.item for i in found.items] == ["Vorname", "Nachname", "E-Mail-Adresse"]
    assert len(found.security) == 1
    # a short passage in the other language is no copy: its section stays
    english = (
        "## Data we collect\n\nWe collect your email address and your display name.\n\n"
        "## Impressum\n\nAngaben gemäß § 5 TMG: Beispiel GmbH. Wir erheben Ihre Anschrift.\n"
    )
    assert "Anschrift" in [i.item for i in extract(english).items]


def test_a_bilingual_page_is_in_the_language_of_its_first_copy_even_if_shorter() -> None:
    german = (
        "# Datenschutzerklärung\n\n## Welche Daten wir verarbeiten\n\n"
        "Wir verarbeiten die folgenden Daten, die Sie bei der Anmeldung für den Dienst angeben "
        "und die wir für den Betrieb und die Sicherheit des Dienstes benötigen:\n"
        "- Vorname\n- E-Mail-Adresse\n\n"
    )
    english = (
        "# Privacy policy\n\n## What data we process\n\n"
        "We process the following data that you give us when you sign up for the service, and "
        "the data of the users of your team, to run the service for you and to keep it secure:\n"
        "- First name\n- Email address\n\n"
    )
    assert detect_language(german + english) == "de"
    assert [i.item for i in extract(german + english).items] == ["Vorname", "E-Mail-Adresse"]
    assert detect_language(english + german) == "en"
    # one language's words alone (no sections of the other) decide as before
    assert detect_language(english) == "en"


def test_a_glossary_defines_words_it_discloses_no_data() -> None:
    text = (
        "## Definitionen und Schlüsselbegriffe\n\n"
        "- **IP-Adresse:** Eine eindeutige Nummer, die jedem Gerät zugewiesen wird.\n"
        "- **Personenbezogene Daten:** Informationen, die eine Person identifizieren, "
        "einschließlich Name, Identifikationsnummer, Standortdaten oder Online-Kennungen.\n\n"
        "## Welche Daten wir verarbeiten\n\n"
        "Wir verarbeiten Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer.\n"
    )
    items = _items(text)
    assert {"E-Mail-Adresse", "Telefonnummer"} <= set(items)
    assert not {"Identifikationsnummer", "Standortdaten", "Online-Kennungen"} & set(items)
    # a section on the data that only names a definition in its title stays read
    titled = "## Definition of the data we collect\n\nWe collect your email and phone number.\n"
    assert "phone number" in _items(titled)
    # a glossary's sentence on what the reader gives the vendor discloses
    given = (
        "## Definitions\n\nAny information that you provide to us about yourself while using "
        "the service. This may include information such as your name, phone number, picture.\n"
    )
    assert {"phone number", "picture"} <= set(_items(given))


def test_a_datenpunkt_column_holds_the_data_not_the_purpose_column() -> None:
    text = (
        "#### 1.1 Benutzerdaten\n"
        "| Datenpunkt | Zweck | Speicherdauer |\n|---|---|---|\n"
        "| **Discord-Benutzer-ID** | Verknüpft Profil, Wirtschaft | Bis zum Löschantrag |\n"
        "| **Benachrichtigungseinstellungen** | Respektiert Ihre Wahl | Dauerhaft |\n"
    )
    items = _items(text)
    assert items == ["Discord-Benutzer-ID", "Benachrichtigungseinstellungen"]


def test_a_german_relative_clause_heading_announces_the_data() -> None:
    """'Daten, die wir erfassen' is German for 'Information we collect'."""
    entries = (
        "- **E-Mail-Adresse**: für die Anmeldung\n- **Anzeigename**: für Ihr Profil\n"
        "- **Geräte-ID**: für Push-Nachrichten\n"
    )
    for heading in (
        "## Daten, die wir erfassen",
        "## Informationen, die Sie uns geben",
        "## Angaben, die von uns gespeichert werden",
        "## Informationen, die wir erheben\n\n### Konto",
    ):
        assert _items(f"{heading}\n\n{entries}") == [
            "E-Mail-Adresse", "Anzeigename", "Geräte-ID"
        ], heading  # fmt: skip
    for negated in ("## Daten, die wir nicht erfassen", "## Daten, die wir niemals speichern"):
        assert _items(f"{negated}\n\n{entries}") == [], negated


def test_a_german_lead_with_the_verb_before_its_negation_lists_nothing() -> None:
    """German puts the verb first: "Wir speichern keine Daten wie:" negates its list just as
    "Wir erfassen nicht:" does; a lead that negates something else still lists the data."""
    entries = "- Namen\n- E-Mail-Adressen\n- Standortdaten\n"
    for lead in (
        "Die App sammelt oder speichert keine personenbezogenen Daten wie:",
        "Wir erheben keinerlei der folgenden Angaben:",
        "Wir verarbeiten im Rahmen der App keine Angaben wie:",
    ):
        assert _items(f"Datenschutz\n\n{lead}\n{entries}") == [], lead
    lead = "Wir speichern folgende Daten, ohne sie an Dritte weiterzugeben:"
    assert _items(f"Datenschutz\n\n{lead}\n{entries}") == [
        "Namen", "E-Mail-Adressen", "Standortdaten"
    ]  # fmt: skip


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(x.kind, x.text) for x in lines(text)]


def test_numbered_entries_under_a_list_lead_are_entries_not_headings() -> None:
    text = (
        "Folgende Angaben werden bei der Registrierung verarbeitet:\n\n"
        "1. Der vollständige Name\n2. Die Anschrift des Unternehmens\n3. Die E-Mail-Adresse\n\n"
        "Die Daten werden nicht weitergegeben.\n"
    )
    assert _kinds(text)[1:4] == [
        ("bullet", "Der vollständige Name"),
        ("bullet", "Die Anschrift des Unternehmens"),
        ("bullet", "Die E-Mail-Adresse"),
    ]
    assert _items(text) == ["vollständige Name", "Anschrift des Unternehmens", "E-Mail-Adresse"]


def test_numbered_lines_without_a_list_lead_stay_section_headings() -> None:
    # a numbered document: its headings are no list, nor are steps under "Prozess:"
    text = "1. Verantwortlicher\n\nACME GmbH, Berlin.\n\n2. Hosting\n\nWir nutzen Hetzner.\n"
    assert [k for k, _ in _kinds(text)].count("bullet") == 0
    steps = "Prozess:\n1. Erkennung: Monitoring-Alerts\n2. Meldung: binnen 72 Stunden\n"
    assert [k for k, _ in _kinds(steps)].count("bullet") == 0


def test_lines_under_a_list_lead_without_bullet_marks_are_entries() -> None:
    # a list that lost its bullets when it was copied from a web page
    text = (
        "Die App kann die folgenden Informationen sammeln:\n"
        "Gerätemodell\nBetriebssystem\nAbsturzberichte\n\nWeitere Daten erheben wir nicht.\n"
    )
    assert [k for k, _ in _kinds(text)][1:] == ["bullet", "bullet", "bullet", "text"]
    assert _items(text) == ["Gerätemodell", "Betriebssystem", "Absturzberichte"]


def test_an_address_under_a_lead_stays_text() -> None:
    # no list lead ("Verantwortlicher:"), and postal or contact lines are no entries either
    text = "Verantwortlicher:\nACME GmbH\nHauptstraße 1\n10115 Berlin\nE-Mail: info@acme.example\n"
    assert "bullet" not in [k for k, _ in _kinds(text)]
    listed = "Wir nutzen die folgenden Anbieter:\nACME GmbH\n10115 Berlin\n"
    assert "bullet" not in [k for k, _ in _kinds(listed)]
    # one line under the lead is no list
    single = "Die folgenden Daten speichern wir:\nIhre E-Mail-Adresse\n"
    assert "bullet" not in [k for k, _ in _kinds(single)]


def test_a_controller_lead_over_an_address_lists_no_data() -> None:
    address = "Verantwortlicher:\n\n- ACME GmbH\n- Hauptstraße 1, 10115 Berlin\n"
    assert _items(address) == []
    # naming data in the lead makes it a data lead only when it says the data is processed
    named = "Verantwortlich für Ihre personenbezogenen Daten ist:\n\n- ACME GmbH\n- Berlin\n"
    assert _items(named) == []


def test_a_wrapped_sentence_is_no_lead_in_without_its_colon() -> None:
    # the line after a sentence cut at its end goes on with it, lower case, not a list entry
    text = (
        "The app does not store any personal information, including\n"
        "your name or email address\nor non-personal information from you.\n"
        "We only keep your account ID.\n"
    )
    assert "bullet" not in [k for k, _ in _kinds(text)]
    # a lead that lost its colon still leads in to entries that open in upper case
    lost = "The following information we collect is\nEmail Address\nPhone Number\n"
    assert [k for k, _ in _kinds(lost)][1:] == ["bullet", "bullet"]


def test_a_bullet_with_piped_fields_is_a_bullet_and_a_table_row_still_a_row() -> None:
    read = lines(
        "Providers:\n\n*   Discourse | Forum | United States\n\n"
        "| Name | Role |\n|---|---|\n| A | B |\n"
    )
    bullet = next(x for x in read if "Discourse" in x.text)
    assert (bullet.kind, bullet.text, bullet.row) == (
        "bullet",
        "Discourse | Forum | United States",
        "",
    )
    assert any(x.row == "| A | B |" for x in read)


def test_a_short_section_inside_the_translation_belongs_to_the_translation() -> None:
    page = (
        "# Datenschutzerklärung\n\n## Welche Daten wir erheben\n\n"
        "Wir erheben und speichern die folgenden Daten, die Sie uns bei der Registrierung "
        "angeben:\n\n- Körpergröße\n- Gewicht\n\n"
        "## Zweck\n\nDie Daten werden nur für die Erstellung Ihres Trainingsplans genutzt und "
        "nicht an Dritte weitergegeben, es sei denn, Sie willigen ein.\n\n"
        "# Privacy Policy\n\n## Purpose\n\nWe use the data only to create your training plan and "
        "we do not share it with any third party unless you agree to it.\n\n"
        "## Data We Collect\n\n- Height\n- Weight\n- Body fat percentage\n"
    )
    assert _items(page) == ["Körpergröße", "Gewicht"]


def test_a_bold_lettered_line_titles_its_section() -> None:
    from m365inv.catalog.extract.segment import lines

    text = (
        "**A. Account Information**\n"
        "* We store your name and email address to identify your account.\n\n"
        "**B. Your Pantry Data**\n"
        "* Any items or photos you upload are stored in our database.\n"
        "**C. Technical Data, logs and the device you use**\n"
        "- **a. Name** of the person\n"
    )
    got = [(x.kind, x.text) for x in lines(text)]
    assert ("heading", "Account Information") in got and ("heading", "Your Pantry Data") in got
    assert ("heading", "Technical Data, logs and the device you use") in got
    assert not any(t.startswith(("A.", "B.")) for _, t in got)


def test_a_page_saved_by_word_is_read_after_its_long_head() -> None:
    # Word's "Save as Web Page" puts hundreds of kilobytes of styles and XML before <body>;
    # the blocks are counted where the body begins, and styles, scripts and comments are no
    # lines of the page
    head = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
        '<meta name=Generator content="Microsoft Word 15">\n<style>\n<!--\n'
        + "p.MsoNormal, li.MsoNormal {margin:0cm; font-size:11.0pt;}\n" * 4000
        + "-->\n</style>\n</head>\n"
    )
    body = (
        "<body lang=DE>\n<h2><span>Erhebung von Daten</span></h2>\n"
        "<p class=MsoNormal><span>Erhobene Daten:</span></p>\n"
        "<ul><li>IP-Adresse</li><li>Datum und Uhrzeit des Zugriffs</li>"
        "<li>Betriebssystem</li></ul>\n"
        "<script>var trackingId = 'UA-1'; function f() { return 'Passwort'; }</script>\n"
        "<p class=MsoNormal><span>Rechtsgrundlage: Art. 6 Abs. 1 lit. f DSGVO</span></p>\n"
        "</body></html>\n"
    )
    assert len(head) > 200_000
    read = extract(head + body)
    assert [i.item for i in read.items] == [
        "IP-Adresse",
        "Datum und Uhrzeit des Zugriffs",
        "Betriebssystem",
    ]
    assert not any("<" in line.text or "MsoNormal" in line.text for line in lines(head + body))
    assert not any("trackingId" in line.text for line in lines(head + body))


def test_an_unclosed_script_or_comment_leaves_the_rest_as_text() -> None:
    # each closing tag is searched once from its opening: an unclosed "<script>" or "<!--"
    # ends the search and the text after it is read, not dropped
    page = (
        "<html><body><p>Wir speichern Ihre E-Mail-Adresse.</p>\n"
        "<script>var token = 'x';</script><!-- note -->\n"
        "<p>Zusätzlich speichern wir Ihre Telefonnummer.</p>\n<script>var unclosed = 1;\n"
        "<p>Wir speichern außerdem Ihre Anschrift.</p>\n</body></html>\n"
    )
    texts = [line.text for line in lines(page)]
    assert not any("token" in t or "note" in t for t in texts)
    assert any("Telefonnummer" in t for t in texts)
    assert any("Anschrift" in t for t in texts)


def test_a_pages_navigation_and_footer_links_are_no_list_of_data() -> None:
    # a vendor's page saved whole: its menu and its footer list pages and products
    page = (
        '<nav class="menu"><ul><li><a href="/preise">Preise</a></li>'
        '<li><a href="/hostels">Hostels</a></li><li><a href="/channel">Channel-Manager</a></li>'
        "</ul></nav>\n<h2>Welche Daten wir verarbeiten</h2>\n"
        "<p>Wir verarbeiten folgende Daten:</p>\n<ul><li>Name</li><li>E-Mail-Adresse</li></ul>\n"
        '<footer><p>Lösungen</p><ul><li><a href="/hotels">Hotels</a></li>'
        '<li><a href="/sitemap">Sitemap</a></li></ul>'
        "<p>ACME GmbH, Hauptstraße 1, 10115 Berlin</p></footer>\n"
    )
    assert _items(page) == ["Name", "E-Mail-Adresse"]
    footer = " ".join(x.text for x in lines(page))
    assert "10115 Berlin" in footer and "Sitemap" not in footer  # (the address stays)
    # an unclosed navigation or footer ends the search, the rest is read as it stands
    unclosed = "<nav><ul><li>Name</li><li>E-Mail</li></ul>\n<p>Wir speichern Daten.</p>"
    assert [x.text for x in lines(unclosed)] == ["Name", "E-Mail", "Wir speichern Daten."]
    assert "Sitemap" in " ".join(x.text for x in lines('<footer><a href="/s">Sitemap</a>'))


def test_a_sentence_ends_after_a_closing_quote() -> None:
    said = sentences('It is referred to as "Payment Data."  When you register, we ask for it.')
    assert said == ['It is referred to as "Payment Data."', "When you register, we ask for it."]
    # a quote inside a sentence is no end, nor is an abbreviation before one
    assert len(sentences('We call it "the Service" and keep it.')) == 1


def test_a_language_menu_in_other_scripts_is_no_data() -> None:
    # a page's language switcher left in the saved text, under the data section's lead
    page = (
        "## Welche Daten wir erheben\n\nWir erheben folgende Daten:\n\n- Geräte-ID\n- Standort\n\n"
        "- Deutsch\n- हिन्दी\n- தமிழ்\n- বাংলা\n- 日本語\n"
    )
    items = _items(page)
    assert {"Geräte-ID", "Standort"} <= set(items)
    assert not {"हिन्दी", "தமிழ்", "বাংলা", "日本語"} & set(items), items


def test_an_entrys_field_on_an_indented_line_is_a_line_of_its_own() -> None:
    text = (
        "1) Verarbeitete Daten\n\n"
        "  a) Konto- und Kontaktdaten (Name, E-Mail, Telefon)\n"
        "     Zweck: Registrierung und Anmeldung.\n\n"
        "  b) Nutzungsdaten (IP-Adresse, Gerätekennung)\n"
        "     Zweck: Stabilität und IT-Sicherheit.\n"
        "     Rechtsgrundlage: Art. 6 Abs. 1 lit. f DSGVO.\n"
    )
    read = [(line.kind, line.text) for line in lines(text)]
    assert ("bullet", "Konto- und Kontaktdaten (Name, E-Mail, Telefon)") in read
    assert ("text", "Zweck: Registrierung und Anmeldung.") in read
    assert ("text", "Rechtsgrundlage: Art. 6 Abs. 1 lit. f DSGVO.") in read
    assert {"Name", "E-Mail", "Telefon", "IP-Adresse", "Gerätekennung"} <= set(_items(text))
    # a bullet wrapped onto an indented line that only starts with a capital stays one entry
    wrapped = (
        "- Name and e-mail address of the\n  Customer, as entered at sign-up\n- Phone number\n"
    )
    assert [line.text for line in lines(wrapped)] == [
        "Name and e-mail address of the Customer, as entered at sign-up",
        "Phone number",
    ]


def test_linked_processor_names_on_their_own_sites_are_no_menu() -> None:

    processors = "".join(
        f"- [{name}](https://{host}/privacy)\n"
        for name, host in (
            ("Stripe", "stripe.com"),
            ("Hetzner Online GmbH", "www.hetzner.com"),
            ("Postmark", "postmarkapp.com"),
            ("Sentry", "sentry.io"),
            ("Plausible", "plausible.io"),
        )
    )
    assert "Hetzner Online GmbH" in normalise("We share data with:\n" + processors)
    menu = "".join(f"- [{s}](https://news.example/{s.lower()}/)\n" for s in "ABCDE")
    assert normalise(menu + "\nWe store your e-mail address.").split() == [
        "We", "store", "your", "e-mail", "address."
    ]  # fmt: skip


def test_character_references_in_markdown_are_read_as_the_characters_they_stand_for() -> None:
    # Markdown renders "&shy;" and "&#x27;" as HTML does; a plain text keeps "R&D" and "Q&A"
    text = (
        "| Daten | Zweck |\n|---|---|\n| Push-Benach&shy;richtigungen | Hinweise |\n\n"
        "We store the user&#x27;s name &amp; email for R&D and Q&A.\n"
    )
    out = normalise(text)
    assert "Push-Benachrichtigungen" in out
    assert "the user's name & email for R&D and Q&A." in out
    assert [i.item for i in extract(text).items] == [
        "Push-Benachrichtigungen",
        "user's name",
        "email",
    ]
