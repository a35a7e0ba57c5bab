"""Data items a policy says are processed: lists under data headings, "Heading: a, b" entries,
table rows and running prose ("wir verarbeiten Name, E-Mail-Adresse und …").

Negated statements ("we do not store …", "keine Zahlungsdaten", "❌ No email addresses") never
become items. Parenthesised examples belong to their item; a heading followed by a description
is the item itself ("**Email Content:** The add-in reads …" → ``Email Content``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import msgspec

from m365inv.catalog.extract.folded import Folded, folded, needles
from m365inv.catalog.extract.lexicon import (
    POSTMODIFIER,
    VERBISH,
    categories_of,
    countries_in,
    is_data_noun,
    looks_like_item,
    names_no_data,
)
from m365inv.catalog.extract.needles import Needles
from m365inv.catalog.extract.parties import CONTROLLER
from m365inv.catalog.extract.periods import DURATION
from m365inv.catalog.extract.phrases import (
    ANNOUNCES,
    EXAMPLE_LEAD,
    EXAMPLE_MID,
    GENERIC,
    NEGATION,
    NOT_DATA_LABEL,
    ONE_MOMENT,
    clean_piece,
    example_items,
    list_items,
    plain_noun_phrase,
    split_list,
    suspended,
)
from m365inv.catalog.extract.providers import names_provider
from m365inv.catalog.extract.recipients import LEGAL_FORM
from m365inv.catalog.extract.segment import Line, sentences, strip_parentheses

DATA_HEADING = folded(
    # "Wenn Sie das Kontaktformular nutzen, erheben wir:", "we collect:": the verb that takes
    # the list below as its object
    r"\b(?:erheben|speichern|verarbeiten|erfassen|sammeln|protokollieren)\s+wir(?:\s+(?:dabei"
    r"|hierbei|insbesondere|automatisch|lediglich|nur|u\.\s?a\.))?\s*:$|\bwe\s+(?:may\s+|also\s+"
    r"|only\s+|automatically\s+)?(?:collect|store|process|receive|log|record)\s*:$|"
    # "Die Software speichert pro Abteilung ausschließlich zweckgebundene Daten:"
    r"\b(?:speicher[nt]|erhebt|erheben|verarbeite[nt]|erfass(?:t|en)|sammel[nt])\b[^.:]{0,60}"
    r"\b(?:daten|angaben|informationen)\s*:$|"
    r"(?:welche|folgenden?|verarbeitete[n]?|erhobene[n]?|erfasste[n]?|gesammelte[n]?|kategorien"
    r"|arten)\b.*\b(?:daten|datenarten"
    r"|datenkategorien|informationen)\b|datenkategorien|datenarten|verarbeitete daten"
    r"|(?:kategorien|arten) (?:der )?(?:bearbeitete[nr]? )?personendaten|bearbeitete personendaten"
    # "Daten, die wir erfassen", "Informationen, die Sie uns geben", "Daten, die gespeichert werden"
    r"|\b(?:daten|informationen|angaben)\s*,?\s+die\s+(?:(?:wir|du|sie|ihr)\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:ge)?(?:erfass|erheb|erhob|sammel|verarbeit|speicher|erhalt|erhält|geb|gib|eingeb|angeb|übermitt"
    r"|bereitstell|teil|hochl|protokoll|les|empfang)\w*(?:\s+(?:werden|wird|wurden))?\s*:?$"
    r"|(?:information|data)\s+(?:that\s+|which\s+)?(?:we|you)\s+(?:collect|process|receive|store"
    r"|access|provide)|what (?:personal )?(?:data|information)|data (?:collection|we collect"
    r"|collected|processed)|information (?:collected|from|we)|categories of (?:personal )?data(?! subjects\b)(?! subject\b(?! to\b))"
    r"|types of (?:personal )?(?:data|information)|personal data (?:we|that)|accesses"
    r"|daten fallen an|zugriffsdaten|log-?file|server-?logs|(?:the )?following (?:personal )?"
    r"(?:data|information)|the following (?:[\w-]+ ){1,3}(?:data|information)\b"
    r"|folgenden? (?:personenbezogene[n]? )?daten|gegenstand der verarbeitung"
    r"|\bwhat [\w-]+ (?:does|do|will|may|can) (?:store|collect|process|keep|log|save|access|read)\b"
    r"|\bwhat(?:'s|’s| is| gets| will be| do we| do you| does \w+)? (?:stored|collected|processed"
    r"|logged|saved|kept"
    r"|store|collect|process|keep|log|save)\b|^(?:stored|collected|processed) (?:data|information)"
    r"|\bwas (?:wird|wir) (?:\w+ ){0,2}(?:gespeichert|erhoben|verarbeitet|speichern|erheben|verarbeiten"
    r"|merken|brauchen|benötigen|wissen)\b"
    # the question with the verb first: "Was speichern wir bei Anrufen?"
    r"|\bwas (?:speichern|erheben|verarbeiten|erfassen|sammeln|protokollieren) wir\b"
    r"|\bdata categories\b|(?:strictly |only )?limited to:$|what we (?:collect|store|process|keep"
    r"|access|read|receive)|was wir (?:erheben|speichern"
    r"|verarbeiten|erfassen)|\bwe (?:may |might |will |also |automatically |only |can )*"
    r"(?:collect|store|process|keep|access|read|receive)(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:collect"
    r"|store|process|keep|access|read|receive|use))*(?: the following)?:$"
    r"|\b(?:automatically |passively )?collected (?:personal )?(?:information|data)\b"
    r"|\b(?:information|data)\b.{0,40}\b(?:collects|stores|processes|receives|accesses)\b|data we (?:process|collect)|personal information we|log-?dateien"
    r"|protokoll(?:daten|dateien)|\blog data\b|\bserver logs?\b|(?:may )?include,? but (?:is |are )?not"
    r" limited to:$|(?:^|\b)(?:dies|das) sind:$|dazu (?:gehören|zählen):$|hierzu (?:gehören|zählen):$"
    r"|(?:this|these|which|it) (?:may |can |will |might )?(?:includes?|are|contains?|umfasst):$"
    r"|(?:information|data|daten|informationen) (?:accessed|collected|processed|stored|used|read"
    r"|received)\b"
)
CLOSING_HEADING = folded(
    r"zweck|purpose|how we use|use of (?:your )?(?:data|information)|rechtsgrundlage|legal bas"
    r"|lawful|empfänger|recipient|third[- ]part(?!ies$)|weitergabe|sharing|disclos|speicherdauer"
    r"|aufbewahrung|retention|how long|löschung|sicherheit|security|rechte|rights"
    # "Kontakt", "Contact us" — but "Account and contact information" names data
    r"|kontakt(?!daten|informationen|angaben|details|formular)"
    r"|contact(?! (?:information|details|data|info|forms?)\b)"
    r"|(?:unsere?|our)\s+(?:kontakt|contact)"
    r"|betroffene|data subjects|changes|änderungen|transfer|übermittlung|verantwortlich"
    r"|controller|datenschutzbeauftragt|protection officer|your choices|user control|consent"
    # a question about use: "Wofür nutzt AskProAI meine Daten?", "How does Acme use my data?"
    r"|^(?:wofür|wozu|weshalb)\b|\bhow (?:do|does) [\w-]+ (?:\w+ )?use\b"
    r"|\bmit wem\b|\bwith whom\b|\bwho (?:do|does) [\w-]+ share\b|\blöschen lassen\b"
    r"|\b(?:welche|which|what) cookies\b"
    r"|einwilligung|how it works|compliance|data usage|datennutzung|nutzung (?:der|Ihrer) daten"
    r"|löschfrist|speicherzeit|speicherort|^wo\b|^warum\b|data location|^hosting|infrastructure"
    r"|infrastruktur|^analytics|handling payments|payment (?:processing"
    r"|providers?|processors?|services?)|zahlungsdienst|^newsletter|third[- ]party (?:services"
    r"|tools|providers)|sub-?processors|auftragsverarbeit|webanalyse|analyse-?tools|plugins"
)
# a list up to the end of its clause; "ggf." and "z. B." do not end it
_ABBREVIATION = (
    r"\b(?:o\.\s?g|u\.\s?a|v\.\s?a|z\.\s?B|bzw|ggf|inkl|ca|bspw|evtl|d\.\s?h|e\.\s?g|i\.\s?e)\."
)
_LIST = r"(?P<list>(?:" + _ABBREVIATION + r"|[^.;:])+)"
_LIST_COLON = r"(?P<list>(?:" + _ABBREVIATION + r"|[^.;])+)"  # "…: a: b, c" keeps its colon
# after "the following information …:" a semicolon separates the entries it announces ("…:
# your domain name; your browser type and operating system; web pages you view")
_LIST_ANNOUNCED = r"(?P<list>(?:" + _ABBREVIATION + r"|[^.])+)"
# a thing as the subject after a German verb in second place: "sendet Ihr Browser …",
# "verarbeitet der Hoster technische Verbindungsdaten (…)" — the data is what follows it
_THING_SUBJECT = (
    r"(?:Ihr|Ihre|dein|deine|unser|unsere|der|die|das)\s+(?:Web|Hosting-?)?(?:Browser|Server|App"
    r"|Endgerät|Gerät|System|Client|Programm|Anwendung|Software|Add-[Ii]n|Hoster|Host"
    r"|[Aa]nbieter|Provider|Dienstleister)\s+"
)
_LEADING_SUBJECT = re.compile(r"^\s*" + _THING_SUBJECT)

# each pattern with how its list is read: "announced" (a data list as a whole: most pieces naming
# data is enough), "subject" (we use …, subject-first: the first entry must itself name data),
# "strict" (an enumeration is read while its pieces name data)
_PROSE_RULES: tuple[tuple[str, Folded | re.Pattern[str]], ...] = (
    (
        "announced",
        folded(  # "seine persönlichen Daten, nämlich Name, Betrieb, Telefon …", "namely …"
            r"\b(?:daten|data|information|informationen|angaben)\b,?\s+(?:nämlich|namely"
            r"|und zwar|that is,|i\.\s?e\.,?|d\.\s?h\.,?)\s+" + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "… only data which are necessary for the contract, specifically the first name,
            # surname …": the clause about the data ends in a comma and "specifically"
            r"\b(?:daten|data|information|informationen|angaben)\b[^.;:]{0,120}?,\s+(?:nämlich"
            r"|namely|specifically|und zwar)\s+(?!Art)" + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "Among the types of Personal Data … there are: a; b; c"
            r"\b(?:data|daten|information|informationen|angaben)\b[^:]{0,160}\b(?:there are|are|include[sd]?"
            r"|sind|umfassen|umfasst|beinhalten|beinhaltet|enthalten|enthält|zählen|gehören|folgende)"
            # "Diese Daten umfassen mindestens: Name, …", "This data includes in particular: …"
            r"(?:\s+(?:mindestens|insbesondere|u\.\s?a\.|unter anderem|at least|at a minimum"
            r"|in particular|among other things))?\s*:\s*(?P<list>.+)"
        ),
    ),
    (
        "announced",
        folded(
            r"(?:\bZu den (?:[\w-]+ ){1,3}?(?:gehören|gehört|zählen|zählt)|\b(?:Dazu|Hierzu) (?:gehören|gehört|zählen|zählt)|^(?:Dies|Das) sind"
            r"|(?<=\w),? (?:sind|ist) (?:dies|das)\b"  # "Bei der Anmeldung sind dies Ihr Name, …"
            # "Für die Software umfasst dies Ihre IP-Adresse, …", "Dies umfasst Name, …"
            r"|\b(?:umfasst|umfassen|beinhaltet|beinhalten|enthält|enthalten) dies\b"
            r"|^(?:Dies|Das) (?:umfasst|beinhaltet|enthält)\b"
            r"|^(?:This|These|It|They|Such data|This data|This information) (?:may |will |can "
            r"|shall )?(?:includes?|consists? of|comprises?)(?:,? (?:at a minimum|at least|among"
            r" other things|in particular),?)?|\bincludes?,? but (?:is |are )?not limited to,?"
            r"|^(?:includes|including|contains|umfasst|beinhaltet|enthält))\s*:?\s*"  # no subject
            r"(?:u\.\s?a\.\s+|insbesondere\s+)?" + _LIST
        ),
    ),
    (
        "announced",
        folded(r"folgende\s(?:\w+\s)?(?:personenbezogenen?\s)?Daten[^:]*:\s*(?P<list>.+)"),
    ),
    (
        "announced",
        folded(  # "Zu den Serverlogfiles können die Adresse …, Datum und Uhrzeit … gehören": the
            # verb closes the list (a modal puts it at the end)
            r"\bZu (?:den|diesen)\s+(?!Empfänger)(?:[\w-]+\s+){1,6}?(?:können|kann|könnten)\s+"
            r"(?:u\.\s?a\.\s+|insbesondere\s+)?(?P<list>(?:" + _ABBREVIATION + r"|[^.;:])+?)"
            r"\s+(?:gehören|zählen)\b"
        ),
    ),
    (
        "announced",
        folded(  # "we receive information … from your browser, which may include your IP address, …"
            r"\b(?:information|data|details|logs|Informationen|Daten|Angaben)\b[^.;:]{0,120},?\s+"
            r"(?:which|die|welche)\s+(?:may\s+|can\s+|will\s+|might\s+|u\.\s?a\.\s+)?"
            r"(?:includes?|contains?|consists? of|umfassen|enthalten|beinhalten)\s+" + _LIST
        ),
    ),
    (
        "strict",
        folded(
            r"\b(?:werden|(?-i:wird))\s+(?:(?:verschiedene|folgende|au(?:ß|ss)erdem|auch|überdies|zudem|dabei"
            r"|dazu|hierzu"
            r"|hierbei|daher|deshalb|dann|jeweils|neben\s\w+"
            r"\s[\w-]+\s+auch)\s+)*(?:Daten,\s+)?(?:insbesondere\s+|u\.\s?a\.\s+)?(?P<list>.+?)\s+"
            r"(?:an\s(?:\S+\s+){1,4}?)?(?:bearbeitet|verarbeitet|erhoben|gespeichert|übertragen|übermittelt"
            r"|erfasst|verwendet|genutzt|protokolliert|aufgenommen|aufgezeichnet|gesammelt|abgefragt"
            r"|ausgelesen|abgerufen|abgelegt|hinterlegt|vorgehalten|festgehalten|aufbewahrt)\b"
        ),
    ),
    (
        "strict",
        re.compile(
            r"\b(?:erhebt|erheben|verarbeitet|verarbeiten|speichert|speichern|erfasst|erfassen"
            r"|sammelt|sammeln|protokollieren|erhalten|analysiert|analysieren|scannt|scannen"
            r"|synchronisiert|synchronisieren|übermitteln|übertragen|sehen|schickt|schicken|sendet|liest"
            r"|überträgt|übermittelt|zählen|messen"
            # a sole trader writes in the first person: "verarbeite ich deine E-Mail-Adresse"
            r"|verarbeite|erhebe|speichere|erfasse|sammle|sammele|protokolliere|(?<=\bich )nutze)"
            r"(?:(?:,\s*|\s+(?:und|oder|sowie)\s+)(?:erheben|verarbeiten|speichern|nutzen|verwenden"
            r"|erfassen|übermitteln|sammeln|analysieren|verarbeite|speichere|erhebe|nutze))*"
            r"\s+(?:wir\s+|ich\s+|(?!Sie\b)[A-Z]\w+\s+(?=(?!und\b|oder\b|sowie\b)[a-zäöü]"
            r"|(?:die|der|das|den|dem|Ihre?\w*)\b)"  # "erhebt Google die …", not "liest Termine und"
            r"|" + _THING_SUBJECT + r")?"  # "sendet Ihr Browser", "verarbeitet der Hoster"
            r"(?:nur\s+|auch\s+|lediglich\s+|ausschlie(?:ß|ss)lich\s+|ebenfalls\s+|zudem\s+|au(?:ß|ss)erdem\s+"
            r"|zusätzlich\s+|weiterhin\s+|ferner\s+|insbesondere\s+|lokal\s+|automatisch\s+"
            r"|dabei\s+|hierbei\s+)*"
            r"(?:folgende\s+(?:[\w-]+\s+){0,2}(?:Angaben|Daten|Informationen|Felder|Attribute"
            r"|Datenkategorien|Datenarten)\b[^.:]{0,60}:\s*)?" + _LIST,
        ),
    ),
    (
        "announced",
        folded(  # "Für dein Konto brauchen wir ein paar Dinge: deine E-Mail-Adresse, …"
            r"(?:\b(?:(?:brauchen|benötigen|speichern|erheben|erfassen|verarbeiten|sehen)\s+wir"
            r"|we\s+(?:only\s+)?(?:need|store|collect|keep|process|see))\b[^.:;()]{0,40}:\s*"
            r"|\bwir\b[^.:;()]{0,40}\b(?:brauchen|benötigen|speichern|merken|erheben)\s*:\s*)"
            + _LIST_COLON
        ),
    ),
    (
        "announced",
        folded(  # "Unser Server schreibt Logs mit Zeitpunkt, Statuscode und IP-Adresse"
            r"\b(?:Logs?|Protokoll\w*|Logdateien|Logeinträge|log entries|log lines)\s+(?:mit|with)\s+"
            + _LIST
        ),
    ),
    (
        "announced",
        re.compile(  # "Paddle übermittelt uns Firmenname, Rechnungsanschrift und …"
            r"\b(?:übermittelt|übermitteln|liefert|liefern|sendet|senden|teilt|teilen|gibt|geben"
            r"|schickt|schicken)\s+uns\s+(?:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?"
            r"(?:nur\s+|lediglich\s+|auch\s+|au(?:ß|ss)erdem\s+|zudem\s+|dabei\s+)?" + _LIST,
        ),
    ),
    (
        "subject",
        re.compile(  # "Rechnungsbezogene Unterlagen bewahren wir zehn Jahre auf"
            r"^(?:(?:Die|Der|Das|Ihre?)\s+)?(?P<list>[A-ZÄÖÜ][^.;:,]{2,60}?)\s+(?:speichern|bewahren|halten"
            r"|verarbeiten|erheben|löschen|protokollieren|erfassen|archivieren)\s+wir\b"
        ),
    ),
    (
        "strict",
        folded(
            r"(?:\b(?:we|(?-i:I)|it|(?:the|this|our) (?:app|application|add-in|extension|service|bot|tool"
            r"|plugin))\s+(?:(?:may|will|only|also|\w+ly)\s+){0,2}(?:\w+\s+and\s+)?"
            r"(?:collect|process|obtain|gather|capture|receive|store|access|read|record|log|retrieve"
            r"|keep|retain|save|sync|synchroni[sz]e|import|fetch|know|see|grab|grabs|upload|index"
            r"|scan|analy[sz]e|cache|hold)"
            r"|\byou\s+(?:may\s+|can\s+)?(?:provide"
            r"|give|send|submit)\s+us(?:\s+with)?|\bto\s+(?:collect|store"
            r"|process|keep)|\b(?:collects|processes|receives|stores|keeps|retains|saves"
            r"|accesses|reads|records|logs|retrieves|captures|gathers|syncs|synchroni[sz]es|uploads"
            r"|fetches|imports|caches|indexes|scans|analy[sz]es)"
            r"(?!\s+(?:contain|include|are|show|may|will)\w*\b)"
            r"|\bwe\s+(?:are|'re|’re)\s+(?:(?:only|also|currently)\s+)?(?:\w+ing\s+(?:and|or)\s+)?"
            r"(?:storing|collecting|processing|logging|saving|recording|keeping|reading|accessing"
            r"|receiving|retaining|capturing|gathering)"  # "we are only getting and storing …"
            r"|\b(?!you\b|they\b|users?\b)[A-Za-z][\w-]+\s+(?:may|will"
            r"|might)\s+(?:also\s+|automatically\s+)?(?:collect|capture|gather|obtain|record|log)"
            # ("server log files" names the files: "log" is no verb there)
            r"|\b(?:servers?|systems?)\s+(?:automatically\s+)?"
            r"(?:log(?!\s+(?:files?|entries|data|records)\b)|record|collect|store|receive))\s+(?:locally\s+)?(?:the\s+following\s+(?:[\w-]+\s+){0,2}"
            r"(?:information|data|details|attributes|fields|properties)\b[^.:]{0,60}:\s*"
            r"|the\s+following\s+(?:personal\s+)?(?:information|data)"
            r"(?:\s+from\s+\w+)?:?\s*|(?:only\s+)?what(?:'s|’s| is)\s+(?:strictly\s+)?(?:necessary"
            r"|needed|required)[^.:]{0,60}:\s*)?(?P<list>[^.:]+)",  # "names; email addresses; …" too
        ),
    ),
    (
        "announced",
        folded(  # "Dabei handelt es sich um Vorname, Nachname, Position …"
            r"\b(?:Dabei|Hierbei|Es|Das|Dies|Diese|Bei (?:diesen|den) Daten"
            r"|Bei\s+(?:der|den|diesen|dieser)\s+(?:[\w-]+\s+){0,3}(?:Daten|Informationen))"
            r"\s+handelt\s+es\s+sich"
            r"\s+(?:dabei\s+|hierbei\s+)?(?:insbesondere\s+|u\.\s?a\.\s+|vor allem\s+)?um\s+"
            + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "Hierbei kann es sich v. a. um IP-Adressen, Kontaktanfragen … handeln"
            r"\b(?:Dabei|Hierbei|Es|Das|Dies)\s+(?:kann|können|könnte)\s+es\s+sich\s+"
            r"(?:dabei\s+|hierbei\s+)?(?:v\.\s?a\.\s+|vor allem\s+|insbesondere\s+|u\.\s?a\.\s+"
            r"|z\.\s?B\.\s+|beispielsweise\s+)?um\s+(?P<list>(?:" + _ABBREVIATION + r"|[^.;:])+?)"
            r"\s+handeln\b"
        ),
    ),
    (
        "strict",
        folded(  # "we ask you to provide your name, email address and company", "we'll ask you for
            # your name", "you are required to enter your email address"
            r"(?:\b(?:ask|asks|asked|request|requests|require|requires)\s+(?:you|users?|customers?)\s+"
            r"(?:(?:to|that you)\s+(?:provide|enter|give|submit|share|supply)(?:\s+us)?(?:\s+with)?|for)\s+"
            r"|\byou\s+(?:will\s+be|are)\s+(?:required|asked)\s+to\s+(?:provide|enter|give"
            r"|submit|supply)(?:\s+us)?(?:\s+with)?\s+"
            # "we ask for your email address, a username and a password"
            r"|\bwe\s+(?:(?:may|will|also|only|then)\s+)?(?:ask|request)\s+(?:for\s+)?"
            r"(?=your\b)(?!your\s+(?:consent|permission|approval|agreement|help|patience)\b))"
            # ("… for additional information", "… some basic information": nothing named)
            r"(?:(?:only|just|also)\s+)?(?!(?:some|any|additional|further|other|more|certain)\b)"
            + _LIST
        ),
    ),
    (
        "strict",
        re.compile(  # "SignaturPro greift über die Graph API auf die Benutzerattribute zu"
            r"\bgreif(?:t|en)\s+(?:\S+\s+){0,6}?auf\s+(?P<list>[^.;:]+?)\s+zu\b"
        ),
    ),
    (
        "strict",
        folded(  # "When you start a trial, Microsoft shares your name and email with us"
            r"\b(?:shares?|provides?|sends?|passes?|gives?|transmits?|übermittelt|teilt)\s+(?:uns\s+)?"
            r"(?P<list>(?:your|Ihre?[nm]?|the|die|den)\s[^.;:]+?)\s+(?:with|to|mit)\s+(?:us|uns)\b"
        ),
    ),
    (
        "strict",
        folded(  # "Teams hands us your tenant ID and the channel ID"
            r"\b(?:hands?|gives?|sends?|passes?|provides?)\s+us\s+(?:with\s+)?"
            r"(?P<list>(?:your|the|their)\s[^.;:]+)"
        ),
    ),
    (
        "strict",
        folded(  # "Stripe receives your billing address and card details"
            r"\b(?:receives?|erhält|bekommt|bekommen|erfährt|erfahren|sieht|kennt)\s+"
            r"(?:(?:der|die|das)\s+\w+\s+|wir\s+)?(?:dabei\s+|only\s+|nur\s+|also\s+|auch\s+)?"
            r"(?P<list>(?:your|Ihre?[nmrs]?|deine?[nmrs]?|eure?[nmrs]?|euer)\s[^.;:]+)"
        ),
    ),
    (
        "announced",
        folded(  # "CloudCTI unterscheidet zwei Arten von personenbezogenen Daten: Kontodaten und …"
            r"\b(?:Arten|Kategorien|types|kinds|categories)\s+(?:von\s+|of\s+)?(?:personenbezogenen\s+"
            r"|personal\s+)?(?:Daten|data|Informationen|information)\s*:\s*" + _LIST_COLON
        ),
    ),
    (
        "announced",
        folded(  # "… benötigen wir Ihre vollständigen Daten. Diese sind: Firma, Anrede, …"
            r"^(?:Diese|Dies|Das|These|This|They)\s+(?:sind|umfassen|beinhalten|are|include)\s*:\s*"
            + _LIST_COLON
        ),
    ),
    (
        "strict",
        folded(  # "Um Rechnungen zu verschicken, müssen Sie deren Namen und Kontaktdaten angeben"
            r"\b(?:müssen|können|sollten|müsst|könnt|musst|kannst)\s+(?:Sie|du|ihr)\s+(?:uns\s+)?"
            r"(?:dabei\s+|hierfür\s+|dazu\s+|zunächst\s+|lediglich\s+|nur\s+)?"
            r"(?P<list>[^.;:]+?)\s+(?:angeben|eingeben|mitteilen|übermitteln|hinterlegen|hochladen"
            r"|bereitstellen|nennen|erstellen|festlegen|vergeben|wählen)\b"
        ),
    ),
    (
        "strict",
        folded(  # "Die [Stammdaten] bestehen in der Regel aus Vor- und Nachname sowie …"
            r"\b(?:bestehen|besteht)\s+(?:in der Regel\s+|meist\s+|typischerweise\s+|u\.\s?a\.\s+)?aus\s+"
            + _LIST
        ),
    ),
    (
        "strict",
        folded(  # "… bitten wir Sie um einige Unternehmensdaten und eine Kontaktperson"
            r"\bbitten\s+(?:wir\s+)?(?:Sie|dich|euch)\s+(?:dabei\s+|hierbei\s+|zunächst\s+)?um\s+"
            + _LIST
        ),
    ),
    (
        "strict",
        folded(  # "When you email support, you provide contact details and …"; "a user must
            # provide contact information (such as name, email …)"
            r"\b(?:you|(?:a|the|each)\s+(?:user|customer|visitor|member|subscriber)"
            r"|(?:users|customers|visitors|members|subscribers))\s+"
            r"(?:may\s+|can\s+|will\s+|also\s+|need\s+to\s+|must\s+|have\s+to\s+|has\s+to\s+"
            r"|(?:is|are)\s+(?:required|asked)\s+to\s+)*"
            r"(?:provide|give|submit|enter|share)\s+"
            r"(?:us\s+(?:with\s+)?|to us\s+)?(?!(?:your\s+|us\s+|the\s+)?(?:[\w-]+\s+)?(?:consent"
            r"|permission|approval|authori[sz]ation|feedback)\b)" + _LIST
        ),
    ),
    (
        "strict",
        folded(  # "Wenn Sie uns kontaktieren, geben Sie Ihren Namen und Ihre E-Mail-Adresse an"
            r"\b(?:geben|gibst|teilen|teilst)\s+(?:Sie|du)\s+(?:uns\s+)?(?P<list>[^.;:]+?)\s+(?:an|mit)"
            r"(?=\s*[.;,]|\s*$)"
        ),
    ),
    (
        "strict",
        folded(  # "We use Microsoft Graph permissions to read organization details, …"
            r"\b(?:use|uses|using|request|requests|connect|connects|nutzen|verwenden)\b[^.;:]{0,80}?"
            r"\bto\s+(?:read|retrieve|access|fetch|sync|import|pull|load)\s+" + _LIST
        ),
    ),
    (
        "strict",
        folded(  # "Allows the app to read documents and list items in all site collections"
            r"\b(?:allows?|lets?|permits?|enables?)\s+(?:the\s+|our\s+)?(?:app|application|add-in"
            r"|bot|service|us)\s+to\s+(?:read|retrieve|access|view|query|get|sync|see)(?:,?\s+"
            r"(?:and\s+)?(?:write|update|create|query|manage|delete|send|modify))*\s+" + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "We collect the following information when you sign up: your name, …"
            r"\b(?:the following|folgende) (?:[\w-]+ ){0,3}(?:information|data|details|daten|angaben"
            r"|informationen|Felder|Attribute|fields|attributes|properties|Eigenschaften)\b[^:.]{0,80}"
            r":\s*" + _LIST_ANNOUNCED
        ),
    ),
    (
        "announced",
        folded(  # "we may receive information about you such as your name, email address …"
            r"\b(?:additional |personal |other |certain |some )?(?:information|data|details|informationen"
            r"|[\w-]*daten|angaben|content|contents|inhalte|results|ergebnisse)(?: about you| über Sie"
            r"|[^.;:,]{0,60}\b(?:übermittelt|erhoben|gespeichert|erfasst|collected|stored|logged"
            r"|transmitted|recorded|provided|generated|submitted|uploaded|created|entered|erzeugt"
            r"|eingegeben|hochgeladen|bereitgestellt)\b[^.;:,]{0,20},"
            r"|\s+(?:into|in|within|on|through|via)\s+(?:the\s+|our\s+|your\s+)?[\w-]+(?:\s+[\w-]+)?,"
            r")?,? (?:such as|like|including"  # "enter data into the Service, including …"
            r"|for example:?|for instance:?|zum Beispiel:?|beispielsweise:?|wie z\.\s?B\.|wie etwa"
            r"|wie(?= [A-ZÄÖÜ])"
            r"|z\.\s?B\.|e\.\s?g\.,?) " + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "Personal information may include, but is not limited to your name and email"
            r"(?:\b(?:data|information|informationen|daten|details|angaben|logs|log files|records"
            r"|protokolle|logdateien|copy|file|export|report|notification|snapshot|backup|profile?"
            r"|profil|registerkarte|formular|form|datensatz)\b[“”\"»«]?"
            r"(?:\s*\([^)]*\))?"
            r"(?:\s+(?:collected|gathered|logged|recorded|stored|processed)(?:\s+[\w-]+){0,3})?"
            r"|^(?:this|these|it|they|dies|diese)\b)"
            r"\s+(?:may\s+|can\s+|might\s+|will\s+|kann\s+|können\s+)?(?:includes?|contains?|umfass\w+"
            r"|enthalten|beinhalten)\b,?\s+(?:but\s+(?:is\s+|are\s+)?not\s+limited\s+to,?\s+)?"
            r"(?:(?:information|data|angaben|daten)\s+(?:such as|like|wie)\s+)?" + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "An Microsoft übertragen werden insbesondere Ihre IP-Adresse und …"
            r"\b(?:übertragen|übermittelt|verarbeitet|gespeichert|erhoben|erfasst|abgefragt"
            r"|protokolliert|weitergegeben) (?:werden|wird)\s+(?:(?:dabei|insbesondere|u\.\s?a\."
            r"|zumindest|mindestens|folgende|lediglich|nur|auch|zudem|au(?:ß|ss)erdem)\s+)*"
            # "…, je nach Browser und dessen Einstellung: Datum, …": what leads to a list
            r"(?!(?:" + _ABBREVIATION + r"|[^.;:])*:)" + _LIST
        ),
    ),
    (
        "announced",
        folded(  # "Lokal gespeichert: die Anmeldetoken sowie …", "Stored locally: …"
            r"^(?:(?:lokal|temporär|vorübergehend|dauerhaft|serverseitig|zusätzlich|nur|locally"
            r"|temporarily|permanently|server-side|also|only)\s+){0,2}(?:gespeichert|erhoben"
            r"|verarbeitet|erfasst|übermittelt|protokolliert|stored|collected|processed|logged"
            r"|saved|kept|transmitted)(?:\s+(?:lokal|locally|temporarily|temporär|on (?:your|the)"
            r" device|auf (?:Ihrem|dem) Gerät))?\s*:\s*" + _LIST_COLON
        ),
    ),
    (
        "announced",
        re.compile(  # "Bei der Buchung werden, je nach Terminart, abgefragt: Name, Rufnummer …"
            r"\b(?:werden|wird)\b[^.:]{0,80}\b(?:abgefragt|erhoben|verarbeitet|gespeichert|erfasst"
            r"|übermittelt|benötigt|abgelegt|hinterlegt|aufbewahrt|protokolliert)\s*:\s*"
            + _LIST_COLON
        ),
    ),
    (
        "announced",
        folded(  # "… werden Sie zur Angabe Ihrer E-Mail-Adresse und Ihres Namens aufgefordert"
            r"\b(?:zur Angabe|um (?:die )?Angabe)\s+(?:von\s+)?(?P<list>[^.;:]+?)\s+(?:aufgefordert"
            r"|gebeten)\b"
        ),
    ),
    (
        "announced",
        folded(  # "you may be asked to provide your name, company name, email address …"
            r"\basked to (?:provide|enter|give|supply|submit|share)\s+(?:us\s+(?:with\s+)?)?"
            + _LIST
        ),
    ),
    (
        "announced",
        re.compile(  # "Gespeichert wird: Ihre Mailadresse, …", "Übertragen wird, was …: Ihre IP-Adresse"
            r"^(?:Gespeichert|Übertragen|Übermittelt|Erhoben|Verarbeitet|Erfasst|Protokolliert"
            r"|Abgefragt)\s+(?:werden|wird)\b(?:[^.:]|"
            + _ABBREVIATION
            + r"){0,80}:\s*"
            + _LIST_COLON
        ),
    ),
    (
        "subject",
        folded(  # "Zur Anmeldung nutzen wir Name und E-Mail-Adresse", "we use your email address"
            r"(?:\b(?:nutzen|verwenden|benötigen|lesen)\s+wir|\bwe\s+(?:only\s+|also\s+)?(?:use"
            r"|need|require))\s+(?:nur\s+|auch\s+|only\s+)?(?:von Ihnen\s+|from you\s+)?" + _LIST
        ),
    ),
    (
        "subject",
        re.compile(
            r"^(?!(?:This|That|These|Those|It|Our|The)\s+(?:[\w-]+\s+)?(?i:page|site|website|policy|app"
            r"|application|service|document|add-in|notice|statement)\b)"
            r"(?:(?:As|At) a minimum,\s+|In addition,\s+|Additionally,\s+"
            r"|For\s+(?:[\w-]+\s+){1,3}?(?=(?:their|your|the|its)\s)"  # "For registered users their …"
            r"|(?=[A-Z]))"  # an opener
            r"(?P<list>[^\W\d_][^,.;:]{2,60}?(?:(?:,\s+|,?\s+(?:and|or)\s+)[^,.;:]{2,80}?){0,12})"
            r"(?<!\bwhich)(?<!\bthat)(?<!\bwho)\s+(?:is|are)\s+(?:\w+\s+)?(?P<verb>collected|processed|stored"
            r"|transmitted|logged|saved|archived|used|accessed|read"
            # kept somewhere is stored; kept for a time, retained or deleted is a retention
            # rule, whose subject is no new item ("Account data is retained while …")
            r"|(?:kept|retained)(?=\s+(?:only\s+|securely\s+)?(?:in|on|at|inside|locally)\b)"
            r"|shared|sent|synced|synchroni[sz]ed|uploaded|cached|analy[sz]ed|written|recorded|captured"
            r"|encrypted|hashed|indexed|backed up|transferred|forwarded|exported|fetched|retrieved"
            r"|managed|handled)\b"
            r"(?:[^.;:]{0,40}?\bwith\s+(?P<with>[^.;:]+))?"
        ),
    ),
    (
        "subject",
        re.compile(  # "For successful submissions, your name, email address, and any
            # communications with you will be held for up to 5 years": what will be done to
            # "your" data, said in the future or as a possibility
            r"(?:^|^(?:For|If|When|Once|After)\s[^,.;:]{2,60},\s+)(?P<list>(?i:your)\s[^.;:]{2,200}?)"
            r"\s+(?:will|may|might|can|shall|would)\s+(?:also\s+|only\s+)?be\s+(?:\w+\s+)?"
            r"(?:collected|processed|stored|held|retained|logged|kept|saved|archived|recorded"
            r"|transmitted|shared|sent|uploaded|captured|encrypted|hashed|transferred|forwarded)\b"
        ),
    ),
    (
        "subject",
        re.compile(  # "Der Schlüssel sowie Ihr Name werden auf unseren Servern gespeichert."
            r"^(?:(?:Der|Die|Das|Ihre?)\s+)?(?P<list>[A-ZÄÖÜ](?:[^.;:]|\b[dzu]\.\s?[hBa]\.){2,300}?)"
            r"(?<!Daten)(?<!Informationen)"
            r"(?<!Angaben)\s+(?:werden|wird|können|kann)\s+"
            r"(?:(?:[^.;:]|\b(?:Co|Inc|Ltd|bzw|ggf)\.){0,60}\s)?(?:gespeichert|verarbeitet|erhoben|erfasst"
            r"|übermittelt|protokolliert|weitergegeben|archiviert|preisgegeben"
            r"|hinterlegt|bereitgestellt|synchronisiert|abgeglichen|importiert|hochgeladen|übertragen"
            r"|zwischengespeichert|ebenso behandelt)\b"
        ),
    ),
    (
        "announced",
        folded(  # "Diese Informationen können Ihren Namen, Ihr Alter … enthalten."
            r"^(?:Diese|Die|Solche|Ihre)?\s*(?:[\w-]*(?:daten|informationen|angaben)|Protokolle"
            r"|Logdateien)\s+(?:können|kann|werden|wird)\s+(?:u\.\s?a\.\s+|z\.\s?B\.\s+|etwa\s+)?"
            r"(?P<list>[^.;:]+?)\s+(?:enthalten|umfassen|beinhalten)\b"
        ),
    ),
    (
        "announced",
        re.compile(  # "Dies können Angaben zu Ihrer Abteilung, Ihre Telefonnummer … sein."
            r"^(?:Dies|Das|Diese|Hierzu|Dazu)\s+(?:können|kann|sind|ist|zählen|gehören)\s+(?:z\.\s?B\.\s+"
            r"|etwa\s+|beispielsweise\s+|u\.\s?a\.\s+)?(?P<list>[^.;:]+?)\s+sein\b"
        ),
    ),
    (
        "strict",
        re.compile(  # "zum Beispiel können dies Namen, E-Mail-Adressen oder Termininformationen sein"
            r"\b(?:können|kann)\s+(?:dies|das|diese)\s+(?:z\.\s?B\.\s+|etwa\s+)?(?P<list>[^.;:]+?)\s+sein\b"
        ),
    ),
    (
        "strict",
        re.compile(  # "Optional können eine Telefonnummer und eine Nachricht angegeben werden."
            r"\b(?:können|kann|müssen|muss|sollen|soll|sollten|sollte)\s+(?:(?:optional|zusätzlich"
            r"|au(?:ß|ss)erdem|auch|ferner|freiwillig|dabei|hier)\s+)*(?!Sie\b|du\b|ihr\b|wir\b)"
            r"(?P<list>[^.;:]+?)\s+(?:angegeben|eingegeben|hinterlegt|hochgeladen|mitgeteilt"
            r"|gespeichert|übermittelt|erfasst|verarbeitet)\s+werden\b"
        ),
    ),
    (
        "announced",
        re.compile(  # "… wir erhalten von Stripe nur eine Zahlungsreferenz und den Betrag."
            r"\b(?:[Ww]ir\s+(?:erhalten|bekommen)|(?:erhalten|bekommen)\s+wir)\s+(?:dabei\s+|hierbei\s+)?"
            r"(?:von\s+(?:der\s+|dem\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?\s+)"
            r"(?:nur\s+|lediglich\s+|ausschlie(?:ß|ss)lich\s+|au(?:ß|ss)erdem\s+|auch\s+)?" + _LIST
        ),
    ),
    (
        "strict",
        re.compile(  # "… werden wir die Chatinhalte protokollieren."
            r"\b(?:werden|können|dürfen|müssen)\s+wir\s+(?:\w+\s+)?(?P<list>[^.;:]+?)\s+(?:verarbeiten"
            r"|speichern|abspeichern|erheben|erfassen|protokollieren|aufzeichnen|übermitteln|auswerten)\b"
        ),
    ),
)
_PROSE = tuple(rx for _, rx in _PROSE_RULES)
# the strings one of which every match of a case-sensitive rule holds (a folded rule tests its
# own): a sentence is read by some forty rules, and most hold none of a given rule's strings
_PROSE_NEEDLES = tuple(
    None if isinstance(rx, Folded) or (held := needles(rx.pattern)) is None else Needles(held)
    for rx in _PROSE
)
_ANNOUNCED = tuple(rx for kind, rx in _PROSE_RULES if kind == "announced")
_MUST_NAME_DATA = tuple(rx for kind, rx in _PROSE_RULES if kind == "subject")
_PREPOSITION_START = re.compile(
    r"^(?:entweder|either|auf|in|an|bei|von|über|unter|mit|zu|zum|zur"
    r"|im|am|beim|vom|on|in|at|by|from|with|bis|until|für|for|während"
    r"|during|nach|after|solange|as long|maximal|höchstens|up to|nur so lange|across|throughout"
    r"|within|via|through|zusammen mit|gemeinsam mit|together with|along with)\s",
    re.I,
)
# "Das sind vor allem technische Daten (z. B. …)": the sentence refers back to collected data
# the rest of an enumeration: "…, tasks, and other business records"
_REMAINDER = re.compile(r"^(?:other|any other|sonstige|andere)\s", re.I)
# the parenthesis follows a word for services or their providers, not the data word before it
_SERVICES_BEFORE = folded(
    r"\b(?:services?|providers?|tools?|apps?|applications?|platforms?|partners?|vendors?|Dienste[n]?"
    r"|Anbieter[ns]?|Dienstleister[ns]?|Partner[ns]?|Plattformen)\s*$"
)


# words between a data noun and the participle after it: "Server-Logs werden automatisch
# verarbeitet", "logs are collected"
_AUXILIARY_TAIL = re.compile(
    r"(?:\s+(?:werden|wird|are|is|automatisch|automatically|dabei|hierbei|vom|von|by|uns"
    r"|us|stets|always|kurzzeitig|temporarily|lokal|locally))+\s*$",
    re.I,
)


def _noun_before(clause: str) -> str:
    """The data noun that ends ``clause`` (auxiliaries and adverbs aside), or "": the head of
    "… technische Zugriffsdaten gespeichert (…)" whose list follows the participle."""
    words = _AUXILIARY_TAIL.sub("", clause).split()
    last = clean_piece(words[-1]) if words else ""
    return last if last[:1].isupper() and (is_data_noun(last) or looks_like_item(last)) else ""


def _generic_examples(sentence: str, *, at_start: bool = False) -> re.Match[str] | None:
    """A generic data word with its examples in parentheses, "personal data (e.g. name, …)" —
    not when the parenthesis follows a word for services ("data from third-party services (such
    as calendar providers)"), whose examples are services."""
    if at_start:  # "personal data (…)", "Basic personal information collected … (…)"
        ex = _GENERIC_EXAMPLES.match(sentence)
        pos = 0
        for _ in range(3):  # up to three words before it: "Basic personal", "Device and …"
            step = None if ex else _OPENING_WORD.match(sentence, pos)
            if step is None:
                break
            pos = step.end()
            ex = _GENERIC_EXAMPLES.match(sentence, pos)
    else:
        ex = _GENERIC_EXAMPLES.search(sentence)
    if ex and _SERVICES_BEFORE.search(sentence, 0, sentence.index("(", ex.start())):
        listed = [
            p for p in example_items(ex.group("list") or "") if not _SERVICES_BEFORE.search(p)
        ]
        if len(listed) < 2:  # (unless its examples name data: "information collected through
            return None  # authentication providers (such as email address, first and last name)")
    return ex


# a word before a generic data word: "Basic", "Device and"
_OPENING_WORD = re.compile(r"[\w-]+\s+(?:(?:and|und|or|oder)\s+)?")


# what a file, record or message holds: "Die Dateien enthalten personenbezogene Daten (z. B. …)"
_HOLDS = folded(r"\b(?:enthalten|enthält|beinhalten|contains?)\b")
_DEICTIC = re.compile(r"^(?:Das|Dies|Diese|These|This|Such data)\s+(?:sind|ist|are|is)\b", re.I)
# "personal data (e.g. name, e-mail address)": a generic word whose examples are the items
_GENERIC_EXAMPLES = re.compile(
    r"\b(?:daten|data|informationen|information|angaben)\b[^():,;]{0,80}"
    # (or a relative clause between: "technische Informationen, die Ihr Browser übermittelt
    # (insbesondere IP-Adresse, …)")
    r"(?:,\s+(?:die|welche|that|which)\s[^():,;]{0,60})?"
    r"\(\s*(?:z\.\s?B\.|e\.\s?g\.,?|such as|wie|etwa|bspw\.|beispielsweise|for example|including"
    r"|zum Beispiel|insbesondere|in particular)\s*(?P<list>[^()]+)\)"
    r"|\b(?:daten|data|informationen|information|angaben)(?:\s+(?:zur|zum|für|for|of|about|über)\s+[^(),.;:]{2,50})?"
    r"(?:\s+(?:erhoben|verarbeitet|gespeichert|erfasst|collected|processed|stored))?"  # "Daten
    r"\s*\((?P<bare>[^(),]{2,40}(?:,[^(),]{2,40})+)\)",
    re.IGNORECASE,
)
# examples in parentheses after any noun phrase: "(for example: sender address, display name)"
_PAREN_EXAMPLES = re.compile(
    r"\(\s*(?:for example|for instance|e\.\s?g\.|z\.\s?B\.|such as|including|beispielsweise|etwa"
    r"|zum Beispiel|bspw\.)"
    r"\s*[:,]?\s*(?P<list>[^()]+)\)",
    re.IGNORECASE,
)
# three or more entries in parentheses, without "e.g.": "access logs (IP address, browser, time)"
_PAREN_BARE = re.compile(r"\((?P<list>[^(),]{2,40}(?:,[^(),]{2,40}){2,})\)")
# verbs only: "die Verarbeitung von Daten (z. B. …)" defines, it does not disclose
PROCESSING = folded(
    r"\b(?:verarbeite[nt]|erhoben|erheben|erhebt|gespeichert|speicher[nt]|erfass[et]n?|übermittel[nt]"
    r"|processe[sd]|process|collect(?:s|ed)?|stored?|stores|receive[sd]?|holds?|reads?|accesse[sd]"
    r"|access|uses|caches|retrieves|fetch(?:es)?|liest|lesen|nutzt|abgerufen|ruft|analy[sz]es"
    r"|analy[sz]ed|scans|inspects|analysiert|logged|(?<=\bwe )log"
    # a server's log and data that accrue: "protokolliert der Server … den Abruf der Dateien
    # (IP-Adresse, Zeitpunkt, …)", "können … Verbindungsdaten anfallen (z. B. IP-Adresse, …)",
    # "Dabei fallen serverseitig Zugriffsdaten an (…)", "The server logs each request (…)"
    r"|protokolliert|protokollieren|aufgezeichnet|anfallen|fallen(?=\s[^.;]{0,60}\ban\b)"
    r"|(?<=\bserver )logs|(?<=\bservers )log)\b"
)


_PROSE_TAIL = re.compile(
    r"\s+(?:auf|in|on|at|bei|via|über|unter|from|for|aus|zum|zur|im|beim|während|during|prior to"
    r"|before|bevor|between|zwischen|into|to(?=\s+(?:our|their|its)\s)"
    r"|an(?=\s+(?:unsere[nm]?|de[nm]|die|das|Ihre[nm]?|eine[nm]?)\s))\s+"
    r"(?:(?!,|\s+und\b|\s+and\b).)*"
    # an adverb of the verb after the data: "Daten grundsätzlich für die Dauer …", "… nur"
    r"|\s+(?:grundsätzlich|nur|lediglich|ausschlie(?:ß|ss)lich|solange|so lange|dauerhaft|vorübergehend"
    r"|automatisch|stündlich|täglich|jeweils|direkt|unmittelbar)(?:\s.*)?$"
)
# a label's line of this many sentences (with the label's) is a paragraph under a title
_TITLED_PARAGRAPH = 4
_TITLE_DOT = re.compile(  # "Account data (controller). Name, …": the title may carry a note
    r"^([A-ZÄÖÜ][\w-]+(?:\s[\w-]+){0,3})(?:\s\([^()]{1,40}\))?\.\s+(?=[A-ZÄÖÜ])"
)


def _title_sentence(sentence: str) -> bool:
    """Whether a "sentence" is a title ending in a dot: "Data You Provide to Us.", "Usage
    Information and Data Collected via Technology." — short, most of its words capitalised."""
    words = sentence.rstrip(" .*").split()
    return (
        sentence.rstrip(" *").endswith(".")
        and 2 <= len(words) <= 8
        and 2 * sum(w[:1].isupper() for w in words) > len(words)
    )


# "Label — rest" / "Label - rest": a spaced dash after a short label, read like a colon
_DASH_LABEL = re.compile(r"^([^—–]{2,100}?)\s+[—–-]\s+(\S.*)$")
_PURPOSE_START_DASH = folded(
    r"(?:for|to|used|so that|in order|required|needed|if|when|only|fetched|retrieved|pulled"
    r"|obtained|collected|provided|read|zur?|zum|für|um|damit|benötigt"
    r"|erforderlich|wird|werden|wenn|falls|nur"
    # what the entry is for, said with a verb: "— identifies you", "— lets SBX move emails"
    r"|identifies|lets|allows|enables|helps|establishes|powers|supports|ensures|so|ermöglicht"
    r"|dient|hilft)\b"
)


# a lead-in to where or when data is collected, not to what: "This Policy applies to personal
# information we collect in connection with:" over a list of products and websites
_CONTEXT_LEAD = folded(
    r"\b(?:in connection with|in conjunction with|applies to|im Zusammenhang mit|gilt für"
    r"|when you|wenn Sie|sobald Sie|by|indem|durch)\s*:$"
    # to whom: "We may share your personal information with:" over a list of recipients
    r"|\b(?:share|disclose|transfer|sell|pass|teilen|weitergeben|übermitteln|offenlegen)\b"
    r"[^:]{0,60}\b(?:with|to|an|mit)\s*:$"
    # to whom: "… an einen der folgenden, vom Nutzer ausgewählten KI-Anbieter — …:"
    r"|\b(?:folgenden?|following)\b[^:]{0,40}\b(?:[\w-]*anbieter[ns]?|providers?|dienstleister[ns]?"
    r"|empfänger[ns]?|recipients|(?:sub-?|unterauftrags)?(?:processors|verarbeiter[ns]?)|vendors"
    r"|partner[ns]?)\b[^:]{0,80}:$"
    # who, named first: "Third parties we use for advertising:", "Dienstleister, die wir einsetzen:"
    r"|^(?:the\s+|die\s+)?(?:third[- ]part(?:y|ies)(?:\s+(?:services|providers|vendors|partners))?"
    r"|(?:service\s+)?providers|partners|vendors|sub-?processors|processors|Drittanbieter"
    r"|Dienstleister|Auftragsverarbeiter|Partner|Empfänger)\b,?\s+(?:(?:that|which|die|mit denen)\s+)?"
    r"(?:we|wir)\b[^:]{0,60}:$"
    # a processor's duties: "We will:", "Der Auftragsverarbeiter verpflichtet sich:"
    r"|^(?:we|wir|the processor|der auftragsverarbeiter|the vendor|der anbieter)\s+(?:will|shall"
    r"|must|agrees? to|undertakes? to|werden|wird|verpflichte[nt] sich(?: dazu)?)\s*:$"
    r"|^(?:[\w.&-]+\s+){1,3}(?:shall|agrees? to|undertakes? to|verpflichtet sich(?: dazu)?)\s*:$"
    # through what: "… accesses your calendar through the respective service APIs:"
    r"|\b(?:through|via|über|using|mittels)\s+(?:the\s+|die\s+)?(?:[\w-]+\s+){0,3}(?:APIs?|interfaces?"
    r"|Schnittstellen|SDKs?|integrations?|Integrationen)\s*:$"
    # what is done, not with what: "Die Verarbeitung umfasst folgende Tätigkeiten:"
    r"|\b(?:folgende|following)\s+(?:[\w-]+\s+)?(?:Tätigkeiten|Verarbeitungstätigkeiten|Vorgänge"
    r"|Leistungen|activities|operations|services)\b[^:]{0,40}:$"
    # what a breach notification tells: "To the extent known at the time of notification, we
    # will include:" over "- a description of the nature of the breach", "- the DPO's name"
    r"|\b(?:notification|notice|(?-i:notify)|Meldung|Benachrichtigung|melden|benachrichtigen)\b[^:]{0,100}"
    r"\b(?:include|contain|provide|state|enthält|enthalten|umfasst|umfassen|beinhaltet|angeben)\w*"
    r"\s*:$"
    # how it is protected: "We apply technical and organizational safeguards, including:"
    r"|\b(?:safeguards|measures|Ma(?:ß|ss)nahmen|Schutzma(?:ß|ss)nahmen|Vorkehrungen|security (?:practices"
    r"|controls))\b[^:]{0,40}:$"
)


# a paragraph that defines personal data: its examples say what the term means, not what the
# vendor processes
DEFINES = re.compile(
    r"^[\"„“]?(?:Personal (?:data|information)|Personally identifiable information|Personenbezogene"
    r" Daten|Persönliche Daten)[\"“”]?(?:\s*\([^)]*\))?\s+(?:is|are|means|refers to|includes any"
    r"|(?:is|are) (?:defined|understood) as|sind|ist|bezeichnet|meint"
    r"|(?:sind|ist|werden|wird) (?:definiert|verstanden) als)\s+[\"„“]?(?:any|all|individual|information|alle|sämtliche|jede|solche"
    r"|Einzelangaben|Informationen|Angaben)"
    # and processing: "'Processing' means any operation …, including collection, recording, …"
    r"|^[\"„“]?(?:Processing|Verarbeitung|Verarbeiten)[\"“”]?(?:\s*\([^)]*\))?\s+(?:is|means"
    r"|refers to|ist|bezeichnet|meint|umfasst)\s+(?:any|every|all|a|an|jeden|jeder|jede|alle|einen)"
    r"\s+(?:operation|set of operations|Vorgang|Vorgänge|Vorgangsreihe)",
    re.IGNORECASE,
)


def defines(text: str) -> bool:
    """Whether a line defines personal data or processing, also as a glossary entry under a
    label ("- Personenbezogene Daten: „Personenbezogene Daten“ sind alle Informationen, …")."""
    if DEFINES.match(text):
        return True
    label, colon, rest = text.partition(": ")
    return bool(colon) and len(label.split()) <= 4 and bool(DEFINES.match(rest.lstrip()))


# a lead-in to purposes, whatever data words it has
_USE_LEAD = folded(
    r"\b(?:we|wir)\s+(?:may\s+|also\s+|only\s+)?(?:use|verwenden|nutzen)\b.{0,60}\b(?:to|for|um|zu"
    r"|für|purposes?|Zwecken?)\s*:$|^(?:\d[\d.]*\s+|[a-z]\.\s+)?(?:how|why|wie|wofür|warum) (?:we|wir)"
    r" (?:use|verwenden|nutzen)"
    # "… for purposes such as:", "… für Zwecke wie:"
    r"|\b(?:purposes?|Zwecke?n?)\s+(?:such as|including|like|wie|z\.\s?B\.|etwa|insbesondere)\s*:$"
    r"|\b(?:for|für) (?:the )?(?:following|folgende) (?:purposes|Zwecke)\s*:$"
    # "… solely for the purpose of providing the services …, including:"
    # (not "zum Zweck der Vertragsabwicklung werden folgende Daten gespeichert:")
    r"|\b(?:for the purposes? of|zu(?:m|r)? (?:Zweck|Zwecken))\b(?![^:]*\b(?:following|folgende"
    r"|collect|stor|process|erheb|erfass|speicher|gespeichert|verarbeit)\w*)[^:]{0,120}:$"
    # (not what data concern: "information related to:", "access to:")
    r"|(?<!limited )(?<!according )(?<!related )(?<!relating )(?<!pertaining )(?<!access )"
    r"\b(?:in order )?to\s*:$|\bum\s*:$"  # "… within the add-in to:"
    # "Ihre Daten werden ausschließlich zur Bereitstellung des Dienstes verwendet:"
    r"|\b(?:werden|wird)\b.{0,80}\b(?:zur?|zum|für)\b.{0,80}\b(?:verwendet|genutzt|eingesetzt)\s*:$"
    # a lead that lost its colon: "UNI-Excellent nutzt diese Daten um" over "- … zu verwalten"
    r"|\b(?:uses?|nutz(?:t|en)|verwende[nt])\s+(?:these|this|the|your|diese[ns]?|die|Ihre)\s+"
    r"(?:data|information|Daten|Informationen|Angaben)\s+(?:in order )?(?:to|um)$"
)


def leads_to_no_data(lead: str) -> bool:
    """Whether a list's lead-in announces purposes, recipients, duties or interfaces rather than
    data ("We use the information to:", "We may share it with:", "NDesk shall:")."""
    return bool(_USE_LEAD.search(lead) or _CONTEXT_LEAD.search(lead))


class FoundItem(msgspec.Struct, frozen=True):
    """A data item the policy discloses, with the sentence or row it came from."""

    item: str
    categories: tuple[str, ...]
    source: str
    confidence: float


# a heading or lead-in that announces what is NOT collected: the list below it is no disclosure
# a table of contents: "Diese Erklärung beschreibt Folgendes:", "This policy explains:" — its
# entries are section titles ("Welche Informationen wir sammeln", "Sicherheit"), not data
_CONTENTS_LEAD = folded(
    r"\b(?:erklärung|richtlinie|policy|notice|hinweise|dokument|document|statement|section"
    r"|abschnitt)\b[^:.]{0,40}\b(?:beschreibt|erläutert|erklärt|umfasst|behandelt|describes"
    r"|explains|covers|addresses|sets out|outlines)\b[^:.]{0,30}:$"
    r"|^(?:inhalt|inhaltsverzeichnis|inhaltsübersicht|contents|table of contents"
    r"|in this (?:policy|notice|document))\s*:?$"
    r"|\b(?:folgenden?|following)\s+(?:Themen|topics|Punkten?|points|Abschnitten?|sections)\s*:$"
    # kinds of cookie: "… werden die folgenden Arten von Cookies unterschieden:"
    r"|\b(?:Arten|Typen|Kategorien|types|kinds|categories)\s+(?:von|of)\s+Cookies\b[^:.]{0,40}:$"
)
_NEGATED_LEAD = folded(
    r"\b(?:not|never|nicht|niemals|nie|keine?)\b(?:(?!\b(?:but|aber|sondern|jedoch)\b)[^.]){0,40}"
    r"\b(?:collect|store|process|access|read|track|share"
    r"|sell|include|contain|erheb|speicher|verarbeit|erfass|lesen|zugreif|umfass|enthalt|enthält"
    r"|beinhalt)\w*|\bwhat we (?:do not|don't|never)"
    r"|was wir nicht"
    # German word order puts the verb first: "… sammelt oder speichert keine Daten wie:"
    r"|\b(?:erheb|speicher|verarbeit|erfass|samm[e]?l|les|übermitt|teil)\w*\b[^.:]{0,30}"
    r"\b(?:kein(?:e[mnrs]?)?|keinerlei|weder)\b"
    # "The web part does not:" — but "… verbleiben lokal und verlassen das Gerät nicht:" lists
    # data that is processed (where it stays is no negation of the processing)
    r"|(?:^|[.!?]\s)(?![^.!?]*\b(?:verlassen|verbleiben|leave|remain|stay)\w*\b)[^.!?]*"
    r"\b(?:not|never|nicht|niemals|nie)\s*:$",
)


# a relative clause about someone else: "…, auf den andere Apps nicht zugreifen können:"
_OTHERS_CLAUSE = re.compile(
    r",\s*(?:(?:auf|in|an|mit|zu|von|bei|für|über|unter|aus|to|on|in|from|by)\s+)?(?:den|die|das"
    r"|dem|der|denen|deren|dessen|welche[mnrs]?|which|that|where|whom|who|wo(?:rauf|rin|mit)?)\s"
    r"(?![^,:]*\b(?:wir|we|uns|us|unsere?[mnrs]?|our)\b)[^,:]*",
    re.IGNORECASE,
)


def _negated_lead(lead: str) -> bool:
    """Whether a lead-in says what is NOT processed — not when the negation is another party's
    in a relative clause ("im Speicherbereich der App, auf den andere Apps nicht zugreifen
    können:" lists what the app stores); "Daten, die wir nicht speichern:" stays negated."""
    return bool(_NEGATED_LEAD.search(_OTHERS_CLAUSE.sub("", announcing_part(lead))))


def announcing_part(lead: str) -> str:
    """The part of a lead-in paragraph that announces the list below it: its last sentence, with
    the one before when the last refers back to it (``_REFERS_BACK``, below: "We never store the
    following. This includes:"). "We do not sell your data. When you sign up,
    we collect the following:" announces what is collected; its first sentence denies nothing of
    the list."""
    said = sentences(lead)
    if len(said) <= 1:
        return lead
    return " ".join(said[-2:]) if _REFERS_BACK.match(said[-1]) else said[-1]


# ", used to recognise you …": the purpose after an enumeration is not one of its entries
# what the enumeration then excludes: "the company name, but never any card data"
_BUT_NOT = re.compile(
    r",?\s+(?:but|aber|jedoch|doch)\s+(?:never|not|no|nie|niemals|nicht|keine?[nmrs]?)\b", re.I
)
_PURPOSE_CLAUSE = re.compile(
    r",\s+(?:used|which|that|so that|in order to|to|um|damit|welche|die wir|provided|retrieved"
    r"|obtained|received|supplied|entered|generated|created|gathered|imported|synced|when|if"
    rf"|where|via|through)\b.*$|\s+so that\s.*$|{_BUT_NOT.pattern}.*$"
    r"|\s+(?:provided|retrieved|obtained|received|supplied|entered|generated|gathered|imported"
    r"|synced|fetched|pulled|read)\s+(?:by|via|through|from|during|when|in|with)\b.*$",
    re.IGNORECASE,
)


_INCLUDING = re.compile(
    r",?\s+(?:including|such as|e\.\s?g\.,?|z\.\s?B\.|insbesondere|einschlie(?:ß|ss)lich|darunter"
    r"|for (?:instance|example),?|beispielsweise|zum Beispiel|wie etwa|wie (?:z\.\s?B\.|bspw\.)"
    r"|(?:that|which) (?:may )?(?:include|contain)s?|containing|consisting of|comprising"
    # "Informationen des Nutzers wie den Namen, …": an article may stand before the example
    r"|(?<=,\s)wie|(?<=[a-zäöüß]\s)wie(?=\s+(?:(?:den|die|das|der|dem|Ihre[nmrs]?|Ihr|seine[nmrs]?"
    r"|sein|deine[nmrs]?|dein)\s+)?(?-i:[A-ZÄÖÜ])))\s+",
    re.IGNORECASE,
)


# "identity data needed to authenticate the user," → "identity data"
# adverbs before a place phrase: "grundsätzlich nur auf dem Gerät des Anwenders" names a place;
# "in erster Linie …" is such an adverb, no place
_ADVERBS = re.compile(
    r"^(?:(?:grundsätzlich|nur|lediglich|ausschließlich|regelmäßig|regelmässig|dabei|dann|only"
    r"|solely|always|immer|stets|in erster Linie|in der Regel|in particular)\s+)+",
    re.I,
)
# where the listed data come from, itself a list: "from your Microsoft 365, Intune, and Defender"
_LISTED_ORIGIN = re.compile(
    r"\s+(?:from|within|aus)\s+(?:your|the|our|Ihre[mnr]?|unsere[mnr]?|de[mnr])\s+[^,;]+,(?=[^,;]+(?:,|\sand\s|\sund\s))"
)
# where the listed data come from, at the end, naming sources joined by "or": "… and profile
# picture from your Google or Microsoft account" (its "or" joins no entries)
_TRAILING_ORIGIN = re.compile(
    r"\s+(?:from|via|through|aus|von)\s+(?:your|the|our|Ihre[mnr]?|unsere[mnr]?|de[mnr])\s+"
    r"[^,;]*\s(?:or|and|oder|und)\s[^,;]*$"
)
# an enumeration set off by dashes spells out the noun before it
DASHED_ASIDE = re.compile(r"\s[–—]\s([^–—]+?)\s[–—]\s")
# a relative clause up to the next comma: its "or" joins no entries
_RELATIVE_IN_LIST = re.compile(
    r"\s+(?:(?:from|to|in|on|at|by|with|through|via|for)\s+)?(?:that|which|who|whom)\s+[^,;]*"
    r"|,\s*(?:die|der|das|welche)\s+(?:wir|Sie|uns|ihr|du|dir|Ihre?[mnrs]?|deine?[mnrs]?"
    r"|unsere?[mnrs]?)\b.*?\b[a-zäöüß]\w*(?:en|t|st)\b(?=\s*(?:,|$))"
)  # "… Personendaten, die wir in Besprechungen mit Kundinnen, Mitgliedern … erhalten"; "kleine
# Textdateien, die Ihr Webbrowser auf Ihrem Endgerät speichert": the browser stores, it is no datum
# "… information to be able to identify and fix problems": the purpose ends the enumeration
_PURPOSE_INFINITIVE = re.compile(
    r"\s+(?:(?:so as|in order) to \w+|(?:so as |in order )?to (?:be able to|help|enable|allow|ensure|provide|improve"
    r"|identify|detect|prevent|fix|diagnose|troubleshoot|operate|deliver|read|create|manage|access"
    r"|sync|send|show|display|authenticate|verify|sign|log in|process|generate|support|run|track"
    r"|measure|understand|contact|respond|personali[sz]e)|um (?:\w+ )*zu)\b",
    re.I,
)
_HEAD_PURPOSE = re.compile(
    r"\s+(?:needed|required|used|necessary|erforderlich|benötigt|notwendig)\b.*$|,\s*$"
    r"|,\s*(?:die|der|das|welche[rs]?|which|that)\s.*$",  # "Angaben, die zur Anmeldung …"
    re.I,
)


# a generic data word about a subject: "information about your use of the Services", "Daten zu
# Ihrer Nutzung" — a head whose examples are the items, however long the subject
_ABOUT_HEAD = re.compile(
    r"^(?:(?:the|any|some|certain|bestimmte|einige)\s+)?(?:(?:usage|technical|personal|device"
    r"|account|profile|contact|location|payment|billing|analytics|diagnostic|additional|basic"
    r"|technische|personenbezogene|weitere)\s+)?(?:information|data|details|Informationen|Daten"
    r"|Angaben)\s+(?:about|on|regarding|concerning|relating to|related to|über|zu[rm]?)\s+\S",
    re.IGNORECASE,
)


# an example named by what the reader does with it: "the features you use", "the actions you
# take", "browser you are using" — a noun and a relative clause without "that"
_NOUN_YOU_VERB = re.compile(
    r"^(?:the\s+|your\s+)?[a-z][\w-]+(?:\s[a-z][\w-]+){0,2}\s+you\s+(?:are\s+|have\s+)?[a-z]+$"
)


# the second verb of "pages you open or scroll through": a split verb phrase, no datum
_VERB_PARTICLE = re.compile(
    r"^[a-z]+\s+(?:through|with|to|on|in|at|from|about|into|up|out|off|over)$"
)


def _subject_pieces(listed: str) -> list[str]:
    """The pieces of an enumeration up to the sentence's verb: in "Your information, including
    Personal Data, may be transferred to … your state, province, country …" the examples end
    where the predicate begins, and what follows it is no datum."""
    pieces = split_list(listed)
    end = next((n for n, p in enumerate(pieces) if _PREDICATE.match(p)), len(pieces))
    return pieces[:end]


def _examples_of(listed: str) -> list[str]:
    """[EmailID, UserID, …] of "email meta-information, including EmailID, UserID, …": two or
    more examples after "including"/"such as" a data noun are what a reviewer checks, so they
    are the items (a lone example stays with its noun; [] when there are none)."""
    parts = _INCLUDING.split(listed, maxsplit=1)
    if len(parts) != 2:
        return []
    head = parts[0]
    if len(verbs := list(PROCESSING.finditer(head))) and not NEGATION.search(head):
        # "SalesFlows AI may access and store Google Calendar metadata such as …": the head is
        # the verb's object (English: the verb comes first)
        after = head[verbs[-1].end() :].strip()
        if after and not after.startswith(","):
            head = after
    head = clean_piece(_RELATIVE.sub("", _HEAD_PURPOSE.sub("", head)))  # "data needed to …",
    # "information about the device you use to access the Services"
    head = re.sub(  # "anonymized usage statistics such as …": the modifier is no verb here
        r"^(?:anonymi[sz]ed|pseudonymi[sz]ed|aggregated|anonymisierte\w?|aggregierte\w?)\s+",
        "",
        head,
    )
    about = _ABOUT_HEAD.match(head)  # "information about your use of the Services, such as …"
    longest = 5 if "," in head else 10 if about else 7
    if not head or len(head.split()) > longest:  # "information about the device
        # and software you use, including …" is one head; "Name, Anschrift, Kontaktdaten wie …"
        # is an enumeration whose last entry has examples
        return []
    if not (about or is_data_noun(head) or GENERIC.match(head) or plain_noun_phrase(head)):
        return []
    pieces = []
    listed = _PURPOSE_CLAUSE.sub("", _PURPOSE_INFINITIVE.split(parts[1], maxsplit=1)[0])
    for raw in _subject_pieces(listed):  # not ", which can be precise or imprecise"
        pieces.append(untail(raw))
        if _PURPOSE_TAIL.search(raw):
            break  # "… and HTTP status codes for security monitoring and troubleshooting"
    good = [
        p
        for p in pieces
        if (looks_like_item(p) or plain_noun_phrase(p) or _NOUN_YOU_VERB.match(p))
        and not GENERIC.match(p)
        and not _VERB_PARTICLE.match(p)
    ]
    if len(good) >= 2 and any(looks_like_item(p) for p in good) and len(good) >= 0.6 * len(pieces):
        return good
    return []


# "identifiers of the people who sign in", "details you register": a noun's relative clause
_RELATIVE = re.compile(
    r"\s+(?:you|we|they|Sie|wir|(?:of|about) the (?:people|persons|users|individuals))\b.*$", re.I
)
# a relative clause after a list's last entry, about the whole list: "Matchergebnisse, Punkte,
# Teilnehmer und Matchhistorie, die Sie in der App protokollieren"
_TRAILING_RELATIVE = re.compile(
    r",\s*(?:die|der|das|welche|which|that)\s+(?:wir|Sie|du|ihr|you|we)\b[^,;]*$", re.I
)
_CLAUSE_TAIL = re.compile(r"\s+(?:when|if|once|for|wenn|falls|sobald)\s+(?=\w)", re.I)
_PURPOSE_TAIL = re.compile(r"\s(?:for|zur|zum|für|to)\s+\w", re.IGNORECASE)
# a piece that opens with the sentence's verb: the examples before it were its subject's
_PREDICATE = re.compile(
    r"^(?:may|might|will|would|can|could|shall|should|must|is|are|was|were|has|have"
    r"|werden|wird|kann|können|darf|dürfen|sind|ist)\s+(?:\w+\s+)?(?:be|been|werden|\w+ed)\b",
    re.IGNORECASE,
)


# a German verb at the end of a clause, after its noun: "Mobiltelefonnummern automatisch eintragen"
_VERB_TAIL = re.compile(
    r"^(?!(?:so|um|zu|und|den|dem)\s)(?P<np>.*\b[A-ZÄÖÜ][\w-]+)\s+(?:(?:automatisch|direkt|sofort"
    r"|ebenfalls|auch|dann|nur|selbst|manuell|zusätzlich|anschlie(?:ß|ss)end|jederzeit|gegebenenfalls"
    r"|ggf\.)\s+)*(?:[a-zäöüß]\w{2,}(?:en|ern|eln)|gekürzt|verkürzt|verschlüsselt|gehasht"
    r"|anonymisiert|pseudonymisiert"
    # a participle: "… Browser und Betriebssystem verarbeitet", "… protokolliert"
    r"|(?:an|ab|auf|aus|ein|mit|vor|zu|zurück|weiter)?ge[a-zäöüß]{3,}t"  # "… angelegt"
    r"|(?:ver|er|über|be|ent)[a-zäöüß]{3,}t|[a-zäöüß]{3,}iert)$"
)


@lru_cache(maxsize=8192)  # the rules and the item model's candidates cut the same pieces
def untail(piece: str) -> str:
    """``piece`` without a trailing place phrase ("E-Mail-Adresse auf unseren Servern"), unless
    that phrase is what makes it specific ("Angaben aus dem Anfrageformular"), and without a
    German clause-final verb."""
    if verb_final := _VERB_TAIL.match(piece.strip()):
        piece = verb_final.group("np")
    cut = _PROSE_TAIL.sub("", piece).strip()
    origin = re.match(  # where the data comes from, what it is about: "Daten zum Meeting"
        r"\s*(?:aus|from|zum|zur|im|beim)\b", piece[len(cut) :]
    )
    return piece if origin and (not cut or GENERIC.match(cut)) else cut


# a second predicate of the same subject: "… are kept in the session and are not stored"
_COORDINATED = re.compile(
    r",?\s+(?:and|but|und|aber)\s+(?=(?:are|is|were|was|will|do|does|werden|wird|sind|ist)\b)", re.I
)
# a second predicate of the same subject after a denial: "… does not reveal X but may include Y"
_BUT_SAYS = re.compile(
    r",?\s+but\s+(?=(?:may|might|can|will|does|do|is|are|also|only)\b)", re.IGNORECASE
)
# a condition after the main clause: a negation inside it does not negate the main clause
_CONDITION = re.compile(
    r",?\s+(?:if|unless|wenn|falls|sofern|soweit|sonst|otherwise|weil|because|damit)\s+(?=\w)", re.I
)
# where a clause of a sentence begins: "Although these data may contain X, we will not pass them"
_CLAUSE_START = re.compile(
    r"[,;]\s+(?=(?:we|wir|you|Sie|they|it|es|but|aber|however|jedoch)\b)", re.I
)


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negation in the clause that holds ``sentence[start:end]`` (up to ``end``), not in
    another clause of the sentence."""
    begin = max((m.end() for m in _CLAUSE_START.finditer(sentence) if m.end() <= start), default=0)
    return bool(NEGATION.search(strip_parentheses(sentence[begin:end])))


def _unnegated_match(rx: Folded | re.Pattern[str], sentence: str) -> re.Match[str] | None:
    """The first match of ``rx`` not negated in its clause ("we do not collect …", "keine …");
    after a negated one the search goes on inside it ("keine X, aber wir speichern Y")."""
    pos = 0
    while (m := rx.search(sentence, pos)) is not None:
        first = split_list(m.group("list"))[:1]
        if not _negated(sentence, m.start(), m.start("list") + (len(first[0]) if first else 0)):
            return m
        pos = max(m.start("list"), m.start() + 1)
    return None


# a sentence whose data noun announces the list after its colon: "… we ask you to give us name
# and contact information: company name, name of contact, title of contact, …"
_INNER_LEAD = folded(
    r"^(?:[^:]{2,60}:\s+)?(?P<lead>[^:]{8,240}?\b(?:information|info|data|details|Daten|Angaben|Informationen"
    r"|fields|Felder|attributes|Attribute)):\s+(?P<list>[^:]{8,})$"
)
# what the reader hands over: "we ask you to give us", "you provide", "Sie geben … an"
_PROVIDING = folded(
    r"\b(?:provide[sd]?|give[sn]?|gave|submit(?:s|ted)?|enter(?:s|ed)?|supply|supplies|supplied"
    r"|ask(?:s|ed)? (?:you )?(?:for|to)|request(?:s|ed)?|require[sd]?|angeben|angegeben|gib(?:st|t)"
    r"|eingeben|eingegeben|mitteilen|mitgeteilt|bereitstellen|bereitgestellt|benötigen|anfordern)\b"
)


def _inner_list(sentence: str) -> list[str] | None:
    """The entries after a colon inside a sentence whose part before it names data and says it
    is processed or handed over ("… name and contact information: company name, name of
    contact, title of contact, company address, …"); None when the sentence is none such."""
    m = _INNER_LEAD.match(sentence.strip())
    if m is None or not (PROCESSING.search(m.group("lead")) or _PROVIDING.search(m.group("lead"))):
        return None
    if NEGATION.search(strip_parentheses(m.group("lead"))):
        return None
    listed = _TRAILING_RELATIVE.sub("", strip_parentheses(m.group("list")).rstrip(" .;"))
    pieces = [untail(_RELATIVE.sub("", p)) for p in split_list(listed)]
    pieces = [_HEAD_RELATIVE.split(p, 1)[0] for p in pieces if p]  # "… which may include …"
    good = [p for p in pieces if looks_like_item(p) and not GENERIC.match(p)]
    if len(pieces) < 3 or 2 * len(good) < len(pieces) or NEGATION.search(listed):
        return None
    return [p for p in pieces if p in good or plain_noun_phrase(p)]


_DOTTED_ASIDE = re.compile(r"\s*\([^().]*\.[^()]*\)")


# processing named as a noun: "Die Speicherung erfolgt …", "Logging happens …"
_PROCESSING_NOUN = folded(
    r"\b(?:Speicherung|Verarbeitung|Erhebung|Erfassung|Protokollierung|storage|processing"
    r"|collection|logging)\b"
)


def _prose_items(sentence: str) -> list[str]:
    if sentence.rstrip(" *").endswith("?"):
        return []  # "Was genau schickt ihr an das KI-Modell?" asks, it discloses nothing
    if states_a_right(sentence):
        return []  # "Sie haben das Recht, … Auskunft über diese Daten sowie weitere
        # Informationen … zu verlangen": what may be asked for, not what is processed
    if NEGATION.search(strip_parentheses(sentence)):
        first = _COORDINATED.split(sentence, maxsplit=1)[0]
        main = _CONDITION.split(sentence, maxsplit=1)[0]
        if first != sentence and not NEGATION.search(strip_parentheses(first)):
            sentence = first  # "Tokens are kept in the session and are not stored": the first
        elif (
            main != sentence
            and len(main.split()) >= 4
            and not main.rstrip().endswith(":")
            and not NEGATION.search(strip_parentheses(main))
        ):
            sentence = main  # "… are stored … and deleted if there are no other purposes"
        elif (
            len(parts := _BUT_SAYS.split(sentence, maxsplit=1)) == 2
            and NEGATION.search(strip_parentheses(parts[0]))
            and not NEGATION.search(strip_parentheses(parts[1]))
        ):  # "This information does not reveal your identity but may include …": what it does
            return _prose_items(f"It {parts[1]}")  # include, said of the same subject
        elif not _CLAUSE_START.search(sentence):
            return []  # one clause, negated
    if (inner := _inner_list(sentence)) is not None:
        return inner
    ex = _generic_examples(sentence)
    if ex and _negated(sentence, ex.start(), ex.end()):
        ex = None
    if ex and ":" in sentence[: ex.start()]:
        ex = None  # inside an announced list "…: identification data (name, ID), …" — entries
    verb = PROCESSING.search(sentence)
    if ex is None and verb:  # "analyzes characteristics of the message (e.g.: a, b)"
        for par in _PAREN_EXAMPLES.finditer(sentence, verb.end()):
            phrase = _LEADING_SUBJECT.sub("", sentence[verb.end() : par.start()])
            head = clean_piece(re.split(r"\s(?:of|von|der|des|within|in)\s", phrase)[0])
            examples = example_items(par.group("list"))
            if (
                len(examples) < 2
                or _negated(sentence, par.start(), par.end())
                or _SERVICES_BEFORE.search(phrase)
            ):
                continue
            if ":" in phrase:  # inside an announced list ("folgende Kategorien: Stammdaten (z. B.
                break  # …), Vertragsdaten (…)"): its entries, read by the announced rules
            if not looks_like_item(head):
                if len(split_list(strip_parentheses(phrase))) >= 2:
                    # "erheben wir Ihre E-Mail-Adresse, das Passwort sowie hochgeladene
                    # Dokumente (z. B. Rechnungen, ABEs)": the examples stand for the last
                    # entry of an enumeration, the entries before it are items too
                    whole = _prose_items(f"{sentence[: par.start()]}{sentence[par.end() :]}")
                    last = next((w for w in reversed(whole) if phrase.rstrip().endswith(w)), "")
                    if len(whole) >= 2 and last:
                        at = whole.index(last)
                        return [*whole[:at], *examples, *whole[at + 1 :]]
                return examples
            named = list_items(par.group("list"))  # beside a data item, only data it names
            if len(named) >= 2 and len(head.split()) <= 4 and "," not in phrase:
                return [head, *named]  # "technische Protokolle (z. B. …)"
        for par in _PAREN_BARE.finditer(sentence, verb.end()):
            phrase = _LEADING_SUBJECT.sub("", sentence[verb.end() : par.start()])
            head = clean_piece(phrase)
            entries = [clean_piece(p) for p in par.group("list").split(",")]
            if ":" in phrase:
                break  # (inside an announced list, as above)
            if not phrase.strip():  # "… werden technische Zugriffsdaten gespeichert (a, b, c)"
                listed = _noun_before(sentence[: verb.start()])
                if (
                    listed
                    and all(looks_like_item(p) or plain_noun_phrase(p) for p in entries)
                    and 3 * sum(map(looks_like_item, entries)) >= 2 * len(entries)
                    and not countries_in(par.group("list"))
                    and not _negated(sentence, 0, par.end())
                ):
                    named = [q for p in entries for q in (_shared_head(p) or [p])]
                    return named if _GENERIC_CATEGORY.search(listed) else [listed, *named]
            if (  # "standard server access logs (IP address, browser type, page, timestamp)"
                looks_like_item(head)
                and len(head.split()) <= 5
                and all(looks_like_item(p) or plain_noun_phrase(p) for p in entries)
                and any(map(looks_like_item, entries))
                and not countries_in(par.group("list"))
                and not _negated(sentence, par.start(), par.end())
            ):
                return [head, *entries]
            if (  # "Cloudflare protokolliert Anmeldungen (Zeitpunkt, E-Mail-Adresse,
                # IP-Adresse)": events, not data, whose data the parenthesis lists
                phrase.strip()
                # (not what an app could reach: "If this app contains a bot …, it can access the
                # roster (first name, last name, …)", a platform's boilerplate of permissions)
                and not re.search(r"\b(?:can|could|kann|könnte)\s+$", sentence[: verb.start()])
                and not looks_like_item(head)
                and len(head.split()) <= 3
                and all(map(looks_like_item, entries))
                and not countries_in(par.group("list"))
                and not _negated(sentence, par.start(), par.end())
            ):
                return entries
    if ex is None and verb is None:  # "… erfordern Server-Protokolle (z. B. IP-Adresse, …)"
        for par in _PAREN_EXAMPLES.finditer(sentence):
            before = sentence[: par.start()].split()
            head = clean_piece(before[-1]) if before else ""
            examples = list_items(par.group("list"))
            if (
                is_data_noun(head)
                and len(examples) >= 3
                and 3 * sum(map(looks_like_item, examples)) >= 2 * len(examples)
                and not _negated(sentence, par.start(), par.end())
            ):
                return [head, *examples]
            if (  # "Die Speicherung erfolgt durch den Hosting-Anbieter … (z. B. IP-Adresse,
                len(examples) >= 3  # Zeitstempel, User-Agent)": the processing named as a noun,
                and all(map(looks_like_item, examples))  # the data it stores in the examples
                and _PROCESSING_NOUN.search(sentence[: par.start()])
                and not _negated(sentence, 0, par.end())
            ):
                return examples
    if ex and (PROCESSING.search(sentence) or _DEICTIC.match(sentence) or _HOLDS.search(sentence)):
        examples = example_items(ex.group("list") or ex.group("bare"))
        if examples:  # and the entries of the enumeration that goes on after the examples
            tail = [untail(p) for p in split_list(strip_parentheses(sentence[ex.end() :]))]
            more = [p for p in tail if looks_like_item(p) and not GENERIC.match(p)]
            return [*examples, *(p for p in more if not _PREPOSITION_START.match(p))]
    if "(" in sentence:  # "the sender domain (e.g. barclays.com), a subject line snippet, …":
        # an aside whose dots would end the enumeration (its examples belong to the entry)
        sentence = _DOTTED_ASIDE.sub("", sentence)
    if _INTEREST_REQUIRES.search(sentence):
        return []  # "… hat ein berechtigtes Interesse an … – hierzu müssen die Server-Log-Files
        # erfasst werden": why the logs listed before are kept, no data of its own
    for rx, held in zip(_PROSE, _PROSE_NEEDLES, strict=True):
        if held is not None and not held.any_in(sentence):
            continue  # (no match: nothing to read)
        m = _unnegated_match(rx, sentence)
        if m and (attributed := _PARTICIPLE_LEAD.match(m.group("list"))):
            # "die von Ihrer Administration hinterlegten Signaturvorlagen": the data is the noun
            listed = m.group("list")[attributed.end() :]
            pieces = [untail(p) for p in split_list(listed)]
            if pieces and all(looks_like_item(p) or plain_noun_phrase(p) for p in pieces):
                return pieces
        if (
            m
            and not _PREPOSITION_START.match(_ADVERBS.sub("", m.group("list")))
            and not _DURATION.match(clean_piece(strip_parentheses(m.group("list"))))
        ):  # "… werden einen (1) Monat nach dem Termin aufbewahrt": a period, not the data
            examples = _examples_of(_ADVERBS.sub("", m.group("list")))  # ("in der Regel …")
            if examples:  # "stores email meta-information, including EmailID, UserID, …"
                return examples
            found: list[str] = []
            listed_with = m.groupdict().get("with")
            if (
                listed_with
                and m.group("verb") in ("logged", "stored", "recorded", "saved", "kept", "captured")
                and (stated := list_items(untail(listed_with)))
            ):
                return stated  # "Consent events are logged with tenant ID, status and datetime"
            listed = _PURPOSE_INFINITIVE.split(m.group("list"), maxsplit=1)[0]
            listed = _PURPOSES_DE.split(listed, maxsplit=1)[0]  # "… zur Begründung, …"
            listed = _RELATIVE_IN_LIST.sub("", listed)  # "data that a user or admin authorises"
            listed = _LISTED_ORIGIN.split(listed, maxsplit=1)[0]  # "… from your M365, Intune, …"
            listed = _TRAILING_ORIGIN.sub("", listed)
            listed = _BUT_NOT.split(listed, maxsplit=1)[0]  # "…, but never any card data"
            aside = DASHED_ASIDE.search(listed)
            if aside and "," in aside.group(1) and len(listed[: aside.start()].split()) <= 3:
                listed = aside.group(1)  # "we log errors – a timestamp, your ID and … – so"
            elif aside:  # "den Betreff – und, falls …, deine Stichpunkte – an unseren Server"
                listed = f"{listed[: aside.start()]} {listed[aside.end() :]}"
            else:  # "… und eure Zeitzone – die brauchen wir, damit …": the dash ends it
                listed = re.split(r"\s[–—]\s", listed, maxsplit=1)[0]
            # ("the parts of our site you visit": a contact clause ends the datum)
            pieces = [untail(_RELATIVE.sub("", p)) for p in _subject_pieces(listed)]
            good = [p for p in pieces if looks_like_item(p) and not GENERIC.match(p)]
            announced = rx in _ANNOUNCED or EXAMPLE_LEAD.match(m.group("list"))
            if announced and pieces and _ACTIVITY.match(pieces[0]):
                continue  # "This includes exchanging information with other companies and
                # organizations for fraud protection and credit risk reduction": what is done
            if announced and good:  # "Dazu gehören a, b, c": an announced data list,
                # so once one entry names data, the lexicons need not know the others
                loose = [p for p in pieces if p in good or plain_noun_phrase(p)]
                if len(loose) >= 0.5 * len(pieces):
                    return [p for p in loose if not _REMAINDER.match(p)]
            for piece in pieces:  # an enumeration is contiguous
                if not looks_like_item(piece) or GENERIC.match(piece):
                    break
                found.append(piece)
            if found and rx in _MUST_NAME_DATA and not any(map(is_data_noun, found)):
                continue  # "Payments are processed by …": the subject must name data
            if len(found) == 1 and found[0].casefold() in _NO_DATUM_ALONE:
                continue  # "… bestreiten, benötigen wir in der Regel Zeit, um dies zu
                # überprüfen": time on its own is how long something takes, no datum; "We will
                # process such requests …", "We may receive reports based on the use of these
                # technologies …": the reader's requests and partners' reports are no data
            # (an entry that is a clause, "whether you are using a point package", is no noun
            # to file, but the enumeration goes on past it)
            nouns = [p for p in pieces if not _CLAUSE_ENTRY.match(p)]
            if (  # "capture name, email address, educational qualifications, skills, …": a long
                # enumeration that opens with data, mostly data, goes on past unknown nouns
                len(nouns) >= 4
                and len(nouns) >= len(pieces) - 1
                and (len(found) >= 2 or len(good) >= 0.75 * len(nouns))
                and len(good) >= 0.5 * len(nouns)
                and all(p in good or plain_noun_phrase(p) for p in nouns)
            ):
                return nouns
            if (  # "Notizen, Aufgaben, Tags, Arbeitsflächen, Anhänge und Einstellungen werden …
                # verarbeitet": the subject of a processing verb, a run of bare nouns, one known
                rx in _MUST_NAME_DATA
                and len(pieces) >= 4
                and good
                and all(_BARE_NOUN.match(p) and plain_noun_phrase(p) for p in pieces)
                and not any(names_provider(p) for p in pieces)
            ):
                return [_ALL_OF.sub("", p) for p in pieces]
            if (  # "Die App speichert deine eingegebenen Artikelnamen, Mengen, Kategorien,
                # Lagerorte, Notizen, Datumsangaben und optionalen Fotos …": the object of a
                # processing verb, a long run of bare nouns, two of them known data (German
                # nouns, capitalised: an English run goes on into verbs and adjectives, "… and
                # ensure that the processor is adequate, appropriate and effective")
                rx not in _MUST_NAME_DATA
                and len(pieces) >= 5
                and len(good) >= 2
                and all(
                    _BARE_NOUN.match(p) and plain_noun_phrase(p) and p.split()[-1][:1].isupper()
                    for p in pieces
                )
                and not any(names_provider(p) or countries_in(p) for p in pieces)
            ):
                return [_ALL_OF.sub("", p) for p in pieces]
            if found:
                return found
    return []


# an entry of an enumeration that is a clause: "…, IP address, whether you are using a point
# package, the game version, …", "…, how you use the app, …"
_CLAUSE_ENTRY = re.compile(r"(?:whether|how|ob)\b", re.IGNORECASE)


# one or two words, the last a noun: "Arbeitsflächen", "Sämtliche Bücher", "reading sessions"
_BARE_NOUN = re.compile(r"^(?:[\w-]+\s)?[\w-]+$")
_ALL_OF = re.compile(r"^(?:sämtliche|alle|all|any)\s+", re.IGNORECASE)
# a fragment cut from a phrase: it opens with "of" or is a lone adjective ("von Ihnen gewähltes
# Passwort" is a datum)
_NO_NOUN = re.compile(
    r"^of\s|^(?:von|aus|mit|in|auf|über|zu)\s+welche[mnrs]?\s"  # "von welcher Seite Sie …"
    r"|^(?:necessary|required|optional|mandatory|possible|available|relevant"
    r"|erforderlich|notwendig|freiwillig|möglich|verfügbar|dauerhaft|permanent|temporär"
    r"|vorübergehend|permanently|temporarily|and|or|und|oder|sowie|as well as|including)$",
    re.IGNORECASE,
)
# a datum qualified by what it lacks: "Protokolle ohne IP-Adresse", "logs without IP addresses"
_LACKING = re.compile(
    r"(?<=[^\W\d_])\s+(?:ohne|without)\s+(?:[\w-]+\s?){1,4}?(?=\s*(?:[;,.)]|$))", re.IGNORECASE
)
# where an entry's data come from, named as three or more products: "usage data from Okta, Zoom,
# Zendesk, and GitHub via API connections" — the products are sources, not data
_NAMED_SOURCES = re.compile(
    r"\s+(?:from|via|aus)\s+(?:[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2},\s+){2,}[^;]*"
)


def labels_no_data(label: str) -> bool:
    """Whether an entry's label says what the entry is about rather than naming data:
    "Löschung von Daten:" labels a rule about data, "Besondere Massnahmen:" measures;
    "Security logs:" names data."""
    label = label.strip()
    if _COOKIE_FIELD.match(label):
        return True  # "Ablaufzeit: 2 Jahre": a cookie's description, however data-like
    if _ROLE_LABEL.match(label):  # the label is the role itself, nothing before it
        return True  # "Anbieter: Veriff OÜ, Väike-Paala 2, 11415 Tallinn": a provider's entry
    return bool(NOT_DATA_LABEL.search(label)) and not is_data_noun(
        POSTMODIFIER.split(label, maxsplit=1)[0]
    )


# a cookie's description: "Ablaufzeit: 2 Jahre", "Verwendung: …", "Beispielhafter Wert: GA1.2…"
_COOKIE_FIELD = re.compile(
    r"^(?:ablaufzeit|ablaufdatum|laufzeit|verwendung(?:szweck)?|(?:beispielhafter )?wert"
    r"|(?:example )?value|expir(?:y|ation)(?: date)?|usage)$",
    re.IGNORECASE,
)


# a relative clause after an entry's head noun: "Daten, die …", "Data that …", "billing
# information which may include …" (not an article: "Adresse der Firma" is one datum)
_HEAD_RELATIVE = re.compile(r",\s*(?:die|der|das|welche|which|that)\s|\s+(?:which|that)\s", re.I)


def line_items(
    text: str, *, in_data: bool, loose: bool = False, data_labels: bool = False
) -> tuple[list[str], float]:
    """Items of one list entry or table row, with the confidence of the reading; ``loose``: the
    line stands in a list, so a short noun phrase the lexicons do not know is an item too;
    ``data_labels``: most entries of its list are labelled with data ("Passwort: …")."""
    if " from " in text or " via " in text or " aus " in text:
        text = _NAMED_SOURCES.sub("", text)
    if " ohne " in text or " without " in text:  # "technische Protokolle ohne IP-Adresse":
        text = _LACKING.sub("", text)  # what a datum lacks, no denial of the entry
    scoped = _SCOPE_LIST.match(text.strip())
    if scoped:  # "User.Read.All (Anzeigename, UPN)", "Organization.Read.All – Mandantenname, …"
        cells = [
            c.strip()
            for c in (scoped.group("paren") or scoped.group("dash") or "").split(";")
            if not _PERMISSION_TYPE.match(c.strip())  # "| Mail.Read | delegiert | liest … |"
        ]
        read = "; ".join(cells)
        verb = next((v for c in cells if (v := _SCOPE_VERB.match(c))), None)
        if verb:  # "liest die markierte Nachricht samt Anhängen, um …"
            return _object_of(_PURPOSE_CLAUSE.sub("", verb.string[verb.end() :])), 0.7
        if cells and all(_OTHER_ACTION.match(c) for c in cells):
            return [], 0.0  # "Mail.ReadWrite – insert the signature into your draft"
        pieces = [untail(p) for p in split_list(_PURPOSE_CLAUSE.sub("", read))]
        named = [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)]
        if named and any(map(looks_like_item, named)) and len(named) >= 0.6 * len(pieces):
            return named, 0.75
    coded = _CODE_FIELD.match(text.strip())
    if coded and (in_data or loose) and not SCOPES.match(coded.group(1)):
        return [coded.group(1)], 0.75  # "`user_id` of users (the unique id of …)": the field
    par = _PARENTHESISED.search(text)
    if (
        par
        # (also with its relative clause: "Daten, die benötigt werden, um den Kunden erneut zu
        # kontaktieren (z. B. Name, Nachname, …)")
        and GENERIC.match(clean_piece(_HEAD_RELATIVE.split(strip_parentheses(text), 1)[0]))
        and not _SENTENCE_BEFORE.search(text[: par.start()])
    ):
        # "Personal Information (e.g., name, postal address)": a generic head names no data,
        # its examples are the items. (Not an entry "Data you provide: The personal data … may
        # include contact information such as your name, … . We also collect … (for example,
        # for event sign-up, …)": examples after a finished sentence are a later sentence's.)
        listed = [untail(p) for p in split_list(EXAMPLE_LEAD.sub("", par.group(1).strip()))]
        named = [p for p in listed if looks_like_item(p) or plain_noun_phrase(p)]
        if named and any(map(looks_like_item, named)):
            return named, 0.75
    bare = EXAMPLE_LEAD.sub("", strip_parentheses(text))
    bare = _RETENTION_TAIL.sub("", bare)  # "Rufhistorie, automatische Löschung nach 40 Tagen"
    bare = _DANGLING.sub("", bare)  # "Analytical data connected with …; and"
    titled = _TITLE_DOT.match(
        bare
    )  # "Email Data. We collect …" reads as "Email Data: We collect …"
    if titled and in_data:
        bare = f"{titled.group(1)}:{bare[titled.end(1) + 1 :]}"
    dashed = _DASH_LABEL.match(bare) if ":" not in bare else None
    if (
        dashed and SCOPES.match(dashed.group(1).strip()) and _SCOPE_VERB.match(dashed.group(2))
    ):  # "User.Read – sign you in and read your profile" reads as "User.Read: …"
        bare, dashed = f"{dashed.group(1)}: {dashed.group(2)}", None
    if dashed and in_data:
        label, described = dashed.groups()
        described = sentences(described)[0] if described.strip() else described
        if (
            described.count(",") >= 2
            and not NEGATION.search(described)
            and len(told := _prose_items(described)) >= 2
        ):  # "Registration Information – When you register …, you will be asked to provide
            return told, 0.8  # your email address, password, …": the sentence lists the data
        if _PURPOSE_START_DASH.match(described):  # "Email address and name — for sign-in"
            pieces = split_list(label)
            return [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)], 0.8
        described = re.split(r"\s[—–]\s", described, maxsplit=1)[0]  # "a, b — remain visible"
        if (
            (
                (
                    re.match(r"(?:the|a|an|der|die|das|ein|eine)\s", described, re.I)
                    and described.count(",") < 2
                )
                or re.match(r"(?:a|an|ein|eine)\s+(?:\S+\s+){3}", described.split(",")[0], re.I)
                or re.match(
                    r"(?:whether|how|which|what|when|where|ob|wie|welche\w*|wann|wo)\s",
                    described,
                    re.I,
                )  # "Invocation outcome - Whether it succeeded, …"
            )
            and len(label.split()) <= 5
            and (looks_like_item(label) or plain_noun_phrase(clean_piece(label)))
        ):  # "Channel ID — the identifier of the channel selected": a definition of the entry
            return [clean_piece(label)], 0.75
        if NEGATION.search(described):
            return [], 0.0
        pieces = split_list(_PURPOSE_CLAUSE.sub("", described))
        if len(pieces) >= 2 and 2 * sum(map(names_no_data, pieces)) >= len(pieces):
            return [], 0.0  # "Actions — sending email, updating records": steps, not data
        entries = [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)]
        if len(label) <= 60 and described.count(",") >= 2 and len(entries) >= 0.75 * len(pieces):
            return entries, 0.85  # "Events — titles, descriptions, times, participants"
    head, sep, rest = bare.partition(":")
    if sep and SCOPES.match(head.strip()):  # "Mail.Read: Read sender information from …"
        verb = _SCOPE_VERB.match(rest.strip())
        return (_object_of(rest.strip()[verb.end() :]) if verb else []), 0.7
    if sep and len(head) > 60 and ANNOUNCES.search(head) and not NEGATION.search(head):
        listed = list_items(rest)  # "Among the types of data we collect, there are: a; b; c"
        if len(listed) >= 2:
            return listed, 0.8
    if sep and labels_no_data(head):
        return [], 0.0
    if sep and in_data and (kept := _kept_items(bare)):
        return kept, 0.75  # "Whiteboards, Chats: Bis Sitzungsende": the data and how long
    if sep and 0 < len(head) <= 60 and not re.search(r"https?$", head):
        first = _ADVERBS.sub("", sentences(rest.strip())[0]) if rest.strip() else ""
        if NEGATION.search(_NOT_PLAIN.sub(" ", f"{head} {first}")):  # ("Passwort: als Hash
            # gespeichert, nicht im Klartext" says how, not whether, it is kept)
            clause = re.split(r"\s[—–-]\s|;\s", first, maxsplit=1)[0]
            if clause == first or NEGATION.search(f"{head} {clause}"):
                return [], 0.0
            first = clause  # "Zahlungsdaten: Werden über Stripe verarbeitet – wir speichern
            # keine Kartendaten": the negation is another clause's, about other data
        if not in_data and not re.search(
            r"(?:data|daten|information|informationen|angaben)(?:arten|kategorien)?"
            r"(?:\s+(?:processed|collected|used|accessed|verarbeitet|erhoben)|\s+(?:that\s+)?we\s+"
            r"(?:collect|process|access|read|store|receive|use))?$",
            head.strip(),
            re.I,
        ):
            return [], 0.0
        if _INSTRUCTION.match(first):
            return [], 0.0  # "Business customers: Contact us to update, export or erase your data"
        if not in_data and _RETAINED.match(first):
            return [], 0.0  # "Account Data: Retained while your account is active": how long a
            # kind of data named elsewhere is kept, a retention rule (the periods' reader), no item
        lead = _PURPOSE_CLAUSE.sub("", EXAMPLE_LEAD.sub("", first))
        lead = _CLAUSE_TAIL.split(lead, maxsplit=1)[0]  # "… and error logs for troubleshooting"
        lead = _TRAILING_RELATIVE.sub("", lead)  # "a, b und c, die Sie … protokollieren"
        # … or after an entry: "Ortsnamen, die du in die Suche oder das Adressfeld eingibst,
        # sowie die daraus berechneten Koordinaten"
        lead = _RELATIVE_IN_LIST.sub("", lead)
        lead = _PURPOSE_INFINITIVE.split(lead, maxsplit=1)[0]  # "API keys to read your requests"
        lead = re.split(r"\s[—–]\s", lead, maxsplit=1)[0]  # "a, b, c — anonymised and aggregated"
        pieces = [  # "user profile for bot interactions", "user IDs of the people who sign in"
            clean_piece(_RELATIVE.sub("", untail(p))) for p in split_list(lead)
        ]
        good = [p for p in pieces if looks_like_item(p) and not GENERIC.match(p)]
        if (
            lead.count(",") >= 2
            and pieces[0] not in good
            and PROCESSING.search(lead.split(",", 1)[0])
            and len(listed := _prose_items(first)) >= len(good)
        ):  # "Admin accounts: For admins we store the full name, the e-mail address, …"
            return listed, 0.8
        if (
            ("," in lead or ";" in lead)
            and not EXAMPLE_MID.search(lead)
            and len(good) >= 0.75 * len(pieces)
        ):  # an enumeration: its other noun phrases are entries too ("Branche")
            return [p for p in pieces if p in good or plain_noun_phrase(p)], 0.9
        nouns = [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)]
        if (
            lead.count(",") >= 2
            and not EXAMPLE_MID.search(lead)
            and len(nouns) == len(pieces)
            and (
                2 * len(good) >= len(pieces)
                or (in_data and good and len(pieces) >= 4)
                # "Schießdaten: Trainingseinheiten, Runden, Pfeilplatzierungen, …": a label that
                # names data over four or more bare nouns
                or (
                    in_data
                    and len(pieces) >= 4
                    and is_data_noun(clean_piece(head))
                    and all(_BARE_NOUN.match(p) for p in pieces)
                )
            )
        ):  # in a data section, four short noun phrases, one naming data: all entries
            return nouns, 0.8  # "Chat: Workspace information, user profile, channel membership"
        if (  # "Uploaded Files: Documents, code repositories": a short enumeration of nouns
            in_data
            and "," in lead
            and not EXAMPLE_MID.search(lead)
            and len(pieces) >= 2
            and len(nouns) == len(pieces)
            and good
        ):
            return nouns, 0.75
        if (  # "Billing information: billing address and VAT number."
            1 < len(pieces) <= 4
            and len(good) == len(pieces)
            and len(lead.split()) <= 10
            and all(len(p.split()) <= 4 for p in pieces)
            and (
                all(map(is_data_noun, pieces))
                # without examples in brackets (whose words would be the items), one a data noun
                # and the other an item by the lexicon: "Your email address and a hashed
                # password" ("hashed" reads as a verb to the noun test)
                or ("(" not in text and any(map(is_data_noun, pieces)))
            )
        ):
            return good, 0.85
        if (  # "Clockify Data: Your Clockify API keys": the entry names what the label only types
            len(pieces) == 1
            and good
            and len(lead.split()) <= 8
            and (m := re.match(r"(\w+) (?:data|information|details)$", head.strip(), re.I))
            and good[0].casefold().startswith(f"{m.group(1).casefold()} ")
        ):  # … and says it again: "Microsoft Data: Microsoft OAuth tokens"
            return good, 0.8
        if (  # "Account data. Name, business email, and the user identifiers of the people who …"
            titled
            and len(pieces) >= 3
            and pieces[0] in good
            and sum(looks_like_item(p) for p in pieces) >= 0.5 * len(pieces)
            and len(nouns := [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)])
            >= 0.75 * len(pieces)
        ):
            return nouns, 0.75
        name = clean_piece(head)
        extra = [i for s in sentences(rest.strip())[1:] for i in _prose_items(s)]
        said = text.partition(":")[2].strip()  # with its parentheses
        first_said = sentences(said)[0] if said else ""
        listed_in = [
            clean_piece(p)
            for par in _PAREN_BARE.finditer(first_said)
            for p in par.group("list").split(",")
        ]
        if (
            len(listed_in) >= 3
            and PROCESSING.search(first)  # (not "Kalenderereignisse (Termine, Zeiten, Titel)":
            and not _prose_items(first)  # a data noun's own examples stay with it)
            and 3 * sum(map(looks_like_item, listed_in)) >= 2 * len(listed_in)
        ):  # "Website usage data: How you interact with the website is tracked (pages visited,
            # the duration of the visit, previous visits), how you access it (device
            # information, time accessed, …)": the prose names no data, its parentheses list it
            return [*listed_in, *extra], 0.7
        heads = split_list(name) if "," in name else [name]
        if len(heads) > 1 and all(looks_like_item(h) and not GENERIC.match(h) for h in heads):
            return [*heads, *extra], 0.75  # "Email addresses, names: This is used to respond …"
        generic = _generic_examples(first_said, at_start=True) if said else None
        if (
            generic
            and generic.group("list")
            and len(ex := example_items(generic.group("list"))) >= 2
        ):
            return [*ex, *extra], 0.75  # "Nutzungsdaten: Informationen über … (z. B. a, b, c)"
        if (
            _generic_examples(first_said)
            and len(named := _prose_items(first_said)) >= 2
            and not _prose_items(first)
        ):  # "Telemetry: We collect usage data (such as crash reports and feature usage) …"
            return [*named, *extra], 0.75
        if len(examples := _examples_of(_CLAUSE_TAIL.split(first, maxsplit=1)[0])) >= 2:
            return [*examples, *extra], 0.75  # "Preferences: your settings such as a, b, c"
        listed = _prose_items(first) if "," in first or _JOINED.search(first) else []
        if len(listed) >= 2:  # "Account: When you sign up, we collect your name, email and …"
            # (or two joined by "and": "… erheben wir deine E-Mail-Adresse und einen Benutzernamen")
            return [*listed, *extra], 0.75
        if name and (not is_data_noun(name) or GENERIC.match(name)):  # "Payment Processors: …"
            examples = re.split(EXAMPLE_MID, first, maxsplit=1)
            described = list_items(examples[-1])
            if (
                in_data
                and data_labels
                and len(described) < 2
                and not GENERIC.match(name)
                and len(name.split()) <= 4
                and plain_noun_phrase(name)
                and not names_provider(name)
                and not _ROLE_LABEL.search(name)
            ):  # "Lernorte: Aktueller und Standard-Lernort", "Hilfebedarf: Information, ob
                # …": in a data section a label the prose describes is the item
                return [name, *extra], 0.65
            return [*described, *extra], 0.65
        if name and len(name.split()) <= 6 and not GENERIC.match(name) and looks_like_item(name):
            return [name, *extra], 0.75
        return extra, 0.6
    if not in_data or (NEGATION.search(bare) and "(optional)" not in text):
        return [], 0.0
    examples = _examples_of(strip_parentheses(text))
    if len(examples) >= 2:  # "Identity data needed to sign in, such as display name, e-mail …"
        return examples, 0.8
    bare = _without_lone_example(bare)
    whole = suspended(bare)
    if whole:
        return [whole], 0.8
    pieces = split_list(bare)
    good = [p for p in pieces if looks_like_item(p) and not GENERIC.match(p)]
    if len(bare.split()) > 14:
        if _GENERIC_EXAMPLES.search(text) and (listed := _prose_items(text)):
            return listed, 0.7  # "Verarbeitet werden Daten zur Anmeldung (E-Mail, Passwort)"
        if (
            len(pieces) >= 5
            and bare.count(",") >= 4
            and 2 * len(good) >= len(pieces)
            and pieces[0] in good
            and all(len(p.split()) <= 4 and plain_noun_phrase(p) for p in pieces if p not in good)
        ):  # a long entry "Vorname, Alter, Geschlecht, Größe, Gewicht, Zielgewicht, …" that
            # opens with data and names data in most of its short noun phrases: all are entries
            return [untail(p) for p in pieces], 0.75
        return (
            (good, 0.7) if pieces and good and good[0] == pieces[0] else (_prose_items(bare), 0.7)
        )
    whole = clean_piece(bare)
    if not good and loose and plain_noun_phrase(whole):  # "Hostname des zugreifenden Rechners"
        return [whole], 0.6
    if (  # "Ordnerlisten und erste Seiten": a list entry's noun phrases are all entries
        loose
        and good
        and 1 < len(pieces) <= 4
        and len(bare.split()) <= 10
        and all(p in good or plain_noun_phrase(p) for p in pieces)
    ):
        return [untail(p) for p in pieces], 0.75
    if pieces and good and pieces[0] not in good and (listed := _prose_items(bare)):
        return listed, 0.7  # a short sentence: "Zur Prüfung übermitteln wir Ihre ID und …"
    return good, 0.85


# what a reader is told to do, not what is processed: "Contact us directly to …", "Wenden Sie
# sich an …", "Click here to …"
_INSTRUCTION = re.compile(
    r"^\s*(?:contact us|e-?mail us|write to us|visit (?:our|the|https?)|click (?:here|on)|call us"
    r"|send us|reach out|go to|see (?:our|the|section)"
    r"|kontaktieren Sie|schreiben Sie|wenden Sie|rufen Sie|besuchen Sie|klicken Sie)\b",
    re.IGNORECASE,
)


def _without_lone_example(entry: str) -> str:
    """The entry without the example one of its items gives: a lone example belongs to its
    item. In a list ("Names, firm name, business identifiers such as ABN, role, billing
    details") the example ends at the next comma and the list goes on; in a single item
    ("Kennungen wie die Geräte-ID") it ends the entry."""
    m = EXAMPLE_MID.search(entry)
    if m is None:
        return entry
    if entry[: m.start()].count(",") >= 1 and (comma := entry.find(",", m.end())) != -1:
        return entry[: m.start()].rstrip() + entry[comma:]
    return entry[: m.start()]


# OAuth scopes and Graph permission names: "Mail.Read", "openid, profile, email"
_SCOPE = r"`?(?:[A-Z]\w+(?:\.\w+)+|openid|profile|email|offline_access)`?"
SCOPES = re.compile(rf"^{_SCOPE}(?:\s*(?:,|and|und)\s*{_SCOPE})*$")


def _object_of(phrase: str) -> list[str]:
    """The data a permission's verb takes: "your time zone and language" → both."""
    obj = clean_piece(untail(phrase))
    named = [clean_piece(p) for p in split_list(obj)] if looks_like_item(obj) else []
    return [  # "mailbox messages selected or matched for …": a lone participle is no data
        p for p in named if p and not GENERIC.match(p) and not re.fullmatch(r"[a-z]+ed", p)
    ]


# the kind of a permission, a table cell beside it
_PERMISSION_TYPE = re.compile(
    r"^(?:delegiert|delegated|application|anwendung|app-only|anwendungsberechtigung)$", re.I
)
# a permission with the data it reads in parentheses or after a dash
_SCOPE_LIST = re.compile(
    r"^`?[A-Z]\w+(?:\.\w+)+`?\s*(?:\((?P<paren>[^()]+)\)\s*$"
    r"|(?:\((?:application|delegated|delegiert|anwendung)\)\s*)?[—–:-]\s+(?P<dash>.+)$)"
)
# what a permission lets the app do to the data it names: "Read your basic profile"
_SCOPE_VERB = re.compile(  # "sign you in and read your profile": the verb of the data
    r"^(?:[^,;.]{0,40}?\s(?:and|und)\s+)?(?:to |allows? (?:the app|us) to "
    r"|(?:is )?(?:used|needed|required) (?:only )?(?:in order )?to )?"  # "Used to read your profile"
    r"(?:(?:read|write|full|read-only)(?: and write)? access to(?: the user's| your)?"
    r"|read|reads|write|access|accesses|view|manage|send|confirm|identify|retrieve|fetch|sync"
    r"|create|maintain|lesen|liest|zugreifen auf)(?: and (?:write|update|manage))?\s+",
    re.I,
)
_RIGHTS_LEAD = re.compile(
    # "contact us" leads to a way of asking, unless the lead says what is stored when you do:
    # "Wenn Sie uns … kontaktieren, werden die von Ihnen mitgeteilten Daten gespeichert, …:"
    r"\bright|\bRecht|\brequest\b|(?:\bcontact us\b|\bkontaktieren\b)(?![^:]*\b(?:gespeichert"
    r"|erhoben|verarbeitet|stored|collected|processed)\b)",
    re.I,
)
# what the data subject may ask the controller for: "… kann sie Auskunft über … verlangen:"
_SUBJECT_ASKS = re.compile(
    r"\b(?:betroffene Person|data subject|Auskunft|verlangen|may (?:ask|obtain)|access to)\b", re.I
)
# a lead to the data subject's rights: "Sie haben folgende Rechte …:", "You have the right to:"
_HAVE_A_RIGHT = r"\b(?:haben|hat|have|has)\s+(?:\w+\s+){0,2}(?:Recht|right)\b"
_A_RIGHT = folded(
    r"\b(?:folgende|following|these|diese|the|das|die)\s+(?:\w+\s+)?(?:Rechte|rights|right)\b|"
    + _HAVE_A_RIGHT
)
# a data subject's right stated: "Sie haben das Recht, …", "you have the right to …"
_HAS_A_RIGHT = folded(_HAVE_A_RIGHT + r"\s*(?:,|to\b|auf\b)")


# the right of access cited, and a sentence that goes on to say what that information holds
_RIGHT_OF_ACCESS = re.compile(r"\bArt(?:icle|ikel|\.|s?\.)?\s*15\b", re.IGNORECASE)
_WHAT_ACCESS_GIVES = re.compile(
    r"^(?:This|These|Such|The)\s+(?:information|details|disclosure|Auskunft|Informationen)\s+"
    r"(?:\w+\s+)?(?:includes?|comprises?|covers?|contains?|umfasst|beinhaltet|enthält)\b"
    r"|^(?:Diese|Die)\s+(?:Auskunft|Informationen?)\s+(?:\w+\s+)?(?:umfasst|umfassen|beinhaltet"
    r"|beinhalten|enthält|enthalten|erstreckt sich)\b",
    re.IGNORECASE,
)


def tells_what_access_gives(before: str, sentence: str) -> bool:
    """Whether ``sentence`` says what the information a right of access gives holds ("… as
    stipulated in Article 15 of the GDPR. This information includes the purposes, …, the
    recipients …"): its nouns are what may be asked for, not data processed."""
    return bool(_WHAT_ACCESS_GIVES.match(sentence)) and (
        states_a_right(before) or bool(_RIGHT_OF_ACCESS.search(before))
    )


def states_a_right(sentence: str) -> bool:
    """Whether a sentence states a data subject's right ("Sie haben das Recht, … Auskunft …
    zu verlangen"): what may be asked for, however data-like, is not what is processed."""
    return bool(_HAS_A_RIGHT.search(sentence))


# a phrase led by a preposition whose noun follows at once: "auf Auskunft", "zur Besuchszeit",
# "Im Rahmen von …" — a prepositional phrase, not data ("vom Nutzer übermittelte Dateien", led
# by an attribute, names data)
_PREPOSITION_FIRST = re.compile(
    r"^(?:auf|im|Im|zum|zur|zu|unter|bei|beim|nach|gegenüber|am|vom|von|mit|aus|über|durch)\s"
)
# two or more data sharing one head: "Vor- und Nachname", "Meta-, Kommunikations- und
# Verfahrensdaten", "Browser- und Betriebssystem-Informationen", "first and last name"
_SUSPENDED = re.compile(
    r"^(?P<firsts>[A-ZÄÖÜ][\wäöüß]*-(?:,\s*[\wäöüß]+-)*)(?:\s+(?:und|oder|sowie|bzw\.|&)\s+|\s*/\s*)"
    r"(?P<last>[A-ZÄÖÜ][\wäöüß-]+)(?P<tail>\s+(?:de[rsn]|deine[rs]?|Ihre[rs]?|ihre[rs]?|eine[rs]?"
    r"|im|in|aus|von|vom|zum|zur|für)\s+[^,;()]{1,60})?$"  # "Start- und Endzeiten deiner Termine"
)
_SHARED_PART = re.compile(
    r"(?:daten|name|namen|adressen?|nummern?|informationen|angaben|zeiten|zeitpunkt|präferenzen"
    r"|einstellungen|inhalte|dateien|protokolle|status|kennung(?:en)?|historie|verlauf)$",
    re.IGNORECASE,
)
_MODIFIERS_AND = re.compile(
    r"^(?:(?:the\s+)?[\w-]+['’]s\s+|your\s+|their\s+|his or her\s+)?"  # "the user's first and …"
    r"(?P<a>first|last|given|family|middle|full|display|home|work|business|mobile|private)\s+"
    r"(?:and|or|&)\s+(?P<b>first|last|given|family|middle|full|display|home|work|business|mobile"
    r"|private)\s+(?P<head>\w+(?:\s\w+)?)$",
    re.IGNORECASE,
)


# a compound and a second ending for its stem: "Browsertyp und -version" (Browsertyp,
# Browserversion), "Gerätetyp und -modell"
_SUFFIX_SHARED = re.compile(
    r"^(?P<whole>[A-ZÄÖÜ][\wäöüß]{3,})\s+(?:und|oder|sowie|bzw\.|&)\s+-(?P<suffix>[a-zäöüß]{3,})$"
)
# one thing's two attributes: "browser type and version", "operating system name and version",
# "device type and ID" — two data, each with the thing's name, as labellers count them (on the
# corpus's English texts they split the pair 40 times and keep it whole 20 times); the German
# "Browsertyp und -version" is _SUFFIX_SHARED's
_ATTRIBUTE = r"(?:type|name|version|model|make|language|ID|number|size)s?"
_ATTRIBUTES_AND = re.compile(
    rf"^(?P<thing>[^\W\d_][\w-]*(?:\s[^\W\d_][\w-]*){{0,2}}?)\s+(?P<a>{_ATTRIBUTE})\s+"
    rf"(?:and|&|or)\s+(?P<b>{_ATTRIBUTE})$",
    re.IGNORECASE,
)
# the last part of a German compound that the second ending replaces
_LAST_PART = re.compile(
    r"(?:typ|art|name|namen|nummer|adresse|datum|zeit|größe|menge|dauer|status|kennung|code"
    r"|sprache|modell|hersteller|anbieter)$"
)
# two data words sharing what they are of: "time and date of your visit", "Datum und Uhrzeit
# des Abrufs", "type and version of the browser"
_HEADS_OF = re.compile(
    r"^(?P<a>[^\W\d_][\w-]*)\s+(?:and|und|or|oder|&|sowie)\s+(?P<b>[^\W\d_][\w-]*)\s+"
    r"(?P<tail>(?:of|des|der|von|vom)\s+\S.{1,60})$"
)


def _shared_head(item: str) -> list[str] | None:
    """The data an item names with one shared head, each on its own (labellers count them one
    by one), or None when it is one datum."""
    if m := _MODIFIERS_AND.match(item):
        return [f"{m['a']} {m['head']}", f"{m['b']} {m['head']}"]
    if (m := _ATTRIBUTES_AND.match(item)) and m["a"].casefold() != m["b"].casefold():
        return [f"{m['thing']} {m['a']}", f"{m['thing']} {m['b']}"]
    if (
        (m := _HEADS_OF.match(item))
        and looks_like_item(m["a"])
        and looks_like_item(m["b"])
        and {m["a"].casefold(), m["b"].casefold()} not in ONE_MOMENT
    ):
        return [f"{m['a']} {m['tail']}", f"{m['b']} {m['tail']}"]
    if (m := _SUFFIX_SHARED.match(item)) and (
        replaced := _LAST_PART.search(m["whole"][1:])
    ):  # "Browsertyp und -version": the first word's stem takes the second ending
        stem = m["whole"][: replaced.start() + 1]
        return [m["whole"], f"{stem}{m['suffix']}"]
    m = _SUSPENDED.match(item)
    if m is None:
        return None
    last = m["last"]
    if "-" in last:  # "Betriebssystem-Informationen": the part after the last hyphen
        head = "-" + last.rsplit("-", 1)[1]
    elif shared := _SHARED_PART.search(last):
        head = shared.group(0)
        if len(head) == len(last):
            return None  # "Vor- und Name"? no compound to share
    else:
        return None
    firsts = [f.strip().rstrip("-") for f in m["firsts"].split(",")]
    tail = m["tail"] or ""
    return [f"{f}{head}{tail}" for f in firsts] + [last + tail]


# a clause's opening: "Whenever using our Services", "wenn Sie sich anmelden"
_SUBORDINATE = re.compile(
    r"^(?:whenever|when|while|if|unless|once|wenn|sobald|falls|sofern|soweit|während)\s", re.I
)
# a modal verb after the datum ends the noun phrase: "IP address might still be retained"
_MODAL_AFTER = re.compile(r"\s(?:might|may|will|would|could|can|must|should)\s+\w")
_CATEGORY_LETTER = re.compile(r"^(?:Category|Kategorie)\s+[A-Z0-9]{1,2}$", re.IGNORECASE)
_ET_CETERA = frozenset(
    ["etc", "usw", "u. a", "u.a", "and so on", "und so weiter", "and more", "and others", "others",
     "ähnliches", "dergleichen", "and the like", "the like"]  # ("… und Ähnliches")
)  # fmt: skip
# German purposes after the data: "Vertragsdaten zur Begründung, inhaltlichen Ausgestaltung und
# Änderung …" (a run of purposes: the list of data ended before it), "zwecks Bearbeitung"
_PURPOSES_DE = re.compile(
    r"\s(?:zur|zum)\s+(?:[\wäöüß-]+ung|Zwecke?n?)\b(?=\s*(?:,|und\b|sowie\b|oder\b))"
    r"|\szwecks\s"
)
# "Daten unserer Vertragspartner" read as "unserer Vertragspartner"; "Daten zur Wahrung …"
_WHOSE_OR_WHAT_FOR = re.compile(
    r"^(?:unserer|unseres|our)\s|^(?:the\s+)?(?:data|information) of our\b"
    r"|^(?:die\s+)?(?:Daten|Informationen|Angaben)\s+(?:zur|zum"
    r"|für\s+(?:die|den|das))\s+(?:[\w-]+ung|Zweck\w*|Schutz)\b"  # (not "Daten zum Termin")
)
# who receives data, not data: "Banken", "Steuerberatern", "sonstigen Dienstleistern"
_RECIPIENT_ROLE = re.compile(
    r"^(?:[\w-]+\s+){0,2}[\w-]*(?:dienstleister|berater|anbieter|behörden?|banken|kreditinstitut"
    r"|subunternehmer|auftragsverarbeiter|processors|providers|vendors|banks|authorities"
    r"|advisers|advisors|subcontractors)(?:n|en|e|s)?$",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\b[a-zäöüß]{3,}(?:e|en|er|es|em)\s+[A-ZÄÖÜ]")
_ACTS_ON = re.compile(
    r"^[A-Z][a-z]+\s+(?:your|our|all|any|the|Ihre?|unsere?)\b"
)  # "Access your data"


def _names_data(following: list[Line]) -> bool:
    """Whether the bullets right after a lead-in are mostly data items (two or more): then the
    lead-in announced a data list whatever its words."""
    entries: list[str] = []
    for line in following:
        if line.kind != "bullet":
            break
        entries.append(strip_parentheses(line.text))
    named = [
        e
        for e in entries
        if not (_ACTS_ON.match(e) or _IMPERATIVE.match(e)) and _entry_names_data(e)
    ]
    return len(entries) >= 2 and len(named) >= 0.6 * len(entries)


def _entry_names_data(entry: str) -> bool:
    """A data item, a data label over its entries ("Kopfdaten: Absender, …") or a few data
    items joined ("Postfachzuordnung und Ordnerpfad zum Zeitpunkt der Archivierung")."""
    if looks_like_item(entry):
        return True
    head, sep, _ = entry.partition(":")
    if sep and len(head.split()) <= 4 and is_data_noun(head.strip()):
        return True
    pieces = split_list(entry) if not sep else []  # (a table row reads "Name: Purpose; …")
    return 1 < len(pieces) <= 4 and all(looks_like_item(untail(p)) for p in pieces)


def _top_level_split(text: str) -> list[str]:
    """``text`` cut at commas and semicolons outside parentheses (one pass: a lookahead per
    comma would rescan a long line once for every comma in it)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch in ",;" and not depth:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


# one entry with its fields in parentheses, as a sub-label: "Gerätekennungen (Android ID, …):"
_ONE_WITH_FIELDS = re.compile(r"^(?P<head>[^(),.:;]{2,60}?)\s*\((?P<list>[^()]{3,200})\)\s*:?$")


def _fields_of_one(text: str) -> list[str]:
    """The fields of a line under a data lead that names one kind of data with three or more
    fields in parentheses ("Gerätekennungen (Android ID, Windows Device ID, iOS Vendor ID):"):
    what a reviewer checks is each field."""
    m = _ONE_WITH_FIELDS.match(text.strip())
    if not m or not looks_like_item(clean_piece(m.group("head"))):
        return []
    fields = [clean_piece(EXAMPLE_LEAD.sub("", p.strip())) for p in m.group("list").split(",")]
    if len(fields) < 3 or re.search(r"\d", m.group("list")):
        return []
    if all(plain_noun_phrase(f) or looks_like_item(f) for f in fields):
        return fields
    return []


def _bare_enumeration(sentence: str, *, joined: bool = False) -> list[str]:
    """The entries of a sentence that is nothing but a list of three or more noun phrases, one
    of them naming data ("Angabe zur Rufnummer, Ländername, Start- und Endzeit."); ``joined``:
    "and"/"und" separates entries too."""
    cut = sentence.rstrip(" .")
    if joined and (":" in cut or re.search(r"\b(?:that|which|who|whom|whose)\b", cut)):
        return []  # "openid, profile, email: sign-in", "files that the user selects"
    pieces = (  # (a comma inside parentheses separates one entry's fields, not entries)
        split_list(cut) if joined else [clean_piece(p) for p in _top_level_split(cut)]
    )
    if len(pieces) < 3 or VERBISH.search(sentence) or NEGATION.search(sentence):
        return []
    if re.search(r"\d", sentence):
        return []  # "Schule X, Musterstraße 9, 12345 Ort": an address
    named = sum(looks_like_item(p) for p in pieces)
    if all(looks_like_item(p) or plain_noun_phrase(p) for p in pieces) and 2 * named >= len(pieces):
        return pieces
    return []


def _noun_enumeration(text: str) -> list[str]:
    """The entries of a line in a data section that is one verbless run of five or more short
    noun phrases, at least one of them naming data: there, words no lexicon knows ("Größe",
    "Zielgewicht") are entries as much as the known ones."""
    said = sentences(text)
    if len(said) != 1 or ":" in text:
        return []
    bare = strip_parentheses(said[0]).rstrip(" .")
    if (
        bare.count(",") < 3
        or VERBISH.search(bare)
        or NEGATION.search(bare)
        or re.search(r"\d", bare)
    ):
        return []
    pieces = split_list(bare)
    if (
        len(pieces) >= 5
        and all(len(p.split()) <= 5 and plain_noun_phrase(p) for p in pieces)
        and any(map(looks_like_item, pieces))
    ):
        return [untail(p) for p in pieces]
    return []


def _cell_list(cell: str) -> list[str]:
    """The two to four data items of a short line that only lists them ("Support-E-Mails,
    Chat-Verläufe"), else none ("Access, Correction and Deletion" names no data)."""
    if "," not in cell or ":" in cell or VERBISH.search(cell) or NEGATION.search(cell):
        return []
    pieces = [clean_piece(p) for p in re.split(r",\s*", strip_parentheses(cell).rstrip(" ."))]
    if not 2 <= len(pieces) <= 4 or any(len(p.split()) > 4 for p in pieces):
        return []
    return pieces if all(looks_like_item(p) for p in pieces) else []


def _names_two(sentence: str) -> bool:
    """A sentence that is nothing but two or more data items: "Your connected Outlook email
    address and Microsoft user ID." under "Connected mailbox data" lists what the title means."""
    if VERBISH.search(sentence) or NEGATION.search(sentence):
        return False
    pieces = split_list(strip_parentheses(sentence).rstrip(" ."))
    return (
        len(pieces) >= 2
        and all(looks_like_item(p) and len(p.split()) <= 5 for p in pieces)
        and len(sentence.split()) <= 16  # "OpenTeam requests Google access only when …" tells
    )


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def _same_word(a: str, b: str) -> bool:
    """Whether "name"/"namen" or "address"/"addresses" are one word up to an ending."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2 and len(short) >= 4


def _covered(toks: frozenset[str], seen: frozenset[str]) -> bool:
    return all(t in seen or any(_same_word(t, s) for s in seen) for t in toks)


# a dotted identifier (a translation key, a host name, a scope) or a URL: no data item
_IDENTIFIER = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z_][\w-]*)+$|://|^//|^www\.|^https?$", re.I)
# a German finite verb before its subject or object ("nutzt das Unternehmen personenbezogene
# Daten", "dann erzeugt LiveConfig eine ID"), or a present participle alone ("bestehend")
_VERB_FIRST = re.compile(
    r"^(?:(?:dann|so|und)\s)?[a-zäöüß]+t\s+(?:[A-Z][\w-]*\s+)?(?:das|der|die|den|dem|des|ein|eine|einen|Ihnen|uns"
    r"|wir|sich|ihr|es|er|sie|man)\b|^[a-zäöüß]+end$"
)


# an entry that says what is done, not what data: "Analyze Microsoft 365 usage to …" (a list
# entry: capitalised; "… to analyze app usage statistics" names the data it analyses)
_IMPERATIVE = re.compile(
    r"^(?:analy[sz]e|detect|generate|automate|provide|send|deliver|enhance|develop|conduct"
    r"|improve|maintain|monitor|prevent|respond|communicate|personali[sz]e|ensure|comply|enforce"
    r"|operate|manage|verify|notify|offer|fulfil+|perform|protect|identify|calculate|optimi[sz]e"
    r"|troubleshoot|diagnose|investigate|evaluate|understand|measure|facilitate|enable|assist"
    r"|build)\s+\S+\s+\S+",
    re.IGNORECASE,
)
_INSTRUMENT = re.compile(
    r"AV-?Vertrag|Auftragsverarbeitungsvertrag|\bSCCs?\b|\bDPAs?\b|Standardvertragsklauseln"
    r"|Standard Contractual Clauses|Data Processing Agreement|Data Privacy Framework|\bDPF\b"
    r"|Privacy Shield|Angemessenheitsbeschlu|adequacy decision|Binding Corporate Rules|\bBCRs?\b",
    re.IGNORECASE,
)
_INTERFACE = re.compile(r"\b(?:APIs?|SDKs?|Schnittstellen?|endpoints?)$", re.I)


# the word that joined an entry to the list before it: "einschließlich Username", "incl. logs"
_INCLUDED = re.compile(
    r"^(?:einschlie(?:ß|ss)lich|einschl\.|inklusive|inkl\.|including|incl\.|includes?)\s+(?=\w)",
    re.I,
)
# a category's label and its verb before its first entry: "**Identity Data** includes first name,
# last name, …", "Nutzungsdaten umfassen aufgerufene Seiten, …" — the entry is the datum
_LABEL_INCLUDES = re.compile(
    r"^(?:[\w-]+\s+){0,3}[\w-]*(?:data|information|details|daten|informationen|angaben)\s+"
    r"(?:includes?|including|comprises?|consists? of|umfass(?:t|en)|beinhalte[tn]|enthält"
    r"|enthalten)\s+(?:(?:your|Ihre[mnrs]?|deine[mnrs]?)\s+)?(?=\w)",
    re.IGNORECASE,
)
# a line of a postal address or a company's name: never a data item
_POSTAL = re.compile(
    r"(?i:str\.|straße|strasse|street|road|weg|gasse|platz|allee|avenue)\s*\d|^\d{4,5}\s+[A-ZÄÖÜ]"
    # the street word first: "Avenue Louise 235", "Rue de la Loi 16", "Via Roma 1"
    r"|^(?:Avenue|Av\.|Rue|Via|Viale|Calle|Carrer|Rua|Boulevard|Bd\.|Chaussée|Piazza|Plaza|Place"
    r"|Strada|Ulica|ul\.)\s+[^\d,;:]{2,40}\s\d{1,5}[a-z]?$"
    # the number first: "548 Market St", "1 Hacker Way"
    r"|^\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?"
    r"|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Pl\.?|Court|Ct\.?|Square|Sq\.?)$"
    r"|^(?:[A-Z][\w.'-]*\s+){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Lane)$"  # its number cut
    r"|(?<![\w-])" + LEGAL_FORM + r"$"
)
# a source line that is only a postcode and a town ("1050 Bruxelles", "D-80331 München"): its
# town is no datum even when the postcode was cut off the item
_POSTCODE_LINE = re.compile(
    r"^(?:[A-Z]{1,2}-)?\d{4,5}\s+[A-ZÄÖÜ][\w.-]*(?:[\s-][A-ZÄÖÜ(][\w.)-]*){0,2}$"
)


# a company as a list entry's or table row's label: "Mailgun Technologies, Inc.", "Wildbit, LLC
# (Postmark)", "Intercom R&D Unlimited Company"
_NAME_WORDS = r"(?:[A-Z0-9][\w&.'’+-]*,?\s){0,5}"  # the words of a company's name
_COMPANY_LABEL = re.compile(_NAME_WORDS + r"(?:" + LEGAL_FORM + r"|(?:Unlimited )?Company)")
_COMPANY_START = re.compile(_NAME_WORDS + LEGAL_FORM + r"(?![\w-])")
_HAS_COMPANY_WORD = re.compile(r"(?<![\w-])(?:" + LEGAL_FORM + r"|Company)(?![\w-])")


def names_recipient(label: str) -> bool:
    """Whether a list entry's label names a company (a recipient with its role or place after
    the colon: "Mailgun Technologies, Inc.: transactional email; United States"), not data."""
    bare = strip_parentheses(label).strip(" *_")
    if not bare or len(bare.split()) > 6:
        return False
    if _COMPANY_LABEL.fullmatch(bare):
        return True
    if not names_provider(bare):
        return False  # ("Google Analytics" may label the data it holds: not a company alone)
    return bool(_HAS_COMPANY_WORD.search(bare)) or not (is_data_noun(bare) or looks_like_item(bare))


def recipient_entry(text: str) -> str | None:
    """For a list entry labelled with a company, the part a reader takes data from: the rest
    when it lists two or more data ("Stripe, Inc.: name, e-mail, card details"), "" when it
    only says the company's role and place — or when any label is followed by a company's
    name and address ("Google Sign-In: Google Ireland Ltd., Gordon House, …"); None when the
    label is no company."""
    label, colon, rest = text.partition(":")
    if colon and len(label.split()) <= 6 and _COMPANY_START.match(rest.strip()):
        # "Google Sign-In: Google Ireland Ltd., Gordon House, …": its name and address; the
        # sentences after it may still say what it receives
        return " ".join(sentences(rest.strip())[1:])
    if not colon or not names_recipient(label):
        return None
    listed = [
        p
        for p in split_list(rest)
        if looks_like_item(p) and not _names_place(p)  # "Ireland"
    ]
    return rest if len(listed) >= 2 or len(rest.split()) > 20 else ""


_PARTICIPLE_LEAD = re.compile(
    r"^(?:die|der|das|den|dem)?\s*(?:von|durch|über|aus)\s+(?:\S+\s+){1,4}?"
    r"[a-zäöüß]\w*(?:ten|te|enen|ene|ierten)\s+(?=[A-ZÄÖÜ])"
)
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\(?[a-z]\))\s+(?=[A-ZÄÖÜ])")
# a period where an item was expected: "einen Monat nach dem Termin", "Monat nach dem Termin"
# the rest of a list entry that says how long its data is kept (or that it is not kept)
_KEPT_FOR = folded(
    r"(?:bis|until|till|solange|so lange|as long as|for as long as)\b"
    r"|(?:(?:für|for|up to|bis zu|max(?:imal|imum)?\.?)\s+)?\d+\s*(?:Tage?n?|Wochen?|Monate?n?"
    r"|Jahre?n?|Stunden?|Minuten?|days?|weeks?|months?|years?|hours?|minutes?)\b"
    r"|(?:Verarbeitung|processing|processed|verarbeitet) (?:ohne|without) (?:Speicherung|storage"
    r"|storing|being stored)|[\w-]*(?:Lebensdauer|lifetime|Speicherdauer)\b"
)


def _kept_items(entry: str) -> list[str]:
    """The data of a retention list entry, "Untertitel, Umfragen: Bis Sitzungsende" or "Nur bei
    Telefoneinwahl: Telefonnummer, PIN: Bis Sitzungsende" (the data before the last colon)."""
    head, _, rest = entry.rpartition(":")
    if not _KEPT_FOR.match(rest.strip()):
        return []
    head = head.rpartition(":")[2].strip()
    if not head or len(head) > 120 or NEGATION.search(head):
        return []
    if "," not in strip_parentheses(head):  # "Datum und Uhrzeit der Registrierung": one entry
        whole = clean_piece(strip_parentheses(head))
        return [whole] if looks_like_item(whole) or plain_noun_phrase(whole) else []
    pieces = split_list(head)
    named = [p for p in pieces if looks_like_item(p) or plain_noun_phrase(p)]
    return named if named and 2 * len(named) >= len(pieces) else []


# a lead-in over a list of how long each kind of data is kept
_RETENTION_LEAD = folded(
    r"\b(?:retain|retention|retained|keep (?:your|personal)|aufbewahr\w*|Speicherdauer|Löschfrist"
    r"|how long|wie lange)\b"
)
# a retention rule's wording after a label: "Retained while …", "Kept for 30 days", "Deleted
# upon account deletion", "While account active + 90 days", "Until account deletion"
_RETAINED = folded(
    r"(?:is |are )?(?:retained|kept|stored|held|deleted|erased|purged|removed|while (?:your |the )?"
    r"account|until (?:account|you|your|the account)|for as long as|as long as)\b"
    # "Kontodaten: Bis zur Kontolöschung", "Solange das Konto aktiv ist", "Für die Dauer der
    # Vertragsbeziehung …", "Gespeichert, bis Sie Ihr Konto löschen", "innerhalb von 90 Tagen …"
    r"|(?:bis zur (?:\w*l(?:ö|oe)schung|K(?:ü|ue)ndigung)|bis (?:Sie|du)\b|solange\b|f(?:ü|ue)r die "
    r"Dauer\b|gespeichert,? (?:bis|solange|f(?:ü|ue)r)\b|Speicherung (?:f(?:ü|ue)r|bis)\b"
    r"|(?:innerhalb von|nach) \d+ (?:Tag|Woche|Monat|Jahr)|gel(?:ö|oe)scht\b|aufbewahrt\b)"
)


# a note on how long an entry is kept, after its data: ", automatische Löschung nach 40 Tagen"
_RETENTION_TAIL = re.compile(
    r"[,;]\s*(?:automatic(?:ally)?\s+|automatische?\s+)?(?:Löschung|gelöscht|deleted|deletion"
    r"|retained|kept|aufbewahrt|gespeichert für|stored for)\b[^,;]*$",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"[;,]\s*(?:and|or|und|oder)\s*$", re.IGNORECASE)
_DURATION = re.compile(
    rf"^(?:für\s|for\s|up to\s|bis zu\s)?{DURATION.pattern}"
    r"|^(?:Tag|Woche|Monat|Jahr|day|week|month|year)\w*\s+(?:nach|after|ab|from|lang|long|bis|until)\b",
    re.IGNORECASE,
)


# a place's name alone: capitalised words only, at most three ("United States", "Deutschland")
_PLACE_NAME = re.compile(
    r"^[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2}"
    r"(?:\s*(?:,|/|und|and|&)\s*[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})*$"  # "EU und USA"
)


def _names_place(text: str) -> bool:
    """Whether ``text`` is a place's name ("Irland", "EU und USA"), not data."""
    return bool(countries_in(text)) and bool(_PLACE_NAME.match(text))


# what a page's markup or a cut left at an entry's edges: Markdown emphasis ("_Country code",
# "password_" from "_…, password_"), a form's required-field star ("Login-Name\\*"), a quote
# closed or opened outside it ('likes”'), a conjunction the next entry took its noun from
_EMPHASIS_OPEN = re.compile(r"^_(?=[A-Za-zÄÖÜäöü][^_]*\s)|^_(?=[A-ZÄÖÜ])")
_EMPHASIS_CLOSE = re.compile(r"(?<=[A-Za-zÄÖÜäöüß)])_$")
_STAR_TAIL = re.compile(r"\s*(?:\\?\*|\\)+$")  # (and the escape of a bracket cut off after it)
# (and a separable verb's particle: "Dabei fallen Verbindungsdaten an (…)")
_DANGLING = re.compile(r"\s+(?:and|or|und|oder|sowie|(?-i:an|auf|ab))$", re.IGNORECASE)


def _unmarked(item: str) -> str:
    """``item`` without the markup and cut-off words at its edges (the words stay as written)."""
    cut = _STAR_TAIL.sub("", _EMPHASIS_CLOSE.sub("", _EMPHASIS_OPEN.sub("", item.strip())))
    for opening, closing in ("“”", '""', "„“", "‘’"):
        if cut.endswith(closing) and opening not in cut[:-1]:
            cut = cut[:-1]
        elif cut.startswith(opening) and closing not in cut[1:]:
            cut = cut[1:]
    cut = _DANGLING.sub("", cut).strip()
    return cut if len(cut) >= 2 else item


def _unsymbolled(item: str) -> str:
    """``item`` without leading icons, emoji and their joiners ("🖥️ Technische Daten")."""
    start = 0
    while start < len(item) and (
        item[start].isspace() or unicodedata.category(item[start]) in ("So", "Mn", "Cf")
    ):  # fmt: skip
        start += 1
    return item[start:]


# (not "zur Lizenzierung erforderliche Firmenanschrift", a participle's object)
# a step that takes data out: its data is what is no longer there
REMOVAL = re.compile(
    r"^(?:Entfernung|Löschung|Schwärzung|Maskierung|Neutralisierung|Removal|Deletion|Redaction"
    r"|Masking|Stripping)\s+(?:oder\s+\w+\s+)?(?:von|der|des|aller|of|all)\b",
    re.IGNORECASE,
)
_TWO_SENTENCES = re.compile(
    r"\b(?!(?:bzw|ggf|inkl|usw|etc|evtl|vgl|max|min|zzgl|exkl|bspw|sog|incl|approx)\.)[a-zäöüß]{3,}"
    r"\. [A-ZÄÖÜ][a-zäöüß]"
)
_A_PRODUCT = re.compile(
    r"^(?:Gmail|Outlook(?: Mail| Web)?|Google (?:Calendar|Drive|Mail|Workspace|Kalender)"
    r"|SharePoint(?: Online)?|Slack|Dropbox|Notion|Jira|Confluence)$",
    re.IGNORECASE,
)
_DOCUMENT_FIELD = re.compile(
    r"^(?:effective date|last (?:updated|reviewed|review|modified|revised)|next review|author"
    r"|approval status|approved by|document (?:owner|id|version|status)"
    r"|classification|gültig ab|stand|letzte (?:aktualisierung|änderung|prüfung)|nächste prüfung"
    r"|verfasser|autor|freigabe(?:status)?|dokument(?:version|status|eigentümer))$",
    re.IGNORECASE,
)
_A_LEGAL_BASIS = re.compile(
    r"^(?:(?:meaningful|explicit|freely given|your|ausdrückliche|Ihre)\s+)?(?:consent|Einwilligung"
    r"|legitimate (?:business )?interests?|berechtigte[sn]? Interessen?|contract(?:ual)? performance"
    r"|performance of (?:a|the) contract|Vertragserfüllung|legal obligations?"
    r"|rechtliche Verpflichtung(?:en)?|vital interests?|public interest)$",
    re.IGNORECASE,
)
_FOR_PURPOSE = re.compile(
    r"^(?:für|for)\s+(?:die|den|das|the)\s|^(?:zur|zum|zwecks)\s+\w+ung\b(?!\s+\w*(?:erforderlich"
    r"|notwendig|benötigt))(?:$|\s+(?:der|des|eines|einer|von|Ihrer|unserer|unseres)\b)",
    re.IGNORECASE,
)
_STRAY_CLOSE = re.compile(r"\s+[)\]}][)\]};,]*$")
# the word for data itself, which names no item
_BARE_DATA_WORDS = frozenset(
    ("daten", "data", "information", "informationen", "angaben", "info", "details",
     "personal data", "personal information", "personenbezogene daten")
)  # fmt: skip
# an enumeration's open end, which adds no datum of its own: "… and other content you upload",
# "Additional Information", "weitere Inhalte" (not "other files", "other device identifiers")
_BARE_REMAINDER = re.compile(
    r"^(?:any\s+|all\s+)?(?:other|additional|further|weitere[n]?|sonstige[n]?|andere[n]?)\s+"
    r"(?:personal\s+|personenbezogene[n]?\s+)?"
    r"(?:information|content|data|details|Daten|Informationen|Angaben|Inhalte)$",
    re.IGNORECASE,
)


# the person the datum belongs to, when it is the reader or any user: "IP-Adresse des Nutzers",
# "IP address of the user" — not a particular role ("Name des Ansprechpartners")
_OF_THE_USER = re.compile(
    r"\s+(?:des|der)\s+(?:Nutzers?|Nutzerin(?:nen)?|Benutzers?|Users?|Besuchers?|Anwenders?"
    r"|Seitenbesuchers?|Websitebesuchers?|betroffenen Person(?:en)?)$"
    r"|\s+of\s+(?:the\s+)?(?:users?|visitors?|data subjects?)$",
    re.IGNORECASE,
)


# a letter of the Latin script, accented ones too: a German or English datum is written in them
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


class ItemList:
    """The items found so far, in order of first mention: a phrase that names no data (a
    service, an address, a duration) or only repeats an item already found is not added."""

    def __init__(self) -> None:
        self.found: list[FoundItem] = []
        self._seen: list[frozenset[str]] = []
        self._by_prefix: dict[str, list[int]] = {}  # first four letters of a word → items

    def repeats(self, item: str, *, either_way: bool = False) -> bool:
        """Whether ``item``'s words are all in one found item (``either_way``: or the other
        way round — "Name des Nutzers" beside "Name")."""
        toks = _tokens(item)
        if not toks:
            return True
        first = min(toks, key=len)
        if any(_covered(toks, self._seen[k]) for k in self._by_prefix.get(first[:4], ())):
            return True
        if not either_way:
            return False
        near = {k for t in toks for k in self._by_prefix.get(t[:4], ())}  # share a word start
        return any(_covered(self._seen[k], toks) for k in near)

    def keep(self, found: FoundItem) -> None:
        """Take ``found`` as it is (a list rebuilt from another's items, in their order)."""
        toks = _tokens(found.item)
        for t in toks:
            self._by_prefix.setdefault(t[:4], []).append(len(self._seen))
        self._seen.append(toks)
        self.found.append(found)

    def _relist(self, item: str, source: str) -> None:
        """A generic category first met bare ("Bestandsdaten." in an overview) and later with
        its examples ("Bestandsdaten (z.B. Namen, Adressen)") is drafted once more with that
        source, so :func:`with_listed_fields` reads the examples rather than losing them as a
        repeat; the bare category stays."""
        key = item.casefold()
        for f in self.found:
            if f.item.casefold() == key:
                if (
                    _GENERIC_CATEGORY.search(item)
                    and _listed_after(f.source, f.item) is None
                    and _listed_after(source, item)
                    and not any(g.source == source and g.item == f.item for g in self.found)
                ):
                    self.found.append(msgspec.structs.replace(f, source=source))
                return

    def add(self, item: str, source: str, conf: float) -> None:
        item = _ADVERBS.sub("", item)  # "Ausschließlich Start- und Endzeiten …", "only …"
        item = _INCLUDED.sub("", item)  # "einschließlich Username": the entry, not its link
        item = _LABEL_INCLUDES.sub("", item)
        item = _unmarked(item)  # "_email address", "password_", "E-Mail\\*", "referrer URL and"
        if (parts := _shared_head(item)) is not None:
            for part in parts:  # "Vor- und Nachname", "first and last name": two data
                self.add(part, source, conf)
            return
        item = _unsymbolled(item)  # "👤 Stammdaten": the icon is decoration
        if _NO_NOUN.match(item):
            return  # "of information", "necessary": a fragment of a phrase, no datum
        if item.count("(") < item.count(")"):  # "Telefonnummer )": a JSX page's closing ");"
            item = _STRAY_CLOSE.sub("", item)
        if not is_data_noun(item) and names_provider(item):
            return  # "Google Analytics 4": a service, not data
        if _POSTAL.search(item) or _names_place(item) or _POSTCODE_LINE.match(source.strip()):
            return  # "Petersbrunner Str. 13", "82319 Starnberg", "Deutschland", "United States"
        if len(item.strip("-")) < 3 and not looks_like_item(item):
            return  # "Da", "E-": a word cut off where the text ends
        if _DURATION.match(item):
            return  # "einen (1) Monat nach dem Termin": how long, not what
        if _VERB_FIRST.match(item) or (item[:1].isupper() and _IMPERATIVE.match(item)):
            return  # "nutzt das Unternehmen …", "bestehend": a clause or a participle, no data;
            # "Deliver customer support": a purpose
        if _INSTRUMENT.search(item):
            return  # "AV-Vertrag / SCC": a contract or transfer mechanism, not data
        if _INTERFACE.search(item):
            return  # "Microsoft Graph / Google Calendar API": the interface data passes through
        if _IDENTIFIER.search(item):
            return  # "PrivacyPolicyPage.section1.notCollected" (a page's untranslated key), a URL
        if item.strip().casefold() in _BARE_DATA_WORDS:
            return  # "die von Ihnen mitgeteilten Daten": data, but which is not said
        if _BARE_REMAINDER.match(item.strip()):
            return  # "… or other content you post": the list's open end, no datum
        if "?" in item:
            return  # "How do we collect your data?": a heading's question, which lists no
            # datum; "{isDe ? 'IP-Adresse'", "export?sessionId=": code, not words
        if _TWO_SENTENCES.search(item):
            return  # "knowledge base. Files": a title and its sentence run together, no entry
        if _A_PRODUCT.match(item):
            return  # "Gmail", "Outlook Mail": where the data is, not what it is
        if not _LATIN_LETTER.search(item):
            return  # "ଓଡ଼ିଆ", "हिन्दी": a page's language menu; a German or English policy
            # names its data in Latin letters
        if _DOCUMENT_FIELD.match(item):
            return  # "| Effective Date | … |", "| Author | … |": the document's own record
        if _A_LEGAL_BASIS.match(item):
            return  # "contract performance", "legitimate interests": why, not what
        if _FOR_PURPOSE.match(item):
            return  # "für die Abwicklung des Vertragsverhältnisses": what for, not what
        if _PREPOSITION_FIRST.match(item) and (
            not _PARTICIPLE.search(item) or item.split()[-1][:1].islower()
        ):
            return  # "auf Grundlage berechtigter Interessen", "auf Anfrage … erfolgen"
        if _SUBORDINATE.match(item):
            return  # "Whenever using our Services": a clause's opening, not data
        if (verb := _MODAL_AFTER.search(item)) and looks_like_item(item[: verb.start()]):
            item = item[: verb.start()]  # "IP address might still be retained": the datum
        if _CATEGORY_LETTER.match(item):
            return  # "Category A - As long as …": a category's name, its data listed elsewhere
        if item.strip(" .").casefold() in _ET_CETERA:
            return  # "(name, email, etc)": the list goes on, unnamed
        if _WHOSE_OR_WHAT_FOR.match(item) or _RECIPIENT_ROLE.match(item):
            return  # "unserer Vertrags- und Geschäftspartner" (whose data), "Daten zur Wahrung
            # unserer Rechte" (what for), "Banken", "Zahlungsdienstleistern" (who receives)
        if self.repeats(item):
            self._relist(item, source)
            return
        owned = _OF_THE_USER.search(item)
        if owned and owned.start() and self.repeats(item[: owned.start()]):
            return  # "IP-Adresse des Nutzers" beside "IP-Adressen": whose it is says nothing more
        cats = tuple(categories_of(item))
        self.keep(FoundItem(item, cats, source, round(conf if cats else conf - 0.2, 2)))


# a section on security measures (a TOM annex, "Datensicherheit"): its entries name measures
# ("Serverzugang nur per SSH-Schlüssel", "Übertragung ausschließlich per TLS"), not data
_SECURITY_SECTION = folded(
    r"technische\w* und organisatorische\w* Ma(?:ß|ss)nahmen|\bTOMs?\b|technical and organi[sz]ational"
    r"|security (?:measures|practices|controls)|Sicherheitsma(?:ß|ss)nahmen|Schutzma(?:ß|ss)nahmen"
    r"|Datensicherheit|data security|information security|Informationssicherheit"
    r"|^(?:\d[\d.]*\s*)?(?:security|sicherheit)$"
    # "Wie werden meine Daten geschützt?", "How do we protect your information?"
    r"|\b(?:geschützt|protected)\?$|\bhow (?:do |does )?(?:we|is|are) (?:\w+ ){0,3}?protect"
    r"|\bwie schützen\b|\bschutz (?:ihrer|deiner|meiner|der) daten\b"
    r"|\bprotect(?:ing)? (?:your|personal) (?:data|information)\b"
)
# the parts of such a section: "Vertraulichkeit", "1.2 Zugangskontrolle", "Availability"
_SECURITY_PART = folded(
    r"^(?:[\d.]+\s*|[a-z]\)\s*)?(?:Vertraulichkeit|Integrität|Verfügbarkeit|Belastbarkeit"
    r"|Confidentiality|Integrity|Availability|Resilience|Zutritt|Zugang|Zugriff|Trennung"
    # "Weitergabekontrolle", not a section on sharing ("5.0 Weitergabe von Daten")
    r"|Weitergabe(?:\w*kontrolle|$)|Eingabe(?:\w*kontrolle|$)|Auftragskontrolle|Verschlüsselung"
    r"|Encryption|Access control"
    r"|Wiederherstell|Überprüfung|Evaluierung|Incident|Backup|Physical|Network|Netzwerk"
    r"|Organi[sz]ational|Organisatorisch|Technical|Technisch|Pseudonymi|Anonymi|Datenminimierung"
    r"|Data minimi[sz]ation|Verfahren zur|Data protection$|Datenschutz$|Protection$"
    r"|Infrastruktur|Infrastructure|Monitoring|Zertifizierung|Certifications?)"
    r"|Ma(?:ß|ss)nahmen|measures|controls|safeguards"
)


# a sentence there that says what happens to data ("… werden stündlich gelöscht"), not who
# may see what ("Nutzer sehen nur Daten ihrer eigenen Organisation")
_SAYS_DATA = folded(
    PROCESSING.pattern + r"|\b(?:gelöscht|deleted|erased|purged|entfernt|removed|protokolliert"
    r"|logged)\b"
)


# a contract's signature block: "Ort, Datum, Unterschrift", "Place, date: Zürich, Januar 2025",
# "Unterschrift: ______"
_SIGN_WORD = r"(?:Ort|Datum|Unterschrift|Stempel|Name|Funktion|Place|Date|Signature|Title)"
# the vendor's own contact or register details as a list entry: a label whose value is an
# address, a link or a number, or a registration statement
_CONTACT_LINE = re.compile(
    r"^[\w .-]{1,30}:\s*(?:\S+@\S+\.\w+|https?://\S+|www\.\S+|\+?[\d ()/-]{6,})\s*$"
    r"|^(?:Registered|Incorporated|Eingetragen|Registergericht|Company (?:No|number)|Handelsregister"
    r"|VAT|USt-?Id)\b",
    re.IGNORECASE,
)
SIGNATURE_LINE = re.compile(
    rf"^(?:Ort|Datum|Unterschrift|Stempel|Place|Date|Signature)(?:\s*[,/]\s*{_SIGN_WORD})+"
    rf"\s*(?::.*)?$|^{_SIGN_WORD}\s*:\s*_{{3,}}",
    re.IGNORECASE,
)


# a glossary: "Begriffsbestimmungen", "Definitionen und Schlüsselbegriffe", "Interpretation and
# Definitions" — what a word means ("IP-Adresse: eine eindeutige Nummer …", "Personal Data is any
# information such as name, identification number …"), not what the vendor processes
_DEFINITIONS = folded(
    r"^(?:[\d.]+\s*|[a-z]\)\s*)?(?:[\w-]+\s+(?:and|und|&)\s+)?(?:definitions?|definitionen"
    r"|begriffsbestimmung(?:en)?|begriffsdefinition(?:en)?|begriffserklärung(?:en)?|glossary|glossar"
    r"|key terms|schlüsselbegriffe)(?:\s+(?:and|und|&)(?:\s+[\w-]+){1,2})?\W*$"
)


# a glossary's sentence that still says what the vendor gets: "Any information that you provide
# to us …", "Daten, die wir bei der Registrierung erheben"
_WE_GET = folded(
    r"\b(?:provide|give|send|submit)s?\s+(?:it\s+)?to\s+us\b|\bwe\s+(?:\w+\s+)?(?:collect|process"
    r"|store|receive)\b|\buns\s+(?:\w+\s+)?(?:mitteil|übermittel|bereitstell|überlass)|\bwir\s+"
    r"(?:\w+\s+)?(?:erheben|verarbeiten|speichern|erhalten)\b"
)


def without_definitions(all_lines: list[Line]) -> list[Line]:
    """The lines outside a glossary section (to the next heading): its examples define words —
    unless a line says the vendor gets such data ("information that you provide to us")."""
    out: list[Line] = []
    inside = False
    for line in all_lines:
        if line.kind == "heading" and not line.text.endswith(":"):
            inside = bool(_DEFINITIONS.search(line.text))
        if not inside or _WE_GET.search(line.text):
            out.append(line)
    return out


def closes_data(heading: str) -> bool:
    """Whether a short heading opens a section on something other than the data (purposes,
    recipients, rights, cookies …)."""
    return len(heading.split()) <= 12 and bool(CLOSING_HEADING.search(heading))


def sub_labelled_closed(all_lines: list[Line]) -> list[bool]:
    """For each line, whether it stands under a "Label:" sub-heading of a section on purposes,
    recipients, rights, cookies … ("Wofür nutzt X meine Daten?" over "Servicebereitstellung:"
    over "- Terminbuchungen durchführen"): such a label leads a list of the section's kind,
    however data-like its entries sound."""
    out: list[bool] = []
    closed = labelled = False
    for line in all_lines:
        if line.kind == "heading":
            if line.text.endswith(":"):
                labelled = closed
            else:
                closed = closes_data(line.text)
                labelled = False
        out.append(labelled)
    return out


def security_sections(all_lines: list[Line]) -> list[bool]:
    """For each line, whether it stands in a section on security measures."""
    out: list[bool] = []
    inside = False
    for line in all_lines:
        if line.kind == "heading" and not line.text.endswith(":"):  # ("Die Rollen:" leads in)
            inside = bool(_SECURITY_SECTION.search(line.text)) or (
                inside and bool(_SECURITY_PART.search(line.text))
            )
        out.append(inside)
    return out


# a remark in parentheses, not a field: "(optional, for call-backs)", "(freiwillig)"
_REMARK = re.compile(
    r"^(?:optional|freiwillig|required|erforderlich|Pflicht\w*|falls|if|sofern|where|wenn|for|to"
    r"|für|zur?|zum|um|nur|only|ggf\.?|e\.\s?g\.?|z\.\s?B\.?)\b",
    re.IGNORECASE,
)
# a field the reader may leave out: "(Name, Organisation, optional Telefon)" lists "Telefon"
_OPTIONAL = re.compile(r"^(?:optional|optionally|freiwillig|ggf\.)\s+(?=\S)", re.IGNORECASE)
# between the fields of such a list; not in "Post- und E-Mail-Adressen" (a suspended compound)
_FIELD_SPLIT = re.compile(
    r"[,;]|(?<!-)\s+(?:und|and|or|oder|sowie|as well as)\s+(?!-)"
)  # ("und -frequenz")
# an article before a field: "(Name, Passwort sowie eine E-Mail-Adresse)"
_ARTICLE = re.compile(r"^(?:eine?[nm]?|der|die|das|den|dem|a|an|the)\s+(?=\S)", re.I)
# a category's own field list right after it in its source: "Stammdaten (Name, Anschrift, …)"
_FIELD_LIST = re.compile(r"\s*\(([^()]{3,400})\)")
# "… sowie weitere von Bewerbern mitgeteilte Informationen": the list's open end, no field
_MORE_TAIL = re.compile(
    r"(?:,\s*|\s+(?:sowie|und|oder|and|or|as well as)\s+)(?:weitere|sonstige|andere|other|further)\b.*$",
    re.I | re.S,
)
# a field named by its examples inside the list: "…, die zur Bewerbung gehörenden Unterlagen,
# wie z.B. Anschreiben, Lebenslauf" — the examples are the fields
_NESTED_EXAMPLES = re.compile(
    r",?\s*(?:wie\s+(?:z\.\s?B\.|etwa)|such as|e\.\s?g\.,?|z\.\s?B\.)\s+", re.I
)


def _flat_fields(listed: str) -> str:
    """A category's parenthesised list as plain fields: its open end ("sowie weitere …") and
    a generic piece that only announces examples dropped, those examples kept."""
    body = listed.strip()
    lead = EXAMPLE_LEAD.match(body)
    head, body = (body[: lead.end()], body[lead.end() :]) if lead else ("", body)
    head = head.rstrip().rstrip(",") + " " if head else ""  # "(e.g., name, …)": the lead's
    # comma would make it a field of its own, a remark that spoils the list
    body = _MORE_TAIL.sub("", body)
    nested = _NESTED_EXAMPLES.search(body)
    cut = body.rfind(",", 0, nested.start()) if nested else -1
    if nested and cut >= 0:  # (a list before it: "along with other information such as …"
        body = body[: cut + 1] + " " + body[nested.end() :]  # alone is no field list)
    return head + body.strip()


def _listed_after(source: str, item: str) -> re.Match[str] | None:
    """The parenthesised field list right after ``item`` in ``source``, if any."""
    at = source.find(item)
    return _FIELD_LIST.match(source, at + len(item)) if at >= 0 else None


def with_listed_fields(found: list[FoundItem]) -> list[FoundItem]:
    """Each category drafted without the field list its source gives it in parentheses
    ("Stammdaten (Name, Anschrift)") carries that list, so a reviewer sees which fields the
    category holds — and a generic word's list of three or more data ("Kontaktdaten (Name,
    E-Mail, Telefon)") gives those fields instead, as a generic head's examples do; not when
    the fields are drafted as items of their own, nor for a single example or a remark
    ("(optional)", "(Art. 6 DSGVO)")."""
    items: dict[str, set[str]] = {}
    for f in found:
        items.setdefault(f.source, set()).add(f.item.casefold())
    out: list[FoundItem] = []
    for f in found:
        listed = _listed_after(f.source, f.item)
        if listed:
            fields = [  # "Post- und E-Mail-Adressen" is two fields, each with its noun
                part
                for raw in _FIELD_SPLIT.split(_flat_fields(listed.group(1)))
                if (p := _OPTIONAL.sub("", EXAMPLE_LEAD.sub("", raw.strip()).strip()))
                for part in (_shared_head(p) or [_ARTICLE.sub("", p)])
                if part.casefold().rstrip(". ") not in _ET_CETERA  # "…, Kundennummer, etc."
            ]
            if (
                len(fields) >= 2
                and all(0 < len(p.split()) <= 4 and not _REMARK.match(p) for p in fields)
                and (  # ("logs (Frankfurt, Paris)": places)
                    any(map(looks_like_item, fields))
                    # a German compound's own fields the lexicons do not know: "Kern-Fitnessdaten
                    # (Leistung, Schlagrate, Herzfrequenz, Distanz und Kalorien)"
                    or (
                        _compound_category(f.item, listed.group(1).strip())
                        and all(plain_noun_phrase(p) and not countries_in(p) for p in fields)
                        # (not services: "Social-Login-Daten (Google, GitHub, Discord)")
                        and not any(map(names_provider, fields))
                    )
                )
                and not any(p.casefold() in items[f.source] for p in fields)
                and not re.search(r"\d|§|Art\.|DSGVO|GDPR", listed.group(1))
            ):
                data = sum(map(looks_like_item, fields))
                if (
                    (len(fields) >= 3 or EXAMPLE_LEAD.match(listed.group(1).strip()))
                    and data == len(fields)
                    and _GENERIC_CATEGORY.search(f.item)
                ) or (  # a German compound's fields: "Zahlungsdaten (Kreditkartennummer,
                    # Kontoverbindung)", "Registrierungsdaten (E-Mail, Passwort-Hash, …)",
                    # and a named English category's examples: "page interaction information
                    # (such as scrolling, clicks, and mouse-overs)" (not its bare field list,
                    # which labellers read as the category's description as often as not)
                    (
                        _compound_category(f.item, listed.group(1).strip())
                        or (
                            _NAMED_CATEGORY.search(f.item)
                            and _FOR_EXAMPLE.match(listed.group(1).strip())
                            and all(
                                (plain_noun_phrase(p) or looks_like_item(p)) and not countries_in(p)
                                for p in fields
                            )
                            and not any(map(names_provider, fields))
                        )
                    )
                    and 2 * data >= len(fields) - sum(map(plain_noun_phrase, fields))
                ):  # "Nutzerprofildaten (Name, E-Mail-Adresse, Firmenname)": a generic word's
                    out.extend(msgspec.structs.replace(f, item=p) for p in fields)  # fields
                    continue
                if len(listed.group(1)) <= 160:  # (a paragraph in brackets is no field list)
                    f = msgspec.structs.replace(f, item=f"{f.item} ({listed.group(1).strip()})")
        if listed and any(g.item == f.item.partition(" (")[0] for g in out):
            continue  # a category drafted bare already; its examples were not read as fields
        out.append(f)
    seen: set[str] = set()  # a category listed twice gives its fields once
    kept: list[FoundItem] = []
    for f in out:
        if f.item.casefold() not in seen:
            seen.add(f.item.casefold())
            kept.append(f)
    return kept


# a German compound naming a kind of data: "Zahlungsdaten", "Registrierungsdaten" (not "Daten"),
# also after its adjectives ("eingegebene Buchungsdaten") and hyphenated ("Listing-Daten")
_COMPOUND_CATEGORY = re.compile(
    r"(?:^|\s)[A-ZÄÖÜ][\wäöüß-]{2,}(?:daten|-Daten"
    # "…informationen" only with examples ("Nutzungsinformationen (z. B. App-Verhalten, …)"):
    # a bare list after it ("Geräteinformationen (Browser, Bildschirmgröße)") labellers read as
    # the category's description
    r"|(?P<info>informationen|-Informationen))"
    # where its data live: "Nutzungsdaten innerhalb der App", "Inhaltsdaten aus dem Fangbuch"
    r"(?:\s(?:innerhalb|in|aus|bei)\s(?:der|dem|den|des|Ihrer|Ihrem|Ihres|unserer|unserem)"
    r"\s[A-ZÄÖÜ][\wäöüß-]+)?$"
)


def _compound_category(item: str, listed: str) -> bool:
    """Whether ``item`` is a German compound category whose parenthesised ``listed`` fields
    are its items (see ``_COMPOUND_CATEGORY``)."""
    m = _COMPOUND_CATEGORY.search(item)
    return m is not None and (not m.group("info") or EXAMPLE_LEAD.match(listed) is not None)


# an English category named by what its data are about and a generic word: "page interaction
# information", "performance data", "order details", with its examples: "(e.g., taps, …)"
_NAMED_CATEGORY = re.compile(r"^(?:[\w-]+\s+){1,3}(?:data|information|details|records)$", re.I)
_FOR_EXAMPLE = re.compile(r"(?:e\.\s?g\.|such as|for example|for instance)(?![\w.])", re.I)
# a category named by a generic word for data ("Kontaktdaten", "account information")
_GENERIC_CATEGORY = re.compile(
    r"(?:daten|data|information|info|informationen|angaben|details)$", re.I
)


def find_items(all_lines: list[Line]) -> list[FoundItem]:
    """Every disclosed data item the rules find, first mention kept, duplicates dropped."""
    return collect_items(all_lines).found


# a label naming who or what, not data: "Payment Processors", "Hosting-Anbieter", "Tools"
_ROLE_LABEL = folded(
    r"(?:processors?|providers?|vendors?|partners?|services?|tools?|platforms?|anbieter|dienst"
    r"|dienstleister|partner|empfänger|recipients?|purposes?|zwecke?|hosting|host)$"
)
# how data is kept, not whether: "nicht im Klartext", "never in plain text"
_NOT_PLAIN = folded(
    r"\b(?:nicht|nie|niemals|not|never)\s+(?:\w+\s+)?(?:im|in|as)\s+(?:Klartext|plain\s?text"
    r"|clear\s?text)\b"
)


# a sentence that is nothing but a parenthesised list
_PAREN_SENTENCE = re.compile(r"^\s*\(([^()]{3,})\)\s*\.?\s*$")


def _data_labelled_runs(all_lines: list[Line]) -> list[bool]:
    """For each line, whether it stands in a run of three or more labelled entries ("Label:
    description") at least half of whose labels name data: there, a label the lexicons do not
    know ("Lernorte", "Hilfebedarf") is one more datum, not a title ("Annex A", "Timeline")."""
    out = [False] * len(all_lines)
    n = 0
    while n < len(all_lines):
        if all_lines[n].kind != "bullet":
            n += 1
            continue
        end = n
        while end < len(all_lines) and all_lines[end].kind == "bullet":
            end += 1
        labels = [
            label
            for line in all_lines[n:end]
            for label, colon, _ in [line.text.partition(":")]
            if colon and 0 < len(label) <= 60
        ]
        named = sum(is_data_noun(x) or looks_like_item(x) for x in labels)
        above = _SECTION_NUMBER.sub("", all_lines[n - 1].text) if n else ""
        titled = bool(above) and (  # "3.2 Lernfortschrittsdaten" over the entries
            bool(DATA_HEADING.search(above)) or (len(above.split()) <= 4 and is_data_noun(above))
        )
        if (len(labels) >= 3 and 2 * named >= len(labels)) or (titled and len(labels) >= 2):
            out[n:end] = [True] * (end - n)
        n = end
    return out


def collect_items(all_lines: list[Line]) -> ItemList:
    """The rules' items as an :class:`ItemList` that more items can join."""
    collected = ItemList()
    add = collected.add

    def read_prose(said: list[str], in_data: bool) -> None:
        for before, s in zip(["", *said], said, strict=False):
            if defines(s):
                continue  # "… Personal data is defined as information …, such as name, …"
            if tells_what_access_gives(before, s):
                continue
            for clause in _MAIN_CLAUSE.split(s):
                got = _prose_items(clause)
                if not got and (alone := _PAREN_SENTENCE.match(clause)):
                    # "… speichern wir einen Datensatz. (Firmendaten, Vorname, Nachname)."
                    listed = _bare_enumeration(alone.group(1))
                    got = listed if 2 * sum(map(looks_like_item, listed)) >= len(listed) else []
                if not got and in_data:  # "The administrator's name, work e-mail and …."
                    got = _bare_enumeration(strip_parentheses(clause), joined=True)
                elif (
                    not got
                    and len(said) == 1
                    and not clause.endswith(".")
                    and not labels_no_data(clause.partition(":")[0])
                ):  # a line that is nothing but a list of data, in any section (a table
                    # flattened to lines): "Nickname, Email-Adresse, Kundennummer, Passwort"
                    # — not "Besondere Massnahmen: Passwort-Hashing, …"
                    listed = _bare_enumeration(strip_parentheses(clause))
                    if 2 * sum(map(looks_like_item, listed)) >= len(listed):
                        got = listed
                for item in got:
                    add(item, s, 0.7)

    in_data = plain_list = negated_list = False
    closed = sub_labelled_closed(all_lines)
    security = security_sections(all_lines)
    data_labels = _data_labelled_runs(all_lines)
    for n, line in enumerate(all_lines):
        text = line.text
        if not text:
            continue  # a questionnaire's row read by the other rules only
        if line.table_data and NEGATION.search(text):
            said = sentences(_LACKING.sub("", text))  # "Stammdaten (…); Kommentare. Keine
            if len(said) >= 2 and not NEGATION.search(strip_parentheses(said[0])):  # besonderen
                text = " ".join(  # Kategorien": the cell's later denial is of other data
                    x for x in said if not NEGATION.search(strip_parentheses(x))
                )
        if SIGNATURE_LINE.match(text) or _CONTACT_LINE.match(text):
            continue  # "Ort, Datum, Unterschrift": a signature block, not data; "Email:
            # info@acme.example", "Registered in England & Wales": the vendor's own details
        if security[n]:  # a measure's entry lists no data; a sentence there may still say
            for s in sentences(text):  # "Es werden nur Name und E-Mail erhoben."
                for item in _prose_items(s) if _SAYS_DATA.search(s) else []:
                    add(item, s, 0.7)
            continue
        if line.kind in ("text", "bullet"):  # "3.4 Billing data. Company name, …", "• 1.1
            text = _SECTION_NUMBER.sub("", text) or text  # Contact information such as …": no word
        if line.kind == "text" and text.endswith(":") and len(said := sentences(text)) > 1:
            if not (  # "We collect personal data. This includes:" — not "… erfasst (z. B.
                _REFERS_BACK.match(said[-1])  # Browser, IP-Adresse). Dies dient:", whose list
                and _LISTS_MORE.search(said[-1])  # gives purposes, nor "This means:"
            ):
                read_prose(said[:-1], in_data)  # "We store names, URLs … . All data is kept
            text = said[-1]  # as:": the sentences before are prose, the last one leads in
        nxt_line = all_lines[n + 1] if n + 1 < len(all_lines) else None
        if (
            plain_list
            and line.kind == "heading"
            and (line.numbered or text[-1:] == ":")
            and not CLOSING_HEADING.search(text)
        ):
            continue  # "3.1 Stammdaten" over the entries: a sub-label, the list goes on
        if (
            plain_list
            and line.kind == "heading"
            and not line.numbered
            and text[-1:] != ":"
            and not (  # a section heading over prose (not over the list's next entry, a line
                nxt_line  # that lists more: "Telefonnummer" / "Büroadresse, Bundesland, Ort")
                and nxt_line.kind == "text"
                and (nxt_line.text.endswith(".") or len(nxt_line.text.split()) > 10)
            )
        ):
            entry = [p for p in split_list(text) if looks_like_item(p) and not GENERIC.match(p)]
            if entry and len(text.split()) <= 8 and not DATA_HEADING.search(text):  # HTML <li>
                for item in entry:
                    add(item, text, 0.75)
                continue
        if line.table_data:  # a table's data column: its cell lists data, whatever section
            for item in line_items(text, in_data=True, loose=True)[0]:
                add(item, text, 0.8)
            continue
        if line.kind != "text" or len(text.split()) > 8 or text.endswith("."):
            plain_list = False  # a short text line is one more entry of the same list
        bare = strip_parentheses(text)
        short = (
            len(bare.split()) <= 25
            and (not bare.endswith(".") or len(bare.split()) <= 4)
            and not re.search(r"[a-z]{2}\.\s+[A-ZÄÖÜ]", bare)  # two sentences make no title
        )
        head_like = line.kind == "text" or (
            line.kind == "bullet"
            and ":" not in bare
            and "," not in bare
            and len(bare.split()) > 4
            and not _DASH_LABEL.match(bare)  # "Performance metrics - How long …": an entry
            and not _PAREN_EXAMPLES.search(text)  # "- Information you provide when you
            and not _PAREN_BARE.search(text)  # register (including your name, e-mail, …)"
        )  # a numbered heading such as "1. Categories of personal data we process"
        nxt_kinds = [x.kind for x in all_lines[n + 1 : n + 3]]
        if line.kind == "text" and "bullet" in nxt_kinds and DATA_HEADING.search(bare):
            in_data = True  # "Various types of data are processed …" announces the list below
        elif (
            text.endswith(":")
            and not in_data
            and not closed[n]
            and not _negated_lead(bare)
            and not _USE_LEAD.search(bare)
            and not _RIGHTS_LEAD.search(bare)
            and not _RETENTION_LEAD.search(bare)  # "We retain your personal data only as long as
            # necessary …:" over "Account Data: Retained while …" — how long, not what
            and _names_data(all_lines[n + 1 : n + 13])
        ):
            in_data = True  # "wird benötigt für …:" over "- E-Mail Adresse", "- Passwort", …
        elif (
            line.kind == "text"
            and not in_data
            and nxt_kinds[:1] == ["bullet"]
            and len(bare.split()) > 12
            and not _negated_lead(bare)
            and not _USE_LEAD.search(bare)
            and not _RIGHTS_LEAD.search(bare)
            and not _RETENTION_LEAD.search(bare)
            and _names_data(all_lines[n + 1 : n + 13])
        ):
            in_data = True  # a paragraph about logs over bullets that name data (its lead-in lost)
        if (line.kind == "heading" or text.endswith(":")) and (
            _negated_lead(bare) or _CONTENTS_LEAD.search(bare)
        ):
            in_data, negated_list = False, True  # "Information we do NOT collect:" — none below
            continue  # (nor below a table of contents)
        if negated_list and line.kind == "bullet":
            continue
        if line.kind == "bullet" and REMOVAL.match(text):
            continue  # "Entfernung von Namen, Adressen, …": what anonymisation takes out
        negated_list = False
        if (
            line.kind == "heading"
            and in_data
            and n
            and all_lines[n - 1].kind == "heading"
            and (pair := _cell_list(bare))
        ):  # a table flattened to one cell per line: "Nutzungsstatistiken" over "Feature-Nutzung,
            for item in pair:  # Sitzungsdauer" — the second cell lists, it titles nothing
                add(item, text, 0.7)
            continue
        # "Datenkategorien: Technische Daten (IP-Adresse, …)." on a line of its own lists what
        # its data label announces, it titles nothing
        labelled = (
            line.kind == "text"
            and (colon := _LABEL_COLON.match(bare)) is not None
            and DATA_HEADING.search(colon.group(1)) is not None
        )
        if line.kind == "heading" or (short and head_like and not labelled) or text.endswith(":"):
            if (
                bare.endswith(":")
                and CONTROLLER.search(bare)
                and not (
                    DATA_HEADING.search(bare)
                    and PROCESSING.search(bare)
                    and not _RIGHTS_LEAD.search(bare)
                    and not _SUBJECT_ASKS.search(bare)
                )
            ):  # "Verantwortlicher:" over an address — not "The Controller processes the
                in_data = False  # following categories of personal data:"
                continue
            if _CONTEXT_LEAD.search(bare) and len(bare.split()) > 8:
                read_prose([text], False)  # "Die KI-Funktionen übertragen den markierten Text
                # an einen der folgenden Anbieter:" names the data it sends
            if leads_to_no_data(bare):
                in_data = False  # "We use the information we collect to:" — purposes; "…
                # information we collect in connection with:" — products, places; the entries
                # below are purposes, recipients or duties, however data-like they sound
                negated_list = text.endswith((":", " um", " to"))  # ("Reporting and analytics")
                continue
            if DATA_HEADING.search(bare) and not (
                text.endswith(":") and _RIGHTS_LEAD.search(bare) and _A_RIGHT.search(bare)
            ):  # (not "Sie haben folgende Rechte bezüglich Ihrer personenbezogenen Daten:")
                in_data = True
                plain_list = text.endswith(":") and nxt_kinds[:1] == ["heading"]
                continue
            if text.endswith(":") and _A_RIGHT.search(bare):
                in_data, negated_list = False, True  # the rights below are no data
                continue
            if line.kind == "bullet" and text.endswith(":") and nxt_kinds[:1] == ["bullet"]:
                continue  # "• Meeting metadata:" over a nested list: its entries are the items
            if (
                closes_data(bare)
                and not bare.endswith(".")
                and not (line.kind == "bullet" and in_data and categories_of(bare))
                and not (line.kind == "text" and in_data and "," in bare)
            ):  # "- Contact name and email address" is an entry, not a "Contact" section, and
                # "Sender and recipient information, subject lines" a list, not a title
                in_data = False
                continue
            if (
                in_data
                and line.kind == "text"
                and (
                    nxt_kinds[:1] == ["bullet"]
                    or (nxt_line is not None and nxt_line.text.endswith(":"))
                )
                and len(bare.split()) <= 6
                and not bare.endswith((".", ","))
            ):
                continue  # "Account Information" over its bullets (or over "we read:"): a sub-label
            if line.kind == "heading" or (  # "Usage Data" over a paragraph: a title
                in_data
                and line.kind == "text"
                and len(bare.split()) <= 6
                and "," not in bare  # "Profil: Anzeigename, Profilbild, Arbeitszeiten" lists
                and not bare.endswith((".", ",", ":"))
                and nxt_line is not None
                and nxt_line.kind == "text"
                and len(nxt_line.text.split()) >= 12
            ):
                nxt = all_lines[n + 1].text if n + 1 < len(all_lines) else ""
                prose = all_lines[n + 1].kind == "text" if nxt else False
                if (
                    in_data
                    and prose
                    and len(nxt.split()) >= 12
                    and strip_parentheses(nxt).count(",") < 3
                    and not nxt.rstrip().endswith(":")  # "… The following data is processed:"
                ):
                    name = clean_piece(text)
                    if (
                        is_data_noun(name)
                        and not text.rstrip().endswith("?")  # "Welches KI-Modell?" asks
                        and not GENERIC.match(name)
                        and not NOT_DATA_LABEL.search(name)  # "Storage and Usage of Data"
                        and not any(_prose_items(x) for x in sentences(nxt)[:1])
                        and not _names_two(sentences(nxt)[0])
                    ):  # a heading described in prose is the item (unless the prose lists)
                        add(name, f"{text} {nxt}"[:400], 0.75)
                continue
        if line.kind == "text" and n and all_lines[n - 1].text.endswith(":"):
            listed = _bare_enumeration(sentences(text)[0]) or _fields_of_one(text)
            if listed:  # "Bei Einwahl per Telefon:" / "Rufnummer, Ländername, Start- und Endzeit."
                in_data = True
                for item in listed:
                    add(item, text, 0.75)
                if len(sentences(text)) == 1:
                    continue
        if defines(text):  # "Personal data is any information … This includes name, address …"
            said = sentences(text)  # — but "… Examples of Personal Information we collect
            read_prose([x for x in said[1:] if _WE_GET.search(x)], in_data)  # includes names, …"
            continue
        said = sentences(text)
        if (
            line.kind == "text"
            and len(said) >= 3
            and all(len(x.split()) <= 4 for x in said)
            and sum(looks_like_item(clean_piece(x)) for x in said) >= 0.6 * len(said)
        ):  # "Bestandsdaten. Zahlungsdaten. Kontaktdaten.": a list that lost its bullets
            for x in said:
                if looks_like_item(clean_piece(x)) or plain_noun_phrase(clean_piece(x)):
                    add(clean_piece(x), text, 0.7)
            continue
        paragraph = (
            (  # read sentence by sentence, unless it opens with a label ("Email Data. …")
                line.kind == "text" and len(said) > 1 and not _TITLE_DOT.match(text)
            )
            or (  # … over a paragraph of its own: "2.1 User-provided Information. When you use the
                line.kind == "text"  # Service … . Examples of Personal Data include name, …"
                and len(said) >= _TITLED_PARAGRAPH
            )
            or (  # and an entry that is one: "* **Data You Provide to Us.** When you register
                line.kind == "bullet"  # … . … you also may be required to provide us with …"
                and len(said) >= _TITLED_PARAGRAPH
                and _title_sentence(said[0])
            )
            or (  # an entry of sentences is a paragraph too: "* We collect crash reports … .
                line.kind == "bullet"  # This includes device type, OS version, and crash logs."
                and len(said) > 1
                and _SENTENCE_SUBJECT.match(text) is not None
                and ":" not in text
            )
        )
        if line.kind == "bullet" and (rest := recipient_entry(text)) is not None:
            if not rest:
                continue  # "Mailgun Technologies, Inc.: transactional email; USA": a recipient
            text = rest  # the company is the recipient, what follows its label the data
        if (
            line.kind in ("bullet", "text")
            and not paragraph
            and (in_data or line.kind == "bullet" or ":" in text)
        ):
            loose = line.kind == "bullet" or bool(
                nxt_line and len(nxt_line.text.split()) <= 8 and not nxt_line.text.endswith(".")
            )  # a title over a prose paragraph is no list entry
            if in_data and line.kind == "text" and (listed := _noun_enumeration(text)):
                for item in listed:  # "Profildaten" / "Vorname (frei wählbar), Alter, Größe,
                    add(item, text, 0.75)  # Gewicht, Zielgewicht, …": no sentence, a list
                continue
            if (
                (
                    (
                        line.kind == "bullet"
                        and len(text.split()) >= 10
                        and _SENTENCE_SUBJECT.match(text)
                    )  # "1. Die Registerkarte „Allgemeine Daten“ umfasst Titel, …": a sentence
                    or (line.kind == "text" and len(text.split()) >= 4)
                )  # "Name und E-Mail-Adresse werden gespeichert.": one sentence, no entry
                and text.endswith(".")
                and ":" not in text
                and (told := _prose_items(text))
            ):
                for item in told:
                    add(item, text, 0.75)
                continue
            items, conf = line_items(text, in_data=in_data, loose=loose, data_labels=data_labels[n])
            for item in items:
                add(item, text, conf)
            if items:
                continue
        read_prose(sentences(text), in_data)
    if not any(_COOKIE_ITEM.search(f.item) for f in collected.found):
        for line in all_lines:  # "Wir setzen Cookies ein, um …", "We use cookies to …"
            if "cookie" not in line.text.casefold():
                continue  # (the pattern's open start is costly on every line of a long text)
            uses = next((s for s in sentences(line.text) if _uses_cookies(s)), None)
            if uses is not None:
                add("Cookies" if "Cookies" in uses else "cookies", uses, 0.6)
                break
    return collected


# the policy's own cookies, said in its own voice: a reader's cookies (the ones a browser
# keeps) are a datum labellers took in 125 of the 225 English texts that say so and no item names (36 of 95 German)
_COOKIE_ITEM = re.compile(r"cookie", re.I)
# an opening or closing quotation mark, optional: "verwenden so genannte „Cookies“"
_QUOTE = r"[„“”\"'‚‘»«]?"
_USES_COOKIES = re.compile(
    r"\b(?:we|wir|(?:the|our|this|diese|unsere|die)\s+(?:site|website|webseite|app|service|services"
    r"|seite|anwendung|plattform|platform|(?:internet|web)?seiten|websites|internetseite))\s+"
    r"(?:\S+\s+){0,4}?(?:use|uses|set|sets|place|places"
    r"|store|stores|employ|employs|verwendet|verwenden|setzt|setzen|nutzt|nutzen|speichert"
    r"|speichern|einsetzen)\s+(?:\S+\s+){0,4}?" + _QUOTE + r"(?:[\w-]+-)?cookies\b"
    # German puts the verb first: "Auf dieser Website verwenden wir Cookies"
    r"|\b(?:verwendet|verwenden|setzt|setzen|nutzt|nutzen|speichert|speichern)\s+(?:wir|die\s+\w+"
    r"|diese\s+\w+|unsere\s+\w+)\s+(?:\S+\s+){0,4}?" + _QUOTE + r"(?:[\w-]+-)?cookies\b"
    # a modal puts it last: "Diese Website kann Cookies verwenden", "Wir können Cookies einsetzen"
    r"|\b(?:wir|(?:diese|unsere|die)\s+\w+)\s+(?:kann|können|wird|werden)\s+(?:\S+\s+){0,3}?"
    + _QUOTE
    + r"(?:[\w-]+-)?cookies"
    + _QUOTE
    + r"\s+(?:\S+\s+){0,3}?(?:verwenden|einsetzen|setzen"
    r"|nutzen|speichern)\b",
    re.I,
)


def _uses_cookies(sentence: str) -> bool:
    """Whether ``sentence`` says the policy's own service uses cookies, not that it does not
    ("Wir verwenden keine Cookies", "we do not use cookies")."""
    said = _USES_COOKIES.search(sentence)
    return said is not None and not NEGATION.search(said.group(0))


_PARENTHESISED = re.compile(r"\(([^()]+)\)")
# words a sentence may name as its only object without naming data
_NO_DATUM_ALONE = frozenset(("zeit", "requests", "reports"))
# an announced list that opens with an activity, not data: "This includes exchanging information …"
_ACTIVITY = re.compile(
    r"(?:exchanging|sharing|disclosing|transferring|sending|selling|renting)\s+"
    r"(?:(?:your|such|this|personal|the)\s+)?(?:information|data)\b",
    re.I,
)
_JOINED = re.compile(r"\s(?:and|und|sowie|as well as)\s")
# a legitimate interest that requires what was listed before: "… berechtigtes Interesse an der
# technisch fehlerfreien Darstellung … – hierzu müssen die Server-Log-Files erfasst werden"
_INTEREST_REQUIRES = re.compile(
    r"\bberechtigtes\s+Interesse\b[^.]{0,200}\b(?:hierzu|dazu|dafür)\s+m(?:ü|ue)ssen\b", re.I
)
# a finished sentence before an entry's first parentheses: "… or email address. It may also …"
_SENTENCE_BEFORE = re.compile(r"[a-zäöüß]{3,}[.!?]\s+[A-ZÄÖÜ]")
# a label and what follows it on the same line: "Verarbeitete Daten: Kontaktdaten"
_LABEL_COLON = re.compile(r"^([^:]{2,60}):\s+\S")
# an entry that opens with a field's name in code and describes it after: "`user_id` of users
# (…)", "`message_count` the no of messages …", "`tags` aka categories …"
# (not a constant in capitals: "`FOREGROUND_SERVICE` (…)" is an Android permission)
_CODE_FIELD = re.compile(
    r"^`((?![A-Z0-9_]+`)[A-Za-z_][\w.-]{1,60})`s?(?=\s+(?:of|the|aka|for|as|in)\s|\s+[—–-]\s|\s*\()"
)
# a list entry that opens like a sentence: an article or pronoun as its subject
_SENTENCE_SUBJECT = re.compile(
    r"^(?:Die|Der|Das|Diese[rs]?|Wir|Ihre?|Sie|The|This|These|We|Your|Our|It|They)\s", re.I
)


# what a permission is used for, when it is no reading: "insert the signature into …"
_OTHER_ACTION = re.compile(
    r"^[a-z]+\s+(?:the|a|an|your|their|its|our|new|die|den|das|eine?n?|Ihre?n?)\s", re.I
)


# a lead-in's words that announce more of the same ("This includes:", "Dies sind:", "Dazu
# gehören:", "These may include:"), not purposes or consequences ("Dies dient:", "This means:")
_LISTS_MORE = folded(
    r"\b(?:includ\w*|gehör\w*|sind|umfass\w*|are|is|consist\w*|enthält|enthalten|beinhalt\w*"
    r"|folgende\w*|erheb\w*|erhoben|werden|Daten|data|information|may|können|zählen|such)\b"
)
# a lead-in that refers back to the sentence before it: that sentence names the data in
# general, the list below in detail ("We collect data needed … This includes:")
_REFERS_BACK = folded(
    r"(?:this|these|they|it|such|that|those|dies\w*|das|hierbei|hierzu|dazu|darunter|sie|es)\b"
    r"|(?:\S+\s+){0,4}(?:dabei|hierbei|davon|darin|thereby|therein|of which)\b"
)


# a semicolon before a new subject and its verb joins two sentences, not two list entries:
# "We use Stripe to process payments; Stripe receives your billing address …"
_MAIN_CLAUSE = re.compile(
    r";\s+(?=(?:we|wir|you|Sie|they|it|es|[A-Z][\w-]+)\s+(?:also\s+|only\s+|auch\s+|nur\s+)?"
    r"(?:receives?|is|are|will|may|does|do|uses?|stores?|collects?|processes|keeps?|has|have"
    r"|erhält|erhalten|speicher[nt]|verarbeite[nt]|nutz(?:en|t)|ist|sind|wird|werden)\b)"
)
