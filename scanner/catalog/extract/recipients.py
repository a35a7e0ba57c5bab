"""Sub-processors: named recipients of data, with the country the text places them in.

Three general shapes, none tied to a particular policy:

- a well-known provider named in a sentence that says data goes to it ("hosted on AWS",
  "Zahlungen über Stripe"), or anywhere inside a section about recipients/sub-processors;
- a legal entity introduced as the provider ("Anbieter ist die X GmbH, <address>",
  "Dienstanbieter: X Inc., …", "provided by X Ltd") — generator templates write every
  embedded service this way, so unknown names are found too;
- a sub-processor table (``Name | Purpose | Location``) or a legal entity listed under a
  sub-processor heading.

The country is the one stated nearest after the name (before the next provider), or the
address's postcode shape; a name alone never implies a country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

import msgspec

from m365inv.catalog.extract.folded import folded
from m365inv.catalog.extract.lexicon import COUNTRY_CODES, countries_at
from m365inv.catalog.extract.phrases import NEGATION
from m365inv.catalog.extract.providers import (
    ALL_KEYS,
    PROVIDER_KEYS,
    PROVIDERS,
    address_country,
    opens_with_provider,
    words_of,
)
from m365inv.catalog.extract.segment import Line, blank_header, normalise

_CUE = folded(
    r"übertr|übermitt|transfer|transmit|weitergeg|weitergab|sent to|send|share|empfänger|recipient"
    r"|hosted"
    r"|gehostet|hosting|host|server|rechenzentr|data cent|service (?:der|of|von)|dienst der|provided by"
    r"|(?:ein|a) (?:service|dienst|produkt|product)\b"
    r"|bereitgestellt|betrieben|angeboten|(?:plattform|anwendung|produkt) der|(?:platform|product) of"
    r"|operated by|auftrag|processor|verarbeite|process|nutzen|nutzt|use[sd]?\b|using|setzt|setzen"
    r"|\bverwende[nt]?\b|\bbenutze[nt]?\b|bedienen uns|greifen (?:wir )?auf|rely on|work with"
    r"|partner with"
    r"|einsetz|powered|via|through|mittels|speicher|stored|store|api|anbieter|\bprovider\b|runs? on"
    r"|dienstleister"
    r"|läuft|powered|delivered|deliver|versand|versenden|zahlung|payment|analy|track|monitor"
    r"|integrat|eingebunden|embedded|handled (?:in|with|via)\b|abgewickelt|merchant of record|reseller"
    r"|handled (?:\w+ )?by\b|managed by\b|\bnutze\b"
    r"|Wiederverkäufer|synchroni[sz]|\bsync(?:s|ed|ing)?\b"
    r"|\berhält\b|\breceives\b|\blädt\b|\bgeladen\b|\bloads\b|\bloaded\b"
)
_HANDOVER = folded(
    r"(?:Dazu|Hierzu|Dafür|To this end|For this)\b.{0,40}(?:übermitt|übertr|send|transfer|share)"
)
# the provider is where data comes from, not where it goes: "(as provided by Microsoft)",
# "Microsoft may share information with us"
_AS_SOURCE = re.compile(
    r"\b(?:provided|supplied|received|obtained)\s+(?:to us\s+)?(?:by|from)\s+[A-Z]\w+\)?\s*$"
    r"|\(\s*as provided by [A-Z]\w+\s*\)"
    r"|^[A-Z]\w+(?:\s+\w+)?\s+(?:may\s+|can\s+|will\s+)?(?:shares?|provides?|sends?|gives?|passes?)"
    r"\b[^.]{0,40}\b(?:with|to)\s+us\b"
    # "identifiers from third-parties (for example LinkedIn or Salesforce)": where they come from
    r"|\b(?:from|von|aus)\s+(?:third[- ]part(?:y|ies)|Drittanbietern|Dritten)\s*\(\s*(?:e\.\s?g\."
    r"|for example|such as|z\.\s?B\.|etwa|beispielsweise)"
    # an app-compliance page's attestation, information about the app given to Microsoft:
    # "Information provided by Acme to Microsoft:", "Von Acme für Microsoft bereitgestellte …"
    r"|\b(?i:information)\s+(?:is\s+)?(?:provided|self-reported|submitted)\s+by\s+"
    r"[^.:]{1,60}?\s+(?:and\s+(?:directly\s+)?submitted\s+)?to\s+(?:and\s+\w+\s+by\s+)?Microsoft\b"
    r"|\b(?i:von)\s+[^.:]{1,60}?\s+(?:für|an)\s+Microsoft\s+bereitgestellte"
    # a sign-in with another service's account: the account's data come from it ("use your
    # social media login (such as Facebook Login) to create and log into your account")
    r"|\b(?i:social[- ](?:media[- ]|network(?:ing)?[- ])?(?:login|log-in|sign[- ]in|accounts?"
    r"|credentials?)"
    r"|single sign-on|(?:sign|log)(?:ging)?[- ]?(?:in|up|on)\s+(?:with|via|using|through)"
    # "If you log into our Service using a third-party service, such as X, Google, or Apple",
    # "sign-up and/or authenticate using a third-party account (e.g., Facebook, Google)"
    r"|(?:log(?:ging)?[- ]?in(?:to)?|sign(?:ing)?[- ]?(?:in|up)(?:\s+and/or\s+authenticate)?"
    r"|authenticate)\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?(?:with|via|using|through)\s+(?:a\s+|an\s+"
    r"|your\s+)?(?:third[- ]party|social)\s+(?:[\w-]+\s+)?(?:accounts?|services?|logins?"
    r"|credentials?|providers?))\b",
    # (German labellers list the provider of a "Login mit Google" as a recipient: 3 of 5)
)
# a section about where data comes from: "3.3 Daten von Dritten" over "Zahlungsdienstleister (z. B.
# Mollie, Stripe, PayPal)", "Information we receive from other sources" — sources, not recipients
_SOURCE_SECTION = folded(
    r"\b(?:Daten|Informationen|Angaben)\s+(?:von|aus)\s+(?:Dritten|anderen Quellen|Drittquellen)"
    r"|\b(?:data|information)\s+(?:\w+\s+){0,3}(?:from|by)\s+(?:third[- ]part(?:y|ies)|other sources"
    r"|partners)\b|\b(?:Herkunft der Daten|Datenquellen|Quellen der Daten|sources of (?:personal )?"
    r"(?:data|information))\b"
)
# data read from products named in a list: "usage data from Okta, Zoom and GitHub", "usage
# metrics from connected platforms (Microsoft 365, Google Workspace, Slack)" — sources, not
# recipients ("services from Google, Stripe and AWS" are providers)
_PRODUCT = r"[A-Z][\w.&-]*(?:\s[A-Z0-9][\w.&-]*){0,2}"
_SOURCE_LIST = re.compile(
    r"(?<!services )(?<!tools )(?<!products )(?<!providers )(?<!vendors )"
    r"\b(?:from|aus)\s+(?:(?:connected|integrated|third-party|your)\s+)?(?:(?:platforms?|tools?"
    r"|apps?|applications?|services?|systems?)\s+)?\(?(?:" + _PRODUCT + r"(?:,\s+(?:and\s+|or\s+)?"
    r"|\s+(?:and|or|und|oder)\s+))+" + _PRODUCT + r"\)?"
)
RECIPIENT_SECTION = folded(
    r"sub-?processors?|unterauftragsverarbeit|auftragsverarbeiter|subunternehmer|service providers?"
    r"|dienstleister|drittanbieter|third[- ]party (?:services|providers|vendors)|empfänger"
    r"|recipients|vendors we use|zahlungsdienst|payment (?:processors|providers)|hosting"
    r"|where (?:is|are) (?:the|your|my) data (?:stored|hosted|processed)|where (?:it|your data) lives"
    r"|wo werden (?:die|Ihre|deine) Daten (?:gespeichert|verarbeitet)|speicherort|data location"
    r"|where (?:your|the) data goes|wohin (?:gehen )?(?:Ihre|deine|die) Daten"
)
LEGAL_FORM = (
    r"(?:GmbH(?: & Co\.? KG)?|AG|SE|Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|S\.à\s?r\.l\.|SARL|B\.V\.|BV"
    r"|SAS|S\.A\.|Corp\.?|Corporation|UG(?: \(haftungsbeschränkt\))?|KG|ApS|AB|Oy|N\.V\.|PBC"
    r"|Pty\.? Ltd\.?|plc|e\.K\.|OÜ|AS|A/S|GbR|OHG|PartG(?: mbB)?|gGmbH|e\.V\."
    # Hungarian, Czech and Slovak, Polish, Italian, Spanish, Indian and Singaporean forms
    r"|Kft\.?|Zrt\.?|s\.\s?r\.\s?o\.|Sp\.\s?z\s?o\.\s?o\.|S\.r\.l\.|SRL|Srl|S\.p\.A\.|SpA"
    r"|S\.L\.U?\.?|Pvt\.? Ltd\.?|Pte\.? Ltd\.?|LLP)"
)
# "Zoom Video Communications, Inc.", "OpenAI, L.L.C.": what follows a known name up to its legal form
_FORM_AFTER = re.compile(r"(?:\s+[A-Z][\w&-]+){0,3},?\s+" + LEGAL_FORM + r"(?![\w-])")
_HAS_FORM = re.compile(r"(?<![\w-])" + LEGAL_FORM + r"(?![\w-])")
ENTITY = re.compile(
    r"(?P<name>(?:[A-Z0-9][\w&.'’+-]*\s){0,4}?[A-Z0-9][\w&.'’+-]*(?:\s\([A-Z][\w ]+\))?,?\s"
    + LEGAL_FORM
    + r")(?![\w-])"
)
_PROVIDER_INTRO = folded(
    r"(?:Dienstanbieter|Anbieter(?:in)?(?: (?:ist|sind|dieses \w+ ist|des \w+ ist))?"
    r"|(?:service )?provider(?: is)?|Betreiber(?: ist)?|provided by|operated by|offered by"
    r"|Vertragspartner(?: ist)?|(?:ist|is)\s+(?:ein|eine|a|an)\s+(?:Service|Dienst|service)"
    r"(?:\s+(?:von|der|des|of|by|from))?)\s*:?\s+(?:die\s+|der\s+|the\s+)?$"
)
_OWN = folded(
    r"Anbieter dieser|Betreiber dieser|verantwortlich|controller|responsible|Verantwortliche"
)
_NAME_HEADER = re.compile(
    r"^(?:(?:sub-?)?processors?(?: name)?|(?:unter)?auftragsverarbeiter|name|anbieter|provider"
    r"|dienstleister|vendor|entity|company|unternehmen|service provider|third party|empfänger"
    r"|party name|recipient|firma|services?|tools?|dienst|plattform|platform)\b",
    re.IGNORECASE,
)
# a column of what is used, which a column of who provides it outranks: "| Dienst | Anbieter |
# Zweck |" names the processors under "Anbieter" ("Google Firebase Firestore"), the feature
# under "Dienst" ("Weiterleitung verschlüsselter SYNC-Daten")
_USED_HEADER = re.compile(r"^(?:services?|tools?|dienst|plattform|platform)\b", re.IGNORECASE)
_ENTITY_HEADER = re.compile(
    r"^(?:legal )?entit(?:y|ies)$|^(?:legal name|rechtsträger|juristische person|gesellschaft)$",
    re.IGNORECASE,
)
_PLACE_HEADER = folded(
    r"location|country|land\b|standort|sitz|region|server|data cent|rechenzentr|ort\b"
    r"|verarbeitungsort|where"
)


class SubprocessorHit(msgspec.Struct, frozen=True):
    name: str
    country: str | None
    source: str
    confidence: float


# a country's ISO code closing the bracket right after a name: "(hosting, DE)", "(US)"
# (after the rest of the entity's name: "Hetzner Online GmbH (hosting, DE)")
_CODE_IN_BRACKETS = re.compile(r"[^(),;:]{0,40}\((?:[^()]{0,60}[,;/–-]\s*)?([A-Z]{2})\s*\)")


def _country_after(s: str, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The country stated for the name at ``start:end``: nearest after it (before the next
    provider), else an address's postcode shape there, else just before it."""
    nxt = min((a for a, _ in spans if a >= end), default=len(s))
    prev = max((b for _, b in spans if b <= start), default=0)
    after = s[end:nxt]
    got = countries_at(after)
    if got:
        return got[0][1]
    coded = _CODE_IN_BRACKETS.match(after)  # "Eden AI SAS (AI gateway, FR)"
    if coded and coded.group(1) in COUNTRY_CODES:
        return coded.group(1)
    shaped = address_country(after)
    if shaped:
        return shaped
    before = countries_at(s[prev:start])
    return before[-1][1] if before else None


class _Found:
    """Hits by name; a later hit that states a country fills in an earlier one without."""

    def __init__(self, own: Sequence[str]) -> None:
        self.hits: dict[str, SubprocessorHit] = {}
        # the vendor's own names, each compared on its own ("Pendo", "Pendo.io, Inc.")
        self.own = [re.sub(r"[^\w]", "", name.casefold()) for name in own]
        # every opening of every key, with the first key it opens: whether a name opens one
        # found, or one found opens it, is a few look-ups, not a pass over all found
        self._openings: dict[str, str] = {}

    def add(
        self,
        name: str,
        country: str | None,
        source: str,
        conf: float,
        *,
        known: bool = True,
        written: str = "",
    ) -> None:
        """``written``: a known provider's name with the alias the policy uses, shown instead
        of the canonical ``name``, which stays the key (one entry for both)."""
        key = re.sub(r"[^\w]", "", name.casefold())
        if not key or any(key[:6] in own for own in self.own):
            return
        if not known and _GENERIC_RECIPIENT.match(name):
            return  # "Unseren Werbedienstanbietern", "Our payment providers": no one named
        old: str | None = key if key in self.hits else None
        if old is None and not known:  # "Stripe Payments Europe Ltd" after "Stripe"
            old = self._openings.get(key) or next(
                (key[:n] for n in range(1, len(key)) if key[:n] in self.hits), None
            )
        if old is None:
            self.hits[key] = SubprocessorHit(written or name, country, source, conf)
            for n in range(1, len(key) + 1):
                self._openings.setdefault(key[:n], key)
        elif self.hits[old].country is None and country is not None:
            self.hits[old] = SubprocessorHit(self.hits[old].name, country, source, conf)


_GENERIC_RECIPIENT = folded(
    r"^(?:unser\w*|our|ihre?\w*|your|die|the|alle|all|sonstige|other|weitere)\b"
    r"|(?:anbieter\w*|dienstleister\w*|providers?|partners?|vendors?)$"
)
# a list of what is not used: its lead denies ("Die App nutzt keine externen Dienste für:",
# "We do not use any of these tools:"), or its entry is crossed out
_NOT_USED_LEAD = re.compile(
    r"\b(?:no|not|never|kein\w*|nicht|niemals)\b[\s*]*(?:[\w-]+[\s*]+){0,3}?(?:use[sd]?|share[sd]?|nutz\w*"
    r"|verwende\w*|einsetz\w*|setz\w*|teil\w*|(?:externen?\s+|third[- ]party\s+)?(?:Dienste|Drittanbieter"
    r"\w*|services|tools|Tools|Technologien|technologies|providers|Anbieter|trackers|Tracker))\b"
    # the verb first, the denial after it: "Wir verwenden keine:", "Die App verwendet keine:"
    r"|\b(?:verwende\w*|nutz\w*|setz\w*|einsetz\w*|use[sd]?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:kein\w*|no|nicht|niemals)\b",
    re.IGNORECASE,
)
# the exception a denial makes: what follows it is what is shared after all
_EXCEPT = folded(
    r"\b(?:except|other than|unless|apart from|save for|außer|ausgenommen|mit Ausnahme"
    r"|es sei denn)\b"
)
_CROSSED = re.compile(r"\s*(?:❌|✗|✘|🚫)")
# a negation in the clause before a provider's name ("No Google Analytics, Mixpanel or …"), far
# enough to reach the second example of a denied kind ("We use no analytics or tracking services
# (such as Google Analytics, Facebook Pixel, or similar)")
_DENIAL_REACH = 120
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|kein\w*|nicht|ohne|niemals)\b(?:z\.\s?B\.|e\.\s?g\.|[^.;:)—])"
    rf"{{0,{_DENIAL_REACH}}}$",
    re.IGNORECASE,  # ("keine Tracking-Tools (wie z.B. Google Analytics)")
)
# a provider named as what the product is not or does not use: "a privacy-friendly alternative
# to Google Analytics", "unlike platforms such as Google Analytics", "statt Google Fonts"
_COMPARED_BEFORE = folded(
    r"\b(?:alternatives? to|unlike|instead of|rather than|compared to|im Gegensatz zu|statt|anstatt"
    r"|anstelle|Alternative zu)\b(?:[^.;:]){0,30}$"
)
# a provider the text may use some day, not one it uses: "Falls in Zukunft analytische Dienste
# (z.B. Google Analytics) integriert werden", "Sollte sich dies künftig ändern (z. B. durch …)",
# "Falls die Software Google Analytics oder ähnlich nutzt:", "Google Analytics is intentionally
# disabled in this app"
_SOME_DAY = folded(
    r"\b(?:in Zukunft|künftig|zukünftig|in (?:the )?future)\b|^Falls\b|^Sollte\b"
    r"|\b(?:intentionally |is |are )?disabled\b|\bdeaktiviert\b"
)
# the provider's own policy named as further reading, or its API the data is read through
# ("using the Microsoft Graph API"): not a recipient
_POLICY_REFERENCE = re.compile(
    r"^(?:[’']s)?\s*(?:(?:privacy|Privacy|Datenschutz)\s*(?:policy|Policy|statement|Statement"
    r"|erklärung|hinweise|bestimmungen)|(?i:polic(?:y|ies))\b|Terms\b|Nutzungsbedingungen"
    r"|\s*Graph\b)"
)
# a service named as where data comes from or what it is about, not who receives it: "LinkedIn
# URL", "your LinkedIn profile", "LinkedIn-Export", "LinkedIn-Inhalte" (not "a Slack account",
# which the service holds, nor "Google Analytics cookies", which it sets and reads)
_DATA_OF_SERVICE = re.compile(
    r"^(?:[’']s)?[\s-]*(?:(?:session|profile|account)\s+)?(?:URLs?|profiles?|Profil\w*|exports?"
    r"|Export|domains?|Inhalte|credentials|IDs?)\b"
)
_SEE_BEFORE = folded(
    r"\b(?:refer to|see|siehe|vgl\.|comply with|einhalten|subject to|in line with|in accordance with"
    r"|according to|consistent with|required by|governed by|gemä(?:ß|ss)|entsprechend)\s+(?:the\s+|die\s+"
    r"|den\s+)?$"  # a provider's rules referred to, not a recipient
    r"|\b(?:provided|supplied|received|obtained|retrieved|fetched|imported)\s+(?:to us\s+|directly\s+)?"
    r"(?:by|from|via|through)\s+(?:the\s+)?$"  # where data comes from: a source, not a recipient
    r"|\b(?:sign(?:ed|s)?[- ]in|log(?:ged|s)?[- ]in)\s+(?:with|using|via)\s+(?:your\s+)?$"
)
# software the vendor runs itself: "Matomo (self-hosted)", "our self-hosted Umami instance",
# "Umami wird … selbst auf eigenen Servern … gehostet", "hosted on our own server infrastructure"
_SELF_HOSTED = folded(
    r"self[- ]hosted|selbst[- ]?gehostet\w*|selbst\s+(?:[\w-]+\s+){0,4}?gehostet"
    r"|(?:hosted|run|runs|running|gehostet|betrieben|läuft|laufen)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:on|auf)\s+(?:our|unsere[mn]?)\s+(?:own\s+|eigenen?\s+)?(?:servers?|Servern?|infrastructure)"
    r"|(?:on|auf)\s+(?:our|unsere[mn]?)\s+(?:own|eigenen?)\s+(?:servers?|Servern?)"
)
# a host the self-hosted software runs on: "self-hosted on Hetzner servers"
_HOST_AFTER = re.compile(r"\b(?:on|auf|bei|at|with)\b", re.IGNORECASE)


def _self_hosted(s: str, cues: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``s`` says the software named at ``start:end`` runs on the vendor's own servers
    (its data reach no third party): a name before one of the sentence's self-hosting ``cues``,
    or right after it ("our self-hosted Umami instance") — not the host after "on"
    ("self-hosted on Hetzner")."""
    for cue_start, cue_end in cues:
        if end <= cue_start and cue_start - end <= _SELF_HOSTED_REACH:
            between = s[end:cue_start]
            if _HOST_AFTER.search(s, max(0, start - 40), start) or _ALTERNATIVE.search(between):
                continue  # "auf einem Server in der EU (Hetzner, …) selbst gehostet": the host;
                # "AWS RDS or self-hosted Postgres": another choice
        elif start >= cue_end and start - cue_end <= _SELF_HOSTED_REACH:
            between = s[cue_end:start]
            if _HOST_AFTER.search(between):
                continue
        else:
            continue
        if not _CLAUSE_END.search(between):  # (not "…on our own servers; we use Google …")
            return True
    return False


_SELF_HOSTED_REACH = 60  # characters between the name and the cue, in one clause
_ALTERNATIVE = re.compile(r"\b(?:or|oder)\b", re.IGNORECASE)


# where one main clause ends and another begins: "…; no data is shared", "…, but we never sell"
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s+(?:but|aber|jedoch)\b")
# a clause break, a sentence's end or a new main clause after "and": where what is said of one
# name stops ("… on our own servers; we use Google Analytics")
_CLAUSE_END = re.compile(_CLAUSE_BREAK.pattern + r"|[.!?]\s|,\s+(?:and|und)\s")
_SUBJECT_GAP = 25  # characters between a name and a denial of which it is the subject
# a table cell that is a description, not a name ("Kunden und Interessenten, die E-Mails senden")
_CLAUSE = re.compile(r",\s+(?:die|der|das|welche|who|which|that)\b|\b(?:und|and)\b.*\b\w+en\b$")


def _table_rows(text: str) -> list[tuple[str, str | None, str, bool]]:
    """(name, country, row, entity column) of every row of a table whose header has a name and a
    place column; the flag says the table gives each processor's legal entity in a column of
    its own ("Postmark | Wildbit, LLC (an ActiveCampaign company)"): the row names one processor."""
    out: list[tuple[str, str | None, str, bool]] = []
    cols: tuple[int, int | None] | None = None
    entity_col = False
    for raw in normalise(text).splitlines():
        sep = "|" if raw.count("|") >= 2 else ("\t" if raw.count("\t") >= 1 else None)
        if sep is None:
            cols = None
            continue
        if re.match(r"^\s*\|?\s*:?-{3,}", raw):
            continue
        cells = [c.strip() for c in raw.strip().strip("|").split(sep)]
        if cols is None and blank_header(cells):
            continue  # a converter's blank header: the first row names the columns
        if cols is None:
            named = [i for i, c in enumerate(cells) if _NAME_HEADER.match(c)]
            name_col = next(
                (i for i in named if not _USED_HEADER.match(cells[i])), named[0] if named else None
            )
            place = next((i for i, c in enumerate(cells) if _PLACE_HEADER.search(c)), None)
            # a table whose header names no provider column: none of its rows is a header
            ok = name_col is not None and (place is not None or len(cells) >= 2)
            cols = (name_col if ok and name_col is not None else -1, place)
            entity_col = any(_ENTITY_HEADER.match(c) for c in cells)
            continue
        name_col, place = cols
        if name_col < 0:
            continue
        if name_col >= len(cells) or not cells[name_col][:1].isupper():
            continue
        name = re.sub(r"\s*\(.*$", "", cells[name_col]).strip(" *")
        where = cells[place] if place is not None and place < len(cells) else ""
        country = countries_at(where)[0][1] if countries_at(where) else address_country(where)
        if 1 < len(name) <= 60 and not _CLAUSE.search(name):
            out.append((name, country, raw.strip(), entity_col))
    return out


def subprocessors_in(
    sents: list[str],
    sections: list[str] | None = None,
    text: str = "",
    own_names: Sequence[str] = (),
    list_leads: list[str] | None = None,
    table_rows: list[str] | None = None,
) -> list[SubprocessorHit]:
    """Named providers that receive data, with the country the text places them in.

    ``sections[i]`` is the heading sentence ``i`` stands under; ``text`` the whole policy (for
    its tables); ``own_names`` the vendor's legal entity and the names the policy gives it, never
    its own sub-processor;
    ``list_leads[i]`` the sentence that announces the bullet list sentence ``i`` stands in
    ("… transmitted to one or more of the following AI providers:"), which cues every bullet;
    ``table_rows[i]`` the table row sentence ``i`` was read from ("" if none): a row of a
    sub-processor table names one processor, in its name column, however many companies its
    other cells mention ("Postmark | Wildbit, LLC (an ActiveCampaign company)").
    """
    found = _Found(own_names)
    cues = [bool(_CUE.search(s)) for s in sents]  # each sentence read once, used twice
    named_rows = set()
    for name, country, row, one_per_row in _table_rows(text):
        known = next((n for rx, n, _ in PROVIDERS if rx.search(name)), None)
        found.add(known or name, country, row, 0.85, known=known is not None)
        if one_per_row:
            named_rows.add(row)
    for i, s in enumerate(sents):
        if table_rows and table_rows[i].strip() in named_rows:
            continue  # its processor is the name column's, read above
        section = sections[i] if sections else ""
        if section and _SOURCE_SECTION.search(section):
            continue
        in_section = bool(RECIPIENT_SECTION.search(section))
        # "We do not share data with Google": no recipient after the denial; a name before it
        # stays ("We use product analytics (PostHog); no data is shared with ad networks")
        denied = (
            re.search(
                r"\b(?:nicht|not|no|keine?)\b.{0,30}(?:nutzen|use|share|teilen|weiter)", s, re.I
            )
            if NEGATION.search(s)
            else None
        )
        denied_at = denied.start() if denied else len(s)  # (len(s): nothing denied)
        nxt = sents[i + 1] if i + 1 < len(sents) else ""
        lead = sents[i - 1] if i and sents[i - 1].endswith(":") else ""
        announced = list_leads[i] if list_leads else ""
        # the sentence names the recipients' kind ("We use the following sub-processors: …"),
        # or answers a question that does ("Which sub-processors are used? Currently …")
        kind = RECIPIENT_SECTION.search(s)
        # (an FAQ's question may carry its accordion's "+")
        asked = sents[i - 1] if i and sents[i - 1].rstrip(" +").endswith("?") else ""
        kind_at = kind.end() if kind else 0 if asked and RECIPIENT_SECTION.search(asked) else -1
        if _CROSSED.match(s) or _lead_denies(announced):
            continue  # "Wir verwenden KEINE Tracking-Technologien:" / "- ❌ Mixpanel, Amplitude"
        cued = (
            in_section
            or cues[i]
            # a heading that names a known provider and its role: "### RevenueCat
            # (Abonnementverwaltung)", "b) Supabase Inc. — Datenbank (PostgreSQL)"
            or bool(section == s and _PROVIDER_TITLE.match(s) and _known_at_start(s))
            or bool(lead and cues[i - 1])
            or bool(_HANDOVER.match(nxt))
            or bool(announced and _lead_cues(announced))
        )
        if not (cued or kind_at >= 0) or _AS_SOURCE.search(s):
            continue
        spans: list[tuple[int, int, str, str | None]] = []
        words = words_of(s)
        # a sentence that only names the kind lists entities, not every service it mentions
        # ("connect third-party services such as Google, GitHub, OpenAI")
        if cued and words & ALL_KEYS:  # one set operation instead of one search per provider
            for (rx, name, home), keys in zip(PROVIDERS, PROVIDER_KEYS, strict=True):
                if not keys & words:
                    continue
                m = rx.search(s)
                if m and not any(a <= m.start() < b for a, b, _, _ in spans):
                    spans.append((m.start(), m.end(), name, home))
        # (a bounded number a sentence: no real list names more, and each name is weighed
        # against the others — a hostile sentence of thousands would be quadratic)
        entities = ENTITY.finditer(s) if _HAS_FORM.search(s) else iter(())
        for m in islice(entities, _MAX_ENTITIES):
            intro = _PROVIDER_INTRO.search(s[max(0, m.start() - 40) : m.start()]) or (
                m.start() < 3 and lead and _PROVIDER_INTRO.search(f"{lead[:-1].rstrip()} ")
            )  # "Dies ist ein Service von:" over the provider's address block
            opening = _LIST_OPENING.match(m.group("name"))  # "Currently Hetzner Online GmbH"
            at = m.start() + (opening.end() if opening else 0)
            listed = (in_section and (at < 3 or s[:at].rstrip().endswith(":"))) or (
                0 <= kind_at <= at
                and (not s[:at].strip() or bool(_LISTED_BEFORE.search(s[max(0, at - 40) : at])))
            )
            if (intro or listed) and not _OWN.search(s[max(0, at - 200) : at]):
                if not any(a <= at < b or at <= a < m.end() for a, b, _, _ in spans):
                    spans.append((at, m.end(), s[at : m.end()].rstrip(","), "?"))
        from_row = bool(table_rows and table_rows[i])  # "Belegbilder: Anbieter: OpenAI; …" —
        # a data column's cell leads the row's text: it is no listed name
        # a list a recipients' lead announces is a recipients section of its own, for entries
        # labelled with a proper name ("Apple — wickelt App-Store-Käufe ab"), not with a case
        # ("Legal requirements: …" under "… with third parties in the following cases:")
        listing = in_section or bool(
            announced
            and _RECIPIENTS_LEAD.search(announced)
            and not _CASES_LEAD.search(announced)
            and _PROPER_LABEL.match(s)
        )
        for start, end, host in _named_host(s, listing and not from_row, text) if cued else ():
            if not any(a <= start < b or start <= a < end for a, b, _, _ in spans):
                spans.append((start, end, host, "?"))
        sources = (
            [m.span() for m in _SOURCE_LIST.finditer(s)] if " from " in s or " aus " in s else []
        )
        some_day = _SOME_DAY.search(s) is not None  # (once per sentence, not per name)
        hosted = [m.span() for m in _SELF_HOSTED.finditer(s)] if spans else []
        merged, shown = _product_and_entity(s, sorted(spans))
        spans = [
            sp
            for sp in merged
            if not any(a <= sp[0] < b for a, b in sources)
            # (not the denial's own subject: "Twilio is not used", "PayPal, etc.) is not shared")
            if denied_at == len(s)
            or sp[1] + _SUBJECT_GAP < denied_at
            or _CLAUSE_BREAK.search(s, sp[1], denied_at)
            if not _NEGATED_BEFORE.search(s[max(0, sp[0] - _DENIAL_REACH) : sp[0]])
            and not _COMPARED_BEFORE.search(s[max(0, sp[0] - 40) : sp[0]])
            and not some_day
            and not _POLICY_REFERENCE.match(s[sp[1] : sp[1] + 30])
            and not _DATA_OF_SERVICE.match(s[sp[1] : sp[1] + 30])
            and not _SEE_BEFORE.search(_before_name(s, sp[0], sp[1]))
            and not _self_hosted(s, hosted, sp[0], sp[1])
        ]  # "No Google Analytics, Mixpanel", "see Microsoft's privacy statement": no recipient
        bounds = [(a, b) for a, b, _, _ in spans]
        for a, b, name, home in spans:
            country = (home if home != "?" else None) or _country_after(s, a, b, bounds)
            if country is None and len(spans) == 1 and nxt and not words_of(nxt) & ALL_KEYS:
                country = next((c for _, c in countries_at(nxt)), None)
            word = name.split()[0].casefold()
            for prev in sents[max(0, i - 2) : i][::-1]:  # its address, stated just before
                if country is None and word in prev.casefold():
                    country = next((c for _, c in countries_at(prev)), None)
            if country is None and len(spans) == 1:  # "Place of processing: Germany" below it
                country = _place_line(sents[i + 1 : i + 4])
            form = _FORM_AFTER.match(s, b) if home != "?" else None
            if a in shown:
                written = shown[a]
            elif form:  # "OpenAI, L.L.C.": the legal entity as the policy names it, from its name
                at = s.find(name.split()[0], a, b)  # on ("operated by Microsoft Corporation")
                written = s[at if at >= 0 else a : form.end()].strip()
            else:
                written = _as_written(s[a:b], name)
            found.add(
                name, country, s, 0.85 if country else 0.7, known=home != "?", written=written
            )
    hits = list(found.hits.values())
    if any(h.name.startswith("Microsoft ") for h in hits):
        hits = [h for h in hits if h.name != "Microsoft"]
    return hits


_MAX_ENTITIES = 60
# a word that opens a list, not a name: "Currently Hetzner Online GmbH (hosting, DE), …"
_LIST_OPENING = re.compile(
    r"(?:Currently|Presently|Namely|Also|Derzeit|Aktuell|Momentan|Nämlich|Sowie|Und|And)\s+"
)
# where a listed entity stands: first after the lead's colon or an opening word, or after the
# entry before it ("…: Hetzner Online GmbH (hosting, DE), Eden AI SAS (AI gateway, FR) and …")
_LISTED_BEFORE = re.compile(
    r"(?:[:,;(]|\b(?:and|und|sowie|or|oder|are|sind|is|ist|include|includes|including"
    r"|such as|wie|currently|derzeit|aktuell|namely|nämlich))\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _lead_denies(lead: str) -> bool:
    """Whether a list's lead-in (its last sentence) denies using what the list names (each
    bullet asks again: cached) — not when the denial makes an exception of the list: "We do not
    sell or share your personal information with third parties, except as required to operate
    the service:" over "Twilio: …", "OpenAI: …" names the recipients."""
    last = re.split(r"[.!?]\s+", lead)[-1]
    denial = _NOT_USED_LEAD.search(last)
    return denial is not None and not _EXCEPT.search(last, denial.end())


@lru_cache(maxsize=256)
def _lead_cues(lead: str) -> bool:
    if _MEASURES_LEAD.search(lead):
        return False  # "Der Auftragsverarbeiter hat die folgenden Maßnahmen umgesetzt:" — measures
    return bool(_CUE.search(lead) or _TOOLS_LEAD.search(lead))


_MEASURES_LEAD = folded(
    r"\b(?:Ma(?:ß|ss)nahmen|measures|safeguards|controls|Kontrollen|Vorkehrungen)\b[^:]{0,80}:$"
)


# a lead-in over a list of tools: "Mess- und Werbetechnologien werden … geladen; dazu gehören:"
# third parties as a list's lead names them: "Die einzigen Dritten, die … erhalten, sind:"
_THIRD_PARTIES = r"dritte[n]?|drittanbieter\w*|third[- ]part(?:y|ies)"
_TOOLS_LEAD = folded(
    r"(?:technologien|technologies|tools|werkzeuge|plugins|plug-ins|widgets|pixel|trackers?"
    r"|cookies? (?:von|of|from)|anbieter|providers|dienstleister|"
    + _THIRD_PARTIES
    + r")\b[^:]{0,80}:$"
)


# a lead-in over a list of recipients: "Die einzigen Dritten, die Informationen erhalten, sind:",
# "We share data with the following service providers:"
_RECIPIENTS_LEAD = folded(
    r"\b(?:"
    + _THIRD_PARTIES
    + r"|empfänger|recipients|dienstleister|service providers|(?:sub-?)?processors"
    r"|unterauftragsverarbeiter)\b[^:]{0,80}:$"
)


_CASES_LEAD = folded(r"\b(?:cases|circumstances|situations|Fällen|Situationen|Umständen)\b")
# a label of capitalised words only: a name, not "Business transfers" or "License server"
# (or a name and the link to its privacy policy: "TikTok Inc. https://www.tiktok.com/…/privacy")
_PROPER_LABEL = re.compile(
    r"^[A-Z][\w.&-]*(?: [A-Z0-9][\w.&-]*){0,2}\s*(?:\(|[—–:]|-\s|(?<=\s)https?://|(?<=\s)www\.)"
)
# a short title: a name (with its legal form) and a role after a bracket, a dash or a colon
_PROVIDER_TITLE = re.compile(
    r"^(?:[a-z0-9]{1,2}[.)]\s*)?[A-Z][\w.&-]*(?:,? [A-Z0-9][\w.&-]*){0,3}\s*(?:\([^()]{2,60}\)|[—–:]"
    r"[^.]{2,60}|-\s[^.]{2,60})?\s*$"
)


def _known_at_start(title: str) -> bool:
    """Whether a title opens with a provider the lexicon knows ("b) Supabase Inc. — …")."""
    return opens_with_provider(re.sub(r"^[a-z0-9]{1,2}[.)]\s*", "", title))


_NAME = r"(?P<name>[A-Z][\w.&-]*\w(?: [A-Z][\w.&-]*\w){0,2})"
# "hosted on Neon, a managed cloud database provider", "handled by our form provider, Web3Forms"
_HOSTED_ON = (
    re.compile(
        r"\b(?:hosted|stored|run(?:s|ning)?|deployed|handled|processed|gehostet|betrieben)\s+(?:on|by"
        r"|with|at|bei|von)\s+(?:our\s+(?:[\w-]+\s+)?provider,?\s+)?"
        + _NAME
        + r"(?=[,.;)]|\s+\(|\s+and\b|$)"
    ),
    re.compile(
        r"\b(?:our|unser(?:em|en)?)\s+(?:[\w-]+\s+)?(?:provider|Anbieter|Dienstleister),\s+"
        + _NAME
        + ","
    ),
    re.compile(  # "Wir nutzen Stytch für die Anmeldung", "we use Postmark to send e-mails"
        r"\b(?:[Ww]ir (?:nutzen|verwenden)|[Ww]e (?:use|rely on)|I (?:also )?(?:use|rely on))\s+"
        + _NAME
        + r"(?=\s+(?:für|zur|zum|als|for|to|as)\s)"
    ),
    re.compile(  # "My email host is Fastmail.", "Our payment provider is Paddle"
        r"\b(?:[Mm]y|[Oo]ur)\s+(?:[\w-]+\s+){0,2}(?:host|provider|processor)\s+is\s+"
        + _NAME
        + r"(?=[,.;)]|\s+\(|$)"
    ),
)
# a bullet of a recipients section: "Neon — for database hosting", "Umami Cloud (cookieless): …"
_LISTED_NAME = re.compile(
    r"^" + _NAME + r"\.?\s*(?:\([^)]*\)\s*)?(?:(?:[—–:|]|-\s)\s*\S|(?<=\s)(?:https?://|www\.)\S)"
)
_NOT_A_NAME = re.compile(
    r"^(?:Our|We|The|This|These|Your|Data|Hosting|Payments?|Analytics|E-?[Mm]ail|Support|Database"
    r"|Storage|Monitoring|Authentication|Infrastructure|AI|CDN|CRM|Billing|Logging|Newsletter"
    r"|Hosting-Provider|AVV|AV-Vertrag|DPA|Vertrag|Contract|Agreement|Vereinbarung"
    r"|Purpose|Zweck|Location|Standort|Country|Land|Note|Hinweis|Name|Category|Kategorie|Server"
    r"|Zahlungs\w*|Rechenzentr\w*|Cloud|Service|Services|Provider|Anbieter|Processing|Security"
    r"|Hosting Provider|Email Delivery|Error Tracking|Customer Support|Microsoft(?: \w+)*|Google"
    r"(?: \w+)*|Europe|Germany|Ireland|USA|United States|EU|EEA|Frankfurt|Amsterdam"
    r"|Regions?|Retention|Transfers?|Safeguards?|Legal basis|Recipients?|Duration"
    r"|(?:[\w-]+\s+)?Cookies?|Titel|Title|Affiliates|Competent authorities"
    # a kind of party or an activity, not a name: "Service Providers", "Data Handling"
    r"|(?:[\w-]+\s+){1,2}(?:Providers|Partners|Vendors|Processors|Handling|Requirements"
    r"|Transfers|Authorities"
    # … or a function: "Cloud Infrastructure", "Payment Processing", "AI Services"
    r"|Infrastructure|Processing|Services|Hosting|Analytics|Storage|Delivery|Tracking"
    r"|Monitoring|Support|Payments?|Marketing|Advertising|Authentication|Messaging"
    r"|Notifications|Communications?|Management|Integrations?)"
    r"|Daten|Ihre?[nmrs]?|Diese[nmrs]?|Unser\w*|Tools?|Dienste?|Software|Plugins?|Technologien"
    r"|Stand|Version|Datum|Date|Effective|Updated|Last updated|Zuletzt aktualisiert|Gültig ab"
    # a protocol or standard, not a company: "We use SSL for secure transmission"
    r"|SSL|TLS|HTTPS?|OAuth(?: 2\.0)?|SAML|SSO|OpenID(?: Connect)?|AES(?:-?256)?|JWT|API|REST"
    r"|SMTP|IMAP|POP3|DNS|BIMI|DKIM|SPF|DMARC|VPN|SFTP|FTP|WebDAV|CalDAV|CardDAV|Favicons?"
    # a field or a kind of tool as a row's label: "Hosting-Standort", "Analyse-Tools",
    # "Support-System", "Frontend-Hosting", "Maximale Speicherdauer", "Betroffene Personen"
    r"|(?:[\wäöüß]+-)+(?:Hosting|Standort|Tools?|Systeme?|Werkzeuge?|Dienste?|Anbieter|Provider"
    r"|Speicherung|Region)|(?:Maximale|Minimale|Betroffene|Verwendete|Eingesetzte)\s+\w+|Modelle?"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:ung|ungen|bezug|keit|heit|dauer|frist|grundlage|zwecke?|ort|land"
    r"|länder|daten|tion|tionen|kontrolle|beauftragter?))$"
    # a contact field or a party's role: "E-Mail: …", "Telefon: …", "Verantwortlicher: der Kunde"
    r"|^(?:Telefon|Phone|Tel\.?|Fax|Mobil|Website|Web|Adresse|Address|Anschrift|Kontakt|Contact"
    r"|Verantwortliche[rn]?|Controller|Auftragsverarbeiter|Processor|Auftraggeber|Auftragnehmer"
    r"|Ansprechpartner|Geschäftsführer\w*|Managing Director|Inhaber|Owner)$"
    # a label that opens with an article, names the policy itself or a plural field of it:
    # "Der Grund: …", "Datenschutzinfos: supabase.com/privacy", "Privacy Warning: …", "Zwecke:",
    # "Details:", "Verarbeitete Datenarten: Inhaltsdaten (…)"
    r"|^(?:(?:Der|Die|Das|Den|Dem|Des|Ein|Eine[mnrs]?|The|An?)\s+\w+"
    r"|(?:Datenschutz|Privacy|Rechts)[\w-]*(?:\s+\w+)?|Details|Zwecke|Hinweise"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:te|tes|ten|ene|enen)\s+[A-ZÄÖÜ][a-zäöüß]+(?:arten|kategorien|daten))$",
)


# a sentence in a label's place ("Es ist ein Verarbeitungsfehler aufgetreten."): five words or
# more ending in a full stop, with no legal form
_A_SENTENCE = re.compile(
    r"^(?!.*\b(?:Inc|Ltd|GmbH|LLC|Corp|AG|SE|B\.V|S\.A)\b)(?:\S+\s+){4,}\S*\.$"
)


def _named_host(s: str, in_section: bool, text: str) -> list[tuple[int, int, str]]:
    """Spans of providers the lexicon does not know, named as the host or, in a recipients
    section, as a list entry's label (a name the policy repeats throughout is its own brand)."""
    found = [m for rx in _HOSTED_ON for m in rx.finditer(s)]
    if in_section and (listed := _LISTED_NAME.match(s)):
        found.append(listed)
    return [
        (m.start("name"), m.end("name"), m.group("name"))
        for m in found
        if not _NOT_A_NAME.match(m.group("name"))
        and not _HAS_FORM.fullmatch(m.group("name"))  # "Ltd. — …" split from "Supabase Pte."
        and not _A_SENTENCE.match(m.group("name"))
        and not countries_at(m.group("name"))
        and text.count(m.group("name")) < 4
    ]


_PLACE = re.compile(
    r"^(?:place of processing|processing location|location|server location|data location"
    r"|ort der verarbeitung|verarbeitungsort|serverstandort|standort|sitz)\s*:",
    re.IGNORECASE,
)


def _place_line(following: list[str]) -> str | None:
    """The country of a "Place of processing: …" line in the provider's block (iubenda and
    similar generators state it two lines below the provider)."""
    for s in following:
        if words_of(s) & ALL_KEYS and not _PLACE.match(s):
            return None  # the next provider's block
        if _PLACE.match(s):
            got = countries_at(s)
            return got[0][1] if got else None
    return None


def _before_name(s: str, start: int, end: int) -> str:
    """The words before a provider's name, with the cue word its match may begin with ("by")."""
    cue = re.match(r"(?:[a-zäöüß][\w-]*\s+)*", s[start:end])
    return s[max(0, start - 25) : start] + (cue.group(0) if cue else "")


_FIRST_PATTERN = {name: rx for rx, name, _ in reversed(PROVIDERS)}


def _as_written(span: str, name: str) -> str:
    """A known provider with the alias the text uses, "Amazon Web Services / AWS", "Deutsche
    Telekom / T-Systems": the reviewer finds the alias in the policy and knows the company;
    "" when the text uses (a form of) the canonical name or the span is no plain name."""
    rx = _FIRST_PATTERN.get(name)
    if rx is None or name.casefold() in span.casefold() or not rx.fullmatch(span):
        return ""
    if set(re.findall(r"\w+", span.casefold())) & set(re.findall(r"\w+", name.casefold())):
        return ""  # "Azure", "Azure OpenAI": a form of the canonical name, which says more
    return f"{name} / {span.strip()}" if span[:1].isupper() else ""


def _product_and_entity(
    s: str, spans: list[tuple[int, int, str, str | None]]
) -> tuple[list[tuple[int, int, str, str | None]], dict[int, str]]:
    """A product and its company's legal entity in one sentence are one processor ("Google
    Analytics 4 (Google Ireland Limited)", "Stripe … provided by Stripe Payments Europe, Ltd."):
    the product's name, the country the entity's name states. Two named entities ("Microsoft
    Corporation … Microsoft Ireland Operations Limited") stay two. Also returned, by the kept
    span's start, the product as written with its entity ("Google Fonts (Google Ireland
    Limited)"): a reviewer sees what is used and whom the contract is with."""
    out: list[tuple[int, int, str, str | None]] = []
    shown: dict[int, str] = {}
    for span in spans:
        first = span[2].split()[0].casefold()
        same = next((k for k, o in enumerate(out) if o[2].split()[0].casefold() == first), None)
        if same is not None:
            a, b, name, home = out[same]
            homes = [h for h in (home, span[3]) if h not in (None, "?")]
            if len(homes) < 2:
                # each as written from its name's first word (a match may open on its cue:
                # "Anbieter ist die Microsoft …", "by Stripe")
                product, entity = (
                    s[max(x, s.find(n.split()[0], x, y)) : y].strip()
                    for x, y, n in ((a, b, name), (span[0], span[1], span[2]))
                )
                if _HAS_FORM.search(product) and not _HAS_FORM.search(entity):
                    product, entity = entity, product  # the entity named first
                if (
                    _HAS_FORM.search(entity)
                    and not _HAS_FORM.search(product)
                    # ("Microsoft" of "Microsoft Ireland Operations Limited" adds nothing)
                    and not set(re.findall(r"\w+", product.casefold()))
                    <= set(re.findall(r"\w+", entity.casefold()))
                ):
                    shown[a] = f"{product} ({entity.rstrip(',')})"
                if len(name.split()) == 1:  # "Microsoft" + "Microsoft Corporation": the entity
                    name = span[2]
                out[same] = (a, b, name, homes[0] if homes else home)
                continue
        out.append(span)
    return out, shown


def section_of(all_lines: list[Line]) -> list[str]:
    """For each line, the heading it stands under ("" before the first heading)."""
    out: list[str] = []
    current = ""
    for line in all_lines:
        if line.kind == "heading":
            current = line.text
        out.append(current)
    return out
