"""The hostile-text sanitisers: each output medium loses exactly its hazards, nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from m365inv import textsafe


def test_terminal_escapes_ansi_and_bidi() -> None:
    assert textsafe.for_terminal("a\x1b[31mred\u202eevil\x07") == "a\\x1b[31mred\\u202eevil\\x07"
    assert textsafe.for_terminal("line\nbreak\ttab") == "line\\x0abreak\\x09tab"
    assert textsafe.for_terminal("Grüße — 日本") == "Grüße — 日本"


def test_markdown_is_inert() -> None:
    out = textsafe.for_markdown("[click](javascript:alert(1)) | *x* <b>")
    assert "](" not in out.replace("\\](", "")
    assert out.startswith("\\[click\\]\\(")
    assert "\\|" in out and "\\<b\\>" in out


def test_xml_replaces_illegal_code_points() -> None:
    assert textsafe.for_xml("a\x0bb\x00c\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert textsafe.for_xml("\ud800x") == "\ufffdx"


def test_cell_neutralises_formulas_after_whitespace() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", " =1", "\n=HYPERLINK()", "\r+1"):
        assert textsafe.for_cell(text).startswith("'"), text
    assert textsafe.for_cell("plain") == "plain"
    assert textsafe.for_cell(" plain") == " plain"


@given(st.text())
def test_terminal_output_has_no_controls(text: str) -> None:
    out = textsafe.for_terminal(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
    assert not (set(out) & textsafe.BIDI_CONTROLS)


@given(st.text())
def test_xml_output_is_xml_chars(text: str) -> None:
    out = textsafe.for_xml(text)
    assert all(
        c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) >= 0x10000
        for c in out
    )
