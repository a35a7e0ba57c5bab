"""List entries whose label is separated by a dash, lettered sub-headings over prose, and
enumerations followed by where the data came from. Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract
from m365inv.catalog.extract.items import ItemList, find_items, untail
from m365inv.catalog.extract.lexicon import is_data_noun, looks_like_item
from m365inv.catalog.extract.phrases import GENERIC, plain_noun_phrase
from m365inv.catalog.extract.segment import lines


def _items(text: str) -> list[str]:
    return [i.item for i in extract(text).items]


HEAD = "Information we collect\n"


def test_dash_label_over_an_enumeration_gives_its_entries() -> None:
    text = HEAD + "- Projects — titles, owners, due dates, colours, tags\n"
    assert _items(text) == ["titles", "owners", "due dates", "colours", "tags"]


def test_dash_before_a_purpose_or_condition_leaves_the_label_as_the_items() -> None:
    text = HEAD + "- Email address and name — for sign-in\n- Password - if you register\n"
    assert _items(text) == ["Email address", "name", "Password"]
    # a dash inside an entry that is neither purpose nor enumeration changes nothing
    assert _items(HEAD + "- Learning progress - completed and open\n") == [
        "Learning progress - completed and open"
    ]


def test_label_with_an_enumeration_and_where_it_came_from() -> None:
    text = (
        HEAD + "- Account details: your name and email address, provided by the sign-in service.\n"
        "- Calendar data: calendar events and availability information retrieved through Graph.\n"
    )
    assert _items(text) == ["name", "email address", "calendar events", "availability information"]


def test_lettered_title_over_a_paragraph_is_a_heading_not_an_entry() -> None:
    text = (
        "1. Information we collect\n"
        "a. Account Details\n"
        "When you register as a member, we collect your name, email address and job title.\n"
    )
    kinds = [(line.kind, line.text) for line in lines(text)][:2]
    assert kinds[1] == ("heading", "Account Details")
    assert "Account Details" not in _items(text)
    # a lettered list of entries stays a list
    listed = HEAD + "a. Name\nb. Email address\n"
    assert [line.kind for line in lines(listed)][1:] == ["bullet", "bullet"]
    assert _items(listed) == ["Name", "Email address"]


def test_generic_data_with_a_purpose_and_examples_then_more_entries() -> None:
    text = (
        "Welche Daten werden verarbeitet?\n"
        "Verarbeitet werden Daten zur Anmeldung (E-Mail-Adresse, Passwort), erstellte "
        "Chat-Nachrichten, Sprachnotizen und Inhalte von Bildschirmfreigaben in Videokonferenzen "
        "der Lerngruppe und der Lehrkräfte.\n"
    )
    assert _items(text) == [
        "E-Mail-Adresse", "Passwort", "erstellte Chat-Nachrichten", "Sprachnotizen",
        "Inhalte von Bildschirmfreigaben",
    ]  # fmt: skip


def test_a_bare_enumeration_under_a_lead_in_with_a_colon() -> None:
    text = (
        "Bei Einwahl per Telefon:\n"
        "Angabe zur eingehenden Rufnummer, Ländername, Start- und Endzeit. Weitere Daten können "
        "gespeichert werden.\n"
    )
    assert _items(text)[:3] == [
        "Angabe zur eingehenden Rufnummer",
        "Ländername",
        "Start- und Endzeit",
    ]
    # an address under "Verantwortlich ist:" is no data list
    assert _items("Verantwortlich ist:\nSchule Beispiel, Hauptstraße 9, 12345 Ort\n") == []


def test_logs_that_include_examples_give_the_examples_up_to_the_purpose() -> None:
    text = (
        "We may collect server logs that include IP addresses, request timestamps, and HTTP "
        "status codes for security monitoring and troubleshooting.\n"
    )
    assert _items(text) == ["IP addresses", "request timestamps", "HTTP status codes"]
    # what a retention rule keeps is no new item; where data is kept says it is stored
    assert _items("Activity logs are retained for one year.\n") == []
    assert _items("Scan results are kept locally on your device.\n") == ["Scan results"]


def test_lead_ins_with_may_or_automatically_announce_data_and_purposes_end_it() -> None:
    text = (
        "Connected services\n"
        "When you connect a chat service, we may collect:\n"
        "- Chat: Workspace information, user profile, channel membership for notifications\n"
        "When you use the service, we automatically collect:\n"
        "- IP address and general location\n"
        "- Cookies and similar tracking technologies\n"
        "We use the collected information for the following purposes:\n"
        "- Detect calendar conflicts\n"
        "- Calculate leave balances\n"
    )
    got = _items(text)
    assert got[:5] == [
        "Workspace information", "user profile", "channel membership", "IP address",
        "general location",
    ]  # fmt: skip
    # the purposes are no items; "Cookies" is the rules' item, which the item model may veto
    # (the corpus labels no cookie kinds as data)
    assert set(got[5:]) <= {"Cookies"}


def test_german_announced_examples_after_a_relative_clause_and_dies_koennen_sein() -> None:
    text = (
        "Bei der Nutzung werden verschiedene Kategorien personenbezogener Daten verarbeitet. Dazu "
        "zählen in erster Linie Angaben, die zur Anmeldung benötigt werden, wie Vor- und Nachname, "
        "die E-Mail-Adresse sowie das Passwort. Dies können Angaben zu Ihrer Abteilung oder Ihr "
        "Profilbild sein.\n"
    )
    assert _items(text) == [
        "Vorname", "Nachname", "E-Mail-Adresse", "Passwort", "Angaben zu Ihrer Abteilung",
        "Profilbild",
    ]  # fmt: skip


def test_german_enumeration_keeps_unknown_nouns_and_backward_suspended_compounds() -> None:
    text = (
        "Welche Daten verarbeiten wir?\n"
        "- Angaben zur Person: Vorname, Nachname, Branche, Anzahl der Mitarbeiter, Telefonnummer\n"
        "- Meeting-Metadaten: Thema, Teilnahmezeiten und -dauer, Rufnummern, Verbindungszeiten\n"
    )
    assert _items(text) == [
        "Vorname", "Nachname", "Branche", "Anzahl der Mitarbeiter", "Telefonnummer", "Thema",
        "Teilnahmezeiten und -dauer", "Rufnummern", "Verbindungszeiten",
    ]  # fmt: skip
    kept = "Daten zum Meeting und Chat-Inhalte können einen Monat gespeichert werden."
    assert _items(kept) == ["Daten zum Meeting", "Chat-Inhalte"]


def test_a_definition_of_personal_data_discloses_nothing() -> None:
    text = (
        "Personal data is any information relating to an identified person. This includes "
        "information such as name, address, telephone number and date of birth.\n"
        "Personenbezogene Daten sind alle Informationen, die sich auf Sie beziehen, z. B. Name, "
        "Anschrift, E-Mail-Adresse.\n"
        "Personal Information is “any information relating to a natural person. This includes, "
        "for example, name, postal address and phone number.\n"
    )
    assert _items(text) == []
    # a paragraph that says what the vendor itself processes still counts
    assert _items("We collect your name, address and telephone number.\n") == [
        "name", "address", "telephone number",
    ]  # fmt: skip


def test_what_is_needed_and_the_minimum_are_no_item_words() -> None:
    text = "We only collect the minimum data needed: billing and subscription metadata needed.\n"
    assert "minimum data" not in _items(text)
    assert _items("Information we collect\n- Subscription metadata needed for billing\n") == [
        "Subscription metadata"
    ]


def test_german_inhalte_wie_and_scanning_verbs_announce_their_list() -> None:
    text = (
        "Der Dienst verarbeitet Inhalte wie E-Mail-Nachrichten, Kalendertermine, Aufgaben, "
        "Kontakte und Gruppen in den Postfächern der Mitarbeiter.\n"
    )
    assert _items(text) == [
        "E-Mail-Nachrichten", "Kalendertermine", "Aufgaben", "Kontakte", "Gruppen",
    ]  # fmt: skip


def test_subject_first_with_a_second_negated_predicate_and_a_with_list() -> None:
    kept = "Microsoft tokens are kept in the server session and are not stored in the database.\n"
    assert _items(kept) == ["Microsoft tokens"]
    assert _items("Sign-in events are logged with tenant ID, status and timestamp.\n") == [
        "tenant ID", "status", "timestamp",
    ]  # fmt: skip
    # a negated first predicate still discloses nothing; a recipient after "shared with" is no item
    assert _items("Email content is not stored and is discarded.\n") == []
    assert _items("Usage data is shared with our analytics provider.\n") == ["Usage data"]


def test_a_relative_clause_after_an_entry_is_not_part_of_the_item() -> None:
    text = (
        "We automatically collect:\n"
        "- Groups you create or join\n- Threads and replies you post\n- Search queries\n"
    )
    assert _items(text) == ["Groups", "Threads and replies", "Search queries"]


def test_german_werden_wir_with_an_infinitive() -> None:
    text = "Wenn es erforderlich ist, werden wir die Chatinhalte protokollieren.\n"
    assert _items(text) == ["Chatinhalte"]
    assert _items("Wir werden Sie über Änderungen informieren.\n") == []


def test_examples_in_parentheses_after_a_phrase_that_names_no_item() -> None:
    text = (
        "The add-in analyzes technical characteristics of the message (for example: sender "
        "address, display name, URLs and attachments).\n"
    )
    assert _items(text) == ["sender address", "display name", "URLs", "attachments"]
    # after a data item, the examples stay with it
    assert _items("We collect contact details (for example: phone, fax).\n") == ["contact details"]


def test_german_sections_on_purposes_place_and_deletion_end_a_data_list() -> None:
    text = (
        "Was wir verarbeiten\n- Texteingaben in der Anwendung\n"
        "Warum (Zwecke)\n- Vertragserfüllung und Support\n"
        "Wo (Speicherort)\n- EU-Rechenzentren, bevorzugt Deutschland\n"
        "Löschfristen & Speicherzeiten\n- Während der Vertragslaufzeit\n"
    )
    assert _items(text) == ["Texteingaben in der Anwendung"]


def test_fragments_quantified_generics_and_adverbs_are_no_items() -> None:
    for phrase in (
        "of the data",
        "for training sessions",
        "uses your data",
        "interaction purposes",
    ):
        assert not looks_like_item(phrase) and not plain_noun_phrase(phrase), phrase
    assert _items("We collect the same data and the relevant information.\n") == []
    assert _items("Es werden nur jene Daten gespeichert, die notwendig sind.\n") == []
    assert _items("We store subscription metadata temporarily.\n") == ["subscription metadata"]
    text = HEAD + "- File and folder names, sizes, and folder structure — fetched on demand\n"
    assert _items(text) == ["File", "folder names", "sizes", "folder structure"]


def test_the_head_before_a_postmodifier_names_the_data() -> None:
    assert is_data_noun("Kontakte der freigegebenen Mailbox")
    assert is_data_noun("Name des Ansprechpartners")
    assert not is_data_noun("Daten von Nutzern innerhalb der EU")
    assert not is_data_noun("a small number of vetted providers")
    text = "Persönliche Kontakte von Benutzern werden mit dem Telefonverzeichnis synchronisiert.\n"
    # the rules' reading (the item model may still veto a one-sentence text's only phrase: it
    # has no context to go by, and labellers trim "von Benutzern")
    assert [f.item for f in find_items(lines(text))] == ["Persönliche Kontakte von Benutzern"]
    assert _items("Die App zeigt dem Benutzer die Ergebnisse.\n") == []


def test_menu_paths_domains_and_microsoft_products_are_no_items() -> None:
    for phrase in (
        "Einstellungen > Benutzerverwaltung > E-Mail-Synchronisierung",
        "Outlook.de/Outlook.com",
        "Microsoft Exchange offline / online",
    ):
        assert not looks_like_item(phrase) and not plain_noun_phrase(phrase), phrase
    assert looks_like_item("Microsoft account ID")


def test_purposes_recipients_clauses_and_angle_brackets_in_a_template_list() -> None:
    text = (
        "Folgende Daten werden erhoben:\n- <Verwendete IP-Adresse>\n- Bereitstellung der Dienste\n"
        "- Werbeanbieter\n- dass personenbezogene Daten\n- Bei der Nutzung des Add-Ins\n"
    )
    assert _items(text) == ["Verwendete IP-Adresse"]
    assert _items("Es werden keinerlei personenbezogene Daten gespeichert.\n") == []


def test_a_heading_that_says_what_the_product_collects_announces_data() -> None:
    text = (
        "Information the App Collects and Stores\n"
        "- Configuration data. Your preferences are stored locally.\n"
        "- Account identifiers\n"
    )
    assert _items(text) == ["Configuration data", "Account identifiers"]


def test_a_lead_in_over_a_list_of_data_items_announces_data_whatever_its_words() -> None:
    text = (
        "Registrierung eines Kontos\n"
        "wird benötigt für die Software und das Kundenportal:\n"
        "- E-Mail-Adresse (Authentifizierung)\n- Passwort (als Hash gespeichert)\n- User ID\n"
    )
    assert _items(text) == ["E-Mail-Adresse", "Passwort", "User ID"]
    rights = "You have the right to:\n- Access your data\n- Correct inaccurate data\n"
    assert _items(rights) == []
    purposes = "We process email data within the add-in to:\n- Fill work item titles\n"
    assert _items(purposes) == []
    doodle = "Zum Beispiel können dies Namen, E-Mail-Adressen oder Termininformationen sein.\n"
    assert _items(doodle) == ["Namen", "E-Mail-Adressen", "Termininformationen"]


def test_the_following_data_is_a_lead_in_not_an_item() -> None:
    got = _items(
        "Bei Nutzung verarbeiten wir die nachfolgend beschriebenen personenbezogenen Daten: "
        "IP-Adresse, Anfragezeitpunkt, Browser.\n"
    )
    assert "IP-Adresse" in got and not any("Daten" in x for x in got), got
    for lead in ("folgenden Daten", "the following personal data", "genannten Daten"):
        assert GENERIC.match(lead), lead
    assert not GENERIC.match("Kontaktdaten") and not GENERIC.match("following")


def test_clause_fragments_vague_words_and_icons_are_no_items() -> None:
    found = ItemList()
    for phrase in (
        "nutzt das Unternehmen personenbezogene Daten",  # a verb before its subject
        "dann erzeugt LiveConfig eine zufällige ID",
        "bestehend",  # a participle alone
        "👤 Stammdaten",  # the icon goes, the item stays
        "zuletzt verwendete Kontakte",  # an adverb before an adjective: an item
    ):
        found.add(phrase, phrase, 0.7)
    assert [f.item for f in found.found] == ["Stammdaten", "zuletzt verwendete Kontakte"]
    # a separable verb's participle ends the clause: "… E-Mailadresse angelegt" is the address
    assert untail("E-Mailadresse angelegt") == "E-Mailadresse"
    assert GENERIC.match("gewisse Daten") and GENERIC.match("verschiedene Informationen")


def test_a_dotted_identifier_is_no_item() -> None:
    found = ItemList()
    for phrase in (
        "PrivacyPolicyPage.section1.notCollected",
        "app.example.com",
        "https://www.example.com/",
        "//example.com/",
        "E-Mail-Adresse",
    ):
        found.add(phrase, phrase, 0.7)
    assert [f.item for f in found.found] == ["E-Mail-Adresse"]


def test_a_data_clause_that_ends_in_specifically_announces_its_list() -> None:
    text = (
        "Personal data we acquire from you are only data necessary for the performance of the "
        "contract, specifically the first name, surname, telephone number and email of the "
        "person representing you.\n"
        "Wir verarbeiten nur die für den Vertrag nötigen Daten, und zwar Firmenname, Anschrift "
        "und Steuernummer.\n"
    )
    got = _items(text)
    assert {"first name", "surname", "telephone number", "Firmenname", "Anschrift"} <= set(got)
    assert "Steuernummer" in got
    # a law's articles are no data: "compliant with the GDPR, specifically Articles 13 and 14"
    law = "This notice on personal data follows the GDPR, specifically Articles 13 and 14.\n"
    assert _items(law) == []


def test_a_definition_inside_a_paragraph_discloses_nothing() -> None:
    """Not only a line that opens with the definition: its sentence within a paragraph."""
    text = (
        "We do not collect any personal data from you through the App. Personal data is defined "
        "as information that can be used to identify an individual, such as name, email "
        "address, phone number, or location.\n"
        "Wir speichern nichts auf Servern. Personenbezogene Daten werden verstanden als alle "
        "Angaben zu einer Person, etwa Name, Anschrift und Geburtsdatum.\n"
    )
    assert _items(text) == []


def test_a_label_over_how_long_its_data_is_kept_is_no_item() -> None:
    # in a retention section, "Kontodaten: Bis zur Kontolöschung" says how long, not what
    text = (
        "Speicherdauer\n"
        "- Kontodaten: Bis zur Kontolöschung\n"
        "- Nutzungsdaten: Solange das Konto aktiv ist.\n"
        "- Support-Anfragen: Für die Dauer der Vertragsbeziehung\n"
    )
    assert _items(text) == []


def test_a_label_over_two_data_joined_by_und_gives_both() -> None:
    text = (
        "Welche Daten wir verarbeiten\n"
        "- Kontodaten: Bei der Registrierung erheben wir deine E-Mail-Adresse und einen "
        "Benutzernamen.\n"
    )
    assert _items(text) == ["E-Mail-Adresse", "Benutzernamen"]


def test_und_aehnliches_closes_a_list_without_an_item() -> None:
    text = (
        "Diese Informationen (Server-Logfiles) beinhalten etwa die Art des Webbrowsers, das "
        "verwendete Betriebssystem, den Domainnamen Ihres Internet-Service-Providers und "
        "Ähnliches.\n"
    )
    items = _items(text)
    assert "Art des Webbrowsers" in items
    assert not any(i.casefold() == "ähnliches" for i in items), items
