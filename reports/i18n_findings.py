"""Findings, actions and "what was read", worded for a DPO in German and English.

The scanner decides (code, severity, evidence) and writes an English message; a German report
must not show that English sentence. Each known finding code therefore has a title, a sentence
template filled from facts the inventory holds (app name, vendor, the app's flows, the vendor's
catalog record) and the action it asks for — revoke, restrict, ask the vendor, sign a DPA. A code
this module does not know yet is shown with the scanner's own message (never dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from m365inv.catalog.model import EU_EEA
from m365inv.classify import flows as _flow_notes
from m365inv.classify.addins import NOTE_ITEM, NOTE_LEVEL_UNKNOWN, NOTE_OFF_BY_DEFAULT
from m365inv.classify.provisioning import NOTE_ASSIGNED_UNKNOWN, NOTE_SYNC_SCOPE
from m365inv.models import App, Coverage, Finding, Flow, VendorInfo
from m365inv.reports.i18n import category_label, check_lang, number

_T = dict[str, tuple[str, str]]  # code -> (en, de)

TITLES: _T = {
    "CONTENT_ACCESS": ("Reads content", "Liest Inhalte"),
    "EMPLOYEE_MONITORING": ("Can monitor employees", "Kann Beschäftigte überwachen"),
    "ART9_GROUP_NAME": (
        "Special-category data in group names",
        "Besondere Kategorien in Gruppennamen",
    ),
    "UNDISCLOSED_CATEGORY": (
        "Data the vendor does not disclose",
        "Vom Anbieter nicht offengelegte Daten",
    ),
    "REACH_WIDER_THAN_DISCLOSED": (
        "Reach wider than disclosed",
        "Reichweite größer als offengelegt",
    ),
    "THIRD_COUNTRY_SUBPROCESSOR": (
        "Sub-processors outside the EU/EEA",
        "Unterauftragsverarbeiter außerhalb EU/EWR",
    ),
    "REVERSIBLE_PASSWORD_ENCRYPTION": (
        "Vendor holds usable credentials",
        "Anbieter hält verwendbare Zugangsdaten",
    ),
    "STORED_IMPERSONATION_CREDENTIAL": (
        "Vendor holds an impersonation-capable credential",
        "Anbieter hält Zugangsdaten, mit denen er als Konto handeln kann",
    ),
    "SEND_AS_ANY_USER": ("Can send mail as anyone", "Kann als beliebige Person E-Mails senden"),
    "TENANT_WIDE_WRITE": (
        "Can change everyone's mail, contacts or calendars",
        "Kann E-Mails, Kontakte oder Kalender aller ändern",
    ),
    "MAILBOX_FORWARDING": (
        "Can forward any mailbox outward",
        "Kann jedes Postfach nach außen weiterleiten",
    ),
    "PRIVILEGE_ESCALATION": (
        "Can grant itself more access",
        "Kann sich selbst weitere Rechte verschaffen",
    ),
    "SENSITIVE_GROUP_NAME": (
        "Employee-representation groups readable",
        "Gruppen der Beschäftigtenvertretung lesbar",
    ),
    "GUESTS_REACHED": ("Guests' data reached (Art. 14)", "Daten von Gästen erreicht (Art. 14)"),
    "VENDOR_MATCH_UNCONFIRMED": ("Vendor match unconfirmed", "Anbieterzuordnung unbestätigt"),
    "POSSIBLE_IMPERSONATION": ("Possible impersonation", "Mögliche Nachahmung eines Anbieters"),
    "PROCESSOR_WITHOUT_DPA": (
        "No data-processing agreement on file",
        "Kein Auftragsverarbeitungsvertrag hinterlegt",
    ),
    "PROCESSING_LOCATION_UNKNOWN": (
        "Processing location unknown",
        "Ort der Verarbeitung unbekannt",
    ),
    "POLICY_UNDATED": ("Privacy policy undated", "Datenschutzerklärung ohne Datum"),
    "STALE_POLICY": ("Privacy policy outdated", "Datenschutzerklärung veraltet"),
    "STALE_APP": ("App unused for a long time", "App lange nicht genutzt"),
    "NO_DISCLOSURE_ON_FILE": ("No vendor disclosure on file", "Keine Anbieterangaben hinterlegt"),
    "UNVERIFIED_PUBLISHER": ("Publisher not verified", "Herausgeber nicht verifiziert"),
    "UNRESOLVED_PERMISSION": ("Unknown permission", "Unbekannte Berechtigung"),
    "UNCLASSIFIED_PERMISSION": (
        "Permission not yet classified",
        "Berechtigung noch nicht eingeordnet",
    ),
    "LOW_CONFIDENCE_MATCH": ("Vendor match uncertain", "Anbieterzuordnung unsicher"),
    "NO_VENDOR_MATCH": ("Vendor unknown", "Anbieter unbekannt"),
    "FIRST_PARTY": ("Microsoft app", "Microsoft-App"),
}

ACTIONS: _T = {
    "CONTENT_ACCESS": (
        "Restrict the app to the mailboxes/sites it needs, or revoke the consent",
        "Zugriff auf die nötigen Postfächer/Websites beschränken oder Einwilligung widerrufen",
    ),
    "EMPLOYEE_MONITORING": (
        "Involve the works council; restrict or revoke the permission",
        "Betriebsrat beteiligen; Berechtigung beschränken oder widerrufen",
    ),
    "ART9_GROUP_NAME": (
        "Restrict group access; document an Art. 9 (2) condition",
        "Gruppenzugriff beschränken; Bedingung nach Art. 9 Abs. 2 dokumentieren",
    ),
    "UNDISCLOSED_CATEGORY": (
        "Ask the vendor to disclose this data, or restrict the permission",
        "Anbieter um Offenlegung bitten oder Berechtigung beschränken",
    ),
    "REACH_WIDER_THAN_DISCLOSED": (
        "Restrict the app to the users who need it (assignment required)",
        "App auf die benötigten Nutzer beschränken (Zuweisung erforderlich)",
    ),
    "THIRD_COUNTRY_SUBPROCESSOR": (
        "Ask the vendor for the transfer safeguard (SCC, DPF)",
        "Anbieter nach der Garantie für die Übermittlung fragen (SCC, DPF)",
    ),
    "REVERSIBLE_PASSWORD_ENCRYPTION": (
        "Ask the vendor; rotate the credential; prefer certificate-based app access",
        "Anbieter fragen; Zugangsdaten wechseln; zertifikatsbasierten App-Zugriff bevorzugen",
    ),
    "STORED_IMPERSONATION_CREDENTIAL": (
        "Scope the service account narrowly; rotate it; prefer certificate-based app access",
        "Dienstkonto eng begrenzen; Zugangsdaten wechseln; zertifikatsbasierten App-Zugriff "
        "bevorzugen",
    ),
    "SEND_AS_ANY_USER": (
        "Restrict sending to the mailboxes it needs (Exchange RBAC for Applications), or revoke",
        "Versand auf die nötigen Postfächer beschränken (Exchange-RBAC für Anwendungen) oder "
        "widerrufen",
    ),
    "TENANT_WIDE_WRITE": (
        "Restrict write access to the mailboxes it needs, or revoke",
        "Schreibzugriff auf die nötigen Postfächer beschränken oder widerrufen",
    ),
    "MAILBOX_FORWARDING": (
        "Revoke MailboxSettings write; block automatic external forwarding",
        "Schreibrecht auf Postfacheinstellungen widerrufen; automatische externe Weiterleitung "
        "sperren",
    ),
    "PRIVILEGE_ESCALATION": (
        "Revoke unless the app must manage apps or domains; review its owners",
        "Widerrufen, sofern die App nicht Apps oder Domänen verwalten muss; Besitzer prüfen",
    ),
    "SENSITIVE_GROUP_NAME": (
        "Restrict group access; inform the works council",
        "Gruppenzugriff beschränken; Betriebsrat informieren",
    ),
    "GUESTS_REACHED": (
        "Inform guests (Art. 14) or restrict the app to members",
        "Gäste informieren (Art. 14) oder App auf Mitglieder beschränken",
    ),
    "VENDOR_MATCH_UNCONFIRMED": (
        "Confirm the vendor (app id or verified publisher) in the catalog",
        "Anbieter im Katalog bestätigen (App-ID oder verifizierter Herausgeber)",
    ),
    "POSSIBLE_IMPERSONATION": (
        "Check the app's owner; revoke its consent if it is not the vendor's",
        "Besitzer der App prüfen; Einwilligung widerrufen, wenn sie nicht vom Anbieter stammt",
    ),
    "PROCESSING_LOCATION_UNKNOWN": (
        "Ask the vendor where the data is processed (and under which safeguard)",
        "Anbieter fragen, wo die Daten verarbeitet werden (und mit welcher Garantie)",
    ),
    "POLICY_UNDATED": (
        "Ask the vendor for its current privacy policy and DPA",
        "Aktuelle Datenschutzerklärung und AVV beim Anbieter anfordern",
    ),
    "STALE_APP": (
        "If no longer used: remove its permissions (or the app); ask the vendor to delete the data",
        "Falls nicht mehr genutzt: Berechtigungen (oder App) entfernen; Anbieter um Löschung "
        "der Daten bitten",
    ),
    "STALE_POLICY": (
        "Ask the vendor for its current privacy policy and DPA",
        "Aktuelle Datenschutzerklärung und AVV beim Anbieter anfordern",
    ),
    "NO_DISCLOSURE_ON_FILE": (
        "Ask the vendor for its privacy policy and a DPA; revoke if unknown",
        "Datenschutzerklärung und AVV anfordern; bei unbekanntem Anbieter widerrufen",
    ),
    "UNVERIFIED_PUBLISHER": (
        "Check who publishes the app; revoke if unknown",
        "Herausgeber prüfen; bei Unklarheit widerrufen",
    ),
    "UNRESOLVED_PERMISSION": ("Review the permission by hand", "Berechtigung manuell prüfen"),
    "UNCLASSIFIED_PERMISSION": ("Review the permission by hand", "Berechtigung manuell prüfen"),
    "LOW_CONFIDENCE_MATCH": ("Confirm the vendor", "Anbieter bestätigen"),
    "NO_VENDOR_MATCH": ("Identify the vendor", "Anbieter ermitteln"),
}
REVIEW = (
    "Review the finding; restrict, revoke or document the decision",
    "Befund prüfen; beschränken, widerrufen oder Entscheidung dokumentieren",
)
SIGN_DPA = (
    "Sign a data-processing agreement (Art. 28) or file the existing one",
    "Auftragsverarbeitungsvertrag (Art. 28) abschließen oder vorhandenen ablegen",
)

_DE: dict[str, str] = {
    "CONTENT_ACCESS": "{app} kann den Inhalt von E-Mails, Chats, Besprechungen oder Dateien "
    "lesen – {reach}.",
    "EMPLOYEE_MONITORING": "{app} kann Anwesenheits-, Anruf-, Besprechungs-, Anmelde-, "
    "Sicherheits- oder Nutzungsdaten von Beschäftigten lesen und ist damit eine technische "
    "Einrichtung zur Verhaltens- oder Leistungskontrolle (Mitbestimmung nach § 87 Abs. 1 Nr. 6 "
    "BetrVG).",
    "ART9_GROUP_NAME": "{app} kann Gruppennamen und Mitgliedschaften lesen; {n} Gruppenname(n) "
    "lassen auf besondere Kategorien personenbezogener Daten (Art. 9 DS-GVO) schließen und sind "
    "für die App und ihren Betreiber lesbar.",
    "UNDISCLOSED_CATEGORY": "{app} erreicht {n} Datenkategorien ({cats}), die die "
    "Datenschutzerklärung von {vendor} nicht nennt.",
    "REACH_WIDER_THAN_DISCLOSED": "{app} erreicht Daten aller Personen im Mandanten, die "
    "Datenschutzerklärung von {vendor} spricht nur von den angemeldeten oder ausgewählten "
    "Nutzern.",
    "THIRD_COUNTRY_SUBPROCESSOR": "{vendor} nennt Unterauftragsverarbeiter außerhalb der EU/des "
    "EWR ({countries}) – {mechanism}.",
    "REVERSIBLE_PASSWORD_ENCRYPTION": "{vendor} gibt an, Passwörter umkehrbar verschlüsselt zu "
    "speichern; der Anbieter hält damit Zugangsdaten, mit denen er im Namen des Kontos handeln "
    "kann.",
    "POLICY_UNDATED": "Die hinterlegte Datenschutzerklärung von {vendor} nennt kein Datum; ob "
    "sie aktuell ist, lässt sich nicht beurteilen.",
    "STALE_POLICY": "Die hinterlegte Datenschutzerklärung von {vendor} stammt von {date} und "
    "beschreibt womöglich nicht mehr, was der Anbieter heute tut.",
    "STALE_APP": "{app} {since}, kann aber weiterhin "
    "personenbezogene Daten erreichen; wird die App nicht mehr genutzt, Berechtigungen (oder "
    "die App) entfernen und den Anbieter um Löschung der Daten bitten.",
    "NO_DISCLOSURE_ON_FILE": "{app} kann personenbezogene Daten erreichen, aber für den Anbieter "
    "ist keine Datenschutzerklärung hinterlegt; die Datenflüsse lassen sich nicht abgleichen.",
    "UNVERIFIED_PUBLISHER": "Der Herausgeber von {app} ist nicht von Microsoft verifiziert{wide}.",
    "UNRESOLVED_PERMISSION": "{app} hat eine Berechtigung, deren Name nicht aufgelöst werden "
    "konnte; was sie öffnet, ist unbekannt.",
    "UNCLASSIFIED_PERMISSION": "{app} hat eine Berechtigung, die m365inv noch nicht einordnen "
    "kann; welche personenbezogenen Daten sie öffnet, muss manuell geprüft werden.",
    "LOW_CONFIDENCE_MATCH": "Der Anbieter von {app} wurde nur über den Anzeigenamen zugeordnet.",
    "NO_VENDOR_MATCH": "Für {app} ist kein Anbieter im Katalog hinterlegt.",
    "FIRST_PARTY": "{app} ist eine App von Microsoft.",
}


MESSAGES_DE: dict[str, str] = {
    "finding.UNRESOLVED_PERMISSION": "{app} hat eine {kind}-Berechtigung auf {resource}, deren "
    "Name nicht aufgelöst werden konnte; was sie öffnet, ist unbekannt.",
    "finding.UNCLASSIFIED_PERMISSION": "{app} hat {permission} auf {resource}, eine Berechtigung, "
    "die m365inv noch nicht einordnen kann; welche personenbezogenen Daten sie öffnet, muss "
    "manuell geprüft werden.",
    "finding.EMPLOYEE_MONITORING": "{app} kann Anwesenheits-, Anruf-, Besprechungs-, Anmelde-, "
    "Sicherheits- oder Nutzungsdaten von Beschäftigten lesen und ist damit eine technische "
    "Einrichtung zur Verhaltens- oder Leistungskontrolle (Mitbestimmung nach § 87 Abs. 1 Nr. 6 "
    "BetrVG).",
    "finding.CONTENT_ACCESS.tenant": "{app} kann den Inhalt von E-Mails, Chats, Besprechungen "
    "oder Dateien aller Personen im Mandanten lesen.",
    "finding.CONTENT_ACCESS.limited": "{app} kann den Inhalt von E-Mails, Chats, Besprechungen "
    "oder Dateien lesen, soweit angemeldete Nutzer oder ausgewählte Ressourcen es zulassen.",
    "finding.SEND_AS_ANY_USER": "{app} kann als jede Person im Mandanten E-Mails senden "
    "(Anwendungsberechtigung); E-Mails, die scheinbar von Beschäftigten stammen, können von "
    "dieser App kommen.",
    "finding.TENANT_WIDE_WRITE": "{app} kann E-Mails, Kontakte oder Kalender aller Personen im "
    "Mandanten ohne angemeldeten Nutzer ändern oder löschen.",
    "finding.MAILBOX_FORWARDING": "{app} kann die Einstellungen jedes Postfachs ändern, auch "
    "Posteingangsregeln, die E-Mails nach außen weiterleiten; der Inhalt jedes Postfachs kann so "
    "den Mandanten verlassen.",
    "finding.PRIVILEGE_ESCALATION": "{app} hat eine Berechtigung, mit der sie Identitäten "
    "übernehmen oder sich selbst weitere Zugriffe verschaffen kann (Anmeldedaten zu Apps "
    "hinzufügen, Domänen ändern, Apps für Nutzer installieren); was sie erreicht, ist nicht auf "
    "ihre heutigen Rechte begrenzt.",
    "finding.ART9_GROUP_NAME": "{app} kann Gruppennamen und Mitgliedschaften lesen; {count} "
    "Gruppenname(n) lassen auf besondere Kategorien personenbezogener Daten (Art. 9 DS-GVO) "
    "schließen und sind für die App und ihren Betreiber lesbar.",
    "finding.SENSITIVE_GROUP_NAME": "{app} kann Gruppennamen und Mitgliedschaften lesen; {count} "
    "Gruppe(n) der Beschäftigtenvertretung (Betriebsrat, Schwerbehindertenvertretung) sind "
    "lesbar – die Mitgliedschaft ist ein sensibles Beschäftigtendatum, wenn auch kein "
    "Art.-9-Datum.",
    "finding.GUESTS_REACHED": "{app} kann Daten von Gästen erreichen ({count} Gastkonten im "
    "Mandanten): Personen außerhalb der Organisation, die nach Art. 14 DS-GVO zu informieren "
    "sind.",
    "finding.UNDISCLOSED_CATEGORY.sensitive": "{app} erreicht {count} Datenkategorien "
    "({categories}), die die Datenschutzerklärung von {vendor} nicht nennt, darunter Inhalte, "
    "Überwachungs-, Art.-9- oder Zugangsdaten.",
    "finding.UNDISCLOSED_CATEGORY": "{app} erreicht {count} Datenkategorien ({categories}), die "
    "die Datenschutzerklärung von {vendor} nicht nennt.",
    "finding.REACH_WIDER_THAN_DISCLOSED": "{app} erreicht Daten aller Personen im Mandanten, die "
    "Datenschutzerklärung von {vendor} spricht nur von den angemeldeten oder ausgewählten "
    "Nutzern.",
    "finding.NO_DISCLOSURE_ON_FILE": "{app} kann personenbezogene Daten erreichen, aber für den "
    "Anbieter ist keine Datenschutzerklärung hinterlegt; die Datenflüsse lassen sich nicht "
    "abgleichen.",
    "finding.UNVERIFIED_PUBLISHER.tenant": "{app}: Der Herausgeber ist nicht von Microsoft "
    "verifiziert, die App erreicht aber Daten des ganzen Mandanten.",
    "finding.UNVERIFIED_PUBLISHER": "{app}: Der Herausgeber ist nicht von Microsoft verifiziert; "
    "seine Identität beruht auf eigenen Angaben.",
    "finding.VENDOR_MATCH_UNCONFIRMED": "{app} sieht nur nach {method} wie eine App von {vendor} "
    "aus; solange App-ID oder verifizierter Herausgeber das nicht bestätigen, werden ihre "
    "Datenflüsse nicht mit der Datenschutzerklärung von {vendor} abgeglichen.",
    "finding.POSSIBLE_IMPERSONATION": "{app} trägt den Namen von {vendor}, gehört aber zu einem "
    "anderen Besitzer-Mandanten als die App von {vendor} in diesem Mandanten ({known}); sie "
    "könnte {vendor} nachahmen.",
    "finding.POLICY_UNDATED": "Die hinterlegte Datenschutzerklärung von {vendor} nennt kein Datum; "
    "ob sie aktuell ist, lässt sich nicht beurteilen.",
    "finding.STALE_POLICY": "Die hinterlegte Datenschutzerklärung von {vendor} stammt von {date}, "
    "mehr als {years} Jahre zurück, und beschreibt womöglich nicht mehr, was der Anbieter heute "
    "tut.",
    "finding.THIRD_COUNTRY_SUBPROCESSOR.safeguarded": "{vendor} nennt Unterauftragsverarbeiter "
    "für seinen Dienst in {country}, außerhalb der EU/des EWR, jeweils mit angegebener Garantie.",
    "finding.THIRD_COUNTRY_SUBPROCESSOR": "{vendor} nennt Unterauftragsverarbeiter für seinen "
    "Dienst in {country}, außerhalb der EU/des EWR, ohne für alle eine Garantie zu nennen.",
    "finding.STORED_IMPERSONATION_CREDENTIAL": "{vendor} gibt an, das Passwort eines Dienstkontos "
    "umkehrbar verschlüsselt zu speichern (wie jede ausgehende Zugangsinformation, die "
    "wiederverwendet statt geprüft wird); wer diesen Speicher hält, kann als dieses Konto handeln, "
    "oft mit Zugriff auf jedes Postfach eines selbst betriebenen Exchange – das Konto eng "
    "begrenzen.",
    "finding.PROCESSOR_WITHOUT_DPA": "{vendor} verarbeitet personenbezogene Daten in Ihrem "
    "Auftrag, aber es ist kein Auftragsverarbeitungsvertrag (Art. 28 DS-GVO, AVV) hinterlegt.",
    "finding.STALE_APP": "{app} hat sich zuletzt vor {days} Tagen angemeldet ({date}), kann aber "
    "weiterhin {count} Kategorie(n) personenbezogener Daten erreichen: wird die App nicht mehr "
    "genutzt, Berechtigungen (oder die App) entfernen und den Anbieter um Löschung der Daten "
    "bitten.",
    "finding.STALE_APP.never": "{app} hat keine Anmeldung im Protokoll, kann aber weiterhin "
    "{count} Kategorie(n) personenbezogener Daten erreichen: wird die App nicht mehr genutzt, "
    "Berechtigungen (oder die App) entfernen und den Anbieter um Löschung der Daten bitten.",
    "finding.PROCESSING_LOCATION_UNKNOWN": "Die hinterlegte Datenschutzerklärung von {vendor} sagt "
    "nicht, wo der Dienst Daten verarbeitet; Übermittlungen in Drittländer lassen sich nicht "
    "ausschließen.",
}
"""German for every message key of :data:`m365inv.findings.messages.MESSAGES`, filled from the
finding's own ``params`` (a test keeps both tables' keys and placeholders equal)."""


_METHODS_DE = {
    "display name": "dem Anzeigenamen",
    "domain": "der Domäne",
    "publisher name": "dem Herausgebernamen",
    "app id": "der App-ID",
    "verified publisher": "dem verifizierten Herausgeber",
}


def title(code: str, lang: str) -> str:
    names = TITLES.get(code)
    if names is None:
        return code.replace("_", " ").capitalize()
    return names[1] if check_lang(lang) == "de" else names[0]


def action(code: str, lang: str) -> str | None:
    """What the finding asks the DPO to do; a (future) DPA finding asks for a signed DPA."""
    if code == "FIRST_PARTY":
        return None
    pair = ACTIONS.get(code) or (SIGN_DPA if "DPA" in code or "ART28" in code else REVIEW)
    return pair[1 if check_lang(lang) == "de" else 0]


def message(
    finding: Finding,
    app: App | None,
    flows: Sequence[Flow],
    vendor: VendorInfo | None,
    lang: str,
    scanned_at: str = "",
) -> str:
    """The finding as a sentence in ``lang``; English is the scanner's own message.

    German: a sentence built from the inventory where this module can localise its parts
    (category names, dates), else the finding's own key and parameters, else English."""
    if check_lang(lang) == "en":
        return finding.message
    template = _DE.get(finding.code)
    if template is None:
        keyed = MESSAGES_DE.get(finding.key or "")
        if keyed is None:
            return finding.message
        params = dict(finding.params)
        if "method" in params:
            params["method"] = _METHODS_DE.get(params["method"], params["method"])
        try:
            return keyed.format(**params)
        except (KeyError, IndexError):  # an older inventory's params: English, never a crash
            return finding.message
    undisclosed = [f for f in flows if f.disclosed is False]
    countries = sorted(
        {p.country for p in (vendor.sub_processors if vendor else ()) if p.country} - EU_EEA
    )
    return template.format(
        app=(app.display_name or app.app_id) if app else "",
        vendor=(vendor.legal_entity or vendor.name) if vendor else "dem Anbieter",
        reach="aller Personen im Mandanten"
        if finding.severity in ("high", "critical")
        else "soweit angemeldete Nutzer oder ausgewählte Ressourcen es zulassen",
        n=number(
            len(undisclosed)
            if finding.code == "UNDISCLOSED_CATEGORY"
            else sum(1 for e in finding.evidence if e.startswith("group ")),
            lang,
        ),
        cats=", ".join(sorted({category_label(f.category, lang) for f in undisclosed})),
        countries=", ".join(countries) or "?",
        mechanism="mit angegebener Garantie"
        if finding.severity in ("low", "info")
        else "ohne für alle eine Garantie zu nennen",
        date=(vendor.policy_date if vendor and vendor.policy_date else "?"),
        since=f"hat sich seit {finding.params['days']} Tagen nicht angemeldet (zuletzt am "
        f"{finding.params.get('date', '?')})"
        if "days" in finding.params
        else "hat keine Anmeldung im Protokoll",
        wide=", erreicht aber Daten des ganzen Mandanten"
        if finding.severity != "low"
        else "; seine Identität beruht auf eigenen Angaben",
    )


# ------------------------------------------------------------------------------- what was read

_SOURCES: _T = {
    "organization": ("Tenant details", "Mandantendaten"),
    "users": ("User accounts (who works here)", "Benutzerkonten (wer hier arbeitet)"),
    "groups": ("Groups", "Gruppen"),
    "groupMembers": ("Group memberships", "Gruppenmitgliedschaften"),
    "servicePrincipals": ("Apps in the tenant", "Apps im Mandanten"),
    "applications": ("Apps registered by the tenant", "Vom Mandanten registrierte Apps"),
    "oauth2PermissionGrants": (
        "Permissions users or admins granted to apps",
        "Von Nutzern oder Admins erteilte App-Berechtigungen",
    ),
    "appRoleAssignedTo": (
        "App permissions without a signed-in user",
        "App-Berechtigungen ohne angemeldeten Nutzer",
    ),
    "principals": ("Who consented", "Wer eingewilligt hat"),
    "synchronizationJobs": (
        "Provisioning to apps (which user attributes are sent)",
        "Bereitstellung an Apps (welche Nutzerattribute gesendet werden)",
    ),
    "teamsApps": ("Teams apps", "Teams-Apps"),
    "addIns": ("Outlook/Office add-ins", "Outlook-/Office-Add-ins"),
}

_REASONS: list[tuple[re.Pattern[str], tuple[str, str]]] = [
    (re.compile(r"\b(401|403)\b|forbidden|denied|unauthori[sz]ed", re.I), (
        "access was refused — the scanner lacks a permission",
        "Zugriff verweigert — dem Scanner fehlt eine Berechtigung",
    )),
    (re.compile(r"licen[cs]", re.I), (
        "not available with this tenant's licence",
        "mit der Lizenz dieses Mandanten nicht verfügbar",
    )),
    (re.compile(r"\b(429|503)\b|throttl|timeout|timed out", re.I), (
        "Microsoft did not answer in time (throttling or timeout)",
        "Microsoft hat nicht rechtzeitig geantwortet (Drosselung oder Zeitüberschreitung)",
    )),
    (re.compile(r"refus.*link|link.*refus", re.I), (
        "a paging link pointed elsewhere and was not followed",
        "ein Folgelink zeigte auf einen anderen Server und wurde nicht verfolgt",
    )),
]  # fmt: skip


def source_name(source: str, lang: str) -> str:
    names = _SOURCES.get(source)
    if names is None:
        return source
    return names[1] if check_lang(lang) == "de" else names[0]


def reason(cov: Coverage, lang: str) -> str:
    """Why a source was not read, in words; the technical error stays next to it."""
    idx = 1 if check_lang(lang) == "de" else 0
    for pattern, words in _REASONS:
        if pattern.search(cov.error or ""):
            return words[idx]
    return ("not read completely", "nicht vollständig gelesen")[idx]


# ------------------------------------------------------------------------------- evidence lines

_ACCESS_DE = {"read": "lesen", "write": "lesen/schreiben", "send": "senden", "full": "Vollzugriff"}
_CATEGORY_AT_START = re.compile(r"^((?:ext:)?user(?:\.[a-z_]+)+)(?=[ :])")
_EVIDENCE_DE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\(application\)"), "(als App)"),
    (re.compile(r"\(delegated/AllPrincipals\)"), "(delegiert, Admin-Einwilligung für alle)"),
    (re.compile(r"\(delegated/Principal\)"), "(delegiert, Einwilligung einzelner Nutzer)"),
    (re.compile(r"\(delegated(?:/\?)?\)"), "(delegiert)"),
    (re.compile(r"^provisioning: "), "Bereitstellung (SCIM): "),
    (re.compile(r"^group (?=['\"])"), "Gruppe "),
    (re.compile(r"^publisher: (.*) \(not verified\)$"), r"Herausgeber: \1 (nicht verifiziert)"),
    (re.compile(r"policy date missing"), "Datum der Datenschutzerklärung fehlt"),
    (re.compile(r"policy URL not on file"), "URL der Datenschutzerklärung nicht hinterlegt"),
    (re.compile(r"policy URL "), "URL der Datenschutzerklärung "),
    (re.compile(r"policy date "), "Datum der Datenschutzerklärung "),
    (re.compile(r"^vendor "), "Anbieter "),
    (re.compile(r"^Outlook add-in "), "Outlook-Add-in "),
    (re.compile(r"\(deployed to Everyone\)"), "(für alle bereitgestellt)"),
    (re.compile(r"\(deployed to unknown\)"), "(Bereitstellung unbekannt)"),
    (re.compile(r"\(deployed to "), "(bereitgestellt für "),
    (
        re.compile(r": no processing location in the policy on file"),
        ": kein Verarbeitungsort in der hinterlegten Datenschutzerklärung",
    ),
    (re.compile(r"permission id"), "Berechtigungs-ID"),
    (re.compile(r"everyone in the tenant"), "alle im Mandanten"),
    (re.compile(r"users who consented"), "Nutzer, die eingewilligt haben"),
    (re.compile(r"users assigned to the app"), "der App zugewiesene Nutzer"),
    (re.compile(r"the signed-in user"), "der angemeldete Nutzer"),
    (re.compile(r"an unknown number of people"), "unbekannt viele Personen"),
    (re.compile(r"(\d+) people"), r"\1 Personen"),
    (re.compile(r"\((read|write|send|full), "), lambda m: f"({_ACCESS_DE[m.group(1)]}, "),
    (re.compile(r" via "), " über "),
    (re.compile(r": policy says "), ": Datenschutzerklärung nennt "),
    (re.compile(r"; app reaches "), "; App erreicht "),
]


_NOTES_DE: dict[str, str] = {
    NOTE_SYNC_SCOPE: "Mindestens die der App zugewiesenen Benutzer und Gruppen; der ganze Mandant, "
    "wenn die Bereitstellung auf „Alle Benutzer und Gruppen synchronisieren“ steht. Microsoft "
    "Graph kann diese Einstellung nicht lesen (ein nur schreibbares Bereitstellungsgeheimnis): "
    "im Entra Admin Center unter Bereitstellung → Einstellungen → Bereich prüfen.",
    NOTE_ASSIGNED_UNKNOWN: "Die Zuweisungen der App oder die Mitglieder einer Gruppe wurden nicht "
    "gelesen: Anzahl unbekannt.",
    NOTE_ITEM: "Nur die Elemente, die ein Benutzer bei laufendem Add-in öffnet – auch E-Mails "
    "anderer Personen.",
    NOTE_OFF_BY_DEFAULT: "Ausgeschaltet bereitgestellt: jeder Benutzer kann es einschalten.",
    NOTE_LEVEL_UNKNOWN: "Die Berechtigungsstufe des Add-ins wurde nicht gemeldet; wie voller "
    "Postfachzugriff behandelt.",
    _flow_notes.NOTE_EXCHANGE_RBAC: "Organisationsweit: eine in Entra ID erteilte "
    "Anwendungsberechtigung erreicht jedes Postfach. Nur eine (veraltete) Exchange "
    "ApplicationAccessPolicy kann sie einschränken (für Graph und EWS); Zuweisungen über "
    "Exchange-RBAC für Anwendungen sind davon getrennt und schränken eine Entra-Berechtigung nie "
    "ein. Beides ist über Microsoft Graph nicht sichtbar.",
    _flow_notes.NOTE_NARROWED: "Beschränkt auf Ressourcen, die ein Administrator ausgewählt (oder "
    "die App angelegt) hat; Anzahl unbekannt.",
    _flow_notes.NOTE_RSC: "Ressourcenspezifische Einwilligung: beschränkt auf die Teams, Chats "
    "oder Besprechungen, in denen die App installiert ist (jeder Teambesitzer oder "
    "Chatteilnehmer kann sie installieren); Anzahl unbekannt.",
    _flow_notes.NOTE_MAILBOX_GRANTS: "Nur Postfächer, die ein Exchange-Administrator der App "
    "freigegeben hat (Add-MailboxPermission / Add-RecipientPermission); solche Freigaben sind "
    "über Microsoft Graph nicht sichtbar.",
    _flow_notes.NOTE_DIRECTORY: "Delegiert, aber die Berechtigung erreicht die Daten aller "
    "Nutzer, sobald irgendjemand einwilligt.",
    _flow_notes.NOTE_ALL_USERS: "Admin-Einwilligung für alle: jeder Nutzer, der sich bei der App "
    "anmeldet.",
    _flow_notes.NOTE_SHARED: "Auch Daten anderer Personen, die die angemeldeten Nutzer öffnen "
    "können (freigegebene Postfächer, Dateien).",
}


def note_label(text: str, lang: str) -> str:
    """A flow's note (the scanner's fixed English sentence) in ``lang``; a note without a German
    text yet is shown as the scanner wrote it (never dropped)."""
    if check_lang(lang) == "de":
        return _NOTES_DE.get(text, text)
    return text


def evidence_label(text: str, lang: str) -> str:
    """One evidence line as the reader reads it: a leading category key becomes its name, and
    the scanner's fixed English phrases become German for ``--lang de``. Permission names,
    attribute names and tenant strings are kept as they are — they are the evidence."""
    text = _CATEGORY_AT_START.sub(lambda m: category_label(m.group(1), lang), text)
    if check_lang(lang) == "de":
        for pattern, repl in _EVIDENCE_DE:
            text = pattern.sub(repl, text)
    return text


__all__ = [
    "ACTIONS",
    "MESSAGES_DE",
    "TITLES",
    "action",
    "evidence_label",
    "message",
    "note_label",
    "reason",
    "source_name",
    "title",
]
