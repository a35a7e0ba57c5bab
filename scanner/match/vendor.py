"""App → catalog vendor, with the method, a confidence and an evidence level recorded.

The evidence ladder (issue 10 item 8 — an app's display name, homepage and unverified publisher
name are whatever its registrant typed, so alone they prove nothing):

``confirmed``
    the appId or the Microsoft-verified publisher id is one the catalog lists.
``probable``
    the publisher name matches *and* a domain the vendor's policy names appears on the app; or a
    reply URL is on a domain the policy names (Entra delivers tokens only to reply URLs, so
    whoever registers one there sends the data to that vendor).
``possible``
    a display name, an observed domain (not named in the policy), a policy domain only in the
    homepage / marketing URLs, or a publisher name alone.

Only confirmed and probable matches may mark a flow disclosed (scanner/analysis.py); a possible
match is reported as such, and a display-name look-alike of a vendor whose known apps in the
tenant belong to another owner tenant is a possible impersonation (scanner/findings).

Confidence (0..1, the strongest signal): verified publisher id / appId 1.0 · publisher name 0.9
(0.95 verified) · policy domain 0.85 · observed domain 0.7 · display-name pattern 0.8 · fuzzy
display name ≤ 0.75 (rapidfuzz ``ratio`` ≥ DISPLAY_NAME_THRESHOLD). Microsoft's own apps and the
scanner's app are never matched. Microsoft portal hosts are never a domain signal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from m365inv.catalog.model import Catalog, Vendor
from m365inv.models import AppFacts, MatchLevel, MatchMethod, ServicePrincipal, VendorMatch
from m365inv.resolve.apps import publisher_host

DISPLAY_NAME_THRESHOLD = 90.0
"""rapidfuzz ``ratio`` (normalised Levenshtein, 0–100) on case-folded, punctuation-free names.
90 accepts spelling variants ("Telefonsekretariat Emilié") but not substrings: WRatio's partial
matching scored "Mail" against "Mailissa" at 90, so it is not used."""


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    # cached: every app is scored against every catalog vendor, so the vendors' names were
    # normalised once per app (a million-user tenant: 25,000 apps × the catalog)
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+", " ", text).strip()


@dataclass(frozen=True)
class _Hosts:
    reply: set[str] = field(default_factory=set)  # token delivery: the data goes here
    other: set[str] = field(default_factory=set)  # homepage, marketing, privacy URL: any text

    @property
    def all(self) -> set[str]:
        return self.reply | self.other


def _hosts(sp: ServicePrincipal | None, app: AppFacts) -> _Hosts:
    hosts = _Hosts()
    if sp is not None:
        for u in (sp.homepage, sp.privacy_statement_url, sp.marketing_url):
            if h := publisher_host(u):  # never Microsoft's portal
                hosts.other.add(h.casefold())
        for u in sp.reply_urls:
            if h := publisher_host(u):
                hosts.reply.add(h.casefold())
    if app.publisher.domain:
        hosts.other.add(app.publisher.domain.casefold())
    return hosts


def _domain_hit(hosts: set[str], domains: tuple[str, ...]) -> str | None:
    for d in domains:
        d = d.casefold()
        if any(h == d or h.endswith("." + d) for h in hosts):
            return d
    return None


def _display_name_hit(name: str, v: Vendor) -> float | None:
    rec = v.recognition
    if name and any(re.search(p, name, re.IGNORECASE) for p in rec.display_name_patterns):
        return 0.8
    if name and rec.display_names:
        best = max(fuzz.ratio(_norm(name), _norm(n)) for n in rec.display_names)
        if best >= DISPLAY_NAME_THRESHOLD:
            return round(0.75 * best / 100, 3)
    return None


def _score(
    app: AppFacts, sp: ServicePrincipal | None, v: Vendor, hosts: _Hosts | None = None
) -> tuple[float, MatchMethod, MatchLevel] | None:
    """The strongest signal for ``v`` and the evidence level all signals together reach.

    ``hosts``: the app's hosts (:func:`_hosts`), computed once per app by the caller.
    """
    rec = v.recognition
    pub = app.publisher
    if pub.verified_publisher_id and pub.verified_publisher_id in rec.verified_publisher_ids:
        return 1.0, "verified-publisher", "confirmed"
    if app.app_id in rec.app_ids:
        return 1.0, "app-id", "confirmed"
    hits: list[tuple[float, MatchMethod]] = []
    name_hit = bool(pub.name) and _norm(pub.name or "") in {_norm(n) for n in rec.publisher_names}
    if name_hit:
        hits.append(((0.95 if pub.verified else 0.9), "publisher-name"))
    hosts = hosts if hosts is not None else _hosts(sp, app)
    policy_domain = _domain_hit(hosts.all, rec.domains) is not None
    reply_on_policy_domain = _domain_hit(hosts.reply, rec.domains) is not None
    if policy_domain:
        hits.append((0.85, "domain"))
    elif _domain_hit(hosts.all, rec.observed_domains):
        hits.append((0.7, "domain"))
    if (shown := _display_name_hit(app.display_name or "", v)) is not None:
        hits.append((shown, "display-name"))
    if not hits:
        return None
    conf, method = max(hits, key=lambda h: h[0])
    probable = (name_hit and policy_domain) or reply_on_policy_domain
    return conf, method, "probable" if probable else "possible"


_LEVEL_RANK = {"confirmed": 2, "probable": 1, "possible": 0}


def match_vendor(
    app: AppFacts, catalog: Catalog, sp: ServicePrincipal | None = None
) -> VendorMatch | None:
    """Best catalog vendor for ``app`` or None: the highest evidence level first, then the
    confidence; ties broken by catalog id for determinism."""
    if app.first_party or app.scanner:
        return None
    best: tuple[int, float, tuple[int, ...], VendorMatch] | None = None
    hosts = _hosts(sp, app)  # the app's, whichever vendor it is scored against
    for vendor in catalog.vendors:
        hit = _score(app, sp, vendor, hosts)
        if hit is None:
            continue
        conf, method, level = hit
        match = VendorMatch(
            id=vendor.id, name=vendor.name, match_method=method, confidence=conf, level=level
        )
        cand = (_LEVEL_RANK[level], conf, _neg(vendor.id), match)
        if best is None or cand[:3] > best[:3]:
            best = cand
    return best[3] if best else None


def _neg(text: str) -> tuple[int, ...]:
    """Sort key that makes the alphabetically first id win a tie under ``max``."""
    return tuple(-ord(c) for c in text)
