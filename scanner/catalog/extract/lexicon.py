"""German and English lexicons: data items → taxonomy categories, providers, countries.

General vocabulary of privacy policies, not phrases of particular policies: each entry is a
word family that real policies use for a kind of data (``E-Mail-Adresse``, ``email address``,
``Mailadresse``), a well-known hosting or processing provider, or a country name/city.
"""

from __future__ import annotations

import re
from functools import lru_cache

from m365inv.catalog.extract.folded import folded

# (regex, category) — every hit counts, the most specific first; at most three per item.
CATEGORY_LEXICON: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), cat)
    for rx, cat in (
        (r"passw|kennw[oö]rt", "user.authorization.password"),
        (r"\b(?:oauth|access|refresh|api|personal access)[- ]?(?:tokens?|keys?)\b|\btokens?\b|api[- ]?key|(?<!ver)schlüssel(?!t)",
         "user.authorization.credentials"),
        (r"multi-?fa[ck]tor|\bmfa\b|2fa|authentifizierungsdaten|authentication data|zugangsdaten|login", "user.authorization"),
        (r"ip[- ]?adress|ip address|internetprotokoll", "user.device.ip_address"),
        (r"e-?mail|mailadress", "user.contact.email"),
        (r"telefon|phone|handy|mobilnummer|faxnummer", "user.contact.phone_number"),
        (r"bank|kreditkart|zahlung|payment|credit card|lastschrift|billing|rechnungs|transaction|transaktion",
         "user.financial"),
        (r"firmenname|firmenbezeichnung|unternehmensname|company name|organi[sz]ation|firma\b|company\b|auftraggeber",
         "user.contact.organization"),
        (r"job title|position|berufsbezeichnung|rollen?\b|\broles?\b|abteilung|department", "user.job_title"),
        (r"(?<!mail)(?<!mail-)(?<!ip-)(?<!ip )adresse\b|anschrift|postal address|(?<!e-mail )(?<!email )(?<!ip )\baddress\b",
         "user.contact.address"),
        (r"\bland\b|\bcountry\b", "user.contact.address.country"),
        (r"sprache|language|locale", "user.demographic.language"),
        (r"tenant[- ]?(?:id|identifier|kennung)|mandant", "system.operations"),
        (r"object[- ]?id|objekt-id|\bid\b|-id\b|identifi|kennung|kennzeichen|merkmale|user[- ]?id|benutzer-id",
         "user.unique_id"),
        (r"benutzername|user ?name|username|anzeigename|display name|login name", "user.account.username"),
        (r"teilnehmer|participant|attendee|pseudonym|\bname\b|namen\b|vorname|nachname|full name|first name|last name|surname|ansprechpartner",
         "user.name"),
        (r"kontakt|contact", "user.contact"),
        (r"foto|photo|profilbild|profile picture|avatar|bild\b|bilder\b|images?\b|pictures?\b", "user.content.self_image"),
        (r"sprachnachricht|voice message|feedback|rating|bewertung|rückmeldung|umfrage|survey", "user.content.private"),
        (r"postleitzahl|\bplz\b|postal code|zip\b", "user.contact.address.postal_code"),
        (r"\b(?:city|stadt|wohnort|state|province|bundesland|county|street|straße|hausnummer)\b",
         "user.contact.address"),
        (r"geburt|birth|\balter\b|\bage\b|geschlecht|gender|anrede|salutation", "user.demographic"),
        (r"iban|\bbic\b|kontoinhaber|bankverbindung|steuer-?(?:nummer|id)|tax id|vat|ust-?id",
         "user.financial"),
        (r"standort|location|\bort\b|geo", "user.location.imprecise"),
        (r"host-?name|rechnername|hard- und software|browser|betriebssystem|operating system|user agent|bildschirm|gerät|device|hardware|endgerät|modell|\bmodel\b|hersteller|manufacturer|app-version|\bversion\b",
         "user.device"),
        (r"session|cookie|tracking|tracker", "user.device.cookie_id"),
        (r"datum|uhrzeit|zeitstempel|zeitpunkt|timestamp|\bdate\b|\btime\b|dauer|duration|start- und endzeit",
         "system.operations"),
        (r"referrer|aufgerufen|pages visited|url|seiten|verweis|browsing", "user.behavior.browsing_history"),
        (r"nutzung|usage|interaktion|interaction|aktivität|activity|telemetr|analytics|statisti", "user.behavior.service_usage"),
        (r"nachricht|message|chat|betreff|subject|e-?mail[- ]?(?:inhalt|content)|inhalt|content|texteingabe|text entr|prompt",
         "user.content.private"),
        (r"audio|video|aufzeichnung|recording|bildschirmfreigabe|screen shar|mikrofon|microphone|kamera|camera",
         "user.content.audio_recording"),
        (r"datei|file|dokument|document|präsentation|notiz|note", "user.content.private"),
        (r"kalender|calendar|termin|meeting|besprechung|anruf|call", "user.content.private"),
        (r"log|protokoll|diagnose|diagnostic|fehler|error|crash", "system.operations"),
        (r"bestandsdaten|stammdaten|profil|profile|account|konto|vertrag|contract|customer data|kundendaten",
         "user.account"),
        (r"metadat|meta-|kommunikationsdaten|verbindungsdaten|communication", "user.behavior"),
        (r"recipient|empfänger|absender|sender", "user.contact"),
        (r"permission|berechtigung|einstellung|setting|konfiguration|configuration|structure|struktur",
         "system.operations"),
        (r"anfrage|inquir|support|request", "user.content.private"),
        (r"interessen|interests|präferenz|preference", "user.behavior"),
        (r"consent|einwilligung", "system.operations"),
        (r"daten\b|data\b|informationen\b|information\b|details?\b|angaben\b", "user"),
    )
)  # fmt: skip

# The last word of a data-item phrase usually is one of these (German compounds end with them).
_DATA_HEAD = folded(
    r"(?:daten|adresse|nummer|name[ns]?|kennung|id|merkmale|informationen|inhalte?|dateien?|datei|kennwörter"
    r"|nachrichten|nachricht|bild|sprache|zeit|datum|protokolle?|protokolldaten|logs?|logfiles?|token|tokens"
    r"|schlüssel|passwort|kennwort|verlauf|stempel|version|modell|hersteller|standort|rolle"
    # "Wohnort", "Geburtsort": German compounds; not "short", "support", "export", "sort"
    r"|(?<!^sh)(?<!^supp)(?<!^exp)(?<!^imp)(?<!^eff)(?<!^comf)(?<!^res)(?<!^s)(?<!^p)ort"
    r"|zugehörigkeit|freigaben|aufzeichnungen|präsentationen|notizen|chats?|betreff|thema"
    r"|beschreibung|system|details?|data|address|number|identifier|information|content|files?"
    r"|messages?|history|settings?|preferences?|locale|language|picture|photo|title|type|key|keys"
    r"|reports?|structures?|configurations?|permissions?|timestamps?|sizes?|website|pages?"
    r"|entries|audio|video|cookies|technologies|requests?|statistics|templates?|id|ids|time"
    r"|date|location|agent|browser|country|land|geräte?|endgeräts?|hardware|inquiry|times|metrics"
    r"|roles|identity|identität|identities|scopes|communications?|kommunikation|pseudonym"
    r"|credentials|events?|ereignisse|records?|e-?mails?|mails?|attachments?|anhänge|transcripts?"
    r"|recordings?|body|bodies|logos?|signatures?|signaturen|vorlagen|prompts?|ranges?|references?"
    r"|selections?|quota|status|responses?|queries|antworten|answers?|descriptions?|titles"
    r"|codes|results?|comments?|notes|ergebnisse|kommentare|nummern|adressen|zeiten|namen"
    r"|eingaben|bilder|angaben|images|photos|fotos|avatars?|videos|kontakte|contacts|dates|amounts?"
    r"|totals?|counts?|ratings?|scores?|feedback|snapshots?|snippets?|durations?|dauer|beträge|betrag"
    r"|texts?|texte|fragments?|fragmente|receipts?|invoices?|rechnungen|belege?|alerts?|warnungen"
    r"|incidents?|vorfälle|attribute[ns]?|attributes?|unterlagen|dokumente?|documents?|zone"
    # an applicant's documents: "Lebenslauf", "Zeugnisse", "cover letter", "CV"
    r"|lebenslauf|lebensläufe|anschreiben|zeugnisse?|qualifikationen?|qualifications?|cvs?"
    r"|r[ée]sum[ée]s?|letters?|certificates?|zertifikate?"
    # how a page is used: "Klicks", "Mausbewegungen", "Seitenaufrufe", "keystrokes", "Titel"
    r"|klicks|clicks|bewegungen|movements|keystrokes|tastatureingaben|aufrufe|views|pageviews"
    r"|titel|datenmengen?)$"
    # an abbreviation standing for its datum: "IP" (address), "OS" (operating system), "ISP"; whole
    # words only, as a suffix "ip" would make "membership" data
    r"|^(?:ip|ips|os|isp|gps|upn|imei|udid|idfa|gaid|ssid)$"
)
VERBISH = re.compile(
    r"\b(?:ist|sind|wird|werden|wurde|haben|hat|kann|können|dient|dienen|erfolgt|is|are|was|were"
    r"|will|can|may|must|has|have|do|does|used|provided|helps?|allows?|enables?|see|siehe|zu|Sie"
    r"|wir|we|you|they|it|generieren|generiert|erstellen|erstellt|nutzen|verwenden|senden"
    r"|generate|generates|create|creates|share|shares|send|sends|accesses|reads|uns|us|automatisch"
    r"|automatically|bis|until|maximal|übermittelt|gespeichert|erhoben|verarbeitet|speichert|erhebt"
    r"|erfasst|gelöscht|deleted|stored|collected|processed|weitergegeben|ermöglicht|erforderlich"
    r"|je nach|depending on|abhängig von|anonymisiert|pseudonymisiert|anonymised|anonymized"
    r"|whose|deren|dessen|solange|as long as|zeigt|bietet|befindet|befinden|findet|liefert"
    r"|erhält|receives|collects|obtains|retains)\b"
    # a German infinitive at the end, after a function word: "so den Prozess vereinfachen"
    r"|(?-i:\b(?:so|den|dem|die|das|zu|um)\s(?:\S+\s){0,3}[a-zäöüß]\w*(?:en|ern|eln)$)",
    re.IGNORECASE,
)


def categories_of(text: str) -> list[str]:
    """Lexicon categories of a data item (at most three, the most specific first)."""
    return list(_categories(text))


@lru_cache(maxsize=4096)  # item phrases recur within a policy ("E-Mail-Adresse" …)
def _categories(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for rx, cat in CATEGORY_LEXICON:
        if rx.search(text) and cat not in found:
            found.append(cat)
    specific = [c for c in found if c != "user"]
    return tuple((specific or found)[:3])


@lru_cache(maxsize=8192)  # the rules and the item model's candidates ask for the same phrases
def is_data_noun(phrase: str) -> bool:
    """The phrase ends in a word that names data (``…daten``, ``address``, ``content`` …)."""
    words = phrase.split()
    if not words or len(words) > 7 or VERBISH.search(phrase):
        return False
    return any(_DATA_HEAD.search(word) for word in _head_words(phrase))


POSTMODIFIER = re.compile(
    r"\s(?:von|der|des|aus|of|from|Ihres|Ihrer|eines|einer|unseres|unserer|auf|über|to)\s"
)


def _head_words(phrase: str) -> tuple[str, ...]:
    """The last word of the phrase and, before a postmodifier ("Kontakte der Mailbox", "Name
    des Ansprechpartners"), the last word of its head: either names what the phrase is."""
    head = POSTMODIFIER.split(phrase, maxsplit=1)[0]
    vague = re.fullmatch(
        r"(?:\w+\s)?(?:daten|data|information|informationen|angaben)|.*\b(?:small|large|limited"
        r"|certain|growing) number",
        head,
        re.IGNORECASE,
    )  # "Daten von Nutzern", "a small number of providers": the head names nothing
    parts = [phrase] if vague else [phrase, head]
    return tuple(
        re.sub(r"[^\wäöüÄÖÜß-]", "", part.split()[-1]).split("-")[-1]
        for part in parts
        if part.split()
    )


# "Angaben zum Benutzer", "information about the device": a data word with what it is about
_DATA_ABOUT = re.compile(
    r"^(?:Angaben|Daten|Informationen|Details|Information|Data)\s+(?:zum|zur|zu|über|aus|about|on|of"
    r"|from)"
    r"\s+(?:the\s+|your\s+|Ihre[mnr]?\s+)?\w",
    re.IGNORECASE,
)


_QUESTION = re.compile(
    r"^(?:what|how|why|which|when|where|whether|was|wie|warum|welche[rsnm]?|wann|wo|ob)\b", re.I
)


# an action, not data: "save images from the messages", "Export Data", "retrieving files"
_ACTION = re.compile(
    r"^(?:save|saving|upload|uploading|request|requesting|retrieve|retrieving|view|clear|export"
    r"|exporting|delete|deleting|download|downloading|manage|managing|send|sending|enable"
    r"|disable|provide|providing|generate|generating|improve|improving|writing|analy[sz]ing|routing"
    r"|creating|updating|processing|storing|sharing|importing|syncing|synchroni[sz]ing"
    r"|displaying|calculating)\b"
    r"(?!\s+(?:logs?|headers?|metadata|records?|history|ids?|counts?|times?|timestamps?|dates?|styles?"
    r"|urls?|paths?|methods?|bod(?:y|ies)|sizes?|status)\b)"
    r"|\b(?:according|regarding|for|to|with|of|from|by)$"
    r"|^(?:o\.\s?g\.|oben genannte\w*|vorgenannte\w*|above[- ]mentioned|aforementioned)"  # anaphora
    r"|^(?:to|in order to|if|when|whether|um|wenn|falls|ob)\s"  # a clause, not a noun
    r"|^(?:GDPR|DSGVO|DS-GVO|UK GDPR|CCPA|CPRA|HIPAA|FCC|PIPEDA|CRTC|CALEA|COPPA|FERPA|LGPD|PIPL"
    r"|BDSG|TTDSG|TDDDG|nDSG|DSG|SOX|GLBA)$|\b(?:laws?|regulations?|act|gesetze?)$"  # laws
    r"|^compl(?:y|ies|ying) with\b|^(?:consent|Einwilligung|Zustimmung)$"  # a basis, not data
    r"|^(?:[\w-]+\s)?(?:privatpersonen|personen|interessenten|besucher(?:innen)?|visitors"
    r"|individuals|persons|people)$"  # people, not data about them
    r"|^consent of\b|^Einwilligung de[sr]\b"  # a legal basis obtained, not data
    r"|^(?-i:[a-z]+s)\s+(?:them|it|this|these|those|you)\b"  # "writes them to your calendar"
    r"|^(?:received|sent|provided|collected|shared|uploaded|downloaded)\s+(?:through|via|by|from"
    r"|to|with|in)\b"  # "… sent and received through the app": the participle's phrase
    r"|^(?:registration|validation|activation|authentication|verification|authori[sz]ation"
    r"|installation|integration|synchroni[sz]ation|evaluation|optimi[sz]ation|Registrierung"
    r"|Validierung|Aktivierung|Authentifizierung|Verifizierung|Synchronisierung|Auswertung"
    r"|Optimierung)$"  # a process, not data
    r"|\b(?:features?|functions?|functionality|Funktionen|Funktionalität)$"  # what the app does
    r"|^(?:verschlüsselt|encrypted|hashed|gehasht|pseudonymi[sz]ed|pseudonymisiert|anonymi[sz]ed"
    r"|anonymisiert|optional|required|erforderlich|freiwillig|voluntary)$"  # how, not what
    r"|^(?:subscribe|fill|click|link|sign|create|contact|visit|use|open|select|enter|install"
    r"|register|log|submit|edit|update|connect|share|invite|book|purchase|buy|pay|apply|attend"
    r"|respond|reply|search|browse|go|choose|add|remove|change|set)\s+"
    r"(?:(?:your|our|the|a|an|to|out|in|on|up|for|with|into|this|these|all|any)\b|[\"“„])"  # a step
    r"|^(?:of|for|to|on|at|by|with|from|into|via)\s"  # a fragment: "of the data", "for training"
    r"|\s[>→]\s|\b[\w-]+\.(?:com|de|net|org|io|ch|at)\b"  # a menu path, a domain
    r"|^(?:dass|that|nur zur|nur zum|aus dem|aus der|bei der|bei dem|beim|während|during)\s"
    r"|^(?:Bereitstellung|Personalisierung|Verbesserung|Beantwortung|Durchführung|Optimierung"
    r"|Gewährleistung|Abwicklung|Erbringung|Sicherstellung)\b"
    r"|(?:anbieter|dienstleister)$"  # recipients: "Werbeanbieter", "Analysedienstleister"
    r"|^Microsoft (?:365|Exchange|Teams|Outlook|Office|Entra|Azure)\b(?!.*\b(?:IDs?|account|Konto"
    r"|data|Daten|identifiers?|Kennung)\b)"
    r"|^(?:\d+\s+)?(?:days?|weeks?|months?|years?|hours?|Tage\w*|Wochen|Monate\w*|Jahre\w*)\b"
    r"|\bpurposes?$|\bZwecke?n?$"
    r"|\b(?:collects|uses|applies|requires|containing|fetched|detai?ls the)\b"
    r"|^(?:other\s+)?(?:similar|comparable|ähnliche\w*|vergleichbare\w*)\s+(?:\w+\s+)?"
    r"(?:technolog\w*|tools?|methods?|services?|Technologien|Verfahren|Dienste)$",
    re.I,
)
# a word with no content of its own (a list cut off at "…, das"), a PDF's page marker
_EMPTY = re.compile(
    r"^(?:das|der|die|dies|diese[rsnm]?|es|the|a|an|it|this|that|these|those)$"
    r"|^(?:Seite|Page)\s+\d+\s+(?:von|of|/)\s+\d+$",
    re.I,
)


def says_nothing(phrase: str) -> bool:
    """A phrase no reader would file as data, whoever drafts it: an article or pronoun left
    alone, a page marker."""
    return _EMPTY.match(phrase.strip()) is not None


def names_no_data(phrase: str) -> bool:
    """A question, an action, a dangling fragment or a back-reference — whatever its words."""
    return bool(_QUESTION.match(phrase) or _ACTION.search(phrase)) or says_nothing(phrase)


def looks_like_item(phrase: str) -> bool:
    """A short noun phrase that names data (not a clause, not a purpose, not "what kinds of
    errors occurred")."""
    words = phrase.split()
    about = _DATA_ABOUT.match(phrase)  # "Angaben zu Ihrer Abteilung": that "zu" is no verb
    if about and len(words) <= 7 and not VERBISH.search(phrase[about.end() - 1 :]):
        return not names_no_data(phrase)
    if not words or len(words) > 7 or VERBISH.search(phrase) or names_no_data(phrase):
        return False
    if about:
        return True
    if len(words) >= 2 and _PARTICIPLE_TAIL.search(phrase):  # "data volumes transferred",
        phrase = _PARTICIPLE_TAIL.sub("", phrase)  # "pages visited": the noun names the datum
    return any(_DATA_HEAD.search(word) for word in _head_words(phrase)) or bool(
        categories_of(phrase) and categories_of(phrase) != ["user"]
    )


# an English past participle after the noun it describes
_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:transferred|accessed|visited|viewed|requested|sent|received|used|opened|clicked"
    r"|uploaded|downloaded|entered|selected|created|stored)$",
    re.IGNORECASE,
)


# Country names, adjectives, and cities that policies use for where data is processed.
COUNTRIES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.IGNORECASE), code)
    for rx, code in (
        (r"(?-i:\bUSA\b|\bU\.S\.(?:A\.)?|\bUS\b(?!-))|United States|Vereinigten Staaten|Redmond|Seattle|California|Kalifornien|San Francisco|New York|Delaware", "US"),
        (r"Deutschland|Germany|German\b|deutsch(?:en|er|e)? (?:Rechenzentr|Server)|Frankfurt|Berlin|München|Munich|Nürnberg|Nuremberg|Hamburg|Falkenstein", "DE"),
        # (Northern Ireland is the United Kingdom's: "Belfast, Northern Ireland", "Nordirland")
        (r"(?<!Nord)(?<!Nord-)Irland|(?<!Northern )Ireland|Dublin", "IE"), (r"Niederlande|Netherlands|Amsterdam", "NL"),
        (r"Österreich|Austria|Wien|Vienna", "AT"), (r"Schweiz|Switzerland|Zürich|Zurich|Genf|Geneva", "CH"),
        (r"Frankreich|France|Paris", "FR"), (r"Vereinigte[sn]? Königreich|United Kingdom|(?-i:\bUK\b)|England|London|Northern Ireland|Nord-?[Ii]rland|Belfast", "GB"),
        (r"Polen|Poland|Polska", "PL"), (r"Schweden|Sweden|Stockholm", "SE"), (r"Finnland|Finland|Helsinki", "FI"),
        (r"Belgien|Belgium|Brüssel|Brussels", "BE"), (r"Luxemburg|Luxembourg", "LU"), (r"Spanien|Spain", "ES"),
        (r"Italien|Italy", "IT"), (r"Dänemark|Denmark", "DK"), (r"Norwegen|Norway", "NO"),
        (r"Kanada|Canada", "CA"), (r"Indien|India\b", "IN"), (r"Australien|Australia", "AU"),
        (r"Japan\b", "JP"), (r"Singapur|Singapore", "SG"), (r"Israel\b", "IL"), (r"Ukraine", "UA"),
    )
)  # fmt: skip


# every other country, by its English and German name as CLDR (through Babel) spells it; names
# that are also a person's, a word or a US state are left out ("Jordan", "Chad", "Georgia")
_AMBIGUOUS = frozenset(
    "jersey georgia jordan chad guinea niger mali togo dominica réunion reunion man"
    " guernsey martinique montserrat".split()
)
_ALIASES = {
    "Czech Republic": "CZ", "Hong Kong": "HK", "Hongkong": "HK", "Türkei": "TR", "Turkey": "TR",
    "Republic of Korea": "KR", "Korea": "KR", "Russian Federation": "RU", "Macau": "MO",
    "Vatican": "VA", "UAE": "AE", "Emirate": "AE", "Slowakische Republik": "SK",
    "Tschechische Republik": "CZ",
}  # fmt: skip


def _cldr_countries() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for locale in ("en", "de"):
        for code, name in Locale(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO"):
                short = re.sub(r"\s+SAR China$|^Sonderverwaltungsregion\s+", "", name)
                if short.casefold() not in _AMBIGUOUS:
                    names.setdefault(short, code)
    return {**names, **_ALIASES}


_CLDR = _cldr_countries()
_CLDR_FOLDED = {name.casefold(): code for name, code in _CLDR.items()}
_CLDR_RX = re.compile(
    r"(?:" + "|".join(re.escape(n) for n in sorted(_CLDR, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_ALL_COUNTRIES = re.compile(  # a name starts a word: "MEINDIENSTPLAN" names no India
    "|".join(f"(?P<c{i}>(?<!\\w)(?:{rx.pattern}))" for i, (rx, _) in enumerate(COUNTRIES)),
    re.IGNORECASE,
)
# a street named after a place is no place: "Schweizer Str. 13, 60594 Frankfurt", "Wiener Straße"
_STREET_AFTER = re.compile(
    r"(?:er)?[\s-]?(?:Str\.|Stra(?:ß|ss)e|Platz|Allee|Ring|Weg|Damm|Chaussee|Gasse|Landstr)",
    re.IGNORECASE,
)
_COUNTRY_OF_GROUP = {f"c{i}": code for i, (_, code) in enumerate(COUNTRIES)}
_CLDR_FIRST = frozenset(re.split(r"[\s&-]", name)[0].casefold() for name in _CLDR)
_WORD_START = re.compile(r"\b[A-ZÄÖÜ][\w'’.]*")


def countries_at(text: str) -> list[tuple[int, str]]:
    """(position, country code) of every country named in ``text``, in text order: the curated
    names and cities above first, then any other country CLDR names in English or German."""
    return list(_countries_at(text))


@lru_cache(maxsize=4096)  # the rules for recipients, transfers and items ask of the same sentences
def _countries_at(text: str) -> tuple[tuple[int, str], ...]:
    found = [
        (m.start(), m.end(), _COUNTRY_OF_GROUP[m.lastgroup or ""])
        for m in _ALL_COUNTRIES.finditer(text)
        if not _STREET_AFTER.match(text, m.end())
    ]  # one pass over all curated names (same output on the whole corpus)
    for w in _WORD_START.finditer(text):  # only where a name's first word stands: one set lookup
        first = w.group(0).casefold()
        if first not in _CLDR_FIRST and first.rstrip(".") not in _CLDR_FIRST:
            continue  # "St." opens "St. Lucia"; "Tschechien." ends a sentence
        m = _CLDR_RX.match(text, w.start())
        if m is None:
            continue
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in found):
            found.append((m.start(), m.end(), _CLDR_FOLDED[m.group(0).casefold()]))
    return tuple(sorted((a, code) for a, _, code in found))


COUNTRY_CODES = frozenset(_CLDR.values())


def country_named(word: str) -> str | None:
    """The code of the country ``word`` names as a country ("Turkey", "LITHUANIA"), not as a
    town in it ("Berlin" names a place, no country)."""
    return _CLDR_FOLDED.get(word.casefold())


def countries_in(text: str) -> list[str]:
    """Country codes named in ``text``, in order of first mention."""
    out: list[str] = []
    for _, code in countries_at(text):
        if code not in out:
            out.append(code)
    return out
