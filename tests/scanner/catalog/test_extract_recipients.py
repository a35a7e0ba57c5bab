"""Sub-processors the provider lexicon does not know, named as the host or as an entry of a
recipients list. Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _subs(text: str) -> list[str]:
    return [s.name for s in extract(text).subprocessors]


def test_unknown_host_named_in_prose_or_in_a_recipients_list() -> None:
    assert _subs("Your data is stored in a database hosted on Quillbase, a managed provider.") == [
        "Quillbase"
    ]
    form = "Messages are handled by our form provider, Formly, and mailed to us."
    assert _subs(form) == ["Formly"]
    listed = "Sub-processors:\n- Quillbase — for database hosting\n- Hosting: in the EU\n"
    assert _subs(listed) == ["Quillbase"]


def test_generic_words_places_and_the_vendor_itself_are_no_host() -> None:
    assert _subs("Your data is hosted on servers in Frankfurt.") == []
    assert _subs("Sub-processors:\n- Microsoft Graph API: used to read your calendar\n") == []
    own = "Acmesign stores data. " * 4 + "All data is processed by Acmesign, hosted in the EU."
    assert _subs(own) == []


def test_a_generic_group_of_recipients_names_no_one() -> None:
    text = "Empfänger:\n- Unseren Werbedienstanbietern: zur Auslieferung von Anzeigen\n"
    assert _subs(text) == []


def test_a_data_table_is_not_read_as_a_sub_processor_table() -> None:
    text = (
        "| Data Type | Purpose | Legal Basis |\n|---|---|---|\n"
        "| Name and email address | Account creation | Contract performance |\n"
        "| Usage statistics | Product improvement | Legitimate interest |\n"
    )
    assert _subs(text) == []
    listed = "| Name | Location |\n|---|---|\n| Quillbase | Germany |\n"
    assert extract(listed).subprocessors[0].name == "Quillbase"


def test_a_service_of_an_entity_whose_address_block_follows() -> None:
    text = (
        "Für Videokonferenzen nutzen wir Meetly. Dies ist ein Service von:\n\n"
        "Meetly Cloud Services Limited\nOne Harbour Square\nDublin 2\nIreland\n"
    )
    assert _subs(text) == ["Meetly Cloud Services Limited"]
    # "ist ein Service der Meetly Inc., …" in the same sentence says the same
    assert _subs("„Meetly“ ist ein Service der Meetly Inc., Austin, USA.") == ["Meetly Inc."]


def test_the_entity_the_policy_calls_we_is_the_vendor_not_a_recipient() -> None:
    text = 'MailPup is provided by Pupworks LLC ("MailPup", "we", "us").'
    assert _subs(text) == []


def test_a_source_of_data_or_rules_referred_to_is_no_recipient() -> None:
    for sentence in (
        "The user ID is provided by Microsoft's Bot Framework with every message.",
        "All calls use Microsoft Graph and are subject to Microsoft's security controls.",
        "When you sign in with Google, we receive your name and email address.",
        "We process data in line with Amazon Web Services' shared responsibility model.",
    ):
        assert _subs(sentence) == [], sentence
    # the same provider receiving the data still is one
    assert _subs("Your files are stored on Amazon Web Services in Frankfurt.") == [
        "Amazon Web Services"
    ]


def test_the_product_of_the_vendor_itself_is_no_recipient() -> None:
    text = 'TextPal ("we", "us") is a product of Wordsmith Labs Inc. It drafts replies in Outlook.'
    assert _subs(text) == []


def test_a_tool_we_use_is_a_recipient_whatever_the_verb() -> None:
    text = (
        "Für unseren Kundensupport verwenden wir das Ticketsystem Zendesk (Zendesk Inc., "
        "San Francisco, USA)."
    )
    assert [(s.name, s.country) for s in extract(text).subprocessors] == [("Zendesk", "US")]
    # a word that merely contains the verb cues nothing
    assert _subs("Benutzerkonten von Azure Active Directory werden synchronisiert.") == []


def test_a_provider_under_an_alias_keeps_the_alias_next_to_the_company() -> None:
    text = "Sub-processors:\n- AWS (hosting, Frankfurt)\n- T-Systems (backups, Germany)\n"
    assert _subs(text) == ["Amazon Web Services / AWS", "Deutsche Telekom / T-Systems"]
    # the canonical name, or a form of it, stays as it is; one entry however often it is named
    text = "We host on Amazon Web Services. Our database runs on AWS in Frankfurt."
    assert _subs(text) == ["Amazon Web Services"]
    assert _subs("Data is processed by Microsoft Azure OpenAI in Sweden.") == ["Microsoft Azure"]


def test_a_host_named_under_where_is_the_data_stored() -> None:
    text = "Where is the data stored?\nIn Microsoft Azure, UK South region (London).\n"
    assert [(s.name, s.country) for s in extract(text).subprocessors] == [("Microsoft Azure", "GB")]
    assert _subs("Support tickets are handled in Zendesk.") == ["Zendesk"]
    # a sign-in handled by Microsoft makes Microsoft no recipient
    assert _subs("Authentication is handled entirely by Microsoft's identity platform.") == []


def test_a_service_we_use_for_a_task_and_field_labels_that_are_no_names() -> None:
    assert _subs("## Anmeldung\nWir nutzen Stytch für die Anmeldung per Magic-Link.") == ["Stytch"]
    assert _subs("## Login\nWe use Clerk to sign you in.") == ["Clerk"]
    assert _subs("## Login\nWir nutzen Cookies für die Anmeldung.") == []
    text = (
        "## Hosting\nWir betreiben diese Website bei Vercel.\n"
        "Region: EU-Betrieb, Rechenzentrum Frankfurt.\n"
        "Speicherung: Log-Daten werden 30 Tage aufbewahrt.\n"
        "Drittlandbezug: Vercel nimmt am EU-U.S. Data Privacy Framework teil.\n"
    )
    assert _subs(text) == ["Vercel"]


def test_newer_ai_auth_and_billing_providers_are_known() -> None:
    text = (
        "Für die Texterzeugung nutzen wir Together AI und ElevenLabs; die Anmeldung läuft über"
        " Stytch, In-App-Käufe verarbeitet RevenueCat."
    )
    assert set(_subs(text)) == {"Together AI", "ElevenLabs", "Stytch", "RevenueCat"}
    # an ambiguous word only with a company cue
    assert "Neon" not in _subs("We store data in a neon-lit data centre we use.")


def test_every_bullet_of_a_list_announced_as_recipients_is_read() -> None:
    text = (
        "Which AI systems process your content\n"
        "Your input may be transmitted to one or more of the following AI providers:\n"
        "- Our own model, governed by this policy\n"
        "- OpenAI, L.L.C. (privacy policy: openai.com/privacy)\n"
        "- Anthropic, PBC (privacy policy: anthropic.com/privacy)\n"
    )
    assert _subs(text) == ["OpenAI, L.L.C.", "Anthropic, PBC"]
    plain = "Our team:\n- OpenAI, L.L.C. alumni wrote the model\n"
    assert _subs(plain) == []  # no recipient cue in the list's lead


def test_a_company_named_after_fa_and_a_separable_einsetzen() -> None:
    text = (
        "Wir setzen als Videokonferenzsysteme die Tools „ZOOM“ der Fa. Zoom Video "
        "Communications, Inc. und das Tool „Teams“ der Fa. Microsoft ein."
    )
    assert _subs(text) == ["Zoom Video Communications, Inc.", "Microsoft"]


def test_a_table_with_a_legal_entity_column_names_one_processor_per_row() -> None:
    text = (
        "Current sub-processors\n"
        "| Sub-processor | Legal entity | Purpose | Region |\n|---|---|---|---|\n"
        "| Postmark | Wildbit, LLC (an ActiveCampaign company) | E-mail | United States |\n"
        "| Stripe | Stripe Payments Europe Ltd · Stripe, Inc. | Billing | Ireland |\n"
        "| Google Workspace | Google Ireland Limited | Sign-in | Ireland |\n"
    )
    assert _subs(text) == ["Postmark", "Stripe", "Google Workspace"]


def test_alternative_providers_named_with_a_slash() -> None:
    text = "Third-party services\n- Stripe / Razorpay — payments\n- Resend / SendGrid — e-mail\n"
    assert _subs(text) == ["Stripe", "Razorpay", "Resend", "SendGrid"]


def test_a_legal_entity_is_named_without_the_words_before_it() -> None:
    said = "- Business Central — Microsoft Dynamics 365, operated by Microsoft Corporation."
    assert _subs(said) == ["Microsoft Corporation"]
    german = "Anbieter ist die Microsoft Ireland Operations Limited, Dublin."
    assert _subs(german) == ["Microsoft Ireland Operations Limited"]


def test_products_data_is_read_from_are_no_recipients_but_services_from_them_are() -> None:
    text = (
        "Information We Collect:\n"
        "- Integration Data: license assignments and usage metrics from connected platforms "
        "(Microsoft 365, Google Workspace, Slack)\n"
        "- Tracking Data: user counts and usage data from Okta, Zoom, Zendesk and GitHub via API "
        "connections\n"
    )
    assert _subs(text) == []
    assert _subs("We use services from Stripe, Zendesk and Okta to run the product.") == [
        "Stripe",
        "Zendesk",
        "Okta",
    ]


def test_a_list_announced_as_tools_names_its_providers() -> None:
    text = (
        "## 5. Cookies\n\n"
        "Mess- und Werbetechnologien werden nur nach Ihrer Einwilligung geladen; dazu gehören:\n\n"
        "* **Microsoft Clarity** — anonymisierte Sitzungsstatistiken.\n"
        "* **Crisp** — das Live-Chat-Widget.\n"
    )
    assert _subs(text) == ["Microsoft Clarity", "Crisp"]
    plain = "## 5. Cookies\n\nDazu gehören:\n\n* **Crisp** — das Live-Chat-Widget.\n"
    assert _subs(plain) == []


def test_a_role_a_contract_or_a_data_cell_is_no_processor_name() -> None:
    text = (
        "## Auftragsverarbeiter\n\n"
        "- Hosting-Provider: Render (https://render.com)\n"
        "- AVV: Data Processing Agreement abgeschlossen\n"
        "- Vertrag: https://render.com/dpa\n"
    )
    assert _subs(text) == ["Render"]
    table = (
        "## Unterauftragsverarbeiter\n\n"
        "| Anbieter | Zweck | Standort | Daten |\n|---|---|---|---|\n"
        "| Cloudflare Inc. | CDN | EU (Irland) | Technische Zugriffsdaten |\n"
    )
    assert _subs(table) == ["Cloudflare"]


def test_a_dienstleister_column_names_the_processor() -> None:
    table = (
        "| Daten | Zweck | Dienstleister |\n|---|---|---|\n"
        "| E-Mail-Adresse, Session-Token | Zugang zur Anwendung | Supabase Inc. (EU, Frankfurt) |\n"
    )
    assert _subs(table) == ["Supabase"]


def test_a_section_on_data_from_third_parties_names_sources_and_twilio_sendgrid_is_one() -> None:
    text = (
        "3.3 Daten von Dritten\n"
        "- Domain-Registrierungsstellen (z. B. SIDN, EURid)\n"
        "- Zahlungsdienstleister (z. B. Mollie, Stripe, PayPal)\n"
        "4. Empfänger\n"
        "Zahlungen wickeln wir über den Zahlungsdienstleister Stripe ab.\n"
    )
    assert _subs(text) == ["Stripe"]  # named again as a recipient below: that one counts
    sendgrid = "Der Versand der Formularinhalte erfolgt über Twilio SendGrid als E-Mail-Dienst."
    assert _subs(sendgrid) == ["SendGrid"]


def test_services_named_as_where_identifiers_come_from_are_no_recipients() -> None:
    text = (
        "The following data can be processed during enrollment:\n"
        "- Identity service identifiers from third-parties (for example LinkedIn or Salesforce)\n"
        "- Work email\n"
    )
    assert _subs(text) == []


def test_contact_fields_roles_and_the_controls_of_a_measures_list_are_no_processors() -> None:
    text = (
        "1. Vertragsparteien\nDer Kunde beauftragt den Auftragsverarbeiter:\n"
        "E-Mail: info@beispiel.example\nTelefon: 0123 456\nDatenschutzbeauftragter: Max Muster\n"
        "9. Technische und organisatorische Maßnahmen\n"
        "Der Auftragsverarbeiter hat die folgenden Maßnahmen nach Art. 32 DSGVO umgesetzt:\n"
        "- Zutrittskontrolle: Verarbeitung in zertifizierten Rechenzentren\n"
        "- Zugangskontrolle: individuelle Benutzerkonten, Mehr-Faktor-Authentifizierung\n"
    )
    assert _subs(text) == []


def test_azure_and_microsoft_as_the_customers_own_platform_are_no_processors() -> None:
    for sentence in (
        "Third parties: Azure Tenant ID — your organization's tenant identifier.",
        "Third parties: you can revoke access at any time through the Azure Portal.",
        "Third parties: we read work items from your Azure DevOps organization.",
        "Third parties: an access token issued by Microsoft after admin consent.",
        "Third parties: our use of Microsoft Graph complies with Microsoft API Terms of Use.",
    ):
        assert _subs(sentence) == [], sentence
    assert _subs("Telemetry is sent to Azure Application Insights, a Microsoft service.") == [
        "Microsoft Azure"
    ]


def test_a_documents_date_label_names_no_processor() -> None:
    text = (
        "# Unterauftragsverarbeiter\n\n> **Stand: September 2026.** Anlage 2 zum AVV.\n\n"
        "| # | Dienstleister | Sitz |\n|---|---|---|\n| 1 | Hetzner Online GmbH | Deutschland |\n"
    )
    assert [s.name for s in extract(text).subprocessors] == ["Hetzner Online"]


def test_kinds_of_cookie_a_title_and_affiliates_are_no_recipients() -> None:
    from m365inv.catalog.extract import extract

    text = (
        "## Cookies\n\n"
        "- Session Cookies: We use Session Cookies to operate our Service.\n"
        "- Security Cookies: We use Security Cookies for security purposes.\n\n"
        "## Recipients\n\n- Affiliates: our group companies.\n- Titel: Auftragsverarbeiter\n"
        "- Stripe: payments; USA\n"
    )
    assert [s.name for s in extract(text).subprocessors] == ["Stripe"]


def test_an_app_compliance_pages_attestation_to_microsoft_names_no_recipient() -> None:
    for text in (
        "Information provided by Acme Inc to Microsoft:\n",
        "This information is self-reported by Acme, Inc and directly submitted to and verified by "
        "Microsoft.\n",
        "Von Acme für Microsoft bereitgestellte Informationen:\n",
    ):
        assert [s.name for s in extract(text).subprocessors] == [], text
    sent = "We send your meeting transcripts to Microsoft Azure OpenAI for summaries.\n"
    assert [s.name for s in extract(sent).subprocessors] != []


def test_a_protocol_used_for_something_is_no_recipient() -> None:
    for text in (
        "We use SSL for secure transmission of data.\n",
        "We use OAuth 2.0 to sign you in.\n",
    ):
        assert [s.name for s in extract(text).subprocessors] == [], text
    assert [s.name for s in extract("We use Postmark to send e-mails.\n").subprocessors] == [
        "Postmark"
    ]


def test_a_recipients_lists_field_labels_and_sentences_are_no_recipients() -> None:
    text = (
        "Auftragsverarbeiter\n- Support-System: [Name einfügen]\n- Hosting-Standort: Frankfurt\n"
        "- Frontend-Hosting: Vercel\n- Maximale Speicherdauer: 30 Tage\n"
        "- Es ist ein Verarbeitungsfehler aufgetreten.: Fehler\n- Postmark: E-Mail-Versand\n"
    )
    assert [s.name for s in extract(text).subprocessors] == ["Vercel", "Postmark"]


def test_a_provider_named_as_an_example_of_what_is_not_used_is_no_recipient() -> None:
    none = (
        "Empfänger: Wir verwenden für unsere Website keine Tracking-Tools (wie z.B. Google "
        "Analytics) und platzieren keine Plug-ins sozialer Netzwerke."
    )
    assert "Google Analytics" not in _subs(none)
    used = (
        "Empfänger: Wir verwenden Google Analytics (Google Ireland Limited) zur Reichweitenmessung."
    )
    assert any("Google" in s for s in _subs(used))


def test_a_list_a_third_party_lead_announces_names_its_recipients() -> None:
    text = (
        "Datenschutz\n\nDie einzigen Dritten, die Informationen erhalten, sind:\n"
        "- **Apple** — wickelt App-Store-Käufe ab\n- **Kassenwart** — prüft deinen Kauf\n\n"
        "Du hast volle Rechte.\n"
    )
    assert _subs(text) == ["Apple", "Kassenwart"]
    # cases, kinds of party and activities are no names
    text = (
        "Privacy\n\nWe share information with third parties in the following cases:\n"
        "- Legal Requirements: when the law requires it\n"
        "- Business Transfers: in a merger or sale\n\n"
        "We only share data with these third parties:\n"
        "- **Service Providers:** who perform services on our behalf\n"
        "- **Data Handling**: tools that may process data\n\nThat is all.\n"
    )
    assert _subs(text) == []


def test_app_platform_services_are_recipients() -> None:
    text = (
        "Die App nutzt Google AdMob zur Anzeige von Werbung. Trainings werden auf Wunsch an "
        "Strava übertragen. Deine Daten werden mit iCloud (CloudKit) synchronisiert.\n"
    )
    assert _subs(text) == ["Google AdMob", "Strava", "Apple"]


def test_map_messaging_analytics_and_backend_services_are_known() -> None:
    text = (
        "Für die Ortssuche übermitteln wir den Suchbegriff an OpenStreetMap (Nominatim); "
        "die Kontoverwaltung läuft über Appwrite, die Reichweitenmessung über Pirsch und "
        "Aptabase, und der Bot empfängt Ihre Nachrichten über Telegram."
    )
    assert set(_subs(text)) == {
        "OpenStreetMap Foundation", "Appwrite", "Pirsch Analytics", "Aptabase", "Telegram"
    }  # fmt: skip
    # ambiguous words only with a company cue, a Telegram channel is a place, not a processor
    assert (
        _subs("We use an axiom of our own to process data, shared via our Telegram channel.") == []
    )


def test_a_list_of_what_is_not_used_names_no_recipient() -> None:
    text = (
        "## Drittanbieter\n\nDie App nutzt **keine** externen Dienste für:\n\n"
        "- Analytics (Google Analytics, Mixpanel)\n- Crash-Reporting (Sentry, Bugsnag)\n\n"
        "## Tracking\n\nWir verwenden KEINE Tracking-Technologien:\n\n- ❌ Hotjar\n- ❌ Amplitude\n"
    )
    assert _subs(text) == []
    # the verb before its denial: "Wir verwenden **keine**:", "Die App verwendet keine:"
    text = (
        "## Keine Tracking-Cookies\n\nWir verwenden **keine**:\n\n- Werbe-Cookies\n"
        "- Analyse-Tools (Google Analytics, etc.)\n\n## Analyse\n\nDie App verwendet keine:\n\n"
        "- Analyse- oder Tracking-Dienste (z.B. Firebase, Mixpanel)\n- Werbenetzwerke\n"
    )
    assert _subs(text) == []
    # a lead whose first sentence denies something else still announces the processors
    text = (
        "## Weitergabe an Dritte\n\nIhre Daten werden nicht verkauft. Wir setzen folgende "
        "Auftragsverarbeiter ein:\n\n- Sentry (Fehlerberichte)\n- Mailgun (E-Mail-Versand)\n"
    )
    assert {"Sentry", "Mailgun"} <= set(_subs(text))


def test_app_store_billing_newsletter_and_captcha_providers_are_known() -> None:
    # the shapes of the corpus's app policies (Appventures' Sudoku, Swipesight, FreeFlarum)
    assert _subs("Payment is processed directly through Google Play Store.") == ["Google Play"]
    assert _subs("Käufe werden über den Apple App Store abgewickelt.") == ["Apple / App Store"]
    assert _subs("Für den Versand des Newsletters nutzen wir MailerLite.") == ["MailerLite"]
    assert _subs("We use hCaptcha to protect our forms from spam.") == ["hCaptcha"]


def test_a_denial_still_covers_its_own_subject_and_the_names_after_it() -> None:
    def names(text: str) -> list[str]:
        return [s.name for s in extract(text).subprocessors]

    assert names("Twilio is not used and is not a data processor for this system.") == []
    assert names("We do not share your data with Google or Facebook.") == []
    assert names("Your payment data (credit card, PayPal, etc.) is not shared with us.") == []


def test_more_providers_by_name() -> None:
    def names(text: str) -> set[str]:
        return {s.name for s in extract(text).subprocessors}

    assert names("We use Plaid to connect your bank account.") == {"Plaid"}
    assert names("Messages are sent to OpenRouter, which routes them to DeepSeek.") == {
        "OpenRouter",
        "DeepSeek",
    }
    assert names("Wir nutzen Web3Forms und Tally Forms für das Kontaktformular.") == {
        "Web3Forms",
        "Tally",
    }
    # a plaid pattern and a tally of votes are no providers
    assert names("We use a plaid pattern and keep a tally of the votes.") == set()


def test_more_providers_and_how_a_handover_is_worded() -> None:
    def names(text: str) -> set[str]:
        return {s.name for s in extract(text).subprocessors}

    # a provider named for a job it does: "handled … by", "managed by …, Clerk)", "nutze ich"
    assert names("- Billing data — handled entirely by Stripe. We receive a customer ID.") == {
        "Stripe"
    }
    assert names(
        "- Account Information: Name and credentials (managed by our authentication provider, "
        "Clerk)."
    ) == {"Clerk"}
    assert names("Für das Kontaktformular nutze ich den Dienst Formspree.") == {"Formspree"}
    assert names("Die Domain wird bei der DENIC registriert; Hosting durch Hostinger.") == {
        "DENIC",
        "Hostinger",
    }
    assert names("Orders are sent with Royal Mail; payments are processed by Gumroad.") == {
        "Royal Mail",
        "Gumroad",
    }
    # Microsoft's own sign-in is where data comes from, no recipient
    assert names("Sign-in is handled by Microsoft's OAuth; files are stored with Dropbox.") == {
        "Dropbox"
    }
    # the words in their everyday sense are no recipients
    assert names("We use the notion of a twitch stream; Notion is where we take notes.") == set()


def test_the_ad_networks_of_a_mobile_apps_mediation_list() -> None:
    def names(text: str) -> set[str]:
        return {s.name for s in extract(text).subprocessors}

    got = names(
        "We use the following advertising partners: AppLovin, Unity Ads, ironSource, "
        "Meta Audience Network, Liftoff Monetize (Vungle), Pangle and InMobi."
    )
    assert {"AppLovin", "Unity Ads", "ironSource", "Meta Audience Network", "Pangle"} <= got
    assert {"Liftoff (Vungle)", "InMobi"} <= got
    assert names("The game is built with the Unity engine.") == set()


def test_sdks_widgets_and_ad_services_of_app_and_web_policies_are_known() -> None:
    # the SDK list of a browser vendor's apps, and a web shop's widgets and ad tags
    got = set(
        _subs(
            "Opera for Android uses: AppsFlyer, Infura, Leanplum, myTarget, Yandex AppMetrica. "
            "Our websites use: Cxense, Yandex Metrica and Google AdSense."
        )
    )
    assert {"Infura", "Leanplum", "myTarget", "Yandex AppMetrica", "Cxense"} <= got
    assert {"Yandex Metrica", "Google AdSense"} <= got
    got = set(
        _subs(
            "We share data with the following service providers: Shopify (store), jsDelivr (CDN), "
            "Gravatar (avatars), AdRoll and DoubleClick (advertising), GoCardless (payments)."
        )
    )
    assert {"Shopify", "jsDelivr", "Gravatar", "AdRoll", "DoubleClick", "GoCardless"} <= got
    # a map's company name only in capitals: "carto" as a word is no recipient
    assert "CARTO" not in _subs("We use the following providers: our carto module renders maps.")


def test_attribution_ai_and_operations_processors_are_known() -> None:
    text = (
        "## Third-party service providers\n\n"
        "We share data with the following processors:\n\n"
        "- AppsFlyer (install attribution)\n- Qdrant (vector search)\n"
        "- xAI (Grok API, prompt processing)\n- PagerDuty (on-call alerts)\n"
        "- Telnyx (SMS delivery)\n"
    )
    assert {"AppsFlyer", "Qdrant", "xAI", "PagerDuty", "Telnyx"} <= set(_subs(text))
    # a product named after it is the vendor's own, and "adjust" is a verb
    text = (
        "## Recipients\n\nExample Pty Ltd operates the xAI Workspace service. We share your "
        "data with our processors so that you can adjust your settings.\n"
    )
    assert not {"xAI", "Adjust"} & set(_subs(text))


def test_a_heading_that_names_a_known_provider_and_its_role_is_a_recipient() -> None:
    # a policy's section per service: the title names the provider, its text what it does
    text = (
        "## Dienste\n\n### RevenueCat (Abonnementverwaltung)\n\n"
        "Abonnementstatus und Kaufhistorie werden von RevenueCat verwaltet.\n\n"
        "### b) Supabase Inc. — Datenbank (PostgreSQL)\n\nSitz: San Francisco, USA.\n"
    )
    assert {"RevenueCat", "Supabase Inc."} <= set(_subs(text))
    # a heading that names no provider the lexicon knows, or says more than a title, is none
    text = (
        "## Dienste\n\n### Abonnements (Verwaltung)\n\nDer Status wird gespeichert.\n\n"
        "### Warum wir Stripe nicht nutzen\n\nWir rechnen selbst ab.\n"
    )
    assert _subs(text) == []


def test_payment_media_and_data_services_are_known() -> None:
    text = (
        "## Empfänger\n\nWir übermitteln Daten an folgende Auftragsverarbeiter:\n\n"
        "- Google Pay (Zahlungsabwicklung)\n- Recurly (Abonnements)\n- Wistia (Videos)\n"
        "- The Movie Database (Filmdaten)\n- Volcano Engine (Spracherkennung)\n"
    )
    names = set(_subs(text))
    assert {"Google Pay", "Recurly", "Wistia", "Volcano Engine"} <= names
    assert any("Movie Database" in n for n in names)


def test_entities_listed_after_a_sub_processor_lead_in_the_same_sentence() -> None:
    text = (
        "We use the following sub-processors: Eden AI SAS (AI gateway, France), "
        "Neue Medien Münnich GmbH (SMTP, DE).\n"
    )
    found = {s.name: s.country for s in extract(text).subprocessors}
    assert found == {"Eden AI SAS": "FR", "Neue Medien Münnich GmbH": "DE"}
    # a sentence that only names the kind lists entities, not every service it mentions
    text = "If you connect third-party services such as GitHub, OpenAI or Anthropic, they act.\n"
    assert not extract(text).subprocessors


def test_a_self_definition_names_the_vendor_but_a_processors_definition_does_not() -> None:
    from m365inv.catalog.extract import extract

    own = 'Pendo.io, Inc. ("Pendo," "we," "us") runs the service. Pendo stores data on AWS.'
    assert [s.name for s in extract(own).subprocessors if "endo" in s.name] == []
    other = 'Payments are processed by our payment processor, Stripe, Inc. ("Stripe").'
    assert any("Stripe" in s.name for s in extract(other).subprocessors)


def test_a_denial_ends_at_a_dash_that_closes_its_clause() -> None:
    from m365inv.catalog.extract import extract

    # "kein Modell dafür anbietet — das ist derzeit der Fall —, übernimmt OpenAI": the denial is
    # of another thing, in a clause the dash closed
    text = (
        "Diese Umrechnung versucht die Anwendung zuerst beim primären Anbieter in Frankfurt; "
        "solange dessen EU-Standort kein Modell dafür anbietet — das ist derzeit der Fall —, "
        "übernimmt OpenAI (USA, Garantien wie oben) die Berechnung."
    )
    assert any(s.name == "OpenAI" for s in extract(text).subprocessors)


def test_identity_check_affiliate_and_open_data_providers_are_known() -> None:
    assert _subs("We use Sumsub to verify your identity.") == ["Sumsub"]
    assert _subs("Für die Anmeldung per Identitätsnachweis nutzen wir Verimi.") == ["Verimi"]
    assert _subs("Our affiliate links are tracked by Awin.") == ["Awin"]
    assert _subs("We query the Overpass API with the map area you view.") == ["Overpass API"]
    # a word that only looks like one is none: "Tinker", "awing"
    assert _subs("Tinker with the settings; nothing is sent anywhere.") == []


def test_a_recipients_entry_labelled_with_a_function_names_no_provider() -> None:
    text = (
        "We work with trusted third-party service providers who help us operate our platform:\n\n"
        "- **Cloud Infrastructure:** Secure data storage and processing (Supabase, AWS)\n"
        "- **Payment Processing:** Stripe for subscription and billing management\n"
        "- **AI Services:** OpenAI and other AI providers for generating insights\n"
    )
    found = _subs(text)
    assert {"Supabase", "Stripe", "OpenAI"} <= set(found)
    assert not {"Cloud Infrastructure", "Payment Processing", "AI Services"} & set(found)
    # an entry labelled with a name the lexicon does not know is still its provider
    named = (
        "We share data with the following service providers:\n\n"
        "- **Quillmate:** drafts e-mails from your notes\n"
    )
    assert _subs(named) == ["Quillmate"]


def test_a_lead_without_its_colon_announces_the_bullets_under_it() -> None:
    text = (
        "The app uses third party services that may collect information.\n\n"
        "Links to the privacy policies of third party service providers used by the app\n\n"
        "* AdMob\n* Appsflyer\n"
    )
    assert _subs(text) == ["Google AdMob", "AppsFlyer"]
    # a lead that ends its sentence is no list's lead: the bullets below are not cued by it
    ended = "We use services of third parties.\n\n* AdMob rewarded ads are shown in the game\n"
    assert _subs(ended) == []


def test_a_listed_name_with_its_policy_link_but_not_a_bare_legal_form() -> None:
    lead = "We share data with the following third parties:\n\n"
    assert "Fooboo Ads" in _subs(lead + "- Fooboo Ads https://fooboo.example/privacy\n")
    # "Supabase Pte. Ltd. — Datenbank …": the legal form after the dot names no one
    assert "Ltd" not in _subs(lead + "- Ltd. — Datenbank, gehostet in der EU-Region.\n")


def test_a_service_the_reader_signs_in_with_is_a_source_not_a_recipient() -> None:
    # the account's data come from the sign-in provider
    text = (
        "If you log into our Service using a third-party service, such as Google or Apple, that "
        "third party will send your information to us at your direction."
    )
    assert _subs(text) == []
    text = (
        "If you choose to sign up and/or authenticate using a third-party account (e.g., "
        "Facebook, Google), you authorize us to obtain account information from it."
    )
    assert _subs(text) == []
    text = (
        "If you log into Examplr with a social networking credential, such as your Facebook "
        "account, we will ask permission to access basic information from it."
    )
    assert _subs(text) == []
    # a provider the vendor uses is one
    assert _subs("We use Stripe to process your payments.") == ["Stripe"]
