"""The Art. 30 GDPR record of processing activities, as CSV and XLSX.

Columns follow the German DSK template ("Muster: Verzeichnis von Verarbeitungstätigkeiten,
Verantwortlicher gem. Art. 30 Abs. 1 DS-GVO") for ``--lang de`` and the ICO's documentation
template for controllers for ``--lang en``, followed by evidence columns the scan adds. One row
per recipient (vendor, or an app no vendor matched) and data category.

Every cell goes through :func:`cell_text` (``scanner.textsafe``): display names come from the
tenant and are hostile input — formulas (OWASP "CSV injection", also after leading whitespace),
control characters XLSX cannot hold, bidi overrides.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reports.i18n import category_label, check_lang
from reports.summary import VendorSection, summarise
from scanner.models import Flow, Inventory
from scanner.textsafe import for_cell, for_terminal, for_xml

COLUMNS: dict[str, tuple[str, ...]] = {
    "de": (
        "Bezeichnung der Verarbeitungstätigkeit",
        "Zwecke der Verarbeitung",
        "Kategorien betroffener Personen",
        "Kategorien personenbezogener Daten",
        "Kategorien von Empfängern",
        "Übermittlung an ein Drittland oder eine internationale Organisation",
        "Geeignete Garantien (Art. 46 DS-GVO)",
        "Vorgesehene Fristen für die Löschung (Löschfristen)",
        "Technische und organisatorische Maßnahmen (TOM, Art. 32 Abs. 1 DS-GVO)",
        "Rechtsgrundlage",
        "Anwendungen (App-ID)",
        "Datenkategorie (Schlüssel)",
        "Vom Anbieter offengelegt",
        "Nachweis",
    ),
    "en": (
        "Processing activity",
        "Purpose of processing",
        "Categories of individuals",
        "Categories of personal data",
        "Categories of recipients",
        "Names of third countries or international organisations that personal data are "
        "transferred to",
        "Safeguards for exceptional transfers of personal data to third countries or "
        "international organisations",
        "Retention schedule",
        "General description of technical and organisational security measures",
        "Lawful basis",
        "Apps (app ID)",
        "Data category (key)",
        "Disclosed by vendor",
        "Evidence",
    ),
}

_TEXT: dict[str, dict[str, object]] = {
    "de": {
        "activity": "Datenzugriff durch {name} (Microsoft 365)",
        "unknown": "nicht angegeben",
        "no_disclosure": "keine Angaben des Anbieters hinterlegt",
        "none": "keine angegeben",
        "yes": "ja",
        "no": "nein",
        "people": "ca. {n} Personen",
        "kinds": {"employee": "Beschäftigte", "guest": "Gäste", "external-contact": "Externe"},
        "processor": "Auftragsverarbeiter",
        "unmatched": "Anbieter unbekannt",
    },
    "en": {
        "activity": "Data access by {name} (Microsoft 365)",
        "unknown": "not stated",
        "no_disclosure": "no vendor disclosure on file",
        "none": "none stated",
        "yes": "yes",
        "no": "no",
        "people": "about {n} people",
        "kinds": {"employee": "employees", "guest": "guests", "external-contact": "external"},
        "processor": "processor",
        "unmatched": "vendor unknown",
    },
}


def cell_text(value: str) -> str:
    """A cell that shows what it holds and never runs: controls and bidi overrides escaped
    (a name cannot reorder or hide text, and XLSX's XML can hold the result), then
    formula-neutralised — also after leading blanks, which spreadsheet apps skip."""
    return for_cell(for_xml(for_terminal(value)))


def _join(items: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(i for i in items if i))


def _subjects(flows: Sequence[Flow], t: dict[str, object]) -> str:
    kinds_map = t["kinds"]
    assert isinstance(kinds_map, dict)
    kinds = sorted({k for f in flows for k in f.subjects.kinds})
    names = [str(kinds_map.get(k, k)) for k in kinds] or [str(kinds_map["employee"])]
    counts = [f.subjects.count for f in flows if f.subjects.count is not None]
    people = str(t["people"]).format(n=max(counts)) if counts else str(t["unknown"])
    return f"{', '.join(names)} ({people})"


def _row(section: VendorSection, category: str, flows: list[Flow], lang: str) -> list[str]:
    t = _TEXT[lang]
    info = section.info
    disclosures = [f.disclosure for f in flows if f.disclosure]
    statuses = {f.disclosed for f in flows}
    disclosed = (
        str(t["no"]) if False in statuses
        else str(t["no_disclosure"]) if None in statuses
        else str(t["yes"])
    )  # fmt: skip
    recipient = (info.legal_entity or info.name) if info else section.name
    role = str(t["processor"]) if section.matched else str(t["unmatched"])
    subs = [f"{p.name} ({p.country})" if p.country else p.name for p in info.sub_processors] if (
        info
    ) else []  # fmt: skip
    return [
        str(t["activity"]).format(name=section.name),
        _join([d.purpose or "" for d in disclosures]) or str(t["no_disclosure"]),
        _subjects(flows, t),
        f"{category_label(category, lang)}",
        _join([f"{recipient} ({role})", *subs]),
        _join([tr.country for tr in info.transfers]) if info and info.transfers else str(t["none"]),
        _join([tr.safeguard or "" for tr in info.transfers])
        if info and info.transfers
        else str(t["none"]),
        _join([d.retention or "" for d in disclosures]) or str(t["unknown"]),
        _join(list(info.security_measures))
        if info and info.security_measures
        else str(t["unknown"]),
        _join([d.legal_basis or "" for d in disclosures]) or str(t["unknown"]),
        _join([f"{a.display_name or a.app_id} ({a.app_id})" for a in section.apps]),
        category,
        disclosed,
        _join(sorted({e for f in flows for e in f.evidence})),
    ]


def ropa_rows(inv: Inventory, lang: str = "de") -> list[list[str]]:
    """Header row plus one neutralised row per (recipient, data category)."""
    lang = check_lang(lang)
    rows = [list(COLUMNS[lang])]
    for section in summarise(inv).sections:
        by_cat: dict[str, list[Flow]] = {}
        for f in section.flows:
            by_cat.setdefault(f.category, []).append(f)
        for category in sorted(by_cat):
            rows.append([cell_text(c) for c in _row(section, category, by_cat[category], lang)])
    return rows


def render_csv(inv: Inventory, lang: str = "de") -> bytes:
    """UTF-8 with BOM (so Excel detects the encoding), comma-separated, CRLF, all cells quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows(ropa_rows(inv, lang))
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def render_xlsx(inv: Inventory, lang: str = "de") -> bytes:
    """One sheet, header frozen; every cell a string (never a formula)."""
    # Write-only mode streams rows instead of holding a cell object per value: a 100k-user
    # tenant's record has ~25k rows and the normal mode took ~7 s to build it.
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Art. 30")
    stamp = datetime.fromisoformat(inv.tenant.scanned_at.replace("Z", "+00:00")).replace(
        tzinfo=None
    )
    wb.properties.creator = inv.generator.name
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.title = "Verzeichnis von Verarbeitungstätigkeiten" if lang == "de" else (
        "Record of processing activities"
    )  # fmt: skip
    rows = ropa_rows(inv, lang)
    for c in range(1, len(rows[0]) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 32
    ws.freeze_panes = "A2"
    wrap, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)  # shared styles
    for r, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
            cell.alignment = wrap
            if r == 0:
                cell.font = bold
            cells.append(cell)
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["COLUMNS", "cell_text", "render_csv", "render_xlsx", "ropa_rows"]
