"""Draft a vendor file from privacy-policy text (German or English).

The rules live in :mod:`m365inv.catalog.extract`; this module turns what they found into a
schema-shaped vendor file marked ``draft: true``. Every drafted item keeps the sentence it came
from (``source``) and a ``confidence`` so a reviewer can check it against the policy; retention
statements become ISO 8601 ``retention_period`` values on the items they mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from m365inv.catalog.extract import Extraction, extract
from m365inv.catalog.extract.claim_ranker import ClaimModel
from m365inv.catalog.extract.claims import basis_label
from m365inv.catalog.extract.items import FoundItem
from m365inv.catalog.extract.lexicon import categories_of
from m365inv.catalog.extract.periods import RetentionRule
from m365inv.catalog.extract.ranker import ItemModel

__all__ = ["categories_of", "draft_vendor", "slug"]

_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|de|app|io|net|eu|org|ch|at|co\.uk|cloud|ai)\b")
_IGNORED_DOMAINS = ("microsoft.com", "office.com", "google.com", "apple.com", "w3.org")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "vendor"


# words that say nothing of which data a sentence is about
_FILLER = frozenset(
    "the of and your our any all der die das des den dem und oder ihre ihr ihrer ihren unsere"
    " eine einer eines von für for with mit".split()
)


def _item_words(item: str) -> list[str]:
    return [w for w in re.findall(r"\w{2,}", item.casefold()) if w not in _FILLER][:4]


def _stems(clause: str) -> frozenset[str]:
    """Every word of ``clause`` and its forms shortened by up to three letters: an item word
    is named when it is one of them ("IP-Adressen" names "IP-Adresse"; "E-Mails" does not
    name "E-Mail-Adresse" — a period for the mails' contents is none for the address)."""
    return frozenset(
        w[: len(w) - k] for w in re.findall(r"\w+", clause.casefold()) for k in range(4)
    )


def _retention_for(
    found: FoundItem, rules: Sequence[tuple[RetentionRule, frozenset[str]]]
) -> RetentionRule | None:
    """The period stated for ``found``: in the sentence that disclosed it, else in a sentence
    whose clause that states the period names it (``rules``: each with that clause's stems)."""
    words = _item_words(found.item)

    def names(stems: frozenset[str]) -> bool:
        return bool(words) and all(w in stems for w in words)

    for rule, stems in rules:
        if rule.source == found.source and (not _EXCEPT.search(rule.source) or names(stems)):
            return rule
    return next((r for r, st in rules if r.source != found.source and names(st)), None)


def _period_clause(rule: RetentionRule) -> str:
    """The clause of ``rule``'s sentence that states its period."""
    return next((c for c in _EXCEPT.split(rule.source) if rule.text in c), rule.source)


# where a sentence turns to other data: "Email content is not stored, except for summaries,
# which are kept for 30 days" — the period is the summaries', not the content's
_EXCEPT = re.compile(
    r"[,;]\s+(?:except|but|other than|apart from|außer|aber|sondern|ausgenommen|mit Ausnahme)\b"
)


def _disclosures(ex: Extraction) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    dated = [(r, _stems(_period_clause(r))) for r in ex.retention if r.period]
    for found in ex.items:
        rule = _retention_for(found, dated)
        out.append(
            {
                "item": found.item,
                "categories": list(found.categories),
                "scope": "service",
                "retention": rule.text if rule else None,
                "retention_period": rule.period if rule else None,
                "source": found.source,
                "confidence": found.confidence,
            }
        )
    return out


def _policy(ex: Extraction, url: str | None) -> dict[str, Any]:
    policy: dict[str, Any] = {"url": url, "language": ex.language, "version": None, "date": None}
    if ex.date:
        policy["date"], policy["date_as_written"] = ex.date
        if re.match(r"Version", ex.date[1], re.I):
            policy["version"] = ex.date[0].replace("-", "/")
    return policy


def draft_vendor(
    text: str,
    vendor: str,
    *,
    url: str | None = None,
    recognition: dict[str, list[str]] | None = None,
    item_model: ItemModel | None = None,
    claim_model: ClaimModel | None = None,
) -> dict[str, Any]:
    """A vendor-file dict (schema-shaped, ``draft: true``) drafted from ``text``
    (``item_model``, ``claim_model``: other models than the shipped ones, for the bench's
    held-out runs)."""
    ex = extract(text, item_model, claim_model)
    domains = sorted(
        {d for d in _DOMAIN.findall(text.casefold()) if not d.endswith(_IGNORED_DOMAINS)}
    )
    recog: dict[str, list[str]] = {
        "publisher_names": [vendor],
        "display_names": [vendor],
        "domains": domains,
    }
    for key, values in (recognition or {}).items():
        recog[key] = sorted({*recog.get(key, []), *values})
    return {
        "id": slug(vendor),
        "name": vendor,
        "legal_entity": vendor,
        "country": ex.country.country if ex.country else None,
        "draft": True,
        "policy": _policy(ex, url),
        "recognition": recog,
        "disclosures": _disclosures(ex),
        "retention_rules": [
            {
                "period": r.period,
                "rule": r.rule,
                "text": r.text,
                "source": r.source,
                "confidence": r.confidence,
            }
            for r in ex.retention
        ],
        "legal_bases": [
            {"basis": basis_label(b.letter), "source": b.source, "confidence": b.confidence}
            for b in ex.legal_bases
        ],
        "subprocessors": [
            {"name": s.name, "country": s.country, "source": s.source, "confidence": s.confidence}
            for s in ex.subprocessors
        ],
        "transfers": [
            {
                "country": t.country,
                "mechanism": t.mechanism,
                "source": t.source,
                "confidence": t.confidence,
            }
            for t in ex.transfers
        ],
        "security_claims": [
            {"claim": c.claim, "kind": c.kind, "source": c.source, "confidence": c.confidence}
            for c in ex.security
        ],
        "notes": None
        if ex.policy_score >= 3
        else ("This text does not look like a privacy policy (few data-protection terms)."),
    }
