"""Data items the rules missed, chosen among every candidate phrase by a learnt linear model.

Per-phrase rules stop generalising: each unseen policy words its lists a little differently.
So after the rules, every enumeration piece of the policy (:mod:`candidates`) is weighed by a
logistic-regression model trained on the labelled corpus (``bench/train_items.py``); a piece
whose probability of being a labelled item reaches the model's threshold joins the rules'
items, unless it repeats one. The model is a JSON table of feature weights shipped in the
package — nothing is downloaded, and scoring is a sum per phrase. Of the rules' own items the
model drops only those it finds very unlikely (its ``veto``), unless two others of the same
sentence are likely: an enumeration is of one kind.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Annotated, Literal

import msgspec

from m365inv.catalog.extract.candidates import (
    LEXICON_FLAGS,
    Candidate,
    anchors,
    complete,
    item_candidates,
)
from m365inv.catalog.extract.items import (
    FoundItem,
    ItemList,
    closes_data,
    collect_items,
    with_listed_fields,
)
from m365inv.catalog.extract.phrases import EXAMPLE_LEAD, GENERIC
from m365inv.catalog.extract.segment import Line

MODEL_FILE = "item_model.json"
# an item that only says "data" ("die nachfolgend beschriebenen personenbezogenen Daten"): the
# rules took the lead-in, not the list, so the sentence is not read
_VAGUE = re.compile(r"(?:^|\s)(?:daten|data|informationen|information|angaben)$", re.IGNORECASE)


# a finite verb makes a clause of a phrase; the lexicon's wider "verb-like" test (which also
# flags "zu" in "Notizen zu abgeschlossenen Challenges") stays a feature the model weighs
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|can|may|must|has|have|does|ist|sind|wird|werden|wurde|wurden"
    r"|kann|können|hat|haben|bleiben|bleibt|remain|remains)\b",
    re.IGNORECASE,
)


_UNDER_NO_DATA_LEAD = frozenset({"kind=bullet", "lead_use"})
# a phrase that ends before its noun: an adjective or adverb cut from "your first and last
# name", "the same data and the relevant …", "… auch": no datum whatever its context weighs
_NO_NOUN_END = re.compile(
    r"(?:^|\s)(?:first|last|full|middle|other|same|relevant|additional|further|certain|such"
    r"|various|own|auch|also|too|etc\.?|usw\.?|sowie|bzw\.?)$",
    re.IGNORECASE,
)
# a span of time the data is kept for, not a datum: "for the duration of the session" — unlike
# "duration of the visit" in a list of usage data, it follows "for the" / "für die"
_DURATION_OF = re.compile(r"(?:Dauer|Zeitraum|Laufzeit|duration|period|length)\b", re.IGNORECASE)
_FOR_THE = re.compile(
    r"\b(?:für|for|während|during|über|over|throughout)\s+(?:die|den|the)\s+$", re.IGNORECASE
)
# a relative clause cut loose from its noun: "denen du gezählt hast" (not "which pages you
# visit", "welche Seiten Sie aufrufen": a question word opens an item as often as a clause)
_RELATIVE_START = re.compile(r"^(?:denen|deren|dessen|whose|whom)\b", re.IGNORECASE)


class ItemModel(msgspec.Struct, frozen=True):
    """Weights of a logistic regression over candidate features, and where to cut."""

    version: Literal[1]  # the feature set the weights were learnt for (candidates.py)
    threshold: Annotated[float, msgspec.Meta(gt=0.0, lt=1.0)]  # drafted at or above this
    trained_on: str  # the corpus and settings it was learnt from, for the record
    weights: dict[str, float]
    # a rules' item the model finds this unlikely is dropped (0: the rules' items all stay)
    veto: Annotated[float, msgspec.Meta(ge=0.0, lt=1.0)] = 0.0


@lru_cache(maxsize=1)
def shipped_model() -> ItemModel:
    """The model in the package (a missing or broken file is a packaging error: it raises)."""
    raw = resources.files("m365inv.catalog.extract").joinpath(MODEL_FILE).read_bytes()
    return msgspec.json.decode(raw, type=ItemModel)


def _logit(model: ItemModel, features: frozenset[str], language: str) -> float:
    w = model.weights
    z = w.get("bias", 0.0) + w.get(f"lang={language}", 0.0)
    return z + sum(w.get(f, 0.0) for f in features)


def probability(model: ItemModel, features: frozenset[str], language: str) -> float:
    z = _logit(model, features, language)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _lexicon_gain(
    model: ItemModel, anchor_list: tuple[str, ...], cache: dict[tuple[str, ...], float]
) -> float:
    """The most the lexicon's features could add to a logit (positive weights only), for a
    candidate with these anchors (a line's kind, a piece's role: a handful of combinations)."""
    if anchor_list not in cache:
        w = model.weights
        cache[anchor_list] = sum(
            max(0.0, w.get(flag, 0.0))
            + sum(max(0.0, w.get(f"{a}&{flag}", 0.0)) for a in anchor_list)
            for flag in LEXICON_FLAGS
        )
    return cache[anchor_list]


def scored_candidates(
    all_lines: list[Line],
    language: str,
    model: ItemModel,
    taken: set[str],
    read: Callable[[str], bool] | None = None,
) -> list[tuple[float, Candidate]]:
    """The candidates the rules did not take that reach the model's threshold, with their
    probability, in document order. The lexicon's features are costly, so a candidate that
    cannot reach the threshold even with the best of them is dropped before they are read:
    the result is the same as scoring every candidate in full."""
    cut = math.log(model.threshold / (1.0 - model.threshold))
    out: list[tuple[float, Candidate]] = []
    gains: dict[tuple[str, ...], float] = {}
    for cand in item_candidates(all_lines, taken, with_taken=False, lexicon=False, read=read):
        if _FINITE_VERB.search(cand.text) or _RELATIVE_START.match(cand.text):
            continue  # a clause ("preferences are stored"), never an item on its own
        if _NO_NOUN_END.search(cand.text) or GENERIC.match(cand.text):
            continue  # "your first" (of "your first and last name"), "relevant information":
            # the rules' own test of a generic word, which they never draft either
        if _DURATION_OF.match(cand.text) and _for_the_span(cand):
            continue  # "… für die Dauer der jeweiligen Sitzung vorgehalten": how long, no datum
        if len(cand.source.split()) <= 6 and closes_data(cand.source):
            continue  # a title of a section on something else: "Löschfristen & Speicherzeiten"
        if _UNDER_NO_DATA_LEAD <= cand.features:
            continue  # an entry of a list of purposes ("… to:"), which the rules skip whole
        gain = _lexicon_gain(model, tuple(sorted(anchors(cand.features))), gains)
        if _logit(model, cand.features, language) + gain < cut:
            continue
        full = complete(cand)
        p = probability(model, full.features, language)
        if p >= model.threshold:
            out.append((p, full))
    return out


def _for_the_span(cand: Candidate) -> bool:
    """Whether "for the" / "für die" stands right before the candidate: in its sentence, or at
    the end of the line above when the candidate opens a wrapped line (its lead's words)."""
    at = cand.source.find(cand.text)
    if at > 0:
        return _FOR_THE.search(cand.source[:at]) is not None
    lead = {f[5:] for f in cand.features if f.startswith("lead=")}
    return bool(lead & {"für", "for", "während", "during"}) and bool(lead & {"die", "den", "the"})


def _vetoed(items: ItemList, all_lines: list[Line], language: str, model: ItemModel) -> ItemList:
    """The rules' items without those the model finds below its veto: a rule reads a shape
    ("X: description", "we process A and B") and cannot tell a purpose or a recipient that
    fits the shape from data; the model weighs the words around the phrase, learnt from every
    labelled text. Only the sentences the rules drew items from are read for this."""
    sources = "\x00".join(f.source for f in items.found)
    taken = {f.item for f in items.found}
    features = {
        c.text: c.features
        for c in item_candidates(
            all_lines, taken, read=lambda sentence: sentence not in sources, only_taken=True
        )
    }
    p = [probability(model, features.get(f.item, frozenset()), language) for f in items.found]
    # an enumeration is of one kind: a member the model doubts stays when two others of the
    # same sentence are likely items ("All HR records — employees, contracts, loans")
    likely = Counter(
        f.source for f, pf in zip(items.found, p, strict=True) if pf >= model.threshold
    )
    kept = ItemList()
    for f, pf in zip(items.found, p, strict=True):
        # a category whose parentheses list its fields ("Kontaktdaten (z.B. E-Mail,
        # Telefonnummern)") is drafted as those fields: the model weighed the category word
        if pf >= model.veto or likely[f.source] >= 2 or len(with_listed_fields([f])) >= 2:
            kept.keep(f)
    return kept


def _first_of_compound(phrase: str, items: ItemList) -> bool:
    """Whether ``phrase`` is one word that opens a German compound already drafted: "Browser"
    beside "Browsertyp" and "Browserversion" adds nothing, just as "browser" beside "browser
    type" adds nothing (a repeat by its words, which :meth:`ItemList.repeats` sees)."""
    word = phrase.strip().casefold()
    if " " in word or len(word) < 4:
        return False
    return any(
        w.startswith(word) and len(w) >= len(word) + 3
        for f in items.found
        for w in f.item.casefold().split()
    )


# what may stand between two entries of one enumeration: a separator, and the parenthesised
# detail of the entry before ("Anschrift (Straße, PLZ), Fähigkeiten")
_BETWEEN_ENTRIES = re.compile(
    r"^\s*(?:\([^()]{0,120}\))?\s*[,;/]?\s*(?:(?:and|und|or|oder|sowie|as well as|bzw\.|&)\s+)?"
    r"(?:(?:the|your|their|its|a|an|der|die|das|den|dem|des|ein|eine[mnrs]?|Ihre[mnrs]?"
    r"|deine[mnrs]?|seine[mnrs]?)\s+)?$",
    re.IGNORECASE,
)


# a clause after an enumeration, not an entry of it
_CLAUSE_OPENING = re.compile(
    r"(?:um|damit|weil|wenn|dass|sodass|sofern|soweit|welche[rs]?|to|so|in order"
    r"|which|that|who|because|when|where|if|unless|while|we|wir|you|Sie)\b",
    re.IGNORECASE,
)


class _Siblings:
    """Which candidates of a sentence are entries of the very enumeration the rules drew two or
    more items from: a candidate whose gap to a rules' item (or to an entry already found one)
    is only a separator. "Name, Beschreibung, Menge, Kaufdatum, Wert von Gegenständen" — the
    rules took three, "Menge" and "Wert von Gegenständen" stand between and after them; not
    "Defender" in "… incident data from your Intune, Defender, and Entra environments", nor the
    category whose examples the rules took ("connection information (such as …)")."""

    def __init__(self, items: ItemList) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for f in items.found:
            at = f.source.find(f.item)
            if at >= 0:
                self._spans.setdefault(f.source, []).append((at, at + len(f.item)))

    def of_the_list(self, cand: Candidate) -> bool:
        # the rules quote a paragraph or a row where a candidate quotes its sentence
        for source, spans in self._spans.items():
            if cand.source in source:
                at = source.find(cand.text, source.find(cand.source))
                if at >= 0:
                    return self._next_to(source, spans, at, at + len(cand.text))
        return False

    @staticmethod
    def _next_to(source: str, spans: list[tuple[int, int]], at: int, end: int) -> bool:
        if EXAMPLE_LEAD.match(source[end:].lstrip(" (:–-")):
            return False  # "hochgeladene Dokumente (z. B. Rechnungen, …)": its examples stand
        if _CLAUSE_OPENING.match(source, at):
            return False  # "…, Lieblingsfarbe, um Sie zu erreichen": a purpose after the list
        for start, stop in spans:
            gap = source[stop:at] if stop <= at else source[end:start] if end <= start else None
            if gap is not None and _BETWEEN_ENTRIES.match(gap):
                spans.append((at, end))  # an entry found is a neighbour for the next
                return True
        return False


def ranked_items(
    all_lines: list[Line], language: str, model: ItemModel | None = None
) -> list[FoundItem]:
    """The rules' items, then the candidates the model draws (most probable first chosen,
    kept in document order); ``model`` defaults to the shipped one."""
    model = model or shipped_model()
    items = collect_items(all_lines)
    if model.veto > 0.0:
        items = _vetoed(items, all_lines, language, model)
    taken = {f.item for f in items.found}
    # a sentence the rules drew items from is read: its other words were left out on purpose
    sources = "\x00".join(f.source for f in items.found if not _VAGUE.search(f.item))
    # … but an enumeration is of one kind: where the rules took two or more of its entries,
    # the entries they left are weighed like any candidate ("Name, Beschreibung, Menge,
    # Kaufdatum, Wert von Gegenständen": the rules know three of the words) — not the category
    # whose examples the rules took instead ("connection information (such as …)")
    per_source = Counter(f.source for f in items.found)
    listing = "\x00".join(s for s, k in per_source.items() if k >= 2)

    def read(sentence: str) -> bool:
        return sentence in sources and sentence not in listing

    scored = scored_candidates(all_lines, language, model, taken, read)
    siblings = _Siblings(items)
    order = sorted(range(len(scored)), key=lambda k: -scored[k][0])
    chosen: list[int] = []
    for k in order:
        p, cand = scored[k]
        if cand.source in listing and not siblings.of_the_list(cand):
            continue
        if not items.repeats(cand.text, either_way=True) and not _first_of_compound(
            cand.text, items
        ):
            before = len(items.found)
            items.add(cand.text, cand.source, round(p, 2))
            if len(items.found) > before:
                chosen.append(k)
    added = items.found[len(items.found) - len(chosen) :]
    by_position = sorted(zip(chosen, added, strict=True), key=lambda pair: pair[0])
    return with_listed_fields(
        [*items.found[: len(items.found) - len(chosen)], *(f for _, f in by_position)]
    )
