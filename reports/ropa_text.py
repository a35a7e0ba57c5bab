"""Column headings and cell wording of the Art. 30 record, German and English.

German columns follow the DSK's "Muster: Verzeichnis von Verarbeitungstätigkeiten –
Verantwortlicher gem. Artikel 30 Abs. 1 DS-GVO"; English ones the ICO's "Documentation template
for controllers". Both are followed by the evidence columns the scan adds.
"""

from __future__ import annotations

import msgspec

COLUMN_KEYS = (
    "activity",
    "introduced",
    "department",
    "purpose",
    "joint_controller",
    "subjects",
    "data",
    "recipients",
    "role",
    "dpa",
    "third_countries",
    "safeguards",
    "retention",
    "toms",
    "legal_basis",
    "art9",
    "location",
    "source",
    "apps",
    "disclosed",
)


class Text(msgspec.Struct, frozen=True, kw_only=True):
    columns: dict[str, str]
    header: dict[str, str]  # controller block, sheet names, recipient/evidence columns
    to_fill: str
    none: str
    not_stated: str
    count_unknown: str
    people: str
    kinds: dict[str, str]
    roles: dict[str, str]
    role_unknown_vendor: str
    sub_processor: str
    in_eea: str
    activity: str
    vendor_purpose: str
    purposes: dict[str, str]  # no stated purpose: "disclosed" | "undisclosed" | "unknown"
    transfer_recipient: str
    unnamed_countries: str  # the country cell of a transfer whose countries the policy omits
    joint_check: str
    dpa_controller: str
    dpa_to_fill: str
    dpa_on_file: str  # the profile lists the vendor in dpa_on_file
    dpa_not_on_file: str  # a processor the profile does not list
    dpa_not_stated: str  # the catalog does not say whether the vendor is a processor
    vendor_claims: str
    vendor_bases: str
    art9_check: str
    art9_none: str
    source_graph: str
    source_scim: str
    first_grant: str
    disclosed_yes: str
    disclosed_no: str
    disclosed_none: str
    yes: str
    no: str


DE = Text(
    columns={
        "activity": "Bezeichnung der Verarbeitungstätigkeit",
        "introduced": "Datum der Einführung",
        "department": "Verantwortliche Fachabteilung / Ansprechpartner",
        "purpose": "Zwecke der Verarbeitung",
        "joint_controller": "Name und Kontaktdaten der gemeinsam Verantwortlichen",
        "subjects": "Kategorien betroffener Personen",
        "data": "Kategorien personenbezogener Daten",
        "recipients": "Kategorien von Empfängern",
        "role": "Rolle des Empfängers (laut Anbieter)",
        "dpa": "Auftragsverarbeitungsvertrag (Art. 28 DS-GVO)",
        "third_countries": "Übermittlung an ein Drittland oder eine internationale Organisation",
        "safeguards": "Geeignete Garantien (Art. 46 DS-GVO)",
        "retention": "Vorgesehene Fristen für die Löschung (Löschfristen)",
        "toms": "Technische und organisatorische Maßnahmen (TOM, Art. 32 Abs. 1 DS-GVO)",
        "legal_basis": "Rechtsgrundlage (Art. 6 DS-GVO)",
        "art9": "Bedingung nach Art. 9 Abs. 2 DS-GVO",
        "location": "Ort der Verarbeitung",
        "source": "Datenquelle",
        "apps": "Anwendungen (App-ID)",
        "disclosed": "Vom Anbieter offengelegt",
    },
    header={
        "controller": "Verantwortlicher (Name, Anschrift, Kontakt)",
        "representative": "Vertreter in der Union (Art. 27 DS-GVO)",
        "dpo": "Datenschutzbeauftragter (Kontakt)",
        "tenant": "Microsoft-365-Mandant",
        "scanned_at": "Erfasst am",
        "sheet_controller": "Verantwortlicher",
        "sheet_activities": "Verarbeitungstätigkeiten",
        "sheet_recipients": "Empfänger und Übermittlungen",
        "sheet_evidence": "Nachweise",
        "recipient": "Empfänger",
        "country": "Land",
        "third_country": "Drittland",
        "safeguard": "Garantie",
        "app": "App",
        "app_id": "App-ID",
        "category": "Datenkategorie",
        "access": "Zugriff",
        "scope": "Wer",
        "count": "Personen",
        "disclosed": "Offengelegt",
        "wording": "Wortlaut des Anbieters",
        "evidence": "Nachweis (Berechtigungen)",
        "title": "Verzeichnis von Verarbeitungstätigkeiten (Entwurf)",
    },
    to_fill="[vom Verantwortlichen auszufüllen]",
    none="keine",
    not_stated="nicht angegeben",
    count_unknown="Anzahl nicht bestimmbar",
    people="ca. {n} Personen",
    kinds={"employee": "Beschäftigte", "guest": "Gäste", "external-contact": "externe Kontakte"},
    roles={
        "processor": "Auftragsverarbeiter",
        "controller": "eigenständig Verantwortlicher",
        "unspecified": "nicht angegeben",
    },
    role_unknown_vendor="Anbieter unbekannt",
    sub_processor="Unterauftragsverarbeiter",
    in_eea="nicht erforderlich (EU/EWR)",
    activity="Datenzugriff durch {name} (Microsoft 365)",
    vendor_purpose="laut Anbieter: {purpose} [vom Verantwortlichen zu bestätigen]",
    purposes={
        "disclosed": "[vom Verantwortlichen auszufüllen — der Anbieter nennt die Daten, aber "
        "keinen Zweck]",
        "undisclosed": "[vom Verantwortlichen auszufüllen — der Anbieter legt diese Daten "
        "nicht offen]",
        "unknown": "[vom Verantwortlichen auszufüllen — keine Anbieterangaben hinterlegt]",
    },
    transfer_recipient="Empfänger einer Drittlandübermittlung",
    unnamed_countries="Drittländer (in der Erklärung nicht benannt)",
    joint_check="[prüfen: Anbieter handelt laut Datenschutzerklärung als Verantwortlicher]",
    dpa_controller="nicht anwendbar, falls eigenständig verantwortlich [prüfen]",
    dpa_to_fill="[vom Verantwortlichen auszufüllen: AVV abgeschlossen am …]",
    dpa_on_file="AVV liegt vor (laut Profil: dpa_on_file)",
    dpa_not_on_file="AVV liegt nicht vor (nicht im Profil erfasst) [AVV nach Art. 28 DS-GVO "
    "abschließen oder Datum eintragen]",
    dpa_not_stated="nicht angegeben (Rolle des Anbieters unklar) [prüfen, ob ein AVV nötig ist]",
    vendor_claims="Angaben des Anbieters (nicht geprüft): {claims}",
    vendor_bases="Anbieter nennt: {bases} [Rechtsgrundlage des Verantwortlichen auszufüllen]",
    art9_check="[prüfen: Gruppennamen deuten auf besondere Kategorien (Art. 9) hin]",
    art9_none="keine besonderen Kategorien erkannt",
    source_graph="Microsoft 365 (Zugriff über die Berechtigungen der App)",
    source_scim="Microsoft Entra ID (Bereitstellung per SCIM)",
    first_grant="erste Berechtigung erteilt am {date}",
    disclosed_yes="ja",
    disclosed_no="nein — nicht alle Daten offengelegt",
    disclosed_none="keine Anbieterangaben hinterlegt",
    yes="ja",
    no="nein",
)

EN = Text(
    columns={
        "activity": "Processing activity",
        "introduced": "Date introduced",
        "department": "Business function",
        "purpose": "Purpose of processing",
        "joint_controller": "Name and contact details of joint controller (if applicable)",
        "subjects": "Categories of individuals",
        "data": "Categories of personal data",
        "recipients": "Categories of recipients",
        "role": "Recipient's role (as the vendor states it)",
        "dpa": "Link to contract with processor",
        "third_countries": "Names of third countries or international organisations that "
        "personal data are transferred to (if applicable)",
        "safeguards": "Safeguards for exceptional transfers of personal data to third "
        "countries or international organisations (if applicable)",
        "retention": "Retention schedule (if possible)",
        "toms": "General description of technical and organisational security measures "
        "(if possible)",
        "legal_basis": "Article 6 lawful basis for processing personal data",
        "art9": "Article 9 basis for processing special category data",
        "location": "Location of personal data",
        "source": "Source of personal data",
        "apps": "Apps (app ID)",
        "disclosed": "Disclosed by vendor",
    },
    header={
        "controller": "Controller (name, address, contact)",
        "representative": "Representative in the EU/UK (Art. 27)",
        "dpo": "Data protection officer (contact)",
        "tenant": "Microsoft 365 tenant",
        "scanned_at": "Scanned at",
        "sheet_controller": "Controller",
        "sheet_activities": "Processing activities",
        "sheet_recipients": "Recipients and transfers",
        "sheet_evidence": "Evidence",
        "recipient": "Recipient",
        "country": "Country",
        "third_country": "Third country",
        "safeguard": "Safeguard",
        "app": "App",
        "app_id": "App ID",
        "category": "Data category",
        "access": "Access",
        "scope": "Who",
        "count": "People",
        "disclosed": "Disclosed",
        "wording": "Vendor's wording",
        "evidence": "Evidence (permissions)",
        "title": "Record of processing activities (draft)",
    },
    to_fill="[to be completed by the controller]",
    none="none",
    not_stated="not stated",
    count_unknown="number not determinable",
    people="about {n} people",
    kinds={"employee": "employees", "guest": "guests", "external-contact": "external contacts"},
    roles={
        "processor": "processor",
        "controller": "independent controller",
        "unspecified": "not stated",
    },
    role_unknown_vendor="vendor unknown",
    sub_processor="sub-processor",
    in_eea="not needed (EU/EEA)",
    activity="Data access by {name} (Microsoft 365)",
    vendor_purpose="as the vendor states it: {purpose} [controller to confirm]",
    purposes={
        "disclosed": "[to be completed by the controller — the vendor names the data but no "
        "purpose]",
        "undisclosed": "[to be completed by the controller — the vendor does not disclose "
        "this data]",
        "unknown": "[to be completed by the controller — no vendor disclosure on file]",
    },
    transfer_recipient="recipient of a third-country transfer",
    unnamed_countries="third countries (not named in the policy)",
    joint_check="[check: the vendor's policy says it acts as a controller]",
    dpa_controller="not applicable if an independent controller [check]",
    dpa_to_fill="[to be completed by the controller: DPA signed on …]",
    dpa_on_file="on file (recorded in the profile: dpa_on_file)",
    dpa_not_on_file="not on file (not recorded in the profile) [sign a DPA under Art. 28 GDPR "
    "or enter its date]",
    dpa_not_stated="not stated (the vendor's role is unclear) [check whether a DPA is needed]",
    vendor_claims="Vendor's claims (not verified): {claims}",
    vendor_bases="the vendor names: {bases} [controller's own lawful basis to be completed]",
    art9_check="[check: group names suggest special category data (Art. 9)]",
    art9_none="no special category data seen",
    source_graph="Microsoft 365 (access through the app's permissions)",
    source_scim="Microsoft Entra ID (SCIM provisioning)",
    first_grant="first permission granted {date}",
    disclosed_yes="yes",
    disclosed_no="no — not all data is disclosed",
    disclosed_none="no vendor disclosure on file",
    yes="yes",
    no="no",
)

TEXT: dict[str, Text] = {"de": DE, "en": EN}

__all__ = ["COLUMN_KEYS", "DE", "EN", "TEXT", "Text"]
