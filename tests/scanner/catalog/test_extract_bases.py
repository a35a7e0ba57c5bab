"""Legal bases in words: a duty named as the exception to a promise is no basis, OAuth's consent
is no consent to processing.
Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract
from m365inv.catalog.extract.claims import legal_bases_in


def _letters(text: str) -> list[str]:
    return [b.letter for b in extract(text).legal_bases]


def test_an_obligation_is_a_basis_unless_it_is_only_an_exception() -> None:
    assert _letters("We use your data to:\n- Comply with legal obligations\n") == ["c"]
    assert _letters("We do not share your data, except where we have a legal obligation.") == []
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


def test_a_stated_right_names_no_basis_but_revocable_consent_does() -> None:
    assert (
        _letters(
            "Sie können erteilte Einwilligungen jederzeit mit Wirkung für die Zukunft widerrufen."
        )
        == []
    )
    assert (
        _letters("You can withdraw your consent to the processing of your data at any time.") == []
    )
    assert _letters(
        "Wir verarbeiten Ihre Daten auf Grundlage Ihrer Einwilligung (jederzeit widerruflich)."
    ) == ["a"]
    restricted = (
        "Wenn Sie die Verarbeitung Ihrer personenbezogenen Daten eingeschränkt haben, dürfen diese "
        "Daten nur aus Gründen eines wichtigen öffentlichen Interesses verarbeitet werden."
    )
    assert _letters(restricted) == []


def test_consent_records_and_consent_to_transfers_are_no_basis() -> None:
    assert _letters("Consent logging does not store the user's name or tenant domain.") == []
    assert _letters("By using our Services, you consent to international data transfers.") == []
    assert _letters("We process your data to provide the service with your consent.") == ["a"]


def test_a_processors_duty_to_its_client_is_no_basis_of_its_own() -> None:
    duty = "Vertragserfüllung gegenüber dem Kunden (Art. 28 DSGVO, Verarbeitung auf Weisung)."
    assert _letters(duty) == []
    assert _letters("Die Verarbeitung dient der Vertragserfüllung.") == ["b"]


def test_a_basis_said_beside_the_right_to_withdraw_it_stays() -> None:
    said = (
        "Die Verarbeitung erfolgt auf Grundlage Ihrer Einwilligung; Sie können sie jederzeit "
        "widerrufen."
    )
    assert _letters(said) == ["a"]
    assert _letters(
        "We rely on your consent, which you can withdraw at any time (legal basis)."
    ) == ["a"]


def test_consent_given_a_contract_to_fulfil_and_a_row_naming_an_obligation() -> None:
    assert _letters("Sie haben uns Ihre Einwilligung erteilt.") == ["a"]
    assert _letters("Sie ist notwendig, um einen Vertrag mit Ihnen zu erfüllen.") == ["b"]
    assert _letters("- Billing & tax: Legal obligation + Contract") == ["c"]
    assert _letters("By using the Services you consent to the collection and storage of data.") == [
        "a"
    ]


def test_consent_given_in_a_verb_and_the_performance_of_the_contractual_relationship() -> None:
    said = "Wir nutzen Ihre Daten zur Werbung, soweit Sie hierzu eingewilligt haben."
    assert _letters(said) == ["a"]
    contract = "Wir nutzen Ihre Daten zur Begründung und Durchführung des Vertragsverhältnisses."
    assert _letters(contract) == ["b"]


def test_legitimate_business_interests_are_basis_f() -> None:
    assert _letters(
        "We also process data for our legitimate business interests: running the service and "
        "billing."
    ) == ["f"]
    assert _letters(
        "Wir verarbeiten Daten aufgrund unserer berechtigten geschäftlichen Interessen."
    ) == ["f"]


def test_vertragliche_notwendigkeit_is_basis_b() -> None:
    said = (
        "Datenübermittlungen an Dritte erfolgen nur auf einer rechtlichen Grundlage, z. B. "
        "Einwilligung, vertragliche Notwendigkeit oder gesetzliche Verpflichtung."
    )
    assert _letters(said) == ["a", "b", "c"]


def test_fulfilling_our_order_is_contract() -> None:
    assert _letters(
        "Während der Sitzung werden zur Erfüllung und Abrechnung unseres Auftrags folgende "
        "Daten gespeichert."
    ) == ["b"]
    assert _letters("Wir handeln im Rahmen der Auftragsverarbeitung.") == []


def test_a_basis_cited_to_say_it_is_not_the_one_is_no_basis() -> None:
    assert (
        _letters("Die Lösung stützt sich nicht auf die Einwilligung (Art. 6 Abs. 1 lit. a DSGVO).")
        == []
    )
    assert _letters("We do not rely on consent (Art. 6(1)(a) GDPR).") == []
    assert _letters("Grundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO).") == ["a"]


def test_a_tables_legal_basis_cell_names_the_contract() -> None:
    text = (
        "| Data | Purpose | Legal basis |\n|---|---|---|\n"
        "| Email address | Account | Contract |\n"
        "| Invoices | Billing | Contract / Legal obligation (tax) |\n"
    )
    assert _letters(text) == ["b", "c"]
    assert (
        _letters("| Data | Legal basis |\n|---|---|\n| Logs | Contractors are not covered |\n")
        == []
    )


def test_a_basis_in_brackets_after_a_purpose_is_stated() -> None:
    text = (
        "We read mailbox content to provide the add-in (performance of contract, and our "
        "legitimate interest in running it); billing data to invoice you (contract and legal "
        "obligation).\n"
    )
    assert _letters(text) == ["b", "c", "f"]
    assert _letters("Purposes:\n- Service provision (contract)\n") == ["b"]
    assert _letters("Abrechnung (Vertrag und rechtliche Verpflichtung)\n") == ["b", "c"]
    assert _letters("| Providing the Service | Performance of contract |\n") == ["b"]
    # a contract in brackets that is no basis
    assert _letters("Read the terms of your contract (the contract you signed).\n") == []


def test_public_interest_and_duties_named_as_a_rights_limits_are_no_bases() -> None:
    objection = (
        "Sie haben das Recht, jederzeit gegen die Verarbeitung Ihrer Daten, die auf Grundlage "
        "von Art. 6 Abs. 1 lit. e oder f DSGVO erfolgt, Widerspruch einzulegen."
    )
    assert "e" not in _letters(objection)
    erasure = (
        "You may obtain the erasure of your data unless the processing is necessary to exercise "
        "the right to freedom of expression, to fulfil a legal obligation or for reasons of "
        "public interest."
    )
    assert _letters(erasure) == []
    # a basis the vendor states keeps its letter
    assert _letters(
        "Die Verarbeitung erfolgt im öffentlichen Interesse (Art. 6 Abs. 1 lit. e)."
    ) == ["e"]


def test_consent_by_use_is_the_consent_the_policy_names() -> None:
    # the vendor names consent as its ground, however weak a DPO may find it: the corpus's
    # labellers read it so in 53 of 63 English texts that say it
    for sentence in (
        "By providing your information to Acme, you consent to its use by our providers.",
        "By using this web site, you consent to the data practices in this statement.",
        "Your consent to this Privacy Policy represents your agreement to that processing.",
        "By using the API, you are deemed to understand and consent to the processing.",
        "Durch die Nutzung erklären Sie Ihre Zustimmung zur Verarbeitung Ihrer Daten.",
    ):
        assert _letters(sentence) == ["a"], sentence


def test_a_permission_grant_or_a_future_consent_is_no_basis() -> None:
    for sentence in (
        "By using our Services, you consent to international data transfers.",
        "The bot uses Resource-Specific Consent permissions to read channel messages.",
        "If we use your data for purposes that require your consent, we will ask first.",
        "Therefore, user consent is not required to store these cookies.",
    ):
        assert "a" not in _letters(sentence), sentence
    assert _letters("We send the newsletter only with your consent to process your e-mail.") == [
        "a"
    ]


def test_a_consent_entry_and_sharing_with_consent_are_the_consent_basis() -> None:
    text = "- **Consent** — where you have given it (which you may withdraw at any time); and\n"
    assert _letters(text) == ["a"]
    text = "**With your consent**: We may share your information with others when you agree to it."
    assert _letters(text) == ["a"]
    # a right to withdraw under a condition stays a right, no basis
    assert _letters("If processing is based on consent, you may withdraw it at any time.") == []


def test_a_contract_described_in_other_words() -> None:
    assert _letters("We process this information to fulfill contracts we have with you.") == ["b"]
    assert _letters("| **Fulfillment of a contract** when we provide services to you |") == ["b"]
    assert _letters("We use the data because we have to perform our agreement with you.") == ["b"]
    text = "We process your data to enter into or fulfill our contractual obligations to you."
    assert _letters(text) == ["b"]
    # a processor's duties in a DPA are no basis of the vendor's
    assert _letters("The DPA includes contractual obligations prohibiting re-identification.") == []


def test_an_obligation_as_a_purpose_is_basis_c_and_a_public_interest_needs_the_framing() -> None:
    # a whole US-style policy: "to comply with legal obligations" describes basis (c) in words,
    # as the labellers of the corpus read it (78 of 124 such policies, 2026-12); "in the public
    # interest" there says why data may be disclosed, not a public task (e) the vendor performs
    sections = [
        "## Information We Collect\n\nWe collect your name, email address and company name "
        "when you create an account, and the messages you send to our support team.\n",
        "## How We Use Information\n\nWe use your information to:\n- Provide the Service\n"
        "- Respond to support requests\n- Comply with legal obligations\n",
        "## Disclosure\n\nWe may disclose information where we believe this is necessary in "
        "the public interest, for example to protect the safety of any person.\n",
    ]
    filler = (
        "## Changes\n\nWe may update this policy from time to time. When we do, we will post "
        "the new version on this page and change the date at the top of the page.\n"
    )
    policy = "\n".join(sections) + "\n" + filler * 24
    assert len(policy) > 4_000
    assert _letters(policy) == ["c"]
    # the same policy once it speaks of legal bases: the public interest is basis (e) too
    framed = policy.replace(
        "## How We Use Information", "## Legal Bases and How We Use Information"
    )
    assert _letters(framed) == ["c", "e"]
    # a cited article is a basis wherever it stands
    cited = policy + "\nSome records are kept under Art. 6(1)(e) GDPR.\n"
    assert "e" in _letters(cited)


def test_a_consent_label_needs_no_word_of_data() -> None:
    assert _letters("- Consent: for optional features like speech recognition") == ["a"]
    assert _letters("Consent (optional reminders)") == ["a"]
    assert _letters("Lawful basis: consent") == ["a"]
    assert _letters("- Consent: by using the app, you consent to this policy.") == ["a"]
    assert "a" not in _letters("Consent to these terms is given by signing up.")


def test_an_occasion_of_consent_is_consent_whatever_it_is_for() -> None:
    # a list of uses or disclosures that ends in one the reader agrees to
    assert _letters("(m) for any other purpose with your consent.") == ["a"]
    assert _letters("We may also disclose your information with your permission.") == ["a"]
    # consent withheld is none
    assert _letters("We will not share your data without your consent.") == []


def test_permission_given_or_asked_for_is_consent_a_parents_permission_to_use_is_not() -> None:
    said = legal_bases_in("When you give us permission, we may also collect your contacts.")
    assert [h.letter for h in said] == ["a"]
    said = legal_bases_in("We request your permission before we access your calendar data.")
    assert [h.letter for h in said] == ["a"]
    # a parent's permission to use the service, the app's permissions: no ground of processing
    assert legal_bases_in("Users under 18 must have permission from a parent to use it.") == []
    assert legal_bases_in("You can adjust permissions about who may message you.") == []
