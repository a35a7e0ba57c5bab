"""Third-country transfers: where data goes, not where it comes from or whose law applies.
Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract
from m365inv.catalog.extract.parties import transfers_in


def _transfers(text: str) -> set[tuple[str | None, str]]:
    return {(t.country, t.mechanism) for t in extract(text).transfers}


def test_the_origin_of_the_data_is_no_destination() -> None:
    text = (
        "We process Personal Data from the European Economic Area and Switzerland. All transfers "
        "out of the European Union, the EEA, and Switzerland rely on Standard Contractual Clauses."
    )
    assert _transfers(text) == {(None, "SCC")}  # third countries, none of them named
    # the destination named in the same sentence still counts
    text = "Transfers from the EU and Switzerland to the United States rely on the SCCs."
    assert _transfers(text) == {("US", "SCC")}


def test_a_countrys_law_is_no_destination() -> None:
    text = (
        "Nach dem schweizerischen Datenschutzgesetz dürfen diese Daten nur in Länder mit "
        "angemessenem Schutz übermittelt werden. Eine Übermittlung in die USA erfolgt auf "
        "Grundlage der Standardvertragsklauseln."
    )
    assert _transfers(text) == {("US", "SCC")}


def test_a_safeguard_named_with_its_country_states_a_transfer() -> None:
    text = (
        "| Unternehmen | Leistung | Sitz | Garantien |\n|---|---|---|---|\n"
        "| Mailversand Inc. | E-Mail-Benachrichtigungen | USA | SCC |\n"
    )
    assert _transfers(text) == {("US", "SCC")}
    text = "Für die Verarbeitung in den USA stützen wir uns auf das EU-US Data Privacy Framework."
    assert _transfers(text) == {("US", "DPF")}
    # a safeguard "recognised in Switzerland" moves nothing there; a bare row names no recipient
    text = (
        "Wir stützen uns auf die Standardvertragsklauseln, welche auch in der Schweiz "
        "anerkannt sind."
    )
    assert _transfers(text) == set()


def test_each_safeguard_named_for_a_country_is_reported() -> None:
    text = (
        "Transfers to the USA are based on the EU-U.S. Data Privacy Framework. In addition, we "
        "have concluded the EU standard contractual clauses."
    )
    assert _transfers(text) == {("US", "DPF"), ("US", "SCC")}
    # the DPF is the adequacy decision for the US, and an "adequate level" the SCC secure is
    # no adequacy decision: each is reported once, as what it is
    text = "Für Übermittlungen in die USA liegt ein Angemessenheitsbeschluss vor, das EU-US DPF."
    assert _transfers(text) == {("US", "DPF")}
    text = (
        "Microsoft verarbeitet Daten auch in den USA. Dabei gewährleistet Microsoft ein "
        "angemessenes Datenschutzniveau gemäß den Standardvertragsklauseln."
    )
    assert _transfers(text) == {("US", "SCC")}


def test_an_adequacy_decision_for_a_named_country_states_a_transfer() -> None:
    text = "Für das Vereinigte Königreich besteht ein Angemessenheitsbeschluss der EU-Kommission."
    assert _transfers(text) == {("GB", "adequacy")}


def test_the_uk_gdpr_and_the_people_it_protects_are_no_transfer() -> None:
    said = (
        "GDPR/UK GDPR: Where we process personal data of individuals located in the European "
        "Economic Area (EEA) or the United Kingdom, we act as a data controller."
    )
    assert _transfers(said) == set()
    assert _transfers("We transfer your data to the United Kingdom.") == {("GB", "none-stated")}


def test_us_storage_is_a_transfer_for_the_european_record_gdpr_named_or_not() -> None:
    # the record is a European controller's: a US vendor's own country is a third country to it
    us = "All data is stored in AWS DynamoDB in the US East (N. Virginia) region."
    assert [(t.country, t.mechanism) for t in extract(us).transfers] == [("US", "none-stated")]
    eu = us + " We process personal data in accordance with the GDPR."
    assert [(t.country, t.mechanism) for t in extract(eu).transfers] == [("US", "none-stated")]
    de = (
        "Die Informationen werden an einen Server von Google in den USA übertragen und gespeichert."
    )
    assert [t.country for t in extract(de).transfers] == ["US"]
    au = (  # an Australian vendor's offshore places are transfers, GDPR or not
        "GovExample Pty Ltd, 1 George St, Sydney NSW 2000, Australia.\n"
        "Some data may be stored in Singapore."
    )
    assert [t.country for t in extract(au).transfers] == ["SG"]


def test_a_uk_vendor_transferring_outside_the_uk_names_no_transfer_to_the_uk() -> None:
    text = (
        "Example Ltd, 1 High Street, London EC1A 1BB, United Kingdom.\n"
        "As a UK-based company, if we transfer personal data outside the UK, we ensure adequate "
        "protections, such as adequacy decisions."
    )
    assert all(t.country != "GB" for t in extract(text).transfers)


def test_a_safeguard_for_data_leaving_the_uk_or_any_country_names_no_destination() -> None:
    text = (
        "International transfers\nWhere data is transferred, we use standard contractual clauses "
        "(or the UK equivalent). For UK transfers we rely on the UK International Data Transfer "
        "Addendum.\n"
    )
    assert _transfers(text) == {(None, "SCC")}  # a safeguard, but no destination named
    text = (
        "Transfers out of the EEA / UK / Switzerland rely on the SCCs. Transfers out of India "
        "follow the DPDPA; cross-border transfers from India to the United States use SCCs.\n"
    )
    assert _transfers(text) == {("US", "SCC")}


def test_the_readers_own_place_and_an_authoritys_country_are_no_destinations() -> None:
    from m365inv.catalog.extract import extract

    text = (
        "If you are located in Canada, this section applies to you and we may transfer data.\n\n"
        "If you are located in the EEA and believe we transfer data unlawfully, you may complain "
        "to your UK data protection authority.\n\n"
        "We transfer your data to the United States on the basis of the SCC.\n"
    )
    got = {(t.country, t.mechanism) for t in extract(text).transfers}
    assert got == {("US", "SCC")}


def test_privacy_shield_is_an_adequacy_decision_not_the_dpf() -> None:
    text = "We participate in the EU-U.S. Privacy Shield and transfer data to the United States.\n"
    assert [(t.country, t.mechanism) for t in extract(text).transfers] == [("US", "adequacy")]
    text = "We rely on the EU-U.S. Data Privacy Framework for transfers to the United States.\n"
    assert [(t.country, t.mechanism) for t in extract(text).transfers] == [("US", "DPF")]


def test_a_definition_and_the_readers_own_place_state_no_transfer() -> None:
    for text in (
        '"Standard Contractual Clauses" or "SCCs" means the clauses approved by the European '
        "Commission for the transfer of personal data to third countries, incl. the UK.\n",
        "For Australian users: data transfers comply with the Australian Privacy Principles.\n",
    ):
        assert extract(text).transfers == (), text
    text = (
        "If you are located in the European Union, the United Kingdom or Switzerland, we "
        "transfer your data to the United States under Standard Contractual Clauses.\n"
    )
    assert [(t.country, t.mechanism) for t in extract(text).transfers] == [("US", "SCC")]


def test_a_safeguard_for_unnamed_third_countries_is_a_transfer_without_a_country() -> None:
    text = (
        "Where personal data is transferred outside the EEA, we use appropriate safeguards, "
        "such as adequacy decisions or the Standard Contractual Clauses."
    )
    assert _transfers(text) == {(None, "adequacy"), (None, "SCC")}
    text = "Eine Übermittlung in Drittländer erfolgt nur auf Grundlage der Standardvertragsklauseln"
    assert _transfers(text) == {(None, "SCC")}
    # recipients placed abroad with their safeguard: no verb of moving needed
    text = "Where we use providers outside the European Union, safeguards such as SCCs apply."
    assert _transfers(text) == {(None, "SCC")}


def test_a_list_lead_takes_the_safeguards_listed_below_it() -> None:
    text = (
        "Where personal data is transferred outside the UK, we ensure appropriate safeguards:\n"
        "- Standard Contractual Clauses\n- Binding Corporate Rules\n"
    )
    assert _transfers(text) == {(None, "SCC"), (None, "BCR")}


def test_no_unnamed_transfer_from_a_heading_a_derogation_or_a_named_country() -> None:
    # a heading over a passage states nothing; the passage below names no safeguard of its own
    assert _transfers("International Data Transfers\n\nWe value your privacy.") == set()
    # Art. 49 consent is a derogation the texts cite as boilerplate
    text = (
        "In the case of express consent to the transfer of personal data to third countries, "
        "processing is also based on Art. 49 para. 1 lit. a GDPR."
    )
    assert _transfers(text) == set()
    # once the text names where data goes, the general safeguard is the named country's
    text = (
        "If we transfer data outside the EEA, we rely on the Standard Contractual Clauses. "
        "Our hosting provider is located in the United States."
    )
    assert _transfers(text) == {("US", "SCC")}
    # the DPF is the United States' own framework
    text = "Transfers outside the EEA rely on the EU-U.S. Data Privacy Framework."
    assert _transfers(text) == {("US", "DPF")}


def test_consent_to_such_transfers_is_the_consent_mechanism() -> None:
    text = (
        "Your information may be transferred to and processed in the United States. By using "
        "our Services, you consent to such transfers."
    )
    assert _transfers(text) == {("US", "consent")}
    text = (
        "Information we collect is stored in the United States. Your consent to this Privacy "
        "Policy followed by your submission of such information represents your agreement to "
        "that transfer."
    )
    assert _transfers(text) == {("US", "consent")}
    # consent to the processing is a legal basis, not a safeguard for the transfer
    text = (
        "Under the GDPR, we note that your information is stored in the United States. By signing "
        "up you consent to the processing of your data."
    )
    assert _transfers(text) == {("US", "none-stated")}
    # consent to a transfer "to Us" (the vendor) names no place
    text = (
        "Your data is hosted in the United States. We also obtain data from third parties to "
        "whom you have given your consent to be transferred to Us."
    )
    assert _transfers(text) == {("US", "none-stated")}


def test_a_general_safeguard_covers_a_named_country_that_has_none_of_its_own() -> None:
    text = (
        "We are based in Germany. Our e-mail provider is located in the United States.\n\n"
        "We keep logs for 30 days. Backups are encrypted. Access is restricted.\n\n"
        "Where personal data is transferred outside the EEA, we rely on Standard Contractual "
        "Clauses or adequacy decisions."
    )
    # the SCC are the named country's; an adequacy decision is per country and is not — it
    # stays the safeguard for the countries the text does not name
    assert _transfers(text) == {("US", "SCC"), (None, "adequacy")}


def test_providers_abroad_take_the_safeguard_the_next_sentences_name() -> None:
    text = (
        "Client data is also processed by service providers located outside of the EEA. We have "
        "entered into appropriate contracts with them. Such contracts include the standard "
        "contractual clauses of the European Commission."
    )
    assert _transfers(text) == {(None, "SCC")}
    # "not part of the EEA" places them abroad; "model clauses" are the SCC's former name
    text = (
        "For all entities that are not part of the European Economic Area, we have entered into "
        "contracts that include the European Commission's model clauses."
    )
    assert _transfers(text) == {(None, "SCC")}
    # a sentence far below, about something else, lends no safeguard
    text = (
        "Some providers are located outside of the EEA. We review them every year. We keep our "
        "records short. Our customer contracts follow the standard contractual clauses."
    )
    assert (None, "SCC") not in _transfers(text)


def test_a_transfer_sentence_over_a_list_of_safeguards_takes_the_list() -> None:
    text = (
        "When transferring your data outside the EU/EEA, we ensure appropriate safeguards. These "
        "safeguards may include:\n\n"
        "- Transferring data to countries with an adequacy decision of the Commission\n"
        "- Using standard contractual clauses approved by the European Commission\n"
    )
    assert _transfers(text) == {(None, "adequacy"), (None, "SCC")}


def test_whose_data_and_the_authority_behind_a_safeguard_are_no_destination() -> None:
    said = [
        "Where we transfer EU/EEA/UK personal data to the U.S. we rely on appropriate "
        "safeguards such as the Standard Contractual Clauses.",
        "Standard Contractual Clauses (SCCs) approved by the European Commission or UK "
        "authorities, as applicable.",
    ]
    assert [(t.country, t.mechanism) for t in transfers_in(said)] == [("US", "SCC")]
    # the UK as a destination still is one
    said = ["We transfer data to the UK under an adequacy decision."]
    assert [(t.country, t.mechanism) for t in transfers_in(said)] == [("GB", "adequacy")]


def test_data_leaving_the_jurisdiction_is_a_transfer() -> None:
    # CleanupCRM's policy: no verb of sending, the data "leaves" instead
    text = (
        "If data leaves your jurisdiction, we use approved legal safeguards including "
        "Standard Contractual Clauses (SCCs) and Data Processing Addenda (DPAs)."
    )
    assert _transfers(text) == {(None, "SCC")}


def test_the_readers_own_consent_to_a_transfer_is_its_mechanism() -> None:
    # Open Collective's and Hoppa's shapes: the consent is said to the reader, not cited
    named = (
        "By accessing or using the Services, you consent to the processing, transfer and "
        "storage of information in and to the U.S. and other countries."
    )
    assert _transfers(named) == {("US", "consent")}
    unnamed = "By using the Service, you consent to the transfer of your data to these locations."
    assert _transfers(unnamed) == {(None, "consent")}
    # a derogation cited as boilerplate is still none
    cited = "Im Falle einer ausdrücklichen Einwilligung in die Übermittlung (Art. 49 DSGVO)."
    assert _transfers(cited) == set()


def test_places_listed_after_outside_or_the_readers_residence_are_no_destinations() -> None:
    text = (
        "These terms apply to users located outside the European Economic Area (EEA), the "
        "United Kingdom, and other jurisdictions with data-transfer restrictions. Where data is "
        "transferred outside the EEA/UK, we rely on Standard Contractual Clauses."
    )
    assert _transfers(text) == {(None, "SCC")}
    text = (
        "If you reside in the European Economic Area (EEA), United Kingdom, or Switzerland, and "
        "we transfer your personal information to a country without an adequacy decision, we "
        "use Standard Contractual Clauses."
    )
    assert _transfers(text) == {(None, "SCC")}
    text = (
        "Individuals who we deem to be located in the European Economic Area, United Kingdom, or "
        "Switzerland have further rights. Data is transferred to the United Kingdom under an "
        "adequacy decision."
    )
    assert _transfers(text) == {("GB", "adequacy")}


def test_safe_harbor_and_the_origin_a_framework_is_named_by() -> None:
    from m365inv.catalog.extract import extract

    said = "Acme participates in the EU-U.S. and Swiss-U.S. Privacy Shield Framework."
    assert {(t.country, t.mechanism) for t in extract(said).transfers} == {("US", "adequacy")}
    old = "Acme adheres to the Safe Harbor Principles for data from the EEA and Switzerland."
    assert ("US", "adequacy") not in {(t.country, t.mechanism) for t in extract(old).transfers}


def test_data_moved_abroad_with_no_safeguard_is_a_transfer_to_unnamed_countries() -> None:
    for text in (
        "Your information may be transferred to and processed in countries other than your own.",
        "Ihre Daten können in Drittländer übermittelt werden.",
        "Data may be stored and processed in countries outside your own.",
        "Some of our service providers are located outside the United Kingdom.",
    ):
        assert _transfers(text) == {(None, "none-stated")}, text
    # where the readers are is no transfer: "users located outside the EEA"
    for readers in (
        "These terms are intended for users located outside the European Economic Area.",
        "If we have processed your personal data and you are located outside of the UK, you may "
        "be entitled to exercise your rights under the EU GDPR.",
    ):
        assert _transfers(readers) == set(), readers
    # a country no adequacy decision covers has none: "to a country not covered by UK Adequacy
    # Regulations, we … (e.g., using … the UK IDTA)"
    text = (
        "Where your data is transferred outside the UK/EEA to a country not covered by UK "
        "Adequacy Regulations, we use the UK IDTA."
    )
    assert _transfers(text) == {(None, "SCC")}
    # a safeguard named with it is that safeguard's transfer
    text = "Your data may be transferred outside the EEA under standard contractual clauses."
    assert _transfers(text) == {(None, "SCC")}


def test_denied_transfers_and_the_right_to_ask_about_them_are_none() -> None:
    for text in (
        "No personal data is transferred to third countries.",
        "EazyPlan übermittelt keine personenbezogenen Daten in Drittstaaten.",
        "Our servers are located in Germany and no data is transferred outside the EU.",
        "Sie haben das Recht, Auskunft darüber zu verlangen, ob Ihre personenbezogenen Daten in "
        "ein Drittland übermittelt werden.",
        "You have the right to know whether your personal data is transferred outside the EEA.",
    ):
        assert _transfers(text) == set(), text


def test_a_framework_or_a_confederation_named_as_the_origin_is_no_destination() -> None:
    heading = "EU Safe Harbor & Switzerland Safe Harbor\n\nWe transfer data to the United States.\n"
    assert {t.country for t in extract(heading).transfers} == {"US"}
    confederation = (
        "Outreach is committed to subjecting all personal data received from the Swiss "
        "Confederation (Switzerland) and European Union (EU) member countries to the United "
        "States, in reliance on the respective Privacy Shield Frameworks."
    )
    assert {t.country for t in extract(confederation).transfers} == {"US"}


def test_the_uk_version_of_the_gdpr_is_a_law_not_a_destination() -> None:
    text = (
        "Such transfers are only occasional and data is transferred under the Article 49(1)(b) "
        "derogation under GDPR and the UK version of GDPR."
    )
    assert not any(t.country == "GB" for t in extract(text).transfers)


def test_a_recipient_placed_in_the_us_is_a_transfer_there() -> None:
    # no verb of moving: the recipient's place says where the booking data goes
    booking = (
        "Für Terminbuchungen nutzen wir Calendly, Inc. (USA). Dabei verarbeiten wir Name und "
        "E-Mail-Adresse."
    )
    assert _transfers(booking) == {("US", "none-stated")}
    # with the safeguard the text states for third countries it does not name
    general = (
        " Wenn wir Daten in Drittländer übermitteln, stützen wir uns auf die "
        "Standardvertragsklauseln."
    )
    assert _transfers(booking + general) == {("US", "SCC")}
    # a transfer to the US the text states keeps its own safeguard, with nothing added
    text = (
        "Für Newsletter nutzen wir Mailchimp (The Rocket Science Group LLC, USA). Mailchimp ist "
        "nach dem EU-US Data Privacy Framework zertifiziert."
    )
    assert _transfers(text) == {("US", "DPF")}
    # a recipient placed in an adequate country states no transfer
    assert _transfers("We send e-mails with ActiveCampaign (United Kingdom).") == set()


def test_use_that_constitutes_consent_to_the_transfer_is_the_consent_mechanism() -> None:
    text = (
        "If you live outside the US, your use of Examplr shall constitute consent to the "
        "transfer, storage and use of your information in the US."
    )
    assert _transfers(text) == {("US", "consent")}
    text = (
        "Your use of the app will constitute your consent to the transfer of your data outside "
        "of your home country (including the United States)."
    )
    assert _transfers(text) == {("US", "consent")}
    # consent to the policy as a whole names no safeguard for a transfer stated beside it
    text = (
        "Your data is stored in the United States. Your use of the app constitutes your consent "
        "to this policy."
    )
    assert _transfers(text) == {("US", "none-stated")}


def test_an_international_transfer_is_one_abroad_and_takes_the_safeguard_said_after_it() -> None:
    text = (
        "Acme has implemented measures for international data transfers. These apply to all its"
        " activities worldwide. The measures are based on the standard contractual clauses."
    )
    assert _transfers(text) == {(None, "SCC")}
    # a measure for transfers that names no place abroad states no transfer
    text = "Acme has implemented measures for data transfers. They are based on encryption."
    assert _transfers(text) == set()


def test_safeguards_named_in_other_words_are_their_mechanisms() -> None:
    # the SCC under a German translation's name, the Commission's finding described in words
    text = (
        "Wir können Dienstleister außerhalb des Europäischen Wirtschaftsraums einsetzen. Eine "
        "solche Übertragung erfolgt auf der Grundlage der folgenden Garantien:\n\n"
        "- Die Europäische Kommission hat festgelegt, dass im Empfängerland ein angemessener "
        "Datenschutz gewährleistet wird;\n"
        "- wir verwenden die von der Europäischen Kommission genehmigten "
        "Standarddatenschutzbestimmungen.\n"
    )
    assert _transfers(text) == {(None, "SCC"), (None, "adequacy")}
    text = (
        "We only transfer your data to countries found by the European Commission to provide an "
        "adequate level of data protection."
    )
    assert _transfers(text) == {(None, "adequacy")}
    # a country that lacks it has no adequacy decision
    text = (
        "We may transfer your data to countries that the European Commission has not found to "
        "provide an adequate level of protection, using the standard contractual clauses."
    )
    assert _transfers(text) == {(None, "SCC")}


def test_a_named_destination_takes_no_adequacy_finding_from_its_neighbours() -> None:
    # an adequacy decision is per country: the US named here is not one of the countries the
    # next list calls adequate; the general safeguard for the rest is the SCC
    text = (
        "Your information is collected in your country and then transferred to the United "
        "States.\n\n"
        "If we transfer your data out of the EEA, we implement one of the following safeguards:\n"
        "\n- We transfer your data to countries covered by an adequacy decision of the "
        "European Commission.\n"
        "- We ensure that the recipient is bound by the EU Standard Contractual Clauses.\n"
    )
    assert ("US", "adequacy") not in _transfers(text)
    assert ("US", "SCC") in _transfers(text)


def test_a_questionnaires_storage_answer_outside_the_vendors_country_is_a_transfer() -> None:
    # the Microsoft 365 app-compliance questionnaire: where the data is kept, by a vendor whose
    # own place the page gives too
    form = (
        "| Information | Antwort |\n|---|---|\n"
        "| Firmenstandort | {home} |\n"
        "| Wenn zugrunde liegende Infrastrukturprozesse oder Microsoft-Kundendaten gespeichert "
        "werden, wo werden diese Daten geografisch gespeichert? | {stored} |\n"
    )
    assert _transfers(form.format(home="Frankreich", stored="USA")) == {("US", "none-stated")}
    assert _transfers(form.format(home="Australien", stored="Kanada")) == {("CA", "none-stated")}
    # the vendor's own country is where it keeps the data, not a transfer it states
    assert _transfers(form.format(home="Kanada", stored="Kanada")) == set()
    assert _transfers(form.format(home="Frankreich", stored="Irland")) == set()


def test_where_processing_mostly_happens_is_no_destination() -> None:
    # the clause on the vendor's own place of processing names no transfer; the clause on
    # third countries does
    text = (
        "Die Verarbeitung findet vorwiegend in der Schweiz bzw. im EWR statt; punktuelle "
        "Übermittlungen in Drittländer erfolgen nur mit geeigneten Garantien (z. B. "
        "Standardvertragsklauseln)."
    )
    assert _transfers(text) == {(None, "SCC")}
    # a clause that moves data to a named country still names it
    text = (
        "Wir übermitteln Daten in die USA auf Grundlage der Standardvertragsklauseln; "
        "Supportanfragen werden in Kanada bearbeitet."
    )
    assert ("US", "SCC") in _transfers(text)


def test_an_adequacy_decision_for_unnamed_countries_stands_beside_a_named_destination() -> None:
    text = (
        "Transfers to the United States are based on the EU-U.S. Data Privacy Framework. "
        "Where we transfer personal data to other countries outside the EEA, we rely on an "
        "adequacy decision of the European Commission."
    )
    assert _transfers(text) == {("US", "DPF"), (None, "adequacy")}
    # a general safeguard a named destination already takes is that destination's
    text = (
        "Your data is hosted in the United States. Where personal data is transferred outside "
        "the EEA, we rely on the standard contractual clauses."
    )
    assert _transfers(text) == {("US", "SCC")}
