"""Hostile text made safe for each place it is shown — one module, so no renderer drifts.

Every display name, description, URL and policy sentence comes from a tenant, a vendor's web page
or a file someone edited: any Unicode string Graph (or YAML) can carry. Each output medium has its
own hazards, and each function here removes exactly those:

* a **terminal** (diff lines, progress, one-line errors) executes ESC/CSI/OSC sequences and
  reorders text on bidi overrides (CVE-2021-42574, "Trojan Source"): C0/C1 controls, DEL and the
  bidi embedding/override/isolate characters become visible ``\\xNN`` / ``\\u202e`` escapes;
* **Markdown** (tickets, chat) renders links, images, emphasis and HTML from plain names: the
  control and bidi characters are escaped as for the terminal and Markdown's syntax characters get
  a backslash, line breaks a space, so one name stays one table cell on one line;
* **XML-based formats** (XLSX) cannot hold most C0 controls at all (XML 1.0 ``Char``), and an
  unpaired surrogate is not UTF-8: those code points become U+FFFD;
* **spreadsheet cells** (CSV, XLSX) run formulas starting with ``= + - @`` (or tab / CR, which
  some apps strip first) — also after leading whitespace, which Excel and LibreOffice skip
  (OWASP "CSV Injection"): such a cell gets a leading apostrophe.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Arabic letter mark, LRM/RLM, the embeddings/overrides (LRE…RLO) and the isolates (LRI…PDI)."""

# C0 controls except none (tab and newline are also escaped: one value, one line), DEL, C1
# controls, the bidi characters above, line/paragraph separators and unpaired surrogates.
_UNSAFE_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "\ud800-\udfff]"
)
# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~^&$])")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_LEADING_SPACE = " \t\r\n\x0b\x0c\u00a0\u3000"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control, bidi and line-separating character shown as an escape."""
    return _UNSAFE_TERMINAL.sub(_escape, text)


def for_markdown(text: str) -> str:
    """``text`` as inert Markdown on one line: escaped syntax, no controls, no bidi tricks."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", for_terminal(text))


def for_xml(text: str) -> str:
    """``text`` with every code point XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def for_cell(text: str) -> str:
    """``text`` as a spreadsheet cell that never runs as a formula (also after leading blanks)."""
    if text.startswith(FORMULA_PREFIXES) or text.lstrip(_LEADING_SPACE).startswith(
        FORMULA_PREFIXES[:4]
    ):
        return "'" + text
    return text
