"""The Art. 30 record as data: one activity per (recipient, purpose), its recipients, its evidence.

A draft a DPO can file, not an evidence dump. Each activity row carries what the scan knows
(categories of data and subjects, recipients with country and safeguard, the vendor's stated
purpose, retention and security claims, when access was first granted) and marks every cell only
the controller can fill as such (:data:`TO_FILL`) — never a guess that looks like a fact:

* the vendor's **role** comes from the catalog; when the catalog is silent it is "not stated",
  never a default "processor";
* the **purpose** is the vendor's stated purpose for the flows it discloses; flows it does not
  disclose form their own activity whose purpose the controller must state;
* the **lawful basis** is the controller's own decision: the cell names the bases the vendor's
  policy gives (for its own processing) and asks for confirmation;
* **TOMs** are the vendor's claims and labelled so; a **DPA** (AVV) cannot be seen from a tenant,
  so the cell says what the profile records (``dpa_on_file``): "on file", "not on file" for a
  processor it does not list, "not applicable" for a controller, "not stated" when the role is.

Labels live in :mod:`m365inv.reports.ropa_text`; this module only decides what goes in each cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from m365inv.catalog.model import EU_EEA
from m365inv.models import Flow, Inventory
from m365inv.profiles import Profile
from m365inv.reports.i18n import category_label, number, when
from m365inv.reports.memo import last_result
from m365inv.reports.ropa_text import TEXT, Text
from m365inv.reports.summary import VendorSection, summarise


class Contact(msgspec.Struct, frozen=True, kw_only=True):
    """The record's header (DSK: "Angaben zum Verantwortlichen"), from the tenant profile."""

    controller: str | None = None
    representative: str | None = None
    dpo: str | None = None

    @classmethod
    def of(cls, profile: Profile) -> Contact:
        """The ``controller`` / ``representative`` / ``dpo`` keys of a tenant profile."""
        return cls(
            controller=profile.controller, representative=profile.representative, dpo=profile.dpo
        )


class Recipient(msgspec.Struct, frozen=True, kw_only=True):
    activity: str
    name: str
    role: str  # label in the record's language
    kind: str  # processor | controller | unspecified | vendor-unknown | sub-processor | transfer
    country: str
    third_country: bool | None  # None: country unknown
    safeguard: str


class Activity(msgspec.Struct, frozen=True, kw_only=True):
    cells: dict[str, str]  # column key -> text
    purpose: str  # the vendor's stated purpose, "" when it states none
    recipients: tuple[Recipient, ...]
    flows: tuple[Flow, ...]
    section: VendorSection


def _join(items: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i))


def _subjects(flows: Sequence[Flow], t: Text, lang: str) -> str:
    kinds = sorted({k for f in flows for k in f.subjects.kinds})
    names = [t.kinds.get(k, k) for k in kinds] or [t.kinds["employee"]]
    counts = [f.subjects.count for f in flows if f.subjects.count is not None]
    people = t.people.format(n=number(max(counts), lang)) if counts else t.count_unknown
    return f"{', '.join(names)} ({people})"


def _names(transfer_recipient: str | None, name: str) -> bool:
    """Whether a transfer applies to ``name``: it names no recipient, or names this one."""
    if not transfer_recipient:
        return True
    a, b = transfer_recipient.casefold(), name.casefold()
    return a in b or b in a


def _safeguard(
    country: str | None, name: str, section: VendorSection, t: Text
) -> tuple[bool | None, str]:
    """Per recipient: a safeguard the vendor states for *this* recipient's country (a
    group-internal SCC does not cover an ad tracker in the same country)."""
    if not country:
        return None, t.to_fill
    if country.upper() in EU_EEA:
        return False, t.in_eea
    info = section.info
    stated = [
        tr.safeguard
        for tr in (info.transfers if info else ())
        if tr.country == country and _names(tr.recipient, name)
    ]
    if not any(stated):  # "outside the EEA we rely on the SCC" covers it too
        stated += [
            u.safeguard
            for u in (info.unnamed_country_transfers if info else ())
            if _names(u.recipient, name)
        ]
    return True, _join([s for s in stated if s]) or t.not_stated


def _recipients(activity: str, section: VendorSection, t: Text) -> tuple[Recipient, ...]:
    info = section.info
    if info is None:
        return (
            Recipient(
                activity=activity,
                name=section.name,
                role=t.role_unknown_vendor,
                kind="vendor-unknown",
                country=t.to_fill,
                third_country=None,
                safeguard=t.to_fill,
            ),
        )
    third, guard = _safeguard(info.country, info.legal_entity or info.name, section, t)
    out = [
        Recipient(
            activity=activity,
            name=info.legal_entity or info.name,
            role=t.roles[info.role],
            kind=info.role,
            country=info.country or t.to_fill,
            third_country=third,
            safeguard=guard,
        )
    ]
    for p in info.sub_processors:
        # Website trackers are not recipients of tenant data (issue 12 "transfers per scope");
        # a catalog record that carries a scope says so.
        if getattr(p, "scope", "service") != "service":
            continue
        third, guard = _safeguard(p.country, p.name, section, t)
        out.append(
            Recipient(
                activity=activity,
                name=p.name + (f" ({p.purpose})" if p.purpose else ""),
                role=t.sub_processor,
                kind="sub-processor",
                country=p.country or t.to_fill,
                third_country=third,
                safeguard=guard,
            )
        )
    covered = {(r.country, r.name.casefold()) for r in out}

    def stated(recipient: str | None, country: str, third: bool, guard: str | None) -> Recipient:
        """A row for a transfer the vendor states to a recipient it lists nowhere else."""
        return Recipient(
            activity=activity,
            name=recipient or t.not_stated,
            role=t.transfer_recipient,
            kind="transfer",
            country=country,
            third_country=third,
            safeguard=guard or t.not_stated,
        )

    for tr in info.transfers:  # transfers to recipients not listed as sub-processors
        if not any(c == tr.country and _names(tr.recipient, n) for c, n in covered):
            third = tr.country.upper() not in EU_EEA
            out.append(stated(tr.recipient, tr.country, third, tr.safeguard))
    for u in info.unnamed_country_transfers:
        # a recipient in a named third country already shows the safeguard; the statement
        # stands on its own row only when no such recipient is listed
        if not any(r.third_country and _names(u.recipient, r.name) for r in out):
            out.append(stated(u.recipient, t.unnamed_countries, True, u.safeguard))
    return tuple(out)


def _dpa(section: VendorSection, t: Text) -> str:
    """The DPA (AVV) cell: what the profile records (``dpa_on_file``, decided by the scanner
    into :attr:`VendorInfo.dpa_on_file`) read against the vendor's role from the catalog."""
    info = section.info
    if info is None:
        return t.dpa_to_fill
    if info.dpa_on_file:
        return t.dpa_on_file
    return {
        "processor": t.dpa_not_on_file,
        "controller": t.dpa_controller,
        "unspecified": t.dpa_not_stated,
    }[info.role]


def _source(flows: Sequence[Flow], t: Text) -> str:
    scim = any(e.startswith("provisioning:") for f in flows for e in f.evidence)
    parts = [t.source_scim] if scim else []
    if any(not e.startswith("provisioning:") for f in flows for e in f.evidence):
        parts.append(t.source_graph)
    return _join(parts) or t.source_graph


def _introduced(section: VendorSection, lang: str, t: Text) -> str:
    dates = sorted(p.granted_at for a in section.apps for p in a.permissions if p.granted_at)
    return t.first_grant.format(date=when(dates[0], lang)) if dates else t.to_fill


def _activity(
    section: VendorSection,
    kind: str,
    purpose: str,
    flows: tuple[Flow, ...],
    art9: bool,
    lang: str,
    t: Text,
) -> Activity:
    info = section.info
    categories = sorted({category_label(f.category, lang) for f in flows})
    # Distinct names: the stated purpose, else the data the controller must find a purpose for.
    name = f"{t.activity.format(name=section.name)}: {purpose or ', '.join(categories)}"
    disclosures = [f.disclosure for f in flows if f.disclosure]
    undisclosed = any(f.disclosed is False for f in flows)
    bases = _join([d.legal_basis or "" for d in disclosures]) or (
        _join(list(info.legal_bases)) if info else ""
    )
    recipients = _recipients(name, section, t)
    third = [r for r in recipients if r.third_country]
    cells = {
        "activity": name,
        "introduced": _introduced(section, lang, t),
        "department": t.to_fill,
        "purpose": t.vendor_purpose.format(purpose=purpose) if purpose else t.purposes[kind],
        "joint_controller": t.joint_check if info and info.role == "controller" else t.none,
        "subjects": _subjects(flows, t, lang),
        "data": ", ".join(categories),
        "recipients": _join([f"{r.name} ({r.role}, {r.country})" for r in recipients]),
        "role": t.roles[info.role] if info else t.role_unknown_vendor,
        "dpa": _dpa(section, t),
        "third_countries": _join([f"{r.name}: {r.country}" for r in third]) or t.none,
        "safeguards": _join([f"{r.name}: {r.safeguard}" for r in third]) or t.none,
        "retention": _join([d.retention or "" for d in disclosures]) or t.to_fill,
        "toms": t.vendor_claims.format(claims=_join(list(info.security_measures)))
        if info and info.security_measures
        else t.to_fill,
        "legal_basis": t.vendor_bases.format(bases=bases) if bases else t.to_fill,
        "art9": t.art9_check if art9 else t.art9_none,
        "location": _join(list(info.processing_locations) or [info.country or ""]) or t.to_fill
        if info
        else t.to_fill,
        "source": _source(flows, t),
        "apps": _join([f"{a.display_name or a.app_id} ({a.app_id})" for a in section.apps]),
        "disclosed": t.disclosed_no
        if undisclosed
        else (t.disclosed_none if any(f.disclosed is None for f in flows) else t.disclosed_yes),
    }
    return Activity(
        cells=cells, purpose=purpose, recipients=recipients, flows=flows, section=section
    )


@last_result
def activities(inv: Inventory, lang: str) -> tuple[Activity, ...]:
    """Every processing activity, vendors in report order, purposes in first-seen order."""
    t = TEXT[lang]
    out = []
    for section in summarise(inv).sections:
        art9 = any(f.code.startswith("ART9") for f in section.findings)
        groups: dict[tuple[str, str], list[Flow]] = {}
        for f in section.flows:
            if f.disclosed and f.disclosure and f.disclosure.purpose:
                key = ("purpose", f.disclosure.purpose)
            else:
                key = ("disclosed" if f.disclosed else "undisclosed" if f.disclosed is False
                       else "unknown", "")  # fmt: skip
            groups.setdefault(key, []).append(f)
        for (kind, purpose), flows in groups.items():
            out.append(_activity(section, kind, purpose, tuple(flows), art9, lang, t))
    return tuple(out)


__all__ = ["Activity", "Contact", "Recipient", "activities"]
