"""The fast case-insensitive patterns answer exactly as ``re.IGNORECASE`` does, with groups as
the text writes them. Strings written for these tests."""

from __future__ import annotations

import re

from m365inv.catalog.extract.folded import Folded, folded

PATTERNS = (
    r"\b(?:Daten|data)\b\s+(?P<List>\S+)",  # an escape that must not be lower-cased (\S)
    r"Übermitt\w+|ÄNDERUNG",
    r"(?<=\w\w)\s+(?:needed|Benötigt)\b.*$",
    r"[A-Z]{2,}\d",
    r"(?-i:USA)|Vereinigte Staaten",  # a case-sensitive part: matched as written
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
