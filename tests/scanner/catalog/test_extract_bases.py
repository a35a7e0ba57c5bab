"""Legal bases in words: a purpose is no basis, OAuth's consent is no consent to processing.
Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _letters(text: str) -> list[str]:
    return [b.letter for b in extract(text).legal_bases]


def test_an_obligation_in_a_purpose_list_is_no_basis_but_a_stated_one_is() -> None:
    assert _letters("We use your data to:\n- Comply with legal obligations\n") == []
    assert _letters("- Legal obligation: to comply with tax requirements\n") == ["c"]
    assert _letters("Processing is necessary to comply with a legal obligation.") == ["c"]


def test_oauth_consent_is_no_legal_basis() -> None:
    assert _letters("The portal stores the tenant ID and consent state of the app.") == []
    assert _letters("An administrator grants admin consent to read user profiles.") == []
    assert _letters("We process your e-mail address with your consent.") == ["a"]


def test_a_right_conditional_on_a_basis_states_no_basis() -> None:
    objection = (
        "Wenn die Rechtsgrundlage ein berechtigtes Interesse gemäß Art. 6 Abs. 1 lit. f DSGVO "
        "ist, können Sie widersprechen."
    )
    assert _letters(objection) == []
    assert _letters("You may withdraw your consent to data processing, if applicable.") == []
    assert _letters("Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO.") == ["f"]
