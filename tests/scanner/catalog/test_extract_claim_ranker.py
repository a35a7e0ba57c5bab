"""The claim model: what it drops of the rules' security claims, what it adds, and the file."""

from __future__ import annotations

import math
from pathlib import Path

from m365inv.catalog.extract import claim_examples, extract
from m365inv.catalog.extract.claim_ranker import (
    ClaimModel,
    probability,
    ranked_claims,
    shipped_claim_model,
)
from m365inv.catalog.extract.claims import SecurityHit

QUOTED = Path(__file__).parent / "quoted"
# weighs nothing: every rules' claim stays (veto 0), no sentence reaches the threshold
RULES_ONLY = ClaimModel(version=1, threshold=1.0, veto=0.0, trained_on="test", weights={})


def _sources(text: str, model: ClaimModel | None = None) -> list[str]:
    return [c.source for c in extract(text, claim_model=model).security]


def test_the_shipped_model_loads_and_is_sane() -> None:
    m = shipped_claim_model()
    assert m.version == 1 and 0 < m.veto < m.threshold <= 1
    assert len(m.weights) > 1000 and all(math.isfinite(w) for w in m.weights.values())
    assert "documents" in m.trained_on
    # what the rules found counts for a sentence; a heading claims nothing
    assert m.weights["rule"] > 0 > m.weights["kind=heading"]


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    weights = {"lang=en": 1.0, "bias": -0.5, "w=encrypted": 2.0}
    m = ClaimModel(version=1, threshold=0.5, veto=0.1, trained_on="test", weights=weights)
    p = probability(m, ("bias", "w=encrypted", "w=unknown"), "en")
    assert math.isclose(p, 1 / (1 + math.exp(-2.5)))


def test_a_model_that_weighs_nothing_leaves_the_rules_claims_as_they_are() -> None:
    text = "## Security\n\nAll data is encrypted in transit using TLS 1.2.\n\n- Daily backups\n"
    language, candidates = claim_examples(text)
    rules = [SecurityHit("x", "other", "All data is encrypted in transit using TLS 1.2.", 0.85)]
    assert ranked_claims(rules, candidates, language, RULES_ONLY) == rules
    assert _sources(text, RULES_ONLY) == _sources(text) != []


def test_advice_to_the_reader_in_a_security_section_is_no_claim() -> None:
    text = (QUOTED / "deepsoni-werecommend-en.txt").read_text("utf-8")
    advice = "Keeping your Chrome browser updated"
    assert advice in _sources(text, RULES_ONLY)  # the rules take every entry of the section
    assert _sources(text) == []


def test_the_model_adds_a_measure_the_vocabulary_does_not_know() -> None:
    text = "## Security\n\nCustomer data is stored in isolated databases per tenant.\n"
    assert _sources(text, RULES_ONLY) == []
    assert _sources(text) == ["Customer data is stored in isolated databases per tenant."]


def test_the_model_never_adds_what_the_rules_reject_for_a_reason() -> None:
    for text in (
        "## Security\n\n- Role-Based Access Control (RBAC) vorbereitet\n",  # planned
        "## Security\n\nIs customer data stored in isolated databases per tenant?\n",  # asked
        "## Security\n\nWe do not currently hold SOC 2 or ISO 27001 certification.\n",  # lacked
    ):
        assert _sources(text) == [], text
