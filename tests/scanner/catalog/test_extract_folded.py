"""The fast case-insensitive patterns answer exactly as ``re.IGNORECASE`` does, with groups as
the text writes them. Strings written for these tests."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from m365inv.catalog.extract.folded import Folded, folded, needles

PATTERNS = (
    r"\b(?:Daten|data)\b\s+(?P<List>\S+)",  # an escape that must not be lower-cased (\S)
    r"Übermitt\w+|ÄNDERUNG",
    r"(?<=\w\w)\s+(?:needed|Benötigt)\b.*$",
    r"[A-Z]{2,}\d",
    r"(?-i:USA)|Vereinigte Staaten",  # a case-sensitive part: matched as written
    r"\b(?:KMS|Key Management Service)\b",  # needles: "kms", "key management service"
    r"(?<!\bno )\bdata (?:is|are) (?:stored|kept)",  # a look-behind: no needle from it
    r"^(?:Contract|Vertrag)\s*[:–]"
    r"|\bperform(?:ing|ance of)?\s+(?:our|the) (?:agreement|contract)s?",
    # many alternatives, no groups: searched one by one where their needles are; the first
    # alternative that matches at the leftmost start wins ("ab" before "abc")
    r"encrypt\w*|\bhash(?!tag)|ISO\s?27001|ISO 270\d\d|SOC[\s-]?2\b|key management"
    r"|access\b.{0,20}\b(?:is|are) restricted|keys? (?:are|is) rotated|Schlüssel.{0,10}rotiert"
    r"|rotat|(?<!no )restricted access",
)
TEXTS = (
    "Wir speichern DATEN Ihrer Nutzer",
    "data ABC and more",
    "ÜBERMITTLUNG der Änderung",
    "Die Felder werden BENÖTIGT für die Anmeldung",
    "Version AB1 and ab2",
    "Server in den USA und usa",
    "usa, then USA",  # the fast pattern's first find is no match as written: searched on
    "İstanbul: Daten İX",  # lower-cases to a longer string: falls back to re.IGNORECASE
    "We use a KMS; the Key Management Service rotates keys, kmsx does not",
    "No data is stored. Usage data are kept, no data are kept",
    "Contract: performance of the contract. Vertrag – performing our agreements",
    "Access to data is restricted; keys are rotated, Schlüssel werden rotiert (ISO 27018)",
    "A #hashtag, then hash values; SOC-2 and ISO27001; no restricted access, restricted access",
    "",
)


def test_folded_patterns_answer_as_ignorecase_does() -> None:
    for pattern in PATTERNS:
        fast, slow = folded(pattern), re.compile(pattern, re.IGNORECASE)
        for text in TEXTS:
            got, want = fast.search(text), slow.search(text)
            assert (got and got.group(0)) == (want and want.group(0)), (pattern, text)
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)
            ]
            assert fast.sub("#", text) == slow.sub("#", text)
            assert fast.split(text) == slow.split(text)
            assert fast.findall(text) == slow.findall(text)
            assert (fast.match(text) is None) == (slow.match(text) is None)


def test_groups_keep_the_capitals_of_the_text() -> None:
    found = folded(r"\bdaten\s+(?P<list>\S+)").search("Wir speichern DATEN Ihrer Nutzer")
    assert found is not None and found.group("list") == "Ihrer"
    assert isinstance(folded("x"), Folded) and folded("x").pattern == "x"


def test_a_case_sensitive_part_keeps_the_fast_filter() -> None:
    """Only the flag is dropped for the filter; the case-sensitive part still decides."""
    fast = folded(r"(?-i:Audit-Logs?)\b|audit logging")
    assert fast.lc is not None
    assert fast.search("die audit-logs") is None
    found = fast.search("audit-logs und Audit-Logs")
    assert found is not None and found.group(0) == "Audit-Logs"
    assert folded(r"(?x) a b").lc is None  # verbose mode changes more than case


def test_needles_are_strings_every_match_contains() -> None:
    """A sentence without any of a pattern's needles is answered without running it, so the
    needles must be in every match — and they are only kept where they are worth testing."""
    assert needles(r"\b(?:kms|key management service)\b") == ("key management service", "kms")
    # zero-width parts join the literals around them; an optional part gives no needle, and
    # of the strings left the longest is kept
    assert needles(r"(?<!\bno )\bdata (?:is|are)? stored") == (" stored",)
    assert needles(r"vertrag\w*|contract(?:ual)?|agreement") == ("agreement", "contract", "vertrag")
    assert needles(r"contract|contract performance") == ("contract",)  # the longer adds nothing
    assert needles(r"[a-z]+ data") == (" data",)
    assert needles(r"\w+") is None  # no literal at all
    assert needles(r"no|not") is None  # too short to be worth testing
    assert needles(r"(?:x)?|abc") is None  # a branch that may match nothing
    # a part marked case-insensitive gives no string as written, nor does a whole such pattern
    assert needles(r"werden wir (?i:Daten) gespeichert") == (" gespeichert",)
    assert needles(r"Vertrag|(?i:contract)") is None
    assert needles(r"(?i)contract") is None
    for pattern in PATTERNS:
        fast = folded(pattern)
        for text in TEXTS:
            found = fast.search(text)
            if found is not None and fast.needles is not None:
                assert any(n in found.group(0).lower() for n in fast.needles), (pattern, text)


def test_a_sentence_without_needles_is_no_match() -> None:
    fast = folded(r"\b(?:erfüllung|performance) (?:des|of the) (?:vertrags|contract)\b")
    assert fast.needles is not None
    assert fast.search("We process data to provide the service.") is None
    assert fast.findall("Erfüllung des Vertrags und performance of the contract") == [
        "Erfüllung des Vertrags",
        "performance of the contract",
    ]


# pieces of the patterns above, so that random texts come near their matches
_PIECES = ("kms", "KMS", "Key ", "Management ", "Service", "no ", "data ", "is ", "are ",
           "stored", "Contract", "Vertrag", ":", " – ", "perform", "ance of ", "our ",
           "agreement", "s", "\n", " ", "İ", "ẞ", "Ü", "x", "Access ", "restricted", "ISO ",
           "27001", "SOC", "-2", "hash", "tag", "keys ", "rotat", "ed", "Encrypt")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_random_texts_answer_as_ignorecase_does(text: str) -> None:
    for pattern in PATTERNS:
        fast, slow = folded(pattern), re.compile(pattern, re.IGNORECASE)
        got, want = fast.search(text), slow.search(text)
        assert (got and got.span()) == (want and want.span()), (pattern, text)
        assert fast.findall(text) == slow.findall(text), (pattern, text)


def test_alternatives_are_searched_alone_where_their_needles_are() -> None:
    fast = folded(PATTERNS[-1])
    assert fast.needles is not None and len(fast._parts) == 11
    # the leftmost start wins, and at one start the first alternative: "rotat" is searched
    # alone and found at 10, "keys? … rotated" at 6 ("keys are rotated" comes first)
    found = fast.search("old keys are rotated")
    assert found is not None and found.group(0) == "keys are rotated"
    found = fast.search("Rotation: the keys are rotated")
    assert found is not None and found.group(0) == "Rotat"
    assert fast.search("nothing to see here") is None


def test_threads_searching_at_once_get_their_own_texts_answers() -> None:
    """The lower-cased text is kept for the next pattern; a thread must never get another's."""
    from concurrent.futures import ThreadPoolExecutor

    fast = folded(r"\b(?:KMS|Key Management Service)\b")
    texts = [f"Text {k}: " + ("KMS keys" if k % 2 else "nothing here") for k in range(2_000)]

    def answers(chunk: list[str]) -> list[bool]:
        return [fast.search(t) is not None for t in chunk]

    with ThreadPoolExecutor(4) as pool:
        got = [a for part in pool.map(answers, [texts[k::4] for k in range(4)]) for a in part]
    want = [re.search(r"\bKMS\b", t) is not None for k in range(4) for t in texts[k::4]]
    assert got == want
