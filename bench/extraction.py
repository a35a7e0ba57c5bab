"""Precision and recall of `m365inv catalog import` against the hand-written seed catalog files.

Matching criterion (printed with the results): a drafted disclosure item matches a hand-written
item of the same vendor when (1) their item texts are similar — rapidfuzz ``token_set_ratio`` of
the case-folded texts ≥ 80 — and (2) their categories agree: some drafted category equals, is an
ancestor of, or is a descendant of some hand-written category (or the hand-written item has no
category). Each hand-written item is matched at most once (greedy, best text score first).
Precision = matched drafted / drafted; recall = matched hand-written / hand-written.
Sub-processors are matched by name (token_set_ratio ≥ 80), legal bases by exact letter.

    python -m bench.extraction [SEEDS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rapidfuzz import fuzz

from scanner.catalog import load_catalog
from scanner.catalog.draft import draft_vendor
from scanner.classify.taxonomy import covers

SEED_TO_VENDOR = {
    "000_4a12eb166355a894.txt": ("axontic-mailissa", "axontic GmbH"),
    "001_3c0309e821e4578c.txt": ("mailstore", "MailStore Software GmbH"),
    "002_5e984c2aebac052a.txt": ("milliways-emilie", "Milliways Infodesign GmbH"),
    "003_1b84f96e1bfebbd9.txt": ("utilitas-contactsync", "utilitas GmbH"),
    "004_89f30eeb3e8d1b01.txt": ("mailprofessionals", "Mail Professionals GmbH"),
}
TEXT_THRESHOLD = 80


def _cats_agree(drafted: list[str], hand: tuple[str, ...]) -> bool:
    if not hand:
        return True
    return any(covers(h, d) or covers(d, h) for d in drafted for h in hand)


def _match(drafted: list[tuple[str, list[str]]], hand: list[tuple[str, tuple[str, ...]]]) -> int:
    pairs = []
    for i, (dt, dc) in enumerate(drafted):
        for j, (ht, hc) in enumerate(hand):
            score = fuzz.token_set_ratio(dt.casefold(), ht.casefold())
            if score >= TEXT_THRESHOLD and _cats_agree(dc, hc):
                pairs.append((score, i, j))
    used_d: set[int] = set()
    used_h: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_d and j not in used_h:
            used_d.add(i)
            used_h.add(j)
    return len(used_d)


def _pr(matched: int, drafted: int, hand: int) -> str:
    p = matched / drafted if drafted else float("nan")
    r = matched / hand if hand else float("nan")
    return f"P={p:5.2f} R={r:5.2f} ({matched} matched / {drafted} drafted / {hand} hand)"


def main(seeds: Path) -> None:
    catalog = load_catalog()
    print(__doc__.split("\n\n")[1])
    totals = [0, 0, 0]
    for fname, (vid, entity) in SEED_TO_VENDOR.items():
        vendor = catalog.get(vid)
        assert vendor is not None
        draft = draft_vendor((seeds / fname).read_text("utf-8"), entity)
        d_items = [(i["item"], i["categories"]) for i in draft["disclosures"]]
        h_items = [(i.item, i.categories) for i in vendor.disclosures]
        m = _match(d_items, h_items)
        totals = [totals[0] + m, totals[1] + len(d_items), totals[2] + len(h_items)]
        d_subs = [s["name"] for s in draft["subprocessors"]]
        h_subs = [s.name for s in vendor.subprocessors]
        ms = _match([(s, []) for s in d_subs], [(s, ()) for s in h_subs])
        print(f"{vid:22} items {_pr(m, len(d_items), len(h_items))}")
        dates = f"policy date drafted={draft['policy'].get('date')} hand={vendor.policy.date}"
        print(f"{'':22} subprocessors {_pr(ms, len(d_subs), len(h_subs))}; {dates}")
    print(f"{'ALL':22} items {_pr(*totals)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/seeds"))
