"""App → catalog vendor, with the method and a confidence recorded.

Signals: verified publisher id / appId (exact, 1.0) · publisher name (0.9; 0.95 when Microsoft
verified it — Graph v1.0 only names verified publishers) · a domain the policy names in the app's
homepage, reply URLs, privacy-statement or marketing URL (0.85; 0.7 for ``observed_domains`` the
policy itself does not name) · display name (a catalog regex: 0.8; otherwise rapidfuzz ``ratio``
≥ DISPLAY_NAME_THRESHOLD, scaled to at most 0.75). The strongest signal wins. A Microsoft
first-party app is never matched to a third-party vendor.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from scanner.catalog.model import Catalog, Vendor
from scanner.models import App, MatchMethod, ServicePrincipal, VendorMatch
from scanner.resolve.apps import publisher_host

DISPLAY_NAME_THRESHOLD = 90.0
"""rapidfuzz ``ratio`` (normalised Levenshtein, 0–100) on case-folded, punctuation-free names.
90 accepts spelling variants ("Telefonsekretariat Emilié") but not substrings: WRatio's partial
matching scored "Mail" against "Mailissa" at 90, so it is not used."""


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+", " ", text).strip()


def _hosts(sp: ServicePrincipal | None, app: App) -> set[str]:
    urls: list[str] = []
    if sp is not None:
        urls += [sp.homepage or "", sp.privacy_statement_url or "", sp.marketing_url or ""]
        urls += list(sp.reply_urls)
    hosts = {h for u in urls if (h := publisher_host(u))}  # never Microsoft's portal
    if app.publisher.domain:
        hosts.add(app.publisher.domain.casefold())
    return {h for h in hosts if h}


def _domain_hit(hosts: set[str], domains: tuple[str, ...]) -> str | None:
    for d in domains:
        d = d.casefold()
        if any(h == d or h.endswith("." + d) for h in hosts):
            return d
    return None


def _score(app: App, sp: ServicePrincipal | None, v: Vendor) -> tuple[float, MatchMethod] | None:
    """The strongest signal for ``v`` — every signal is weighed, so a weak one found first (an
    observed domain) never hides a stronger one (the product's own name in the display name)."""
    rec = v.recognition
    pub = app.publisher
    if pub.verified_publisher_id and pub.verified_publisher_id in rec.verified_publisher_ids:
        return 1.0, "verified-publisher"
    if app.app_id in rec.app_ids:
        return 1.0, "app-id"
    hits: list[tuple[float, MatchMethod]] = []
    if pub.name and _norm(pub.name) in {_norm(n) for n in rec.publisher_names}:
        hits.append(((0.95 if pub.verified else 0.9), "publisher-name"))
    hosts = _hosts(sp, app)
    if _domain_hit(hosts, rec.domains):
        hits.append((0.85, "domain"))
    elif _domain_hit(hosts, rec.observed_domains):
        hits.append((0.7, "domain"))
    name = app.display_name or ""
    if name and any(re.search(p, name, re.IGNORECASE) for p in rec.display_name_patterns):
        hits.append((0.8, "display-name"))
    elif name and rec.display_names:
        best = max(fuzz.ratio(_norm(name), _norm(n)) for n in rec.display_names)
        if best >= DISPLAY_NAME_THRESHOLD:
            hits.append((round(0.75 * best / 100, 3), "display-name"))
    return max(hits, key=lambda h: h[0]) if hits else None


def match_vendor(
    app: App, catalog: Catalog, sp: ServicePrincipal | None = None
) -> VendorMatch | None:
    """Best catalog vendor for ``app`` or None; ties broken by catalog id for determinism."""
    if app.first_party:
        return None
    best: tuple[float, str, MatchMethod, Vendor] | None = None
    for vendor in catalog.vendors:
        hit = _score(app, sp, vendor)
        if hit is None:
            continue
        cand = (hit[0], vendor.id, hit[1], vendor)
        if best is None or (cand[0], _neg(cand[1])) > (best[0], _neg(best[1])):
            best = cand
    if best is None:
        return None
    conf, _, method, vendor = best
    return VendorMatch(id=vendor.id, name=vendor.name, match_method=method, confidence=conf)


def _neg(text: str) -> tuple[int, ...]:
    """Sort key that makes the alphabetically first id win a tie under ``max``."""
    return tuple(-ord(c) for c in text)
