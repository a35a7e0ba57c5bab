"""The Art. 30 GDPR record of processing activities, as CSV and XLSX.

Columns follow the German DSK template ("Muster: Verzeichnis von Verarbeitungstätigkeiten,
Verantwortlicher gem. Art. 30 Abs. 1 DS-GVO") for ``--lang de`` and the ICO's documentation
template for controllers for ``--lang en`` (wording in :mod:`m365inv.reports.ropa_text`), one
row per processing activity (recipient × purpose, :mod:`m365inv.reports.ropa_record`). The CSV
repeats the controller's header on each row so one file stands alone; the XLSX has four sheets:
controller, activities, recipients and transfers, evidence (one row per flow).

Every cell goes through :func:`cell_text` (``m365inv.textsafe``): display names come from the
tenant and are hostile input — formulas (OWASP "CSV injection", also after leading whitespace),
control characters XLSX cannot hold, bidi overrides.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import BinaryIO

from m365inv.models import Inventory
from m365inv.reports.i18n import category_label, check_lang, labels, number, when
from m365inv.reports.i18n_findings import evidence_label
from m365inv.reports.ropa_record import Activity, Contact, activities
from m365inv.reports.ropa_text import COLUMN_KEYS, TEXT
from m365inv.reports.xlsx_stream import Sheet, write_xlsx
from m365inv.textsafe import for_cell, for_terminal, for_xml

_HEAD = ("controller", "representative", "dpo")
COLUMNS: dict[str, tuple[str, ...]] = {
    lang: (
        *(t.header[k] for k in _HEAD),
        *(t.columns[k] for k in COLUMN_KEYS),
        t.header["evidence"],
    )
    for lang, t in TEXT.items()
}


def cell_text(value: str) -> str:
    """A cell that shows what it holds and never runs: controls and bidi overrides escaped
    (a name cannot reorder or hide text, and XLSX's XML can hold the result), then
    formula-neutralised — also after leading blanks, which spreadsheet apps skip."""
    return for_cell(for_xml(for_terminal(value)))


def _contact_cells(contact: Contact | None, lang: str) -> list[str]:
    c = contact or Contact()
    fill = TEXT[lang].to_fill
    return [c.controller or fill, c.representative or fill, c.dpo or fill]


def _evidence(a: Activity, lang: str) -> str:
    return "; ".join(sorted({evidence_label(e, lang) for f in a.flows for e in f.evidence}))


def ropa_rows(
    inv: Inventory,
    lang: str = "de",
    contact: Contact | None = None,
    acts: tuple[Activity, ...] | None = None,
) -> list[list[str]]:
    """Header row plus one safe row per processing activity (the CSV and the XLSX sheet)."""
    lang = check_lang(lang)
    head = _contact_cells(contact, lang)
    rows = [list(COLUMNS[lang])]
    for a in activities(inv, lang) if acts is None else acts:
        row = [*head, *(a.cells[k] for k in COLUMN_KEYS), _evidence(a, lang)]
        rows.append([cell_text(c) for c in row])
    return rows


def recipient_rows(
    inv: Inventory, lang: str = "de", acts: tuple[Activity, ...] | None = None
) -> list[list[str]]:
    """Recipients and transfers: one row per (activity, recipient) with country and safeguard."""
    lang = check_lang(lang)
    t = TEXT[lang]
    h = t.header
    rows = [
        [
            t.columns["activity"],
            h["recipient"],
            t.columns["role"],
            h["country"],
            h["third_country"],
            h["safeguard"],
        ]
    ]
    for a in activities(inv, lang) if acts is None else acts:
        for r in a.recipients:
            third = t.to_fill if r.third_country is None else (t.yes if r.third_country else t.no)
            rows.append(
                [cell_text(c) for c in (r.activity, r.name, r.role, r.country, third, r.safeguard)]
            )
    return rows


def evidence_rows(
    inv: Inventory, lang: str = "de", acts: tuple[Activity, ...] | None = None
) -> list[list[str]]:
    """One row per flow: which app reaches which data of whom, and what opens it."""
    return list(iter_evidence_rows(inv, lang, acts))


def iter_evidence_rows(
    inv: Inventory, lang: str = "de", acts: tuple[Activity, ...] | None = None
) -> Iterator[list[str]]:
    """:func:`evidence_rows` one at a time — the XLSX sheet streams them (a row per flow:
    250,000 at a million users)."""
    lang = check_lang(lang)
    t, L = TEXT[lang], labels(lang)
    h = t.header
    yield [
        t.columns["activity"],
        h["app"],
        h["app_id"],
        h["category"],
        h["access"],
        h["scope"],
        h["count"],
        h["disclosed"],
        h["wording"],
        h["evidence"],
    ]
    for a in activities(inv, lang) if acts is None else acts:
        names = {x.app_id: x.display_name or x.app_id for x in a.section.apps}
        for f in a.flows:
            disclosed = L["unknown"] if f.disclosed is None else (t.yes if f.disclosed else t.no)
            count = number(f.subjects.count, lang) if f.subjects.count is not None else "—"
            cells = (
                a.cells["activity"],
                names.get(f.app_id, f.app_id),
                f.app_id,
                category_label(f.category, lang),
                L["access_" + f.access],
                L["scope_" + f.subjects.scope],
                count,
                disclosed,
                f.disclosure.item if f.disclosure else "—",
                "; ".join(evidence_label(e, lang) for e in f.evidence),
            )
            yield [cell_text(c) for c in cells]


def controller_rows(inv: Inventory, lang: str, contact: Contact | None) -> list[list[str]]:
    h = TEXT[lang].header
    tenant = inv.tenant
    pairs = [
        (h["title"], ""),
        *zip((h[k] for k in _HEAD), _contact_cells(contact, lang), strict=True),
        (h["tenant"], f"{tenant.display_name or ''} ({tenant.id})"),
        (h["scanned_at"], when(tenant.scanned_at, lang, time=True)),
    ]
    return [[cell_text(k), cell_text(v)] for k, v in pairs]


def render_csv(inv: Inventory, lang: str = "de", contact: Contact | None = None) -> bytes:
    """UTF-8 with BOM (so Excel detects the encoding), comma-separated, CRLF, all cells quoted."""
    buf = io.BytesIO()
    write_csv(inv, buf, lang, contact)
    return buf.getvalue()


def write_csv(
    inv: Inventory, out: BinaryIO, lang: str = "de", contact: Contact | None = None
) -> None:
    """:func:`render_csv`'s bytes into ``out``, a row at a time (never the document whole)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        text.write("\ufeff")
        writer = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerows(ropa_rows(inv, lang, contact))
        text.flush()
    finally:
        text.detach()  # ``out`` belongs to the caller


def render_xlsx(inv: Inventory, lang: str = "de", contact: Contact | None = None) -> bytes:
    """Four sheets, headers frozen; every cell an inline string (never a formula or a number).

    Streamed row by row (:mod:`m365inv.reports.xlsx_stream`): a million-user tenant's record took
    57 s through openpyxl's write-only mode.
    """
    buf = io.BytesIO()
    write_xlsx_record(inv, buf, lang, contact)
    return buf.getvalue()


def write_xlsx_record(
    inv: Inventory, out: BinaryIO, lang: str = "de", contact: Contact | None = None
) -> None:
    lang = check_lang(lang)
    h = TEXT[lang].header
    stamp = datetime.fromisoformat(inv.tenant.scanned_at.replace("Z", "+00:00")).replace(
        tzinfo=None
    )
    acts = activities(inv, lang)
    sheets = [
        Sheet(h["sheet_controller"], controller_rows(inv, lang, contact), 48),
        Sheet(h["sheet_activities"], ropa_rows(inv, lang, contact, acts), 32),
        Sheet(h["sheet_recipients"], recipient_rows(inv, lang, acts), 32),
        Sheet(h["sheet_evidence"], iter_evidence_rows(inv, lang, acts), 28),
    ]
    write_xlsx(out, sheets, creator=inv.generator.name, title=h["title"], stamp=stamp)


__all__ = [
    "COLUMNS",
    "cell_text",
    "controller_rows",
    "evidence_rows",
    "iter_evidence_rows",
    "recipient_rows",
    "render_csv",
    "render_xlsx",
    "ropa_rows",
    "write_xlsx_record",
]
