"""The vendor's own country from the address blocks real policies use. Sentences written for
these tests; each has a case whose address is someone else's."""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _country(text: str) -> str | None:
    found = extract(text).country
    return None if found is None else found.country


def test_contact_block_with_the_country_written_out() -> None:
    assert _country("Contact us\nExample Labs ApS\nHavnegade 1\n8000 Aarhus\nDenmark\n") == "DK"
    assert _country("Questions? Jane Roe, Lindenlaan 13, 3900 Overpelt - Belgium\n") == "BE"
    # the data-protection officer's or Microsoft's address is not the vendor's
    dpo = "Data protection officer\nDPO Services Ltd\nMain Street 1\n1010 Vienna\nAustria\n"
    assert _country(dpo) is None
    ms = "Microsoft Ireland Operations Limited\nOne Microsoft Place\nD18 P521 Dublin\nIreland\n"
    assert _country(ms) is None


def test_registered_in_and_a_place_after_the_entity() -> None:
    assert _country("Acme SAS, registered in France (1 rue de la Paix), publishes the app.") == "FR"
    assert _country("Sample Tools Inc. – Port Charlotte, Florida, USA.\n") == "US"


def test_german_address_with_a_lower_case_strasse() -> None:
    text = "Verantwortlich ist die Schule:\nSchule Beispiel, Georgenstraße 9, 82140 Olching.\n"
    assert _country(text) == "DE"


def test_the_address_after_the_controller_wins_over_a_processor_named_later() -> None:
    text = (
        "Verantwortlicher ist:\nBeispiel GmbH\nMaarweg 1\n50825 Köln\n"
        "Für Anfragen nutzen wir Helpdesk Inc., 1 Market Street, San Francisco, CA 94102, USA.\n"
    )
    assert _country(text) == "DE"


def test_any_country_by_its_english_or_german_name() -> None:
    text = "Controller: Exemplu S.R.L.\nRegistered office: Strada Mare 4, Cluj, Romania\n"
    assert _country(text) == "RO"
    assert _country("Verantwortlich ist die Příklad s.r.o., Hlavní 5, Brünn, Tschechien.") == "CZ"


def test_names_that_are_also_a_state_or_a_person_are_no_country() -> None:
    from m365inv.catalog.extract.lexicon import countries_in

    assert countries_in("Offices in New Jersey and Georgia; ask Jordan or Chad.") == []
    assert countries_in("Papua New Guinea, Nigeria") == ["PG", "NG"]


def test_a_long_paragraph_that_opens_with_the_entity_and_a_floor_in_the_address() -> None:
    text = (
        "Die Beispiel Termine GmbH, Hauptstraße 7, Haus 2, 3. OG, 80331 München, vertreten durch "
        "die Geschäftsführerin, ist verantwortlich für den Datenschutz auf dieser Webseite. "
        + "Sie erreichen uns telefonisch oder per E-Mail zu allen Fragen rund um Ihre Daten. "
        * 5
    )
    assert len(text) > 400
    assert _country(text) == "DE"


def test_the_entity_named_as_the_brand_is_the_vendor_not_a_provider() -> None:
    text = (
        "Die Fernsprech Cloud GmbH (nachfolgend „Callio“) nimmt den Datenschutz ernst.\n"
        "Dienstanbieter ist die Fernsprech Cloud GmbH, Ringstraße 5, 50667 Köln.\n"
    )
    found = extract(text)
    assert found.subprocessors == ()
    assert _country(text) == "DE"


def test_the_address_of_a_provider_that_handles_payments_is_not_the_vendors() -> None:
    text = (
        "Zahlungsdienste\nDie Zahlungsabwicklung erfolgt über Beispielpay Europe, Ltd., "
        "1 Canal Street Lower, Dublin, Irland.\n"
    )
    assert _country(text) is None
    text = "Payments are processed via Paybox Ltd., 1 Canal Street, Dublin, Ireland.\n"
    assert _country(text) is None


def test_a_product_of_a_gbr_names_the_vendor() -> None:
    text = (
        "Hinweise\n\nMorgenrunde ist ein Produkt der Kaiweg Software GbR, Kaistraße 54, "
        "24114 Kiel.\n"
    )
    assert _country(text) == "DE"


def test_a_dutch_address_a_us_state_company_and_no_storage_region() -> None:
    dutch = (
        "This statement is published by Example BV, located at Wenckebachweg 123, 1096 AM "
        "Amsterdam. Example is the controller for the processing of personal data described "
        "below. We have not appointed a data protection officer. This statement addresses the "
        "processing of personal data by Example through its website and in the context of the "
        "provision of its services, and it explains the rights you have."
    )
    assert _country(dutch) == "NL"
    state = 'Acme ("Company", "we"), a North Carolina company, is committed to your privacy.'
    assert _country(state) == "US"
    region = (
        "This service is operated by Jint.\n"
        "Data is stored in Azure Application Insights, in the West Europe (Netherlands) region.\n"
    )
    assert _country(region) is None


def test_a_service_offered_by_a_lower_case_brand_is_the_vendor_not_a_recipient() -> None:
    text = (
        "Der Service rapidmail ist ein Angebot der rapidmail GmbH, Augustinerplatz 2, 79098 "
        'Freiburg im Breisgau (im Folgenden "rapidmail" genannt).\n'
    )
    assert _country(text) == "DE"
    assert [s.name for s in extract(text).subprocessors] == []


def test_a_provider_heading_over_its_address_and_a_controller_sentence_before_the_dpo() -> None:
    text = "Anbieter\n\nprovantis IT Solutions GmbH\nStuttgarter Str. 41\n71254 Ditzingen\n"
    assert _country(text) == "DE"
    said = (
        "The controller is HALO electronic GmbH, Augartenstraße 27, 6890 Lustenau, Austria. "
        "The data protection officer is Jane Doe, Musterweg 1, Berlin, Germany."
    )
    assert _country(said) == "AT"


def test_where_the_people_live_or_a_processor_sits_is_not_the_vendors_country() -> None:
    text = (
        "Govern.Cloud is an Australian-based company. For the purposes of data protection laws:\n"
        "\n"
        "  • GDPR/UK GDPR: Where we process personal data of individuals located in the European "
        "Economic Area (EEA) or the United Kingdom, we act as a data controller for account data.\n"
    )
    assert _country(text) == "AU"
    table = (
        'When we say "we", we mean Book Time Off, operated by BDI Resourcing Ltd.\n'
        "We collect your name and email to create your account.\n"
        "| Processor | Purpose | Location |\n"
        "|---|---|---|\n"
        "| Supabase | Database | London, UK |\n"
    )
    assert _country(table) is None


def test_a_line_announcing_sub_processors_gives_no_vendor_country() -> None:
    text = (
        "Der Auftragsverarbeiter setzt folgende Unterauftragsverarbeiter ein, denen der "
        "Verantwortliche mit Abschluss dieses AVV zustimmt:\n"
        "- Supabase Inc., USA\n"
        "- Resend Inc., USA\n"
    )
    assert _country(text) is None


def test_a_domain_name_with_hosting_in_it_is_no_processor_cue() -> None:
    text = (
        "Wer sind wir?\nDiese Datenschutzerklärung gilt für:\nBeispiel B.V.\n"
        "handelnd unter dem Namen:\nkostenloseswebhosting.example\nAdresse:\nMarkt 17\n"
        "5627 SZ Eindhoven\nNiederlande\nE-Mail: info@kostenloseswebhosting.example\n"
    )
    assert _country(text) == "NL"


def test_a_company_said_to_be_based_or_registered_somewhere_places_the_vendor() -> None:
    assert _country("Privacy Policy\nAcme Labs is based in the United States.\n") == "US"
    assert _country("Privacy Policy\nAcme Labs, a US-based company, makes the add-in.\n") == "US"
    text = "Privacy Policy\nAcme Apps Ltd, a company established in Limassol, Cyprus, runs it.\n"
    assert _country(text) == "CY"
    # a provider, the servers or the reader are not the vendor
    text = "Privacy Policy\nAmazon Web Services, Inc. is based in the United States.\n"
    assert _country(text) is None
    assert _country("Privacy Policy\nOur servers are based in the United States.\n") is None
    assert _country("Privacy Policy\nIf you are located in the United States, read on.\n") is None


def test_czech_slovak_and_polish_addresses_by_their_postcode_shape() -> None:
    assert _country("The controller is Acme s.r.o., Vinohradská 12, 120 00 Praha 2.\n") == "CZ"
    assert _country("The controller is Acme s.r.o., Hlavná 5, 811 01 Bratislava.\n") == "SK"
    text = "The controller is Acme Sp. z o.o., ul. Marszałkowska 1, 00-950 Warszawa.\n"
    assert _country(text) == "PL"
    assert _country("The controller is Acme, order 120 00 Units 2.\n") is None


def test_a_contact_block_with_a_us_address_under_the_entity_places_the_vendor() -> None:
    text = (
        "Privacy Policy\nWe collect your name and email address.\n\nContact us\n"
        "Acme Inc.\n100 Broad Street\nNew York, NY 10004\nprivacy@acme.example\n"
    )
    assert _country(text) == "US"
    processor = text.replace("Contact us\nAcme Inc.", "Payments are processed by:\nStripe, Inc.")
    assert _country(processor) is None
    dpo = text.replace("Contact us", "Data Protection Officer")
    assert _country(dpo) is None


def test_a_fact_tables_physical_address_row_places_the_vendor() -> None:
    text = (
        "### General information\n\n| **Information** | **Response** |\n|:---|:---|\n"
        "| App name | Acme Tasks |\n| Partner company name | Acme Inc |\n"
        "| Physical address | 100 Main St, Pleasanton,CA 94588 |\n"
    )
    assert _country(text) == "US"
    assert (
        _country(text.replace("100 Main St, Pleasanton,CA 94588", "18 rue X, 69006 Lyon, France"))
        == "FR"
    )
    assert _country(text.replace("100 Main St, Pleasanton,CA 94588", "N/A")) is None
    # a sub-processor's address row is not the vendor's
    processors = (
        "We use the following sub-processors:\n\n| Name | Address |\n|---|---|\n"
        "| Address | 1 Infinite Loop, Cupertino, CA 95014 |\n"
    )
    assert _country(processors) is None


def test_a_physical_address_row_ending_in_a_us_state_is_american() -> None:
    text = (
        "| **Information** | **Response** |\n|:---|:---|\n| Partner company name | Acme |\n"
        "| Physical address | 1928 Pearl Street, Boulder, CO |\n"
    )
    assert _country(text) == "US"
    assert _country(text.replace("Boulder, CO", "Boulder Road")) is None


def test_where_the_servers_are_below_the_controller_heading_is_not_the_vendors_place() -> None:
    text = (
        "Verantwortlicher\n\n[Firmenname GmbH, Anschrift, E-Mail]\n\nWelche Daten\n\n"
        "Wir speichern Ihre E-Mail-Adresse.\n\nHosting\n\n"
        "Server in Deutschland (Hetzner Online GmbH, Falkenstein).\n"
    )
    assert _country(text) is None
    assert _country(text.replace("[Firmenname GmbH, Anschrift, E-Mail]", "Muster GmbH, "
                                 "Hauptstraße 1, 10115 Berlin")) == "DE"  # fmt: skip


def test_an_app_compliance_pages_company_location_row_places_the_vendor() -> None:
    table = (
        "| **Information** | **Response** |\n|:---|:---|\n| Name des Partnerunternehmens | Acme |\n"
    )
    assert _country(table + "| Firmenstandort | Niederlande (die) |\n") == "NL"
    assert _country(table + "| Hauptsitz des Unternehmens | Kanada |\n") == "CA"
    assert _country(table + "| Company location | Canada |\n") == "CA"
    # where the data is stored is no company location
    assert _country(table + "| Wo werden diese Daten gespeichert? | Niederlande |\n") is None


def test_a_postal_address_label_over_the_address_one_part_per_line() -> None:
    text = (
        "Element is the Data Controller for your data.\n\nEmail: dpo@element.example\n\n"
        "Postal address:  \nElement  \nc/o New Vector Ltd  \n10 Queen Street Place  \n"
        "London  \nUnited Kingdom  \nEC4R 1AG\n"
    )
    assert _country(text) == "GB"


def test_operated_and_controlled_by_an_entity_with_registered_offices_at_an_address() -> None:
    text = (
        "Overleaf is operated and controlled by Digital Science UK Ltd, with registered offices "
        "at 6 Briset Street, London, United Kingdom, EC1M 5NR. " + "We respect your privacy. " * 20
    )
    assert _country(text) == "GB"


def test_a_sentence_that_says_where_the_vendor_itself_is_places_it_as_a_last_resort() -> None:
    assert _country("Intro.\n\nAcme Notes is operated from the United States.\n") == "US"
    assert _country("Transfers\n\nWe're used globally and headquartered in the US.\n") == "US"
    assert _country("We are an Australian company. We answer within a week.\n") == "AU"
    text = "Your data goes to Canada (where we are based) and to service providers elsewhere.\n"
    assert _country(text) == "CA"
    # a provider's, a host's or a recipient's place is not the vendor's
    assert _country("We use Stripe. Stripe is headquartered in the United States.\n") is None
    assert _country("Our servers are located in Germany.\n") is None
    assert _country("Our hosting partner Example Cloud is based in France.\n") is None
    assert _country("We operate in the United Kingdom and Germany.\n") is None  # which one?
    # an address, where there is one, wins
    text = "Contact: Acme Ltd, 1 High Street, London EC1A 1BB\n\nWe operate from Ireland.\n"
    assert _country(text) == "GB"


def test_a_heading_over_the_controller_and_its_officer_does_not_hide_the_address() -> None:
    text = (
        "### 1. Controller / Data Protection Officer\n\nContact us at:\n\n"
        "**Example GmbH**\nTalweg 4\n8852 Altendorf SZ\nSwitzerland\n"
    )
    assert _country(text) == "CH"
    # the officer's own block still gives none
    dpo = "### Data Protection Officer\n\nDPO Services Ltd\nMain Street 1\n1010 Vienna\nAustria\n"
    assert _country(dpo) is None


def test_a_company_registered_in_a_two_word_country_places_the_vendor() -> None:
    assert _country("Intro.\n\nExample Limited is a New Zealand registered company.\n") == "NZ"


def test_a_street_named_after_a_place_and_a_country_inside_a_word_are_no_country() -> None:
    # "Schweizer Str." is a street in Frankfurt; "MEINDIENSTPLAN" holds the letters of "Indien"
    text = "Verantwortlich ist die Beispiel GmbH, Schweizer Str. 13, 60594 Frankfurt am Main.\n"
    assert _country(text) == "DE"
    text = "Verantwortlicher ist:\nWiener Straße 4, 10999 Berlin\n"
    assert _country(text) == "DE"
    text = "Verantwortlich:\nMEINDIENSTPLAN GmbH\nHauptstraße 45, 2020 Hollabrunn\nÖsterreich\n"
    assert _country(text) == "AT"
    from m365inv.catalog.extract.lexicon import countries_in

    assert countries_in("Server in Indien und Wien") == ["IN", "AT"]


def test_the_entity_a_long_paragraph_names_by_a_short_name_is_the_vendor() -> None:
    # a brand in lower case, named with its address in the opening paragraph of a policy
    text = (
        "Datenschutzbestimmungen\n\n"
        "Wenn Sie dieses Internetangebot von beispiel aufrufen, werden für die Zeit des "
        "Kommunikationsvorgangs Daten durch die beispiel GmbH, Musterstraße 68, 48143 Münster "
        "(im Folgenden: beispiel) automatisch gespeichert und verarbeitet. "
        + "Diese Serverprotokolle können Webanfragen, IP-Adressen und den Browsertyp enthalten. "
        * 4
    )
    assert _country(text) == "DE"
    # a host the policy names by a short name stays the host's
    hosted = text.replace("die beispiel GmbH", "die Hetzner Online GmbH")
    assert _country(hosted) is None


def test_a_czech_postcode_and_a_bare_address_label_with_a_postcode() -> None:
    text = "Contact Us\nBy mail:\nExample Technologies s.r.o.\nVodičkova 7\n110 00 Praha 1\n"
    assert _country(text + "Czech Republic\nAttn: Legal Team\n") == "CZ"
    # "Address:" with a postal address is the vendor's contact address, the section above
    # naming a provider notwithstanding; a form's "Address:" field, or an officer's, is not
    text = (
        "Third-Party Services\nOur app relies on Firebase for backend services.\n"
        "Contact Information\nIf you have questions, please reach out to us:\n"
        "- Email: <app@example.com>\n- Address: 1742 Independence blvd, Sarasota FL, 34237\n"
    )
    assert _country(text) == "US"
    assert _country("We collect:\n- Address: the address you give us\n") is None
    officer = "Data Protection Officer\n- Address: 12 Main Street, Austin, TX 78701\n"
    assert _country(officer) is None


def test_a_german_controller_block_with_a_five_digit_postcode_and_no_country() -> None:
    # a sole developer's address with no street word and no country: German by its postcode
    text = "1. Verantwortlicher\nVerantwortlich ist:\nErika Muster\nKorbangel 56\n68305 Mannheim\n"
    assert _country(text) == "DE"
    assert _country("Verantwortlich ist:\nStadt Beispiel\nMarkt, 52058 Aachen\n") == "DE"
    # four digits are Austria's or Switzerland's; an English block may be Italy's or Finland's
    assert _country("Verantwortlich ist:\nErika Muster\nKorbangel 56\n6830 Rankweil\n") is None
    assert _country("The controller is:\nMario Rossi\nVia Roma 5\n00184 Roma\n") is None


def test_where_the_vendor_says_it_is_registered_or_what_company_it_is() -> None:
    assert _country("For this notice, Example SM Ltd., a Cyprus company with an address at") == "CY"
    assert _country("Privacy matters. Example Software Kft., based in Hungary, wrote it.") == "HU"
    assert _country("Location\nExample, Inc. is incorporated in the United States.") == "US"
    assert _country("Jurisdiction\nExampleVPN is registered in Gibraltar.") == "GI"
    assert _country("This policy explains how EXMPL, a French limited liability company") == "FR"
    # a provider's place is not the vendor's
    assert _country("Hosting\nHetzner Online GmbH, based in Germany, hosts our site.") is None


def test_a_us_town_with_state_and_zip_places_the_vendor_where_no_cue_does() -> None:
    contact = "Questions about this policy?\n\nAcme Labs\nSuite 343\nDenver, CO 80216\n"
    assert _country(contact) == "US"
    # a template's address, or a processor's in a table of processors, places nobody
    assert _country("Contact\n\nAddress: 123 Analytics Ave, Data City, DC 12345\n") is None
    rows = (
        "| Processor | Address | Purpose |\n|---|---|---|\n"
        "| Intercom | 55 2nd Street, San Francisco, CA 94105 | Support chat |\n"
    )
    assert _country(rows) is None


_FILLER = "We collect your e-mail address to run the service.\n" * 16  # past the opening lines


def test_a_town_line_closed_by_its_country_after_a_comma_or_in_capitals() -> None:
    mailing = (
        "Contact us at:\n* Mailing: Acme SAS, 25 Rue Jacqueline Auriol, 31400 Toulouse, France\n"
    )
    assert _country(_FILLER + mailing) == "FR"
    capitals = "Contacting us\nPlease contact:\nACME SAS - 24 rue Rodier 75009 Paris FRANCE\n"
    assert _country(_FILLER + capitals) == "FR"


def test_a_contact_line_about_processing_is_no_recipients_cue() -> None:
    text = (
        "If you have questions about our processing of your information, please contact:\n"
        "ACME SAS - 24 rue Rodier 75009 Paris FRANCE\n"
    )
    assert _country(_FILLER + text) == "FR"
    host = "Our hosting provider processes the data:\nHostCo SAS - 2 rue X 75002 Paris FRANCE\n"
    assert _country(_FILLER + host) is None


def test_an_authoritys_address_is_not_the_vendors() -> None:
    text = (
        "You have the right to lodge a complaint with:\n"
        "**Swedish Authority for Privacy Protection (IMY)**\nBox 8114, 104 20 Stockholm, Sweden\n"
    )
    assert _country(_FILLER + text) is None


def test_australian_and_canadian_address_shapes() -> None:
    au = "Correspondence should be addressed to:\nAcme Pty Ltd\n7 Hudson St\nRedfern NSW 2016\n"
    assert _country(_FILLER + au) == "AU"
    ca = "Please email us at:\nAcme\n1655 Dupont St. Suite 250\nToronto, ON\nM6P 3T1 Canada\n"
    assert _country(_FILLER + ca) == "CA"


def test_a_long_paragraph_places_the_vendor_only_in_a_sentence_about_us() -> None:
    above = "".join(f"Section {n}. We may update this policy.\n\n" for n in range(15))
    long = (
        "Example Maps AB (hereinafter \u201cwe\u201d or \u201cus\u201d) is the controller, having "
        "its registered address at Storgatan 1, 111 22 Stockholm, Sweden. "
        + "We process data only as described in the sections below and nowhere else. "
        * 5
    )
    assert _country(above + long) == "SE"
    # a sentence about a provider's seat in a long paragraph places no vendor
    other = (
        "The controller for the map tiles is Tilecorp AB, with its registered office at "
        "Storgatan 1, 111 22 Stockholm, Sweden. "
        + "We process data only as described in the sections below and nowhere else. "
        * 5
    )
    assert _country(above + other) is None


def test_northern_ireland_is_the_united_kingdom() -> None:
    block = "Contact us\nExample Tech Ltd\n1 Main Street\nBelfast BT1 1AA\nNorthern Ireland\n"
    assert _country(block) == "GB"
    german = "Verantwortlich:\nExample Tech Ltd\n1 Main Street\nBelfast\nNordirland\n"
    assert _country(german) == "GB"
    assert _country("Verantwortlich:\nExample Tech Ltd\n1 Main Street\nCork\nIrland\n") == "IE"


def test_a_postcode_line_closed_by_a_country_name_not_a_town() -> None:
    contact = "## Contact Us\n\nIf you have questions, please contact us:\n\n"
    found = extract(contact + "**Address**: Mūrinė g. 45, Vilnius, 11107, Lithuania\n").country
    assert found is not None and found.country == "LT"
    # an authority's address: the town after the code is no country, the block is not ours
    authority = (
        "Beschwerden richten Sie an die zuständige Aufsichtsbehörde:\n\n"
        "Berliner Beauftragte für Datenschutz und Informationsfreiheit\n"
        "Friedrichstr. 219\n10969 Berlin\n"
    )
    assert extract(authority).country is None


def test_an_american_state_as_the_entitys_law_or_its_addresss_last_part() -> None:
    text = (
        'The terms "we" and "us" refer to Acme LLC, organized under the laws of the '
        "Commonwealth of Massachusetts, or any successor."
    )
    assert _country(text) == "US"
    assert (
        _country("Acme is operated by Acme Inc., located at 424 East Main, Bozeman, Montana.")
        == "US"
    )
    # Georgia is also a country: a town in it is no American address
    text = "Acme is operated by Acme LLC, located at 12 Rustaveli Ave, Tbilisi, Georgia."
    assert _country(text) != "US"
