"""Group names that reveal special categories of personal data (Art. 9 GDPR), German + English.

A group called "Betriebsrat" or "SBV Schwerbehindertenvertretung" turns a harmless membership list
into data about trade-union activity or disability. The lexicon is deliberately small and literal;
a hit is a prompt for the DPO to look, not a verdict.
"""

from __future__ import annotations

import re

LEXICON: tuple[tuple[str, str], ...] = (
    ("works council / employee representation",
     r"betriebsrat|personalrat|gesamtbetriebsrat|mitarbeitervertretung|\bmav\b|works[\s-]?council"
     r"|staff council|jugend- und auszubildendenvertretung|\bjav\b"),
    ("trade union", r"gewerkschaft|\bver\.?\s?di\b|ig[\s-]?metall|\bdgb\b|\bgew\b|trade[\s-]?union"
     r"|labou?r[\s-]?union|union members"),
    ("disability", r"schwerbehindert|\bsbv\b|behinderung|inklusion|disabilit|disabled"),
    ("health", r"\bbem\b|eingliederungsmanagement|gesundheit|krankheit|krank|betriebsarzt"
     r"|arbeitsmedizin|\bhealth\b|medical|sick|illness|rehabilitation|\breha\b"),
    ("religion", r"religion|kirche|church|muslim|christ|jewish|jüdisch|gebet|prayer"),
    ("sexual orientation", r"\blgbt|queer|regenbogen|rainbow|pride"),
    ("political opinion", r"\bpartei\b|political|politisch"),
)  # fmt: skip

_COMPILED = tuple((label, re.compile(rx, re.IGNORECASE)) for label, rx in LEXICON)


def art9_labels(name: str) -> tuple[str, ...]:
    """Which sensitive themes a group name signals (empty when none)."""
    return tuple(label for label, rx in _COMPILED if rx.search(name))
