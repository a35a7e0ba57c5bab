"""Precision, recall and F1 of the policy extractor on the labelled development corpus.

The corpus (``bench/corpus/labels.yaml``, format in ``bench/corpus/README.md``) holds real
privacy policies of Microsoft-365-connected vendors and Microsoft 365 privacy notices, German
and English, none of which the rules were written from; the five seed policies are not in it.
Matching, per document (each label and each drafted thing used at most once):

- items: rapidfuzz ``token_set_ratio`` of the case-folded texts ≥ 80;
- subprocessors: the same on names; their country is reported as agreement on matched pairs;
- retention: ISO 8601 periods, as a set per document; legal bases: Art. 6(1) letters as a set;
- transfers: (country, mechanism) pairs (a label's null mechanism is "none-stated");
- security: rapidfuzz ``partial_ratio`` ≥ 85 of the labelled phrase within the drafted claim's
  source sentence;
- country: the vendor's own country (a wrong or unlabelled guess is a false positive).

Combined = micro-average over all kinds. ``--split dev|test|blind|blind2|blind3|all`` (default:
each, then all). ``blind``, ``blind2`` and ``blind3`` documents were labelled before the extractor
ever ran on them and scored once with the rules unchanged (README.md quotes those first figures).

    python -m bench.extraction [--corpus DIR] [--split all]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from m365inv.catalog.draft import draft_vendor
from m365inv.catalog.extract.claim_ranker import ClaimModel
from m365inv.catalog.extract.ranker import ItemModel
from m365inv.catalog.fetch import decode_text

KINDS = ("items", "retention", "legal_bases", "subprocessors", "transfers", "security", "country")
Counts = dict[str, list[int]]  # kind → [tp, fp, fn]


def _pairs(drafted: list[str], labelled: list[str], score: Any, threshold: int) -> int:
    """Size of a maximum one-to-one matching between drafted and labelled strings."""
    edges = {
        j: [i for i, d in enumerate(drafted) if score(lab.casefold(), d.casefold()) >= threshold]
        for j, lab in enumerate(labelled)
    }
    owner: dict[int, int] = {}

    def augment(j: int, seen: set[int]) -> bool:
        for i in edges[j]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = j
                return True
        return False

    return sum(augment(j, set()) for j in edges)


def _add(c: Counts, kind: str, tp: int, drafted: int, labelled: int) -> None:
    c[kind][0] += tp
    c[kind][1] += drafted - tp
    c[kind][2] += labelled - tp


def _in_days(period: str) -> str:
    """``P4W`` as ``P28D``: one length written two ISO 8601 ways is one period (labellers and the
    extractor both write weeks either way)."""
    weeks = re.fullmatch(r"P(\d+)W", period)
    return f"P{7 * int(weeks.group(1))}D" if weeks else period


def score_document(doc: dict[str, Any], draft: dict[str, Any], c: Counts) -> tuple[int, int]:
    """Add one document's counts to ``c``; return (agreeing, matched) sub-processor countries."""
    items = [d["item"] for d in draft["disclosures"]]
    _add(
        c,
        "items",
        _pairs(items, doc["items"], fuzz.token_set_ratio, 80),
        len(items),
        len(doc["items"]),
    )
    periods = {_in_days(r["period"]) for r in draft["retention_rules"] if r["period"]}
    labels = {_in_days(p) for p in doc["retention"]}
    _add(c, "retention", len(periods & labels), len(periods), len(labels))
    letters = {b["basis"].split("lit. ")[1][0] for b in draft["legal_bases"]}
    _add(
        c,
        "legal_bases",
        len(letters & set(doc["legal_bases"])),
        len(letters),
        len(set(doc["legal_bases"])),
    )
    # names compared without punctuation: "Clerk, Inc." and "Clerk" name one processor (the
    # comma made "clerk," a word of its own, so the label's legal form hid the match)
    names = [default_process(s["name"]) for s in draft["subprocessors"]]
    lab_names = [default_process(s["name"]) for s in doc["subprocessors"]]
    _add(
        c,
        "subprocessors",
        _pairs(names, lab_names, fuzz.token_set_ratio, 80),
        len(names),
        len(lab_names),
    )
    agree = matched = 0
    for lab in doc["subprocessors"]:
        for sub in draft["subprocessors"]:
            if (
                fuzz.token_set_ratio(default_process(lab["name"]), default_process(sub["name"]))
                >= 80
            ):
                matched += lab.get("country") is not None
                agree += lab.get("country") is not None and sub["country"] == lab.get("country")
                break
    transfers = {(t["country"], t["mechanism"]) for t in draft["transfers"]}
    # a label's null mechanism is the draft's "none-stated": both say the text names none
    lab_tr = {(t["country"], t["mechanism"] or "none-stated") for t in doc["transfers"]}
    _add(c, "transfers", len(transfers & lab_tr), len(transfers), len(lab_tr))
    claims = [s["source"] for s in draft["security_claims"]]
    _add(
        c,
        "security",
        _pairs(claims, doc["security"], fuzz.partial_ratio, 85),
        len(claims),
        len(doc["security"]),
    )
    got, want = draft["country"], doc["country"]
    _add(
        c,
        "country",
        int(got is not None and got == want),
        int(got is not None),
        int(want is not None),
    )
    return agree, matched


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:4.2f} R={r:4.2f} F1={f:4.2f}  (tp {tp:3} fp {fp:3} fn {fn:3})"


def print_counts(per_lang: dict[str, Counts], note: str = "") -> None:
    """Precision, recall and F1 per kind and combined, per language."""
    for lang in sorted(per_lang):
        c = per_lang[lang]
        print(f"-- language {lang}{note}")
        for kind in KINDS:
            print(f"   {kind:14} {_prf(*c[kind])}")
        total = [sum(c[k][i] for k in KINDS) for i in range(3)]
        print(f"   {'COMBINED':14} {_prf(*total)}")


def _hashes(corpus: Path) -> dict[str, str]:
    """``<id>.txt`` → the SHA-256 the published figures were measured on."""
    out: dict[str, str] = {}
    for line in (corpus / "texts.sha256").read_text("utf-8").splitlines():
        digest, _, name = line.strip().partition("  ")
        if name:
            out[name] = digest
    return out


def _text(corpus: Path, doc_id: str, hashes: dict[str, str]) -> tuple[str | None, str]:
    """(text or None, state): ``ok``, ``differs`` (re-created text, not the measured bytes) or
    ``missing`` (the texts are not redistributed; a fresh clone has none)."""
    path = corpus / "texts" / f"{doc_id}.txt"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, "missing"
    same = hashlib.sha256(raw).hexdigest() == hashes.get(f"{doc_id}.txt")
    return decode_text(raw), "ok" if same else "differs"  # as `catalog import` reads a file


def run(
    corpus: Path,
    split: str,
    item_model: ItemModel | None = None,
    claim_model: ClaimModel | None = None,
) -> dict[str, Counts]:
    docs = yaml.safe_load((corpus / "labels.yaml").read_text("utf-8"))
    hashes = _hashes(corpus)
    per_lang: dict[str, Counts] = defaultdict(lambda: {k: [0, 0, 0] for k in KINDS})
    countries = [0, 0]
    states: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if split != "all" and doc["split"] != split:
            continue
        text, state = _text(corpus, doc["id"], hashes)
        states[state].append(doc["id"])
        if text is None:
            continue
        draft = draft_vendor(text, doc["id"], item_model=item_model, claim_model=claim_model)
        a, m = score_document(doc, draft, per_lang[doc["language"]])
        countries = [countries[0] + a, countries[1] + m]
    scored = len(states["ok"]) + len(states["differs"])
    print(f"\n== split: {split}  ({scored} of {scored + len(states['missing'])} documents scored)")
    if states["missing"]:
        print(f"   text missing, not scored: {', '.join(states['missing'])}")
    if states["differs"]:
        print(f"   text differs from texts.sha256 (re-created): {', '.join(states['differs'])}")
    print_counts(per_lang)
    print(f"   sub-processor country agrees on {countries[0]}/{countries[1]} labelled matches")
    return dict(per_lang)


def _timing(corpus: Path) -> None:
    """All corpus texts plus the seed policies (when beside the repository), not repeated."""
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    paths = [*sorted((corpus / "texts").glob("*.txt")), *sorted(seeds.glob("0*.txt"))]
    texts = [decode_text(p.read_bytes()) for p in paths]
    big = "\n\n".join(texts * 3)[: 30 * 3000]  # ~30 pages of 3,000 characters
    start, cpu = time.perf_counter(), time.process_time()
    draft_vendor(big, "timing")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    # the first call also loads the item model and fills the caches; a drafting run over a
    # tenant's vendors pays that once
    start = time.perf_counter()
    draft_vendor(big, "timing")
    again = time.perf_counter() - start
    print(
        f"30-page policy ({len(big):,} characters): {wall:.3f} s wall, {cpu:.3f} s CPU"
        f" (first call); {again:.3f} s wall again"
    )
    # hostile shapes that once made a step quadratic: unclosed string arrays joined into one
    # long line, and many "[" without "]"
    hostile = "export const x = 1\n" + ('["' + "a" * 590 + '", "b", ' * 3 + "\n") * 400
    hostile += "# Policy\n" + ("See [the notice " + "x" * 50 + "\n") * 4000
    start = time.perf_counter()
    draft_vendor(hostile, "hostile")
    print(f"hostile text ({len(hostile):,} characters): {time.perf_counter() - start:.3f} s wall")
    # a page of unclosed scripts and comments, which a lazy "<script>.*?</script>" pattern
    # would rescan from every opening to the end
    unclosed = "<html><body><p>Wir speichern Ihre E-Mail-Adresse.</p>\n"
    unclosed += ("<p>Hinweis</p><script>var a = 1;\n<!-- " + "y" * 40 + "\n") * 6_000
    start = time.perf_counter()
    draft_vendor(unclosed, "unclosed")
    print(f"unclosed tags ({len(unclosed):,} characters): {time.perf_counter() - start:.3f} s wall")
    # one sentence of a phrase a pattern with several bounded gaps could match in many ways
    repeated = "you consent to processing " * 20_000
    start = time.perf_counter()
    draft_vendor(repeated, "repeated")
    took = time.perf_counter() - start
    print(f"one repeated phrase ({len(repeated):,} characters): {took:.3f} s wall")
    # thousands of legal entities under a sub-processor heading, each weighed against those
    # found before it
    entities = "## Sub-processors\n\n" + "".join(
        f"- Acme{i} Data Services GmbH (hosting, DE)\n" for i in range(6_000)
    )
    start = time.perf_counter()
    draft_vendor(entities, "entities")
    took = time.perf_counter() - start
    print(f"6,000 listed entities ({len(entities):,} characters): {took:.3f} s wall")


#: The corpus splits, in the order the default run reports them (then "all").
SPLITS = (
    "dev",
    "test",
    "blind",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
    "blind22",
    "blind23",
    "blind24",
    "blind25",
    "blind26",
    "blind27",
    "blind28",
    "blind29",
    "blind30",
    "blind31",
    "blind32",
    "blind33",
    "blind34",
    "blind35",
    "blind36",
    "blind37",
    "blind38",
    "blind39",
    "blind40",
    "blind41",
    "blind42",
    "blind43",
    "blind44",
    "blind45",
    "blind46",
    "blind47",
    "blind48",
    "blind49",
    "blind50",
    "blind51",
    "blind52",
    "blind53",
    "blind54",
    "blind55",
    "blind56",
    "blind57",
    "blind58",
    "blind59",
    "blind60",
    "blind61",
    "blind62",
    "blind63",
    "blind64",
    "blind65",
    "blind66",
    "blind67",
    "blind68",
    "blind69",
    "blind70",
    "blind71",
    "blind72",
    "blind73",
    "blind74",
    "blind75",
    "blind76",
    "blind77",
    "blind78",
    "blind79",
    "blind80",
    "blind81",
    "blind82",
    "blind83",
    "blind84",
    "blind85",
    "blind86",
    "blind87",
    "blind88",
    "blind89",
    "blind90",
    "blind91",
    "blind92",
    "blind93",
    "blind94",
    "blind95",
    "blind96",
    "blind97",
    "blind98",
    "blind99",
    "blind100",
    "blind101",
    "blind102",
    "blind103",
    "blind104",
    "blind105",
    "blind106",
    "blind107",
    "blind108",
    "blind109",
    "blind110",
    "blind111",
    "blind112",
    "blind113",
    "blind114",
    "blind115",
    "blind116",
    "blind117",
    "blind118",
    "blind119",
    "blind120",
    "blind121",
    "blind122",
    "blind123",
    "blind124",
    "blind125",
    "blind126",
    "blind127",
    "blind128",
    "blind129",
    "blind130",
    "blind131",
    "blind132",
    "blind133",
    "blind134",
    "blind135",
    "blind136",
    "blind137",
    "blind138",
    "blind139",
    "blind140",
    "blind141",
    "blind142",
    "blind143",
    "blind144",
    "blind145",
    "blind146",
    "blind147",
    "blind148",
    "blind149",
    "blind150",
    "blind151",
    "blind152",
    "blind153",
    "blind154",
    "blind155",
    "blind156",
    "blind157",
    "blind158",
    "blind159",
    "blind160",
    "blind161",
    "blind162",
    "blind163",
    "blind164",
    "blind165",
    "blind166",
    "blind167",
    "blind168",
    "blind169",
    "blind170",
    "blind171",
    "blind172",
    "blind173",
    "blind174",
    "blind175",
    "blind176",
    "blind177",
    "blind178",
    "blind179",
    "blind180",
    "blind181",
    "blind182",
    "blind183",
    "blind184",
    "blind185",
    "blind186",
    "blind187",
    "blind188",
    "blind189",
    "blind190",
    "blind191",
    "blind192",
    "blind193",
    "blind194",
    "blind195",
    "blind196",
    "blind197",
    "blind198",
    "blind199",
    "blind200",
    "blind201",
    "blind202",
    "blind203",
    "blind204",
    "blind205",
    "blind206",
    "blind207",
    "blind208",
    "blind209",
    "blind210",
    "blind211",
    "blind212",
    "blind213",
    "blind214",
    "blind215",
    "blind216",
    "blind217",
    "blind218",
    "blind219",
    "blind220",
    "blind221",
    "blind222",
    "blind223",
    "blind224",
    "blind225",
    "blind226",
    "blind227",
    "blind228",
    "blind229",
    "blind230",
    "blind231",
    "blind232",
    "blind233",
    "blind234",
    "blind235",
    "blind236",
    "blind237",
    "blind238",
    "blind239",
    "blind240",
    "blind241",
    "blind242",
    "blind243",
    "blind244",
    "blind245",
    "blind246",
    "blind247",
    "blind248",
    "blind249",
    "blind250",
    "blind251",
    "blind252",
    "blind253",
    "blind254",
    "blind255",
    "blind256",
    "blind257",
    "blind258",
    "blind259",
    "blind260",
    "blind261",
    "blind262",
    "blind263",
    "blind264",
    "blind265",
    "blind266",
    "blind267",
    "blind268",
    "blind269",
    "blind270",
    "blind271",
    "blind272",
    "blind273",
    "blind274",
    "blind275",
    "blind276",
    "blind277",
    "blind278",
    "blind279",
    "blind280",
    "blind281",
    "blind282",
    "blind283",
    "blind284",
    "blind285",
    "blind286",
    "blind287",
    "blind288",
    "blind289",
    "blind290",
    "blind291",
    "blind292",
    "blind293",
    "blind294",
    "blind295",
    "blind296",
    "blind297",
    "blind298",
    "blind299",
    "blind300",
    "blind301",
    "blind302",
    "blind303",
    "blind304",
    "blind305",
    "blind306",
    "blind307",
    "blind308",
    "blind309",
    "blind310",
    "blind311",
    "blind312",
    "blind313",
    "blind314",
    "blind315",
    "blind316",
    "blind317",
    "blind318",
    "blind319",
    "blind320",
    "blind321",
    "blind322",
    "blind323",
    "blind324",
    "blind325",
    "blind326",
    "blind327",
    "blind328",
    "blind329",
    "blind330",
    "blind331",
    "blind332",
    "blind333",
    "blind334",
    "blind335",
    "blind336",
    "blind337",
    "blind338",
    "blind339",
    "blind340",
    "blind341",
    "blind342",
    "blind343",
    "blind344",
    "blind345",
    "blind346",
    "blind347",
    "blind348",
    "blind349",
    "blind350",
    "blind351",
    "blind352",
    "blind353",
    "blind354",
    "blind355",
    "blind356",
    "blind357",
    "blind358",
    "blind359",
    "blind360",
    "blind361",
    "blind362",
    "blind363",
    "blind364",
    "blind365",
    "blind366",
    "blind367",
    "blind368",
    "blind369",
    "blind370",
    "blind371",
    "blind372",
    "blind373",
    "blind374",
    "blind375",
    "blind376",
    "blind377",
    "blind378",
    "blind379",
    "blind380",
    "blind381",
    "blind382",
    "blind383",
    "blind384",
    "blind385",
    "blind386",
    "blind387",
    "blind388",
    "blind389",
    "blind390",
    "blind391",
    "blind392",
    "blind393",
    "blind394",
    "blind395",
    "blind396",
    "blind397",
    "blind398",
    "blind399",
    "blind400",
    "blind401",
    "blind402",
    "blind403",
    "blind404",
    "blind405",
    "blind406",
    "blind407",
    "blind408",
    "blind409",
    "blind410",
    "blind411",
    "blind412",
    "blind413",
    "blind414",
    "blind415",
    "blind416",
    "blind417",
    "blind418",
    "blind419",
    "blind420",
    "blind421",
    "blind422",
    "blind423",
    "blind424",
    "blind425",
    "blind426",
    "blind427",
    "blind428",
    "blind429",
    "blind430",
    "blind431",
    "blind432",
    "blind433",
    "blind434",
    "blind435",
    "blind436",
    "blind437",
    "blind438",
    "blind439",
    "blind440",
    "blind441",
    "blind442",
    "blind443",
    "blind444",
    "blind445",
    "blind446",
    "blind447",
    "blind448",
    "blind449",
    "blind450",
    "blind451",
    "blind452",
    "blind453",
    "blind454",
    "blind455",
    "blind456",
    "blind457",
    "blind458",
    "blind459",
    "blind460",
    "blind461",
    "blind462",
    "blind463",
    "blind464",
    "blind465",
    "blind466",
    "blind467",
    "blind468",
    "blind469",
    "blind470",
    "blind471",
    "blind472",
    "blind473",
    "blind474",
    "blind475",
    "blind476",
    "blind477",
    "blind478",
    "blind479",
    "blind480",
    "blind481",
    "blind482",
    "blind483",
    "blind484",
    "blind485",
    "blind486",
    "blind487",
    "blind488",
    "blind489",
    "blind490",
    "blind491",
    "blind492",
    "blind493",
    "blind494",
    "blind495",
    "blind496",
    "blind497",
    "blind498",
    "blind499",
    "blind500",
    "blind501",
    "blind502",
    "blind503",
    "blind504",
    "blind505",
    "blind506",
    "blind507",
    "blind508",
    "blind509",
    "blind510",
    "blind511",
    "blind512",
    "blind513",
    "blind514",
    "blind515",
    "blind516",
    "blind517",
    "blind518",
    "blind519",
    "blind520",
    "blind521",
    "blind522",
    "blind523",
    "blind524",
    "blind525",
    "blind526",
    "blind527",
    "blind528",
    "blind529",
    "blind530",
    "blind531",
    "blind532",
    "blind533",
    "blind534",
    "blind535",
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    ap.add_argument("--split", default=None, help="a split of the corpus's labels, or all")
    args = ap.parse_args()
    labelled = {
        d["split"] for d in yaml.safe_load((args.corpus / "labels.yaml").read_text("utf-8"))
    }
    if args.split not in (None, "all", *labelled):  # bench/synthetic has splits of its own
        ap.error(f"no split {args.split!r} in {args.corpus}: {', '.join(sorted(labelled))}")
    _timing(args.corpus)  # first, before scoring has warmed any cache with the same lines
    splits = [s for s in SPLITS if s in labelled] or sorted(labelled)
    for split in [args.split] if args.split else [*splits, "all"]:
        run(args.corpus, split)


if __name__ == "__main__":
    main()
