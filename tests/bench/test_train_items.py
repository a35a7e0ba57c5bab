"""``python -m bench.train_items``: labels, a deterministic fit, and a model the ranker reads."""

from __future__ import annotations

from pathlib import Path

import msgspec
import yaml

from bench import extraction, train_items
from m365inv.catalog.extract.ranker import ItemModel, ranked_items
from m365inv.catalog.extract.segment import lines


def test_a_candidate_is_an_item_when_it_is_one_not_when_it_contains_one() -> None:
    labelled = ["E-Mail-Adresse des Nutzers", "IP-Adresse"]
    assert train_items.is_item("E-Mail-Adresse", labelled)
    assert train_items.is_item("ip-adresse", labelled)
    assert not train_items.is_item("Wir speichern Ihre IP-Adresse im Logfile des Servers", labelled)
    assert not train_items.is_item("Telefonnummer", labelled)


def test_the_fit_separates_and_is_the_same_every_time() -> None:
    data = [(("bias", "good"), 1), (("bias", "bad"), 0)] * 20 + [(("bias", "odd"), 1)]
    w = train_items.fit(data)
    assert w["good"] > 0 > w["bad"]
    assert train_items.fit(data) == w


def test_a_warm_fit_starts_from_its_prior_and_stays_near_it() -> None:
    data = [(("bias", "good"), 1), (("bias", "bad"), 0)] * 20
    prior = {"bias": 0.1, "good": 2.0, "bad": -2.0, "unseen": 1.5}
    w = train_items.fit(data, prior)
    assert w["unseen"] == 1.5  # a feature the texts here do not have keeps its prior weight
    assert w["good"] > 1.5 and w["bad"] < -1.5  # agreeing texts move it little
    cold = train_items.fit(data)
    assert "unseen" not in cold
    # texts that disagree pull less than a fresh fit is pulled: the prior is what L2 is toward
    flipped = [(f, 1 - y) for f, y in data]
    assert train_items.fit(flipped, prior)["good"] > train_items.fit(flipped)["good"]
    assert train_items.fit(data, prior) == w


def test_a_model_trained_on_a_corpus_reads_back_and_drafts(tmp_path: Path) -> None:
    texts = {
        "a-de": "## Daten\n\nBei der Anmeldung landen Vorname, Lieblingsfarbe und Schuhgröße.\n",
        "b-de": "## Daten\n\nIm Profil landen Nachname, Lieblingsfarbe und Sternzeichen.\n",
    }
    (tmp_path / "texts").mkdir()
    docs = []
    for doc_id, text in texts.items():
        (tmp_path / "texts" / f"{doc_id}.txt").write_text(text, "utf-8")
        docs.append({"id": doc_id, "language": "de", "split": "dev",
                     "items": ["Vorname", "Nachname", "Lieblingsfarbe", "Schuhgröße",
                               "Sternzeichen"]})  # fmt: skip
    (tmp_path / "labels.yaml").write_text(yaml.safe_dump(docs), "utf-8")
    loaded = train_items.load(tmp_path)
    model = train_items.model_from(loaded, "test")
    assert "2 documents" in model.trained_on
    again = msgspec.json.decode(msgspec.json.encode(model), type=ItemModel)
    assert again == model
    got = [f.item for f in ranked_items(lines(texts["a-de"]), "de", model)]
    assert "Lieblingsfarbe" in got


def test_the_bench_scores_with_the_model_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    text = "## Daten\n\nAuch Lieblingsfarbe, Schuhgröße und Sternzeichen.\n"
    (tmp_path / "texts" / "a-de.txt").write_text(text, "utf-8")
    (tmp_path / "texts.sha256").write_text("", "utf-8")
    doc = {"id": "a-de", "language": "de", "split": "dev", "country": None,
           "items": ["Lieblingsfarbe", "Schuhgröße"], "retention": [], "legal_bases": [],
           "subprocessors": [], "transfers": [], "security": []}  # fmt: skip
    (tmp_path / "labels.yaml").write_text(yaml.safe_dump([doc]), "utf-8")
    none = ItemModel(version=1, threshold=0.5, trained_on="t", weights={"bias": -9.0})
    every = ItemModel(version=1, threshold=0.5, trained_on="t", weights={"bias": 9.0})
    assert extraction.run(tmp_path, "all", item_model=none)["de"]["items"][0] == 0
    assert extraction.run(tmp_path, "all", item_model=every)["de"]["items"][0] == 2
