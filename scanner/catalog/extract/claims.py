"""Legal bases (cited "Art. 6 Abs. 1 lit. f DSGVO" or in words "berechtigtes Interesse",
"performance of a contract") and security claims (encryption, hashing, ISO 27001 / SOC 2,
key handling, access restriction) — never a sentence that only names a certificate authority."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from m365inv.catalog.extract.folded import Folded, folded
from m365inv.catalog.extract.needles import Needles
from m365inv.catalog.extract.segment import Line, mentions_any, sentences

ClaimKind = Literal[
    "reversible-password-encryption", "encryption-at-rest", "transport-encryption", "other"
]
_ART6 = re.compile(
    r"Art(?:\.|ikel|icle)?\s*6\s*(?:Abs(?:atz|\.)?\s*|para(?:graph|\.)?\s*|\.\s*)?\(?\s*1\s*\)?\s*"
    r"(?:(?:S(?:atz|\.)|sentence|UAbs\.|subpara(?:graph|\.)?)\s*1\s*)?\.?\s*",
    re.IGNORECASE,
)
_LETTERS = re.compile(
    r"(?:(?:lit(?:era|\.)?|Buchst(?:abe|\.)|point|letter|sub)?\s*\(?([a-f])\)?(?![\w-])"
    r"(?:\s*(?:,|und|and|or|oder|bzw\.|sowie|&)\s*)?)+",
    re.IGNORECASE,
)
_WORDS: tuple[tuple[str, Folded], ...] = tuple(
    (letter, folded(rx))
    for letter, rx in (
        ("a", r"(?:Einwilligung|Zustimmung|\bconsent\b|eingewilligt)(?!\s+to\s+be\s+bound)"
              r"(?!s?[- ]?(?:status|management|verwaltung|banner|tool|plattform|platform))"
              # the GDPR template's list: "… may process your Personal Data because: … You have
              # given us permission to do so"
              r"|\byou have given (?:us|[\w*]+(?: [\w*]+){0,3}) permission to do so\b"
              # "for any other purpose with your consent", "disclose your information with your
              # permission": an occasion of consent
              r"|\bwith your (?:explicit |express |prior )?permission\b"
              # permission the vendor holds: "unless we have your permission", "where you have
              # given us your permission", "once we obtain your authorization"
              r"|\b(?:we have|given us|give us|grant us|obtain(?:ed)?|receive[ds]?) your"
              r" (?:prior |express |explicit |affirmative )?(?:permission|authori[sz]ation)\b"
              # "When you give us permission, we may also collect …", "We may ask your
              # permission before collecting …", "based on the permission you have given us"
              r"|\b(?:give|gives|given|grant|granted) us (?:(?:prior|express|explicit) )?permission\b"
              r"|\b(?:ask|asks|asked|request|requests|seek|seeks)(?: for)? your"
              r" (?:prior |express |explicit )?permission\b"
              r"|\bbased on (?:the |your )?(?:permission|authori[sz]ation) you\b"),
        ("b", r"Vertragserfüllung|Erfüllung (?:eines|des|unseres|von) (?:\w+ )?(?:Vertrag|Arbeitsvertrag)"
              r"|vertraglichen? Pflichten|arbeitsvertraglichen|vorvertraglich|performance of (?:a |the |our )?"
              r"contract|necessary (?:for|to perform) (?:the|a|our) contract|contractual necessity"
              r"|vertraglich vereinbarte[nr]? Leistung|Erbring\w* (?:der |unserer )?vertraglich"
              r"|to (?:perform|fulfil+) (?:our|the|a) contract|contractually agreed services?"
              r"|(?:einen|den|unseren) Vertrag (?:mit (?:Ihnen|dir) )?zu erfüllen"
              r"|(?:Begründung|Durchführung|Abwicklung)\b.{0,40}\bVertrags(?:verhältnisses)?\b"
              r"|performance of contracts|contract performance|^(?:Contract|Vertrag)\s*[:–]"
              r"|vertragliche[nr]? Notwendigkeit"
              # "to fulfill contracts we might have with you", "Fulfillment of a contract",
              # "to perform our agreement", "to fulfill … contractual obligations"
              r"|\bfulfil+(?:ing|ment)?\s+(?:of\s+)?(?:a |the |our |any |its )?(?:contracts?|agreements?)\b"
              r"|\bperform(?:ing|ance of)?\s+(?:our|the|a|your|its)\s+(?:agreement|contract)s?\b"
              r"|\b(?:fulfil+|perform|comply with)(?:\s+(?:and|or)\s+(?:fulfil+|comply with))?\s+"
              r"(?:any |our |its |the )?contractual (?:obligations|commitments)\b"
              r"|(?:Erfüllung|Durchführung|Abwicklung)\b.{0,30}\b(?:unseres|Ihres|des) Auftrags\b"
              # a table's "Legal basis" cell: "Legal basis: Contract / Legal obligation (tax)"
              # ("Legal ground (basis): Legitimate interests / contractual obligations")
              r"|\b(?:legal|lawful) (?:bas[ie]s|grounds?)(?:\s*\([\w ]{1,20}\))?:[^;:.]{0,50}?"
              r"\b(?:contract|contractual)\b"
              # "necessary in order to fulfill our commitments to you under the … terms of service"
              r"|\bfulfil+\s+our\s+commitments\s+to\s+you\b"
              # the contract with the reader named as the ground: "based on our contract with
              # you", "to perform our responsibilities under our contract with you", "for the
              # execution of the contract with you", "Execution of an agreement with you", "the
              # performance of an agreement with you", "the fulfilment of such agreement with you"
              r"|\b(?:based on|under|pursuant to)\s+(?:our|the|a|an|your)\s+(?:contract|agreement)"
              r"\s+(?:with|between)\s+you\b"
              r"|\bexecution\s+of\s+(?:the|a|an|our|your)\s+(?:contract|agreement)\b"
              r"|\bperformance\s+of\s+an?\s+agreement\b|\bfulfil+ment\s+of\s+such\s+agreement\b"
              # pre-contractual steps: "taking steps at your request before entering into a
              # contract", "to enter into a contract with you"
              r"|\bsteps\s+at\s+(?:your|the data subject['’]s)\s+request\s+(?:before|prior\s+to)\s+"
              r"entering\s+into\s+a\s+contract|\benter(?:ing)?\s+into\s+a\s+contract\s+with\s+you\b"
              r"|\b(?:meet|fulfil+|perform)\s+(?:our\s+)?contract\s+obligations\b"
              # "To implement the contracts", "to fulfill our legal or contractual obligations",
              # "the conclusion of a contract", "the Terms of Use concluded between the User and"
              r"|\bimplement(?:ation of)? (?:the|a|our|any) (?:contracts?|agreements?)\b"
              r"|\b(?:legal|statutory) (?:or|and|and/or) contractual obligations\b"
              r"|\bconclusion of (?:a |the )?contract\b"
              r"|\bterms of (?:use|service) (?:concluded|entered into) (?:between|with)\b"
              r"|\bRechtsgrundlage\w*:\s*(?:[\w-]+\s+)?Vertrag"
              # a purpose with its basis in brackets: "Service provision (contract)", "(contract
              # and legal obligation)", "(Vertrag)"
              r"|\(\s*(?:contract|Vertrag)\s*(?:(?:and|und|,|/|&)\s*[\w ]{1,30})?\)"
              r"|\([\w ]{1,30}(?:and|und|,|/|&)\s*(?:contract|Vertrag)\s*\)"),
        ("c", r"rechtliche[nr]? Verpflichtung|gesetzliche[nr]? (?:Verpflichtung|Pflicht)|legal obligation"
              r"|gesetzlich (?:\w+ )?verpflichtet|(?:rechtlich|legally) (?:obliged|verpflichtet)"
              r"|comply with (?:a |our |the |applicable )?(?:legal|statutory)|compliance with (?:a )?legal"
              # the GDPR template's "… needs to comply with the law", "To comply with the law"
              # (the whole entry: no "we may disclose your data … to comply with the law")
              r"|^\W*(?:[\w ]{0,30}\bneeds? to |to )?comply with (?:the |applicable )?laws?\W*$"),
        ("d", r"lebenswichtigen? Interess|vital interest"),
        ("e", r"öffentlichen Interesse|public interest"),
        ("f", r"berechtigte[nmsr]? (?:(?:geschäftliche|wirtschaftliche)[nmsr]? )?Interesse"
              r"|legitimate (?:business |commercial )?interest"),
    )
)  # fmt: skip


_NEGATED = folded(r"\b(?:not|no|nicht|keine?[nmrs]?|without|ohne|never)\b")
_CONSENT_CONTEXT = folded(
    r"daten|data|verarbeit|process|cookie|track|aufzeichn|record|speicher|stor|access|zugriff"
    r"|übermitt|transfer|erheb|collect|permission|berechtigung|marketing|newsletter|widerruf"
    r"|withdraw|revoke|opt[- ]in|rechtsgrundlage|(?:legal|lawful) (?:bas[ie]s|grounds?)|erteilt"
    r"|have given|given us"
    # consent to share what is collected: "We may share your information with your consent"
    r"|information|informationen|\bshare|weitergeb|weitergabe"
    # consent to the policy itself: "By using our site, you consent to this privacy policy", "you
    # consent to the practices described in this Privacy Policy" (the corpus's labellers read it
    # as basis (a) in 10 of the 13 English texts that say it)
    r"|\bconsent to (?:this|our|the terms of (?:this|our)|the (?:practices|terms) (?:described"
    r"|set out|outlined) in (?:this|our)) privacy (?:policy|notice|statement)"
)


# consent given for an occasion: "for any other purpose with your consent", "mit Ihrer
# Einwilligung" (the corpus's labellers read it as basis (a) in 210 of the 227 English
# policies that say it)
_WITH_CONSENT = folded(
    r"\bwith your (?:explicit |express |prior )?(?:consent|permission)\b"
    r"|\bmit Ihrer (?:ausdrücklichen |vorherigen )?(?:Einwilligung|Zustimmung)\b"
)


# a list entry labelled with the basis: "- **Consent** — where you have given it", "Einwilligung:"
# ("- Consent (analytics, marketing)": the entry names its scope in brackets)
_CONSENT_LABEL = r"^\W*(?:Consent|Einwilligung)\W*\s*(?:[:–—-]|\()"
# the words of a data subject's rights; _A_RIGHT (below) the same without "widerruflich"
_RIGHT_WORDS = r"widersprech|Widerspruch|withdraw|revoke|object to|right to object"
_RIGHTS = folded(r"widerruf|" + _RIGHT_WORDS)
_CONDITIONAL = folded(
    r"\b(?:wenn|sofern|soweit|falls|if|where|insofar|in case|aufgrund von|based on)\b|applicable"
)
# OAuth's consent (a permission grant) is no legal basis
_NOT_CONSENT = folded(
    r"consent (?:state|flows?|screens?|prompts?|dialogs?|page|experience|logging|logs?|records?"
    r"|information|events?)|admin(?:istrator)? consent"
    # consent to a transfer abroad is a transfer mechanism (Art. 49), no basis of Art. 6
    r"|consent to (?:the |any )?(?:international |cross-border )?(?:data )?transfers?"
    # (consent by use, "By using the App, you consent to the collection …", is the ground the
    # policy names, however weak: the corpus's labellers read it as (a) in 53 of 63 English
    # texts, so it is no longer dropped, 2026-12)
    # an app's permission grant or a consent tool: "Resource-Specific Consent", "user consent
    # to access data", "Cookie Consent"
    r"|resource-specific consent|user consent to access|cookie consent\b"
    # a consent that may be needed some day is none given: "purposes that require your
    # consent …, we will obtain", "may require the consent", "consent is not required"
    r"|\brequires? (?:your |the )?(?:\w+ )?consent|consent (?:is|was) not required"
    r"|\bwe will (?:request|obtain|ask for) your (?:\w+ )?consent"
    r"|(?:Übermittlung|Übertragung)\w* in (?:ein )?Drittl\w+ einwillig"
)
# the data subject's right to restrict processing (Art. 18) names "important public interest"
_RESTRICTED = re.compile(
    r"Verarbeitung (?:\w+ ){0,4}eingeschränkt|Einschränkung der Verarbeitung|restricted the processing"
    r"|restriction of (?:the )?processing",
    re.IGNORECASE,
)
# a data subject's right stated (not "Einwilligung, jederzeit widerruflich", which gives a basis)
_A_RIGHT = folded(r"widerrufen|Widerruf(?:s|es)?\b|" + _RIGHT_WORDS)
_BASIS_SAID = folded(
    r"(?:auf|als) (?:der )?(?:Grundlage|Basis)|Rechtsgrundlage|beruht|based on|on the basis"
    r"|(?:legal|lawful) (?:bas[ie]s|grounds?)"
    r"|\bgemäß\b|pursuant|" + _CONSENT_LABEL
)
_PROCESSOR_DUTY = re.compile(r"Art(?:\.|ikel|icle)?\s*28\b", re.IGNORECASE)


# an obligation named only as the exception to a promise not to share, or as a limit of a right
_EXCEPTION = folded(r"\b(?:au(?:ß|ss)er|ausgenommen|except|unless|ability to)\b")


class LegalBasisHit(msgspec.Struct, frozen=True):
    letter: str
    source: str
    confidence: float


class SecurityHit(msgspec.Struct, frozen=True):
    claim: str
    kind: ClaimKind
    source: str
    confidence: float


# a basis cited to say it is not the one: "nicht auf die Einwilligung (", "not on consent ("
_DENIED_CITE = re.compile(
    r"\b(?:nicht|not|keine?n?|no|never|niemals)\s+(?:(?:auf|on|upon)\s+)?(?:\S+\s+){0,3}?"
    r"(?:Einwilligung\w*|consent|Vertrag\w*|contract|Interesse\w*|interests?)\s*\(?\s*$",
    re.IGNORECASE,
)


# a right's own wording names public interest and legal duties as its limits, no basis the vendor
# relies on: the right to object to processing "auf Grundlage von Art. 6 Abs. 1 lit. e oder f",
# erasure "unless … necessary to exercise the right to freedom of expression …, to fulfil a legal
# obligation … or for reasons of public interest", archiving in the public interest
_EXPRESSION = folded(r"freedom of expression|free expression|Meinungs")
_OBJECTION_OR_ARCHIVING = folded(
    r"widersprech|Widerspruch|\bobject(?:ion)?\b|Archivzwecke|archiving purposes"
)


def legal_bases_in(sentence: str) -> list[LegalBasisHit]:
    """Art. 6(1) letters ``sentence`` cites or describes in words."""
    if (
        _RIGHTS.search(sentence)
        and _CONDITIONAL.search(sentence)
        and not re.match(_CONSENT_LABEL, sentence, re.IGNORECASE)
    ):
        return []  # "If processing is based on consent, you may withdraw it": a right, no basis
        # (not "- Consent — where you have given it (which you may withdraw at any time)")
    rights = (_A_RIGHT.search(sentence) or _RESTRICTED.search(sentence)) and not _BASIS_SAID.search(
        sentence
    )
    hits: dict[str, float] = {}
    for m in _ART6.finditer(sentence):
        tail = _LETTERS.match(sentence, m.end())
        if _DENIED_CITE.search(sentence, max(0, m.start() - 60), m.start()):
            continue  # "stützt sich nicht auf die Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)"
        if tail:
            for letter in re.findall(r"(?<![\w-])\(?([a-f])\)?(?![\w-])", tail.group(0), re.I):
                hits[letter.lower()] = 0.95
    for letter, rx in _WORDS:
        said = rx.search(sentence)
        if (
            letter in hits
            or not said
            or _NEGATED.search(sentence[max(0, said.start() - 40) : said.start()])
        ):
            continue  # "we are not subject to any legal obligation to …" is no basis
        if rights and letter in ("a", "e"):
            continue  # "Sie können erteilte Einwilligungen jederzeit widerrufen": a right
        if letter == "b" and _PROCESSOR_DUTY.search(sentence):
            continue  # "Vertragserfüllung … (Art. 28 DSGVO)": the processor's duty to its client
        if letter == "a" and (
            not (
                _CONSENT_CONTEXT.search(sentence)
                or re.match(_CONSENT_LABEL, sentence, re.I)
                or _WITH_CONSENT.search(sentence)
            )
            or _NOT_CONSENT.search(sentence)
        ):
            continue  # "consent" about something other than data ("consent to these terms")
        if letter == "c" and _EXCEPTION.search(sentence[max(0, said.start() - 60) : said.start()]):
            continue  # "Außer bei gesetzlicher Verpflichtung geben wir … nicht weiter": a limit
        hits[letter] = 0.75
    expression = _EXPRESSION.search(sentence)
    if expression or _OBJECTION_OR_ARCHIVING.search(sentence):
        hits.pop("e", None)
    if expression:
        hits.pop("c", None)
    return [LegalBasisHit(k, sentence, v) for k, v in sorted(hits.items())]


# a text that speaks of the GDPR's legal bases at all: "Rechtsgrundlage", "legal basis", "Art. 6"
_BASES_FRAMED = re.compile(
    r"GDPR|DSGVO|DS-GVO|\bArt(?:icle|ikel|\.)?\s*6\b|legal bas[ie]s|lawful bas[ie]s"
    r"|legal grounds?|lawful grounds?|Rechtsgrundlage|basis for (?:the )?processing"
    r"|grounds for processing",
    re.IGNORECASE,
)
# the letters a text without that framing states as a purpose, not as a basis: "in the public
# interest" in a policy that never speaks of legal bases is why data may be disclosed, not a
# public task. ("to comply with legal obligations" there is basis (c) all the same: the corpus's
# labellers read it so in 78 of the 124 such policies, so it is no longer dropped, 2026-12.)
_PURPOSE_LETTERS = frozenset("e")


# a whole policy, long enough that never speaking of legal bases tells something (a sentence
# or an excerpt says nothing of the rest of its text)
_WHOLE_POLICY = 4_000  # characters


def framed_bases(text: str, hits: list[LegalBasisHit]) -> list[LegalBasisHit]:
    """``hits`` without the worded public tasks of a whole policy that never speaks of legal
    bases or the GDPR (a cited article is a basis wherever it stands)."""
    if len(text) < _WHOLE_POLICY or _BASES_FRAMED.search(text):
        return hits
    return [h for h in hits if h.letter not in _PURPOSE_LETTERS or h.confidence >= 0.9]


def basis_label(letter: str) -> str:
    return f"Art. 6 Abs. 1 lit. {letter} DSGVO"


_CA_ONLY = folded(
    r"Let.?s Encrypt|DigiCert|Sectigo|GlobalSign|Comodo|GeoTrust|Thawte|Entrust|IdenTrust"
    r"|certificate authorit\w*|Zertifizierungsstelle\w*|(?:SSL|TLS)[- ]?(?:Zertifikat|certificate)s?"
    r"|issued by|ausgestellt von"
)
_TRANSPORT = folded(
    r"\bTLS\b|\bSSL\b|\bmTLS\b|HTTPS|in transit|während der Übertragung|Transportverschlüsselung"
    r"|transport encryption|(?:verschlüsselte|gesicherte)[nr]? (?:Verbindung|Übertragung)"
)
_AT_REST = folded(
    r"at[- ]rest|im Ruhezustand|\bAES\b|AES-?\d+|gespeichert.{0,40}verschlüsselt|verschlüsselt.{0,40}"
    r"gespeichert|speicher\w*.{0,30}verschlüsselt|stored encrypted|encrypted (?:database|storage|disk)"
    r"|Festplattenverschlüsselung|disk encryption|encrypts? and stores"
    r"|Datenbank\w* (?:ist|sind|wird|werden) (?:\w+ )?verschlüsselt|database is encrypted"
)
# named measures both recognised as claims and split apart when a sentence names several
_DEVICE_AND_SCHEME = (
    r"Cyber Essentials|full-disk encryption|hardware (?:security )?keys?|FIDO2|YubiKey"
)
_OTHER = folded(
    r"verschlüssel|encr[iy]p?t|\bhash(?!tag|icorp)|gehasht|bcrypt|argon2|scrypt|pseudonymi|ISO/?\s?IEC\s?27001"
    r"|ISO\s?270\d\d|ISO (?:\d{4,5}, )+270\d\d|SOC[\s-]?[12]\b|BSI C5|TISAX|Penetrationstest"
    r"|penetration test|Zwei-Faktor|HttpOnly|http-only|SameSite|IP-Anonymisierung|Firewalls?\b"
    r"|Intrusion[- ](?:Detection|Prevention)|Incident[- ]Response|Content[- ]Security[- ]Policy"
    r"|(?:certificate|CA|Zertifikats?)[- ]Pinning"
    r"|IP[- ]address(?:es)? anonymi[sz]ation|Kürzung der IP|IP-Adressen? \(?(?:\w+ ){0,5}"
    r"(?:gekürzt|anonymisiert)|(?:gekürzte|anonymisierte)n? IP-Adresse"
    r"|in (?:den )?Log-?(?:files|dateien) (?:\w+ )?anonymisiert|CSRF|Cross-Site-Request-Forgery"
    r"|(?:automated|automatic|automatische|nightly|tägliche) (?:Backups|Datensicherung\w*|Snapshots)"
    r"|app protection polic\w+|\bkey ?chain\b|(?:führen|führt) (?:ein |\w+ )?Prüfprotokoll"
    r"|two-factor|\b2[- ]factor|\b2-Faktor|\bMFA\b|\b2FA\b|access\b.{0,60}\b(?:is|are) (?:(?:solely|strictly|only|further) )?(?:restricted|limited) to"
    r"|restricted access"
    r"|\b(?:KMS|Key Management Service)\b|keys?\b.{0,40}\brotated|Schlüssel.{0,40}rotiert|Zugriff.{0,30}"
    r"(?:beschränkt|eingeschränkt|begrenzt)|Zugriffskontroll|access control|least[- ]privilege"
    r"|(?:Master|Krypto|kryptographische[nr]? |private[nr]? |geheime[nr]? )schlüssel|Schlüssel"
    r"(?:verwaltung|management|tausch)|key management|keys? (?:are|is) (?:stored|managed|rotated)"
    r"|Key Vault|\bHSM\b|DPAPI|Data Protection API|Credential Manager|Keychain|SQLCipher"
    r"|PBKDF2|\bPKCE\b|zero[- ]knowledge|Zero-Knowledge|multi-?factor|regular backups|daily backups"
    r"|regelmä(?:ß|ss)ige (?:Backups|Datensicherung)|Web Application Firewall|\bWAF\b|Defender for Cloud|cryptographic erasure"
    r"|securely (?:overwritten|wiped|erased)|sicher überschrieben|PCI[- ]DSS"
    r"|(?:only|nur)\s+(?:\w+\s+){0,3}\b(?:authori[sz]ed|designated|befugte?n?|berechtigte?n?)\s+"
    r"(?:\w+\s+){0,2}(?:personnel|staff|employees|administrators|people|Mitarbeiter\w*|Personen)"
    r"|(?:only|nur)\s+(?:accessible|zugänglich)\s+(?:to|by|für)\s+(?!you\b|Sie\b|the user\b)"
    r"|only (?:people|staff|employees)"
    r" who need|least[- ]privilege|tokeni[sz]ation|row[- ]level (?:security|isolation)"
    r"|tenant isolation|time-limited|short-lived (?:tokens?|sessions?|credentials?|URLs?)"
    r"|automatic(?:ally)? (?:expir|rotat)\w*|signed (?:tokens?|JWTs?|URLs?)|\bRBAC\b"
    r"|role-based access|rollenbasierte\w* (?:Zugriff|Berechtigung)\w*|logical(?:ly)? (?:isolated"
    r"|separated)|logisch (?:getrennt|isoliert)|(?:access|Zugriffe?) (?:is |are |wird |werden )?"
    r"(?:logged|audited|protokolliert)|"
    + _DEVICE_AND_SCHEME
    + r"|Multi-?Faktor|Mehr-?Faktor|starke Authentifizierung"
    r"|strong (?:customer )?authentication|ISAE\s?3402|SSAE\s?1[68]|\bISMS\b"
    r"|Informationssicherheits-?Managementsystem|Notfallmanagement|gespiegelt|Spiegelung"
    r"|\bmirrored (?:across|to|in|between|on)\b|(?:data|databases?|storage|servers?|backups?)\b"
    r"[^.]{0,30}\bmirrored\b|Mandantentrennung|mandantenspezifisch\w*|tenant-specific keys?"
    r"|(?:regelmä(?:ß|ss)ig|regularly) (?:\w+ ){0,4}(?:geschult|sensibilisiert|trained)"
    r"|Virenscanner|Virenschutz|Antivir\w*|anti-?virus|Sicherheitsupdates|security (?:updates|patches)"
    r"|\bgehärtet|\bhardened\b|\bkeyring\b"
    r"|\bOWASP\b|nicht im Klartext|(?:not|never) (?:be )?(?:stored |kept )?in (?:plain|clear) ?text"
    r"|von (?:einem |einer )?externen [\w-]+ (?:geprüft|auditiert|zertifiziert)"
    r"|(?:externally|independently) (?:audited|tested|certified)"
    r"|schreibgeschützt|\bXSS\b"
    r"|(?-i:Audit-Logs?)\b|audit logging|Audit-?Protokoll\w*|(?:zur )?Vertraulichkeit verpflichtet"
    r"|confidentiality (?:obligations|agreements?|undertakings?)|bound by confidentiality"
    r"|Verschwiegenheit\w* verpflichtet|Verschwiegenheitserklärung|zum Datenschutz verpflichtet"
    r"|(?:regular|periodic|annual|regelmä(?:ß|ss)ige|jährliche)\w* (?:[\w-]+ )?(?:security|Sicherheits)[- ]?audits?"
    r"|(?:regular|periodic|annual)\w* security assessments?|(?:employee|staff) (?:security )?training"
    r"|physical (?:security|access controls?)"
    r"|(?:Sicherheits|Datenschutz|IT-Sicherheits)-?[Ss]chulung\w*|Schulung\w* (?:der|unserer|aller)"
    r" Mitarbeit\w*"
    r"|Passwort-?Manager|password manager|need[- ]to[- ]know[- ](?:Prinzip|principle|basis)"
    # an account or store behind a password, and outside testers paid for findings: "your
    # account is strictly password protected", "we implemented a bug bounty program"
    r"|\bpassword[- ]protect\w*|passwortgeschützt|\bbug[- ]bounty\b"
    r"|3-2-1-Backup|mandantenfähig\w*"
    r"|Datentrennung|data segregation|tenant (?:separation|segregation)"
    # each customer's data kept apart: "fully isolated from other organisations", "eine eigene
    # Instanz je Kunde"
    r"|\bisolated from (?:each other|one another|others|other (?:customers|tenants|organi[sz]ations"
    r"|accounts|users))|(?:jeder|each) (?:Kunde|customer|tenant|Mandant)\w* (?:hat|has|gets|erhält)"
    r" (?:eine?n? |its own |their own |an? )?(?:eigene[nr]? |own |dedicated |separate )[\w-]*"
    r"(?:Instanz|instance|database|Datenbank)"
    # copies kept: "backed up to dedicated servers", "we back up the data"
    r"|\bbacked up\b|\bback(?:s|ing)? up (?:the |your |all |our )?(?:data|database|files)\b"
    r"|\bBackups? (?:\w+ )?\d+ (?:Tage|days)\b"
    r"|Monitoring (?:der|unserer) (?:Server\w*|System\w*|Infrastruktur)"
    r"|(?:server|system|infrastructure|uptime) monitoring"
    r"|disaster[- ]recovery (?:plans?|procedures?|strateg\w+)|Notfallwiederherstellung\w*"
    r"|Wiederherstellungsplan|anti-?malware|application controls?|Anwendungssteuer\w*|patch(?:ing)? management"
    r"|Patch-?(?:verwaltung|management)\w*|vulnerability (?:scans?|scanning|assessments?|management)"
    r"|Schwachstellen-?(?:scans?|analysen?|management|prüfung\w*)|Sicherheitsrisikoüberprüfung\w*"
    r"|change[- ]management|Änderungsmanagement|code reviews?|Code-?(?:Reviews?|überprüfung\w*"
    r"|änderung\w*)|Ereignisprotokollierung|security (?:event )?logging|\bSIEM\b"
    r"|(?:Protokolle|logs)\b.{0,40}\b(?:regelmä(?:ß|ss)ig|regularly|continuously) (?:\w+ ){0,5}"
    r"(?:überprüft|reviewed|monitored)|(?:Warnungen|Alarme|alerts)\b.{0,30}\bautomati\w*"
    r"|automati\w* (?:alerts|Warnungen|Alarme)|FedRAMP|CSA STAR|HITRUST"
    r"|(?:unterstützt|supports?)\b.{0,40}\b(?:bedingte\w* Zugriff|conditional access|continuous"
    r" access evaluation)"
    r"|secure coding|sichere (?:Programmierung|Softwareentwicklung)"
    r"|vulnerability monitoring|Zugriffsrechte-?[Vv]erwaltung|Berechtigungskonzept|\bHMAC\b"
    r"|(?<!for )(?<!für )(?<!zum )(?<!zur )rate[- ]limit\w*|Ratenbegrenzung|\bHSTS\b"
    r"|Strict-Transport-Security|(?:PII|personal data|personenbezogene\w* Daten)\b.{0,60}"
    r"\b(?:mask\w*|redact\w*|Maskierung|maskiert|geschwärzt)|(?:PII|PII-)[- ]?(?:Erkennung|detection)"
    r"|\bscrub(?:s|bed|bing)?\b|sanitiz(?:e[sd]?|ing)\b|sanitis(?:e[sd]?|ing)\b"
    r"|(?:nur|only)\s+(?:\w+\s+){0,2}(?:Personen|Mitarbeiter\w*|staff|employees|personnel)\s+"
    r"(?:sind|haben|have|are)\s+(?:\w+\s+){0,2}(?:berechtigt|Zugriff|access|authori[sz]ed)"
    # access kept to the few who need it: "We limit access to your personal information to those
    # who have a genuine business need to access it", "restrict access to information to only
    # those employees, contractors, and agents who need such access"
    r"|\b(?:limit|restrict)(?:s|ed|ing)? (?:the )?access to (?:[\w’']+ ){0,6}?to (?:only )?(?:those"
    r"|our|authori[sz]ed|employees|staff|personnel|people|individuals|a (?:small|limited))\b"
    r"|\b(?:available|provided|accessible) only to (?:[\w’']+ ){0,3}(?:employees|staff|personnel)\b"
    r"|\bonly (?:be )?(?:available|provided) to (?:[\w’']+ ){0,3}(?:employees|staff|personnel)\b"
    # staff taught to protect data: "We train all of our employees about the importance of
    # privacy", "We educate our employees on … the handling of Personal Data"
    r"|\b(?:train|educate)(?:s|/trains)? (?:all )?(?:of )?(?:and equip )?(?:our|its|these|their)"
    r" (?:[\w’']+ ){0,2}?(?:employees|staff|personnel)\b"
)


# words one of which every claim contains: a substring test per word is far cheaper than a regex
# alternation, and most sentences of a policy contain none of them
PREFILTER_WORDS = (
    *(
        w.casefold()
        for w in (
            "verschl encr hash bcrypt argon scrypt pseudonym ISO SOC BSI TISAX penetr faktor factor"
            " MFA 2FA restrict beschränkt eingeschränkt begrenzt Zugriffskontroll privilege Schlüssel"
            " key Vault HSM TLS SSL HTTPS transit Übertragung Ruhezustand AES Festplatt disk KMS"
            " rotat rotiert DPAPI Credential Keychain SQLCipher PBKDF PKCE Firewall WAF Defender"
            " erasure overwritten wiped überschrieben PCI authorised authorized designated knowledge"
            " backup Datensicherung tokenis tokeniz row-level isolation time-limited short-lived"
            " expir signed RBAC role-based rollenbasiert logical logisch audited logged protokolliert"
            " befugt berechtigte accessible zugänglich ISAE SSAE ISMS Informationssicherheit Cyber"
            " full-disk hardware FIDO YubiKey HttpOnly http-only SameSite anonymi gekürzt Kürzung"
            " firewall intrusion incident content-security pinning csrf cross-site snapshot"
            " content security at-rest prüfprotokoll owasp klartext plain clear externen"
            " externally independently viren antivir anti-virus sicherheitsupdate security update"
            " security patch gehärtet hardened keyring password-protect passwortgeschützt"
            " bug-bounty"
            " Notfallmanagement gespiegelt Spiegelung mirrored Mandant tenant-specific geschult"
            " sensibilisiert trained read-only lesend schreibgeschützt berechtigt authentifizierung"
            " authentication recovery wiederherstellung malware anwendungssteuer patch"
            " vulnerability schwachstellen sicherheitsrisiko änderungsmanagement codeänderung"
            " code-review codeüberprüfung ereignisprotokoll logging siem protokolle logs warnungen"
            " alarme alerts fedramp hitrust xss audit vertraulichkeit confidentiality"
            " verschwiegenheit schulung training passwort-manager 3-2-1 mandantenfähig audit"
            " datenschutz assessment physical"
            " datentrennung segregation monitoring rate-limit ratenbegrenzung hsts"
            " vulnerability zugriffsrechte berechtigungskonzept hmac"
            " strict-transport mask redact geschwärzt scrub saniti isolated instanz instance"
            " datenbank database backed back gesichert limit train educate"
        ).split()
    ),
    "available only",
    "only available",
    "only be available",
    "provided only",
    "only be provided",
    "access control",
    "application control",
    "rate limit",
    "secure coding",
    "sichere programmierung",
    "sichere softwareentwicklung",
    "change management",
    "change-management",
    "code review",
    "csa star",
    "password manager",
    "password protect",
    "bug bounty",
    "need-to-know",
    "need to know",
    "bedingte",
    "conditional access",
    "continuous access",
    "at rest",
    "protection api",
    "row level",
    "who need",
)
PREFILTER = Needles(PREFILTER_WORDS)


# explains what a measure is or how to spot it, claims nothing: "Eine verschlüsselte Verbindung
# erkennen Sie daran …", "SSL is the standard for …"
# a questionnaire's examples of what to answer: "Examples: 2FA for all admins, …"
_PROMPTED = re.compile(r"^\W*(?:Examples?|Beispiele?|For example|Zum Beispiel)\s*:", re.IGNORECASE)
_EXPLAINS = folded(
    r"\bsee our\b|\bsiehe unsere\b|for (?:more|further|detailed) (?:information|details)"
    r"|erkennen Sie|you can (?:tell|recogni[sz]e|see)|ist (?:der|ein) (?:Standard|Verfahren|Protokoll)"
    r"|is (?:the|a) (?:standard|protocol|method)|steht für|stands for|bezeichnet (?:man|ein)"
    r"|wird als .{0,30} bezeichnet|refers to (?:a|the) (?:protocol|standard)"
    r"|Schloss-?Symbol|Adresszeile|padlock|lock icon|address bar"
    # a glossary's definition: "Pseudonymisierung ist die Verarbeitung personenbezogener Daten
    # in einer Weise, …", "'Pseudonymisation' means the processing of …"
    r"|^\W*[\w-]+\W*\s+(?:ist die Verarbeitung|means the processing|bezeichnet die|means any)\b"
)


# not a claim: a negation of the measure, an instruction or recommendation to the reader
_NOT_CLAIMED = folded(
    r"\b(?:nicht|not|no|kein\w*)\s+(?:\w+\s+){0,2}?(?:verschlüssel|encrypt)|unencrypted"
    r"|unverschlüsselt|may or may not|→|(?:^|^[^:]{1,40}:\s*)(?:enable|disable|use(?! of)|turn on|turn off"
    r"|activate|install|keep|update"  # "Mitigation: Use reputable antivirus software"
    r"|aktivieren Sie|verwenden Sie|nutzen Sie|recommendation|empfehlung|tip|tipp|please|bitte"
    r"|configure|konfigurieren Sie|make sure|stellen Sie sicher)\b|\b(?:your|Ihre[rn]?) firewall"
    # a hash as data: "request IPs, user agents, … and dedup hashes" (telemetry)
    r"|\b(?:dedup\w*|file|content|image|perceptual) hash(?:es)?\b"
    # a certificate or architecture not held: "does not currently hold SOC 2, ISO 27001", "we
    # do not claim otherwise", "sind nicht nach ISO 27001 zertifiziert"
    r"|\b(?:does|do|did)\s+not\s+(?:\w+\s+)?(?:hold|have|maintain|possess|claim)\b"
    r"|\bnicht\s+(?:\w+\s+){0,3}zertifiziert|\bnot\s+(?:\w+\s+){0,2}certified"
)


# what a policy disclaims or leaves to the reader, not a measure it takes: "No method of
# transmission over the internet is 100% secure", "können wir … nicht garantieren", "You are
# responsible for maintaining the security of your account credentials"
_DISCLAIMER = folded(
    r"\b(?:cannot|can ?not|can't|could not|unable to)\s+(?:\w+\s+){0,2}?(?:guarantee|ensure|promise)"
    r"|\bnicht\s+(?:\w+\s+){0,2}?(?:garantier|gewährleist|zusicher)|\b100\s?% (?:secure|sicher)"
    r"|\b(?:no|kein\w*)\b[^.;]{0,60}\b(?:completely|fully|totally|entirely|vollständig|völlig)"
    r" (?:secure|safe|sicher)"
    r"|\babsolute(?:ly)? secur|\babsolut(?:e)? sicher|\bperfect security\b|impenetrable"
    r"|undurchdringlich|\byou are (?:solely )?responsible for (?:maintaining|keeping|safeguarding"
    r"|protecting)|\bSie sind (?:\w+ )?(?:selbst )?(?:dafür )?verantwortlich"
)
# a measure named in a disclaimer's sentence keeps it a claim: "While no method is 100% secure,
# we encrypt your data at rest"
_MEASURE_WORD = folded(r"encrypt|verschlüssel|hash|gehasht")


def _disclaims(text: str) -> bool:
    """Whether ``text`` only disclaims security or hands it to the reader."""
    return bool(
        _DISCLAIMER.search(text) and not _MECHANISM.search(text) and not _MEASURE_WORD.search(text)
    )


# an entry that is no measure in force: a template's gap ("[verschlüsselt ja/nein]"), one that is
# switched off or planned, a lead-in to the entries below
_NOT_IN_FORCE = folded(
    r"\[[^\]\d][^\]]*\]|\b(?:nicht|not|kein\w*|no)\s+(?:\w+\s+){0,3}?(?:aktiv\w*|enabled|active|in place"
    r"|umgesetzt|implemented|vorhanden)|geplant|planned|TODO|TBD|vorbereitet|falls vorhanden"
    r"|if available|when available|wo möglich|where possible"
    r"|\b(?:target(?:ed)?|Ziel)\s*:?\s*(?:for\s+|in\s+|bis\s+)?20\d\d\b|\broadmap\b"  # "(Target 2025)"
    r"|\bwe (?:aim|plan|intend) to\b"  # ("password login disabled"
    # is a measure)
)


def security_claims(sentence: str) -> list[SecurityHit]:
    """Security claims of ``sentence``: one per sentence ("encrypted in transit and at rest" is
    one claim, as the corpus labels it), but one per measure when the sentence lists several
    ("including access controls, backups, monitoring") or names two distinct mechanisms."""
    hit = security_in(sentence)
    if hit is None:
        return []
    named: list[tuple[str, str, SecurityHit]] = []
    for part in _CLAUSES.split(sentence):
        if found := security_in(part):
            mechanism = _MECHANISM.search(part)
            named.append((mechanism.group(0).casefold() if mechanism else "", part.strip(), found))
    distinct = {m for m, _, _ in named} - {""}
    if hit.kind in ("encryption-at-rest", "transport-encryption") and len(distinct) < 3:
        parts = _CLAUSES.split(sentence)
        at_rest = [p for p in parts if _REST_CIPHER.search(p) and not _WIRE.search(p)]
        wire = [p for p in parts if _WIRE.search(p) and not _REST_CIPHER.search(p)]
        if at_rest and wire:  # "encrypted at rest (AES-256) and in transit (TLS 1.2+)": two
            return [
                SecurityHit(at_rest[0].strip(), "encryption-at-rest", sentence, hit.confidence),
                SecurityHit(wire[0].strip(), "transport-encryption", sentence, hit.confidence),
            ]
    if listed := _listed(sentence):
        # "…, including access controls, encryption in transit, backups, monitoring and
        # incident response processes": each listed measure is a claim of its own, named or not
        return [
            SecurityHit(
                m, found.kind if (found := security_in(m)) else "other", sentence, hit.confidence
            )
            for m in listed
        ]
    if len(distinct) >= 2:
        # "multifactor authentication, AES-256 encryption, and regular backups": one each, and
        # a measure named in general words among them too ("We implement encryption, access
        # controls, …")
        return [SecurityHit(part, h.kind, sentence, hit.confidence) for _, part, h in named]
    return [hit]


# what opens a list of measures: "including", "such as", "z. B.", "insbesondere", a label's colon
_LIST_OPENS = re.compile(
    r"\b(?:including|includes?|such as|namely|e\.\s?g\.,?|insbesondere|einschlie(?:ß|ss)lich|inkl\."
    r"|u\.\s?a\.|z\.\s?B\.|darunter|beispielsweise|unter anderem|among them)\s+|:\s+",
    re.IGNORECASE,
)
_MORE = re.compile(r"^(?:and |und )?(?:more|others?|etc\.?|u\.\s?v\.\s?m\.?|usw\.?|mehr)$", re.I)


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at the list's separators that stand outside brackets
    ("Background checks (where legally permissible), confidentiality agreements")."""
    depth, masked = 0, []
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}" and depth > 0
        masked.append(ch if depth == 0 or ch in "([{" else "\0")
    out, start = [], 0
    for m in _ENTRIES.finditer("".join(masked)):
        out.append(text[start : m.start()])
        start = m.end()
    # "and" parts the last entry from the one before; within an entry it joins ("encryption in
    # transit and at rest" is one measure)
    out += _LAST_AND.split(text[start:], maxsplit=1)
    return [p.strip(" .;") for p in out]


_ENTRIES = re.compile(r",\s+(?:(?:and|und|sowie|or|oder)\s+)?|;\s*", re.IGNORECASE)
_LAST_AND = re.compile(
    r"\s+(?:and|und|sowie|as well as)\s+(?!.*\s(?:and|und|sowie)\s)", re.IGNORECASE
)


def _listed(sentence: str) -> list[str]:
    """The measures a sentence lists after its lead ("including", a label's colon), when it
    lists three or more short ones; else []."""
    opens = _LIST_OPENS.search(sentence)
    if opens is None:
        return []
    parts = [p for p in _top_level_parts(sentence[opens.end() :]) if p and not _MORE.match(p)]
    if len(parts) < 3 or any(len(p.split()) > 8 for p in parts):
        return []
    # a list of measures, not of data one of which is stored hashed: half of them or more are
    # measures the vocabulary knows
    if 2 * sum(security_in(p) is not None for p in parts) < len(parts):
        return []
    return parts


_CLAUSES = re.compile(r",?\s+(?:and|und|sowie|as well as)\s+|;\s*|,\s+", re.IGNORECASE)
_REST_CIPHER = re.compile(r"\bAES\b|AES-?\d+", re.IGNORECASE)
_WIRE = re.compile(r"\bTLS\b|\bSSL\b|\bHTTPS\b", re.IGNORECASE)


def no_claim(sentence: str) -> bool:
    """Whether ``sentence`` says something that is no measure in force, whatever its words: it
    explains a term, asks, negates, plans, disclaims or leaves security to the reader (the claim
    model adds no such sentence either)."""
    return bool(
        _EXPLAINS.search(sentence)
        # a questionnaire's question ("Is it encrypted?") or its examples ("Examples: 2FA for
        # all admins, …") ask, they claim nothing
        or sentence.rstrip(" *)").endswith("?")
        or _PROMPTED.match(sentence)
        # "nicht verschlüsselt", "Enable encryption: Settings → …", "2FA ist derzeit nicht
        # aktiviert", a template's "[verschlüsselt ja/nein]"
        or _NOT_CLAIMED.search(sentence)
        or _NOT_IN_FORCE.search(sentence)
        # "We cannot guarantee absolute security", "You are responsible for maintaining the
        # confidentiality of your password": a limit or the reader's duty
        or _disclaims(sentence)
    )


def security_in(sentence: str) -> SecurityHit | None:
    """The security measure ``sentence`` claims, or None (a CA name alone is no claim)."""
    if not mentions_any(sentence, PREFILTER) or no_claim(sentence):
        return None
    probe = _CA_ONLY.sub(" ", re.sub(r"https?://\S+|`[^`]*`", " ", sentence))
    probe = _PRODUCT_NAME.sub(" ", probe)  # "Avamboo Encrypt for Outlook" names a product
    if _PROCESSORS_CARD_STANDARD.search(probe):  # "Stripe ist PCI-DSS-konform" is Stripe's
        probe = re.sub(r"\bPCI\b", " ", probe)
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


# a payment provider's own card-industry certificate: "Stripe is PCI-DSS Level 1 certified",
# "Payment data: Processed exclusively by Stripe Inc. (PCI DSS Level 1)" — the provider's
# measure, not the vendor's
_PROCESSORS_CARD_STANDARD = folded(
    r"\b(?:Stripe|PayPal|Paddle|Braintree|Adyen|Mollie|Lemon ?Squeezy|Square|Klarna|Chargebee"
    r"|RevenueCat)\b[^.;|]{0,80}?\bPCI\b"
)
_PRODUCT_NAME = re.compile(  # a quoted title-case name or "Brand Encrypt"
    r"[\"“„](?:[A-Z][\w-]*\s?)+(?:for\s(?:[A-Z][\w-]*\s?)+)?(?:\([^)]*\))?[\"”“]"
    r"|\b[A-Z][\w-]+ (?:Encrypt|Secure|Crypt)\b"
)
_MECHANISM = folded(
    r"\bAES[- ]?\d*|\bTLS\s?[\d.]*|\bSSL\b|\bHTTPS\b|DPAPI|SQLCipher|bcrypt|argon2\w*|scrypt"
    r"|\bSHA[- ]?\d+|PBKDF2|ISO(?:/IEC)?\s?27\d{3}|SOC[\s-]?[12]|BSI C5|TISAX|Key Vault|\bKMS\b"
    r"|\bHSM\b|" + _DEVICE_AND_SCHEME + ""
    r"|\bMFA\b|\b2FA\b|Zwei-Faktor|two-factor|multi-?factor|Credential Manager|Keychain|pseudonymi\w*"
    r"|regular backups|daily backups|regelmä(?:ß|ss)ige (?:Backups|Datensicherung\w*)"
    r"|penetration test|Penetrationstest|\bRBAC\b|role-based access|least[- ]privilege"
    r"|logical(?:ly)? (?:isolat|separat)\w*|logisch (?:getrennt|isoliert)"
    r"|Firewalls?|Virenscanner|Virenschutz|Antivir\w*|anti-?virus|Sicherheitsupdates"
    r"|security (?:updates|patches)|\bWAF\b|Web Application Firewall|CSRF|\bXSS\b|\bSIEM\b"
    r"|rate[- ]?limit\w*|\bOWASP\b|Intrusion[- ](?:Detection|Prevention)|disaster[- ]recovery"
    r"|anti-?malware|patch(?:ing)? management|Patch-?(?:verwaltung|management)|vulnerability scan"
    r"\w*|Schwachstellen-?scan\w*|change[- ]management|code reviews?|Ereignisprotokollierung"
    r"|FedRAMP|HITRUST|CSA STAR|PCI[- ]DSS|access controls?|Zugriffskontroll\w*"
    r"|vulnerability management|Schwachstellen-?management|audit logging|incident[- ]response"
    r"|secure coding|sichere (?:Programmierung|Softwareentwicklung)"
)


def _said(claim: SecurityHit) -> str:
    """The words of the claim: its sentence, or its part when the sentence holds several."""
    return claim.source if claim.claim == claim.source[:200] else claim.claim


def _mechanisms(claim: SecurityHit) -> frozenset[str]:
    """The named measures, version-free: "TLS 1.2" and "TLS" are one measure, "AES-256" and
    "AES" too (certifications and hash functions keep their numbers)."""
    out = set()
    for m in _MECHANISM.finditer(_said(claim)):
        key = re.sub(r"[\s/-]", "", m.group(0)).casefold()
        out.add(re.sub(r"[\d.]+$", "", key) if key.startswith(("tls", "ssl", "aes")) else key)
    return frozenset(out)


def one_claim_per_passage(claims: list[SecurityHit], all_lines: list[Line]) -> list[SecurityHit]:
    """The distinct security measures a policy claims, each once.

    A heading ("Data Encryption", "SSL- bzw. TLS-Verschlüsselung") names a topic and claims
    nothing. A measure that is named again (AES-256 in
    three sentences) is one claim — the first; of the claims that name no mechanism, one per
    kind and section stays, and an unnamed "other" measure ("verschlüsselt", "hashed") is one
    claim per policy however often it is said.
    """
    para: dict[str, int] = {}
    section: list[int] = []  # index of the heading each line stands under
    labels: set[str] = set()  # entries' labels: "- **Encryption at rest.** All values are …"
    for n, line in enumerate(all_lines):
        section.append(n if line.kind == "heading" else (section[-1] if section else -1))
        parts = sentences(line.text)
        for s in parts:
            para.setdefault(s, n)
        if (
            line.kind == "bullet"
            and len(parts) >= 2
            and len(parts[0].split()) <= 4
            and parts[0].endswith((".", ":"))
        ):
            labels.add(parts[0])
    out: list[SecurityHit] = []
    seen: set[object] = set()
    # a bare title ("TLS Encryption") yields to a sentence that makes the claim, as does an
    # entry's label, whose sentence after it makes the claim
    claims = sorted(
        claims,
        key=lambda c: (len(c.source.split()) <= 4 and "." not in c.source) or c.source in labels,
    )
    for c in claims:
        n = para.get(c.source, -1)
        if 0 <= n < len(all_lines) and all_lines[n].kind == "heading":
            continue
        named = _mechanisms(c)
        if named:
            if named <= seen:
                continue
            seen.update(named)
            if c.kind != "other":  # "… TLS-Verschlüsselung. Daten, die über eine verschlüsselte
                seen.add((c.kind, section[n] if n >= 0 else n))  # Verbindung …": said again
        elif c.kind != "other":
            key = (c.kind, section[n] if n >= 0 else n)
            if key in seen:
                continue
            seen.add(key)
        elif said := _OTHER.search(_said(c)):  # "verschlüsselt" said again, in other words
            stem = ("other", said.group(0).casefold()[:7])
            if stem in seen:
                continue
            seen.add(stem)
        out.append(c)
    return out


_CODE_NAME = re.compile(r"^[A-Z][A-Z0-9_]{2,}(?::|$)")
# an entry saying the vendor has no such measure: "does not currently hold SOC 2 …", "verfügt
# (derzeit) über keine ISO-27001-Zertifizierung"
_LACKS_MEASURE = folded(
    r"\b(?:do|does|did)(?: not|n't) (?:\w+ )?(?:hold|have|maintain|offer|provide|support|use"
    r"|implement|encrypt)\b|\b(?:verfüg|besitz|hab|halt)\w* (?:\w+ ){0,2}?(?:über )?keine?\b"
)


def claims_nothing(text: str) -> bool:
    """Whether ``text`` is no claim whatever its words (:func:`no_claim`), or says the vendor
    lacks the measure it names."""
    return no_claim(text) or bool(_LACKS_MEASURE.search(text))


_ARTICLE_TITLE = re.compile(r"^(?:[\w-]+\s+){0,4}[\w-]+\s*\(Art\.[^()]{0,40}\)\s*:?$")


def listed_measures(
    all_lines: list[Line], claimed: set[str], in_section: list[bool]
) -> list[SecurityHit]:
    """Each entry (bullet or table row) of a section on security measures is one claim, in
    the entry's words, whether or not the vocabulary knows the measure ("Trennung von
    Entwicklungs- und Produktivumgebung", "Redundanz"), unless a sentence of it is already a
    claim, it is a lead-in, a template's gap or a measure not in force. ``in_section``: for
    each line, whether it stands in such a section."""
    out: list[SecurityHit] = []
    for line, here in zip(all_lines, in_section, strict=True):
        text = line.text.strip()
        if not here or line.kind != "bullet" or not text or text.endswith(":"):
            continue
        if not 1 <= len(text.split()) <= 40 or _NOT_IN_FORCE.search(text):
            continue
        if _CODE_NAME.match(text):
            continue  # "ADMIN", "DEVICE_VIEWER: nur Geräte": a role's name, no measure
        if _disclaims(text):
            continue  # "No method of transmission over the internet is 100% secure"
        if _LACKS_MEASURE.search(text):
            continue  # "Certifications. X does not currently hold SOC 2 Type II, ISO 27001…"
        if _ARTICLE_TITLE.match(text):
            continue  # "Vertraulichkeit (Art. 32 Abs. 1 lit. b DSGVO)": a heading of the annex
        if any(s in claimed for s in sentences(text)):
            continue
        out.append(SecurityHit(text[:200], "other", line.row or text, 0.6))
    return out
