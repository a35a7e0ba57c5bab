"""``python -m bench.extraction`` on a small corpus: scores what is there, names what is not.

The corpus texts are third parties' copyrighted material and are not in the repository, so a
fresh clone has none; the bench must say which documents it could not score (and which texts
differ from the bytes the published figures were measured on) instead of crashing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from bench import extraction

POLICY = (
    "Datenschutzerklärung der Beispiel GmbH, Hauptstraße 1, 10115 Berlin, Deutschland.\n\n"
    "## Welche Daten wir verarbeiten\n\n- Name\n- E-Mail-Adresse\n- IP-Adresse\n\n"
    "Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO.\n"
)


def _doc(doc_id: str, items: list[str]) -> dict[str, object]:
    return {
        "id": doc_id, "language": "de", "split": "dev", "source": "https://x.example",
        "licence": "written for this test", "country": "DE", "items": items, "retention": [],
        "legal_bases": ["b"], "subprocessors": [], "transfers": [], "security": [],
    }  # fmt: skip


def _corpus(tmp_path: Path, *, text: str, recorded: str) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    docs = [_doc("here-de", ["Name", "E-Mail-Adresse", "IP-Adresse", "Telefonnummer"])]
    docs.append(_doc("gone-de", ["Name"]))
    (corpus / "labels.yaml").write_text(yaml.safe_dump(docs), "utf-8")
    (corpus / "texts" / "here-de.txt").write_text(text, "utf-8")
    digest = hashlib.sha256(recorded.encode()).hexdigest()
    (corpus / "texts.sha256").write_text(f"{digest}  here-de.txt\n", "utf-8")
    return corpus


def test_scores_present_texts_and_names_missing_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path, text=POLICY, recorded=POLICY)
    counts = extraction.run(corpus, "all")
    out = capsys.readouterr().out
    assert "(1 of 2 documents scored)" in out
    assert "text missing, not scored: gone-de" in out
    assert "differs" not in out
    items = counts["de"]["items"]
    assert items == [3, 0, 1]  # three found, none extra, "Telefonnummer" not in the text
    assert counts["de"]["legal_bases"] == [1, 0, 0]


def test_a_recreated_text_that_differs_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path, text=POLICY, recorded=POLICY + "x")
    extraction.run(corpus, "dev")
    assert "text differs from texts.sha256 (re-created): here-de" in capsys.readouterr().out


def test_the_committed_synthetic_probes_are_complete_and_pinned(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # bench/synthetic holds texts written for the project (unlike the real corpus), so every
    # labelled document must be present and unchanged; a fresh clone scores them all
    corpus = Path(__file__).resolve().parents[2] / "bench" / "synthetic"
    docs = yaml.safe_load((corpus / "labels.yaml").read_text("utf-8"))
    counts = extraction.run(corpus, "synth3")
    out = capsys.readouterr().out
    held_out = [d for d in docs if d["split"] == "synth3"]
    assert f"({len(held_out)} of {len(held_out)} documents scored)" in out
    assert "missing" not in out and "differs" not in out
    assert sum(counts["de"]["items"]) > 0


def test_a_processor_labelled_with_its_legal_form_matches_its_bare_name() -> None:
    doc = _doc("x-de", [])
    doc["subprocessors"] = [{"name": "Clerk, Inc.", "country": "US"}, {"name": "Axiom, Inc."}]
    draft = {
        "disclosures": [], "retention_rules": [], "legal_bases": [], "transfers": [],
        "security_claims": [], "country": None,
        "subprocessors": [{"name": "Clerk", "country": "US"}, {"name": "Sentry", "country": None}],
    }  # fmt: skip
    c: extraction.Counts = {k: [0, 0, 0] for k in extraction.KINDS}
    agree, matched = extraction.score_document(doc, draft, c)
    assert c["subprocessors"] == [1, 1, 1]  # Clerk matched; Sentry drafted, Axiom missed
    assert (agree, matched) == (1, 1)


def test_a_transfer_labelled_without_a_mechanism_is_the_drafts_none_stated() -> None:
    doc = _doc("x-en", [])
    doc["transfers"] = [{"country": "US", "mechanism": None}, {"country": "GB", "mechanism": "SCC"}]
    draft = {
        "disclosures": [], "retention_rules": [], "legal_bases": [], "subprocessors": [],
        "security_claims": [], "country": None,
        "transfers": [
            {"country": "US", "mechanism": "none-stated"}, {"country": "GB", "mechanism": "DPF"}
        ],
    }  # fmt: skip
    c: extraction.Counts = {k: [0, 0, 0] for k in extraction.KINDS}
    extraction.score_document(doc, draft, c)
    assert c["transfers"] == [1, 1, 1]  # US agrees; GB's mechanism does not


def test_weeks_and_days_of_one_length_are_one_period() -> None:
    doc = _doc("x-en", [])
    doc["retention"] = ["P28D", "P1W", "P30D"]
    draft = {
        "disclosures": [], "legal_bases": [], "subprocessors": [], "transfers": [],
        "security_claims": [], "country": None,
        "retention_rules": [{"period": "P4W"}, {"period": "P7D"}, {"period": "P1M"}],
    }  # fmt: skip
    c: extraction.Counts = {k: [0, 0, 0] for k in extraction.KINDS}
    extraction.score_document(doc, draft, c)
    assert c["retention"] == [2, 1, 1]  # 4 weeks = 28 days, 1 week = 7 days; a month is no 30 days


@pytest.mark.parametrize("corpus", ["corpus", "synthetic"])
def test_every_labelled_country_is_a_code_or_null(corpus: str) -> None:
    # YAML reads an unquoted Norway, "country: NO", as false: such a label can never match
    path = Path(__file__).resolve().parents[2] / "bench" / corpus / "labels.yaml"
    docs = yaml.safe_load(path.read_text("utf-8"))
    for d in docs:
        countries = [
            d["country"],
            *(s["country"] for s in d["subprocessors"]),
            *(t["country"] for t in d["transfers"]),
        ]
        for c in countries:
            assert c is None or (isinstance(c, str) and len(c) == 2 and c.isupper()), (d["id"], c)
