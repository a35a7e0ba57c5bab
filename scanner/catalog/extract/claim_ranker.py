"""Security claims weighed by a learnt linear model after the rules.

The rules (:mod:`claims`) find security measures by vocabulary; what they cannot see is the
sentence's setting: advice to the reader under "we recommend:", a processor's own measure, a
glossary, a feature's name. So every sentence that could be a claim — one the rules took, one
with a security word, one in a section on security — is weighed by a logistic regression
trained on the labelled corpus (``bench/train_claims.py``) over its words, word pairs, the
heading and list lead-in it stands under and what the rules said of it. A rules' claim the
model finds very unlikely (below its ``veto``) is dropped; a sentence the rules left whose
probability reaches the ``threshold`` is added. The weights ship in the package as JSON; nothing
is downloaded, and scoring is a sum per sentence.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Annotated, Literal

import msgspec

from m365inv.catalog.extract.claims import PREFILTER, SecurityHit, claims_nothing
from m365inv.catalog.extract.segment import Line, mentions_any, sentences

MODEL_FILE = "claim_model.json"
# a listed measure (one claim per entry of a security section, whatever its words) as
# :func:`claims.listed_measures` marks it
_LISTED = ("other", 0.6)
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
_WE = re.compile(r"\s*(?:we|wir)\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:you|your|Sie|Ihr\w*)\b")


class ClaimModel(msgspec.Struct, frozen=True):
    """Weights of a logistic regression over sentence features, and where to cut."""

    version: Literal[1]  # the feature set the weights were learnt for (claim_features)
    threshold: Annotated[float, msgspec.Meta(gt=0.0, le=1.0)]  # a sentence is added at this
    veto: Annotated[float, msgspec.Meta(ge=0.0, lt=1.0)]  # a rules' claim is dropped below
    trained_on: str  # the corpus and settings it was learnt from, for the record
    weights: dict[str, float]


class ClaimCandidate(msgspec.Struct, frozen=True):
    """A sentence that could be a claim: its features and the rules' claims read from it."""

    sentence: str
    features: tuple[str, ...]  # sorted: sums in a fixed order
    claims: tuple[int, ...]  # indices of the rules' claims whose source is this sentence/line
    own: bool  # in the policy's own language (the other copy of a bilingual page adds nothing)


@lru_cache(maxsize=1)
def shipped_claim_model() -> ClaimModel:
    """The model in the package (a missing or broken file is a packaging error: it raises)."""
    raw = resources.files("m365inv.catalog.extract").joinpath(MODEL_FILE).read_bytes()
    return msgspec.json.decode(raw, type=ClaimModel)


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def claim_features(
    sentence: str,
    line: Line,
    head: str,
    lead: str,
    in_section: bool,
    kinds: list[str],
    worded: bool,
) -> tuple[str, ...]:
    """What the model weighs: the sentence's words and word pairs, its heading's and list
    lead-in's words, the line's kind, and what the rules said (``kinds``: the claim kinds the
    rules read from it, ``listed`` for an entry of a security section)."""
    ws = _words(sentence)
    f = {"bias", f"kind={line.kind}"}
    f.update(f"w={w}" for w in ws)
    f.update(f"b={a}_{b}" for a, b in pairwise(ws))
    f.update(f"h={w}" for w in _words(head)[:12])
    f.update(f"l={w}" for w in _words(lead)[:12])
    f.update(f"rule={k}" for k in kinds)
    if kinds:
        f.add("rule")
    if line.row:
        f.add("row")
    if in_section:
        f.add("sec")
    if worded:
        f.add("pre")
    n = len(ws)
    f.add("len=" + ("1" if n < 4 else "2" if n < 8 else "3" if n < 16 else "4" if n < 30 else "5"))
    end = sentence.rstrip()
    if end.endswith(":"):
        f.add("colon_end")
    if end.endswith("?"):
        f.add("q_end")
    if _WE.match(sentence):
        f.add("we_start")
    if _YOU.search(sentence):
        f.add("you")
    return tuple(sorted(f))


def claim_candidates(
    all_lines: list[Line],
    own_lines: list[Line],
    heads: list[str],
    leads: list[str],
    in_section: list[bool],
    claims: list[SecurityHit],
) -> list[ClaimCandidate]:
    """Every sentence a claim could be read from (each once, in document order): one the rules
    took, one with a word of the security vocabulary, one in a section on security."""
    by_source: dict[str, list[int]] = {}
    for k, hit in enumerate(claims):
        by_source.setdefault(hit.source, []).append(k)
    own = {id(line) for line in own_lines}
    out: list[ClaimCandidate] = []
    seen: set[str] = set()
    for line, head, lead, here in zip(all_lines, heads, leads, in_section, strict=True):
        # a listed measure quotes its whole entry (or table row): every sentence of it reads it
        whole = by_source.get(line.text, []) + (by_source.get(line.row, []) if line.row else [])
        for para in (line.text, line.row_rest):
            for s in sentences(para) if para else []:
                said = sorted({*by_source.get(s, []), *whole})
                if s in seen:
                    continue
                worded = mentions_any(s, PREFILTER)
                if not (said or here or worded):
                    continue
                seen.add(s)
                kinds = sorted(
                    {"listed" if (claims[k].kind, claims[k].confidence) == _LISTED
                     else claims[k].kind for k in said}
                )  # fmt: skip
                features = claim_features(s, line, head, lead, here, kinds, worded)
                out.append(ClaimCandidate(s, features, tuple(said), id(line) in own))
    return out


def probability(model: ClaimModel, features: tuple[str, ...], language: str) -> float:
    w = model.weights
    z = w.get(f"lang={language}", 0.0) + sum(w.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def ranked_claims(
    claims: list[SecurityHit],
    candidates: list[ClaimCandidate],
    language: str,
    model: ClaimModel | None = None,
) -> list[SecurityHit]:
    """The rules' claims the model does not veto, then the sentences it adds, in document
    order; ``model`` defaults to the shipped one."""
    model = model or shipped_claim_model()
    best: dict[int, float] = {}
    added: list[SecurityHit] = []
    taken = {hit.source for hit in claims}
    for cand in candidates:
        p = probability(model, cand.features, language)
        for k in cand.claims:
            best[k] = max(best.get(k, 0.0), p)
        if cand.claims or not cand.own or cand.sentence in taken or p < model.threshold:
            continue
        if not claims_nothing(cand.sentence):  # the rules' reasons hold for the model too
            added.append(SecurityHit(cand.sentence[:200], "other", cand.sentence, round(p, 2)))
            taken.add(cand.sentence)
    kept = [hit for k, hit in enumerate(claims) if best.get(k, 1.0) >= model.veto]
    return kept + added
