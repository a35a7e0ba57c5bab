"""Rule-based extraction of disclosures from privacy-policy text (German and English).

``extract(text)`` runs every rule once over the text and returns an :class:`Extraction`; each
found thing keeps the sentence it came from and a confidence, so a reviewer can check it.
Lexicons and sentence patterns only — no model, nothing downloaded at run time.
"""

from __future__ import annotations

import re

import msgspec

from m365inv.catalog.extract.claims import (
    LegalBasisHit,
    SecurityHit,
    legal_bases_in,
    security_claims,
)
from m365inv.catalog.extract.items import FoundItem, find_items
from m365inv.catalog.extract.parties import (
    SubprocessorHit,
    TransferHit,
    VendorCountry,
    own_entity,
    policy_date,
    subprocessors_in,
    transfers_in,
    vendor_country,
)
from m365inv.catalog.extract.periods import RetentionRule, retention_in
from m365inv.catalog.extract.recipients import section_of
from m365inv.catalog.extract.segment import Line, lines, sentences

__all__ = ["Extraction", "detect_language", "extract", "policy_score"]

_DE = re.compile(r"\b(?:und|der|die|das|wir|Ihre|nicht|werden|mit|für|von|zu|ist|auf)\b")
_EN = re.compile(r"\b(?:and|the|we|your|not|with|for|of|to|is|on|are|this)\b")
_POLICY_WORDS = re.compile(
    r"datenschutz|personenbezogen|DSGVO|DS-GVO|privacy|personal (?:data|information)|GDPR"
    r"|data protection|cookies?|verarbeitung|processing|Betroffenen|data subject",
    re.IGNORECASE,
)


class Extraction(msgspec.Struct, frozen=True):
    """Everything the rules found in one policy."""

    language: str
    policy_score: int  # privacy-policy vocabulary per 1,000 words; < 3: probably not a policy
    items: tuple[FoundItem, ...]
    retention: tuple[RetentionRule, ...]
    legal_bases: tuple[LegalBasisHit, ...]
    subprocessors: tuple[SubprocessorHit, ...]
    transfers: tuple[TransferHit, ...]
    security: tuple[SecurityHit, ...]
    country: VendorCountry | None
    date: tuple[str, str] | None


def detect_language(text: str) -> str:
    """``de`` or ``en`` by stop-word counts (the two languages the lexicons cover)."""
    return "de" if len(_DE.findall(text)) >= len(_EN.findall(text)) else "en"


def policy_score(text: str) -> int:
    words = max(1, len(text.split()))
    return round(1000 * len(_POLICY_WORDS.findall(text)) / words)


_MECHANISM = re.compile(
    r"\bAES[- ]?\d*|\bTLS\s?[\d.]*|\bSSL\b|\bHTTPS\b|DPAPI|SQLCipher|bcrypt|argon2\w*|scrypt"
    r"|\bSHA[- ]?\d+|PBKDF2|ISO(?:/IEC)?\s?27\d{3}|SOC\s?[12]|BSI C5|TISAX|Key Vault|\bKMS\b"
    r"|\bHSM\b"
    r"|\bMFA\b|\b2FA\b|Zwei-Faktor|two-factor|Credential Manager|Keychain|pseudonymi\w*"
    r"|penetration test|Penetrationstest",
    re.IGNORECASE,
)
# not a claim: a negation of the measure, an instruction or recommendation to the reader
_NOT_CLAIMED = re.compile(
    r"\b(?:nicht|not|no|kein\w*)\s+(?:\w+\s+){0,2}?(?:verschlüssel|encrypt)|unencrypted"
    r"|unverschlüsselt|may or may not|→|^(?:enable|disable|use|turn on|turn off|activate"
    r"|aktivieren Sie|verwenden Sie|nutzen Sie|recommendation|empfehlung|tip|tipp)\b",
    re.IGNORECASE,
)


def _mechanisms(claim: SecurityHit) -> frozenset[str]:
    """The named measures, version-free: "TLS 1.2" and "TLS" are one measure, "AES-256" and
    "AES" too (certifications and hash functions keep their numbers)."""
    out = set()
    for m in _MECHANISM.finditer(claim.source):
        key = re.sub(r"[\s/-]", "", m.group(0)).casefold()
        out.add(re.sub(r"[\d.]+$", "", key) if key.startswith(("tls", "ssl", "aes")) else key)
    return frozenset(out)


def one_claim_per_passage(claims: list[SecurityHit], all_lines: list[Line]) -> list[SecurityHit]:
    """The distinct security measures a policy claims, each once.

    A heading ("Data Encryption", "SSL- bzw. TLS-Verschlüsselung") names a topic and claims
    nothing; a negation ("nicht verschlüsselt") or an instruction to the reader ("Enable
    encryption: Settings → …") claims nothing either. A measure that is named again (AES-256 in
    three sentences) is one claim — the first; of the claims that name no mechanism, one per
    kind and section stays.
    """
    para: dict[str, int] = {}
    section: list[int] = []  # index of the heading each line stands under
    for n, line in enumerate(all_lines):
        section.append(n if line.kind == "heading" else (section[-1] if section else -1))
        for s in sentences(line.text):
            para.setdefault(s, n)
    out: list[SecurityHit] = []
    seen: set[object] = set()
    for c in claims:
        n = para.get(c.source, -1)
        if 0 <= n < len(all_lines) and all_lines[n].kind == "heading":
            continue
        if _NOT_CLAIMED.search(c.source):
            continue
        named = _mechanisms(c)
        if named:
            if named <= seen:
                continue
            seen.update(named)
        elif c.kind != "other":
            key = (c.kind, section[n] if n >= 0 else n)
            if key in seen:
                continue
            seen.add(key)
        out.append(c)
    return out


def extract(text: str) -> Extraction:
    """Run every rule over ``text`` once."""
    all_lines = lines(text)
    heads = section_of(all_lines)
    triples = [
        (s, line.text, head)
        for line, head in zip(all_lines, heads, strict=True)
        for s in sentences(line.text)
    ]
    pairs = [(s, p) for s, p, _ in triples]
    sents = [s for s, _ in pairs]
    retention: list[RetentionRule] = []
    bases: dict[str, LegalBasisHit] = {}
    security: list[SecurityHit] = []
    for s in sents:
        retention += retention_in(s)
        for hit in legal_bases_in(s):
            if hit.letter not in bases or bases[hit.letter].confidence < hit.confidence:
                bases[hit.letter] = hit
        security += security_claims(s)
    return Extraction(
        language=detect_language(text),
        policy_score=policy_score(text),
        items=tuple(find_items(all_lines)),
        retention=tuple(retention),
        legal_bases=tuple(bases[k] for k in sorted(bases)),
        subprocessors=tuple(
            subprocessors_in(sents, [h for _, _, h in triples], text, own_entity(all_lines))
        ),
        transfers=tuple(transfers_in(sents, [p for _, p in pairs])),
        security=tuple(one_claim_per_passage(security, all_lines)),
        country=vendor_country(all_lines),
        date=policy_date(text),
    )
