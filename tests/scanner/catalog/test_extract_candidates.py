"""Candidate phrases for the item model: every enumeration piece, described by its context."""

from __future__ import annotations

from m365inv.catalog.extract.candidates import Candidate, complete, item_candidates
from m365inv.catalog.extract.segment import lines


def _by_text(text: str, taken: set[str] | None = None) -> dict[str, Candidate]:
    return {c.text: c for c in item_candidates(lines(text), taken or set())}


def test_every_piece_of_a_prose_enumeration_is_a_candidate_with_its_sentence() -> None:
    text = "Wir verarbeiten Vorname, Lieblingsfarbe und Schuhgröße der Teilnehmer."
    got = _by_text(text)
    for piece in ("Vorname", "Lieblingsfarbe", "Schuhgröße der Teilnehmer"):
        assert piece in got, sorted(got)
        assert got[piece].source == text
        assert {"sent_collect", "role=all", "kind=text"} <= got[piece].features
    assert "after_verb" in got["Vorname"].features  # cut from "Wir verarbeiten Vorname"
    assert "first=True" in got["Vorname"].features
    assert "last=True" in got["Schuhgröße der Teilnehmer"].features
    assert {"b1=und", "b2=lieblingsfarbe"} <= got["Schuhgröße der Teilnehmer"].features


def test_negated_passages_give_no_candidates() -> None:
    assert not _by_text("## Data\n\nWe do not store:\n\n- credit card numbers\n- passport scans\n")
    assert not _by_text("## Daten, die wir nicht erheben\n\n- Kreditkartennummern\n- Passfotos\n")
    got = _by_text("We do not collect your name, email address or phone number.")
    assert not {"your name", "email address", "phone number"} & set(got)
    got = _by_text("We store your name and e-mail address, but not your phone number or address.")
    assert {"your name", "e-mail address"} <= set(got)  # before the negation: said, not denied
    assert not {"your phone number", "address"} & set(got)
    assert "❌ Prompts" not in _by_text("- ❌ Prompts\n- ❌ Spreadsheet data\n")


def test_labels_definitions_scopes_asides_and_markup_give_no_candidates() -> None:
    got = _by_text("Account data: user name, tenant ID and licence type.")
    assert set(got) == {"user name", "tenant ID", "licence type"}  # not "Account data"
    assert all("role=after" in c.features for c in got.values())
    definition = "Personal data is any information such as name, address and date of birth."
    assert not _by_text(definition)
    assert not _by_text("| openid, profile, email | Sign-in with Microsoft |\n")
    assert not _by_text("Zweck: Erstellung von Rechnungen, Mahnungen und Gutschriften\n")
    assert not _by_text("Legal basis: contract, consent and legitimate interests\n")
    aside = _by_text("- Actions — sending email, updating records — stay logged, and rated.\n")
    assert not {"sending email", "updating records"} & set(aside)
    assert not _by_text("- {{ site.url }}, <b>name</b>\n")
    assert "the contact details" not in _by_text("We use the contact details, or call you.")


def test_the_lexicon_features_are_added_by_complete() -> None:
    text = "We collect names, e-mail address and device type."
    cands = item_candidates(lines(text), set(), lexicon=False)
    bare = {c.text: c for c in cands}["e-mail address"]
    assert "datanoun" not in bare.features
    full = complete(bare)
    assert {"datanoun", "kind=text&datanoun", "role=all&datanoun"} <= full.features
    assert _by_text(text)["e-mail address"].features == full.features


def test_the_rules_items_are_marked_and_kept_even_where_no_piece_matches() -> None:
    got = _by_text("We collect name, e-mail address.", taken={"e-mail address", "from a table"})
    assert "RULE" in got["from a table"].features
    assert "RULE" in got["e-mail address"].features
    assert "RULE" not in got["name"].features
    plain = item_candidates(lines("We collect name, e-mail address."), {"name"}, with_taken=False)
    assert "e-mail address" in {c.text for c in plain} and "name" not in {c.text for c in plain}


def test_overlong_pieces_are_no_candidates() -> None:
    sentence = "This list has, for once, far more than eight words in its last piece of text."
    assert all(len(t.split()) <= 8 for t in _by_text(sentence))


def test_without_states_a_condition_and_a_final_participle_is_cut() -> None:
    text = (
        "Bei der Teilnahme ohne eigenes Nutzerkonto werden zusätzliche Daten verarbeitet: "
        "Anmeldename, Raumname, Startzeitpunkt und Betriebssystem verarbeitet."
    )
    got = _by_text(text)
    assert {"Anmeldename", "Raumname", "Startzeitpunkt", "Betriebssystem"} <= set(got)
    assert not _by_text("Ohne Ihre Einwilligung speichern wir keine Namen, Adressen, Fotos.")


def test_rights_contact_and_controller_sections_give_no_candidates() -> None:
    text = (
        "## Ihre Rechte\nSie haben das Recht auf Auskunft, Berichtigung, Löschung und"
        " Einschränkung.\n## Contact us\nWrite to our office, our hotline or our postal box.\n"
        "## Data we collect\nWe store your name, your email address and your phone number.\n"
    )
    got = [c.text for c in item_candidates(lines(text), set())]
    assert "email address" in got and "Auskunft" not in got and "hotline" not in " ".join(got)
