"""Draft a vendor file from privacy-policy text (German or English) with a lexicon and rules.

No model: bullets, angle-bracket lists and table rows under data headings become disclosure
items when the lexicon recognises a data category in them; sentences with retention periods,
legal bases (Art. 6 Abs. 1 lit. a–f), known sub-processors, third-country transfers and
encryption claims are picked up by patterns. Every drafted item keeps the sentence it came from
(``source``) so a reviewer can check it; the result is marked ``draft: true``.
"""

from __future__ import annotations

import re
from typing import Any

# (regex, category) — first hits win per item; order from specific to general.
_CATEGORY_LEXICON: tuple[tuple[str, str], ...] = (
    (r"passw", "user.authorization.password"),
    (r"ip[- ]?adress|ip address|internetprotokoll", "user.device.ip_address"),
    (r"e-?mail|mailadress", "user.contact.email"),
    (r"telefon|phone", "user.contact.phone_number"),
    (r"bank|kreditkart|zahlung|payment|credit card|lastschrift", "user.financial"),
    (r"firmenname|firma|company|auftraggeber", "user.contact.organization"),
    (r"(?<!mail)(?<!mail-)(?<!ip-)adresse|anschrift|(?<!e-mail )(?<!ip )address", "user.contact.address"),  # noqa: E501 (lexicon pattern)
    (r"\bland\b|country", "user.contact.address.country"),
    (r"sprache|language", "user.demographic.language"),
    (r"tenant ?id", "system.operations"),
    (r"objekt-id|\bid\b|identifikation|identifier", "user.unique_id"),
    (r"benutzername|user ?name|username|zugangsdaten", "user.account.username"),
    (r"\bname\b|voller name|full name", "user.name"),
    (r"kontaktdaten|contact (data|details)", "user.contact"),
    (r"foto|photo", "user.content.self_image"),
    (r"standort|location", "user.location.imprecise"),
    (r"browser|betriebssystem|operating system|user agent|bildschirm", "user.device"),
    (r"session|cookie", "user.device.cookie_id"),
    (r"datum und uhrzeit|zeitpunkt|referrer|aufgerufen|url|seite|quelle/verweis", "user.behavior.browsing_history"),  # noqa: E501 (lexicon pattern)
    (r"nutzungszeitraum|nutzung von|usage", "user.behavior.service_usage"),
    (r"nachricht|betreff|message|subject|abwesenheit", "user.content.private"),
    (r"datenmenge|status|fehler|zugriffsart|logdatei|log file", "system.operations"),
    (r"tarif|zusatzleistung", "user.behavior.purchase_history"),
)  # fmt: skip
_DATA_HEADING = re.compile(
    r"welche (personenbezogenen )?daten|daten fallen an|folgende daten|folgenden? .*daten"
    r"|what (personal )?data|data we collect|kategorien von personenbezogenen|datenkategorien"
    r"|daten sind:|bei exchange|erhoben:|übermittelt:|zugriffsdaten|log-file-daten",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•\-*·]|\d+\.)\s+(.+)$|^\s*<([^>]+)>\s*(.*)$")
_WHEN_SPLIT = re.compile(r"\s(?=Beim |Bei der |Bei |When |Upon )")
_RETENTION = re.compile(
    r"(?:nach|innerhalb von|spätestens nach|after|within)\s+(?:spätestens\s+)?"
    r"(?:\d+|einem|einer|sieben|sechs|zehn|drei|one|seven|thirty)\s+"
    r"(?:Tag(?:en|e)?|Woche[n]?|Monat(?:en|e)?|Jahr(?:en|e)?|days?|weeks?|months?|years?)"
    r"|\d+\s+(?:Tage|days)\s+nach|(?:in der Regel|Dauer der Speicherung beträgt)[^.]*\d+\s+Tage",
    re.IGNORECASE,
)
_LEGAL = re.compile(
    r"Art(?:\.|ikel)?\s*6\s*(?:Abs(?:\.|atz)?\s*)?(?:\(?1\)?)\s*(?:lit\.?|Buchstabe|\()\s*([a-f])",
    re.IGNORECASE,
)
_SUBPROCESSORS: tuple[tuple[str, str, str], ...] = (
    ("Google Analytics", "Google", "US"), ("Google Fonts", "Google", "US"),
    ("Google Ads", "Google", "US"), ("Google Remarketing", "Google", "US"),
    ("reCAPTCHA", "Google", "US"), ("Application Insights", "Microsoft", "US"),
    ("Bing Ads", "Microsoft", "US"), ("Facebook", "Meta / Facebook", "US"),
    ("Mailchimp", "Intuit", "US"), ("HubSpot", "HubSpot", "US"), ("Hotjar", "Hotjar", "MT"),
    ("Cloudflare", "Cloudflare", "US"), ("Stripe", "Stripe", "US"), ("PayPal", "PayPal", "LU"),
    ("Amazon Web Services", "Amazon", "US"), ("Intercom", "Intercom", "US"),
)  # fmt: skip
_THIRD_COUNTRY = re.compile(
    r"\bUSA\b|United States|Vereinigten Staaten|Drittl[aä]nd|third countr", re.I
)
_MOVES = re.compile(r"übertr|übermitt|transfer|Server|operieren", re.I)
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)*([a-z0-9-]+\.(?:com|de|app|io|net|eu))\b")
_SCC = re.compile(r"Standardvertragsklauseln|standard contractual clauses|\bSCCs?\b", re.I)
_ENCRYPT = re.compile(r"verschlüssel|encrypt|\bAES\s?-?\d+|\bSSL\b|\bTLS\b", re.I)
_DATE = re.compile(
    r"Version:?\s*(\d{4})/(\d{2})|(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
    r"|November|Dezember|January|February|March|May|June|July|October|December)\s+(\d{4})",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, ms in enumerate((
    "", "januar january", "februar february", "märz march", "april", "mai may", "juni june",
    "juli july", "august", "september", "oktober october", "november", "dezember december"))
    for m in ms.split()}  # fmt: skip


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line) if s.strip()]
    return out


def categories_of(text: str) -> list[str]:
    """Lexicon categories of a data item (at most three, the most specific first)."""
    found: list[str] = []
    for rx, cat in _CATEGORY_LEXICON:
        if re.search(rx, text, re.IGNORECASE) and cat not in found:
            found.append(cat)
    return found[:3]


def _items(text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    in_data = False
    items_seen_bullet = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _DATA_HEADING.search(line):
            in_data = True
            continue
        m = _BULLET.match(raw)
        items_seen_bullet = items_seen_bullet and in_data
        if m:
            items_seen_bullet = True
        candidate: str | None = None
        when: str | None = None
        if m:
            candidate = (m.group(1) or f"{m.group(2)} {m.group(3)}".strip()).strip(" ,;.")
        elif in_data and (items_seen_bullet or (line.endswith(".") and len(line) > 80)):
            in_data = False  # prose after a list, or a sentence: the data section has ended
            continue
        elif in_data and len(line) < 400 and not line.endswith(":"):
            head, _, rest = _WHEN_SPLIT.split(line, maxsplit=1)[0], None, None
            parts = _WHEN_SPLIT.split(line, maxsplit=1)
            candidate, when = parts[0], (parts[1] if len(parts) > 1 else None)
            del head, rest
        if candidate is None or len(candidate) > 200:
            in_data = in_data and m is not None
            continue
        cats = categories_of(candidate)
        if cats:
            items.append({"item": candidate, "categories": cats, "scope": "service", "when": when,
                          "source": line})  # fmt: skip
        elif not m:
            in_data = False
    return items


def _policy(text: str) -> dict[str, Any]:
    m = _DATE.search(text[:2000])
    if not m:
        return {"url": None, "language": _language(text), "version": None, "date": None}
    if m.group(1):
        return {"url": None, "language": _language(text), "version": f"{m.group(1)}/{m.group(2)}",
                "date": f"{m.group(1)}-{m.group(2)}", "date_as_written": m.group(0)}  # fmt: skip
    month = _MONTHS[m.group(3).casefold()]
    return {"url": None, "language": _language(text), "version": None,
            "date": f"{m.group(4)}-{month:02d}", "date_as_written": m.group(0)}  # fmt: skip


def _language(text: str) -> str:
    de = len(re.findall(r"\b(und|der|die|das|wir|Ihre)\b", text))
    en = len(re.findall(r"\b(and|the|we|your)\b", text))
    return "de" if de >= en else "en"


def draft_vendor(text: str, vendor: str) -> dict[str, Any]:
    """A vendor-file dict (schema-shaped, ``draft: true``) drafted from ``text``."""
    sentences = _sentences(text)
    items = _items(text)
    for item in items:  # attach the first retention sentence that mentions the item's words
        words = [w for w in re.findall(r"\w{5,}", item["item"])][:3]
        for s in [item["source"], *sentences]:
            if _RETENTION.search(s) and any(w.casefold() in s.casefold() for w in words):
                item["retention"] = _RETENTION.search(s).group(0)  # type: ignore[union-attr]
                break
    retention = [{"retention": m.group(0), "source": s} for s in sentences
                 if (m := _RETENTION.search(s))]  # fmt: skip
    bases = sorted({f"Art. 6 Abs. 1 lit. {m.group(1).lower()} DSGVO"
                    for s in sentences for m in _LEGAL.finditer(s)})  # fmt: skip
    subs: dict[str, dict[str, Any]] = {}
    for s in sentences:
        for name, provider, country in _SUBPROCESSORS:
            if name.casefold() in s.casefold() and name not in subs:
                subs[name] = {"name": name, "provider": provider, "country": country, "source": s}
    transfers = [
        {"country": "US", "mechanism": "SCC" if _SCC.search(s) else "none-stated", "source": s}
        for s in sentences if _THIRD_COUNTRY.search(s) and _MOVES.search(s)
    ][:5]  # fmt: skip
    claims = [
        {"claim": s[:200], "kind": "reversible-password-encryption"
         if re.search(r"passw", s, re.I) and not re.search(r"hash", s, re.I) else
         ("transport-encryption" if re.search(r"SSL|TLS", s) else "encryption-at-rest"),
         "source": s}
        for s in sentences if _ENCRYPT.search(s)
    ]  # fmt: skip
    slug = re.sub(r"[^a-z0-9]+", "-", vendor.casefold()).strip("-") or "vendor"
    return {
        "id": slug, "name": vendor, "legal_entity": vendor, "country": "DE", "draft": True,
        "policy": _policy(text),
        "recognition": {"publisher_names": [vendor], "display_names": [vendor], "domains":
                        sorted(set(_DOMAIN.findall(text)))},
        "disclosures": items,
        "legal_bases": [{"basis": b, "source": None} for b in bases],
        "subprocessors": list(subs.values()),
        "transfers": transfers,
        "security_claims": claims,
        "notes": "Retention sentences found: " + " | ".join(r["retention"] for r in retention[:10]),
    }  # fmt: skip
