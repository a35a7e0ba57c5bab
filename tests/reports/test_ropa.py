"""Art. 30 record: template columns, one row per recipient and category, formula-neutralised
cells — read back from both CSV and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.ropa import COLUMNS, cell_text, render_csv, render_xlsx, ropa_rows
from scanner.models import Inventory
from scanner.textsafe import FORMULA_PREFIXES
from tests.reports.fixture_inventory import HOSTILE_NAMES, empty_inventory

DSK = (
    "Bezeichnung der Verarbeitungstätigkeit",
    "Zwecke der Verarbeitung",
    "Kategorien betroffener Personen",
    "Kategorien personenbezogener Daten",
    "Kategorien von Empfängern",
    "Übermittlung an ein Drittland oder eine internationale Organisation",
    "Geeignete Garantien (Art. 46 DS-GVO)",
    "Vorgesehene Fristen für die Löschung (Löschfristen)",
)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _xlsx_rows(data: bytes) -> list[list[str]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    assert ws is not None
    return [["" if c.value is None else c.value for c in row] for row in ws.iter_rows()]


def _xlsx_types(data: bytes) -> set[str]:
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    return {c.data_type for row in ws.iter_rows() for c in row}


def test_dsk_and_ico_columns() -> None:
    assert COLUMNS["de"][: len(DSK)] == DSK
    assert any("TOM" in c for c in COLUMNS["de"])
    assert COLUMNS["en"][1] == "Purpose of processing"
    assert "Retention schedule" in COLUMNS["en"]
    assert any("third countries" in c for c in COLUMNS["en"])


def test_one_row_per_recipient_and_category(inventory: Inventory) -> None:
    rows = ropa_rows(inventory, "en")
    pairs = [(r[4], r[11]) for r in rows[1:]]
    assert len(pairs) == len(set(pairs))
    # 3 matched vendors (3 + 2 + 2 categories) + 10 unmatched apps x 1 category
    assert len(rows) - 1 == 7 + len(HOSTILE_NAMES)
    mailissa = next(r for r in rows if r[11] == "ext:user.social.group_membership")
    assert mailissa[5] == "US" and mailissa[6] == "EU standard contractual clauses"
    assert mailissa[12] == "no"


def test_no_flows_means_header_only() -> None:
    assert len(ropa_rows(empty_inventory(), "de")) == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_cells_are_neutralised_when_read_back(
    inventory: Inventory, fmt: str, lang: str
) -> None:
    if fmt == "csv":
        rows = _csv_rows(render_csv(inventory, lang))
    else:
        data = render_xlsx(inventory, lang)
        rows = _xlsx_rows(data)
        assert _xlsx_types(data) <= {"s", "inlineStr"}  # no formula cell at all
    assert rows[0] == list(COLUMNS[lang])
    cells = [c for row in rows for c in row]
    for cell in cells:
        assert not cell.startswith(FORMULA_PREFIXES), repr(cell)
    app_cells = {row[10] for row in rows[1:]}
    for name in ('=HYPERLINK("http://x","y")', "+cmd", "-2+3", "@SUM(A1)"):
        assert any(c.startswith("'" + name) for c in app_cells), name
    # Tab and CR are shown as escapes: visible, inert, and the same in CSV and XLSX.
    assert any(c.startswith("\\x09Tabbed") for c in app_cells)
    assert any(c.startswith("\\x0dCarriage") for c in app_cells)
    assert any("تطبيق البريد" in c for c in app_cells) and any("邮件同步工具" in c for c in cells)


@given(st.text())
def test_cell_text_never_leaves_a_formula(text: str) -> None:
    out = cell_text(text)
    assert not out.lstrip(" \t\r\n\x0b\x0c\u00a0\u3000").startswith(FORMULA_PREFIXES)


def test_csv_golden(inventory: Inventory, golden: Callable[[str, bytes], None]) -> None:
    golden("art30-record.de.csv", render_csv(inventory, "de"))
    golden("art30-record.en.csv", render_csv(inventory, "en"))
