"""Security claims: two measures in one sentence, access restricted to named people, and what
names a measure without claiming it. Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.claim) for c in extract(text).security]


def test_at_rest_and_in_transit_with_their_ciphers_are_two_claims() -> None:
    assert _claims("All data is encrypted at rest (AES-256) and in transit (TLS 1.2+).") == [
        ("encryption-at-rest", "All data is encrypted at rest (AES-256)"),
        ("transport-encryption", "in transit (TLS 1.2+)."),
    ]
    # without named ciphers it stays one claim, as written
    assert len(_claims("Your data is encrypted in transit and at rest.")) == 1


def test_access_restricted_to_authorised_people_and_other_named_measures() -> None:
    for sentence in (
        "Only authorized support personnel can access customer tenants.",
        "Reports are only accessible to administrators of your organisation.",
        "Nur befugte Mitarbeiter haben Zugriff auf die Daten.",
        "Sign-in uses the authorization code flow with PKCE.",
        "Passwords are derived with PBKDF2 and 100,000 iterations.",
        "Traffic passes a Web Application Firewall.",
    ):
        assert [k for k, _ in _claims(sentence)] == ["other"], sentence


def test_a_pointer_to_a_security_page_or_a_bare_title_claims_nothing_new() -> None:
    assert _claims("For detailed information about our encryption, see our Security page.") == []
    text = "TLS Encryption\nWe protect all connections with TLS 1.3.\n"
    assert [c for _, c in _claims(text)] == ["We protect all connections with TLS 1.3."]


def test_product_names_and_access_by_the_user_alone_claim_nothing() -> None:
    assert _claims('This policy applies to the add-in "Contoso Encrypt for Outlook".') == []
    assert _claims("Privacy Policy – Contoso Encrypt for Outlook") == []
    assert _claims("Your information is only accessible to you.") == []
    assert _claims("Angaben zu den vertretungsberechtigten Personen finden Sie im Impressum.") == []
    assert [
        k for k, _ in _claims("Keys never leave the device (zero-knowledge architecture).")
    ] == ["other"]


def test_three_named_measures_in_one_sentence_are_three_claims() -> None:
    sentence = "We use multifactor authentication, AES-256 encryption, and regular backups."
    assert [c for _, c in _claims(sentence)] == [
        "We use multifactor authentication", "AES-256 encryption", "regular backups.",
    ]  # fmt: skip


def test_measures_in_general_words_among_named_ones_are_claims_each() -> None:
    sentence = (
        "We implement encryption, access controls, secure coding, vulnerability management, "
        "and audit logging."
    )
    assert [c for _, c in _claims(sentence)] == [
        "We implement encryption", "access controls", "secure coding", "vulnerability management",
        "audit logging.",
    ]  # fmt: skip
    assert len(_claims("Data is encrypted, and stored in Frankfurt.")) == 1  # one measure


def test_the_same_unnamed_measure_said_again_is_one_claim() -> None:
    text = "Usage\nEncryption overhead is small.\nDetails\nThe database file is encrypted.\n"
    assert [c.claim for c in extract(text).security] == ["Encryption overhead is small."]


def test_session_limits_signed_tokens_tokenisation_and_tenant_isolation() -> None:
    for sentence in (
        "Sessions are time-limited with automatic expiration.",
        "Download links are signed URLs that expire after an hour.",
        "Names are replaced by PII tokenization before analysis.",
        "Each customer's rows are protected by row-level security.",
        "Service accounts follow least-privilege principles.",
    ):
        assert _claims(sentence), sentence
    # a user who is signed in, or read-only access, claims no security measure
    assert _claims("The web part reads people as the signed-in user.") == []
    assert _claims("We request read-only access to your calendar.") == []


def test_tenant_isolation_rbac_and_audited_access_are_claims_of_their_own() -> None:
    text = (
        "Each tenant's data is logically isolated from other tenants. We use role-based access "
        "control (RBAC). Administrative access is logged and audited."
    )
    assert len(_claims(text)) == 3
    assert _claims("Zugriffe werden protokolliert.") != []
    assert _claims("The role-based dashboard shows your team's progress.") == []


def test_organisational_measures_and_audit_standards_are_claims() -> None:
    for sentence in (
        "Die Anmeldung ist durch Multi-Faktor-Authentifizierung geschützt.",
        "Wir betreiben ein ISMS nach anerkannten Standards.",
        "Die Rechenzentren sind nach ISAE 3402 zertifiziert.",
        "Zur Ausfallsicherheit erfolgt eine permanente Spiegelung zwischen zwei Standorten.",
        "Nur bestimmte Personen sind berechtigt, die Aufzeichnungen anzusehen.",
        "Unsere Mitarbeiter werden regelmäßig im Datenschutz geschult.",
        "Die Daten der Kunden werden durch Mandantentrennung voneinander isoliert.",
    ):
        assert len(_claims(sentence)) == 1, sentence
    # a permission that only reads is a scope, not a security measure
    assert _claims("We request read-only access to your calendar.") == []


def test_two_named_measures_in_one_sentence_are_two_claims() -> None:
    text = "Alles läuft über HTTPS, und bei uns hat jedes Konto Zwei-Faktor-Login aktiviert."
    assert len(_claims(text)) == 2
    assert len(_claims("Die Datenbank ist verschlüsselt.")) == 1


def test_device_and_key_measures_are_claims() -> None:
    text = (
        "Our laptops have full-disk encryption, and every admin account is protected with a "
        "hardware security key."
    )
    assert len(_claims(text)) == 2


def test_ip_truncation_cookie_flags_and_hyphenated_audits_are_claims() -> None:
    for sentence in (
        "Ihre IP-Adresse wird vor der Speicherung gekürzt.",
        "Wir nutzen die IP-Anonymisierung des Dienstes.",
        "We apply IP address anonymisation before any analysis.",
        "Session cookies are set HttpOnly and SameSite=Lax.",
        "Das Rechenzentrum ist nach SOC-2 Type II zertifiziert.",
        "Das Rechenzentrum verfügt über Zertifizierungen nach ISO 9001, 14001, 27001 und 50001.",
        "Services talk to each other over mTLS.",
        "Access follows least-privilege principles.",
    ):
        assert _claims(sentence), sentence
    # an IP address named as data, neither truncated nor anonymised, is no measure
    assert _claims("Wir speichern Ihre IP-Adresse und den Zeitpunkt des Zugriffs.") == []


def test_a_named_transport_claim_said_again_in_other_words_is_one_claim() -> None:
    text = (
        "Diese Seite nutzt aus Sicherheitsgründen eine TLS-Verschlüsselung. Daten, die über eine"
        " verschlüsselte Verbindung versendet werden, können von Dritten nicht mitgelesen werden.\n"
        "Bei einer verschlüsselten Verbindung sehen Sie ein Schloss-Symbol in der Adresszeile.\n"
    )
    assert [k for k, _ in _claims(text)] == ["transport-encryption"]


def test_firewalls_intrusion_detection_incident_response_and_pinning_are_claims() -> None:
    for sentence in (
        "Unsere Server sind durch Firewalls und Intrusion Detection geschützt.",
        "We maintain an incident response plan and test it yearly.",
        "The web app sets a strict Content-Security-Policy.",
        "The mobile app uses certificate pinning.",
    ):
        assert _claims(sentence), sentence
    assert _claims("Please configure your firewall to allow our domain.") == []  # an instruction


def test_anonymised_ips_csrf_backups_second_factors_and_key_chains_are_claims() -> None:
    for sentence in (
        "- IP-Adresse (wird nach Verarbeitung anonymisiert)",
        "- IP-Adresse, Zeitpunkt: Bis Zugriffsende, in Logfiles anonymisiert",
        "- CSRF-Token: Zum Schutz vor Cross-Site-Request-Forgery",
        "Unsere Backup-Strategie kombiniert tägliche Snapshots mit einer Sicherung alle 5 Minuten.",
        "Security headers are enforced via strict Content Security Policy.",
        "Phone number (in case of 2 factor authentication).",
        "Der Zugriff erfolgt stets über 2-Faktor-Authentifizierung.",
        "Bei der Speicherung gilt Encryption-at-Rest.",
        "Tokens are stored in the iOS key chain.",
        "OAuth tokens are stored in your operating system's keyring.",
        "Wir führen ein Prüfprotokoll, das jeden Verarbeitungsschritt dokumentiert.",
    ):
        assert _claims(sentence), sentence
    assert _claims("- Directory audit logs\n- Sign-in logs") == []  # data, no measure


def test_owasp_no_plain_text_external_audits_and_training_are_claims() -> None:
    for sentence in (
        "Wir berücksichtigen die neuesten OWASP-Empfehlungen.",
        "Die Anmeldeinformationen werden nicht im Klartext auf dem Server gespeichert.",
        "Passwords are never stored in plain text.",
        "Die Sicherheit wird jährlich von einem externen Datensicherheitsunternehmen geprüft.",
        "Unsere Administratoren werden regelmäßig in Fragen der Informationssicherheit geschult.",
    ):
        assert _claims(sentence), sentence


def test_firewalls_virus_scanners_and_updates_are_claims_each_but_advice_is_none() -> None:
    said = (
        "Alle unsere Server sind gehärtet, durch Firewalls, Virenscanner etc. geschützt und "
        "immer mit den neusten Sicherheitsupdates gepatcht."
    )
    assert len(_claims(said)) == 4  # hardened, firewalls, virus scanners, updates
    assert _claims("Mitigation: Use reputable antivirus software.") == []
    assert _claims("Keep Windows Updated: Install security patches promptly.") == []
    assert _claims("Encryption: Use of AES-256 for all stored data.")


def test_operational_controls_are_claims_but_data_named_after_them_is_none() -> None:
    for sentence in (
        "We maintain a documented disaster recovery plan, including a backup strategy.",
        "Unsere Umgebung nutzt Anti-Malware-Schutz und Anwendungssteuerelemente.",
        "Patch management follows our patching SLAs.",
        "Wir führen vierteljährliche Schwachstellenscans durch.",
        "Every code review is approved by a second person before deployment.",
        "All production changes pass our change management process.",
        "Die Ereignisprotokollierung ist für alle Systemkomponenten eingerichtet.",
        "All logs are regularly reviewed by automated tools to detect security events.",
        "The app supports Conditional Access policies.",
    ):
        assert _claims(sentence), sentence
    for sentence in (
        "We read Conditional Access policies and their assignments.",
        "Backups and disaster recovery are handled according to your organization's policies.",
        "Wenn die Option Malware-Schutz aktiviert ist, prüft die App jede Webseite.",
    ):
        assert _claims(sentence) == [], sentence


def test_a_questionnaire_claims_what_it_answers_yes_and_nothing_it_answers_no() -> None:
    table = (
        "| **Information** | **Response** |\n"
        "|:--|:--|\n"
        "| Führen Sie jährliche Penetrationstests für die App durch? | Ja |\n"
        "| Haben Sie eine Firewall an der Grenze für das externe Netzwerk installiert? | Nein |\n"
        "| Is the app ISO 27001 certified? | Not applicable |\n"
        "| Does the app support TLS 1.1 or higher? | Yes |\n"
        "| Mehrstufige Authentifizierung (MFA) aktiviert für: | DNSManagement, Credential |\n"
    )
    found = [c.source for c in extract(table).security]
    assert found == [
        "| Führen Sie jährliche Penetrationstests für die App durch? | Ja |",
        "| Does the app support TLS 1.1 or higher? | Yes |",
        "| Mehrstufige Authentifizierung (MFA) aktiviert für: | DNSManagement, Credential |",
    ]


def test_named_web_defences_in_one_sentence_are_one_claim_each() -> None:
    said = "Wir setzen eine WAF, CSRF/XSS-Schutz und Monitoring mit SIEM ein."
    assert len(_claims(said)) == 3
    assert _claims("- IP address (for rate limiting and security)") == []


def test_organisational_measures_are_claims_but_audit_logs_read_as_data_are_none() -> None:
    for sentence in (
        "Alle Mitarbeitenden sind zur Vertraulichkeit verpflichtet.",
        "Personnel authorized to process the data are bound by confidentiality obligations.",
        "Es finden regelmäßige IT-Sicherheitsschulungen statt.",
        "Zugangsdaten werden in einem Passwort-Manager (1Password) verwaltet.",
        "Zugriffe erfolgen nach dem Need-to-Know-Prinzip.",
        "Backups folgen einer 3-2-1-Backup-Strategie.",
        "Die Plattform ist mandantenfähig mit strikter Datentrennung.",
        "Alle Änderungen werden in Audit-Logs festgehalten.",
        "Monitoring der Serverinfrastruktur rund um die Uhr.",
    ):
        assert _claims(sentence), sentence
    assert _claims("- Directory audit logs (AuditLog.Read.All)") == []


def test_security_audits_and_staff_bound_to_data_protection_are_claims() -> None:
    for sentence in (
        "Regular Security Audits: Conducted to identify and mitigate potential threats.",
        "Wir führen jährliche Sicherheitsaudits durch.",
        "Die Fernwartung führt nur Personal aus, das zum Datenschutz verpflichtet ist.",
    ):
        assert _claims(sentence), sentence


def test_hashes_as_telemetry_and_a_mirrored_list_are_no_claims() -> None:
    assert _claims("Operational telemetry — request IPs, user agents and dedup hashes.") == []
    assert _claims("The current list is the source of truth and is mirrored at our DPA.") == []
    assert _claims("All customer data is mirrored across two data centres.")


def test_assessments_training_and_physical_security_are_claims_but_a_product_is_none() -> None:
    for sentence in (
        "Regular security assessments and monitoring.",
        "Access controls and employee training.",
        "Our data centres have physical security measures.",
    ):
        assert _claims(sentence), sentence
    assert _claims("We deliver phishing simulations and security awareness training.") == []


def test_each_entry_of_a_measures_section_is_a_claim_in_its_own_words() -> None:
    text = (
        "## Technische und organisatorische Maßnahmen\n\n### Trennungskontrolle\n"
        "- Trennung von Entwicklungs-, Test- und Produktivumgebung.\n\n### Verfügbarkeit\n"
        "- Redundanz der Datenbank über zwei Zonen.\n"
        "- Datenträger: [verschlüsselt ja/nein].\n"
        "- 2-Faktor-Authentifizierung für Admins ist derzeit nicht aktiviert.\n"
        "Die Rollen:\n- ADMIN\n- OWNER\n\n"
        "| Maßnahme | Umsetzung |\n|---|---|\n"
        "| SharePoint-Versionierung | Änderungsverlauf aller Listen |\n"
        "\n## Ihre Rechte\n- Auskunft über Ihre Daten\n"
    )
    sources = [c.source for c in extract(text).security]
    assert any("Trennung von Entwicklungs-" in s for s in sources), sources
    assert any("Redundanz" in s for s in sources), sources
    assert any("SharePoint-Versionierung" in s for s in sources), sources
    assert not any("[" in s or "nicht aktiviert" in s or "ADMIN" in s for s in sources), sources
    assert not any("Auskunft" in s for s in sources), sources


def test_a_certificate_not_held_is_no_claim() -> None:
    for sentence in (
        "Counsel does not currently hold SOC 2, ISO 27001, or any formal certification.",
        "Wir sind derzeit nicht nach ISO 27001 zertifiziert.",
    ):
        assert extract(sentence).security == (), sentence
    assert extract("We hold a SOC 2 Type II report.").security


def test_an_annex_heading_and_a_prepared_or_optional_measure_are_no_claims() -> None:
    text = (
        "## Technische und organisatorische Maßnahmen\n\n"
        "- Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO)\n"
        "- Role-Based Access Control (RBAC) vorbereitet\n"
        "- Zertifizierungen (z.B. ISO 27001, falls vorhanden)\n"
        "- Verschlüsselung aller Backups mit AES-256\n"
    )
    sources = [c.source for c in extract(text).security]
    assert sources == ["Verschlüsselung aller Backups mit AES-256"], sources


def test_rate_limiting_hsts_and_scrubbing_personal_data_are_claims() -> None:
    from m365inv.catalog.extract import extract

    text = (
        "Rate limiting protects every API endpoint.\n\n"
        "Our servers send HSTS headers.\n\n"
        "The SDK scrubs password fields before events leave the device.\n\n"
        "Personenbezogene Daten werden vor der KI-Verarbeitung maskiert.\n\n"
        "The rate of replies is limited by your plan.\n"
    )
    got = [c.source for c in extract(text).security]
    assert len(got) == 4 and not any("rate of replies" in c for c in got)


def test_targets_definitions_and_an_access_rights_concept() -> None:
    from m365inv.catalog.extract import extract

    text = (
        "- SOC 2 Type II compliance (Target 2025)\n"
        "- Pseudonymisierung ist die Verarbeitung personenbezogener Daten in einer Weise, dass sie "
        "ohne zusätzliche Informationen nicht mehr zugeordnet werden können.\n"
        "- Zugriffe regeln wir über ein Berechtigungskonzept.\n"
        "- Supaglue is SOC 2 compliant. This means that we undergo penetration tests.\n"
    )
    got = [c.source for c in extract(text).security]
    assert not any("Target" in c or "Pseudonymisierung ist" in c for c in got)
    assert any("Berechtigungskonzept" in c for c in got) and any("penetration" in c for c in got)


def test_isolated_customer_data_backups_and_a_secured_connection_are_claims() -> None:
    for text in (
        "Each organisation's data is fully isolated from other organisations.",
        "Jeder Kunde erhält eine eigene Datenbank-Instanz.",
        "Uploaded files are backed up to a second data centre.",
        "We back up the data every night.",
        "Backups 14 Tage, danach werden sie gelöscht.",
        "Die App nutzt eine gesicherte Verbindung zum Server.",
    ):
        assert _claims(text), text
    for text in (  # advice, a bare word, an account of one's own
        "You should back up your phone regularly.",
        "Backups are mentioned in our terms.",
        "Each user has their own account.",
    ):
        assert not _claims(text), text


def test_a_questionnaires_questions_and_example_answers_claim_nothing() -> None:
    text = (
        "Describe where the data is stored and how access to it is controlled. Is it encrypted? "
        "Examples: 2FA for all admins, Privileged Access Management, partitioning.\n"
        "All data is encrypted at rest with AES-256.\n"
    )
    assert [c for _, c in _claims(text)] == ["All data is encrypted at rest with AES-256."]


def test_regular_third_party_security_audits_are_a_claim() -> None:
    assert _claims("We do regular third-party security audits by an outside firm.")


def test_each_measure_of_a_listed_set_is_a_claim_of_its_own() -> None:
    """A sentence that lists measures after "including" or a label's colon claims each of
    them, named ("encryption") or not ("backups", "monitoring")."""
    claims = [
        c
        for _, c in _claims(
            "We implement technical and organisational measures designed to protect personal "
            "data, including access controls, encryption in transit and at rest, backups, "
            "monitoring, and incident response processes."
        )
    ]
    # "and" within an entry joins: "encryption in transit and at rest" is one measure
    assert claims == [
        "access controls",
        "encryption in transit and at rest",
        "backups",
        "monitoring",
        "incident response processes",
    ]
    german = [
        c
        for _, c in _claims(
            "Wir schützen Ihre Daten unter anderem durch Verschlüsselung der Datenbank im "
            "Ruhezustand, Passwörter ausschließlich als Hashwert, strikte Trennung der "
            "Mandanten auf Datenbankebene sowie tägliche Sicherungen."
        )
    ]
    assert german[1:] == [
        "Passwörter ausschließlich als Hashwert",
        "strikte Trennung der Mandanten auf Datenbankebene",
        "tägliche Sicherungen",  # the last entry, after "sowie"
    ]


def test_a_data_list_with_one_hashed_entry_stays_one_claim() -> None:
    # a list of data, one of which is stored hashed, is no list of measures
    claims = _claims(
        "Bei der Registrierung: Name, E-Mail-Adresse, Firmenname, Sprache, Passwort (gehasht "
        "gespeichert)."
    )
    assert len(claims) == 1


def test_a_word_that_starts_with_hash_names_no_hashing() -> None:
    text = (
        "Quelle: Erstellt mit dem Datenschutz Generator in Kooperation mit hashtagbeauty.de\n"
        "Passwörter werden gehasht gespeichert.\n"
    )
    assert _claims(text) == [("other", "Passwörter werden gehasht gespeichert.")]


def test_a_company_whose_name_starts_with_hash_claims_no_hashing() -> None:
    assert _claims("Terraform is provided by HashiCorp, Inc.") == []
    assert _claims("Passwords are hashed with bcrypt.") != []


def test_a_disclaimer_that_names_a_measure_keeps_its_claim() -> None:
    # the disclaimer alone claims nothing; said beside a measure, the measure stands
    assert _claims("We cannot guarantee absolute security of your information.") == []
    assert _claims("Sie sind selbst für die Geheimhaltung Ihres Passworts verantwortlich.") == []
    assert len(_claims("While no method is 100% secure, we encrypt your data at rest.")) == 1
    assert len(_claims("Kein System ist völlig sicher; Passwörter werden mit bcrypt gehasht.")) == 1
