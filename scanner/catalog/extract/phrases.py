"""Phrase-level helpers of the item rules: negation, splitting an enumeration into pieces,
cleaning a piece, and telling a short noun phrase (data) from a purpose, label or clause."""

from __future__ import annotations

import re
from functools import lru_cache

from m365inv.catalog.extract.folded import folded
from m365inv.catalog.extract.lexicon import VERBISH as _VERB_LIKE
from m365inv.catalog.extract.lexicon import is_data_noun, looks_like_item, names_no_data
from m365inv.catalog.extract.segment import strip_parentheses

NEGATION = folded(  # "not limited to", "nicht nur", "nicht abschließend" negate nothing
    r"\b(?:nicht|keine?[nmrs]?|keinerlei|niemals|nein|never|not|no|none|nothing|neither|nor|without|ohne"
    r"|weder"
    r"|don't|doesn't|cannot|can't|zero)\b(?!,? (?:limited|beschränkt|only|nur|abschlie(?:ß|ss)end"
    r"|exhaustive|darauf beschränkt))|❌|✗|\bnie\b"
)
EXAMPLE_LEAD = re.compile(
    r"^(?:z\.\s?B\.|e\.\s?[gB]\.,?|wie|such as|u\.\s?a\.|includes?|including|umfasst|enthält"
    r"|zum Beispiel|for example,?|for instance,?|beispielsweise|bspw\."
    r"|beinhaltet|insbesondere|namely|(?:things |data |information )?like"
    r"|(?:Dazu|Hierzu) (?:gehören|gehört|zählen|zählt)(?: u\.\s?a\.| insbesondere| etwa)?)\s+",
    re.IGNORECASE,
)
EXAMPLE_MID = re.compile(r"\b(?:z\.\s?B\.|e\.\s?g\.|such as|including|like|wie z)\b", re.I)
_SPLIT = re.compile(
    r"(?<!-),\s*|;\s*|\s+(?<!-\s)(?:und|sowie|and|or|oder|bzw\.|beziehungsweise|&|as well as|plus"
    r"|inklusive|einschlie(?:ß|ss)lich|inkl\.|including|zusammen mit|together with"
    r"|along with)\s+(?!-\w)",
    re.I,  # (?!-\w): "Teilnahmezeiten und -dauer" is one entry
)
_LEAD_NOISE = re.compile(
    r"^(?:and|und|or|oder|your|their|his|her|its|Ihre[rnms]?|Ihr|deine[rnms]?|dein|eure[rnms]?|euer|deren|dessen"
    r"|the|die|der|das"
    r"|des|den|dem|a|an"
    r"|ein|eine[nmrs]?"
    r"|ggf\.|ggfs\.|optional"
    r"|sowie|auch|au(?:ß|ss)erdem|überdies|zudem|insbesondere|etwa|various|verschiedene|any|all|alle"
    r"|zusätzlich|hier|mindestens|at least|additionally|zusammen mit|gemeinsam mit"
    r"|sämtliche|jegliche|regelmäßig|regelmässig|allenfalls|grundsätzlich|typischerweise|typically"
    r"|unterschiedliche|different|diverse|bestimmte|certain|einige|some|several|mehrere|many|viele"
    r"|this|these|that|those|such|diese[rsn]?|process|use|store|stores|collect|collects|keep|verarbeiten"
    r"|speichern|processes|accesses|together with|along with|as well as|following:|folgende:"
    r"|im Regelfall|in der Regel|typically|usually|gegebenenfalls|ggf\.?|eventuell|possibly"
    r"|in erster Linie|vor allem|hauptsächlich|primarily|mainly|only|just|solely|nur|lediglich"
    # whose the datum is, said before it: "der von Ihnen dort angegebenen Kontaktdaten"
    r"|von (?:Ihnen|dir|euch)(?:\s+(?:dort|hier|dabei|darin|selbst|jeweils))?\s+(?:angegebenen"
    r"|mitgeteilten|übermittelten|eingegebenen|bereitgestellten|gemachten|hinterlegten)"
    r"|\w+(?:erweise|maßen)|je (?:Verbindung|Nutzer\w*|Benutzer\w*|Konto|Termin|Person|Mandant"
    r"|Buchung|Anfrage|Raum)|per (?:connection|user|account|tenant|booking|request))\s+",
    re.IGNORECASE,
)
_TAIL_NOISE = folded(
    r"\s+(?:when|if|so that|that|which|who|where|used|provided|sent|received|generated|created"
    r"|submitted|uploaded|entered|shared"
    r"|produced|to help|for the purpose"
    r"|wenn|falls|sofern|soweit|solange|so lange|as long as|for as long|zwecks|zum Zwecke?"
    r"|um (?:die|den|das|Ihre?)|für den Fall)\b.*$"
    r"|\s+(?:afterwards|later|thereafter|danach|anschlie(?:ß|ss)end)$"
    r"|(?<=\w\w)\s+(?:needed|required|benötigt)\b.*$|(?<=\w\w)\s+necessary$"
    r"|\s+(?:temporarily|securely|permanently|automatically|directly|regularly|solely"
    r"|anonymously|vorübergehend|dauerhaft|auch|ebenfalls|also|too)$"
    r"|(?<=\w\w)\s+(?:you|we|they|users?|the user|the guest)\s+(?:may\s+|can\s+)?(?:create|join"
    r"|send|post|make|receive|upload|share|provide|enter|submit|select|choose|add|give|type|write"
    r"|attach)\b.*$"
    r"|(?<=\w\w)\s+(?:granted|requested|approved|submitted|entered|selected)$"
    r"|\s+(?:only\s+)?(?:locally|lokal)\b.*$|\s+(?:nur|only)\s+(?:dann|wenn|if|when)\b.*$"
    r"|\s+durch\s+(?:den|die|das|einen|eine|Ihren|Ihre|ihren|ihre|unseren|unsere)\s.*$"
    r"|(?<=\w\w)\s+(?:based on|connected (?:with|to)|derived from|basierend auf)\s.*$"
    r"|(?<=\w\w)\s+(?:an uns|to us)\b.*$"
    r"|\s+(?:to|in order to)\s+(?!the\b|your\b|our\b)\w+\b.*$"
    r"|[\s.:;,]+$"
)
GENERIC = re.compile(
    r"^(?:(?:the\s)?following\s(?:categories|types|kinds)\sof\s(?:personal\s)?|categories\sof\s"
    r"|(?:andere[n]?\s|weitere[n]?\s)?(?:personenbezogene?[n]?|persönliche[n]?)\s|personal\s"
    r"|allgemeine[n]?\s|general\s|pii\s"
    r"|weitere\s|other\s|sonstige\s|andere[n]?\s"
    r"|technisch\s(?:bedingt|bedingte[n]?|notwendige[n]?|erforderliche[n]?)\s"
    r"|(?:hierfür\s|dafür\s|hierzu\s)?(?:absolut\s|unbedingt\s)?(?:erforderliche[n]?|notwendige[n]?"
    r"|notwendigsten|benötigte[n]?)\s|(?:eine\s)?(?:Vielzahl|Reihe|Menge)\s(?:an|von)\s"
    r"(?:personenbezogenen\s)?"
    r"|other similar\s|other such\s|such\s|similar\s|ähnliche\s"
    r"|(?:only\s)?(?:the\s)?(?:absolute\s)?minimum\s(?:amount\sof\s)?|only\sthe\s"
    # "die nachfolgend beschriebenen personenbezogenen Daten", "the following personal data"
    r"|(?:die\s|the\s)?(?:nachfolgend\s|unten\s|oben\s)?(?:folgenden?|nachstehenden?|beschriebenen"
    r"|aufgeführten|genannten|following|below|above|aforementioned|listed)\s(?:personenbezogenen\s"
    r"|personal\s)?"
    r"|(?:nur\s|only\s)?(?:jene|diejenigen|those|these|solche)\s"
    r"|(?:gewisse[n]?|verschiedene[n]?|bestimmte[n]?|einige|diverse[n]?|erhobene[n]?|erzeugte[n]?"
    r"|gespeicherte[n]?|verarbeitete[n]?)\s"
    r"|(?:the\s)?(?:same|most|relevant|minimal|(?:technically\s)?necessary|required|certain)\s"
    r"(?:personal\s)?)?"
    r"(?:daten|data|informationen|information|datenarten|angaben|details|personal data|"
    r"personally identifiable information|pii|other information|weitere informationen|kundendaten"
    r"|personendaten|allgemeine personendaten"
    r"|other statistics|andere statistiken|sonstige statistiken"
    r"|(?:types?|kinds?|categor(?:y|ies)|sorts?|pieces?) of (?:personal )?(?:data|information)"
    r"|(?:verschiedene\s)?(?:kategorien|arten)\s(?:von\s)?(?:personenbezogene[nr]?|persönliche[nr]?)\s"
    r"(?:daten|informationen)"
    r"|datenarten"
    r"|customer data|organi[sz]ational data|organisationsdaten|user data|nutzerdaten|benutzerdaten"
    r"|end-?user data|tenant data|mandantendaten)(?:\s(?:von Ihnen|über Sie|about you|from you))?$",
    re.IGNORECASE,
)
NOT_DATA_LABEL = folded(
    r"handling|storage|speicherung|control|kontrolle|security|sicherheit|retention|aufbewahrung"
    r"|rights|rechte|purpose|zweck|sharing|weitergabe|legal|recht|^why$|warum|wofür|^scope$|umfang"
    r"|summary|zusammenfassung|^note$|hinweis|^in short$|^kurz gesagt$|^kurz(?:fassung)?$"
    r"|^tl;?dr$|^(?:bezeichnung|betroffene|empfänger|recipients?"
    r"|data subjects|duration|dauer)$|data subjects|betroffene[nr]? personen|löschung|deletion"
    r"|widerspruch|opt-?out|drittland|third countr|^grundlage"
    r"|^(?:eingesetzte|verwendete) dienste|dienstanbieter|^(?:service )?providers?$|services used"
    r"|^(?:weitere|further|more) (?:informationen|information)"
    r"|^(?:Einsatz|Verwendung|Erhebung|Verarbeitung|use|collection|processing) (?:von|of)\s"
    r"|^(?:microsoft )?(?:graph |api |app )?(?:permissions|berechtigungen)(?: we request)?$"
    # a record of processing's other fields: "Besondere Massnahmen:", "Authentifizierung:",
    # "Ausland:", "Rolle Binso:", "Verarbeitung:"
    r"|ma(?:ß|ss)nahmen|measures|safeguards|mandantentrennung|tenant isolation"
    r"|^(?:authentifizierung|authentication|ausland|abroad|verarbeitung|processing)$"
    r"|^(?:rolle|role)\b"
    # how long, and kinds of cookie: "Speicherdauer:", "Temporäre Cookies (auch: …):"
    r"|speicherdauer|storage (?:period|duration)|retention period"
    r"|^(?:[\w-]+\s)?cookies?(?:\s*\(.*\))?$"
)


@lru_cache(maxsize=8192)  # the rules and the item model's candidates clean the same pieces
def clean_piece(piece: str) -> str:
    piece = piece.strip()
    if piece.startswith("<"):
        piece = re.sub(r"^<([^<>]+)>$", r"\1", piece)  # "<Verwendete IP-Adresse>"
    if piece[:1].isdigit():
        piece = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", piece)
    piece = EXAMPLE_LEAD.sub("", piece)
    for _ in range(3):  # "und Ihre …": lead words one after another, most pieces have none
        stripped = _LEAD_NOISE.sub("", piece)
        if stripped == piece:
            break
        piece = stripped
    return _TAIL_NOISE.sub("", piece).strip(" -–:;,.\"'„“")


def may_list(text: str) -> bool:
    """Whether ``text`` has a list separator at all (else :func:`split_list` gives one piece)."""
    return _SPLIT.search(text) is not None


# words that modify the next piece's noun: "the user’s first and last name"
_LONE_MODIFIERS = frozenset(
    "first last given family middle full display home work business mobile private".split()
)


def split_list(text: str) -> list[str]:
    """Pieces of an enumeration; suspended compounds stay whole: "Audio- und Videodaten", and
    "first and last name" (a lone modifier that is no item, joined by and/or to the next piece's
    data noun)."""
    return list(_split_list(text))


@lru_cache(maxsize=4096)  # the rules and the candidates split many of the same sentences
def _split_list(text: str) -> tuple[str, ...]:
    text = strip_parentheses(text)
    raw = _SPLIT.split(text)
    seps = [m.group(0).strip() for m in _SPLIT.finditer(text)]
    out: list[str] = []
    i = 0
    while i < len(raw):
        piece = clean_piece(raw[i])
        if (
            i + 1 < len(raw)
            and (
                len(piece.split()) == 1
                or (
                    len(piece.split()) == 2
                    and piece.split()[0].endswith(("'s", "’s"))
                    and piece.split()[1].casefold() in _LONE_MODIFIERS
                )
            )  # "first", "user’s first" (and last name)
            and seps[i].casefold() in ("and", "or", "und", "oder")
            and not looks_like_item(piece)
            and not GENERIC.match(piece)
        ):
            nxt = clean_piece(raw[i + 1])
            if len(nxt.split()) >= 2 and is_data_noun(nxt):
                out.append(f"{piece} {seps[i]} {nxt}")
                i += 2
                continue
        if (
            i + 1 < len(raw)
            and _TIME_WORD.match(piece)
            and seps[i].casefold() in ("and", "und")
            and (
                _SHARED_COMPLEMENT.match(nxt := clean_piece(raw[i + 1]))
                or {piece.casefold(), nxt.casefold()} in ONE_MOMENT
            )
        ):  # "Datum und Uhrzeit des Zugriffs", "IP-Adresse, Datum und Uhrzeit, …": one moment
            out.append(f"{piece} {seps[i]} {nxt}")  # (of the access), one entry
            i += 2
            continue
        if (
            piece
            and i + 1 < len(raw)
            and seps[i].casefold() in ("and", "und", "&")
            and _ATTRIBUTE_ONLY.match(clean_piece(raw[i + 1]))
        ):  # "browser type and version", "Betriebssystem und Version": "version" alone names
            # nothing; it is the version of the piece before
            attribute = clean_piece(raw[i + 1])
            if attribute[:1].islower() and _KIND_WORD_EN.search(piece):
                # "browser type and version": one entry, as labellers keep it (split, the
                # second half matched no label 38 times out of 57)
                out.append(f"{piece} {seps[i]} {attribute}")
            else:
                out += [piece, _version_of(piece, attribute)]
            i += 2
            continue
        if piece:
            out.append(piece)
        i += 1
    return tuple(out)


# a bare attribute of the piece before it: "… and version", "… und Version", "… and its version"
_ATTRIBUTE_ONLY = re.compile(
    r"^(?:(?:its|their|the|deren|dessen|die)\s+)?(?P<version>versions?|Version(?:en)?)$",
    re.IGNORECASE,
)
# what a thing's version replaces: "browser type" (browser version), "Browsertyp" (Browserversion);
# in English a word of its own ("chart and version" keeps its "chart")
_KIND_WORD_EN = re.compile(r"\s+(?:types?|names?)$", re.IGNORECASE)
_KIND_WORD_DE = re.compile(r"(?:(?<=-)|(?<=[a-zäöüß]))(?:Typ|typ|Name|name|Art|art)$")


def _version_of(piece: str, attribute: str) -> str:
    """ "browser type" and "version" → "browser version"; "Betriebssystem" and "Version" →
    "Betriebssystem-Version"; "operating system" and "version" → "operating system version"
    (a German phrase of two words keeps its version: "verwendeter Browser und Version")."""
    version = _ATTRIBUTE_ONLY.match(attribute)
    word = version["version"] if version else attribute
    if word[:1].islower():  # English: a word of its own
        return f"{_KIND_WORD_EN.sub('', piece)} {word}"
    if " " in piece:  # "verwendeter Browser und Version": one entry
        return f"{piece} und {word}"
    stem = _KIND_WORD_DE.sub("", piece)
    if stem != piece:  # "Browsertyp" → "Browserversion", "Browser-Typ" → "Browser-Version"
        return f"{stem}{word}" if stem.endswith("-") else f"{stem}{word.casefold()}"
    return f"{piece}-{word}"


# "date and time (of the request)", "Datum und Uhrzeit (des Zugriffs)": one moment, one datum
# (labels keep the German pair whole 212 times and split it 52 times, the English one 57 to 3)
ONE_MOMENT = (frozenset({"date", "time"}), frozenset({"datum", "uhrzeit"}))
# a date or time and a noun with a genitive or "of" complement it shares ("Datum und Uhrzeit
# des Zugriffs", "time and date of your visit"): one moment, one entry ("Name und E-Mail-Adresse
# der Benutzer" stays two)
_TIME_WORD = re.compile(
    r"^(?:Datum|Uhrzeit|Zeit|Zeitpunkt|Zeitstempel|Tag|Dauer|date|time|timestamp|day|duration)$",
    re.IGNORECASE,
)
_SHARED_COMPLEMENT = re.compile(
    r"^(?:Datum|Uhrzeit|Zeit|Zeitpunkt|Dauer|date|time|duration|Zeitstempel|timestamp)\s+"
    r"(?:des|der|vom|of)\s+\S",
    re.IGNORECASE,
)


def suspended(text: str) -> str | None:
    """'Text, audio and video data', 'first and last name': single words that share the last
    piece's data noun are one item."""
    pieces = split_list(text)
    if (
        len(pieces) >= 2
        and all(len(p.split()) == 1 for p in pieces[:-1])
        and not looks_like_item(pieces[0])
        and len(pieces[-1].split()) >= 2
        and is_data_noun(pieces[-1])
    ):
        return clean_piece(strip_parentheses(text))
    return None


def list_items(text: str) -> list[str]:
    return [p for p in split_list(text) if looks_like_item(p) and not GENERIC.match(p)]


def example_items(text: str) -> list[str]:
    """The entries of a list of examples ("z. B. Events, Event-Eigenschaften, Plattform"): a
    data list as a whole, so once most entries name data the lexicons need not know the rest."""
    pieces = [p for p in split_list(text) if not _OPEN_END.match(p)]  # ("…, email, etc.")
    good = [p for p in pieces if looks_like_item(p) and not GENERIC.match(p)]
    if good and 2 * len(good) >= len(pieces):
        return [p for p in pieces if p in good or plain_noun_phrase(p)]
    return good


# a list's open end: "etc.", "usw.", "and more"
_OPEN_END = re.compile(r"^(?:etc|usw|u\.\s?ä|and (?:so on|more)|und so weiter)\.?$", re.IGNORECASE)


ANNOUNCES = re.compile(
    r"\b(?:data|daten|information|informationen|angaben)\b.*\b(?:there are|are|include[sd]?|sind"
    r"|umfassen|zählen|gehören|folgende|following|collect\w*|erheben|verarbeiten|process\w*)\s*$",
    re.I,
)
_PURPOSE_START = re.compile(r"^(?:zur|zum|zu|um|für|to|for|in order|so that|damit)\b", re.I)


def plain_noun_phrase(text: str) -> bool:
    """A short entry of a data list without a verb, purpose or label: data, even when the
    lexicons do not know the word."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and words[0][:1].isalpha()
        and not _VERB_LIKE.search(text)
        and not _PURPOSE_START.match(text)
        and not NOT_DATA_LABEL.search(text)
        and not GENERIC.match(text)
        and not NEGATION.search(text)
        and not names_no_data(text)
        and not (len(words) == 1 and words[0].casefold().endswith("ly"))  # "solely"
    )
