"""Retention as ISO 8601 durations: fixed periods ("nach 90 Tagen gelöscht" → ``P90D``),
statutory rules ("6 bzw. 10 Jahre" → ``P6Y`` and ``P10Y``), event-based periods ("bis zur
Kündigung", "30 days after termination") and "not stored" (``P0D``)."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

from m365inv.catalog.extract.folded import folded
from m365inv.catalog.extract.needles import Needles
from m365inv.catalog.extract.segment import mentions_any

RuleKind = Literal["fixed", "statutory", "event", "not-stored"]

_NUMBERS = {
    "ein": 1,
    "eine": 1,
    "einem": 1,
    "einen": 1,
    "einer": 1,
    "eines": 1,
    "one": 1,
    "a": 1,
    "an": 1,
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "neun": 9,
    "nine": 9,
    "zehn": 10,
    "ten": 10,
    "elf": 11,
    "eleven": 11,
    "zwölf": 12,
    "twelve": 12,
    "vierzehn": 14,
    "fourteen": 14,
    "fünfzehn": 15,
    "fifteen": 15,
    "achtzehn": 18,
    "eighteen": 18,
    "zwanzig": 20,
    "twenty": 20,
    "vierundzwanzig": 24,
    "dreißig": 30,
    "dreissig": 30,  # Swiss spelling
    "thirty": 30,
    "sechzig": 60,
    "sixty": 60,
    "neunzig": 90,
    "ninety": 90,
}
_NUM = r"(\d{1,4}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = (
    r"(Tag(?:e|en)?|days?|Woche(?:n)?|weeks?|Monat(?:e|en)?|months?|Jahr(?:e|en)?|years?"
    r"|Stunde(?:n)?|hours?|Minute(?:n)?|minutes?)\b"
)
DURATION = re.compile(
    rf"(?<![\w.,]){_NUM}(?:[\s-]*(?:bzw\.|oder|or|bis|to|und|and|-|–)\s*{_NUM})?[\s-]*"
    rf"(?:calendar\s+|Kalender)?{_UNIT}",  # "ten calendar years", "zehn Kalenderjahre"
    re.IGNORECASE,
)
_KEEP = folded(
    r"lösch|bewahr|gespeichert|speicher|vorgehalten|retain|retention|delet|eras|kept|keep|archiv"
    r"|stored|store|purg|anonymi|frist|vernicht|remov|entfern|overwrit|überschrieben|aufheb|\bweg\b"
    r"|\braus\b"
    r"|aufgehoben"
    # recorded for a time ("für vierzehn Tage aufgezeichnet", "logged for 7 days")
    r"|aufgezeichnet|protokolliert|\blogged\b|\brecorded\b|\bcached\b|zwischengespeichert"
    # how long a cookie, token or session lives ("Ablaufzeit: 2 Jahre", "expires after a year")
    r"|ablauf|\bläuft\b|expir|gültigkeit|\bvalid for\b"
)
# a period restated in other units in brackets right after another: "3 Jahre (1095 Tage, …)"
_RESTATED = re.compile(DURATION.pattern + r"\s*\(\s*$", re.IGNORECASE)


def _restated(sentence: str, at: int) -> bool:
    """Whether the period at ``at`` only restates the one before its bracket (bounded look)."""
    before = sentence[max(0, at - 60) : at]
    return before.rstrip().endswith("(") and _RESTATED.search(before) is not None


# a record's or table's field label ("Löschfristen:", "Retention period:"); a retention heading's
# words (RETENTION_HEADING) say the rest are periods
_FIELD_LABEL = re.compile(r"^\W*([^:\n]{1,40}):")
_NOT_RETENTION = folded(
    r"benachrichtig|notify|notification|antwort|respond|Auskunft|Testversion|Testphase"
    r"|\d+[- ]?(?:day|days|Tage)[- ]?(?:free )?trial|trial (?:period|version)|\bevery\s+\d+"
    r"|\balle\s+\d+\s+(?:Minuten|Stunden|Tage)|kündigungsfrist"
    r"|notice period|Widerspruchsfrist|within \d+ hours of becoming aware|72 Stunden"
)
_STATUTORY = folded(
    r"gesetzlich|statutory|steuerrechtlich|handelsrechtlich|HGB|\bAO\b|Abgabenordnung|tax law"
    r"|commercial law|legal retention|required by law|Aufbewahrungspflicht"
)
_EVENT = folded(
    r"\bbis\s+zu[mr]?\b|\buntil\b|as long as|solange|for the duration|für die Dauer|nach Ende"
    r"|nach (?:Beendigung|Kündigung|Ablauf|Vertragsende)|after (?:the )?(?:termination|end|expiry)"
    r"|after (?:you|your account)|Widerruf|upon (?:request|termination|deletion)"
)
NOT_STORED = folded(
    # (the words between are verbs and adverbs, not an object with a clause of its own: "do not
    # link the information we store", "will not disclose information stored under …")
    r"(?:(?:do|does|will|we)\s+not|(?:don|doesn|won)['’]t)\s+"
    r"(?:(?!(?:the|a|an|any|your|our|its|their|this|these|those|information|data|we|you|it)\b)"
    r"\w+,?\s+){0,5}?(?:or\s+|and/or\s+)?"
    r"(?:store|retain|keep|save|persist|make or retain)\b"
    # "log" is a verb only right after the negation or in a list of verbs ("do not collect,
    # store or log"), not in "will not delete Audit log information" or "be able to log in"
    r"|(?:do|does|will|we)\s+not\s+(?:\w+(?:,\s+|\s+(?:or|and|and/or)\s+)){0,3}"
    r"log(?!\s+(?:data|files?|entries|records|events|information|in|on|into)\b)\b"
    r"|not\s+(?:be\s+)?(?:stored|retained|persisted|saved|written to disk|cached|kept)"
    r"|no\s+(?:\w+\s+){0,4}(?:is|are)\s+(?:\w+\s+)?(?:stored|retained|cached|kept|persisted|saved)"
    r"|never\s+(?:\w+,?\s+){0,3}?(?:or\s+)?(?:stored|retained|persisted|saved|written|kept"
    r"|store|retain|persist|leaves?\s+your|reaches us)"
    r"|nothing\s+is\s+(?:stored|retained|persisted|saved|kept)|no durable copy"
    r"|in-memory only|only in memory|only in-memory|processed and (?:immediately )?discarded"
    r"|collects?\s+(?:zero|no)\s+data|does not retain|keine\s+(?:dauerhafte\s+)?Speicherung"
    r"|(?<![\w-])(?:speichern|speichert)\s+(?:wir\s+)?(?:\w+\s+){0,3}(?:keine|nicht)"
    r"|nicht\s+(?:dauerhaft\s+|persistent\s+)?gespeichert|keine\s+(?:\w+\s+){0,2}gespeichert"
    # "werden nicht in der Datenbank gespeichert", "zu keinem Zeitpunkt … gespeichert"
    r"|(?:\bnicht|zu keinem Zeitpunkt|niemals)\s+(?!länger|mehr\b|lange|aktiv)(?:[\w-]+\s+){1,8}?"
    r"(?:gespeichert|aufbewahrt|gesichert)\b"
    r"|\bweder\b[^.]{0,60}\bnoch\b[^.]{0,60}\b(?:speicher\w*|gespeichert|aufbewahr\w*)"
)
# "not stored" that is no "P0D": kept for a while ("not stored permanently", "After this period,
# no data is kept"), an exception ("except …"), or a single item the vendor leaves to another
# party ("We do not store full card numbers") — the data as a whole is still kept.
_PARTIAL_NOT_STORED = folded(
    r"\b(?:permanently|persistently|but only|sondern (?:nur|lediglich)|long[- ]term|beyond"
    r"|longer than|except|other than|unless|after this"
    r"|afterwards|thereafter|card|credit|payment|billing|Kreditkart\w*|Zahlungs\w*|au(?:ß|ss)er"
    # some data kept after all: "No other customer data is stored", "… for any other purpose"
    r"|no other|any other purpose"
    r"|über .{0,20}hinaus|danach|anschlie(?:ß|ss)end|sofern|es sei denn|wünscht|plain ?text"
    r"|unencrypted|Klartext|passwords?"
    # kept, only not beside other data: "not stored together with the user's other personal data"
    r"|together with|zusammen mit|gemeinsam mit"
    r"|Passw(?:o|ö)rt\w*|Kennw(?:o|ö)rt\w*|most|meisten)\b"
    # a use it is not kept for, or a key rather than data: "not retained for model training",
    # "a master key that is never stored in the database"
    r"|\bfor (?:\w+ )?training\b|\bzu(?:m)? (?:\w+)?[Tt]raining"
    r"|\b(?:master|encryption|private|secret|signing) keys?\b|(?:Master|Krypto)schlüssel"
    # a form it is not kept in: "never stored in decrypted form", "in any downloadable format"
    r"|\bin (?:\w+ ){0,4}(?:form|format)\b"
    # no statement of how long: "not kept indefinitely", a child's data ("do not knowingly
    # collect or store … from anyone under 13") or cookies
    r"|\b(?:indefinitely|unbegrenzt|unbefristet|knowingly|wissentlich|cookies?"
    r"|Speichertechnologien)\b"
)
# a sentence that opens with its condition says what happens in one case, not that the data is
# never kept: "If you do not want us to store this information, you may opt-out …", "If you
# cancel during signing up, we … will not save the data you entered", "Wenn kein Konto erstellt
# wird, werden keine personenbezogenen Daten gespeichert" ("sofern" anywhere is partial, above)
_CONDITION_FIRST = re.compile(r"^\W*(?:if|wenn|falls)\b", re.IGNORECASE)
# a denial of something else before the storing: "We do not control how … platforms store"
_OTHER_DENIAL = re.compile(r"\b(?:how|control|wie|ob|whether)\b", re.IGNORECASE)
# a denial that covers reading too ("never reads, stores, or analyzes message content"): the
# data is not even looked at, so there is no storage period to state — a negated item, not "P0D"
# ("does not collect or store any personal data" stays "P0D", as the corpus labels it)
_NOT_EVEN_READ = re.compile(
    r"\b(?:reads?|access(?:es)?|track|copy|analy[sz]es?|have access|lesen|liest)\b", re.IGNORECASE
)
_READ_AND = re.compile(r"\b(?:lesen|liest|auslesen)\s+(?:und|oder)\s+$", re.IGNORECASE)
_NO_LONGER = re.compile(
    r"nicht mehr (?:benötigt|erforderlich|notwendig)|no longer (?:needed|necessary|required)", re.I
)
_UNIT_CODE = {"t": "D", "d": "D", "w": "W", "m": "M", "j": "Y", "y": "Y", "s": "H", "h": "H"}


class RetentionRule(msgspec.Struct, frozen=True):
    """One retention statement: ``period`` is ISO 8601 (None for a purely event-based one)."""

    period: str | None
    rule: RuleKind
    text: str
    source: str
    confidence: float


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS[token.lower()]  # casefold: ß → ss


def iso_duration(amount: int, unit: str) -> str:
    """``P90D``, ``P6Y``, ``PT24H`` or ``PT30M`` for an amount and a (German/English) unit."""
    u = unit.casefold()
    if u.startswith("minute"):
        return f"PT{amount}M"
    code = _UNIT_CODE["m" if u.startswith(("monat", "month")) else u[0]]
    return f"PT{amount}H" if code == "H" else f"P{amount}{code}"


_NUMERAL_IN_PARENS = re.compile(r"(?<=[a-zäöüß]) \(\d{1,4}\)(?= )")
# words one of which every retention statement contains (a substring test per word is far
# cheaper than a regex alternation, and most sentences contain none of them)
_PREFILTER_WORDS = tuple(
    (
        "stor speicher retain reten keep kept sav persist log leave reach memory collect lösch"
        " bewahr archiv delet eras purg anonym frist vernicht vorgehalten cach written disk durable"
        " discard local remov entfern overwrit überschrieben aufheb aufgehoben weg raus"
        " aufgezeichnet protokolliert record ablauf läuft expir gültig valid"
    ).split()
)
_PREFILTER = Needles(_PREFILTER_WORDS)


def _numbers(m: re.Match[str]) -> tuple[str, ...]:
    """The numbers of a duration: both of "6 bzw. 10 Jahre" (two rules), and both ends of
    "7–14 Tage" (a range: the shortest and the longest time the data is kept, each a period a
    reviewer checks against the practice)."""
    return tuple(tok for tok in (m.group(1), m.group(2)) if tok)


# a person's age, not a period: "children under 18 years of age", "Personen unter 16 Jahren"
_AGE_AFTER = re.compile(r"\s*(?:of age|old\b|alt\b|or older|oder älter|des Lebensjahr)", re.I)
_AGE_BEFORE = re.compile(
    r"(?:\bunder|\bunter|\bat least|\bmindestens|\baged?|\bage of|\bAlter von|younger than"
    r"|older than|jünger als|älter als)\s*$",
    re.IGNORECASE,
)


def _an_age(sentence: str, m: re.Match[str]) -> bool:
    return bool(_AGE_AFTER.match(sentence, m.end()) or _AGE_BEFORE.search(sentence, 0, m.start()))


def retention_in(sentence: str) -> list[RetentionRule]:
    """Every retention rule ``sentence`` states (none when it is not about keeping data)."""
    if not mentions_any(sentence, _PREFILTER):  # one cheap pass before the patterns
        return []
    sentence_ = _NUMERAL_IN_PARENS.sub("", sentence)  # "thirty (30) days" → "thirty days"
    m = NOT_STORED.search(sentence)
    if m and not _NO_LONGER.search(sentence):
        if sentence.rstrip().endswith(":"):
            return []  # "We do NOT collect or store:" announces a list of single items
        if _NOT_EVEN_READ.search(m.group(0)) or _READ_AND.search(sentence[: m.start()]):
            return []  # "never reads, stores, or analyzes message content": not processed at all
        if _OTHER_DENIAL.search(m.group(0)):
            return []
        if not _PARTIAL_NOT_STORED.search(sentence) and not _CONDITION_FIRST.match(sentence):
            return [RetentionRule("P0D", "not-stored", m.group(0), sentence, 0.8)]
        if not DURATION.search(sentence_):
            return []
        # "… is not stored, except for summaries, which are retained for 30 days": the period
    if not _KEEP.search(sentence) or (
        _NOT_RETENTION.search(sentence)
        and not ((label := _FIELD_LABEL.match(sentence)) and RETENTION_HEADING.search(label[1]))
    ):  # ("Löschfristen: Benachrichtigungen … 3 Jahre" keeps notifications, it sends none)
        return []
    rule: RuleKind = (
        "statutory"
        if _STATUTORY.search(sentence)
        else ("event" if _EVENT.search(sentence) or _NO_LONGER.search(sentence) else "fixed")
    )
    out = [
        RetentionRule(
            iso_duration(_number(tok), m.group(3)),
            rule,
            m.group(0),
            sentence,
            0.9 if rule == "fixed" else 0.8,
        )
        for m in DURATION.finditer(sentence_)
        if not _an_age(sentence_, m) and not _restated(sentence_, m.start())
        for tok in _numbers(m)
        if tok
    ]
    if not out and rule in ("event", "statutory"):
        m = (_STATUTORY if rule == "statutory" else _EVENT).search(sentence) or _NO_LONGER.search(
            sentence
        )
        assert m is not None
        out.append(RetentionRule(None, rule, m.group(0), sentence, 0.6))
    return out


# a label before a period: "Error logs: 14 days", "Logs — 6 months"
_LABEL_LEAD = re.compile(r"^[^:—–]{1,60}?(?::|\s[—–-]\s)\s*")
_LEADING_DURATION = re.compile(
    r"^\s*(?:(?:in der Regel|i\.\s?d\.\s?R\.|typically|usually|normally|ca\.|circa|about"
    r"|approximately|maximal|max\.|höchstens|at most|(?:a )?maximum(?: of)?|no more than"
    r"|not more than|no longer than)\s+)?(?:up to |bis zu |für |for )?" + DURATION.pattern,
    re.I,
)
# a section about how long data is kept: its "Label: period" lines are retention rules
RETENTION_HEADING = folded(
    r"speicherdauer|aufbewahrung|löschfrist|retention|how long|wie lange|storage period"
)


def listed_periods(lead: str, bullet: str) -> list[RetentionRule]:
    """A bullet that starts with a duration under a lead-in about keeping data: "The recordings
    may be kept" / "- 6 months for all recordings" → ``P6M`` (the sentence alone says nothing
    of keeping, so ``retention_in`` cannot see it)."""
    said = _NUMERAL_IN_PARENS.sub("", bullet)  # "- 6 months for all recordings", "- Error
    m = _LEADING_DURATION.match(said) or _LEADING_DURATION.match(  # logs: 14 days", "- Logs —
        _LABEL_LEAD.sub("", said, count=1)  # maximum 6 months"
    )
    if not m or not _KEEP.search(lead) or _NOT_RETENTION.search(lead) or NOT_STORED.search(lead):
        return []
    return [
        RetentionRule(iso_duration(_number(tok), m.group(3)), "fixed", m.group(0).strip(),
                      f"{lead} {bullet}", 0.8)
        for tok in _numbers(m)
        if tok
    ]  # fmt: skip
