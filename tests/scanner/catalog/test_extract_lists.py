"""Enumerations that go on past words the lexicons do not know, titled paragraphs whose title
carries a note, and list entries of two plain noun phrases. Sentences written for these tests."""

from __future__ import annotations

from m365inv.catalog.extract import extract


def _items(text: str) -> list[str]:
    return [i.item for i in extract(text).items]


HEAD = "Information we collect\n"


def test_entry_of_two_noun_phrases_gives_both() -> None:
    text = "| File | Contents |\n|---|---|\n| `state.db` | Login tokens and pinned threads |\n"
    assert _items(text) == ["Login tokens", "pinned threads"]
    # a purpose after the second phrase is not part of it
    assert _items(HEAD + "- Ratings and remarks for model tuning\n") == ["Ratings", "remarks"]


def test_entry_with_a_clause_keeps_only_its_noun_phrase() -> None:
    assert _items(HEAD + "- Passwords and how we protect them\n") == ["Passwords"]


def test_long_enumeration_that_opens_with_data_goes_on_past_unknown_nouns() -> None:
    text = (
        "When a candidate applies, the recruiting bot may capture full name, phone number, "
        "languages spoken, hobbies, driving licence classes and salary expectations."
    )
    assert _items(text) == [
        "full name",
        "phone number",
        "languages spoken",
        "hobbies",
        "driving licence classes",
        "salary expectations",
    ]


def test_enumeration_of_mostly_unknown_words_stops_at_the_first() -> None:
    # only the first piece names data: the rest is not read as entries
    text = "We collect your email address, ideas, plans, hopes and dreams."
    assert _items(text) == ["email address"]


def test_a_product_that_may_collect_is_a_subject_like_we() -> None:
    text = "Depending on the plan, PlanBot may collect your job title and office location."
    assert _items(text) == ["job title", "office location"]
    # the user doing the collecting discloses nothing about the vendor
    assert _items("Users may record meetings with the built-in recorder.") == []


def test_title_with_a_note_before_the_dot_over_an_enumeration() -> None:
    text = (
        HEAD + "Support data (controller). Display name, work email, and the ticket numbers of "
        "the people who contact the help desk, together with the attachments they upload.\n"
    )
    assert _items(text) == ["Display name", "work email", "ticket numbers", "attachments"]


def test_title_with_a_note_over_prose_that_lists_nothing_is_the_item() -> None:
    text = HEAD + "Usage statistics (processor). We keep these for the product team only.\n"
    assert _items(text) == ["Usage statistics"]
