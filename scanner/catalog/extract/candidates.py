"""Every phrase of a policy that could be a disclosed data item, with what surrounds it.

The rules in :mod:`items` read the layouts and phrasings they were written for; on a policy
written differently they miss items that stand, plainly, as one piece of an enumeration in a
sentence or a list entry. This module cuts every sentence into such pieces and describes each by
features (its words, its head noun, the words before it, the line's kind, the section heading and
lead-in above it, whether the sentence negates or names a collecting verb, whether the rules took
it). :mod:`ranker` weighs those features with a model learnt from the labelled corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import msgspec

from m365inv.catalog.extract.folded import folded
from m365inv.catalog.extract.items import (
    DASHED_ASIDE,
    DATA_HEADING,
    PROCESSING,
    REMOVAL,
    SCOPES,
    SIGNATURE_LINE,
    announcing_part,
    defines,
    labels_no_data,
    leads_to_no_data,
    recipient_entry,
    security_sections,
    states_a_right,
    sub_labelled_closed,
    tells_what_access_gives,
    untail,
)
from m365inv.catalog.extract.lexicon import (
    VERBISH,
    is_data_noun,
    names_no_data,
    says_nothing,
)
from m365inv.catalog.extract.phrases import (
    GENERIC,
    NEGATION,
    NOT_DATA_LABEL,
    may_list,
    split_list,
)
from m365inv.catalog.extract.recipients import section_of
from m365inv.catalog.extract.segment import NO_DATA_FIELD, Line, sentences

_WORD = re.compile(r"[a-zäöüß]+")
# the collecting verb or example marker before the first piece: "Wir verarbeiten Name, …"
_LEAD_VERB = folded(
    r"^.*\b(?:verarbeiten|verarbeitet|erheben|erhoben|speichern|gespeichert|erfassen|erfasst"
    r"|nutzen|umfassen|umfasst|gehören|insbesondere|z\.\s?B\.|wie|collect|collects|collected"
    r"|process|processes|processed|store|stores|stored|receive|receives|include|includes"
    r"|including|such as|access|accesses|read|reads|use|uses|e\.g\.|like|sowie|namely"
    r"|following|folgende)\b[:,]?\s*"
)
_PRONOUN = re.compile(r"\b(?:we|wir|you|Sie|us|uns)\b")
_MAX_WORDS = 8  # 20 of the corpus's 3,042 labelled items are longer
_BACK_REFERENCE = re.compile(r"(?:the|these|this|those|such|diese[nmrs]?|jene[nmrs]?)\b", re.I)
_NEGATED_CONTEXT = frozenset({"neg_before", "neg_after", "lead_neg", "heading_neg"})
# the subject-first sentence's verb, denied after the list: "Betreff, Ort und Teilnehmende werden
# dabei nicht gelesen", "Message bodies are never stored" (not "… werden nicht an Dritte
# weitergegeben": that data is processed, only not shared)
_FINITE = re.compile(r"\b(?:werden|wird|sind|ist|are|is)\b", re.I)
_DENIED_AFTER = folded(
    r"\b(?:werden|wird|are|is)\s+(?:[\w-]+\s+){0,2}?(?:nicht|nie|niemals|keinesfalls|not|never)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:gelesen|ausgelesen|gespeichert|erhoben|erfasst|verarbeitet|abgerufen"
    r"|protokolliert|aufgezeichnet|aufbewahrt|collected|stored|read|processed|accessed|logged"
    r"|recorded|retained|kept|saved)\b"
)
# context features that change meaning with the line's kind and the piece's role
_CONJOINED = (
    "RULE",
    "lead_colon",
    "sent_collect",
    "lead_collect",
    "lead_use",
    "datanoun",
    "sent_neg",
    "lead_neg",
    "first=True",
    "after_verb",
    "generic",
)


class Candidate(msgspec.Struct, frozen=True):
    """One phrase that may be a data item, the sentence it stands in, and its features."""

    text: str
    source: str
    features: frozenset[str]


def _denials(text: str) -> list[int]:
    """Where ``text`` denies ("not", "keine", "❌"); "without" / "ohne" only states a condition
    ("bei der Teilnahme ohne eigenes Nutzerkonto werden … verarbeitet: …")."""
    return [
        m.start()
        for m in NEGATION.finditer(text)
        if m.group(0).casefold() not in ("ohne", "without")
    ]


def _denies(text: str) -> bool:
    return bool(_denials(text))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@lru_cache(maxsize=1024)
def _heading_context(heading: str) -> frozenset[str]:
    """What a section heading says (cached: a section has many lines)."""
    out = {f"h={w}" for w in _words(heading)}
    if DATA_HEADING.search(heading):
        out.add("data_heading")
    if _denies(announcing_part(heading)):  # (a lead-in read as a heading: "We do not sell it.
        out.add("heading_neg")  # When you sign up, we collect the following:" denies nothing)
    return frozenset(out)


def _sentence_context(sentence: str) -> set[str]:
    out = {f"sentlen={min(len(sentence.split()) // 5, 6)}"}
    if _denies(sentence):
        out.add("sent_neg")
    if PROCESSING.search(sentence):
        out.add("sent_collect")
    return out


def _lead_context(lead: str) -> frozenset[str]:
    """What the line above says: the lead-in of a list entry, the sentence before a paragraph."""
    return _lead_flags(lead[-200:])


@lru_cache(maxsize=1024)  # the entries of one list share their lead-in
def _lead_flags(lead: str) -> frozenset[str]:
    out = {f"lead={w}" for w in _words(lead)[-6:]}
    for flag, test in (
        ("data_lead", len(lead) <= 160 and DATA_HEADING.search(lead)),  # a lead-in, no paragraph
        ("lead_colon", lead.endswith(":")),
        ("lead_neg", _denies(announcing_part(lead))),  # (not "We do not sell it. We collect:")
        ("lead_collect", PROCESSING.search(lead)),
        ("lead_use", leads_to_no_data(lead)),  # purposes, recipients or duties below
    ):
        if test:
            out.add(flag)
    return frozenset(out)


@lru_cache(maxsize=8192)
def _surface(text: str) -> frozenset[str]:
    """A phrase's words and shape (cheap: no lexicon)."""
    words = _words(text)
    f = {f"w={w}" for w in words} | {f"nw={min(len(text.split()), 8)}"}
    if words:
        f |= {f"head={words[-1]}", f"suf={words[-1][-4:]}", f"fw={words[0]}"}
    for flag, test in (
        ("digit", any(c.isdigit() for c in text)),
        ("cap", text[:1].isupper()),
        ("pronoun", bool(_PRONOUN.search(text))),
        ("paren", "(" in text),
    ):
        if test:
            f.add(flag)
    return frozenset(f)


#: what the lexicons say of a phrase: the costly features, computed last (see ``complete``)
LEXICON_FLAGS = ("datanoun", "generic", "notdata", "verbish")


@lru_cache(maxsize=8192)
def _lexicon(text: str) -> frozenset[str]:
    return frozenset(
        flag
        for flag, test in (
            ("datanoun", lambda: is_data_noun(text)),
            ("generic", lambda: GENERIC.match(text)),
            ("notdata", lambda: NOT_DATA_LABEL.search(text)),
            ("verbish", lambda: VERBISH.search(text) or names_no_data(text)),
        )
        if test()
    )


def anchors(features: frozenset[str]) -> list[str]:
    """The features other features are conjoined with: the line's kind, the piece's role."""
    return [x for x in features if x.startswith(("kind=", "role=", "table=")) and "&" not in x]


def _conjoined(features: set[str], anchor_list: list[str]) -> set[str]:
    return {f"{a}&{b}" for a in anchor_list for b in _CONJOINED if b in features}


def complete(cand: Candidate) -> Candidate:
    """``cand`` with the lexicon's features (and their conjunctions) added."""
    flags = _lexicon(cand.text)
    if not flags:
        return cand
    f = set(cand.features) | flags
    f |= _conjoined(set(flags), anchors(cand.features))
    return msgspec.structs.replace(cand, features=frozenset(f))


def excluded(text: str, context: set[str]) -> bool:
    """A phrase no model may draft, whatever its weights: one after a negation in its sentence
    or under a negated lead-in or heading ("We never collect:", "❌ Prompts"), one that is
    itself negated, one that refers back to data named before ("We use the contact details
    to …"; 4 of the corpus's 3,042 labelled items start with "the"), markup ("{{ x.url }}"), or
    a service provider ("Werbeanbieter").
    The rules read such passages themselves; a phrase drafted by the model alone must be one a
    reviewer can take at face value."""
    negated = context & _NEGATED_CONTEXT
    if negated == {"lead_neg"} and "kind=text" in context and "lead_colon" not in context:
        negated = set()  # a paragraph after a denying one is no entry under it: "Wir schreiben
        # nicht in Apple Health." / "Luen liest: VO2 Max, Ruheherzfrequenz, …"
    return bool(
        negated
        or _denies(text)
        or _BACK_REFERENCE.match(text)
        or any(c in text for c in "{}<>|`[]=")
        or _SERVICE_PROVIDER.search(text)
        or says_nothing(text)
    )


# a service provider ("Werbeanbieter", "Zahlungsdienstleister") is a recipient, never the data
_SERVICE_PROVIDER = re.compile(r"^\S*(?:anbieter|dienstleister)$", re.IGNORECASE)


def _phrase_features(text: str, context: frozenset[str], taken: bool) -> frozenset[str]:
    f = set(context) | _surface(text)
    if taken:
        f.add("RULE")
    return frozenset(f | _conjoined(f, anchors(frozenset(f))))


_NO_DATA_SECTION = folded(
    r"\b(?:your rights|rights of|betroffenenrechte|ihre rechte|rechte der|widerruf|beschwerde"
    r"|complaint|changes to|änderungen|änderung dieser|contact us|kontakt(?!daten)|verantwortliche"
    r"|controller|datenschutzbeauftragt|data protection officer)"
)


def item_candidates(
    all_lines: list[Line],
    taken: set[str],
    *,
    with_taken: bool = True,
    lexicon: bool = True,
    read: Callable[[str], bool] | None = None,
    only_taken: bool = False,
) -> list[Candidate]:
    """Every enumeration piece of every sentence, first occurrence kept; ``taken``: the items
    the rules found (a feature, and each is a candidate even where no piece matches it), left
    out when not ``with_taken`` (drafting only weighs what the rules did not take). Without
    ``lexicon`` the costly lexicon features are left for :func:`complete` to add; a sentence
    for which ``read`` says yes gives no candidates (the rules read it); ``only_taken``: only
    the taken items come back (their features, to weigh the rules' own items)."""
    heads = section_of(all_lines)
    context: dict[str, set[str]] = {}
    source: dict[str, str] = {}

    def put(text: str, features: set[str], sentence: str) -> None:
        text = text.strip(" -–:;,.\"'„“*")
        if len(text) < 2 or len(text.split()) > _MAX_WORDS:
            return
        if text in context:
            context[text] |= features
        else:
            context[text], source[text] = set(features), sentence

    security = security_sections(all_lines)
    closed = sub_labelled_closed(all_lines)
    lead = ""  # the line a list entry stands under: the last text or heading before it
    for n, line in enumerate(all_lines):
        above = lead if line.kind == "bullet" else (all_lines[n - 1].text if n else "")
        if line.kind != "bullet":
            lead = line.text
        if (
            line.kind == "heading"
            or defines(line.text)
            or _NO_DATA_SECTION.search(heads[n])
            or security[n]  # a measure, not data (the rules read what its sentences say)
            or (closed[n] and line.kind == "bullet")  # "Servicebereitstellung:" over purposes
            or SIGNATURE_LINE.match(line.text)  # "Ort, Datum, Unterschrift"
            or (line.kind == "bullet" and REMOVAL.match(line.text))
        ):
            continue  # a heading names a section (the rules read the few that are items); a
            # definition of personal data ("… such as name, address") discloses nothing, nor
            # does a step that takes data out ("Entfernung von Namen, Adressen, …")
        base: set[str] | None = None  # the line's context, read once a sentence lists
        line_sentences = sentences(line.text)
        for previous, s in zip(["", *line_sentences], line_sentences, strict=False):
            if (
                (read is not None and read(s))
                or states_a_right(s)
                or tells_what_access_gives(previous, s)
                or defines(s)
            ):
                continue  # (a right's sentence names what may be asked for, not data; a
                # paragraph's sentence that defines personal data gives examples of the term)
            sf: set[str] | None = None
            # "Label: a, b" — the entries are the items, not the label (the rules read a label
            # that is described rather than listed); "openid, profile: Sign-in" lists scopes
            parts = [("all", s)]
            label, colon, rest = s.partition(":")
            if colon and (len(label.split()) <= 8 or may_list(rest)):  # "…, um …: a, b, c"
                plain = label.strip(" *").casefold()
                # "openid, profile: …" lists scopes; "Zweck: Erstellung von Rechnungen" a purpose
                quiet = bool(
                    SCOPES.match(label.strip())
                    or NO_DATA_FIELD.match(plain)
                    or (line.kind == "bullet" and labels_no_data(label))
                )
                listed = recipient_entry(s) if line.kind == "bullet" else None
                if listed is not None:  # "Mailgun, Inc.: transactional email": a recipient
                    quiet, rest = not listed, listed
                parts = [] if quiet else [("after", rest)]
            for role, raw in parts:
                part = DASHED_ASIDE.sub(" ", raw)  # "Data — a, b — is kept": a's and b's
                alone = line.kind == "text" and role != "after"  # examples belong to their head
                if alone and not may_list(part):
                    continue  # no comma, no "and": one piece (checked before the costly split)
                pieces = split_list(part)
                if alone and len(pieces) < 2:
                    continue  # a short sentence or a label in prose lists nothing
                if base is None:
                    base = {f"kind={line.kind}", f"table={line.table_data}"}
                    base |= _heading_context(heads[n]) | _lead_context(above)
                if sf is None:
                    sf = base | _sentence_context(s)
                preceding = s[: max(0, s.find(raw))] + part  # what stands before each piece
                denials = _denials(preceding)
                denied = _DENIED_AFTER.search(part)
                cursor = 0
                for i, piece in enumerate(pieces):
                    f = sf | {
                        f"role={role}",
                        f"npieces={min(len(pieces), 6)}",
                        f"first={i == 0}",
                        f"last={i == len(pieces) - 1}",
                    }
                    text = untail(piece)
                    at = part.find(text, cursor)  # after the pieces before it: "address" in
                    # "e-mail address, but not your address" is the second one
                    pos = at if at >= 0 else max(cursor, part.find(text.split()[0], cursor))
                    if any(d < len(preceding) - len(part) + pos for d in denials):
                        f.add("neg_before")  # "we do not store X" — but not "X, but not Y"
                    if (
                        denied
                        and pos < denied.start()
                        and not _FINITE.search(part, pos, denied.start())
                    ):  # "X und Y werden nicht gelesen" — not "X is kept, Y is not stored"
                        f.add("neg_after")
                    if at >= 0:
                        # (the two words before it and the one after: a window, not the whole
                        # part, or a long run of pieces is quadratic)
                        before = _words(part[max(0, at - 120) : at])[-2:]
                        f |= {f"b1={w}" for w in before[-1:]} | {f"b2={w}" for w in before}
                        after = part[at + len(text) : at + len(text) + 120]
                        f |= {f"a1={w}" for w in _words(after)[:1]}
                        cursor = at + len(text)
                    put(text, f, line.row or s)  # a table row is quoted as written
                    verb = _LEAD_VERB.match(text) if i == 0 else None
                    if verb and verb.end() < len(text):  # "Wir verarbeiten Name" → "Name"
                        said = f | {"after_verb"}
                        if _denies(verb.group(0)):  # "We do not collect your name"
                            said.add("neg_before")
                        put(text[verb.end() :], said, line.row or s)
    for item in sorted(taken) if with_taken else ():  # sorted: the same order every run
        if item not in context:
            context[item], source[item] = {"rule_only"}, item
    out = [
        Candidate(text, source[text], _phrase_features(text, frozenset(f), text in taken))
        for text, f in context.items()
        if (with_taken and text in taken)
        or (not only_taken and text not in taken and not excluded(text, f))
    ]
    return [complete(c) for c in out] if lexicon else out
