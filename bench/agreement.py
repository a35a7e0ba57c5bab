"""How far two careful human readers agree: the corpus labels against a second labelling.

``bench/corpus/second_labels.yaml`` holds documents labelled a second time, by a reader who
followed the same conventions (``bench/corpus/README.md``) without seeing the first labels. The
agreement is scored exactly as the extractor is (``bench.extraction.score_document``, the
second labels in the place of a draft), so it is the ceiling the extractor's figures can be
read against: an F1 target above the readers' own agreement could not be measured.

    python -m bench.agreement [--corpus DIR]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bench.extraction import KINDS, Counts, print_counts, score_document
from m365inv.catalog.extract.claims import basis_label


def as_draft(doc: dict[str, Any]) -> dict[str, Any]:
    """A labelled document in the shape ``score_document`` reads a draft in."""
    return {
        "disclosures": [{"item": x} for x in doc["items"]],
        "retention_rules": [{"period": p} for p in doc["retention"]],
        "legal_bases": [{"basis": basis_label(b)} for b in doc["legal_bases"]],
        "subprocessors": [
            {"name": s["name"], "country": s.get("country")} for s in doc["subprocessors"]
        ],
        # a label's null mechanism is the draft's "none-stated": both say the text names none
        "transfers": [
            {"country": t["country"], "mechanism": t["mechanism"] or "none-stated"}
            for t in doc["transfers"]
        ],
        "security_claims": [{"source": s} for s in doc["security"]],
        "country": doc["country"],
    }


def agreement(corpus: Path) -> dict[str, Counts]:
    first = {d["id"]: d for d in yaml.safe_load((corpus / "labels.yaml").read_text("utf-8"))}
    second = yaml.safe_load((corpus / "second_labels.yaml").read_text("utf-8"))
    per_lang: dict[str, Counts] = defaultdict(lambda: {k: [0, 0, 0] for k in KINDS})
    for doc in second:
        score_document(first[doc["id"]], as_draft(doc), per_lang[doc["language"]])
    return dict(per_lang)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    args = ap.parse_args()
    print_counts(agreement(args.corpus), " (second labelling vs labels.yaml)")


if __name__ == "__main__":
    main()
