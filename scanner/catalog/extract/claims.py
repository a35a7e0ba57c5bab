"""Legal bases (cited "Art. 6 Abs. 1 lit. f DSGVO" or in words "berechtigtes Interesse",
"performance of a contract") and security claims (encryption, hashing, ISO 27001 / SOC 2,
key handling, access restriction) — never a sentence that only names a certificate authority."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

ClaimKind = Literal[
    "reversible-password-encryption", "encryption-at-rest", "transport-encryption", "other"
]
_ART6 = re.compile(
    r"Art(?:\.|ikel|icle)?\s*6\s*(?:Abs(?:atz|\.)?\s*|para(?:graph|\.)?\s*)?\(?\s*1\s*\)?\s*"
    r"(?:S(?:atz|\.)\s*1\s*)?",
    re.IGNORECASE,
)
_LETTERS = re.compile(
    r"(?:(?:lit(?:era|\.)?|Buchst(?:abe|\.)|point|letter|sub)?\s*\(?([a-f])\)?(?![\w-])"
    r"(?:\s*(?:,|und|and|or|oder|bzw\.|sowie|&)\s*)?)+",
    re.IGNORECASE,
)
_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (letter, re.compile(rx, re.IGNORECASE))
    for letter, rx in (
        ("a", r"(?:Einwilligung|Zustimmung|\bconsent\b)(?!\s+to\s+be\s+bound)(?=.*(?:daten|data|verarbeit"
              r"|process|cookie|track|aufzeichn|record|speicher|stor|access|zugriff))"),
        ("b", r"Vertragserfüllung|Erfüllung (?:eines|des|unseres|von) (?:\w+ )?(?:Vertrag|Arbeitsvertrag)"
              r"|vertraglichen? Pflichten|arbeitsvertraglichen|vorvertraglich|performance of (?:a|the|our)"
              r" contract|necessary (?:for|to perform) (?:the|a|our) contract|contractual necessity"),
        ("c", r"rechtlichen? Verpflichtung|gesetzlichen? (?:Verpflichtung|Pflicht)|legal obligation"
              r"|comply with (?:a |our )?legal"),
        ("d", r"lebenswichtigen? Interess|vital interest"),
        ("e", r"öffentlichen Interesse|public interest"),
        ("f", r"berechtigte[nms]? Interesse|legitimate interest"),
    )
)  # fmt: skip


class LegalBasisHit(msgspec.Struct, frozen=True):
    letter: str
    source: str
    confidence: float


class SecurityHit(msgspec.Struct, frozen=True):
    claim: str
    kind: ClaimKind
    source: str
    confidence: float


def legal_bases_in(sentence: str) -> list[LegalBasisHit]:
    """Art. 6(1) letters ``sentence`` cites or describes in words."""
    hits: dict[str, float] = {}
    for m in _ART6.finditer(sentence):
        tail = _LETTERS.match(sentence, m.end())
        if tail:
            for letter in re.findall(r"(?<![\w-])\(?([a-f])\)?(?![\w-])", tail.group(0), re.I):
                hits[letter.lower()] = 0.95
    for letter, rx in _WORDS:
        if letter not in hits and rx.search(sentence):
            hits[letter] = 0.75
    return [LegalBasisHit(k, sentence, v) for k, v in sorted(hits.items())]


def basis_label(letter: str) -> str:
    return f"Art. 6 Abs. 1 lit. {letter} DSGVO"


_CA_ONLY = re.compile(
    r"Let.?s Encrypt|DigiCert|Sectigo|GlobalSign|Comodo|GeoTrust|Thawte|Entrust|IdenTrust"
    r"|certificate authorit\w*|Zertifizierungsstelle\w*|(?:SSL|TLS)[- ]?(?:Zertifikat|certificate)s?"
    r"|issued by|ausgestellt von",
    re.IGNORECASE,
)
_TRANSPORT = re.compile(
    r"\bTLS\b|\bSSL\b|HTTPS|in transit|während der Übertragung|Transportverschlüsselung"
    r"|transport encryption|verschlüsselte[nr]? (?:Verbindung|Übertragung)",
    re.IGNORECASE,
)
_AT_REST = re.compile(
    r"at rest|im Ruhezustand|\bAES\b|AES-?\d+|gespeichert.{0,40}verschlüsselt|verschlüsselt.{0,40}"
    r"gespeichert|speicher\w*.{0,30}verschlüsselt|stored encrypted|encrypted (?:database|storage|disk)"
    r"|Festplattenverschlüsselung|disk encryption|encrypts? and stores",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"verschlüssel|encr[iy]p?t|\bhash|gehasht|bcrypt|argon2|scrypt|pseudonymi|ISO/?\s?IEC\s?27001"
    r"|ISO\s?27001|SOC\s?[12]\b|BSI C5|TISAX|Penetrationstest|penetration test|Zwei-Faktor"
    r"|two-factor|\bMFA\b|\b2FA\b|access (?:is )?restricted|restricted access|Zugriff.{0,30}"
    r"(?:beschränkt|eingeschränkt|begrenzt)|Zugriffskontroll|access control|least privilege"
    r"|Schlüssel(?!wort)|key management|keys? (?:are|is) (?:stored|managed|rotated)|Key Vault|\bHSM\b",
    re.IGNORECASE,
)


_PREFILTER = re.compile(
    r"verschl|encr|hash|bcrypt|argon|scrypt|pseudonym|ISO|SOC|BSI|TISAX|penetr|faktor|factor|MFA"
    r"|2FA|restrict|beschränkt|eingeschränkt|begrenzt|Zugriffskontroll|access control|privilege"
    r"|Schlüssel|key|Vault|HSM|TLS|SSL|HTTPS|transit|Übertragung|at rest|Ruhezustand|AES|Festplatt"
    r"|disk",
    re.IGNORECASE,
)


def security_in(sentence: str) -> SecurityHit | None:
    """The security measure ``sentence`` claims, or None (a CA name alone is no claim)."""
    if not _PREFILTER.search(sentence):  # one cheap pass before the detailed patterns
        return None
    probe = _CA_ONLY.sub(" ", re.sub(r"https?://\S+|`[^`]*`", " ", sentence))
    transport, at_rest, other = (bool(rx.search(probe)) for rx in (_TRANSPORT, _AT_REST, _OTHER))
    if not (transport or at_rest or other):
        return None
    if re.search(r"passw|kennwort", probe, re.I) and re.search(r"verschlüssel|encr", probe, re.I) \
            and not re.search(r"hash|gehasht|bcrypt|argon|scrypt", probe, re.I):  # fmt: skip
        kind: ClaimKind = "reversible-password-encryption"
    elif at_rest:
        kind = "encryption-at-rest"
    elif transport:
        kind = "transport-encryption"
    else:
        kind = "other"
    conf = 0.85 if (transport or at_rest) else 0.7
    return SecurityHit(sentence[:200], kind, sentence, conf)
