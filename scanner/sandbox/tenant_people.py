"""Users and groups of the sandbox tenant, generated lazily: ``user_record(seed, domain, i)`` is a
pure function, so a page of a 1,000,000-user tenant costs only the objects on it.

Display names are hostile on purpose (HTML, spreadsheet formula prefixes, control characters,
right-to-left and CJK scripts, emoji, very long text) — the scanner must carry them through to
reports without breaking or executing anything. Some group names reveal Art. 9 GDPR data (trade
union membership, disability, health), which the reports must treat as sensitive.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any

from m365inv.sandbox.tenant_ids import mix, object_id, timestamp

FIRST = (
    "Anna",
    "Jonas",
    "Leonie",
    "Lukas",
    "Mia",
    "Finn",
    "Emma",
    "Elias",
    "Hannah",
    "Paul",
    "Lea",
    "Noah",
    "Sophie",
    "Ben",
    "Marie",
    "Felix",
    "Jörg",
    "Ayşe",
    "Mehmet",
    "Zoë",
    "François",
    "Łukasz",
    "Olga",
    "Giulia",
    "Sven",
    "Katarzyna",
    "Aleksandr",
    "Fatima",
)
LAST = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Yılmaz",
    "Kaya",
    "Nowak",
    "Kowalski",
    "Rossi",
    "Dubois",
    "O'Brien",
    "García",
)
DEPARTMENTS = (
    "Vertrieb",
    "Einkauf",
    "Personal",
    "IT",
    "Buchhaltung",
    "Marketing",
    "Recht",
    "Produktion",
    "Logistik",
    "Kundenservice",
    "Geschäftsführung",
    "Forschung",
)
TITLES = (
    "Sachbearbeiter:in",
    "Teamleiter:in",
    "Referent:in",
    "Werkstudent:in",
    "Leiter:in",
    "Assistenz",
    "Entwickler:in",
    "Berater:in",
    None,
)
CITIES = ("Berlin", "Hamburg", "München", "Köln", "Leipzig", "Nürnberg", "Wien", "Zürich")
GUEST_DOMAINS = (
    "partner-firma.de",
    "kanzlei-recht.de",
    "agentur.example",
    "gmail.com",
    "outlook.com",
    "steuerberater.de",
)
HOSTILE = (
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "Tab\there\rCR\nNewline",
    "محمد عبد الله",  # Arabic (RTL)
    "山田 太郎",  # CJK
    "Jürgen 🦄 Emoji-Fan 👩🏽‍💻",
    "Sehr " + "Langer " * 60 + "Name",
    '"; DROP TABLE users; --',
    "\u202eevil.exe\u202c Right-to-left override",
    "",
)
ART9_GROUPS = (
    "Betriebsrat",
    "Schwerbehindertenvertretung",
    "ver.di Vertrauensleute",
    "BEM – Betriebliches Eingliederungsmanagement",
)
GROUP_SUFFIXES = ("Team", "Projekt", "Standort", "Verteiler", "Arbeitskreis", "Zugriff")

DEFAULT_USER_PROPS = (
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
)


def _ascii(text: str) -> str:
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def user_flags(seed: int, index: int) -> tuple[bool, bool]:
    """(is_guest, is_enabled) — cheap, so that filters and grant targeting need no full record."""
    if index == 0:
        return False, True
    h = mix(seed, "u", index)
    return h % 100 < 8, (h >> 7) % 100 >= 6


def user_record(seed: int, domain: str, index: int) -> dict[str, Any]:
    """Every property the sandbox serves for user ``index`` (callers cut it down to ``$select``)."""
    h = mix(seed, "u", index)
    guest, enabled = user_flags(seed, index)
    first, last = FIRST[(h >> 14) % len(FIRST)], LAST[(h >> 24) % len(LAST)]
    local = f"{_ascii(first)}.{_ascii(last)}.{index}"
    display: str | None = f"{first} {last}"
    if index == 0:
        first, last, display, local = "Sandbox", "Admin", "Sandbox Admin", "admin"
    elif index % 17 == 3:
        display = HOSTILE[(index // 17) % len(HOSTILE)]
    if guest:
        ext = GUEST_DOMAINS[(h >> 32) % len(GUEST_DOMAINS)]
        mail: str | None = f"{local}@{ext}"
        upn = f"{local}_{ext}#EXT#@{domain}"
        display = f"{display} (Gast)" if display else display
    else:
        mail = None if (h >> 40) % 100 < 4 else f"{local}@{domain}"
        upn = f"{local}@{domain}"
    phone = f"+49 30 {1000000 + (h >> 20) % 8999999}"
    return {
        "id": object_id(seed, "user", index),
        "businessPhones": [] if guest else [phone],
        "displayName": display,
        "givenName": first,
        "surname": last,
        "jobTitle": None if guest else TITLES[(h >> 44) % len(TITLES)],
        "mail": mail,
        "mobilePhone": None if (h >> 48) % 3 else f"+49 170 {1000000 + (h >> 8) % 8999999}",
        "officeLocation": None if guest else CITIES[(h >> 52) % len(CITIES)],
        "preferredLanguage": "de-DE" if (h >> 56) % 5 else "en-US",
        "userPrincipalName": upn,
        "accountEnabled": enabled,
        "userType": "Guest" if guest else "Member",
        "department": None if guest else DEPARTMENTS[(h >> 36) % len(DEPARTMENTS)],
        "companyName": None if guest else "Sandbox GmbH",
        "createdDateTime": timestamp(h),
        "usageLocation": "DE",
        "city": None if guest else CITIES[(h >> 52) % len(CITIES)],
        "country": "Deutschland",
        "mailNickname": local,
        "creationType": "Invitation" if guest else None,
        "externalUserState": "Accepted" if guest else None,
        "employeeId": None if guest else f"E{index:07d}",
    }


def group_name(seed: int, index: int) -> str:
    if index == 0:
        return "Alle Mitarbeitenden"
    if index <= len(ART9_GROUPS):
        return ART9_GROUPS[index - 1]
    h = mix(seed, "g", index)
    if index % 23 == 7:
        return HOSTILE[(index // 23) % len(HOSTILE)] or "(leer)"
    return f"{DEPARTMENTS[h % len(DEPARTMENTS)]} {GROUP_SUFFIXES[(h >> 8) % 6]} {index}"


def group_record(seed: int, domain: str, index: int) -> dict[str, Any]:
    h = mix(seed, "g", index)
    name = group_name(seed, index)
    unified = (h >> 16) % 3 == 0
    nick = f"grp{index}"
    return {
        "id": object_id(seed, "group", index),
        "deletedDateTime": None,
        "classification": None,
        "createdDateTime": timestamp(h),
        "description": f"Gruppe: {name}",
        "displayName": name,
        "expirationDateTime": None,
        "groupTypes": ["Unified"] if unified else [],
        "isAssignableToRole": None,
        "mail": f"{nick}@{domain}" if unified else None,
        "mailEnabled": unified,
        "mailNickname": nick,
        "membershipRule": None,
        "membershipRuleProcessingState": None,
        "onPremisesSyncEnabled": None,
        "preferredDataLocation": None,
        "preferredLanguage": None,
        "proxyAddresses": [f"SMTP:{nick}@{domain}"] if unified else [],
        "renewedDateTime": timestamp(h),
        "securityEnabled": not unified,
        "securityIdentifier": f"S-1-12-1-{h % 4294967295}-{index}",
        "theme": None,
        "visibility": "Private" if index <= len(ART9_GROUPS) or unified else None,
    }


def group_member_indices(seed: int, users: int, index: int) -> range | list[int]:
    """User indices in group ``index``: everyone for group 0, a deterministic sample otherwise."""
    if index == 0:
        return range(users)
    h = mix(seed, "gm", index)
    size = min(users, 2 + h % 40 if h % 10 else 2 + h % 400)
    return sorted(random.Random(h).sample(range(users), size))  # noqa: S311 — test data
