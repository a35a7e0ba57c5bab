"""Who else gets the data and where: sub-processors with their country, third-country
transfers with their mechanism (DPF, SCC, BCR, adequacy, consent), the vendor's own country
from the legal entity's address, and the policy's date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

import msgspec

from m365inv.catalog.extract.folded import folded
from m365inv.catalog.extract.lexicon import countries_in, country_named
from m365inv.catalog.extract.phrases import NEGATION
from m365inv.catalog.extract.providers import (
    ALL_KEYS,
    AU_TOWN,
    CA_POSTCODE,
    US_STATE_NAMES,
    US_STATES,
    US_TOWN,
    address_country,
    names_provider,
    words_of,
)
from m365inv.catalog.extract.recipients import (
    ENTITY,
    LEGAL_FORM,
    SubprocessorHit,
    subprocessors_in,
)
from m365inv.catalog.extract.segment import Line, sentences
from m365inv.catalog.model import EU_EEA

__all__ = [
    "SubprocessorHit",
    "TransferHit",
    "VendorCountry",
    "own_entity",
    "policy_date",
    "self_defined",
    "subprocessors_in",
    "transfers_in",
    "vendor_country",
]

Mechanism = Literal["DPF", "SCC", "BCR", "adequacy", "consent", "none-stated"]

_MOVE = folded(
    r"übertr|übermitt|transfer|Datentransfer|processed in|verarbeitet\b.{0,60}\bin\b|stored in"
    # "Google and other providers may process information in the United States"
    r"|\bprocess(?:es)?\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?(?-i:[A-Z])"
    r"|gespeichert\b.{0,40}\bin\b|Server[n]? in|sent to|hosted in|Empfänger|recipient|located in"
    # "on servers in the United States", "Our application servers are in the United States",
    # "transmitted to and stored by Google", "infrastructure is located within the USA"
    r"|\bservers\s+(?:(?:are|is)\s+)?(?:located\s+)?(?:in|within)\b|\btransmitted to\b"
    r"|\blocated within\b"
    # the noun: "kann eine Verarbeitung in den USA stattfinden"
    r"|\bVerarbeitung\s+(?:[\w-]+\s+){0,4}?in\s+(?:den|die|der|dem|einem|einen)\b"
    # "Your data may be processed outside the EEA", "providers located outside the UK" (whose
    # place ``_TO_ABROAD`` then weighs: providers, not readers)
    r"|\bprocess(?:ed|es)?\b[^.;]{0,40}\boutside\b|\blocated outside\b"
    r"|Drittl[aä]nd|Drittstaat|third countr|weitergegeben|Datenweitergabe"
    # "If data leaves your jurisdiction, we use … SCCs"
    r"|\b(?:leaves?|leaving) (?:your|the|its|our) (?:jurisdiction|country|region)"
    # "Nachrichteninhalt wird an Anthropic (USA) gesendet", "bei RevenueCat (USA) verarbeitet",
    # "Verarbeitungsort: USA"
    r"|\bgesendet\b|\([^()]{2,30}\)\s+(?:verarbeitet|gespeichert|processed|stored)\b"
    r"|\b(?:Verarbeitungs|Speicher|Server|Daten)(?:ort|standort)\b|\b(?:processing|server|data|storage)"
    r" location\b"
)
# an area's abbreviation after its name: "the European Economic Area (EEA)"
_AREA_ABBR = r"(?:\s*\([\"“”']?(?:EEA|EWR|EU|UK|EFTA|CH|Switzerland)[\"“”']?\))?"
# a place in a list: "the European Economic Area (EEA)", "UK"
_LISTED_PLACE = (
    r"(?:the\s+|der\s+|des\s+|dem\s+)?[\w.]+(?:\s+(?-i:[A-ZÄÖÜ])[\w.]*){0,3}" + _AREA_ABBR
)
_PLACE_SEP = r"\s*(?:,\s*(?:and/or|or|and|oder|und)?|/|and/or|und/oder|or|and|oder|und|bzw\.)\s*"
# "outside the UK or EEA", "außerhalb der EU oder der Schweiz", "outside the European Economic
# Area (EEA), the United Kingdom, and …": where data is NOT sent
_OUTSIDE = re.compile(
    rf"\b(?:outside|au(?:ß|ss)erhalb)\s+(?:of\s+)?{_LISTED_PLACE}(?:{_PLACE_SEP}{_LISTED_PLACE})*",
    re.IGNORECASE,
)
_EUROPE = (
    r"(?:the\s+|der\s+|dem\s+)?(?:European Economic Area|European Union|Europäischen"
    r" (?:Union|Wirtschaftsraum\w*)|United Kingdom|Vereinigten Königreich\w*|Großbritannien"
    r"|Swiss Confederation|Switzerland|Schweiz|EEA|EWR|EU|UK)\b(?:\s+member\s+(?:countries|states))?"
    + _AREA_ABBR
    # ("from European Union (EU) member countries and Switzerland", "the European Union countries")
    + r"(?:\s+(?:member\s+)?(?:countries|states))?"
)  # ("from European Union member countries and Switzerland")
# "Personal Data from the European Economic Area and Switzerland": where data comes FROM
_ORIGIN = re.compile(
    rf"\b(?:from|aus|out of|collected (?:with)?in)\s+{_EUROPE}(?:{_PLACE_SEP}{_EUROPE})*",
    re.IGNORECASE,
)
# "Transfers out of India under DPDPA": where data leaves, whichever country
_OUT_OF = re.compile(
    r"\b(?:out of|transfers?\s+from|Übermittlungen?\s+aus)\s+(?:the\s+|der\s+|dem\s+)?"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
)
# "gemäss Schweizer DSG", "Swiss data protection law": a country's law, not a destination
_LAW_OF = re.compile(
    r"\b(?:Schweizer|schweizerische[nm]?|Swiss|britische[nm]?|British|deutsche[nm]?|German"
    r"|österreichische[nm]?|Austrian|Australian|Canadian|Californian|Brazilian|Japanese"
    r"|Singaporean|Indian|New Zealand)\s+"
    r"(?:DSG|nDSG|BDSG|DPA|Datenschutz\w*|data protection|law|Recht\w*|Privacy (?:Principles|Act"
    r"|laws?))"
    r"|\bUK[- ]GDPR\b|\bUK[- ]DSGVO\b|\bUK Data Protection Act\b"
    r"|\bUK version of (?:the\s+)?(?:GDPR|DSGVO)\b"  # ("under GDPR and the UK version of GDPR")
    # "UK law", "EU/UK Privacy Laws", "protected by UK or EU law", "the laws applicable to the
    # UK", "in accordance with UK and EU rules": a legal order, not a destination
    r"|\b" + _EUROPE + r"(?:" + _PLACE_SEP + _EUROPE + r")*\s+(?:data protection\s+|privacy\s+"
    r"|adequacy\s+)?"  # ("a country not covered by UK Adequacy Regulations")
    r"(?:laws?|rules|regulations?|legislation|requirements)\b"
    r"|\b(?:laws?|rules|regulations?)\s+(?:applicable|that apply)\s+(?:to|in)\s+"
    + _EUROPE
    # "SCCs adopted by the European Commission or the United Kingdom", "approved for use in the
    # UK": whose safeguard; "the same protection as it has in the UK": a comparison
    + r"|\b(?:adopted|approved|issued|published|applicable)\s+(?:for use\s+)?(?:by|in)\s+"
    r"(?:the\s+European Commission\s+(?:or|and)\s+)?"
    + _EUROPE
    + r"|\bas\s+(?:it\s+(?:does|has|would)\s+)?in\s+"
    + _EUROPE
    # a safeguard for data leaving the UK or Switzerland ("UK International Data Transfer
    # Addendum", "SCCs (or the UK equivalent)"): where data comes from, not where it goes
    + r"|\b(?:UK|U\.K\.|Swiss|British|Schweizer\w*|britische\w*)[\s-]+(?:International\s+)?"
    r"(?:Data\s+Transfer\s+)?(?:Addend(?:um|a)|Agreements?|IDTA|Extension|equivalents?|Erweiterung"
    r"|Zusatz\w*|Nachtrag)\b|\b(?:UK|Swiss|British)\s+(?:data\s+)?transfers\b"
    # the authority that approves a safeguard: "SCCs approved by the European Commission or UK
    # authorities", "the UK's Information Commissioner"
    r"|\b(?:UK|U\.K\.|Swiss|British)(?:['’]s)?\s+(?:(?:data protection|supervisory)\s+)?"
    r"(?:authorit(?:y|ies)|Information Commissioner\w*|ICO|FDPIC|regulators?)\b"
    r"|\b(?:UK|Schweizer\w*|britische\w*)[\s-](?:Aufsichts)?[Bb]ehörde\w*",
    re.IGNORECASE,
)
# "EU/EEA/UK personal data", "UK users": whose data, not where it goes
_EUROPEANS = re.compile(
    _EUROPE + r"(?:\s*(?:/|,|and|or)\s*" + _EUROPE + r")*\s+(?:personal\s+)?(?:data|users?"
    r"|residents?|citizens|individuals|customers|data subjects)(?:\s+(?:personal\s+)?data)?\b",
    re.IGNORECASE,
)
_ADDITIONALLY = folded(
    r"(?:In addition|Additionally|Furthermore|Moreover|Zusätzlich|Ergänzend|Darüber hinaus"
    r"|Außerdem|Zudem)\b"
)
_NAMES_ENTITY = re.compile(r"(?<![\w-])" + LEGAL_FORM + r"(?![\w-])")
_THIRD = re.compile(r"Drittl[aä]nd|Drittstaat|third countr", re.IGNORECASE)
_NO_TRANSFER = folded(
    r"verlassen die EU nicht|nicht in (?:ein )?Drittl|no (?:data )?transfers?\b|not (?:be )?"
    r"transferred|keine Übermittlung|ausschlie(?:ß|ss)lich (?:in|innerhalb) (?:der EU|Deutschland|des EWR)"
    r"|only within the (?:EU|EEA)|never leaves? the EU"
)
# the reader's own consent to the transfer, said to them (not Art. 49 cited as a derogation)
_YOU_CONSENT = (
    r"\byou (?:hereby |expressly |explicitly )?(?:consent|agree) to (?:us |the )?"
    r"(?:[\w-]+,?\s+(?:and\s+)?){0,3}(?:transfers?|transferring)\b"
    # the reader's leave or agreement as the consent: "You hereby authorize us to transfer,
    # store, and use your data in any country …", "you agree that your information is
    # transmitted, stored, and processed in data centers outside the EU"
    r"|\byou (?:hereby |expressly |explicitly )?authori[sz]e (?:us|[\w-]+) to (?:transfer|store)\b"
    r"|\byou (?:hereby |expressly |explicitly )?agree that your (?:personal )?(?:data|information)"
    r" (?:is|are|will be|may be)\s+(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?"
    r"(?:transferred|transmitted|stored|processed)\b"
    # the reader's use as the consent: "your use of Xanga shall constitute consent to the
    # transfer, storage, use and disclosure of …", "… will constitute your consent to the
    # transfer of your Personal Information outside of your home country"
    r"|\bconstitutes?\s+(?:your\s+)?(?:consent|agreement)\s+to\s+(?:the\s+|such\s+|any\s+)?"
    r"(?:transfers?|transferring)\b"
    # consent to processing in a named place: "you … unambiguously consent to the collection and
    # processing of Your Information in the United States", "By using the Service, you consent
    # to data storage and processing in the U.S.", "individuals … do thereby consent to … its
    # transfer to and/or storage in the United States"
    # (atomic groups: the first consent and the first processing word after it are taken, so a
    # text of "you consent to processing" a thousand times over is not searched combination by
    # combination)
    r"|\b(?:you|users?|individuals|visitors|customers)\b(?>[^.;]{0,120}?\b(?:consent|agree)\s+to\b)"
    r"(?>[^.;]{0,120}?\b(?:transfers?|transferred|storage|stored|processing|processed|collection)\b)"
    r"[^.;]{0,40}?\b(?:in|to|into)\s+(?:the\s+)?(?-i:United States|U\.\s?S\.|USA\b|US\b"
    r"|other countries|(?!Your\b|Our\b|This\b|These\b|Such\b)[A-Z][a-z]{2,})"
    # the reader's agreement that data may be transferred: "You agree and acknowledge that your
    # information … may be transferred across national boundaries", "By using the App, you agree
    # that your personal data may be transferred to and processed in those countries" (not "you
    # understand that …" or "you acknowledge that …" alone: told, not asked)
    r"|\byou\s+(?:hereby\s+)?(?:(?:understand|acknowledge)\s+and\s+)?(?:agree|consent)"
    r"(?:\s+and\s+(?:acknowledge|understand))?\s+that\b(?>[^.;]{0,160}?\b(?:transferred|transfer)\b)"
    # the reader's acceptance of the policy as the agreement: "Your consent to this Privacy
    # Policy followed by Your submission of such information represents Your agreement to that
    # transfer."
    r"|\byour agreement to (?:that|this|such|the) transfers?\b"
)
_READER_CONSENTS = folded(_YOU_CONSENT)
_MECHANISM_PATTERNS: tuple[tuple[Mechanism, str], ...] = (
        ("DPF", r"Data Privacy Framework|\bDPF\b|EU-U\.?S\.? Data Privacy|Datenschutzrahmen"),
        ("SCC", r"Standardvertragsklausel|Standarddatenschutzklausel|standard (?:contractual|data "
                r"protection) clauses|\bSCCs?\b|EU-Standardvertrags"
                # as some German translations name them: "die von der Europäischen Kommission
                # genehmigten Standarddatenschutzbestimmungen", "Standardschutzklauseln"
                r"|Standarddatenschutzbestimmungen|Standardschutzklausel"
                # the clauses' former name: "the European Commission's model clauses"
                r"|\bmodel (?:contract(?:ual)? )?clauses|EU-Musterklausel"
                # the UK's counterpart, "the UK International Data Transfer Agreement (IDTA)",
                # "the UK Addendum to the EU SCCs"
                r"|International Data Transfer (?:Agreement|Addendum)|\bIDTA\b|\bUK Addendum\b"
                # the ICO's plain words for the clauses: "we use specific contracts approved by
                # the European Commission which give personal data the same protection …"
                r"|\bcontracts (?:approved|adopted) by the European Commission"),
        ("BCR", r"Binding Corporate Rules|\bBCRs?\b|verbindliche[n]? interne[n]? Datenschutzvorschrift"),
        # (the EU-US Privacy Shield was an adequacy decision, invalidated in 2020: not the DPF)
        # (an adequacy decision a country lacks is none: "to a country without an adequacy
        # decision", "für die kein Angemessenheitsbeschluss vorliegt")
        ("adequacy", r"(?<!without an )(?<!without )(?<!\bno )(?<!ohne )(?<!kein )(?<!keinen )"
                     r"(?<!not covered by )(?<!not covered by UK )"  # ("by UK Adequacy Regulations")
                     r"(?:Angemessenheitsbeschlu|adequacy (?:decision|regulation)|angemessenes Datenschutzniveau)"
                     # (as was Safe Harbor, invalidated in 2015: a policy of its time claims it)
                     r"|Privacy Shield|Safe Harbou?r (?:Framework|Principles|Program|privacy)"
                     r"|EU Safe Harbou?r|(?:U\.?S\.?|EU|E\.U\.)\s*[-–]\s*(?:E\.?U\.?|U\.?S\.?|Swiss)"
                     r"\s+Safe Harbou?r"
                     # the Commission's finding in words: "countries … found by the European
                     # Commission to provide an adequate level of protection", "Die Europäische
                     # Kommission hat festgelegt, dass … ein angemessener Datenschutz gewährleistet
                     # wird" (not "countries that do not provide an adequate level …")
                     r"|(?:European|EU|Europäische)\s+Kommission\b[^.;]{0,120}?(?<!\bnicht )(?<!\bkein )"
                     r"angemessene[rns]?\s+(?:Datenschutz|Schutzniveau)"
                     r"|(?:European|EU)\s+Commission\b[^.;]{0,120}?(?<!\bnot )(?<!\bno )(?<!\bnot an )"
                     r"adequate level of (?:data )?protection"
                     r"|(?<!\bnot )(?<!\bno )(?<!\bnot an )adequate level of (?:data )?protection"
                     r"\b[^.;]{0,80}?\bby the (?:European|EU) Commission"),
        ("consent", r"Art(?:\.|ikel)?\s*49|ausdrückliche[n]? Einwilligung in die Übermittlung"
                    # "Sie müssen der Übermittlung ausdrücklich zustimmen", "sofern Sie der
                    # Übermittlung ausdrücklich zugestimmt haben"
                    r"|\bÜbermittlung\b[^.;]{0,60}?\b(?:ausdrücklich|explizit)\s+"
                    r"(?:zu(?:stimmen|gestimmt)|einwillig\w*|eingewilligt)"
                    r"|explicit consent to (?:the|this) transfer"
                    # "By using our Services, you consent to such transfers."
                    r"|\byou (?:hereby |expressly )?(?:consent|agree) to (?:such|this|that|any|the"
                    r"|these) transfers?\b|your agreement to (?:that|this|such|the) transfer"
                    # "you consent to the processing, transfer and storage of information in …",
                    # "you consent to us transferring this information to …"
                    r"|" + _YOU_CONSENT),
)  # fmt: skip
_MECHANISMS = tuple((mech, folded(rx)) for mech, rx in _MECHANISM_PATTERNS)
_DPF = dict(_MECHANISMS)["DPF"]
_ADEQUACY = dict(_MECHANISMS)["adequacy"]
_CONSENT = dict(_MECHANISMS)["consent"]
# what names the controller ("Verantwortlich ist:", "The controller is", '("we", "us")')
CONTROLLER = folded(
    r"\b(?:Daten)?[Vv]erantwortlich\w*|\bcontroller\b|responsible party|responsible for (?:the )?(?:data )?"
    r"processing|established under the laws of|registered office|Anbieter dieser|Betreiber dieser"
    r"|operated (?:and controlled )?by|Name und Anschrift|hereinafter[^.]{0,20}\b(?:we|us)\b|nachfolgend „?wir"
    r"|\bCompany\b[^.]{0,60}\brefers to|\([^)]*[\"“„'](?:we|wir)[\"“”'],|Angaben gemä(?:ß|ss) §"
    # 'The terms "we," "us," and "Company" refer to Hello Bar LLC'
    r"|\bterms? [\"“„'](?:we|us),?[\"“”'][^.]{0,60}\brefers? to\b"
    r"|(?<![\w-])" + LEGAL_FORM + r"\s*\(\s*(?:nachfolgend|im Folgenden|hereinafter)\b"
    r"|verantwortliche Stelle|responsible body|responsible entity|entity responsible|app (?:creator|publisher|provider)s?:|Inhaber(?:in)?:|im Folgenden:?\s*[\"“„']?(?:wir|uns)\b"
    r"|ein Produkt der|ist ein Produkt von|is a product of|(?:developed|made|built) by|entwickelt von"
    r"|ein Angebot der|ist ein Angebot von|is an offering of"
    r"|^(?:Anbieter|Betreiber|Herausgeber|Provider|Publisher)\s*:?\s*$"  # a heading over the address
    # "The Company processing your data is X Ltd, with registered company address: …"
    r"|\b(?:company|entity|organi[sz]ation) (?:that |which |who )?process(?:es|ing) your (?:personal )?"
    r"(?:data|information) is\b|registered (?:company |business )?address"
)
_BIG_ENTITY = folded(
    r"Microsoft (?:Ireland|Corp)|One Microsoft|Redmond|Google (?:Ireland|LLC)|Amazon Web"
)
# "SmartAgentics, a North Carolina company", "a Delaware corporation": the entity is American
_US_ENTITY = re.compile(
    r"\b(?:a|an)\s+(?:" + US_STATE_NAMES + r")\s+(?:\((?:United States|USA|U\.S\.A?\.?)\)\s+)?"
    r"(?:(?i:non-?profit|not-for-profit)\s+)?(?:(?i:public benefit)\s+)?(?:company|corporation"
    r"|[Cc]orporation|limited liability company|LLC|limited partnership|business)\b"
)
# a place where data is stored, not where the vendor is: "in the West Europe (Netherlands) region"
_STORED_AT = folded(
    r"\bregion\b|\bstored (?:in|on)\b|\bhosted (?:in|on)\b|data ?cent(?:er|re)|Rechenzentr"
    r"|gespeichert|gehostet|\bServer(?:n|standort)? in\b|\bservers? (?:located )?in\b|Hosting"
)
_LOCATED_AT = re.compile(
    r"\b(?:located at|registered (?:office )?at|with (?:its )?(?:registered )?(?:offices?|address) at"
    r"|mit Sitz (?:in|an der)|Anschrift:?)\s",
    re.IGNORECASE,
)
_BASED = re.compile(
    r"\b(?:a|an|ein(?:e|em)?)\s+[A-Z][\w.]*[- ]based\s+(?:company|business|firm|startup|Unternehmen)"
    r"|\b(?:company|Unternehmen|[Ww]e are|(?:is|are) an? (?:[\w-]+ ){0,6}?(?:company|tool|service|app"
    r"|application|product|platform|business))\s+(?:based|headquartered|registered|incorporated"
    r"|located|operated|established)\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w ,]{2,40}"
    # "Acme Labs is based in the United States", "Acme Ltd is registered in England and Wales"
    r"|\b(?!(?:It|This|That|These|Our|Your|The|Data|Servers?|Hosting)\b)[A-Z][\w&.-]*"
    r"(?:,?\s+[A-Z][\w&.-]*){0,4}\s+(?:is|are)\s+(?:based|headquartered|registered|incorporated"
    r"|established)\s+in\s+(?:the\s+)?[A-Z][\w ,]{2,40}"
    r"|\bmit Sitz in\s+[A-ZÄÖÜ][\wäöüß-]+"
    r"|,\s+(?:registered|incorporated|headquartered|based|established)\s+in\s+(?:the\s+)?"
    r"[A-Z][\w ,]{2,30}"
    # "…, owner of the abovementioned website, with corporate domicile in Barcelona (Spain)"
    r"|\bwith (?:its )?(?:corporate |registered |legal )?(?:domicile|seat|headquarters)\s+in\s+"
    r"(?:the\s+)?[A-Z][\w ,()]{2,40}"
    r"|\bSitz (?:der Gesellschaft|des Unternehmens)?:?\s+[A-ZÄÖÜ][\wäöüß-]+",
)
_RECIPIENT_CUE = folded(
    r"process(?:or|es|ing)|host(?:s|ed|ing)|provider|Auftragsverarbeit|Dienstleister|Anbieter"
    r"|Empfänger|recipient|\bwe use\b|wir nutzen|setzen wir|nutzen wir|verwenden wir|Hoster"
    r"|Rechenzentr|data cent"
)
# a domain, e-mail address or link: its words are a name ("kostenloseswebhosting.de" hosts
# nothing for anyone)
_WEB_NAME = re.compile(r"(?<!\S)[^\s.]++(?:\.[^\s.]++)*?\.[a-z]{2,24}\b\S*")  # possessive: linear


def _cues_recipient(text: str) -> bool:
    return bool(_RECIPIENT_CUE.search(_WEB_NAME.sub(" ", text)))


# in the sentence that names an entity: it is the one that handles something for the vendor
_HANDLED_BY = folded(
    r"erfolgt über|abwicklung|\bvia\b|\bthrough\b|mittels|Zahlungs|payments? (?:are|is)"
    r"|\bwe (?:rely on|work with|partner with)\b|wir arbeiten mit"
)
_ACTS_AS = re.compile(r"\b(?:acts?|acting|handeln|tätig) (?:as|als) (?:an?|the|ein)? ?\w+", re.I)
_STOP_BLOCK = re.compile(r"datenschutzbeauftragt|data protection officer|\bDPO\b", re.I)
_LAWS_OF = re.compile(r"laws of (?:the )?(.{3,30}?)(?:,|\.|$| with)", re.I)
_DATE = folded(
    r"(?:Version:?\s*(?P<vy>\d{4})/(?P<vm>\d{2}))"
    r"|(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})"
    r"|(?:(?P<d2>\d{1,2})\.?\s+)?(?P<mon>Januar|Februar|März|April|Mai|Juni|Juli|August|September"
    r"|Oktober|November|Dezember|January|February|March|May|June|July|October|December)\s+"
    r"(?:(?P<d3>\d{1,2}),?\s+)?(?P<y2>\d{4})"
)
_DATE_CUE = folded(
    r"Stand|Version|Last (?:updated|modified|revised)|Effective|Letzte Aktualisierung|Zuletzt"
    r"|Veröffentlicht|Gültig ab|Datum|updated"
)
_MONTHS = {m: i for i, ms in enumerate((
    "", "januar january", "februar february", "märz march", "april", "mai may", "juni june",
    "juli july", "august", "september", "oktober october", "november", "dezember december"))
    for m in ms.split()}  # fmt: skip


class TransferHit(msgspec.Struct, frozen=True):
    country: str | None  # None: "outside the EEA", "in Drittländer" — no country named
    mechanism: Mechanism
    source: str
    confidence: float


# an app-compliance questionnaire's answer on where data is kept: "Wenn zugrunde liegende
# Infrastrukturprozesse … gespeichert werden, wo werden diese Daten geografisch gespeichert? |
# USA", "… where is this data geographically stored? | United States"
_STORAGE_ANSWER = folded(
    r"\b(?:geografisch gespeichert|geographically (?:stored|located|hosted))\b[^:?]{0,20}\?:\s"
)


def third_country_transfers(
    hits: list[TransferHit], vendor: VendorCountry | None
) -> list[TransferHit]:
    """The transfers that leave the vendor's data-protection area: a British or Swiss vendor
    does not transfer to its own country ("As a UK-based company, if we transfer data outside
    the UK …" names no transfer to the UK). A US vendor's own country stays, with or without a
    word of the GDPR: the record is kept for a European controller, and "Our servers are located
    in the US" is a third country to it (labellers took 21 of the 27 such places in the corpus;
    the rule that dropped them for policies silent on European law cost more than it saved).
    A questionnaire's storage answer ("wo werden diese Daten geografisch gespeichert? | USA")
    in the vendor's own country is where it keeps its data, no transfer it states."""
    home = vendor.country if vendor else None
    return [
        h
        for h in hits
        if not (h.country == home and (home in ("GB", "CH") or _STORAGE_ANSWER.search(h.source)))
    ]


class VendorCountry(msgspec.Struct, frozen=True):
    country: str
    source: str
    confidence: float


def _destination_text(s: str) -> str:
    """``s`` without the places it names as no destination: where data stays ("outside the
    EEA"), whose it is ("EU/EEA/UK personal data"), where it comes from, a country's law or
    authority, and where people are."""
    for rx in (_OUTSIDE, _EUROPEANS, _ORIGIN, _OUT_OF, _LAW_OF, _PEOPLE_IN, _FRAMEWORK_ORIGIN):
        s = rx.sub(" ", s)
    return s


# a framework named by where data comes from: the "U.S.-Swiss Safe Harbor Framework" moved data
# from Switzerland to the United States, not to Switzerland
_FRAMEWORK_ORIGIN = re.compile(
    r"(?:[-–]\s*|\band the\s+|&\s*|^)(?:Swiss|Switzerland|E\.?U\.?|European Union|UK|U\.K\.)"
    r"(?=\s+(?:Safe Harbou?r|Privacy Shield|Data Privacy Framework))"
    # … or named first: the "EU-U.S. and Swiss-U.S. Privacy Shield Frameworks"
    r"|\b(?:Swiss|E\.?U\.?|UK|U\.K\.)\s*[-–]\s*(?=U\.?S\.?\s+(?:and\s+(?:Swiss|UK)\s*[-–]\s*U\.?S\.?\s+)?"
    r"(?:Safe Harbou?r|Privacy Shield|Data Privacy Framework))",
    re.IGNORECASE,
)


def transfers_in(sents: list[str], paragraphs: list[str] | None = None) -> list[TransferHit]:
    """Third-country transfers the text states, each with the mechanism it names nearby.

    ``paragraphs[i]`` is the paragraph sentence ``i`` stands in: a mechanism stated anywhere in
    the same paragraph ("… auf Grundlage der EU-Standardvertragsklauseln …") belongs to it. A
    safeguard stated for third countries the text does not name is a hit with country None —
    the vendor file's ``country: null`` — unless the text names a destination, which then
    takes the safeguard if it has none of its own: a DPO reads "outside the EEA we rely on the
    SCC" as a commitment, not as nothing.
    """
    best: dict[str | None, dict[Mechanism, TransferHit]] = {}  # country → mechanism → hit
    for i, s in enumerate(sents):
        nxt = sents[i + 1] if i + 1 < len(sents) else ""
        # nearest first; a sentence that adds to this one ("In addition, we have concluded the
        # SCC") is part of it
        here = f"{s} {nxt}" if _ADDITIONALLY.match(nxt) else s
        order = [here, " ".join(sents[i + 1 : i + 3]), sents[i - 1] if i else ""]
        if paragraphs is not None:
            order.append(paragraphs[i])
        lead = sents[i - 1] if i and sents[i - 1].endswith(":") else ""
        moved = bool(
            _MOVE.search(s)
            or _STORAGE_ANSWER.search(s)
            or _MOVE.search(lead)
            or _abroad_guarded(s, " ".join(sents[i + 1 : i + 3]))
        )
        # without a verb of moving, a safeguard named with its country states a transfer: the
        # DPF (to the US: "Für die Verarbeitung in den USA stützen wir uns auf das EU-US DPF"),
        # or SCC/BCR for a named recipient ("| Twilio Inc. | USA | SCC |")
        dpf_only = not moved and _DPF.search(s) is not None
        guarded = (
            dpf_only
            or _ADEQUACY.search(s) is not None
            or (
                bool(words_of(s) & ALL_KEYS or _NAMES_ENTITY.search(s))
                and any(rx.search(s) for k, rx in _MECHANISMS if k in ("SCC", "BCR"))
            )
        )
        if not (moved or guarded) or _NO_TRANSFER.search(s) or _DEFINES.match(s):
            continue  # ('"SCCs" means the standard contractual clauses …' defines a term)
        outside = [
            c for c in countries_in(_destination_text(_without_home_clauses(s))) if c not in EU_EEA
        ]
        if not outside and _THIRD.search(s):  # "in Drittstaaten": the recipient's country above
            outside = [
                c for c in countries_in(" ".join(sents[max(0, i - 5) : i])) if c not in EU_EEA
            ][:1]
        if dpf_only:
            outside = [c for c in outside if c == "US"]
        # every safeguard the nearest passage that names one names ("on the DPF and, in
        # addition, the standard contractual clauses": both)
        # (an adequacy decision is per country: a named destination takes one only from its own
        # sentence, not from a neighbouring "… to countries recognised as adequate")
        mechs: list[Mechanism] = next(
            (
                named
                for at, part in enumerate(order)
                if (
                    named := [
                        k
                        for k, rx in _MECHANISMS
                        if rx.search(part) and not (k == "adequacy" and at and outside)
                    ]
                )
            ),
            ["none-stated"],
        )
        if "adequacy" in mechs and len(mechs) > 1:  # "ein Angemessenheitsbeschluss, das DPF",
            mechs.remove("adequacy")  # "ein angemessenes Niveau gemäß den SCC": the other one
        dest: list[str | None] = list(outside)
        if not dest:
            dest, mechs = _unnamed(s, here, sents[i + 1 : i + 1 + _LISTED_SAFEGUARDS], mechs)
        for country in dest:
            stated = best.setdefault(country, {})
            if mechs != ["none-stated"]:
                stated.pop("none-stated", None)
            elif stated:
                continue
            for mech in mechs:
                conf = 0.8 if mech != "none-stated" else 0.6
                stated.setdefault(mech, TransferHit(country, mech, s, conf))
    # a text that names where its data goes ("to our US sub-processors under the SCC") says
    # where its general safeguard applies: the unnamed countries are those named
    any_named = any(country is not None for country in best)
    general = best.get(None, {})
    for country, stated in best.items():
        if country is not None and list(stated) == ["none-stated"]:
            # "Data is hosted in the US." + "Outside the EEA we rely on the SCC.": the general
            # safeguard is the named country's (not an adequacy decision, which is per country)
            kept = {m: h for m, h in general.items() if m in ("SCC", "BCR")}
            if kept:
                stated.clear()
                stated.update(
                    {m: TransferHit(country, m, h.source, h.confidence) for m, h in kept.items()}
                )
    # … except an adequacy decision no named country takes: "to the US under the DPF; to other
    # countries on the basis of an adequacy decision" states both (labellers took 14 of the 17
    # such on 545 texts; an unnamed SCC or consent beside named countries, 4 of 11)
    named_mechs = {m for country, stated in best.items() if country is not None for m in stated}
    return [
        hit
        for country, stated in best.items()
        for hit in stated.values()
        if country is not None
        or not any_named
        or (hit.mechanism == "adequacy" and "adequacy" not in named_mechs)
    ]


def _without_home_clauses(s: str) -> str:
    """``s`` without its clauses (split at ";") on where processing mostly happens, when it has
    others: "Die Verarbeitung findet vorwiegend in der Schweiz statt; punktuelle Übermittlungen in
    Drittländer erfolgen nur mit geeigneten Garantien" names no transfer to Switzerland."""
    if ";" not in s:
        return s
    clauses = s.split(";")
    moving = [c for c in clauses if not _PROCESSED_MAINLY.search(c)]
    return "; ".join(moving) if moving and len(moving) < len(clauses) else s


# where processing mostly happens, a place of the vendor's own ("findet vorwiegend in … statt",
# "takes place mainly in …"), not a destination
_PROCESSED_MAINLY = folded(
    r"\b(?:vorwiegend|überwiegend|hauptsächlich|grundsätzlich|mainly|primarily|principally"
    r"|generally)\b[^;]{0,40}\b(?:statt|stattfinden|takes? place)\b"
    r"|\b(?:findet|finden|takes? place)\b[^;]{0,12}\b(?:vorwiegend|überwiegend|hauptsächlich"
    r"|grundsätzlich|mainly|primarily|principally|generally)\b"
)


def recipients_abroad(
    hits: list[TransferHit], recipients: Iterable[SubprocessorHit]
) -> list[TransferHit]:
    """``hits`` and a transfer to the United States when the text places a recipient there but
    states no transfer to it: "Für Terminbuchungen nutzen wir Calendly, Inc. (USA)" sends the
    booking data to the United States as surely as "… in die USA übermittelt" does. Labellers
    took a US transfer for 1,768 of the 1,967 recipients they placed in the US; for recipients
    placed elsewhere, 69 of 156 — a British, Swiss or Canadian office is mostly an adequate
    country or just where the provider sits (of 90 such drafts, 11 were labelled). The
    safeguard is the one the text states for third countries it does not name (SCC, BCR), as
    for a named destination without one of its own; else none is stated."""
    if any(h.country == "US" for h in hits):
        return hits
    placed = next((r for r in recipients if r.country == "US"), None)
    if placed is None:
        return hits
    general: list[Mechanism] = [
        h.mechanism for h in hits if h.country is None and h.mechanism in ("SCC", "BCR")
    ]
    return [
        *hits,
        *(TransferHit("US", m, placed.source, 0.5) for m in general or ["none-stated"]),
    ]


# the safeguards a list below names: "These safeguards may include:", "Dazu gehören:"
_SAFEGUARDS_LEAD = folded(
    r"^(?:These|Such|The)\s+(?:safeguards|measures|mechanisms)\b[^.:]{0,40}:\s*$"
    r"|^(?:Diese|Solche|Geeignete)\s+(?:Garantien|Ma(?:ß|ss)nahmen|Mechanismen)\b[^.:]{0,40}:\s*$"
)
_LISTED_SAFEGUARDS = 6  # the sentences after a transfer's sentence its safeguards may stand in


# data moved or kept abroad, to places not named: "may be transferred outside the European
# Union", "processed in countries outside your own", "in Drittländer übermittelt"
_TO_ABROAD = folded(
    r"\b(?:transfer(?:s|r\w*)?|transmitt\w*|process(?:ed|ing)?|stored|hosted|übermittelt|übertragen"
    r"|verarbeitet"
    # where the recipients are, not the readers ("users located outside the EEA"): "Some
    # providers may be located outside the UK/EEA"
    r"|(?:servers?|providers?|(?:sub-?)?processors?|data cent(?:er|re)s?|recipients?|vendors?)\s+"
    r"(?:(?:are|is|may be|might be|can be)\s+)?located"
    r"|gespeichert)\b[^.;]{0,60}?\b(?:(?:to|in|into)\s+(?:other\s+)?countries\s+(?:outside|other than)"
    # "we may transfer your User Information to other countries", "to a number of countries"
    r"|(?:to|in|into)\s+(?:other|a (?:number|series|variety) of|various|several|multiple)\s+countries\b"
    r"|outside (?:of )?(?:the )?(?:EU|EEA|European|UK\b|U\.K\.|United Kingdom"
    r"|your (?:home |own )?(?:country|jurisdiction))"
    r"|(?:to|in|into) (?:a )?third countr|in (?:ein )?Drittl[aä]nd|in (?:einen )?Drittstaat"
    r"|au(?:ß|ss)erhalb (?:der EU|des EWR|der Europäischen))"
    # German puts the place before the verb: "in Drittländer übermittelt werden"
    r"|\b(?:in (?:ein\w* )?Drittl[aä]nd|in (?:ein\w* )?Drittstaat|au(?:ß|ss)erhalb (?:der EU|des EWR"
    r"|der Europäischen))[^.;]{0,60}?\b(?:übermittelt|übertragen|verarbeitet|gespeichert)\b"
)


# "Ihnen steht das Recht zu, Auskunft darüber zu verlangen, ob … in ein Drittland … übermittelt
# werden", "the right to know whether your data is transferred to a third country"
_ASKS_WHETHER = folded(r"\b(?:ob|whether)\b[^.;]{0,80}\b(?:Drittl|Drittstaat|third countr|outside)")
# where the reader is, not the data: "If … you are located outside of the UK, you may be
# entitled to …"
_READER_ABROAD = folded(
    r"\b(?:you|users?|visitors?|customers?)\s+(?:are\s+|is\s+)?(?:located|based|resident|residing)"
    r"\s+outside\b"
)


def _unnamed(
    s: str, here: str, following: list[str], mechs: list[Mechanism]
) -> tuple[list[str | None], list[Mechanism]]:
    """A transfer to third countries the text does not name, with the safeguards the sentence
    itself names or, as a list's lead, the entries below it names: "Where personal data is
    transferred outside the EEA, we use … Standard Contractual Clauses". Not a heading over a
    passage ("International Data Transfers"), not Art. 49 consent (a derogation the texts cite
    as boilerplate, "in the case of express consent to the transfer …") unless the sentence
    tells the reader they consent ("By using the Service, you consent to the transfer of your
    data to these locations"); the DPF is the United States' own."""
    after = " ".join(following[:2])
    guarded_after = _abroad_guarded(s, after) and not _abroad_guarded(s)
    if not (_MOVE.search(s) or _abroad_guarded(s) or guarded_after):
        return [], mechs
    announced = bool(following) and _SAFEGUARDS_LEAD.match(following[0]) is not None
    lead = s.rstrip().endswith(":") or announced  # "… These safeguards may include:" over a list
    part = here + (" " + " ".join(following) if lead else "")
    if not lead and guarded_after:
        part = f"{here} {after}"  # the safeguard in the sentences right after
    named: list[Mechanism] = [
        k
        for k, rx in _MECHANISMS
        if (k != "consent" or _READER_CONSENTS.search(s)) and rx.search(part)
    ]
    if (
        not named
        and not lead
        and len(s.split()) >= 6
        and (abroad := _TO_ABROAD.search(s))
        and not NEGATION.search(s[: abroad.end()])  # "No personal data is transferred to …"
        and not _ASKS_WHETHER.search(s)  # the reader's right to ask whether data is moved
        and not _READER_ABROAD.search(s[: abroad.end()])
        and not _CONSENT.search(s)  # "In the case of express consent to the transfer … to third
        # countries, processing is also based on Art. 49": when a transfer may happen, a derogation
    ):  # "Please note that data may be transferred outside the European Union": a transfer to
        # countries it does not name, with no safeguard stated — a DPO's open question
        return [None], ["none-stated"]
    if not named or (len(s.split()) < 6 and not lead):
        return [], mechs
    if "adequacy" in named and len(named) > 1 and _ADEQUACY_NOUN.search(part) is None:
        named.remove("adequacy")
    if named == ["DPF"]:
        return ["US"], named
    return [None], [k for k in named if k != "DPF"]


# "providers outside the European Union" (third countries: ``_THIRD``)
_OUTSIDE_EUROPE = folded(
    r"\b(?:outside|au(?:ß|ss)erhalb|not (?:part|a member|members) of)\s+(?:of\s+)?(?:the\s+|der\s+"
    r"|des\s+)?(?:EU|EEA|EWR|European|Europäischen|UK|United Kingdom)\b"
    # the reader's own country: "transferred to countries outside your country of residence",
    # "in countries other than your own"
    r"|\boutside (?:of )?your (?:\w+,\s+)*(?:country|jurisdiction)\b|\bcountries other than\b"
)


def _abroad_guarded(s: str, following: str = "") -> bool:
    """A sentence that places recipients abroad and names their safeguard, there or in the
    sentences right after it, states a transfer without a verb of moving: "Where we use
    providers outside the European Union, we ensure … safeguards …, such as Standard
    Contractual Clauses"; "… processed by service providers located outside of the EEA. We have
    entered into appropriate contracts … Such contracts include the standard contractual
    clauses"."""
    abroad = _OUTSIDE_EUROPE.search(s) or _THIRD.search(s) or _INTERNATIONAL.search(s)
    return bool(abroad) and any(rx.search(f"{s} {following}") for _, rx in _MECHANISMS)


# a transfer named international is one abroad: "GitHub hat Compliance-Maßnahmen für
# internationale Datenübermittlungen umgesetzt. … Diese Maßnahmen basieren auf den
# EU-Standardvertragsklauseln (SCCs)."
_INTERNATIONAL = folded(
    r"\binternationale[nr]? (?:Daten)?(?:übermittlung|übertragung|transfer)\w*"
    r"|\binternational (?:data )?transfers?\b|\btransfers? (?:of (?:personal )?data )?internationally\b"
)


# an adequacy decision named as a safeguard of its own, not "an adequate level under the SCC"
_ADEQUACY_NOUN = folded(r"Angemessenheitsbeschlu|adequacy (?:decision|regulation)")


# a definition of a term: '"Standard Contractual Clauses" or "SCCs" means …', '„SCC“ bezeichnet …'
_DEFINES = re.compile(
    r"^\W*[\"“„'][^\"“”„']{1,80}[\"“”'](?:\s+or\s+[\"“„'][^\"“”„']{1,40}[\"“”'])?\s*(?:means|refers to"
    r"|shall mean|bezeichnet|bedeutet|meint)\b",
    re.IGNORECASE,
)
# where the people whose data it is live, not where the controller is: "personal data of
# individuals located in the EEA or the United Kingdom"
_PEOPLE_IN = re.compile(
    r"\b(?:individuals|users|residents|persons|people|customers|visitors|data subjects|Nutzer\w*"
    r"|Personen|Kunden|Besucher\w*|Betroffene\w*)\s+(?:who (?:we \w+ to be|are)\s+|die\s+)?"
    r"(?:(?:located|based|resident|residing|living|wohnhaft|ansässig)\s+)?(?:in|within|im|aus)\s+[^.;:]{0,80}"
    # the reader's own place: "If you are located in Canada, this section applies to you."
    r"|\b(?:you are|you're|you live|you reside|Sie sind|du bist|Sie wohnen|du wohnst)\s+"
    r"(?:(?:located|based|resident|residing|living|a resident|wohnhaft|ansässig)\s+)?"
    r"(?:in|of|within|im)\s+(?:(?:the\s+)?(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
    + _AREA_ABBR
    + r"(?:,\s+|,?\s+(?:or|and)\s+)(?=(?:the\s+)?(?-i:[A-Z])))*"
    r"[^.;:,]{0,80}"
    # "For UK users: …", "For GDPR users (EU/UK):", "Für Nutzer in der Schweiz"
    r"|\b(?-i:For|Für)\s+(?-i:[A-Z][\w/().-]*\s+){1,3}(?:users|customers|residents|visitors"
    r"|individuals|Nutzer\w*|Kunden)\b(?:\s*\([^)]{0,20}\))?"
    # an authority named by its country: "your UK data protection authority"
    r"|\b(?:[\w.-]+\s+){1,3}(?:data protection authorit\w*|supervisory authorit\w*"
    r"|Datenschutzbehörde|Datenschutzaufsichtsbehörde|Aufsichtsbehörde)",
    re.IGNORECASE,
)


# a German controller cue ("Verantwortlich ist:", "Anbieter/Betreiber der App") over an address
# whose town has a five-digit postcode: German, where Austria, Switzerland and Liechtenstein have
# four digits ("68305 Mannheim", "Markt, 52058 Aachen")
_GERMAN_CUE = re.compile(
    r"[Vv]erantwortlich|Anbieter|Betreiber|Inhaber|Herausgeber|Name und Anschrift|Angaben gemä(?:ß|ss)"
)
_FIVE_DIGIT_TOWN = re.compile(r"(?:^|,\s*)\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+(?:[\s,-]|$)")
# "X GmbH, Windthorststraße 68, 48143 Münster (im Folgenden: fileee)": the short name the
# policy calls the entity by from here on, the vendor's own
_NAMED_HEREAFTER = re.compile(r"^[^()]{5,100}\((?:im Folgenden|nachfolgend|hereinafter)\b", re.I)


_SUBPROCESSORS_NAMED = folded(
    r"\b(?:folgende|following)\s+(?:\w+\s+)?(?:Unterauftragsverarbeiter|Subunternehmer"
    r"|sub-?processors)\b"
)


def vendor_country(all_lines: list[Line]) -> VendorCountry | None:
    """The country of the legal entity's address, from the block that names the controller."""
    for n, line in enumerate(all_lines):
        if not CONTROLLER.search(line.text) or _BIG_ENTITY.search(line.text):
            continue
        if _SUBPROCESSORS_NAMED.search(line.text):
            continue  # "… setzt folgende Unterauftragsverarbeiter ein, denen der Verantwortliche
            # zustimmt:" — the places below are the processors', not the vendor's
        located = _LOCATED_AT.search(line.text)  # "… maintained by X BV, located at <address>"
        address = line.text[located.end() : located.end() + 120] if located else ""
        shaped = address_country(address) or (
            "US" if address and _TOWN_IN_A_STATE.search(address) else None
        )
        if shaped:
            return VendorCountry(shaped, line.text, 0.75)
        stop = _STOP_BLOCK.search(line.text)
        if stop:  # "The controller is X GmbH, <address>, Austria. The data protection officer is …"
            before = line.text[: stop.start()]
            named = (
                countries_in(re.sub(r"\b[A-Z]{2}\b", " ", before))
                if CONTROLLER.search(before)
                else []
            )
            if named and len(before) <= 300 and not _STORED_AT.search(before):
                return VendorCountry(named[0], line.text, 0.75)
            continue
        laws = _LAWS_OF.search(line.text)
        if laws and countries_in(laws.group(1)):
            return VendorCountry(countries_in(laws.group(1))[0], line.text, 0.9)
        if laws and _US_STATE_LAW.match(laws.group(1)):
            return VendorCountry("US", line.text, 0.85)
        if len(line.text) > 400:  # a long paragraph that says "verantwortlich" about someone else
            own = _own_seat_sentence(line.text)  # … unless a sentence of it places "us"
            if own:
                return own
            continue
        block: list[str] = []
        for nxt in all_lines[n : n + 7]:  # the address follows the controller's name
            if block and (_STOP_BLOCK.search(nxt.text) or nxt.row):
                break  # (a table row below names a processor's place, not the vendor's)
            if not _BIG_ENTITY.search(nxt.text):  # a provider's address is not the vendor's
                block.append(nxt.text)
        text = "\n".join(block)
        for at, entry in enumerate(block):  # the address right after the name comes first
            if _US_ENTITY.search(entry):
                return VendorCountry("US", text, 0.8)
            if _STORED_AT.search(entry) and not address_country(entry):
                continue  # where data is kept, not the vendor's address
            entry = _PEOPLE_IN.sub(" ", entry)
            named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", entry))  # "DE" may be Delaware
            if named and len(entry) <= 200:
                return VendorCountry(named[0], text, 0.85)
            # "80331 München" by a street, "Austin, TX 78701" …
            shaped = address_country("\n".join(block[: at + 1]))
            if shaped:
                return VendorCountry(shaped, text, 0.7)
            if at and len(entry) <= 80 and _GERMAN_CUE.search(line.text):
                if _FIVE_DIGIT_TOWN.search(entry):  # "Verantwortlich ist:" / "Korbangel 56" /
                    return VendorCountry("DE", text, 0.65)  # "68305 Mannheim"
        kept = "\n".join(  # (a paragraph far below the name is no part of an address)
            _PEOPLE_IN.sub(" ", e) for e in block if not _STORED_AT.search(e) and len(e) <= 300
        )
        named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", kept))
        if named:
            return VendorCountry(named[0], text, 0.8)
    if found := _address_row_country(all_lines):
        return found
    for line in all_lines[:12]:  # "SmartAgentics, a North Carolina company"
        if _US_ENTITY.search(line.text) and not _BIG_ENTITY.search(line.text):
            return VendorCountry("US", line.text, 0.7)
    for line in all_lines[:12]:  # "Example Ltd, a UK-based company", "mit Sitz in Wien"
        m = _BASED.search(line.text)
        near = line.text[max(0, m.start() - 80) : m.end()] if m else ""
        said = re.sub(r"\bUS(?=[- ]based\b)", "USA", m.group(0)) if m else ""  # "a US-based"
        if not m or _BIG_ENTITY.search(near) or names_provider(near):
            continue
        if _cues_recipient(line.text[max(0, m.start() - 80) : m.start()]):
            continue  # "Our hosting partner Example Cloud is based in France"
        if countries_in(said):
            return VendorCountry(countries_in(said)[0], line.text, 0.7)
    announced = False  # inside a list announced as the sub-processors
    for line in all_lines[:15]:  # "Datenschutzerklärung der Muster GmbH, Hauptstr. 1, 10115 Berlin"
        if line.kind != "bullet":
            announced = bool(_SUBPROCESSORS_NAMED.search(line.text))
        entity = ENTITY.search(line.text) or _LOWER_ENTITY.search(line.text)
        if entity is None or _BIG_ENTITY.search(line.text) or announced:
            continue
        after = line.text[entity.end() : entity.end() + 160]
        after = re.split(  # its sentence; "3. OG" (a floor) ends none
            r"(?:(?<=[a-z)])|(?<=\d\d))\.\s+(?=[A-ZÄÖÜ])", after, maxsplit=1
        )[0]
        # the entity the policy calls by a short name from here on ("… (im Folgenden: fileee)")
        # is the vendor, whatever else its paragraph says
        hereafter = bool(_NAMED_HEREAFTER.search(after))
        if names_provider(entity.group(0)) or (_STORED_AT.search(line.text) and not hereafter):
            continue  # "Server in Deutschland (Hetzner Online GmbH, Falkenstein)": the host's
        if len(line.text) > 400 and entity.start() > 20 and not hereafter:
            continue  # a long paragraph, unless it opens with the entity and its address
        around = _ACTS_AS.sub(" ", f"{line.text[: entity.start()]} {after}")
        if _cues_recipient(around) or _HANDLED_BY.search(around):
            continue  # a processor's or a host's address is not the vendor's
        named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", after))
        shaped = address_country(after)
        placed = re.match(
            r"^\s*[–—,-]\s*[A-Z][^.]{0,60}\.?$", after
        )  # "Inc. – Port Charlotte, USA."
        if shaped or (named and (re.match(r"^,?\s*[^.]{0,60}?\b\d{1,5}[a-z]?\b", after) or placed)):
            return VendorCountry(named[0] if named else str(shaped), line.text, 0.6)
    return (
        _postal_block_country(all_lines)
        or _self_placed(all_lines)
        or _street_address(all_lines)
        or _contact_sentence_country(all_lines)
    )


# the policy's own postal contact written into a sentence: "you can contact us at Octaaf
# Soudanstraat 22, Sint-Denijs-Westrem, 9051 Belgium or privacy@…", "contact the Privacy
# Administrator at: legal@…; 2nd Floor, …, Dublin 1, Ireland."
_CONTACT_AT = folded(
    r"\b(?:contact|write to|reach|mail|send|call)\s+(?:us|the\s+(?:[\w-]+\s+){0,4}?)"
    r"\s*(?:at|to|via|by post at|by mail at)\b:?\s*(?P<rest>[^\n]{10,220})"
)
# where the address ends: an e-mail alternative or the sentence's end
_ADDRESS_END = re.compile(r"\s+or\s+(?:by\s+)?(?:e-?mail|at)\b|\.\s+(?=[A-Z])", re.IGNORECASE)


def _contact_sentence_country(all_lines: list[Line]) -> VendorCountry | None:
    """The country that ends the address a "contact us at …" sentence gives, when no address
    block placed the vendor: an address has a number (a street's, a postcode's) and is not an
    authority's, a representative's or a big provider's."""
    for line in all_lines:
        for m in _CONTACT_AT.finditer(line.text):
            rest = _ADDRESS_END.split(m.group("rest"), maxsplit=1)[0]
            whom = line.text[m.start() : m.start("rest")]  # ("write to the supervisory authority")
            if (
                not re.search(r"\d", rest)
                or _BIG_ENTITY.search(rest)
                or _NOT_OURS.search(whom + rest)
            ):
                continue
            named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", rest))  # ("DE" may be Delaware)
            if named:
                return VendorCountry(named[-1], line.text, 0.5)
    return None


# a sentence that names the vendor itself and its seat: "… provided by Flightradar24 AB
# (hereinafter "Flightradar24", "we", "us", or "our"), …, having its registered address at …,
# Sweden", "our registered office is at …, Manchester, M1 2HF, UK"
_OWN_SEAT = folded(
    r"hereinafter[^.]{0,40}\b(?:we|us)\b|\([^()]{0,40}[\"“](?:we|us)[\"”]"
    r"|\bour registered (?:office|address)"
)  # (not "with its registered office at": a provider's seat is written so too)


def _own_seat_sentence(paragraph: str) -> VendorCountry | None:
    """The country of a sentence, within a long paragraph, that names the vendor as "we" with
    its seat — the paragraph as a whole may speak of others' places too."""
    for s in sentences(paragraph):
        if len(s) > 300 or not CONTROLLER.search(s) or not _OWN_SEAT.search(s):
            continue
        if _BIG_ENTITY.search(s) or names_provider(s) or _STORED_AT.search(s):
            continue
        kept = _PEOPLE_IN.sub(" ", s)
        named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", kept))
        found = named[0] if named else address_country(kept)
        if found:
            return VendorCountry(found, s, 0.7)
    return None


_ROMANCE_STREET = re.compile(  # "Via Valentina 11, 38121 Trento" is Italian
    r"\b(?:Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Calle|Carrer|Avenida|Rua|Plaza"
    r"|Paseo|Strada|Ulica|ul\.)\s+(?:[\w.-]+\s+){0,3}$"
)
# a street and number, then a five-digit postcode and its town: "Leopoldstraße 31 80802
# München", "Am Born 13, 65719 Hofheim am Taunus", "Viktoria-Luise-Platz 7" / "10777 Berlin" —
# Germany's shape (Austria, Switzerland and Liechtenstein have four digits)
_GERMAN_ADDRESS = re.compile(
    r"\b[A-ZÄÖÜ][\wäöüß.-]*(?:\s[A-ZÄÖÜa-zäöüß][\wäöüß.-]*){0,3}\s?\d{1,4}\s?[a-zA-Z]?"
    r"(?:\s?[-–]\s?\d{1,4})?\s*(?:,\s*|\s+)\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+"
)
# the policy's own contact block: the address after it is the vendor's
_CONTACT_US = folded(
    r"\b(?:contact|write to|reach|email|e-mail|mail|send|call)\s+us\b|\bby mail at\b"
    r"|\bplease contact\b"
    r"|\bKontaktieren Sie uns\b|\bschreiben Sie uns\b"
)
# a postal contact: "via mail to Trend Micro Incorporated, …", "by regular mail addressed to
# BatchBlue Software, Inc., …", "send a letter to …" — the vendor's own address when it is
# written out as American (not enough to make a provider's address the vendor's)
_POSTAL_CONTACT = folded(
    r"\b(?:via|by)\s+(?:regular\s+|postal\s+|physical\s+)?mail\b|\bletter to\b|\baddressed to\b"
)


def _after_contact(text: str) -> str:
    """``text`` after its last "contact us": what a contact line says before it ("questions about
    … our processing of your information, please contact:") is no recipient's cue."""
    ends = [m.end() for m in _CONTACT_US.finditer(text)]
    return text[ends[-1] :] if ends else text


_PLACEHOLDER_CODE = re.compile(r"\b(?:12345|00000|54321|11111|99999)\b")
# whose address it is not: an authority's, a representative's, a processor's or a host's
_NOT_OURS = folded(
    r"Aufsichtsbehörde|Landesbeauftragt|Bundesbeauftragt|Beauftragte[nr]? für (?:den )?Datenschutz"
    r"|supervisory authority|\bVertreter(?:in)?\b|\brepresentative\b|Auftragsverarbeit|processor"
    r"|Bereitsteller|\bder Firma\b|software (?:der|von|of|by)\b"
)


def _street_address(all_lines: list[Line]) -> VendorCountry | None:
    """Where no cue placed the vendor: the first German street address or American town with
    its state and ZIP that is not an authority's, a representative's, a processor's or a
    provider's (a policy's own address block often stands under "Kontakt" or the company's
    name, with no controller cue)."""
    for n, line in enumerate(all_lines):
        m = _GERMAN_ADDRESS.search(line.text)
        # "Denver, CO 80216"; Australia's and Canada's shapes read like America's ("Redfern NSW
        # 2016", "M6P 3T1")
        us = (
            None
            if m
            else (
                US_TOWN.search(line.text)
                or AU_TOWN.search(line.text)
                or CA_POSTCODE.search(line.text)
            )
        )
        if us is not None:
            m = us
        if m is None or line.row or _PLACEHOLDER_CODE.search(m.group(0)):
            continue  # (a table row lists processors; "Data City, DC 12345" is a template's)
        before = " ".join(x.text for x in all_lines[max(0, n - 3) : n]) + line.text[: m.start()]
        before = before[-300:]
        said = _after_contact(before)  # ("… share your data with processors … Contact us at:")
        if _BIG_ENTITY.search(before) or _NOT_OURS.search(said) or _cues_recipient(said):
            continue
        if us and _STOP_BLOCK.search(before):
            continue  # an American officer's address need not be the vendor's
        if _STORED_AT.search(before[-120:]) or (
            names_provider(before[-120:]) and not _CONTACT_US.search(before[-160:])
        ):
            continue  # (a provider named in the policy's own "contact us" block is the vendor:
            # "please contact us at: Datadog, Inc. 620 8th Avenue, … New York, NY 10018")
        if _ROMANCE_STREET.search(line.text[max(0, m.start() - 40) : m.start()] + " ") or (
            _ROMANCE_STREET.match(m.group(0).split()[0] + " ")
        ):
            continue
        home = "DE" if us is None else address_country(m.group(0)) or "US"
        written = set(countries_in(line.text[m.end() : m.end() + 40])) - {"DE"}
        # the shape's own country written out confirms it ("Toronto, ON" / "M6P 3T1 Canada");
        # an American one only in the policy's contact block: a German text's "…, CA 94103,
        # USA" is mostly a provider's the lexicon does not know
        ours = us is not None and written == {home}
        if ours and home == "US":
            ours = bool(_CONTACT_US.search(before[-160:]) or _POSTAL_CONTACT.search(before[-160:]))
        if written and not ours:  # "Ahtri tn 12, 10151 Tallinn, Estonia": the country is
            continue  # written out (not "… contact us at: … San Francisco, CA 94123 USA")
        return VendorCountry(home, line.text, 0.5)
    return None


# where a policy says, anywhere, where the vendor itself is: "SignedBy is operated from the
# United States", "We're utilized globally and headquartered in the United States", "Contraption
# Co. LLC is a U.S. company", "Canada (where we are based)", "We operate in the United Kingdom."
_PLACE = r"(?:the\s+)?(?:U\.S\.(?!\w)|U\.K\.(?!\w)|[A-Z]\w*(?:\s+[A-Z]\w*){0,2})"
_SELF_PLACED = re.compile(
    # "Our organization is registered in Luxembourg"
    r"(?:\b[Ww]e(?:\s+are|['’]re)|\bOur\s+(?:company|organi[sz]ation|business|firm"
    r"|headquarters|head office|registered office)\s+(?:is|are)"
    r"|\b(?!(?:It|This|That|These|Our|Your|The|Data|Servers?)\b)"
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\s+(?:is|are))"
    r"(?:\s+\w+ly|(?:\s+[\w-]+){1,3}?\s+and)?\s+(?:operated|headquartered|based|located"
    r"|registered|incorporated)\s+(?:from|in)"
    r"\s+(?P<place>" + _PLACE + r")"
    # "Hyperknot Software Kft., based in Hungary", "MuseCY SM Ltd., a Cyprus company", "FCFD, a
    # French limited liability company"
    # "SPMS Comply Eaze Solutions LLP, a limited liability partnership registered in India"
    r"|(?:(?<![\w-])" + LEGAL_FORM + r"|\b[A-Z]{2,}\b)\**,\s+(?:(?:an?\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:company|partnership|corporation)\s+)?"
    r"(?:based|headquartered|registered|incorporated)\s+in\s+(?P<beside>" + _PLACE + r")"
    r"|an?\s+(?P<kind>U\.S\.|US|UK|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:company|corporation)\b)"
    r"|(?:\b[Ww]e|\b(?!(?:It|This|That|These|Our|Your|The|Data|Servers?)\b)[A-Z][\w&.-]*"
    r"(?:\s+[A-Z][\w&.-]*){0,3})\s+operates?\s+(?:from|out\s+of)\s+(?P<from>" + _PLACE + r")"
    r"|\b(?:is|are)\s+an?\s+(?P<adj>U\.S\.|US|UK|[A-Z][a-z]+(?: [A-Z][a-z]+)?)[- ]"
    r"(?:(?:based|registered|incorporated|headquartered)\s+)?"
    r"(?:company|corporation|business|entity)\b"
    r"|\b(?P<before>" + _PLACE + r")\s+\((?:where|in which)\s+we\s+are"
    r"\s+(?:based|headquartered|located)\)"
    r"|(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))We\s+operate\s+(?:in|from)\s+(?P<only>" + _PLACE + r")"
    r"\.(?!\w)"
    # "We are Nordeus Limited, incorporated and registered in Ireland", "Arrowmail is a Limited
    # Company registered in the UK"
    r"|(?:\b[Ww]e\s+are|\b(?!(?:It|This|That|These|Our|Your|The|Data|Servers?)\b)[A-Z][\w&.-]*"
    r"(?:\s+[A-Z][\w&.-]*){0,3}\s+is)\s+(?:an?\s+)?(?:[A-Z][\w&.-]*,?\s+){1,4}?"
    r"(?:incorporated\s+and\s+registered|registered|incorporated)\s+in\s+(?P<reg>" + _PLACE + r")",
    re.MULTILINE,
)
# "a Canadian company", "a British company": the nationality, where countries_in knows the name
_DEMONYMS = {
    "American": "US", "British": "GB", "Canadian": "CA", "Australian": "AU", "Irish": "IE",
    "Dutch": "NL", "Swiss": "CH", "Austrian": "AT", "French": "FR", "Swedish": "SE",
    "Danish": "DK", "Finnish": "FI", "Norwegian": "NO", "Belgian": "BE", "Spanish": "ES",
    "Italian": "IT", "Polish": "PL", "Estonian": "EE", "Israeli": "IL", "Indian": "IN",
}  # fmt: skip


def _self_placed(all_lines: list[Line]) -> VendorCountry | None:
    """The country a policy says the vendor is in or operates from, where no address gives it:
    the last resort. "We are based in" is the vendor; "X is based in" only when X is no known
    provider and the sentence names no recipient, host or place of storage up to the claim."""
    for line in all_lines:
        for m in _SELF_PLACED.finditer(line.text):
            start = line.text.rfind(". ", 0, m.start()) + 1
            head = line.text[start : m.end()]
            if _STORED_AT.search(head) or _BIG_ENTITY.search(head):
                continue
            ours = re.match(r"\s*(?:[Ww]e\b|Our\b|\(where|\(in which)", m.group(0)) or m.group(
                "before"
            )
            if not ours and (names_provider(head) or _cues_recipient(head)):
                continue
            said = next(
                g
                for g in m.group("place", "from", "adj", "before", "only", "beside", "kind", "reg")
                if g
            )
            named = [_DEMONYMS[said]] if said in _DEMONYMS else countries_in(said)
            if len(named) == 1:
                return VendorCountry(named[0], head.strip(), 0.5)
    return None


# "80331 München", "A-1010 Wien", "110 00 Praha 1" (Czech, Slovak, Swedish, Greek postcodes)
# (and Poland's "50-424 Wroclaw")
_POSTCODE_LINE = re.compile(
    r"\b(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3} \d{2}|\d{2}-\d{3})\s+[A-ZÄÖÜ][\wäöüß-]+"
)
# a line that a postcode and its country close: "Bakirkoy Istanbul 34147 Turkey", "Mūrinė g.
# 45, Vilnius, 11107, Lithuania", "San Diego, CA 92121, USA" (the word a country's name, not a
# town's: "10969 Berlin" names no country)
# (a region may stand between: "Ahmedabad-380015, Gujarat, India.")
_CODE_THEN_COUNTRY = re.compile(
    r"\b(?:\d{4,6}|\d{3} \d{2}|\d{2}-\d{3}),?\s+(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+)?"
    r"([A-Z][A-Za-z]+)\.?$"
)
_AUTHORITY = folded(
    r"Information Commissioner|\bICO\b|ico\.org\.uk|supervisory authority|Aufsichtsbehörde"
    r"|Wycliffe House"
    # any data-protection authority the reader may complain to: "Swedish Authority for Privacy
    # Protection (IMY)", "Data Protection Commission", "CNIL", "Datenschutzbehörde"
    r"|\b(?:lodge|file) a complaint\b|\bBeschwerde\b|Authority for Privacy|Data Protection"
    r" (?:Commission|Authority)|\bCNIL\b|Datenschutzbehörde"
)
# a town with its postcode after it, where a country's addresses write it so: "Ho Chi Minh
# 70000", "Singapore 018956", "Liberec, 460 01" (the next line must then name the country, as
# nothing else does)
_TOWN_POSTCODE = re.compile(r"[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,3},?\s+(?:\d{4,6}|\d{3} \d{2})")
# a British postcode after its town, which names the country by its shape: "London, EC2A 4NE",
# "Stafford ST16 9AB" (outward code: one or two letters, a digit, a digit or letter; inward: a
# digit and two letters)
_UK_POSTCODE = re.compile(r"\b[A-Z][a-z]+,?\s+[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
# the country closing the town's line, after a separator or in capitals ("31400 Toulouse, France",
# "3900 Overpelt - Belgium", "75009 Paris FRANCE")
_COUNTRY_AFTER = re.compile(
    r"(?:(?:,|\s[-–—])\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)|\s+([A-Z]{4,}(?: [A-Z]{4,})?))\s*$"
)


def _country_word(word: str) -> str | None:
    """The country a line's closing word names: a country's name ("Turkey", "Lithuania") or one
    in capitals ("USA", "POLAND"), never a town's."""
    if named := country_named(word):
        return named
    found = countries_in(word) if word.isupper() and len(word) >= 3 else []
    return found[0] if len(found) == 1 else None


def _postal_block_country(all_lines: list[Line]) -> VendorCountry | None:
    """A postal address with its country written out ("81247 Munich" / "Germany", or
    "…, 3900 Overpelt - Belgium") in a block that is not a data-protection officer's,
    Microsoft's or a processor's: the vendor's contact address, where no controller cue is."""
    for n, line in enumerate(all_lines):
        text = line.text.strip().rstrip(",;").rstrip()  # "Fremont," / "CA 94539," / "United States"
        nxt = all_lines[n + 1].text.strip() if n + 1 < len(all_lines) else ""
        closing = _CODE_THEN_COUNTRY.search(text)
        closed = _country_word(closing.group(1)) if closing else None
        uk = False
        if closed:  # the line itself ends in its country
            country = [closed]
        else:
            m = _POSTCODE_LINE.search(text)
            uk = not m and _UK_POSTCODE.search(text) is not None  # "Paul Street, London, EC2A 4NE"
            late = not m and not uk and _TOWN_POSTCODE.fullmatch(text) is not None
            if not m and not uk and not late:
                shaped = _entity_address(all_lines, n) if len(text) <= 80 else None
                if shaped:  # "Acme Inc." / "100 Broad Street" / "New York, NY 10004"
                    return VendorCountry(shaped, text, 0.55)
                continue
            tail = _COUNTRY_AFTER.search(text[m.end() :]) if m else None
            country = ["GB"] if uk else countries_in(tail.group(1) or tail.group(2)) if tail else []
            if late:  # "Ho Chi Minh 70000" / "Vietnam": only a country on a line of its own
                named = (
                    countries_in(nxt) if len(nxt.split()) <= 3 and not re.search(r"\d", nxt) else []
                )
                country = named if len(named) == 1 else []
            elif not country and len(nxt.split()) <= 3:
                country = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", nxt))
        if not country:
            continue
        above = all_lines[max(0, n - 4) : n + 1]
        before = " ".join(x.text for x in above)
        if _BIG_ENTITY.search(before) or _cues_recipient(_after_contact(before)):
            continue
        if _AUTHORITY.search(before) or _REPRESENTATIVE.search(before):
            continue  # an authority's or a representative's (Art. 27) address, not the vendor's
        if any(  # (a heading "Controller / Data Protection Officer" over one address is both's)
            _STOP_BLOCK.search(x.text) and not (x.kind == "heading" and CONTROLLER.search(x.text))
            for x in above
        ):
            continue
        return VendorCountry(country[0], f"{text} {nxt}".strip(), 0.6)
    return None


# a label that only the vendor's own address has: "Physical address", "Firmensitz"; a bare
# "Address" / "Anschrift" only as a table row's label (a form's "Address:" may be the reader's)
_OWN_ADDRESS_LABEL = re.compile(
    r"(?:physical|company|business|registered|postal|mailing|head ?office|corporate)\s+address"
    r"|headquarters|company headquarters|Firmensitz|Hauptsitz(?: des Unternehmens)?"
    r"|Sitz des Unternehmens|Geschäftsadresse|Firmenanschrift"
    r"|Physische Adresse|Anschrift des Unternehmens|Postanschrift"
    # an app-compliance page's "Firmenstandort | Niederlande", "Company location | Canada"
    r"|Firmenstandort|Unternehmensstandort|Standort des Unternehmens|company location"
    r"|headquarters location|(?:company )?HQ",
    re.IGNORECASE,
)
# an American state named as the entity's law or its address's last part: "organized and existing
# under the laws of the State of California", "located at 424 East Main, Ste. 201, Bozeman,
# Montana" (not Georgia, which is also a country: "Tbilisi, Georgia")
_US_STATE_LAW = re.compile(r"^(?:(?:State|Commonwealth) of )?(?:" + US_STATE_NAMES + r")\b")
_TOWN_IN_A_STATE = re.compile(
    r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*(?!Georgia\b)(?:" + US_STATE_NAMES + r")\b(?!\s+\w)"
)
_ROW_ADDRESS_LABEL = re.compile(r"address|adresse|anschrift", re.IGNORECASE)


_ENDS_IN_A_STATE = re.compile(
    r",\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*(?:" + "|".join(US_STATES) + r")\.?\s*$"
)


def _address_row_country(all_lines: list[Line]) -> VendorCountry | None:
    """The country of the address a questionnaire or a fact table gives the vendor:
    "| Physical address | 1 Curiosity Way, San Mateo, CA 94403 |" (Microsoft's app
    compliance pages), "Firmensitz: Wien, Österreich" — not in a sub-processors' table."""
    announced = False
    for n, line in enumerate(all_lines):
        if line.kind != "bullet":
            announced = bool(_SUBPROCESSORS_NAMED.search(line.text) or _cues_recipient(line.text))
        said = line.row_rest or line.text if line.row else line.text  # (a questionnaire's row)
        label, sep, value = said.partition(":")
        label = label.strip(" *|")
        if not sep or announced or len(label) > 40:
            continue
        if not (
            _OWN_ADDRESS_LABEL.fullmatch(label)
            or (
                _ROW_ADDRESS_LABEL.fullmatch(label)
                and (line.row or _contact_address(all_lines, n, value))
            )
        ):
            continue
        if not value.strip(" *"):  # "Postal address:" over the address, one part per line
            block = []
            for nxt in all_lines[n + 1 : n + 8]:
                if (
                    (nxt.kind == "heading" and not nxt.numbered)
                    or len(nxt.text) > 80
                    or ":" in nxt.text
                ):
                    break
                block.append(nxt.text)
            value = ", ".join(block)
        value = value.split(";")[0]
        named = countries_in(re.sub(r"\b[A-Z]{2}\b", " ", value))
        shaped = named[0] if named else address_country(value)
        if not shaped and _ENDS_IN_A_STATE.search(value):
            shaped = "US"  # "1928 Pearl Street, Boulder, CO"
        if shaped:
            return VendorCountry(shaped, said, 0.75)
    return None


def _contact_address(all_lines: list[Line], n: int, value: str) -> bool:
    """Whether a bare "Address:" line gives a postal address with its postcode ("Address:
    1742 Independence blvd, Sarasota FL, 34237") outside an officer's, a representative's, a
    provider's or a processor's block: a contact address, not a form's field for the reader's
    (nor a template's "Data City, DC 12345")."""
    if address_country(value) is None or _PLACEHOLDER_CODE.search(value):
        return False
    block: list[str] = []  # the lines above it, up to its section's heading
    for above in reversed(all_lines[max(0, n - 4) : n]):
        block.append(above.text)
        if above.kind == "heading":
            break
    before = " ".join(block)
    return not (_REPRESENTATIVE.search(before) or _another_partys(before))


_REPRESENTATIVE = re.compile(r"\brepresentative\b|\bVertreter(?:in)?\b", re.IGNORECASE)


def _another_partys(before: str) -> bool:
    """Whether the lines above an address make it someone else's: a data-protection officer's,
    Microsoft's or another big provider's, a recipient's or a known provider's."""
    return bool(
        _STOP_BLOCK.search(before)
        or _BIG_ENTITY.search(before)
        or _cues_recipient(before)
        or names_provider(before)
    )


def _entity_address(all_lines: list[Line], n: int) -> str | None:
    """The country of a short address line ("New York, NY 10004", "London EC1A 1BB") right
    under a legal entity's name, in a block that is no officer's, provider's or processor's."""
    shaped = address_country(all_lines[n].text)
    if shaped is None or all_lines[n].row:
        return None
    block = [x.text for x in all_lines[max(0, n - 3) : n]]
    if not any(ENTITY.search(x) and len(x) <= 80 for x in block):
        return None
    return None if _another_partys(" ".join(block)) else shaped


# the names a policy gives itself near its top: 'Pendo.io, Inc. ("Pendo," "we," "us")', 'by
# Datadog, Inc. (collectively, "Datadog," "we" or "us")', "ActiveCampaign, Inc.'s
# ("ActiveCampaign")" — a provider the lexicon knows is not its own sub-processor
_SELF_DEFINED = re.compile(
    r"(?P<before>[A-Z][\w.&'’-]*(?:[ ,]+[\w.&'’/-]+){0,9}?)(?:['’]s)?\s*"
    r"\((?P<inside>(?:collectively,?\s*|hereinafter,?\s*|together,?\s*)?[“\"‘'][^()]{1,140})\)"
)
_QUOTED = re.compile(r"[“\"‘']\s*([^“”\"‘’']{2,40}?)\s*[,.]?\s*[”\"’']")
_WE = {"we", "us", "our", "ours", "wir", "uns", "unser"}
_AND_AFFILIATES = re.compile(
    r"\band (?:its|their) (?:affiliates|subsidiaries|group of companies|affiliated companies)$"
)
_CAPITALISED_RUN = re.compile(r"(?:\b[A-Z][\w.&'’-]*\s?){1,5}$")
_GENERIC_SELF_NAME = re.compile(
    r"^(?:the )?(?:company|service|services|site|website|app|application|platform|provider"
    r"|processor|controller|customer|you|your|user|anbieter|verantwortliche\w*|extension|add-?in"
    r"|bot|tool|software|product|plugin|plug-in)$",
    re.IGNORECASE,
)


def self_defined(all_lines: list[Line]) -> list[str]:
    """The names the policy's opening defines for the vendor itself: the quoted short names
    of a parenthesis that also defines "we"/"us", or that follows a legal entity, and that
    entity's name."""
    for line in all_lines[:25]:
        for m in _SELF_DEFINED.finditer(line.text):
            quoted = [q.strip() for q in _QUOTED.findall(m.group("inside"))]
            before = m.group("before").rstrip()
            entity = ENTITY.search(before + " ")
            ours = any(q.casefold() in _WE for q in quoted)
            # "BigMarker, Inc. located in Chicago … and its affiliates (“BigMarker”)"
            named_entity = entity is not None and (
                before.endswith(entity.group(0).rstrip())
                or re.search(r"['’]s$", m.group(0).split("(")[0].rstrip()) is not None
                or _AND_AFFILIATES.search(before) is not None
            )
            lead = line.text[max(0, m.start() - 80) : m.start()] + before
            if not ours and (not named_entity or _cues_recipient(lead)):
                continue  # ('our payment processor, Stripe, Inc. ("Stripe")' defines another)
            names = [
                q for q in quoted if q.casefold() not in _WE and not _GENERIC_SELF_NAME.match(q)
            ]
            if entity is not None:
                names.append(entity.group("name"))
            elif ours and (run := _CAPITALISED_RUN.search(before)):
                names.append(run.group(0))  # 'LinkedIn Lead Checker ("we", "our", or "us")'
            if names:
                return names
    return []


def own_entity(all_lines: list[Line]) -> str | None:
    """The vendor's own legal entity ("Muster GmbH") from the block naming the controller."""
    for n, line in enumerate(all_lines):
        if CONTROLLER.search(line.text) and not _BIG_ENTITY.search(line.text):
            for nxt in all_lines[n : n + 4]:
                if _CUSTOMER_CONTROLS.search(nxt.text):
                    break  # "Who is the controller? The customer is …": not the vendor's block
                m = ENTITY.search(nxt.text) or _LOWER_ENTITY.search(nxt.text)
                if m and not _BIG_ENTITY.search(m.group(0)):
                    return m.group("name")
    return None


# the customer, not the vendor, is the controller ("The customer is the controller within the
# meaning of Art. 4 No. 7 GDPR"): the legal entities after it are not the vendor's own
_CUSTOMER_CONTROLS = re.compile(
    r"\b(?:the customer|our customers?|der Kunde|die Kundin|unsere Kunden|the client)\s+(?:is|are"
    r"|ist|sind|remains?|bleibt|bleiben|acts? as)\s+(?:the\s+|der\s+|die\s+)?(?:data\s+)?"
    r"(?:controller|Verantwortliche)",
    re.IGNORECASE,
)
# a brand written in lower case: "ein Angebot der rapidmail GmbH"
_LOWER_ENTITY = re.compile(
    r"\b(?!(?:der|die|das|den|dem|des|the|a|an|von|of|by)\b)(?P<name>[a-z][\w&'’+-]*[a-z0-9]),?\s"
    + LEGAL_FORM
    + r"(?![\w-])"
)


def policy_date(text: str) -> tuple[str, str] | None:
    """(ISO date, as written) of the policy's "last updated"/"Stand" date near the top."""
    head = text[:3000]
    for m in _DATE.finditer(head):
        before = head[max(0, m.start() - 60) : m.start()]
        if not _DATE_CUE.search(before) and not m.group("vy") and m.start() > 200:
            continue
        if m.group("vy"):
            return f"{m.group('vy')}-{m.group('vm')}", m.group(0)
        if m.group("y"):
            return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}", m.group(0)
        month = _MONTHS[m.group("mon").casefold()]
        day = m.group("d2") or m.group("d3")
        iso = f"{m.group('y2')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return iso, m.group(0)
    return None
