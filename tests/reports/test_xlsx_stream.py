"""The streaming XLSX writer, read back by openpyxl (an independent reader of the format)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from m365inv.reports.xlsx_stream import Sheet, write_xlsx

STAMP = dt.datetime(2026, 1, 2, 3, 4, 5)


def _book(sheets: list[Sheet]) -> bytes:
    buf = io.BytesIO()
    write_xlsx(buf, sheets, creator="m365inv", title='Record "A" & <B>', stamp=STAMP)
    return buf.getvalue()


def test_sheets_cells_styles_and_properties_read_back() -> None:
    hostile = ['=HYPERLINK("x")', "a & b < c > d", "nul\x00 and \x1b esc", "  lead", "🦄 ü ش"]
    data = _book(
        [
            Sheet("First", [["h1", "h2"], ["x", "y"]], 40),
            Sheet("S" * 40, [["only"], *([v] for v in hostile)], 20),
            Sheet("Empty", [], 10),
        ]
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["First", "S" * 31, "Empty"]
    first, second = wb["First"], wb["S" * 31]
    assert [[c.value for c in r] for r in first.iter_rows()] == [["h1", "h2"], ["x", "y"]]
    got = [r[0].value for r in second.iter_rows()][1:]
    # XML cannot carry NUL or ESC: they become U+FFFD; everything else is kept verbatim
    assert got == [*hostile[:2], "nul\ufffd and \ufffd esc", *hostile[3:]]
    assert {c.data_type for r in second.iter_rows() for c in r} == {"s"}  # never a formula
    assert first.freeze_panes == "A2" and second.freeze_panes == "A2"
    assert first["A1"].font.b and not first["A2"].font.b
    assert first["A2"].alignment.wrap_text and first["A2"].alignment.vertical == "top"
    assert first.column_dimensions["A"].width == 40
    assert wb.properties.creator == "m365inv" and wb.properties.title == 'Record "A" & <B>'
    assert wb.properties.created == STAMP.replace(second=5)


def test_same_input_same_bytes_and_wide_rows() -> None:
    rows = [["h"], ["a", "b", "c"], [str(i) for i in range(30)]]  # wider than the header
    one, two = _book([Sheet("W", rows, 10)]), _book([Sheet("W", rows, 10)])
    assert one == two
    ws = openpyxl.load_workbook(io.BytesIO(one))["W"]
    assert [c.value for c in list(ws.iter_rows())[2]] == [str(i) for i in range(30)]
    assert ws.cell(3, 28).column_letter == "AB"
