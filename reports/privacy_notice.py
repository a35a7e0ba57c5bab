"""Building blocks for the tenant operator's own privacy notice for employees (Art. 13/14 GDPR).

A policy generator (or a person) pastes these sections into the notice: the recipients and
processors of employee data reached through Microsoft 365 apps — with role, country, purpose
and transfer safeguard — and the categories of personal data concerned. Everything comes from
the same inventory as the Art. 30 record (:mod:`m365inv.reports.ropa_record`), so the notice and the
record cannot disagree. Gaps stay visible: an app without a known vendor is listed as a
recipient to identify before publishing, never left out.
"""

from __future__ import annotations

import msgspec

from m365inv.models import Inventory
from m365inv.reports.i18n import category_label, check_lang, when
from m365inv.reports.markdown import md_escape
from m365inv.reports.ropa_record import activities
from m365inv.reports.ropa_text import EN, TEXT

_WORDS = {
    "de": {
        "title": "Bausteine für die Datenschutzinformation für Beschäftigte",
        "intro": "Entwurf aus der Microsoft-365-Bestandsaufnahme vom {date}. Vor der "
        "Veröffentlichung prüfen; Angaben in eckigen Klammern ergänzen.",
        "recipients": "Empfänger und Auftragsverarbeiter",
        "cols": ("Empfänger", "Rolle", "Land", "Zweck", "Daten", "Drittlandübermittlung"),
        "categories": "Kategorien personenbezogener Daten",
        "unknown": "[Anbieter vor Veröffentlichung ermitteln]",
        "none": "Es wurden keine Empfänger gefunden.",
        "gaps": "Hinweis: Nicht alle Quellen konnten gelesen werden; die Liste kann "
        "unvollständig sein.",
    },
    "en": {
        "title": "Building blocks for the privacy notice for employees",
        "intro": "Draft from the Microsoft 365 inventory of {date}. Review before publishing; "
        "complete the parts in square brackets.",
        "recipients": "Recipients and processors",
        "cols": ("Recipient", "Role", "Country", "Purpose", "Data", "Third-country transfer"),
        "categories": "Categories of personal data",
        "unknown": "[identify the vendor before publishing]",
        "none": "No recipients were found.",
        "gaps": "Note: not every source could be read; the list may be incomplete.",
    },
}


def render_privacy_notice(inv: Inventory, lang: str = "en") -> str:
    """The notice's recipients table and category list as Markdown, in ``lang``."""
    lang = check_lang(lang)
    w, t = _WORDS[lang], TEXT[lang]
    out = [f"# {w['title']}", "", str(w["intro"]).format(date=when(inv.tenant.scanned_at, lang))]
    if any(not c.complete for c in inv.coverage):
        out += ["", f"> {w['gaps']}"]
    acts = activities(inv, lang)
    out += ["", f"## {w['recipients']}", ""]
    if not acts:
        out.append(str(w["none"]))
    else:
        cols = w["cols"]
        out += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        # One row per recipient: its purposes and data across all activities it takes part in.
        rows: dict[str, tuple[list[str], set[str], set[str]]] = {}
        for a in acts:
            cats = {category_label(f.category, lang) for f in a.flows}
            for r in a.recipients:
                transfer = (
                    t.to_fill
                    if r.third_country is None
                    else f"{r.country}: {r.safeguard}"
                    if r.third_country
                    else t.no
                )
                name = r.name if a.section.matched else f"{r.name} {w['unknown']}"
                _head, purposes, data = rows.setdefault(
                    name, ([name, r.role, r.country, transfer], set(), set())
                )
                if a.purpose:
                    purposes.add(a.purpose)
                data |= cats
        for (name, role, country, transfer), purposes, data in rows.values():
            purpose = "; ".join(sorted(purposes)) or t.to_fill
            row = [name, role, country, purpose, ", ".join(sorted(data)), transfer]
            out.append("| " + " | ".join(md_escape(c) for c in row) + " |")
    every = sorted({category_label(f.category, lang) for a in acts for f in a.flows})
    out += ["", f"## {w['categories']}", ""]
    out += [f"- {md_escape(c)}" for c in every] or [str(w["none"])]
    return "\n".join(out) + "\n"


class NoticeRecipient(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    name: str
    role: str  # processor | controller | unspecified | vendor-unknown | sub-processor | transfer
    country: str | None
    third_country: bool | None  # None: the country is not known
    safeguard: str | None
    purposes: tuple[str, ...]  # as the vendor states them; empty: none stated
    data_categories: tuple[str, ...]  # category keys (see dataCategories for names)


class NoticeCategory(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    en: str
    de: str


class Notice(msgspec.Struct, frozen=True, kw_only=True, rename="camel"):
    """``privacy-notice.json``: the same facts as the Markdown, for a policy generator."""

    tenant_id: str
    scanned_at: str
    complete: bool  # False: a source was not read, the lists may be incomplete
    recipients: tuple[NoticeRecipient, ...]
    data_categories: tuple[NoticeCategory, ...]


def build_notice(inv: Inventory) -> Notice:
    acts = activities(inv, "en")
    found: dict[str, tuple[NoticeRecipient, set[str], set[str]]] = {}
    for a in acts:
        keys = {f.category for f in a.flows}
        for r in a.recipients:
            known = r.third_country is not None  # else country is a "to be completed" note
            entry = found.setdefault(
                r.name,
                (
                    NoticeRecipient(
                        name=r.name,
                        role=r.kind,
                        country=r.country if known else None,
                        third_country=r.third_country,
                        safeguard=r.safeguard
                        if r.third_country and r.safeguard != EN.not_stated
                        else None,
                        purposes=(),
                        data_categories=(),
                    ),
                    set(),
                    set(),
                ),
            )
            if a.purpose:
                entry[1].add(a.purpose)
            entry[2].update(keys)
    recipients = tuple(
        msgspec.structs.replace(r, purposes=tuple(sorted(p)), data_categories=tuple(sorted(k)))
        for r, p, k in found.values()
    )
    every = sorted({f.category for a in acts for f in a.flows})
    return Notice(
        tenant_id=inv.tenant.id,
        scanned_at=inv.tenant.scanned_at,
        complete=all(c.complete for c in inv.coverage),
        recipients=recipients,
        data_categories=tuple(
            NoticeCategory(key=k, en=category_label(k, "en"), de=category_label(k, "de"))
            for k in every
        ),
    )


def render_notice_json(inv: Inventory) -> bytes:
    return msgspec.json.format(msgspec.json.encode(build_notice(inv)), indent=2) + b"\n"


__all__ = ["Notice", "build_notice", "render_notice_json", "render_privacy_notice"]
