"""``python -m bench.train_claims``: sentences labelled by the bench's match, rare features left
out, a model the claim ranker reads, and the bench scoring with the model it is given."""

from __future__ import annotations

from pathlib import Path

import msgspec
import yaml

from bench import extraction, train_claims, train_items
from m365inv.catalog.extract import extract
from m365inv.catalog.extract.claim_ranker import ClaimModel

TEXT = (
    "## Security\n\nAll data is encrypted at rest with AES-256.\n\nWe recommend strong passwords.\n"
)


def _corpus(tmp_path: Path, n: int) -> Path:
    (tmp_path / "texts").mkdir()
    docs = []
    for k in range(n):
        doc_id = f"d{k}-en"
        (tmp_path / "texts" / f"{doc_id}.txt").write_text(TEXT, "utf-8")
        docs.append({"id": doc_id, "language": "en", "split": f"s{k}", "country": None,
                     "items": [], "retention": [], "legal_bases": [], "subprocessors": [],
                     "transfers": [], "security": ["encrypted at rest with AES-256"]})  # fmt: skip
    (tmp_path / "labels.yaml").write_text(yaml.safe_dump(docs), "utf-8")
    (tmp_path / "texts.sha256").write_text("", "utf-8")
    return tmp_path


def test_a_sentence_is_labelled_when_a_labelled_claim_is_in_it(tmp_path: Path) -> None:
    per_doc = train_claims.examples(_corpus(tmp_path, 2), set())
    labelled = {y for feats, y in per_doc[0] if "w=aes" in feats}
    assert labelled == {1}
    assert {y for feats, y in per_doc[0] if "w=recommend" in feats} == {0}
    assert len(train_claims.examples(tmp_path, {"s0"})) == 1  # a held-out split is left out


def test_features_of_fewer_documents_than_the_minimum_are_left_out(tmp_path: Path) -> None:
    per_doc = train_claims.examples(_corpus(tmp_path, train_claims.MIN_DOCS), set())
    assert "w=aes" in train_claims.model_from(per_doc, "t").weights
    assert "w=aes" not in train_claims.model_from(per_doc[:-1], "t").weights


def test_a_written_model_reads_back_and_weighs(tmp_path: Path) -> None:
    per_doc = train_claims.examples(_corpus(tmp_path, 3), set())
    model = train_claims.model_from(per_doc, "test")
    out = tmp_path / "claim_model.json"
    train_items.write_model(model, out)
    again = msgspec.json.decode(out.read_bytes(), type=ClaimModel)
    assert again == model and not out.with_suffix(".tmp").exists()
    assert [c.source for c in extract(TEXT, claim_model=again).security] == [
        "All data is encrypted at rest with AES-256."
    ]


def test_the_bench_scores_with_the_claim_model_it_is_given(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 1)
    veto_all = ClaimModel(
        version=1, threshold=1.0, veto=0.5, trained_on="t", weights={"bias": -9.0}
    )
    keep_all = ClaimModel(version=1, threshold=1.0, veto=0.0, trained_on="t", weights={})
    assert extraction.run(corpus, "all", claim_model=veto_all)["en"]["security"][0] == 0
    assert extraction.run(corpus, "all", claim_model=keep_all)["en"]["security"][0] == 1
