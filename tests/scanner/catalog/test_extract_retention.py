"""Retention statements real policies make that a single sentence does not carry alone.

Sentences written for these tests; each rule has a case that must not fire.
"""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _periods(text: str) -> list[str | None]:
    return [r.period for r in extract(text).retention]


def test_durations_listed_under_a_lead_in_about_keeping() -> None:
    text = "The recordings may be kept\n- 6 months for all recordings\n- 2 years for training\n"
    assert _periods(text) == ["P6M", "P2Y"]
    # a list of durations under a lead-in about something else is no retention
    assert _periods("Our plans\n- 6 months free\n- 2 years discounted\n") == []
    # a bullet that states its own rule is read once, not twice
    assert _periods("Retention\n- Logs are deleted after 30 days\n") == ["P30D"]


def test_german_accusative_number_word() -> None:
    assert _periods("Chat-Inhalte können bis zu einen Monat gespeichert werden.") == ["P1M"]


def test_number_words_with_sharp_s_swiss_spelling_and_capitals() -> None:
    # "dreißig" casefolds to "dreissig": the lookup must not fail on either spelling
    assert _periods("Protokolle werden nach dreißig Tagen gelöscht.") == ["P30D"]
    assert _periods("Protokolle werden nach dreissig Tagen gelöscht.") == ["P30D"]
    assert _periods("Dreißig Tage lang speichern wir die Protokolle.") == ["P30D"]
    assert _periods("Backups are kept for eighteen months.") == ["P18M"]


def test_not_stored_with_a_list_of_verbs_and_a_longer_subject() -> None:
    assert _periods("The tool does not collect, process, or store any personal data.") == ["P0D"]
    assert _periods("No email or calendar data is stored on our side.") == ["P0D"]
    assert _periods("We never see, store, or transmit your project data.") == ["P0D"]
    assert _periods("Nothing is persisted to disk.") == ["P0D"]
    assert _periods("We don't keep, copy or store any of your mailbox data.") == ["P0D"]
    assert _periods("The add-in won’t store your drafts.") == ["P0D"]


def test_data_stored_on_the_users_device_states_no_period() -> None:
    # the data is kept — on the device, for as long as the user keeps it — so there is no
    # "not stored" to state; only the vendor's own denial is one
    assert _periods("Annotations are stored strictly locally on your computer.") == []
    assert _periods("All user data is stored locally on your device.") == []
    assert _periods("All data is stored locally; we do not store it on our servers.") == ["P0D"]


def test_not_stored_that_still_keeps_the_data_is_no_p0d() -> None:
    for sentence in (
        "The data used by the connector is not stored permanently.",
        "After this period, no data is kept.",
        "We do not store full card numbers on our systems.",
        "We do not store any personal information except your e-mail address.",
        "We do not persistently store the meeting notes.",
        "We don't store message bodies, but only metadata and settings.",
    ):
        assert _periods(sentence) == [], sentence
    # a heading announcing items that are not stored is no statement about the data as a whole
    assert _periods("We do NOT collect or store:\n- passwords\n") == []


def test_a_conditional_no_storage_is_no_p0d() -> None:
    sentence = "Rohdaten werden gelöscht, sofern der Kunde keine Speicherung wünscht."
    assert "P0D" not in _periods(sentence)


def test_removal_after_a_trial_a_polling_interval_plaintext_and_a_heading() -> None:
    assert _periods("All data is deleted three months after the trial license has expired.") == [
        "P3M"
    ]
    assert _periods("This information is automatically removed after 90 days.") == ["P90D"]
    assert "PT5M" not in _periods("The app polls Graph every 5 minutes and keeps the status.")
    assert _periods("We never store plaintext passwords.") == []
    assert _periods("Data We Do NOT Collect or Store\n- passwords\n") == []
    assert _periods("Start your 30-day trial; we keep your data safe.") == []


def test_no_stored_password_and_never_logged_are_no_p0d() -> None:
    assert _periods("We do not store your Microsoft password.") == []
    assert _periods("Token material is encrypted at rest and never exported or logged.") == []
    assert _periods("Your documents are never stored on our servers.") == ["P0D"]


def test_an_exception_to_not_stored_keeps_its_period() -> None:
    text = (
        "Email content is processed in memory and is not stored on our servers, except for "
        "short summaries which are retained for 30 days. Backups are overwritten after 35 days."
    )
    assert _periods(text) == ["P30D", "P35D"]
    # without a period the exception leaves no rule at all (no P0D either)
    assert _periods("We do not store message bodies, except for the subject line.") == []


def test_labelled_periods_listed_under_a_heading_about_keeping() -> None:
    text = "How long we keep things\n- Error logs: 14 days.\n- Invoices: 10 years, by tax law.\n"
    assert _periods(text) == ["P14D", "P10Y"]


def test_casual_german_deletion_and_weder_noch() -> None:
    assert _periods("Die Logs fliegen nach 14 Tagen raus.") == ["P14D"]
    assert _periods("Innerhalb von 7 Tagen ist dann alles weg, auch aus den Backups.") == ["P7D"]
    assert _periods("Weder die Mail noch den Entwurf speichern wir.") == ["P0D"]


def test_not_stored_is_p0d_but_not_read_at_all_states_no_period() -> None:
    assert _periods("Attachments are processed in memory and not stored.") == ["P0D"]
    assert _periods("We never read, store, or analyze message content.") == []
    assert _periods("Wir lesen und speichern keine E-Mail-Inhalte.") == []


def test_label_period_lines_under_a_retention_heading_and_both_ends_of_a_range() -> None:
    # "7–14 Tage" states the shortest and the longest time the logs are kept: both are
    # periods the reviewer checks (the policy's labellers read it so: "30-90 Tage" is P30D
    # and P90D)
    text = (
        "10. Speicherdauer und Löschung\n"
        "Server-Logs: in der Regel 7–14 Tage (Sicherheit/Fehleranalyse).\n"
        "Support-Tickets: 2 Jahre.\n"
    )
    assert _periods(text) == ["P7D", "P14D", "P2Y"]
    assert _periods("Logfiles: 30 bis 90 Tage gespeichert.") == ["P30D", "P90D"]
    assert _periods("Kontakt\nTelefon: 24 Stunden erreichbar.\n") == []  # no retention heading
    assert _periods("Rechnungen bewahren wir 6 bzw. 10 Jahre auf.") == ["P6Y", "P10Y"]


def test_not_stored_in_a_form_for_most_fields_or_log_data_not_used_is_no_p0d() -> None:
    for sentence in (
        "We do not use tenant security log data for unrelated advertising purposes.",
        "Data is encrypted before storage and never stored in decrypted form.",
        "Format: Not stored in any downloadable or shareable format.",
        "For ticket data, we do not capture or store ticket Descriptions, Comments, or most "
        "other fields.",
    ):
        assert _periods(sentence) == [], sentence
    assert _periods("We do not log or store the content of your emails.") == ["P0D"]


def test_periods_listed_under_labels_within_a_retention_section() -> None:
    text = (
        "## 6. Speicherdauer\n\n"
        "**Lohndaten:**\n- 10 Jahre (AHVV Art. 140)\n\n"
        "**Systemdaten (Sessions, Logs):**\n- 30 Tage, dann automatisch gelöscht\n\n"
        "## 7. Ihre Rechte\n\n"
        "**Auskunft:**\n- 30 Tage Antwortfrist\n"
    )
    assert sorted(set(_periods(text))) == ["P10Y", "P30D"]
    assert len([p for p in _periods(text) if p == "P30D"]) == 1  # not the rights' answer time


def test_a_maximum_period_under_a_retention_lead_and_german_not_stored_with_words_between() -> None:
    text = (
        "3. Retention periods:\n"
        "- Usage and log data: Maximum 30 days after collection, unless required otherwise.\n"
    )
    assert _periods(text) == ["P30D"]
    assert _periods("Diese Daten werden nicht in der Datenbank gespeichert.") == ["P0D"]
    assert _periods(
        "Zu keinem Zeitpunkt werden diese Daten vom Betreiber der App gespeichert."
    ) == ["P0D"]
    for sentence in (  # kept for a while, or kept elsewhere: no "P0D"
        "Die Daten werden nicht länger als nötig gespeichert.",
        "Die Daten werden nicht aktiv gespeichert, sondern liegen nur im Cache des Anbieters.",
    ):
        assert _periods(sentence) == [], sentence


def test_not_kept_for_training_or_a_key_never_stored_is_no_p0d() -> None:
    for sentence in (
        "Under the provider's paid API terms, content is not retained for model training.",
        "Credentials are encrypted with keys derived from a master key that is never stored "
        "in the database.",
    ):
        assert _periods(sentence) == [], sentence
    assert _periods("We do not store your license key or personal data on our servers.") == ["P0D"]


def test_a_records_deletion_field_keeps_notifications_and_a_restated_period_counts_once() -> None:
    text = (
        "| Feld | Inhalt |\n|---|---|\n"
        "| Datenkategorien | Stammdaten (Name, E-Mail); Kommentare |\n"
        "| Rechtsgrundlagen | Art. 6 Abs. 1 lit. b und f DSGVO |\n"
        "| Löschfristen | Benachrichtigungen und Audit-Log je 3 Jahre (1095 Tage, einstellbar); "
        "Sicherungen 14 Tage |\n"
    )
    found = extract(text)
    assert sorted({r.period for r in found.retention if r.period}) == ["P14D", "P3Y"]
    assert [b.letter for b in found.legal_bases] == ["b", "f"]
    # a notification deadline is still no retention period
    notice = "Wir benachrichtigen Sie innerhalb von 72 Stunden, wenn Daten gelöscht werden.\n"
    assert [r.period for r in extract(notice).retention] == []
    assert [r.period for r in extract("Backups are kept for 1 year (365 days).\n").retention] == [
        "P1Y"
    ]


def test_log_as_a_noun_persistent_access_and_no_indefinite_keeping_are_no_p0d() -> None:
    for sentence in (
        "If the Customer selects to never delete audit logs, we will not delete audit log "
        "information until the Customer closes the account.",
        "If you disable cookies, you will not be able to log in to the service.",
        "The bot does not maintain persistent access to conversation history.",
        "Personal data is not kept indefinitely merely because storage is possible.",
        "We do not knowingly collect, use or store personal information from children under 13.",
        "The video host does not initially store any cookies on your device.",
        "We do not control how social networks store or process information.",
    ):
        assert "P0D" not in _periods(sentence), sentence
    # "log" as the verb of the denial, alone or in a list of verbs, still is one
    assert _periods("We do not log your IP address.") == ["P0D"]
    assert _periods("We do not collect, store or log your messages.") == ["P0D"]
    assert _periods("Prompts are not persisted.") == ["P0D"]


def test_a_period_for_which_data_is_recorded_or_a_cookie_or_token_lives() -> None:
    text = "Beim Abruf werden folgende Daten für vierzehn Tage aufgezeichnet: IP-Adresse."
    assert _periods(text) == ["P14D"]
    assert _periods("Request metadata is logged for 7 days.") == ["P7D"]
    assert _periods("- Name: _ga\n- Ablaufzeit: 2 Jahre\n") == ["P2Y"]
    assert _periods("The session cookie expires after 24 hours.") == ["PT24H"]
    assert _periods("Verschlüsselter Auth-Token (365 Tage Gültigkeit)") == ["P365D"]
    # a period that is no lifetime of data stays out
    assert _periods("We answer your request within 30 days.") == []
    assert _periods("Die App ist für Nutzer ab 13 Jahren geeignet.") == []


def test_calendar_years_in_either_language() -> None:
    periods = [
        r.period for r in extract("Rechnungen werden zehn Kalenderjahre aufbewahrt.").retention
    ]
    assert periods == ["P10Y"]
