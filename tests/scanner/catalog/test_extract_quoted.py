"""The reading rules on verbatim excerpts of real policies (sources in ``quoted/SOURCES.md``);
the unit tests beside this one use sentences written for them."""

from __future__ import annotations

from pathlib import Path

from m365inv.catalog.extract import Extraction, extract

QUOTED = Path(__file__).parent / "quoted"


def _read(name: str) -> Extraction:
    return extract((QUOTED / f"{name}.txt").read_text("utf-8"))


def _items(name: str) -> list[str]:
    return [i.item for i in _read(name).items]


def test_a_list_after_the_participle_gives_the_logged_fields() -> None:
    assert _items("localpilot-serverlogs-de") == [
        "Server-Logs", "IP-Adresse", "User-Agent", "aufgerufene URL", "Referrer", "Zeitstempel"
    ]  # fmt: skip


def test_a_compound_category_gives_its_fields() -> None:
    items = _items("visinovo-listingdaten-de")
    assert items[:8] == [
        "Titel", "Beschreibung", "Tags", "Preis", "Kategorie", "Zielgruppe", "Markt", "Status"
    ]  # fmt: skip
    assert not any(i.startswith("Listing-Daten") for i in items)


def test_a_datenpunkt_column_is_the_data_not_the_purpose() -> None:
    items = set(_items("velvra-datenpunkte-de"))
    assert {
        "Discord-Benutzer-ID",
        "Transaktionshistorie",
        "Benachrichtigungseinstellungen",
    } <= items
    assert not {"tägliche Belohnungen", "Wirtschaft", "Verfolgt Nachrichten"} & items


def test_a_glossary_discloses_nothing_unless_it_says_what_the_reader_provides() -> None:
    assert _items("rapidhr-definitionen-de") == []  # definitions and the vendor's own address
    assert {"phone number", "IP address", "picture"} <= set(_items("passbolt-definitions-en"))


def test_a_provider_named_as_what_is_not_used_is_no_recipient() -> None:
    names = [s.name for s in _read("heimv-keine-tracking-tools-de").subprocessors]
    assert "Google Analytics" not in names
    # "… keine Plug-ins von Social Media Diensten wie z.B. Instagram oder Facebook": the second
    # denial, more than 60 characters before the name, reaches it too
    assert not any("Facebook" in n for n in names)
    # "We use **no** analytics or tracking services (such as Google Analytics, Facebook Pixel, …)"
    assert _read("zemichat-usenoanalytics-en").subprocessors == ()


def test_a_bilingual_page_discloses_in_its_own_language_once() -> None:
    found = _read("serahr-bilingual-de")
    items = set(i.item for i in found.items)
    assert found.language == "de"
    assert {"Passwort", "Telefon", "Browsertyp", "Referrer-URL"} <= items
    assert not {"email", "phone", "Email reminders", "Demo credentials (email, password)"} & items


def test_a_negation_about_other_apps_does_not_hide_the_data_list() -> None:
    items = set(_items("atlyra-gespeichert-de"))  # "…, auf den andere Apps nicht zugreifen können:"
    assert {"Übungen", "Sätze", "Gewichte", "Notizen", "Wochenziel", "Pausenzeit"} <= items


def test_a_colon_after_a_condition_leads_to_the_logged_fields() -> None:
    items = _items("rollenspiel-uebertragen-de")
    assert "Einstellung" not in items
    assert {"verwendeter Browser", "Größe des Browserfensters", "verwendete IP-Adresse"} <= set(
        items
    )


def test_examples_of_information_about_the_use_are_the_items() -> None:
    items = set(_items("openai-usage-device-en"))
    assert {"features you use", "time zone", "computer connection", "browser you are using"} <= (
        items
    )
    assert not any(i.startswith("information about") for i in items)


def test_bare_nouns_as_the_subject_of_processing_are_the_data() -> None:
    assert _items("skillnotes-verarbeitet-de") == [
        "Notizen", "Aufgaben", "Tags", "Arbeitsflächen", "Anhänge", "Einstellungen",
        "Diktattranskripte",
    ]  # fmt: skip


def test_a_die_wir_erfassen_heading_announces_the_labelled_bullets() -> None:
    assert _items("rasenschach-erfassen-de") == [
        "E-Mail-Adresse", "Benutzername", "Passwort", "Zugriffstoken", "Aktualisierungstoken",
        "Benutzer-ID",
    ]  # fmt: skip


def test_each_listed_measure_is_a_security_claim() -> None:
    claims = [c.claim for c in _read("typebot-measures-en").security]
    assert {"access controls", "backups", "monitoring", "incident response processes"} <= set(
        claims
    )


def test_what_the_user_is_asked_to_provide_is_disclosed() -> None:
    assert {"name", "mobile phone number", "email address"} <= set(_items("wire-asked-en"))


def test_a_data_label_over_unknown_nouns_gives_the_nouns() -> None:
    items = set(_items("jacarrow-schiessdaten-de"))
    assert {"Trainingseinheiten", "Runden", "Pfeilplatzierungen", "Bögen", "Pfeilsätze"} <= items
    assert "Schießdaten" not in items


def _transfers(name: str) -> set[tuple[str | None, str]]:
    return {(t.country, t.mechanism) for t in _read(name).transfers}


def test_a_safeguard_for_third_countries_it_does_not_name_is_a_transfer() -> None:
    # a list lead: the safeguards are the entries below it (the UK's own IDTA is no destination)
    assert _transfers("staffsync-transfers-en") == {(None, "SCC"), (None, "adequacy")}
    # providers placed outside the EU with their safeguard, no verb of moving
    assert _transfers("plausible-transfers-en") == {(None, "SCC")}
    assert _transfers("minicrm-drittland-de") == {(None, "SCC")}


def test_a_german_lead_that_negates_after_its_verb_lists_no_data() -> None:
    assert _items("aimpostor-nicht-erfasst-de") == []


def test_the_entries_under_a_third_party_lead_are_recipients() -> None:
    names = [s.name for s in _read("jacarrow-dritte-de").subprocessors]
    assert names == ["Apple", "RevenueCat", "Sentry"]


def test_consent_to_such_transfers_is_their_mechanism() -> None:
    assert _transfers("plainwrite-consent-en") == {("US", "consent")}


def test_a_definition_within_a_paragraph_gives_no_items() -> None:
    assert _items("felber-defined-en") == []


def test_a_numbered_list_under_its_lead_gives_the_entries() -> None:
    assert _items("pentacode-registrierung-de") == [
        "vollständige Name des Account-Inhabers",
        "Name des Unternehmens",
        "Anschrift des Unternehmens",
        "Telefonnummer des Unternehmens",
        "E-Mail-Adresse",
    ]


def test_a_list_without_bullet_marks_is_read_as_entries() -> None:
    items = _items("culinavi-informationen-de")
    assert "Informationen zu Fehlern" in items
    assert any(i.startswith("App-Nutzungsstatus") for i in items)


def test_a_verbless_enumeration_under_a_data_heading_keeps_words_no_lexicon_knows() -> None:
    items = _items("fitvora-profildaten-de")
    assert {"Größe", "Gewicht", "Zielgewicht", "Trainingstage pro Woche", "Ernährungsweise"} <= set(
        items
    )


def test_an_enumeration_that_mostly_names_data_keeps_its_other_nouns() -> None:
    items = _items("talentbruecke-logfiles-de")
    assert "Zugriffsstatus/HTTP-Statuscode" in items
    assert "zuvor besuchte Seite" in items


def test_a_lead_in_whose_subject_is_the_controller_still_lists_data() -> None:
    items = _items("digitize-categories-en")
    assert items[:3] == ["first name", "last name", "title"]
    assert {"address", "email", "telephone number"} <= set(items)


def test_a_list_under_a_lead_that_lost_its_colon_gives_the_entries() -> None:
    items = _items("nodebyte-collect-en")
    assert {"Email Address", "Phone Number", "Street Address", "Postcode", "Bank Card"} <= set(
        items
    )


def test_an_entry_that_opens_with_a_field_in_code_names_the_field() -> None:
    items = _items("tjbot-databases-en")
    assert {"user_id", "guild_id", "channel_id", "message_id", "participant_count", "tags"} <= set(
        items
    )
    assert not any(i.startswith("`") for i in items)


def _country(name: str) -> str | None:
    found = _read(name).country
    return None if found is None else found.country


def test_a_sentence_anywhere_that_says_where_the_vendor_operates_from_places_it() -> None:
    assert _country("signedby-operated-en") == "US"
    assert _country("daski-operates-en") == "US"
    assert _country("shopify-canadian-en") == "CA"
    assert _country("cozemble-operate-en") == "GB"


def test_a_labelled_entry_whose_generic_words_give_examples_gives_the_examples() -> None:
    items = _items("clouder-loggedin-en")
    assert {"email address", "first name", "last name"} <= set(items)  # "… collected through
    # authentication providers (such as …)": the examples name data, not providers
    assert {"page views", "navigation patterns", "time spent on our services"} <= set(items)
    assert not {"Account Information", "Technical Data", "Usage Data"} & set(items)


def test_an_entry_with_its_examples_in_parentheses_is_no_sub_heading() -> None:
    items = _items("tesobe-provide-en")
    assert {"personal names", "e-mail addresses", "location", "encrypted password"} <= set(items)
    assert {"end user ID", "App name"} <= set(items)


def test_a_flattened_category_table_whose_rows_answer_no_lists_no_data() -> None:
    assert _items("queuebot-collected-en") == []  # every row of the excerpt answers "NO"


def test_what_the_right_of_access_discloses_is_no_data_processed() -> None:
    assert _items("whocards-access-en") == []


def test_labelled_entries_whose_prose_lists_data_in_parentheses_or_whose_label_lists_two() -> None:
    items = _items("framed-collects-en")
    assert {"pages visited", "duration of the visit", "previous visits", "device information"} <= (
        set(items)
    )
    assert {"Email addresses", "names"} <= set(items)  # "Email addresses, names: This is used …"
    assert "Website usage data" not in items


def test_a_consent_entry_in_a_list_of_bases_that_mentions_withdrawal_is_a_basis() -> None:
    assert sorted({b.letter for b in _read("vox-bases-en").legal_bases}) == ["a", "b", "c", "f"]


def test_data_recorded_for_a_number_of_days_written_out_is_a_period() -> None:
    assert [r.period for r in _read("neuland-aufgezeichnet-de").retention] == ["P14D"]


def test_a_safeguard_in_the_sentences_after_providers_abroad_or_named_model_clauses() -> None:
    assert _transfers("clouder-outside-en") == {(None, "SCC")}
    assert _transfers("pokecode-modelclauses-en") == {(None, "SCC")}


def test_services_a_lead_says_are_not_used_are_no_recipients() -> None:
    assert [s.name for s in _read("vayze-keine-dienste-de").subprocessors] == []


def test_the_exception_a_denial_makes_lists_the_recipients() -> None:
    # "We do not sell or share … with third parties, except as required to operate the
    # service:" over "Twilio: …", "Deepgram: …": the exception names who receives the data
    names = [s.name for s in _read("calleragent-exceptasrequired-en").subprocessors]
    assert {"Twilio", "Deepgram", "OpenAI"} <= set(names)


def test_browser_type_and_version_written_with_a_hyphen_are_two_items() -> None:
    assert {"Browsertyp", "Browserversion"} <= set(_items("fixmyaachen-browser-de"))


def test_zu_den_verarbeiteten_daten_gehoeren_announces_the_data() -> None:
    # "Zu den verarbeiteten Daten gehören insbesondere die Login-Informationen (Name, Passwort
    # sowie eine E-Mail-Adresse)": a compound category's fields, "sowie" joining two of them
    assert _items("fixmy-login-de") == ["Name", "Passwort", "E-Mail-Adresse"]


def test_a_product_named_notify_does_not_make_a_data_lead_a_breach_notice() -> None:
    assert _items("govuknotify-includes-en") == [
        "name", "email address", "mobile phone number", "IP address you use"
    ]  # fmt: skip


def test_what_we_ask_for_is_the_data() -> None:
    assert {"email address", "username", "password"} <= set(_items("epicinium-askfor-en"))


def test_a_legal_ground_column_naming_contractual_obligations_is_a_contract_basis() -> None:
    assert sorted({b.letter for b in _read("gstake-legalground-en").legal_bases}) == ["a", "b", "f"]


def test_fulfilling_our_commitments_to_you_under_the_terms_is_a_contract_basis() -> None:
    letters = {b.letter for b in _read("formdata-commitments-en").legal_bases}
    assert letters == {"a", "b", "c", "d", "f"}


def test_the_date_and_time_of_an_event_is_one_datum() -> None:
    items = _items("asf-datetime-en")
    assert "date and time of registration" in items
    assert "time of registration" not in items


def test_your_data_that_may_be_processed_is_named() -> None:
    assert _items("pinecast-maybe-en") == ["computer's IP address"]


def test_a_translation_file_with_quoted_dotted_keys_reads_as_its_strings() -> None:
    # "dataDeletion.withAccount.accountInfoDesc":\n  "E-Mail-Adresse, Anzeigename und Profilbild"
    items = _items("flowlike-i18n-de")
    assert {"E-Mail-Adresse", "Anzeigename", "Profilbild", "Absturzberichte"} <= set(items)
    assert not any("dataDeletion" in i for i in items)


def test_a_sole_developer_names_the_services_used_in_the_first_person() -> None:
    names = {s.name for s in _read("popclip-vendors-en").subprocessors}
    assert {"Fastmail", "Groove"} <= names  # "My email host is …", "I use … to manage …"


def test_the_icos_list_of_circumstances_names_three_bases() -> None:
    # "Where we need to comply with a legal obligation." under "… in the following circumstances:"
    letters = [b.letter for b in _read("halguard-circumstances-en").legal_bases]
    assert letters == ["b", "c", "f"]


def test_examples_of_what_we_collect_after_a_definition_are_the_data() -> None:
    # "Personal Information is information … that identifies an individual. Examples of
    # Personal Information we collect includes names, addresses, …" (the APP template)
    assert {"names", "addresses", "email addresses"} <= set(_items("getnoops-examples-en"))


def test_calendar_years_and_a_cache_lifetime_are_periods() -> None:
    assert [r.period for r in _read("keila-calendaryears-en").retention] == ["P10Y"]
    assert [r.period for r in _read("termsdigest-cached-en").retention] == ["P30D"]


def test_a_retention_list_whose_labels_end_in_a_dash_gives_each_period() -> None:
    # "<strong>Navigation/technical data</strong> — maximum 6 months."
    periods = {r.period for r in _read("scrapix-retention-en").retention if r.period}
    assert {"P5Y", "P6M", "P10Y", "P90D"} <= periods


def test_a_jsx_pages_code_around_its_markup_is_no_data() -> None:
    # "export const metadata: Metadata = {", "title: TITLE,", "images: [" before the markup
    items = _items("roocode-metadata-en")
    assert {"Prompts", "chat snippets", "auth tokens"} <= set(items)
    assert not any("TITLE" in i or "{" in i for i in items)
    assert "images" not in items


def test_a_list_of_piped_processor_entries_names_each_with_its_country() -> None:
    # "*   Discourse | Forum | United States" under "LIST OF THIRD-PARTY SERVICE PROVIDERS"
    found = {(s.name, s.country) for s in _read("huggingface-piped-en").subprocessors}
    assert {("Discourse", "US"), ("Metronome", "US"), ("OVHCloud", "FR")} <= found


def _country(name: str) -> str | None:
    found = _read(name).country
    return None if found is None else found.country


def test_the_vendors_country_from_the_address_shapes_of_real_policies() -> None:
    assert _country("apify-praha-en") == "CZ"  # "110 00 Praha 1" over "Czech Republic"
    assert _country("cannasol-address-en") == "US"  # "Address: …, Sarasota FL, 34237"
    assert _country("stedi-incorporated-en") == "US"  # "Stedi, Inc. is incorporated in …"
    assert _country("hyperknot-kft-en") == "HU"  # "Hyperknot Software Kft., based in Hungary"
    assert _country("strukturunion-schweizerstr-de") == "DE"  # "Schweizer Str. 13, 60594 …"
    assert _country("stegemann-postcode-de") == "DE"  # "Grüner Weg 17a" / "28790 Schwanewede"
    assert _country("complyeaze-registeredinindia-en") == "IN"  # "… LLP, a limited liability
    # partnership registered in India"
    assert _country("thecompany-hochiminh-en") == "VN"  # "Ho Chi Minh 70000" / "Vietnam"
    assert _country("lowenware-liberec-en") == "CZ"  # "Liberec, 460 01" / "Czech Republic"
    assert _country("passbolt-registeredin-en") == "LU"  # "Our organization is registered in …"


def test_a_paragraph_after_a_denying_one_still_lists_what_the_app_reads() -> None:
    assert {"Herzfrequenz", "Geburtsdatum"} <= set(_items("luen-liest-de"))


def test_browser_type_and_version_and_data_kept_on_the_device() -> None:
    items = _items("facturino-browserversion-en")
    assert {"Browser type", "Browser version"} <= set(items) and "version" not in items
    assert [r.period for r in _read("icecubes-locally-en").retention] == []


def test_a_compound_category_gives_fields_the_lexicons_do_not_know() -> None:
    assert _items("rowertrain-fitnessdaten-de") == [
        "Leistung", "Schlagrate", "Herzfrequenz", "Distanz", "Kalorien"
    ]  # fmt: skip


def test_a_compound_category_listing_services_keeps_its_own_name() -> None:
    items = _items("pingmyserver-sociallogin-de")
    assert "Optionale Social-Login-Daten" in items and "GitHub" not in items


def test_categories_announced_with_in_particular_give_their_examples() -> None:
    items = _items("threesixfive-kategorien-de")  # "insbesondere folgende Kategorien …: …"
    assert {
        "Name",
        "gewählter Tarif",
        "IBAN",
        "Cookie-IDs",
        "Studio-Standort",
        "Lebenslauf",
    } <= set(items)
    assert not [i for i in items if ":" in i]


def test_an_adverb_after_the_examples_does_not_hide_them() -> None:
    items = _items("eazybooking-direkt-de")  # "Zahlungsdaten (z.B. …) direkt an Stripe übermittelt"
    assert {"Kreditkartennummer", "Ablaufdatum", "CVC"} <= set(items)
    assert not [i for i in items if "direkt" in i]


def test_a_section_on_sharing_after_the_security_section_claims_no_measures() -> None:
    claims = [c.source for c in _read("quiztempel-weitergabe-de").security]
    assert any("Verschlüsselungstechnologien" in c for c in claims)
    assert not [c for c in claims if "Einwilligung" in c or "gesetzlich" in c]


def test_one_kind_of_data_with_its_fields_under_a_lead_gives_the_fields() -> None:
    assert _items("wegloc-geraetekennungen-de") == [
        "Android ID", "Windows Device ID", "iOS Vendor ID", "macOS System GUID"
    ]  # fmt: skip


def test_this_includes_said_in_german_announces_the_list() -> None:
    items = _items(
        "infinitra-umfasst-dies-de"
    )  # "Für die Software umfasst dies Ihre IP-Adresse, …"
    assert {
        "IP-Adresse",
        "Typ und Version des Betriebssystems",
        "Browsertyp",
        "verweisende URL",
    } <= (set(items))


def test_a_labels_list_opened_by_dazu_gehoeren() -> None:
    assert _items("vermo-dazugehoeren-de") == [
        "Namen der Passagiere", "Kontaktdaten", "relevante Dokumente"
    ]  # fmt: skip


def test_a_dashed_label_over_a_sentence_that_lists_the_data() -> None:
    items = _items("ironsource-registration-en")  # "Registration Information – When you …"
    assert items[:5] == [
        "email address", "password", "billing information", "details about your apps",
        "payment details",
    ]  # fmt: skip
    assert "Registration Information" not in items


def test_the_readers_own_consent_is_the_transfers_mechanism() -> None:
    named = _read("opencollective-consent-en").transfers
    assert [(t.country, t.mechanism) for t in named] == [("US", "consent")]
    unnamed = _read("hoppa-consent-en").transfers
    assert [(t.country, t.mechanism) for t in unnamed] == [(None, "consent")]


def test_a_us_vendors_us_servers_are_a_transfer_for_the_european_record() -> None:
    said = _read("habitica-usservers-en").transfers  # no word of the GDPR in the excerpt
    assert [(t.country, t.mechanism) for t in said] == [("US", "none-stated")]


def test_the_app_stores_a_download_sends_data_to_are_recipients() -> None:
    assert [s.name for s in _read("rocketmeals-appstore-de").subprocessors] == [
        "Apple / App Store", "Google Play"
    ]  # fmt: skip


def test_a_purpose_to_comply_with_the_law_is_the_obligation_basis() -> None:
    assert [b.letter for b in _read("hyperknot-obligations-en").legal_bases] == ["c", "f"]
    assert [b.letter for b in _read("sheetwidget-ausser-de").legal_bases] == []


def test_the_templates_permission_to_do_so_is_consent() -> None:
    letters = [b.letter for b in _read("qdrant-permission-en").legal_bases]
    assert letters == ["a", "b", "c", "f"]


def test_data_sent_to_or_processed_by_a_recipient_placed_in_the_us_is_a_transfer() -> None:
    for name in ("lydia-gesendet-de", "ligatool-verarbeitungsort-de", "glowera-revenuecat-de"):
        transfers = [(t.country, t.mechanism) for t in _read(name).transfers]
        assert transfers == [("US", "none-stated")], name


def test_countries_outside_the_readers_own_with_the_next_sentences_safeguard() -> None:
    transfers = [(t.country, t.mechanism) for t in _read("kestra-residence-en").transfers]
    assert transfers == [(None, "SCC")]


def test_a_retention_lists_labels_are_no_items_but_its_periods_stay() -> None:
    got = _read("folo-retained-en")
    assert [i.item for i in got.items] == []
    assert "P6M" in {r.period for r in got.retention if r.period}


def test_github_as_a_contact_channel_is_no_recipient() -> None:
    assert [s.name for s in _read("commentslash-githubissues-en").subprocessors] == []
    hosted = extract("Diese Website wird bei GitHub Pages gehostet (GitHub B.V., Amsterdam).")
    assert [s.name for s in hosted.subprocessors] == ["GitHub"]


def test_a_provider_compared_against_or_planned_for_some_day_is_no_recipient() -> None:
    assert [s.name for s in _read("ivpn-unlike-en").subprocessors] == ["Matomo"]
    assert [s.name for s in _read("cockpit360-zukunft-de").subprocessors] == []


def test_a_british_postcode_places_the_vendor_unless_it_is_a_representatives() -> None:
    placed = _read("belchamber-postcode-en").country
    assert placed is not None and placed.country == "GB"
    assert _read("fleet-ukrepresentative-en").country is None


def test_a_california_nonprofit_public_benefit_corporation_is_american() -> None:
    placed = _read("letsencrypt-california-en").country
    assert placed is not None and placed.country == "US"


def test_a_lead_in_negation_ends_at_but() -> None:
    items = _items("tidyframe-butmayinclude-en")
    assert {"IP address", "operating system", "Pages visited", "click patterns"} <= set(items)
    denied = extract("We do not collect or store any of the following:\n\n- Email address\n- Phone")
    assert [i.item for i in denied.items] == []


def test_data_named_as_what_is_retained_or_deleted_is_no_new_item() -> None:
    kept = _read("revguide-retained-en")
    assert [i.item for i in kept.items] == []
    assert {"P30D", "P90D"} <= {r.period for r in kept.retention if r.period}
    assert _items("healthsync-geloescht-de") == ["Synchronisierungsprotokolldaten"]


def test_a_payment_providers_card_certificate_is_not_the_vendors_claim() -> None:
    assert _read("traverum-stripepci-en").security == ()
    assert len(_read("emf-pcidss-en").security) == 1


def test_a_german_street_address_places_the_vendor_unless_it_is_another_partys() -> None:
    for name in ("neocosmo-sciencepark-de", "billwerk-amborn-de"):
        placed = _read(name).country
        assert placed is not None and placed.country == "DE", name
    assert _read("econsult-teamviewer-de").country is None  # the remote-support tool's maker
    assert _read("citiair-trento-en").country is None  # an Italian street, not a German one


def test_a_responsible_entity_heading_names_the_controller() -> None:
    placed = _read("nodedevices-responsibleentity-en").country
    assert placed is not None and placed.country == "DE"


def test_the_uk_as_origin_law_or_safeguard_issuer_is_no_destination() -> None:
    def transfers(name: str) -> set[tuple[str | None, str]]:
        return {(t.country, t.mechanism) for t in _read(name).transfers}

    # "UK law provides similar safeguards for UK user data that is transferred out of the UK"
    assert not any(country == "GB" for country, _ in transfers("basecamp-ukuserdata-en"))
    # "… in accordance with the standard contractual clauses applicable in the United Kingdom"
    assert transfers("crowdtangle-unitedkingdom-en") == {("US", "SCC")}
    # "Standard Contractual Clauses adopted by the European Commission or the United Kingdom"
    assert not any(country == "GB" for country, _ in transfers("yahoo-adoptedby-en"))
    # "Für Übermittlungen aus der Europäischen Union / …, dem Vereinigten Königreich und der
    # Schweiz gilt:" over the partners' safeguards for the United States
    assert transfers("keremiko-koenigreich-de") == {("US", "DPF"), ("US", "SCC")}
    # a destination in parentheses after the area it leaves stays one:
    # "in ein Land außerhalb der EU/des EWR (insbesondere USA)"
    assert transfers("hbsales-insbesondere-de") == {("US", "SCC")}


def test_a_data_label_on_a_line_of_its_own_lists_the_data() -> None:
    # "<p><strong>Verarbeitete Daten:</strong> IP-Adressen, Browser-Informationen, …</p>"
    assert _items("rentmanager-verarbeitetedaten-de") == [
        "IP-Adressen", "Browser-Informationen", "Anfragezeitpunkt"
    ]  # fmt: skip
    # "Data collected: Crashlytics Installation UUIDs, crash traces, device models, …"
    assert _items("memoir-datacollected-en") == [
        "Crashlytics Installation UUIDs", "crash traces", "device models", "geography",
        "operating systems",
    ]  # fmt: skip


def test_a_line_wrapped_after_an_abbreviation_goes_on() -> None:
    # "… Bestands- und Kontaktdaten (z.B." / "Name, Kontaktinformationen), Inhaltsdaten …"
    items = _items("engler-zbumbruch-de")
    assert {"Name", "Kontaktinformationen", "Inhaltsdaten"} <= set(items)
    assert not any(")" in i for i in items)


def test_a_recipient_named_before_a_denial_of_others_stays() -> None:
    def names(name: str) -> list[str]:
        return [s.name for s in _read(name).subprocessors]

    # "We use privacy-respecting product analytics (PostHog) …; no data is shared with ad networks."
    assert names("freesteamidler-posthog-en") == ["PostHog"]
    # "… bei Supabase (Singapur/EU) gespeichert und nicht an Dritte weitergegeben."
    assert names("lhconsulting-supabase-de") == ["Supabase"]


def test_a_lead_that_ends_on_its_collecting_verb_announces_data() -> None:
    # "Wenn Sie das Kontaktformular … nutzen, erheben wir:" over "- **Name** — um Sie …"
    assert _items("lunette-erhebenwir-de") == [
        "Name", "E-Mail-Adresse", "Nachrichteninhalt", "App-Version", "iOS-Version",
        "Gerätemodell", "Pro-Status",
    ]  # fmt: skip


def test_providers_of_apps_and_small_saas_are_known_by_name() -> None:
    def named(name: str) -> list[tuple[str, str | None]]:
        return [(s.name, s.country) for s in _read(name).subprocessors]

    # "We use TelemetryDeck, a privacy-first analytics service provided by TelemetryDeck GmbH
    # (…, 86159 Augsburg, Germany)"
    assert named("podwell-telemetrydeck-en") == [("TelemetryDeck GmbH", "DE")]
    # "… von Open Food Facts (Frankreich) geladen. Dabei wird deine IP-Adresse an Open Food
    # Facts übermittelt"
    assert named("bonbuddy-openfoodfacts-de") == [("Open Food Facts", "FR")]


def test_an_abbreviation_that_stands_for_its_datum_is_an_item() -> None:
    # "- Usage telemetry: page views, agent run logs, API timings, error traces, IP and user-agent
    # for security.": "IP" is the address, as "OS" is the operating system
    assert "IP" in _items("coldmarketer-telemetry-en")


def test_a_field_the_reader_may_leave_out_is_still_a_field() -> None:
    # "<li>Kontaktdaten (z. B. Name, E-Mail-Adresse, ggf. Benutzername)</li>": "ggf." marks
    # the field as optional, it is no remark that makes the list a comment
    items = _items("otconsulting-ggfbenutzername-de")
    assert items[:3] == ["Name", "E-Mail-Adresse", "Benutzername"]
    assert "Kontaktdaten" not in items


def test_a_list_entry_of_sentences_is_read_sentence_by_sentence() -> None:
    # "* We collect anonymous crash reports and performance data (via Firebase Crashlytics) to
    # help us fix bugs … . This includes device type, operating system version, and crash logs."
    items = _items("shelflife-thisincludes-en")
    assert {"device type", "operating system version", "crash logs"} <= set(items)


def test_a_comma_after_e_g_keeps_the_examples_a_field_list() -> None:
    # "- Account info (e.g., name, email, password/credentials, organization name).": the
    # comma after "e.g." is the lead's, no field of its own
    items = _items("surveyi-egcomma-en")
    assert items[:4] == ["name", "email", "password/credentials", "organization name"]
    assert "Account info" not in items


def test_a_thing_named_as_the_subject_after_the_verb_is_no_datum() -> None:
    # "Beim Aufruf verarbeitet der Hoster technische Verbindungsdaten – IP-Adresse, Zeitpunkt der
    # Anfrage, abgerufene Datei, Referrer und User-Agent – in Server-Logfiles": "der Hoster" is
    # who processes, not what
    items = _items("lidshift-derhoster-de")
    assert {"IP-Adresse", "Zeitpunkt der Anfrage", "Referrer", "User-Agent"} <= set(items)
    assert not any("Hoster" in i for i in items)


def test_a_question_in_a_table_of_contents_is_no_datum() -> None:
    # "Topics: * What data do we collect? * How do we collect your data? … * How do we use
    # cookies?": a heading's question names what the section is about, it lists no data
    items = _items("5zigreborn-questions-en")
    assert not any("?" in i for i in items)


def test_data_we_hold_is_collected() -> None:
    # "We hold your name and email address, so we can make sure you attend Hills Road …"
    items = _items("hillsroad-weholdyourname-en")
    assert {"name", "email address"} <= set(items)


def test_firebase_products_are_named_as_the_policy_names_them() -> None:
    # "Google AdMob – zeigt Werbung an. …", "Firebase Analytics – hilft uns …", "Firebase
    # Crashlytics – erfasst Absturzberichte …": two of Firebase's products, two recipients
    names = {s.name for s in _read("fennly-firebaseprodukte-de").subprocessors}
    assert {"Firebase Analytics", "Firebase Crashlytics"} <= names
    assert "Google Firebase" not in names


def test_a_relative_clause_after_the_last_entry_ends_the_list() -> None:
    # "Matchdaten: Matchergebnisse, Punkte, Teilnehmer und Matchhistorie, die Sie in der App
    # protokollieren": the clause is about the whole list, which still lists the data
    items = _items("padlr-diesieprotokollieren-de")
    assert {"Matchergebnisse", "Punkte", "Teilnehmer", "Matchhistorie"} <= set(items)
    assert {"Beiträge", "Kommentare", "Reaktionen", "Follow-Beziehungen"} <= set(items)
    assert "Matchdaten" not in items


def test_a_disclaimer_under_the_measures_is_no_claim() -> None:
    # "**However, please note:** - No method of transmission over the internet is 100% secure
    # - No electronic storage system is completely secure - We cannot guarantee absolute
    # security … - You are responsible for maintaining the confidentiality of your password":
    # limits and the reader's duty, not measures; the measures above stay
    claims = [c.claim for c in _read("softspeakflow-nomethod-en").security]
    assert "Encryption of data in transit (SSL/TLS)" in claims
    assert "Secure backup procedures" in claims
    assert not any(
        w in c for c in claims for w in ("100%", "completely", "guarantee", "responsible")
    )


def test_a_service_named_as_the_datas_origin_is_no_recipient() -> None:
    # "Wenn Sie einen Lebenslauf oder LinkedIn-Export hochladen, wird der Textinhalt … an unsere
    # Verarbeitungspartner (Anthropic, OpenAI) übermittelt": the export is the data, the
    # partners receive it
    names = {s.name for s in _read("joblens-linkedinexport-de").subprocessors}
    assert {"Anthropic", "OpenAI"} <= names
    assert not any("LinkedIn" in n for n in names)


def test_wie_with_an_article_introduces_the_examples() -> None:
    # "… sammeln wir die persönlichen Informationen des Nutzers wie den Namen, die Emailadresse
    # und seine Verbindungen zu erstellten Gruppen": the examples are the data, the category
    # with "wie den Namen" glued to it is none
    items = _items("xamplo-wieden-de")
    assert {"Namen", "Emailadresse"} <= set(items)
    assert not any("wie" in i.split() for i in items)


def test_a_category_with_its_fields_is_not_vetoed_before_they_are_read() -> None:
    # "<li>Registrierungsdaten (Name, Organisation, dienstliche E-Mail, optional Telefon)</li>":
    # the model doubts the category word, but the category stands for its fields
    items = _items("govdisrupt-registrierungsdaten-de")
    assert {"Name", "Organisation", "dienstliche E-Mail", "Telefon"} <= set(items)
    assert "Registrierungsdaten" not in items


def test_the_readers_consent_to_processing_in_a_country_is_the_mechanism() -> None:
    # "All data is stored in Microsoft Azure data centers in the United States. By using the
    # Service, you consent to data storage and processing in the U.S."
    transfers = {(t.country, t.mechanism) for t in _read("chat2deal-consentus-en").transfers}
    assert transfers == {("US", "consent")}


def test_servers_may_automatically_record_the_listed_data() -> None:
    # "… our servers may automatically record your IP address, browser, and operating system in
    # temporary server log files": the list after the verb, not the "files" after "server log"
    items = _items("letsencrypt-serverlogfiles-en")
    assert {"IP address", "browser", "operating system"} <= set(items)
    assert "files" not in items


def test_a_what_it_receives_column_lists_the_data() -> None:
    # "| Subprocessor | Role | What it receives | Where |" over "Everything the service holds:
    # accounts, audit records, deployment checks, catalog, …": the column is the data
    items = set(_items("freezehub-whatitreceives-en"))
    assert {"accounts", "audit records", "deployment checks", "nightly database dump"} <= items
    assert not any("us-east-2" in i or "Container registry" in i for i in items)


def test_both_ends_of_a_range_are_periods() -> None:
    # "## 7. Speicherdauer … Logfiles: 30 bis 90 Tage … Rechnungsdaten: 10 Jahre"
    periods = {r.period for r in _read("compliai-bis90tage-de").retention}
    assert {"P30D", "P90D", "P10Y"} <= periods


def test_a_heading_naming_a_provider_and_its_role_is_a_recipient() -> None:
    # "### RevenueCat (Abonnementverwaltung)" over what RevenueCat receives
    names = {s.name for s in _read("equinomy-revenuecattitel-de").subprocessors}
    assert "RevenueCat" in names


def test_the_rest_of_an_enumeration_the_rules_drew_from_is_weighed() -> None:
    # "Name, Beschreibung, Menge, Kaufdatum, Wert von Gegenständen": the rules took three of the
    # five entries; the other two are weighed by the item model like any candidate
    assert {"Menge", "Wert von Gegenständen"} <= set(_items("emmatresor-menge-de"))
    # "… including traffic data, location data and logs, page views, length of visit and
    # website navigation paths …"
    items = set(_items("gstake-lengthofvisit-en"))
    assert {"page views", "length of visit", "website navigation paths"} <= items


def test_a_things_two_attributes_are_two_data() -> None:
    # "- Browser name and version", "- Operating system name and version"
    items = _items("openpanel-nameandversion-en")
    assert {"Browser name", "Browser version", "Operating system version"} <= set(items)
    assert "Browser name and version" not in items


def test_a_category_label_and_its_verb_are_not_part_of_the_first_entry() -> None:
    # "* **Identity Data** includes first name, last name, …"
    items = _items("fcmpass-includes-en")
    assert {"first name", "billing address", "bank account"} <= set(items)
    assert not any("includes" in i for i in items)


def test_entities_listed_after_a_question_about_sub_processors_are_recipients() -> None:
    # "Which sub-processors are used?+ Currently Hetzner Online GmbH (hosting, DE), Eden AI SAS
    # (AI gateway, FR), …": unknown legal entities in the answer's list, each with the ISO code
    # that closes its bracket
    found = {s.name: s.country for s in _read("hoviguard-subprocessors-en").subprocessors}
    # "Who is the controller …?+ The customer is the controller …": the first entity after
    # that block is no vendor's own, so it stays a recipient
    assert found["Hetzner Online GmbH"] == "DE"
    assert found["Eden AI SAS"] == "FR"
    assert found["Neue Medien Münnich GmbH"] == "DE"
    assert found["Stripe Payments Europe Ltd."] == "IE"


def test_consent_labelled_as_a_basis_is_one_whatever_follows_it() -> None:
    # "- **Consent**: You provide consent by using the add-in …" (no word of data after it),
    # "**Lawful Basis:** Consent, Legitimate Interests", "- Consent (withdrawable analytics/…)"
    for name in (
        "sheetsense-legalbasis-en",
        "letsencrypt-lawfulbasis-en",
        "craftidraw-processunder-en",
    ):
        assert "a" in {b.letter for b in _read(name).legal_bases}, name


def test_the_vendors_address_in_its_own_contact_block() -> None:
    # "… by mail at: 15Five, 3053 Fillmore St #279, San Francisco, CA 94123 USA"; "please contact
    # us at: Datadog, Inc. 620 8th Avenue, …, New York, NY 10018" (a provider the lexicon knows,
    # in its own policy); "Qwilr Pty Ltd" / "Redfern NSW 2016"; "Toronto, ON" / "M6P 3T1 Canada"
    for name, country in (
        ("15five-bymailat-en", "US"),
        ("datadog-contactusat-en", "US"),
        ("qwilr-redfernnsw-en", "AU"),
        ("freshbooks-toronto-en", "CA"),
    ):
        found = _read(name).country
        assert found is not None and found.country == country, name
    assert _read("zemichat-imy-en").country is None  # the authority's "…, Stockholm, Sweden"


def test_markup_at_an_entrys_edges_is_not_part_of_the_datum() -> None:
    # "* Login-Name\*", "* HRZ-Mailadresse\*": the escaped required-field star
    items = _items("clockgu-sternchen-de")
    assert {"Login-Name", "HRZ-Mailadresse", "Personalnummer"} <= set(items)
    assert not any(i.endswith("*") for i in items)


def test_the_name_a_policy_gives_itself_is_not_its_own_sub_processor() -> None:
    for name, own in (
        ("sparkpost-collectively-en", "sparkpost"),
        ("bigmarker-affiliates-en", "bigmarker"),
    ):
        names = [s.name.casefold() for s in _read(name).subprocessors]
        assert not any(own in n for n in names), (name, names)


def test_data_that_accrue_are_processed() -> None:
    # "… können technisch bedingt Verbindungsdaten anfallen (z. B. IP-Adresse, Zeitpunkt der
    # Verbindung)"
    assert _items("weslie-anfallen-de") == ["IP-Adresse", "Zeitpunkt der Verbindung"]


def test_safe_harbor_is_the_adequacy_decision_of_its_time_for_the_united_states() -> None:
    transfers = {(t.country, t.mechanism) for t in _read("asana-safeharbor-en").transfers}
    assert transfers == {("US", "adequacy")}  # not Switzerland, where the data comes from


def test_an_enumerations_open_end_is_no_item() -> None:
    items = _items("deepseek-othercontent-en")  # "…, chat history, or other content that you …"
    assert items[items.index("feedback") + 1] == "chat history"  # the last entry before it
    assert "other content" not in items


def test_a_named_categorys_examples_are_the_items() -> None:
    assert _items("slackvibes-operationaldata-en") == [  # "operational data (e.g., …)"
        "request timestamps", "latency", "status codes", "request IDs"
    ]  # fmt: skip


def test_providers_that_process_data_in_a_named_country_give_the_safeguard_its_place() -> None:
    # "Google and other providers may process information in the United States …" + "Where
    # required, transfers rely on safeguards such as Standard Contractual Clauses, adequacy
    # decisions, …": the SCC are the US's; the adequacy decisions, the other countries'
    assert _transfers("tethra-processinus-en") == {("US", "SCC"), (None, "adequacy")}


def test_data_stored_but_not_passed_on_or_linked_is_no_not_stored() -> None:
    # "Diese werden pseudonymisiert gespeichert und nicht an Dritte weitergegeben": kept
    assert "P0D" not in {r.period for r in _read("austrofit-gespeichertundnicht-de").retention}
    # "We do not link the information we store within the analytics software to …": kept
    assert "P0D" not in {r.period for r in _read("logmein-wedonotlink-en").retention}
    assert [r.period for r in extract("We do not collect, use or store your data.").retention] == [
        "P0D"
    ]


def test_software_the_vendor_hosts_itself_is_no_recipient_but_its_host_is() -> None:
    # "… we use a self-hosted, privacy-focused analytics suite known as [Matomo](…)"
    assert _read("standardnotes-selfhosted-en").subprocessors == ()
    # "… auf einem Server in der EU (Hetzner, Deutschland) selbst gehostet": Hetzner hosts it
    assert [s.name for s in _read("austrofit-selbstgehostet-de").subprocessors] == [
        "Hetzner Online"
    ]


def test_the_places_data_may_be_moved_to_are_no_data() -> None:
    # "Your information, including Personal Data, may be transferred to … computers located
    # outside of your state, province, country …": the examples end where the verb begins
    assert _items("statically-province-en") == []


def test_a_table_under_a_converters_blank_header_is_headed_by_its_first_row() -> None:
    found = _read("donkeyrepublic-partyname-en")
    assert {"Advertising ID", "rental data", "web browsing data"} <= {i.item for i in found.items}
    assert {"Adyen", "Amplitude", "AppFollow"} <= {s.name for s in found.subprocessors}
    # two columns under a blank header are keys and values: "| Type | Persistent |"
    assert _read("substack-cookietable-en").subprocessors == ()


def test_swiss_spelling_writes_ss_for_sharp_s() -> None:
    # "… in Länder ausserhalb der Schweiz oder des Europäischen Wirtschaftsraums (EWR)
    # übermitteln, … Standardvertragsklauseln oder … eines Angemessenheitsbeschlusses": a
    # transfer to unnamed third countries, not one to Switzerland
    transfers = {(t.country, t.mechanism) for t in _read("memberly-ausserhalb-de").transfers}
    assert transfers == {(None, "SCC"), (None, "adequacy")}


def test_an_entrys_label_yields_to_its_claim_and_a_lacking_certificate_is_no_claim() -> None:
    claims = [c.source for c in _read("emailsentinel-datasecurity-en").security]
    # "- **Encryption at rest.** All `UserProperties` values are encrypted at rest using AES-256"
    assert "Encryption at rest." not in claims and "Encryption in transit." not in claims
    assert any(c.startswith("All `UserProperties` values are encrypted at rest") for c in claims)
    # "- **Certifications.** JJJJJ Enterprises, LLC does not currently hold SOC 2 Type II, …"
    assert not any("does not currently hold" in c for c in claims)


def test_a_specific_data_column_is_the_data_not_its_ccpa_category() -> None:
    # "| Category (CCPA §1798.140) | Specific data | Source | Purpose |"
    items = _items("emailsentinel-specificdata-en")
    assert {"Gmail email address", "Subscription tier", "billing status"} <= set(items)
    assert not {"Commercial information", "Professional/employment information"} & set(items)


def test_what_is_the_data_column_of_a_table_that_says_where_it_comes_from() -> None:
    # "| Was | Woher | Personenbezug |" / "| Rufzeichen, Anzeigename, Rolle, Farbe | Bei der
    # Einrichtung vergeben | … |"
    items = _items("operationx-woher-de")
    assert {"Rufzeichen", "Anzeigename", "Funksprüche", "Beweisfotos"} <= set(items)
    assert "Bei der Einrichtung vergeben" not in items


def test_switzerland_named_as_where_privacy_shield_data_comes_from_is_no_destination() -> None:
    # "… the Swiss-U.S. Privacy Shield Frameworks … transferred from the European Union, the
    # United Kingdom and/or Switzerland, as applicable to the United States …"
    assert {(t.country, t.mechanism) for t in _read("pendo-privacyshield-en").transfers} == {
        ("US", "adequacy")
    }
    # "… Personal Data transferred from the European Economic Area (“EEA”) or Switzerland to the
    # United States": a quoted abbreviation closes the origin too
    assert "CH" not in {t.country for t in _read("hootsuite-eeaorswitzerland-en").transfers}


def test_the_company_processing_your_data_names_the_vendor_and_its_address() -> None:
    # "**The Company processing your data is** Phoenix Renewables Ltd (trading as ‘Egg’), with
    # registered company address: Griffin House, 161 Hammersmith Road, London, England, W6 8BS."
    found = _read("egg-registeredaddress-en").country
    assert found is not None and found.country == "GB"


def test_a_label_over_a_paragraph_titles_prose_that_lists_data() -> None:
    # "**2.1 User-provided Information**. When you use the Service … . Examples of Personal Data
    # include name, email address, mailing address, mobile phone number, and credit card or
    # other billing information. …" under "The Information We Collect on the Service:"
    items = _items("pipedrive-titledparagraph-en")
    assert {"name", "email address", "mailing address", "mobile phone number"} <= set(items)
    assert {"geographic area", "preferences"} <= set(items)


def test_a_transfer_outside_europe_with_no_safeguard_is_one_to_unnamed_countries() -> None:
    for name in ("navigatum-outsideeu-en", "papertrail-outsideyourown-en"):
        assert {(t.country, t.mechanism) for t in _read(name).transfers} == {
            (None, "none-stated")
        }, name


def test_consent_given_for_an_occasion_is_basis_a() -> None:
    # "(m) for any other purpose with your consent." closing a list of uses
    assert [b.letter for b in _read("infracost-withyourconsent-en").legal_bases] == ["a"]
    # "- **Consent.** We may also disclose your information with your permission."
    assert "a" in {b.letter for b in _read("tigris-withyourpermission-en").legal_bases}


def test_a_transfer_out_of_the_uk_and_its_uk_safeguards() -> None:
    # "These providers may process data on servers outside the UK. Where that happens, the
    # transfer is covered by appropriate safeguards (such as the UK International Data Transfer
    # Agreement or equivalent mechanisms)."
    assert {(t.country, t.mechanism) for t in _read("holdthesoap-outsidetheuk-en").transfers} == {
        (None, "SCC")
    }
    # "Some providers may be located outside the UK/EEA. We rely on UK adequacy regulations, the
    # UK International Data Transfer Addendum (IDTA) and/or Standard Contractual Clauses …":
    # the UK is where data leaves, not where it goes
    assert {(t.country, t.mechanism) for t in _read("ventira-locatedoutside-en").transfers} == {
        (None, "SCC"),
        (None, "adequacy"),
    }
    # "Some subprocessors may process data outside the UK; where they do, we ensure appropriate
    # safeguards (such as UK International Data Transfer Agreements or adequacy decisions) …"
    found = {(t.country, t.mechanism) for t in _read("sentinelhq-transferagreements-en").transfers}
    assert found == {(None, "SCC"), (None, "adequacy")}


def test_contracts_approved_by_the_european_commission_are_the_clauses() -> None:
    # "Any personal data transferred to countries or territories outside the UK or the EU will
    # only be transferred where we have put in place appropriate safeguards … usually through
    # contracts approved by the European Commission."
    found = {(t.country, t.mechanism) for t in _read("christchurch-contractsapproved-en").transfers}
    assert found == {(None, "SCC")}


def test_an_american_contact_address_by_post_or_with_the_state_written_out() -> None:
    # "… or via mail to Trend Micro Incorporated, c/o Legal Department, 225 East Carpenter
    # Freeway, Suite 1500, Irving, TX 75062, USA.": the policy's own postal contact
    # "… or by mail at 3250 Ash Street, Palo Alto, California 94306-2242."
    # "178 South Victory #108" / "Burbank, California 91502" under "Contacting Us"
    for name in ("trendmicro-viamailto-en", "billcom-statewritten-en", "dubsado-contactingus-en"):
        found = _read(name).country
        assert found is not None and found.country == "US", name


def test_a_provider_column_outranks_a_column_of_services() -> None:
    # "| Dienst | Anbieter | Zweck | Was er sieht |" / "| Weiterleitung verschlüsselter
    # SYNC-Daten | Google Firebase Firestore | …": the processors stand under "Anbieter"
    names = [s.name for s in _read("budgetrak-dienstanbieter-de").subprocessors]
    assert "Google Firebase" in names and "Google Play" in names
    assert not any("Weiterleitung" in n or "Nutzungsanalyse" in n for n in names), names


def test_a_contact_address_after_a_line_about_other_providers_is_the_vendors() -> None:
    # "Move: … to move your data to other service providers as you wish." then "You may contact
    # us at help@clickup.com or 580 Howard St Unit 101 San Francisco, CA 94105 …": the providers
    # before "contact us" are no cue that the address is theirs
    found = _read("clickup-contactafterproviders-en").country
    assert found is not None and found.country == "US"


def test_an_entrys_later_sentence_with_examples_leaves_its_first_sentences_data() -> None:
    # "* Data you provide: The personal data you provide directly to us may include contact
    # information such as your name, address, telephone number or email address. … We also
    # collect information you choose to provide … (for example, for event sign-up, support
    # request or survey submission)": the examples in parentheses are one later sentence's
    items = set(_items("code42-dataprovide-en"))
    assert {"name", "address", "telephone number", "email address", "job title"} <= items
    assert {"hardware model", "operating system version", "event attendance information"} <= items


def test_a_compound_category_with_where_its_data_live_gives_its_examples() -> None:
    # "<li>Inhaltsdaten aus dem Fangbuch (z. B. Fischart, Ort, Datum/Uhrzeit, Notizen,
    # Fotos)</li>": the category's examples are the items, as for "Inhaltsdaten (z. B. …)"
    items = _items("baitbuddy-fangbuch-de")
    assert {"Fischart", "Ort", "Notizen", "Fotos"} <= set(items)
    assert not any(i.startswith("Inhaltsdaten") for i in items), items


def test_the_time_a_check_takes_is_no_datum() -> None:
    # "Wenn Sie die Richtigkeit Ihrer bei uns gespeicherten personenbezogenen Daten bestreiten,
    # benötigen wir in der Regel Zeit, um dies zu überprüfen."
    assert _items("fichtelultra-zeit-de") == []


def test_a_legitimate_interest_that_requires_the_logs_adds_no_item() -> None:
    # the logged fields, then "… berechtigtes Interesse an der technisch fehlerfreien Darstellung
    # und der Optimierung seiner Website – hierzu müssen die Server-Log-Files erfasst werden."
    items = _items("commonsbooking-serverlogfiles-de")
    assert items[-1] == "IP-Adresse" and "Browsertyp" in items
    assert not any("Log" in i for i in items), items


def test_an_address_block_whose_lines_end_in_commas_gives_the_country() -> None:
    # "APPTIVO INC." / "983 Corporate Way," / "Fremont," / "CA 94539," / "United States"
    found = _read("apptivo-trailingcommas-en").country
    assert found is not None and found.country == "US"


def test_switzerland_as_where_shielded_data_comes_from_is_no_destination() -> None:
    # "… all personal data received from European Union (EU) member countries, and Switzerland,
    # respectively, in reliance on the Privacy Shield Framework …"
    found = {(t.country, t.mechanism) for t in _read("keeper-receivedfromswitzerland-en").transfers}
    assert found == {("US", "adequacy")}


def test_fields_of_a_category_stay_though_one_is_drafted_elsewhere() -> None:
    # "… technische Protokolldaten (z. B. IP-Adresse, Datum/Uhrzeit des Besuches, abgerufene
    # Ressource, Browser/Betriebssystem) …", and later "Dabei kann Ihre IP-Adresse und technische
    # Verbindungsdaten an die Server der Anbieter übermittelt werden": the later sentence's
    # IP-Adresse does not make the examples a description of the category
    items = _items("yannikapps-protokolldaten-de")
    assert {"Datum/Uhrzeit des Besuches", "abgerufene Ressource", "IP-Adresse"} <= set(items)
    assert not any("Protokolldaten" in i for i in items), items


def test_a_count_from_one_under_any_colon_lead_is_a_list() -> None:
    # "**2.1.1. Information That Our Customers Give** is:" / "  1. First and last name;" / … /
    # "  8. User Profile photos that you upload" / "  9. Organization information;": an entry
    # without its semicolon is no section heading, and the entries after it are still data
    items = _items("flock-customersgive-en")
    assert {"Date of birth", "Organization information", "Preferences", "Contacts"} <= set(items)
    assert not any(i.startswith(("1.", "9.")) for i in items), items


def test_a_lead_that_names_the_parties_first_lists_recipients() -> None:
    # "Third parties we use for advertising:" / "1.  [Index Exchange](…)" / "4.  [OpenX](…)" …:
    # the entries are companies, not data
    assert _items("timeanddate-partnerswe-en") == []


def test_information_related_to_is_data_not_a_purpose() -> None:
    # "These entities may gather information related to:" / "2. Your geographic location and
    # network details." / "3. Demographics such as age and gender …": "to:" closes what the
    # information concerns, not what it is used for
    assert {"geographic location", "network details", "age", "gender"} <= set(
        _items("cameo-relatedto-en")
    )


def test_weder_noch_negates_the_list_between() -> None:
    # "Fastyra fragt weder Gewicht, Alter, Geschlecht, Kalorien, Standort, Kontakte noch
    # Gesundheitsdaten ab." — under a list of what the app does store
    items = _items("fastyra-weder-de")
    assert "Fastenpläne" in items and "Zeitformat" in items
    assert not {"Alter", "Geschlecht", "Kalorien", "Standort"} & set(items), items


def test_a_lead_stored_on_no_server_lists_nothing_processed() -> None:
    # "Keine. Konkret erhebt, überträgt und speichert LookAt auf keinem Server:" / "deinen Namen,
    # deine E-Mail-Adresse oder sonstige personenbezogene Angaben;" / … (what stays on the
    # device, "Der Entwurf deiner Nachricht … bleiben auf dem Gerät", is data the app keeps)
    items = _items("lookat-keinemserver-de")
    denied = {"Namen", "E-Mail-Adresse", "Nachrichten", "Nutzungs- oder Diagnosedaten"}
    denied |= {"Werbe-IDs", "Standort", "Kontakte", "Fotos", "Mikrofon"}
    assert not denied & set(items), items


def test_a_data_noun_before_a_colon_inside_a_sentence_announces_its_list() -> None:
    # "Customer Information: When Customers register on the Site, we ask you to give us name and
    # contact information: company name, name of contact, title of contact, company address, …"
    items = _items("sogosurvey-contactinformation-en")
    assert {"company name", "name of contact", "title of contact", "telephone number"} <= set(items)
    assert "billing information" in items and "password" in items


def test_a_generic_head_with_its_relative_clause_gives_its_examples() -> None:
    # "<li>… <b>Daten, die benötigt werden, um den Kunden erneut zu kontaktieren (z. B. Name,
    # Nachname, Mobiltelefonnummer, E-Mail-Adresse).</b></li>": "Daten" is generic, its
    # relative clause says what for; the examples are the items
    items = _items("bookersdesk-datendie-de")
    assert items[:4] == ["Name", "Nachname", "Mobiltelefonnummer", "E-Mail-Adresse"]
    assert not any(i.startswith("Daten") for i in items), items


def test_an_entry_that_is_a_titled_paragraph_is_read_sentence_by_sentence() -> None:
    # "* **Data You Provide to Us.**  When you register … . … you also may be required to
    # provide us with company payment information such as a credit card number and related
    # expiration date, authentication code …, which information is referred to herein as
    # "Payment Data."  When you register for and utilize Services on behalf of a company, we
    # also may ask you to provide information regarding the company, such as the company's
    # name, …": each sentence lists data of its own; the quote closes a sentence too
    items = set(_items("bitglass-dataprovide-en"))
    assert {"credit card number", "authentication code", "company's name"} <= items
    assert "seeking customer support" not in items


def test_a_long_run_of_german_nouns_after_the_verb_is_the_data() -> None:
    # "Die App speichert deine eingegebenen Artikelnamen, Mengen, Kategorien, Lagerorte, Notizen,
    # Datumsangaben und optionalen Fotos lokal auf deinem Gerät.": two of the seven are known
    # data, the others bare nouns of the same run
    items = _items("frostkeep-lokal-de")
    assert {"Mengen", "Kategorien", "Lagerorte", "Notizen", "Datumsangaben"} <= set(items)


def test_an_entrys_indented_purpose_line_is_no_part_of_the_entry() -> None:
    items = set(_items("boerdesnack24-zweckzeile-de"))
    assert {"Kundenprofil", "individuelle Preise", "Kaufhistorie", "Audit-Log"} <= items
    assert not any("Zweck" in i or "Registrierung" in i for i in items)


def test_a_recipient_placed_in_the_us_is_a_transfer_there() -> None:
    found = _read("stackwerkhaus-calendlyusa-de")
    assert {(t.country, t.mechanism) for t in found.transfers} == {("US", "none-stated")}


def test_a_function_label_over_a_recipients_entry_is_no_provider() -> None:
    names = [s.name for s in _read("uara-functionlabels-en").subprocessors]
    assert {"Supabase", "Stripe", "OpenAI"} <= set(names)
    assert not {"Cloud Infrastructure", "Payment Processing", "AI Services"} & set(names)


def test_a_relative_clause_after_an_entrys_first_item_joins_no_entries() -> None:
    from m365inv.catalog.extract.items import find_items
    from m365inv.catalog.extract.segment import lines

    text = (QUOTED / "ligem-umkreissuche-de.txt").read_text("utf-8")
    rules = [f.item for f in find_items(lines(text))]  # the rules' reading (the model may add)
    assert "Ortsnamen/Adressen" in rules
    assert not any("Adressfeld" in item for item in rules)


def test_a_website_that_says_it_uses_cookies_discloses_cookies() -> None:
    assert _items("aidentify-websiteusescookies-en") == ["Cookies"]


def test_a_list_lead_that_lost_its_colon_still_announces_the_providers() -> None:
    names = {s.name for s in _read("tunnellight-linktoprivacypolicy-en").subprocessors}
    assert names == {
        "Google AdMob",
        "AppsFlyer",
        "Appodeal",
        "Firebase Analytics",
        "Meta / Facebook",
    }
    german = {s.name for s in _read("tessium-linkzurdatenschutzerklaerung-de").subprocessors}
    assert german == {"Google Play", "Google AdMob", "Google Analytics", "Firebase Crashlytics"}


def test_the_sentence_that_places_us_in_a_long_paragraph_gives_the_vendor_country() -> None:
    # each paragraph stands below a run of other sections, as it does in its policy (an address
    # near the top of a page is read as the vendor's by a rule of its own)
    sections = "".join(f"Section {n}. We may update this policy.\n\n" for n in range(15))
    for name, country in (
        ("spareroom-ourregisteredoffice-en", "GB"),
        ("flightradar24-hereinafterwe-en", "SE"),
    ):
        paragraph = (QUOTED / f"{name}.txt").read_text("utf-8")
        found = extract(sections + paragraph).country
        assert found is not None and found.country == country
        assert len(found.source) < 300  # the sentence, not its paragraph


def test_use_that_constitutes_consent_to_the_transfer_is_its_mechanism() -> None:
    for name in ("xanga-constituteconsent-en", "themirror-constituteyourconsent-en"):
        assert {(t.country, t.mechanism) for t in _read(name).transfers} == {("US", "consent")}


def test_a_site_menu_saved_with_the_page_names_no_data() -> None:
    # "*   [Business](https://www.webpronews.com/business/)" over "    *   [AccountingAI](…)":
    # entries that only link to the site's own sections
    assert _items("webpronews-sitemenu-en") == ["content submissions"]


def test_a_string_array_mapped_onto_list_entries_is_the_list() -> None:
    assert _items("darcan-mappedarray-de") == [
        "Browsertyp", "Browserversion", "Verwendetes Betriebssystem", "Referrer URL",
        "Hostname des zugreifenden Rechners", "Uhrzeit der Serveranfrage", "IP-Adresse",
    ]  # fmt: skip


def test_information_that_is_transmitted_is_a_relative_clause_not_namely() -> None:
    items = _items("kissflow-thatistransmitted-en")
    assert items[1:4] == ["internet protocol address", "browser type", "browser language"]
    assert "transmitted" not in items and "in log files" not in items


def test_semicolons_separate_the_entries_the_following_information_announces() -> None:
    items = _items("woopra-semicolonentries-en")
    assert items[:6] == [
        "domain name", "browser type", "operating system", "web pages", "links", "IP address"
    ]  # fmt: skip
    assert "access time" in items and not any(i.startswith("following") for i in items)


def test_a_name_and_the_link_to_its_policy_is_a_listed_recipient() -> None:
    names = [s.name for s in _read("kwalee-nameandlink-en").subprocessors]
    assert {"AppLovin", "Tapjoy", "TikTok Inc"} <= set(names)


def test_a_contact_address_closed_by_its_country() -> None:
    woodpecker = _read("woodpecker-polishpostcode-en").country
    assert woodpecker is not None and woodpecker.country == "PL"  # "50-424 Wroclaw" / "POLAND"
    sendloop = _read("sendloop-codethencountry-en").country
    assert sendloop is not None and sendloop.country == "TR"  # "… Istanbul 34147 Turkey"


def test_the_owners_corporate_domicile_places_the_vendor() -> None:
    found = _read("mailtrack-corporatedomicile-en").country
    assert found is not None and found.country == "ES"


def test_an_entry_labelled_with_a_providers_role_names_no_data() -> None:
    items = _items("uncuttv-anbieterline-de")
    assert {"E-Mail-Adresse", "IP-Adresse", "Browsertyp"} <= set(items)
    assert not any("Tallinn" in i or "Veriff" in i for i in items)


def test_the_subject_of_a_relative_clause_in_a_list_is_no_datum() -> None:
    assert _items("mastermaind-diewebbrowser-de") == ["Cookies"]


def test_consent_by_use_is_the_ground_the_policy_names() -> None:
    assert [b.letter for b in _read("awara-byusingconsent-en").legal_bases] == ["a"]


def test_a_password_protected_account_and_a_bug_bounty_are_measures() -> None:
    protected = [c.source for c in _read("indiegala-passwordprotected-en").security]
    assert len(protected) == 1 and "password protected" in protected[0]
    bounty = [c.source for c in _read("okcupid-bugbounty-en").security]
    assert len(bounty) == 1 and "bug bounty program" in bounty[0]


def test_measures_for_international_transfers_name_the_safeguard_of_the_named_country() -> None:
    transfers = _read("melbye-internationaledatenuebermittlungen-de").transfers
    assert [(t.country, t.mechanism) for t in transfers] == [("US", "SCC")]


def test_a_postal_line_closed_by_region_and_country_places_the_vendor() -> None:
    found = _read("yudiz-regionthencountry-en").country
    assert found is not None and found.country == "IN"


def test_an_art_27_representatives_address_is_not_the_vendors() -> None:
    assert _read("pipefy-art27representative-en").country is None


def test_a_label_that_names_no_company_is_no_recipient() -> None:
    # "• Supabase (Datenbank & Auth): … Datenschutzinfos: supabase.com/privacy": the link's
    # label is no provider of its own
    assert [s.name for s in _read("tradeos-datenschutzinfos-de").subprocessors] == [
        "Supabase", "Vercel", "Anthropic"
    ]  # fmt: skip
    # the generator's "Verarbeitete Datenarten: Nutzungsdaten (…)" over the hosting section
    assert [s.name for s in _read("emma-verarbeitetedatenarten-de").subprocessors] == [
        "Hetzner Online"
    ]


def test_the_service_a_reader_signs_in_with_is_a_source_not_a_recipient() -> None:
    # "You may be able to use your social media login (such as Facebook Login) to create and
    # log into your Tinder account. … share some information from your social media account
    # with us.": Facebook gives data, it receives none
    assert _read("tinder-socialmedialogin-en").subprocessors == ()


def test_a_product_is_named_with_the_legal_entity_that_provides_it() -> None:
    # "Diese Website nutzt den Google Tag Manager der Google Ireland Limited, Gordon House, …":
    # what is used and whom the contract is with, one processor
    subs = _read("asight-tagmanagerentity-de").subprocessors
    assert [(s.name, s.country) for s in subs] == [
        ("Google Tag Manager (Google Ireland Limited)", "IE")
    ]


def test_the_company_named_alone_is_a_recipient_but_not_its_devices_or_apps() -> None:
    # "Abonnements werden ausschließlich über Apple In-App Purchases abgewickelt.": Apple, not
    # only "Apple Inc." or the App Store, handles the purchase
    names = [s.name for s in _read("exercisesnacks-applekaeufe-de").subprocessors]
    assert names == ["Apple", "RevenueCat"]
    health = extract("Datenschutz\n\nDie App liest Schritte aus Apple Health über HealthKit.")
    assert health.subprocessors == ()


def test_google_named_alone_is_a_recipient_after_its_products() -> None:
    # "… kommuniziert die App mit den Servern von Apple (iOS) oder Google (Android), um
    # Transaktionen abzuwickeln …"
    names = [s.name for s in _read("privasa-appleodergoogle-de").subprocessors]
    assert names == ["Apple", "Google"]
    # a product of it keeps its own name; an account of it is no recipient
    assert [s.name for s in extract("Privacy\n\nWe use Google Analytics.").subprocessors] == [
        "Google Analytics"
    ]
    assert extract("Privacy\n\nYou may sign up with your Google account.").subprocessors == ()


def test_a_table_without_outer_pipes_names_one_processor_per_row() -> None:
    # "Company | Purpose" over "---|---", "FastMail Pty Ltd | E-Mail Delivery", …: GitHub
    # renders a table without outer pipes, so each row's first cell is a sub-processor
    names = [s.name for s in _read("pushover-pipelesstable-en").subprocessors]
    for name in ("FastMail Pty Ltd", "LeaseWeb USA, Inc.", "Tarsnap, Inc."):
        assert name in names
    # its header and rule row are no entries, and a line with a pipe under no rule is no table
    assert not {"Company", "Purpose", "---"} & set(names)
    assert extract("Privacy\n\nWe use Acme Mail | a mailer for newsletters.").subprocessors == ()


def test_a_provider_that_receives_or_serves_what_the_browser_loads_is_a_recipient() -> None:
    # "Die Schrift Inter lädt Ihr Browser von Google Fonts (Google LLC, …, USA). Dabei erhält
    # Google Ihre IP-Adresse …"
    subs = _read("walliser-erhaeltgoogle-de").subprocessors
    assert [(s.name, s.country) for s in subs] == [("Google", "US")]
    said = extract("Privacy\n\nThe page loads its map tiles from Mapbox.").subprocessors
    assert [s.name for s in said] == ["Mapbox"]
    # what the reader receives is no cue ("Sie erhalten …"), nor a denial of receiving
    assert extract("Datenschutz\n\nSie erhalten eine Einladung zu Zoom.").subprocessors == ()
    denied = extract("Privacy\n\nFonts are served locally; Google receives nothing.")
    assert denied.subprocessors == ()


def test_the_readers_agreement_that_data_may_be_transferred_is_consent() -> None:
    # "By using the App, you agree that your personal data may be transferred to and processed
    # in those countries."
    transfers = _read("ziweiai-agreetransfer-en").transfers
    assert [(t.country, t.mechanism) for t in transfers] == [(None, "consent")]
    # being told is not agreeing: "You understand that …" states no mechanism
    told = extract(
        "Privacy\n\n## International transfers\n\nWe are located in the United States. "
        "You understand that your information may be transferred to the United States."
    )
    assert [(t.country, t.mechanism) for t in told.transfers] == [("US", "none-stated")]


def test_date_and_time_in_a_list_are_one_moment() -> None:
    # "… verarbeitet der Hosting-Anbieter technisch bedingt die IP-Adresse Ihres Geräts, Datum
    # und Uhrzeit, die aufgerufene Seite, …": the moment of the access is one datum
    items = _items("walliser-datumunduhrzeit-de")
    assert "Datum und Uhrzeit" in items
    assert not {"Datum", "Uhrzeit"} & set(items)
    logged = [i.item for i in extract("Privacy\n\nWe log your IP address, date and time.").items]
    assert logged == ["IP address", "date and time"]
    # two other data joined by "und" stay two
    both = [i.item for i in extract("Datenschutz\n\nWir speichern Name und Anschrift.").items]
    assert both == ["Name", "Anschrift"]


def test_the_sites_own_cookies_in_quotes_or_after_a_modal_are_an_item() -> None:
    # "Diese Seite verwendet „Cookies“ ausschließlich zur internen Nutzung." /
    # "Diese Website kann Cookies verwenden."
    assert _items("hsmannheim-cookiesinquotes-de") == ["Cookies"]
    assert _items("kiklick-kanncookies-de") == ["Cookies"]
    said = extract('Privacy\n\nOur websites use "cookies" to remember your choices.')
    assert [i.item for i in said.items] == ["cookies"]
    # a denial stays none, and another party's cookies are not the site's own
    assert extract("Datenschutz\n\nWir werden keine Cookies verwenden.").items == ()
    assert extract("Datenschutz\n\nGoogle kann Cookies verwenden.").items == ()


def test_app_analytics_and_engagement_services_are_known_providers() -> None:
    # "We use analytics tools provided by Google, Facebook, Flurry, adjust, braze and
    # Crashlytics ("Analytics Tools") …"
    names = [s.name for s in _read("pinger-analyticstools-en").subprocessors]
    assert "Flurry" in names
    said = extract(
        "Privacy\n\nWe use Akismet to filter spam comments. We use Braze to send messages."
    )
    assert [s.name for s in said.subprocessors] == ["Akismet", "Braze"]


def test_consent_to_the_policy_itself_is_the_consent_basis() -> None:
    # "By using the Prosole Slack Bot, you consent to the practices described in this Privacy
    # Policy."
    assert [b.letter for b in _read("prosole-consenttopolicy-en").legal_bases] == ["a"]
    said = extract("Consent\n\nBy using our extension, you consent to our Privacy Policy.")
    assert [b.letter for b in said.legal_bases] == ["a"]
    # consent to something else than the policy stays none
    assert extract("By using our site, you consent to our Terms of Use.").legal_bases == ()


def test_payment_bank_data_and_audience_platforms_are_known_providers() -> None:
    # "For Payment Processing … Authorize.net … For Banking Integration … Finicity, Yodlee"
    names = [s.name for s in _read("17hats-paymentbanking-en").subprocessors]
    assert {"Authorize.net", "Finicity", "Yodlee"} <= set(names)
    said = extract(
        "Privacy\n\nWe share hashed e-mail addresses with LiveRamp and Lotame for advertising."
    )
    assert [s.name for s in said.subprocessors] == ["LiveRamp", "Lotame"]


def test_the_address_of_a_contact_us_sentence_places_the_vendor() -> None:
    # "… you can contact us at Octaaf Soudanstraat 22, Sint-Denijs-Westrem, 9051 Belgium or
    # privacy@musescore.com."
    found = _read("musescore-contactusat-en").country
    assert found is not None and found.country == "BE"
    said = extract(
        "Privacy\n\nContact the Privacy Administrator at: legal@example.com; 2nd Floor,"
        " Guild Street, Dublin 1, Ireland."
    ).country
    assert said is not None and said.country == "IE"
    # an address without a number is no address, and an authority's is not the vendor's
    assert extract("Privacy\n\nYou can contact us at our office in Belgium.").country is None
    assert (
        extract(
            "Privacy\n\nYou may write to the supervisory authority at 1 Main St, Dublin, Ireland."
        ).country
        is None
    )


def test_servers_placed_abroad_are_a_transfer_there() -> None:
    # "## Where" / "Our application servers are in the United States."
    moved = [(t.country, t.mechanism) for t in _read("doyellabs-serversarein-en").transfers]
    assert moved == [("US", "none-stated")]
    said = extract(
        "Privacy\n\nThe information will be transmitted to and stored by Google on servers in the"
        " United States."
    )
    assert [(t.country, t.mechanism) for t in said.transfers] == [("US", "none-stated")]
    # servers in the EU move nothing abroad
    assert extract("Privacy\n\nOur servers are located in Germany.").transfers == ()


def test_the_contract_with_the_reader_and_steps_before_it_are_basis_b() -> None:
    # "… our legitimate interest in responding to enquiries, or taking steps at your request
    # before entering into a contract."
    assert [b.letter for b in _read("dooster-stepsbeforecontract-en").legal_bases] == ["b", "f"]
    # "To perform our responsibilities under our contract with you (e.g., processing payments …)"
    assert "b" in [b.letter for b in _read("solana-contractwithyou-en").legal_bases]
    for sentence in (
        "We process the data of users in the EEA based on our contract with you.",
        "AVCR invokes the necessity of the processing for the execution of the contract with you.",
    ):
        assert [b.letter for b in extract(sentence).legal_bases] == ["b"], sentence
    # a contract named for another reason is no basis
    assert (
        extract("This limitation applies whether liability is based on contract.").legal_bases == ()
    )


def test_the_readers_agreement_to_that_transfer_is_its_consent() -> None:
    # "… this information may be transferred to — and maintained on — computers located outside
    # of Your state, province, country … Your consent to this Privacy Policy followed by Your
    # submission of such information represents Your agreement to that transfer."
    moved = [(t.country, t.mechanism) for t in _read("navillus-agreementtotransfer-en").transfers]
    assert moved == [(None, "consent")]


def test_a_processing_in_a_third_country_said_as_a_noun_is_a_transfer() -> None:
    # "… kann eine Verarbeitung in den USA stattfinden. Sowohl GitHub als auch Google verwenden
    # hierfür geeignete Garantien (z. B. Standardvertragsklauseln gemäß Art. 46 DSGVO)."
    moved = {
        (t.country, t.mechanism) for t in _read("apptastisch-verarbeitungindenusa-de").transfers
    }
    assert ("US", "SCC") in moved
    # processing in the EU moves nothing abroad
    said = extract("Datenschutz\n\nDie Verarbeitung findet ausschließlich in der EU statt.")
    assert said.transfers == ()


def test_an_enumeration_goes_on_past_an_entry_that_is_a_clause() -> None:
    # "… IP address, Media Access Control (MAC) address, International Equipment Mobile ID
    # (IMEI), whether you are using a point package, the game version, the device's geo-location,
    # language settings, and unique device ID."
    items = _items("mousegames-whetherinlist-en")
    for after in ("IP address", "game version", "language settings", "unique device ID"):
        assert after in items
    assert not any(i.casefold().startswith("whether") for i in items)


def test_permission_the_vendor_holds_is_consent() -> None:
    # "Reamaze will only send Personally Identifiable Information about you … if: * We have your
    # permission to share the information;"
    assert {b.letter for b in _read("reamaze-haveyourpermission-en").legal_bases} == {"a"}
    # a permission the reader gives an app on the device is no basis
    said = extract("Privacy\n\nThe app asks for permission to use your camera.")
    assert "a" not in {b.letter for b in said.legal_bases}


def test_implementing_the_contracts_is_basis_b() -> None:
    # "The collected information may be collected for the following purposes; To adhere to the
    # applicable laws, To implement the contracts, …"
    letters = {b.letter for b in _read("testfoni-implementthecontracts-en").legal_bases}
    assert "b" in letters


def test_access_limited_to_those_who_need_it_is_a_security_measure() -> None:
    # "We limit access to your personal information to those who have a genuine business need
    # to access it."
    sources = [c.source for c in _read("evcp-limitaccess-en").security]
    assert any(s.startswith("We limit access to your personal information") for s in sources)
    # a policy limited in scope is no measure
    said = extract("Security\n\nThis Privacy Policy is strictly limited to the Program.")
    assert said.security == ()


def test_the_country_the_vendor_is_registered_in_places_it() -> None:
    # "1.1. Who is Nordeus? We are Nordeus Limited, incorporated and registered in Ireland with
    # company number 526421 having an address at …"
    assert _country("nordeus-registeredin-en") == "IE"
    # a provider registered elsewhere does not place the vendor
    said = extract("Privacy\n\nStripe is a payment processor registered in the United States.")
    assert said.country is None


def test_staff_taught_to_protect_data_is_a_security_measure() -> None:
    # "We train all of our employees about the importance of privacy."
    sources = [c.source for c in _read("schedulefly-trainemployees-en").security]
    assert "We train all of our employees about the importance of privacy." in sources


def test_a_condition_first_denial_is_no_not_stored_period() -> None:
    # "… we will store it on our servers … If you do not want us to store this information, you
    # may opt-out through your account settings or notify us via email."
    assert "P0D" not in [r.period for r in _read("holla-ifyoudonotwantus-en").retention]
    # the plain denial still is
    said = extract("Privacy\n\nWe do not store any personal data.")
    assert [r.period for r in said.retention] == ["P0D"]


def test_no_other_data_stored_is_no_not_stored_period() -> None:
    # "Customer's have full control of their configuration data that is created by them within
    # our system. No other customer data is stored in our system."
    assert "P0D" not in [r.period for r in _read("woobot-noothercustomerdata-en").retention]
    # nor a billing detail left to the app store
    said = extract(
        "Privacy\n\nWe do not receive or store any billing data if you pay through an App Store."
    )
    assert "P0D" not in [r.period for r in said.retention]


def _transfer_pairs(name: str) -> set[tuple[str | None, str]]:
    return {(t.country, t.mechanism) for t in _read(name).transfers}


def test_a_transfer_to_other_countries_is_one_to_countries_not_named() -> None:
    # "we may transfer your User Information to other countries that may have different laws"
    assert _transfer_pairs("indiegala-othercountries-en") == {(None, "none-stated")}


def test_the_readers_leave_or_agreement_to_processing_abroad_is_consent() -> None:
    # "You hereby authorize us to transfer, store, and use your data in any country and region
    # we operate, including Singapore, the People's Republic of China …"
    assert _transfer_pairs("likee-authorizeus-en") == {("SG", "consent"), ("CN", "consent")}
    # "you agree that your information is transmitted, stored, and processed in data centers
    # outside the EU"
    assert (None, "consent") in _transfer_pairs("culturedcode-agreethat-en")


def test_the_terms_we_and_us_refer_to_the_vendor_under_a_states_law() -> None:
    # 'The terms "we," "us," and "Company" refer to Hello Bar LLC, a limited liability company
    # organized and existing under the laws of the State of California'
    assert _country("hellobar-termsreferto-en") == "US"


def test_the_readers_permission_as_the_ground_of_processing_is_consent() -> None:
    # "We will process your personal information based on the permission you have given us"
    letters = {b.letter for b in _read("coindesk-basedonpermission-en").legal_bases}
    assert "a" in letters
    # "We may ask your permission before collecting certain information (such as precise
    # geo-location information) through Chase Mobile."
    assert "a" in {b.letter for b in _read("chase-askyourpermission-en").legal_bases}


def test_a_questionnaires_storage_answer_abroad_is_a_transfer() -> None:
    # "| Hauptsitz des Unternehmens | Australien |" … "wo werden diese Daten geografisch
    # gespeichert? | USA Amerikas |"
    assert _transfers("skedda-storedabroad-de") == {("US", "none-stated")}


def test_the_safeguards_under_a_translations_names_are_their_mechanisms() -> None:
    # "… ein angemessener Datenschutz gewährleistet wird;" / "… die von der Europäischen
    # Kommission genehmigten Standarddatenschutzbestimmungen verwendet"
    assert _transfers("monta-standardbestimmungen-de") == {(None, "SCC"), (None, "adequacy")}


def test_a_list_announced_with_at_least_is_read_whole() -> None:
    # "Diese Daten umfassen mindestens: Name, Vorname, …, Verfügbarkeit und Berufswünsche …":
    # the rules read every entry (not the model alone, which doubts "Verfügbarkeit": 0.25)
    found = {i.item: i.confidence for i in _read("job2job-umfassenmindestens-de").items}
    assert found["Verfügbarkeit"] >= 0.5 and found["derzeitige berufliche Situation"] >= 0.5


def test_whose_datum_it_is_is_no_part_of_the_item() -> None:
    # "… inklusive der von Ihnen dort angegebenen Kontaktdaten …"
    assert _items("thz-angegebenenkontaktdaten-de") == [
        "Angaben aus dem Anfrageformular",
        "Kontaktdaten",
    ]
