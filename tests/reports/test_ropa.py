"""Art. 30 record (issue 12): a draft a DPO can file — one row per processing activity, the role
from the catalog, recipients with country and safeguard, cells to fill marked as such — read
back from both CSV and XLSX, every cell inert."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import msgspec
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from m365inv.models import Finding, Inventory, SubProcessor, Transfer, UnnamedTransfer
from m365inv.profiles import validate_profile
from m365inv.reports import write_reports
from m365inv.reports.ropa import (
    COLUMNS,
    cell_text,
    evidence_rows,
    recipient_rows,
    render_csv,
    render_xlsx,
    ropa_rows,
)
from m365inv.reports.ropa_record import Contact
from m365inv.reports.ropa_text import COLUMN_KEYS, TEXT
from m365inv.textsafe import FORMULA_PREFIXES
from tests.reports.fixture_inventory import HOSTILE_NAMES, empty_inventory

# "Muster: Verzeichnis von Verarbeitungstätigkeiten – Verantwortlicher" (DSK) and the ICO's
# "Documentation template for controllers", as the templates word them.
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
ICO = (
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Retention schedule (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 basis for processing special category data",
    "Location of personal data",
)


def _col(lang: str, key: str) -> int:
    return COLUMNS[lang].index(TEXT[lang].columns[key])


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def _sheets(data: bytes) -> dict[str, list[list[str]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    out = {}
    for ws in wb.worksheets:
        assert {c.data_type for row in ws.iter_rows() for c in row} <= {"s", "inlineStr"}
        out[ws.title] = [["" if c.value is None else c.value for c in r] for r in ws.iter_rows()]
    return out


def test_dsk_and_ico_columns() -> None:
    for heading in DSK:
        assert heading in COLUMNS["de"]
    for heading in ICO:
        assert heading in COLUMNS["en"]
    assert any("TOM" in c for c in COLUMNS["de"])
    assert len(COLUMNS["de"]) == len(COLUMNS["en"]) == 3 + len(COLUMN_KEYS) + 1


def test_one_row_per_activity_vendor_times_purpose(inventory: Inventory) -> None:
    rows = ropa_rows(inventory, "en")[1:]
    names = [r[_col("en", "activity")] for r in rows]
    assert len(names) == len(set(names))
    mailissa = [r for r in rows if "axontic" in r[_col("en", "activity")]]
    # stated purpose / disclosed without purpose / not disclosed: three activities, not 3 rows
    # per category as before
    assert len(mailissa) == 3
    stated = next(r for r in mailissa if "Bereitstellung des Dienstes" in r[_col("en", "activity")])
    assert stated[_col("en", "purpose")].startswith("as the vendor states it: Bereitstellung")
    assert stated[_col("en", "retention")] == "bis Vertragsende"
    assert stated[_col("en", "data")] == "E-mail address"  # readable name, not the key


def test_no_missing_disclosure_text_on_disclosed_rows(inventory: Inventory) -> None:
    for lang in ("de", "en"):
        t = TEXT[lang]
        for r in ropa_rows(inventory, lang)[1:]:
            if r[_col(lang, "disclosed")] == t.disclosed_yes:
                assert r[_col(lang, "purpose")] != t.purposes["unknown"], r


def test_role_comes_from_the_catalog_never_a_default(inventory: Inventory) -> None:
    roles = {r[_col("en", "activity")].split(":")[0]: r[_col("en", "role")] for r in ropa_rows(
        inventory, "en"
    )[1:]}  # fmt: skip
    assert roles["Data access by axontic GmbH (Microsoft 365)"] == "processor"
    assert roles["Data access by MailStore Software GmbH (Microsoft 365)"] == (
        "independent controller"
    )
    assert roles["Data access by Mail Professionals GmbH (Microsoft 365)"] == "not stated"
    assert roles["Data access by <script>alert(1)</script> (Microsoft 365)"] == "vendor unknown"


def test_controller_rows_say_dpa_and_joint_control_need_checking(inventory: Inventory) -> None:
    row = next(r for r in ropa_rows(inventory, "de")[1:] if "MailStore" in r[3])
    assert row[_col("de", "dpa")].startswith("nicht anwendbar, falls eigenständig")
    assert row[_col("de", "joint_controller")].startswith("[prüfen")
    other = next(r for r in ropa_rows(inventory, "de")[1:] if "axontic" in r[3])
    assert other[_col("de", "dpa")].startswith("AVV liegt nicht vor (nicht im Profil erfasst)")
    unclear = next(r for r in ropa_rows(inventory, "de")[1:] if "Mail Professionals" in r[3])
    assert unclear[_col("de", "dpa")].startswith("nicht angegeben (Rolle des Anbieters unklar)")
    unknown = next(r for r in ropa_rows(inventory, "de")[1:] if "<script>" in r[3])
    assert (
        unknown[_col("de", "dpa")] == "[vom Verantwortlichen auszufüllen: AVV abgeschlossen am …]"
    )


@pytest.mark.parametrize(
    ("lang", "on", "off"),
    [
        ("en", "on file (recorded in the profile: dpa_on_file)", "not on file (not recorded"),
        ("de", "AVV liegt vor (laut Profil: dpa_on_file)", "AVV liegt nicht vor (nicht im"),
    ],
)
def test_dpa_cell_follows_the_profile_record(
    inventory: Inventory, lang: str, on: str, off: str
) -> None:
    """``dpaOnFile`` (decided by the scanner from the profile) → "on file", whatever the role."""
    vendors = tuple(
        msgspec.structs.replace(v, dpa_on_file=v.id in {"axontic-mailissa", "mailstore"})
        for v in inventory.vendors
    )
    rows = ropa_rows(msgspec.structs.replace(inventory, vendors=vendors), lang)[1:]
    cells = {r[3].split(":")[0]: r[_col(lang, "dpa")] for r in rows}
    assert {v for k, v in cells.items() if "axontic" in k or "MailStore" in k} == {on}
    before = {r[3].split(":")[0]: r[_col(lang, "dpa")] for r in ropa_rows(inventory, lang)[1:]}
    assert any("axontic" in k and v.startswith(off) for k, v in before.items())


def test_lawful_basis_names_the_catalogs_bases(inventory: Inventory) -> None:
    for r in ropa_rows(inventory, "en")[1:]:
        if "MailStore" in r[3]:
            basis = r[_col("en", "legal_basis")]
            assert "Art. 6 Abs. 1 lit. b DSGVO; Art. 6 Abs. 1 lit. f DSGVO" in basis
            assert "not stated" not in basis


def test_toms_are_labelled_as_vendor_claims(inventory: Inventory) -> None:
    row = next(r for r in ropa_rows(inventory, "de")[1:] if "MailStore" in r[3])
    assert row[_col("de", "toms")] == "Angaben des Anbieters (nicht geprüft): ISO 27001"


def test_empty_cells_are_marked_for_the_controller(inventory: Inventory) -> None:
    rows = ropa_rows(inventory, "en")
    fill = TEXT["en"].to_fill
    for r in rows[1:]:
        assert all(c.strip() for c in r), r  # nothing silently empty
        assert r[_col("en", "department")] == fill
        assert r[:3] == [fill, fill, fill]  # no contact configured


def test_contact_from_the_profile_fills_the_header(inventory: Inventory, tmp_path: Path) -> None:
    prof = validate_profile(
        "contoso",
        {
            "tenant_id": "contoso.example",
            "client_id": "11111111-2222-3333-4444-555555555555",
            "controller": "Contoso GmbH, Hauptstr. 1, 10115 Berlin, privacy@contoso.example",
            "dpo": "Erika Mustermann, dsb@contoso.example",
        },
    )
    assert prof.to_toml_fields()["dpo"] == "Erika Mustermann, dsb@contoso.example"
    contact = Contact.of(prof)
    row = ropa_rows(inventory, "de", contact)[1]
    assert row[0].startswith("Contoso GmbH") and row[2].startswith("Erika")
    assert row[1] == TEXT["de"].to_fill  # representative not configured
    written = write_reports(inventory, tmp_path, "xlsx", "de", contact)
    sheets = _sheets(written["xlsx"].read_bytes())
    assert ["Datenschutzbeauftragter (Kontakt)", "Erika Mustermann, dsb@contoso.example"] in (
        sheets["Verantwortlicher"]
    )


def test_profile_rejects_a_non_text_contact() -> None:
    from m365inv.errors import ConfigError

    with pytest.raises(ConfigError, match="dpo must be text"):
        validate_profile(
            "x",
            {"tenant_id": "contoso.example", "client_id": "11111111-2222-3333-4444-555555555555",
             "dpo": 3},
        )  # fmt: skip


def test_recipients_carry_country_and_their_own_safeguard(inventory: Inventory) -> None:
    vendors = []
    for v in inventory.vendors:
        if v.id == "axontic-mailissa":
            v = msgspec.structs.replace(
                v,
                sub_processors=(
                    *v.sub_processors,
                    SubProcessor(name="AdTracker Inc.", country="US"),
                ),
                transfers=(Transfer(country="US", recipient="Hosting provider", safeguard="SCC"),),
            )
        vendors.append(v)
    rows = recipient_rows(msgspec.structs.replace(inventory, vendors=tuple(vendors)), "en")
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["Hosting provider"][3:] == ["US", "yes", "SCC"]
    # the SCC names another recipient: it does not make the tracker "safeguarded"
    assert by_name["AdTracker Inc."][3:] == ["US", "yes", "not stated"]
    assert by_name["Hetzner Online GmbH (Hosting)"][3:] == ["DE", "no", "not needed (EU/EEA)"]


def test_a_safeguard_for_unnamed_third_countries_covers_recipients_without_their_own(
    inventory: Inventory,
) -> None:
    def rows_with(**fields: object) -> dict[str, list[str]]:
        vendors = tuple(
            msgspec.structs.replace(v, **fields) if v.id == "axontic-mailissa" else v
            for v in inventory.vendors
        )
        rows = recipient_rows(msgspec.structs.replace(inventory, vendors=vendors), "en")
        return {r[1]: r for r in rows[1:]}

    unnamed = (UnnamedTransfer(safeguard="SCC"),)
    by_name = rows_with(
        sub_processors=(SubProcessor(name="Mailer Inc.", country="US"),
                        SubProcessor(name="Hetzner Online GmbH", country="DE")),
        transfers=(Transfer(country="US", recipient="Hosting provider", safeguard="DPF"),),
        unnamed_country_transfers=unnamed,
    )  # fmt: skip
    assert by_name["Mailer Inc."][3:] == ["US", "yes", "SCC"]  # none of its own: the general one
    assert by_name["Hosting provider"][3:] == ["US", "yes", "DPF"]  # its own wins
    assert by_name["Hetzner Online GmbH"][3:] == ["DE", "no", "not needed (EU/EEA)"]
    assert "not stated" not in by_name  # covered by a listed recipient: no row of its own
    # no third-country recipient listed: the statement stands on its own row, never dropped
    by_name = rows_with(sub_processors=(), transfers=(), unnamed_country_transfers=unnamed)
    assert by_name["not stated"][3:] == ["third countries (not named in the policy)", "yes", "SCC"]


def test_art9_condition_asked_where_group_names_suggest_it(inventory: Inventory) -> None:
    apps = tuple(
        msgspec.structs.replace(
            a, findings=(*a.findings, Finding(code="ART9_GROUP_NAME", severity="high", message="x"))
        )
        if a.display_name == "Mailissa"
        else a
        for a in inventory.apps
    )
    rows = ropa_rows(msgspec.structs.replace(inventory, apps=apps), "en")[1:]
    for r in rows:
        expected = "[check" if "axontic" in r[3] else "no special category data seen"
        assert r[_col("en", "art9")].startswith(expected)


def test_no_flows_means_header_only() -> None:
    assert len(ropa_rows(empty_inventory(), "de")) == 1


def test_xlsx_has_the_four_sheets(inventory: Inventory) -> None:
    sheets = _sheets(render_xlsx(inventory, "en"))
    assert list(sheets) == ["Controller", "Processing activities", "Recipients and transfers",
                            "Evidence"]  # fmt: skip
    assert sheets["Processing activities"] == ropa_rows(inventory, "en")
    assert sheets["Recipients and transfers"] == recipient_rows(inventory, "en")
    assert sheets["Evidence"] == evidence_rows(inventory, "en")
    assert len(sheets["Evidence"]) - 1 == len(inventory.flows)  # no first-party flow in fixture


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_hostile_cells_are_neutralised_when_read_back(
    inventory: Inventory, fmt: str, lang: str
) -> None:
    if fmt == "csv":
        rows = _csv_rows(render_csv(inventory, lang))
    else:
        rows = _sheets(render_xlsx(inventory, lang))[TEXT[lang].header["sheet_activities"]]
    assert rows[0] == list(COLUMNS[lang])
    for cell in (c for row in rows for c in row):
        assert not cell.startswith(FORMULA_PREFIXES), repr(cell)
    app_cells = {row[_col(lang, "apps")] for row in rows[1:]}
    for name in ('=HYPERLINK("http://x","y")', "+cmd", "-2+3", "@SUM(A1)"):
        assert any(c.startswith("'" + name) for c in app_cells), name
    # Tab and CR are shown as escapes: visible, inert, and the same in CSV and XLSX.
    assert any(c.startswith("\\x09Tabbed") for c in app_cells)
    assert any(c.startswith("\\x0dCarriage") for c in app_cells)
    assert any("تطبيق البريد" in c for c in app_cells)
    assert len(rows) - 1 >= len(HOSTILE_NAMES)


@given(st.text())
def test_cell_text_never_leaves_a_formula(text: str) -> None:
    out = cell_text(text)
    assert not out.lstrip(" \t\r\n\x0b\x0c\u00a0\u3000").startswith(FORMULA_PREFIXES)


def test_csv_golden(inventory: Inventory, golden: Callable[[str, bytes], None]) -> None:
    golden("art30-record.de.csv", render_csv(inventory, "de"))
    golden("art30-record.en.csv", render_csv(inventory, "en"))
