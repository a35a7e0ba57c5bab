"""Every finding the scanner can raise reads in German too (issue 12: "German everywhere").

The scanner writes English messages from keys (:mod:`m365inv.findings.messages`); the German
report needs, for each key, a sentence with the same placeholders, and for each code a title and
an action. A new finding without German fails here, not in a DPO's report.
"""

from __future__ import annotations

import string

from m365inv.findings.messages import MESSAGES, make
from m365inv.reports.i18n_findings import ACTIONS, MESSAGES_DE, TITLES, action, message, title


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_key_has_german_with_the_same_placeholders() -> None:
    assert set(MESSAGES_DE) == set(MESSAGES)
    for key, english in MESSAGES.items():
        assert _fields(MESSAGES_DE[key]) == _fields(english), key


def test_every_code_has_a_title_and_an_action_in_both_languages() -> None:
    codes = {key.split(".")[1] for key in MESSAGES}
    assert codes <= set(TITLES)
    for code in codes:
        assert title(code, "de") != title(code, "en") or code == "FIRST_PARTY", code
        assert code in ACTIONS or action(code, "de"), code


def test_a_german_sentence_is_filled_from_the_finding_params() -> None:
    finding = make(
        "VENDOR_MATCH_UNCONFIRMED",
        "medium",
        ["x"],
        app="Mail App",
        vendor="ACME",
        method="display name",
    )
    german = message(finding, None, (), None, "de")
    assert german.startswith("Mail App sieht nur nach dem Anzeigenamen wie eine App von ACME aus")
    assert message(finding, None, (), None, "en") == finding.message


def test_every_flow_note_the_scanner_writes_has_german() -> None:
    from m365inv.classify import addins, flows, provisioning
    from m365inv.reports.i18n_findings import note_label

    notes = [
        value
        for module in (flows, addins, provisioning)
        for name, value in vars(module).items()
        if name.startswith("NOTE_") and isinstance(value, str)
    ]
    assert len(notes) >= 10
    for note in notes:
        assert note_label(note, "de") != note, note
        assert note_label(note, "en") == note


def test_no_sentence_claims_the_vendor_sees_the_data() -> None:
    """A self-hosted product (an on-premises archive server) sends nothing to its vendor: a
    finding says who *can read* the data (the app and whoever operates it), never that the
    vendor sees it (issue 12 item 9)."""
    from reports.i18n_findings import _DE

    for text in (*MESSAGES.values(), *MESSAGES_DE.values(), *_DE.values()):
        assert "visible to the vendor" not in text and "für den Anbieter sichtbar" not in text
