"""What every human report says, computed once: counts, gaps and one section per vendor.

HTML, Markdown and the Art. 30 record all present the same facts; deriving them here keeps the
three from disagreeing (one saying "3 vendors", another "4").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import msgspec

from m365inv.canonical import canonical
from m365inv.findings.severity import most_severe_first
from m365inv.models import App, Coverage, Finding, Flow, Inventory, VendorInfo
from m365inv.reports.memo import last_result

SEVERITIES = ("critical", "high", "medium", "low", "info")


class VendorSection(msgspec.Struct, frozen=True, kw_only=True):
    """One recipient: a catalog vendor, or a single app no vendor matched."""

    key: str  # catalog id, or "app:<appId>" for an unmatched app
    name: str
    matched: bool
    info: VendorInfo | None
    apps: tuple[App, ...]
    flows: tuple[Flow, ...]
    findings: tuple[Finding, ...]
    max_people: int | None  # the largest subject count among its flows; None: unknown

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(sorted({f.category for f in self.flows}))

    @property
    def undisclosed(self) -> int:
        return sum(1 for f in self.flows if f.disclosed is False)


class Summary(msgspec.Struct, frozen=True, kw_only=True):
    inventory: Inventory  # canonical
    third_party_apps: tuple[App, ...]
    first_party_apps: tuple[App, ...]
    scanner_apps: tuple[App, ...] = ()  # the scanner's own app (profile client id)
    sections: tuple[VendorSection, ...]
    vendor_count: int  # matched catalog vendors
    unmatched_count: int
    flow_count: int
    undisclosed_count: int
    unknown_count: int
    findings_by_severity: dict[str, int]
    gaps: tuple[Coverage, ...]

    @property
    def nothing_read(self) -> bool:
        """No source was read: any statement about flows would be a guess."""
        cov = self.inventory.coverage
        return bool(cov) and not any(c.complete for c in cov)


def _max_people(flows: Iterable[Flow]) -> int | None:
    counts = [f.subjects.count for f in flows]
    known = [c for c in counts if c is not None]
    return max(known) if known else None


def _findings(apps: Iterable[App]) -> tuple[Finding, ...]:
    found = [f for a in apps for f in a.findings]
    return tuple(sorted(found, key=lambda f: (most_severe_first(f.severity), f.code, f.message)))


_URL = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][!#-;=?-\[\]_a-z~]*)?$")


def https_url(url: str | None) -> str | None:
    """``url`` when it is a plain ``https:`` URL, else ``None``.

    A catalog file is edited by people and drafted from web pages: a ``javascript:``, ``data:``
    or ``http:`` link (or one with controls, spaces or credentials in it) must not become a
    clickable link in the HTML, a Markdown link or the Fides manifest's ``privacy_policy``.
    """
    if url is None or not _URL.match(url):
        return None
    return url


def _safe_info(info: VendorInfo) -> VendorInfo:
    if info.policy_url is None or https_url(info.policy_url) == info.policy_url:
        return info
    return msgspec.structs.replace(info, policy_url=None)


def _sections(inv: Inventory, third: tuple[App, ...]) -> tuple[VendorSection, ...]:
    infos = {v.id: _safe_info(v) for v in inv.vendors}
    by_vendor: dict[str, list[App]] = {}
    names: dict[str, str] = {}
    for app in third:
        key = app.vendor.id if app.vendor else f"app:{app.app_id}"
        by_vendor.setdefault(key, []).append(app)
        names[key] = app.vendor.name if app.vendor else (app.display_name or app.app_id)
    key_of = {a.app_id: key for key, apps in by_vendor.items() for a in apps}
    flows_of: dict[str, list[Flow]] = {}  # one pass over the flows (in order), not one per vendor
    for f in inv.flows:
        if (k := key_of.get(f.app_id)) is not None:
            flows_of.setdefault(k, []).append(f)
    sections = []
    for key, apps in by_vendor.items():
        flows = tuple(flows_of.get(key, ()))
        sections.append(
            VendorSection(
                key=key,
                name=names[key],
                matched=not key.startswith("app:"),
                info=infos.get(key),
                apps=tuple(apps),
                flows=flows,
                findings=_findings(apps),
                max_people=_max_people(flows),
            )
        )
    # Matched vendors first, then by name; the key breaks ties so output is deterministic.
    return tuple(sorted(sections, key=lambda s: (not s.matched, s.name.casefold(), s.key)))


@last_result
def summarise(inv: Inventory) -> Summary:
    inv = canonical(inv)
    third = tuple(a for a in inv.apps if not (a.first_party or a.scanner))
    first = tuple(a for a in inv.apps if a.first_party)
    sections = _sections(inv, third)
    sev: Counter[str] = Counter(f.severity for a in inv.apps for f in a.findings)
    third_ids = {a.app_id for a in third}
    flows = [f for f in inv.flows if f.app_id in third_ids]
    return Summary(
        inventory=inv,
        third_party_apps=third,
        first_party_apps=first,
        scanner_apps=tuple(a for a in inv.apps if a.scanner),
        sections=sections,
        vendor_count=sum(1 for s in sections if s.matched),
        unmatched_count=sum(1 for s in sections if not s.matched),
        flow_count=len(flows),
        undisclosed_count=sum(1 for f in flows if f.disclosed is False),
        unknown_count=sum(1 for f in flows if f.disclosed is None),
        findings_by_severity={s: sev.get(s, 0) for s in SEVERITIES},
        gaps=tuple(c for c in inv.coverage if not c.complete),
    )


__all__ = ["SEVERITIES", "Summary", "VendorSection", "https_url", "summarise"]
