"""Rule-based extraction of disclosures from privacy-policy text (German and English).

``extract(text)`` runs every rule once over the text and returns an :class:`Extraction`; each
found thing keeps the sentence it came from and a confidence, so a reviewer can check it.
Lexicons and sentence patterns, then two linear models shipped in the package: one adds the data
items the patterns missed (:mod:`ranker`), one weighs the security claims (:mod:`claim_ranker`);
nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import msgspec

from m365inv.catalog.extract.claim_ranker import (
    ClaimCandidate,
    ClaimModel,
    claim_candidates,
    ranked_claims,
)
from m365inv.catalog.extract.claims import (
    LegalBasisHit,
    SecurityHit,
    framed_bases,
    legal_bases_in,
    listed_measures,
    one_claim_per_passage,
    security_claims,
)
from m365inv.catalog.extract.items import FoundItem, security_sections, without_definitions
from m365inv.catalog.extract.parties import (
    SubprocessorHit,
    TransferHit,
    VendorCountry,
    own_entity,
    policy_date,
    recipients_abroad,
    self_defined,
    subprocessors_in,
    third_country_transfers,
    transfers_in,
    vendor_country,
)
from m365inv.catalog.extract.periods import (
    RETENTION_HEADING,
    RetentionRule,
    listed_periods,
    retention_in,
)
from m365inv.catalog.extract.ranker import ItemModel, ranked_items
from m365inv.catalog.extract.recipients import section_of
from m365inv.catalog.extract.segment import Line, lines, sentences

__all__ = ["Extraction", "claim_examples", "detect_language", "extract", "policy_score"]

_Hit = TypeVar("_Hit", RetentionRule, LegalBasisHit, SubprocessorHit, TransferHit, SecurityHit)

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


def detect_language(text: str, all_lines: list[Line] | None = None) -> str:
    """``de`` or ``en`` by stop-word counts (the two languages the lexicons cover). A
    bilingual page (a German policy followed by its English translation, or the reverse) is in
    the language of its first copy, the original, even where the translation runs longer."""
    first, counts = _section_languages(lines(text) if all_lines is None else all_lines)
    if first and min(counts.values()) > _BILINGUAL_SHARE * sum(counts.values()):
        return first
    return "de" if len(_DE.findall(text)) >= len(_EN.findall(text)) else "en"


_BILINGUAL_SHARE = 0.25  # each copy holds over a quarter of the one-language sections' words


def _sections(all_lines: list[Line]) -> list[list[Line]]:
    """The lines from one heading to the next."""
    out: list[list[Line]] = []
    for line in all_lines:
        if line.kind == "heading" or not out:
            out.append([])
        out[-1].append(line)
    return out


def _section_language(section: list[Line]) -> tuple[str | None, int, int]:
    """A section's language (None where its stop words are mixed), and its German and English
    stop-word counts."""
    words = " ".join(f"{line.text} {line.row_rest}" for line in section)
    de, en = len(_DE.findall(words)), len(_EN.findall(words))
    if de >= _OTHER_MIN and de >= _OTHER_RATIO * en:
        return "de", de, en
    if en >= _OTHER_MIN and en >= _OTHER_RATIO * de:
        return "en", de, en
    return None, de, en


def _section_languages(all_lines: list[Line]) -> tuple[str | None, dict[str, int]]:
    """The language of the first one-language section, and the stop words each language's
    sections hold."""
    first = None
    counts = {"de": 0, "en": 0}
    for section in _sections(all_lines):
        language, de, en = _section_language(section)
        if language:
            first = first or language
            counts[language] += de if language == "de" else en
    return first, counts


def in_own_language(all_lines: list[Line], language: str) -> list[Line]:
    """The lines of the sections written in the policy's own language: a bilingual page
    ("Datenschutz … / Privacy Policy …", a page with both locales' copy) says everything twice,
    and the other language's copy is no second disclosure. A section (from one heading to the
    next) is the other language's when its stop words are mostly that language's."""
    keep: list[Line] = []
    last = None  # the language of the nearest section above that has enough words to tell
    for section in _sections(all_lines):
        said, de, en = _section_language(section)
        if said is None and last not in (None, language):
            # too few words to tell ("2. Data We Collect" / "- height, weight"): inside the
            # other language's copy, a section that does not lean to the page's own language
            # is part of that copy
            leaning = "de" if de > en else "en" if en > de else None
            said = last if leaning in (None, last) else None
        elif said is not None:
            last = said
        if said in (None, language):
            keep.extend(section)
    return keep


_OTHER_MIN = 4
_OTHER_RATIO = 3


def policy_score(text: str) -> int:
    words = max(1, len(text.split()))
    return round(1000 * len(_POLICY_WORDS.findall(text)) / words)


def _list_leads(all_lines: list[Line]) -> list[str]:
    """For each line, the line ending in ":" that its run of bullets follows, else "" — or a
    text line with its colon lost, no sentence end ("Link to privacy policy of third party
    service providers used by the app" over "* AdMob", "* Appsflyer")."""
    out: list[str] = []
    lead = ""
    for line in all_lines:
        if line.kind != "bullet":
            end = line.text.rstrip()
            lost = line.kind == "text" and not end.endswith((".", "!", "?", ";", ",", ")"))
            lead = line.text if end.endswith(":") or lost else ""
            out.append("")
        else:
            out.append(lead)
    return out


def _claims_to_weigh(
    all_lines: list[Line],
    own_lines: list[Line],
    heads: list[str],
    leads: list[str],
    sents: list[str],
) -> tuple[list[SecurityHit], list[ClaimCandidate]]:
    """The rules' security claims, before the claim model weighs them — each sentence of the
    policy's own language (``sents``: every sentence in document order), then each entry of a
    section on security no sentence claim covers — and the sentences the model weighs."""
    own = {s for line in own_lines for p in (line.text, line.row_rest) for s in sentences(p)}
    rules = [hit for s in sents if s in own for hit in security_claims(s)]
    rules += listed_measures(own_lines, {c.source for c in rules}, security_sections(own_lines))
    in_section = security_sections(all_lines)
    return rules, claim_candidates(all_lines, own_lines, heads, leads, in_section, rules)


def claim_examples(text: str) -> tuple[str, list[ClaimCandidate]]:
    """The policy's language and the sentences the claim model weighs, as :func:`extract`
    builds them (``bench/train_claims.py`` learns the model from these)."""
    all_lines = lines(text)
    language = detect_language(text, all_lines)
    sents = [s for line in all_lines for p in (line.text, line.row_rest) if p for s in sentences(p)]
    own_lines = in_own_language(all_lines, language)
    heads, leads = section_of(all_lines), _list_leads(all_lines)
    return language, _claims_to_weigh(all_lines, own_lines, heads, leads, sents)[1]


def extract(
    text: str, item_model: ItemModel | None = None, claim_model: ClaimModel | None = None
) -> Extraction:
    """Run every rule over ``text`` once, then the item and claim models (the shipped ones by
    default)."""
    all_lines = lines(text)
    language = detect_language(text, all_lines)
    own_lines = in_own_language(all_lines, language)  # a bilingual page's copy said once
    heads = section_of(all_lines)
    leads = _list_leads(all_lines)
    # each sentence with its paragraph, heading, the lead-in of the bullet list it stands in
    # and the table row it was read from ("" if none)
    read = [
        (s, para, head, lead, line.row)
        for line, head, lead in zip(all_lines, heads, leads, strict=True)
        for para in (line.text, line.row_rest)
        if para
        for s in sentences(para)
    ]
    pairs = [(s, p) for s, p, _, _, _ in read]
    sents = [s for s, _ in pairs]
    retention: list[RetentionRule] = []
    bases: dict[str, LegalBasisHit] = {}
    stated = {s: retention_in(s) for s in sents}  # each sentence's own rules, read once
    lead = retention_head = ""
    for line, head in zip(all_lines, heads, strict=True):  # "The recordings may be kept" /
        unsaid = not any(stated[s] for s in sentences(line.text))  # "- 6 months for …"
        if line.kind == "heading":  # "6. Speicherdauer" over "Lohndaten:" over "- 10 Jahre"
            if RETENTION_HEADING.search(line.text):
                retention_head = line.text
            elif not line.text.endswith(":"):
                retention_head = ""  # another section (a "Label:" is a sub-label within it)
        if line.kind == "bullet":
            listed = listed_periods(lead, line.text) if lead and unsaid else []
            if not listed and unsaid and retention_head:
                listed = listed_periods(retention_head, line.text)
            retention += listed
        else:
            if line.kind == "text" and unsaid and RETENTION_HEADING.search(head):
                retention += listed_periods(head, line.text)  # "Server-Logs: 7–14 Tage"
            lead = line.text
    titles = {
        line.text
        for line, nxt in zip(all_lines, [*all_lines[1:], None], strict=False)  # [] has no pair
        if line.kind == "heading"
        or (nxt is not None and nxt.kind == "bullet" and len(line.text.split()) <= 8
            and not line.text.endswith("."))
    }  # fmt: skip
    for s in sents:  # a heading ("Data We Do NOT Store") names a topic, it states no rule
        retention += [r for r in stated[s] if r.rule != "not-stored" or s not in titles]
        for hit in legal_bases_in(s):
            if hit.letter not in bases or bases[hit.letter].confidence < hit.confidence:
                bases[hit.letter] = hit
    rules, candidates = _claims_to_weigh(all_lines, own_lines, heads, leads, sents)
    security = ranked_claims(rules, candidates, language, claim_model)
    # a finding read from a table row's other cells quotes the row as written, not the
    # "cell: Header: value" text the rules read
    rows = {s: line.row for line in all_lines if line.row for s in sentences(line.row_rest)}

    def quoted(hits: Iterable[_Hit]) -> tuple[_Hit, ...]:
        return tuple(
            msgspec.structs.replace(h, source=rows[h.source]) if h.source in rows else h
            for h in hits
        )

    country = vendor_country(all_lines)
    recipients = subprocessors_in(
        sents,
        [head for _, _, head, _, _ in read],
        text,
        [name for name in (own_entity(all_lines), *self_defined(all_lines)) if name],
        [lead for _, _, _, lead, _ in read],
        [row for _, _, _, _, row in read],
    )
    return Extraction(
        language=language,
        policy_score=policy_score(text),
        items=tuple(ranked_items(without_definitions(own_lines), language, item_model)),
        retention=quoted(dict.fromkeys(retention)),  # a sentence said twice is one rule
        legal_bases=quoted(framed_bases(text, [bases[k] for k in sorted(bases)])),
        subprocessors=quoted(recipients),
        transfers=quoted(
            third_country_transfers(
                recipients_abroad(transfers_in(sents, [p for _, p in pairs]), recipients),
                country,
            )
        ),
        security=quoted(one_claim_per_passage(security, all_lines)),
        country=country,
        date=policy_date(text),
    )
