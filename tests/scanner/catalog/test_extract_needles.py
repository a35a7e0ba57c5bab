"""Many strings looked for at once answer as one substring test per string would. Strings
written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from m365inv.catalog.extract.needles import Needles
from m365inv.catalog.extract.segment import mentions_any

MANY = ("encr", "verschl", "iso 27001", "soc 2", "key vault", "hash", "tls", "at rest", "mfa",
        "zugriff", "rotat", "übertragung")  # fmt: skip
FEW = ("vertrag", "contract", "agreement")


def test_many_strings_go_through_the_automaton_few_through_substring_tests() -> None:
    assert Needles(MANY)._automaton is not None
    assert Needles(FEW)._automaton is None


def test_which_strings_a_text_holds() -> None:
    for strings in (MANY, FEW):
        needles = Needles(strings)
        assert not needles.any_in("we process your name and e-mail address")
        assert needles.found_in("") == set()
    many = Needles(MANY)
    text = "daten werden verschlüsselt (at rest, tls 1.3); schlüssel im key vault, rotation"
    assert many.any_in(text)
    assert many.found_in(text) == {"verschl", "at rest", "tls", "key vault", "rotat"}
    # overlapping strings are each found: "hash" inside "hashes", "encr" inside "encrypted"
    assert many.found_in("encrypted hashes") == {"encr", "hash"}


def test_empty_and_repeated_strings_are_dropped() -> None:
    assert Needles(["a", "", "a", "b"]).strings == ("a", "b")
    assert not Needles([]).any_in("anything")


def test_mentions_any_folds_the_text_first() -> None:
    assert mentions_any("Wir nutzen TLS und AES", Needles(MANY))
    assert mentions_any("ÜBERTRAGUNG", Needles(MANY))
    assert not mentions_any("Wir speichern Namen", Needles(MANY))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*MANY, *FEW, " ", "x", "ü", "enc", "ro"]), max_size=12).map("".join)
)
def test_random_texts_answer_as_substring_tests_do(text: str) -> None:
    for strings in (MANY, FEW):
        needles = Needles(strings)
        want = {s for s in strings if s in text}
        assert needles.found_in(text) == want
        assert needles.any_in(text) == bool(want)
