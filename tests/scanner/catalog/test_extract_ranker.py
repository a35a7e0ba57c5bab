"""The item model: what it adds to the rules' items, what it must never add, and the file."""

from __future__ import annotations

import math
import re

import msgspec
import pytest

from m365inv.catalog.extract import extract
from m365inv.catalog.extract.candidates import item_candidates
from m365inv.catalog.extract.items import ItemList, find_items
from m365inv.catalog.extract.ranker import (
    ItemModel,
    probability,
    ranked_items,
    scored_candidates,
    shipped_model,
)
from m365inv.catalog.extract.segment import lines


def _model(weights: dict[str, float], threshold: float = 0.5) -> ItemModel:
    return ItemModel(version=1, threshold=threshold, trained_on="test", weights=weights)


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    m = _model({"bias": -1.0, "lang=de": 0.5, "w=name": 2.0})
    p = probability(m, frozenset({"w=name", "unknown"}), "de")
    assert math.isclose(p, 1 / (1 + math.exp(-1.5)))
    assert probability(m, frozenset(), "en") < 0.5


# the rules read nothing here: no collecting verb, no list under a data heading
POLICY = (
    "## Welche Daten wir verarbeiten\n\n- E-Mail-Adresse\n\n"
    "Lieblingsfarbe, Schuhgröße und Sternzeichen landen bei uns.\n"
)


def test_the_model_adds_candidates_in_document_order_and_keeps_every_rule_item() -> None:
    all_lines = lines(POLICY)
    rules = [f.item for f in find_items(all_lines)]
    assert rules == ["E-Mail-Adresse"]
    favour = _model({"bias": -5.0, "w=lieblingsfarbe": 9.0, "w=schuhgrösse": 8.0})  # casefolded
    got = ranked_items(all_lines, "de", favour)
    assert [f.item for f in got] == ["E-Mail-Adresse", "Lieblingsfarbe", "Schuhgröße"]
    assert all(f.source.startswith("Lieblingsfarbe, Schuhgröße") for f in got[1:])
    assert [f.confidence for f in got[1:]] == [0.78, 0.75]  # p 0.98 / 0.95, no category: −0.2


def test_nothing_below_the_threshold_no_repeat_no_clause_and_no_sentence_the_rules_read() -> None:
    all_lines = lines(POLICY)
    assert [f.item for f in ranked_items(all_lines, "de", _model({"bias": -5.0}))] == [
        "E-Mail-Adresse"
    ]
    everything = _model({"bias": 9.0})
    text = (
        "## Welche Daten wir verarbeiten\n\n- E-Mail-Adresse\n\n"
        "Auch Lieblingsfarbe, Adresse und Schuhgröße."
    )
    got = [f.item for f in ranked_items(lines(text), "de", everything)]
    assert got == ["E-Mail-Adresse", "Lieblingsfarbe", "Schuhgröße"]  # "Adresse" repeats
    clause = "Vorlieben sind gespeichert, Lieblingsfarbe auch, Größe wird übermittelt."
    assert "Vorlieben sind gespeichert" not in [
        f.item for f in ranked_items(lines(clause), "de", everything)
    ]
    read = "Wir verarbeiten Ihre E-Mail-Adresse, damit Lieblingsfarbe und Schuhgröße passen."
    rules = [f.item for f in find_items(lines(read))]  # the rules read it all: one item
    assert rules == ["E-Mail-Adresse"]
    assert [f.item for f in ranked_items(lines(read), "de", everything)] == rules
    # where the rules took two or more entries of an enumeration, the entries they left next to
    # them are weighed; not the category whose examples they took, nor words further away
    listed = "Wir verarbeiten Name, E-Mail-Adresse und Lieblingsfarbe, um Sie zu erreichen."
    got = [f.item for f in ranked_items(lines(listed), "de", everything)]
    assert got == ["Name", "E-Mail-Adresse", "Lieblingsfarbe"]
    examples = "Wir verarbeiten Ihre E-Mail-Adresse sowie Dokumente (z. B. Rechnungen, Belege)."
    assert "Dokumente" not in [f.item for f in ranked_items(lines(examples), "de", everything)]


def test_the_cheap_bound_drops_nothing_that_full_scoring_keeps() -> None:
    text = (
        "## Daten\n\nLieblingsfarbe, Schuhgröße und Sternzeichen landen bei uns, "
        "ebenso Vorlieben, Gerätedaten und Notizen.\n- Benutzername\n- Kontaktdaten\n"
    )
    all_lines = lines(text)
    m = _model({"bias": -1.0, "datanoun": 1.5, "kind=text&datanoun": 0.6, "w=notizen": -0.2})
    kept = {c.text for _, c in scored_candidates(all_lines, "de", m, set())}
    full = {
        c.text
        for c in item_candidates(all_lines, set(), with_taken=False)
        if not re.search(r"\b(?:sind|wird|werden|ist|kann|können)\b", c.text)
        and probability(m, c.features, "de") >= m.threshold
    }
    assert kept == full and kept  # the same set, and not an empty one


def test_the_shipped_model_loads_and_is_sane() -> None:
    m = shipped_model()
    assert m.version == 1 and 0 < m.threshold < 1
    assert len(m.weights) > 1000 and all(math.isfinite(w) for w in m.weights.values())
    assert "documents" in m.trained_on
    # what the corpus teaches: a section heading that denies weighs against, an entry of a list
    # for, an entry of a list of purposes against, a lone word against (the lexicon's flags
    # alone have no fixed sign: "notdata" also marks "security logs" and "cloud storage", which
    # labellers take as data, and the phrase's own words carry that weight)
    assert m.weights["heading_neg"] < 0 and m.weights["kind=bullet"] > m.weights["kind=text"]
    assert m.weights["kind=bullet&lead_use"] < 0 and m.weights["nw=1"] < 0


def test_the_shipped_model_reads_prose_the_rules_miss_and_never_a_negated_list() -> None:
    text = (
        "## Data we process\n\n"
        "When you click Scan, subject line, sender address and attachment names travel to "
        "our API.\n\nWe never collect:\n\n- credit card numbers\n- passport scans\n"
    )
    assert find_items(lines(text)) == []
    items = [i.item for i in extract(text).items]
    assert "sender address" in items, items
    assert not any("credit card" in x or "passport" in x for x in items)


def test_a_paragraph_after_a_denying_one_is_read_but_a_denied_lead_in_still_bars_its_list() -> None:
    listed = "VO2 Max, Ruheherzfrequenz, Herzfrequenz, Schlafanalyse und Geburtsdatum."
    # "… schreiben nicht in Apple Health." denies writing, not what the next paragraph reads
    text = f"Wir schreiben nicht in Apple Health.\n\nDie App liest: {listed}"
    assert {"Ruheherzfrequenz", "Geburtsdatum"} <= {i.item for i in extract(text).items}
    # a lead-in that ends in a colon announces what follows: its denial covers the list
    assert [i.item for i in extract(f"Folgende Daten erheben wir nicht:\n\n{listed}").items] == []


def test_a_repeat_either_way_is_no_new_item() -> None:
    items = ItemList()
    items.add("E-Mail-Adresse", "s", 0.8)
    assert items.repeats("Adresse") and items.repeats("E-Mail-Adressen")
    assert not items.repeats("E-Mail-Adresse des Nutzers")  # the rules' own test: one way
    assert items.repeats("E-Mail-Adresse des Nutzers", either_way=True)
    assert not items.repeats("Telefonnummer", either_way=True)


def test_a_model_file_of_another_version_or_with_a_bad_threshold_is_refused() -> None:
    good = {"version": 1, "threshold": 0.4, "trained_on": "t", "weights": {"bias": -1.0}}
    assert msgspec.json.decode(msgspec.json.encode(good), type=ItemModel).threshold == 0.4
    for bad in ({"version": 2}, {"threshold": 1.0}, {"threshold": 0.0}, {"weights": {"x": "1"}}):
        with pytest.raises(msgspec.ValidationError):
            msgspec.json.decode(msgspec.json.encode({**good, **bad}), type=ItemModel)


def test_a_table_row_is_quoted_as_written_and_a_place_is_no_item() -> None:
    row = "| Acme-Statistik | Lieblingsfarbe, Schuhgröße | United States |"
    text = "## Empfänger\n\n| Anbieter | Zweck | Ort |\n|---|---|---|\n" + row + "\n"
    everything = _model({"bias": 9.0})
    got = ranked_items(lines(text), "de", everything)
    assert [f.item for f in got] == ["Lieblingsfarbe", "Schuhgröße"]  # not "United States"
    assert all(f.source == row for f in got)


def test_a_clause_is_never_drafted_but_a_noun_with_zu_may_be() -> None:
    text = (
        "## Welche Daten wir verarbeiten\n\nDie App kann Inhalte speichern, insbesondere:\n\n"
        "- Notizen zu abgeschlossenen Challenges\n- Präferenzen werden gespeichert\n"
    )
    got = [f.item for f in ranked_items(lines(text), "de", _model({"bias": 9.0}))]
    assert "Notizen zu abgeschlossenen Challenges" in got
    assert not any("werden" in x for x in got)


def test_the_veto_drops_a_rules_item_the_model_finds_unlikely() -> None:
    text = "## Welche Daten wir verarbeiten\n\n- E-Mail-Adresse\n- Telefonnummer\n"
    all_lines = lines(text)
    assert [f.item for f in find_items(all_lines)] == ["E-Mail-Adresse", "Telefonnummer"]
    # a weight against one word of the phrase, a bias that keeps the others likely
    weights = {"bias": 3.0, "w=telefonnummer": -9.0}
    features = {c.text: c.features for c in item_candidates(all_lines, {"Telefonnummer"})}
    assert "w=telefonnummer" in features["Telefonnummer"]  # (the feature the weight names)
    kept = ranked_items(all_lines, "de", msgspec.structs.replace(_model(weights), veto=0.2))
    assert [f.item for f in kept] == ["E-Mail-Adresse"]
    # without a veto (every model built before it) the rules' items all stay
    kept = ranked_items(all_lines, "de", _model(weights, threshold=0.99))
    assert [f.item for f in kept] == ["E-Mail-Adresse", "Telefonnummer"]


def test_the_shipped_model_carries_its_veto() -> None:
    assert 0.0 < shipped_model().veto < shipped_model().threshold


def test_the_veto_keeps_a_doubted_member_of_a_list_two_likely_items_share() -> None:
    # one sentence, one kind: the model's doubt about one member is outvoted by its siblings
    text = "Wir verarbeiten E-Mail-Adresse, Telefonnummer und Geburtsdatum.\n"
    all_lines = lines(text)
    assert [f.item for f in find_items(all_lines)] == [
        "E-Mail-Adresse", "Telefonnummer", "Geburtsdatum",
    ]  # fmt: skip
    weights = {"bias": 3.0, "w=telefonnummer": -9.0}
    vetoing = msgspec.structs.replace(_model(weights), veto=0.2)
    kept = ranked_items(all_lines, "de", vetoing)
    assert [f.item for f in kept] == ["E-Mail-Adresse", "Telefonnummer", "Geburtsdatum"]
    # with only one likely sibling, the doubt stands
    weights["w=geburtsdatum"] = -9.0
    kept = ranked_items(all_lines, "de", vetoing)
    assert [f.item for f in kept] == ["E-Mail-Adresse"]


def test_a_word_that_opens_a_drafted_compound_is_not_added() -> None:
    text = (
        "Der Provider erhebt und speichert Informationen in Log-Dateien, die Ihr Browser an uns "
        "übermittelt. Dies sind:\n\n- Browsertyp und Browserversion\n- IP-Adresse\n"
    )
    all_lines = lines(text)
    # a model that finds every candidate likely would add "Browser" (the subject of the lead)
    eager = _model({"bias": 9.0}, threshold=0.5)
    got = [f.item for f in ranked_items(all_lines, "de", eager)]
    assert {"Browsertyp", "Browserversion", "IP-Adresse"} <= set(got)
    assert "Browser" not in got
    assert "Provider" in got  # (the eager model adds what is no repeat)
