"""Hostile input files end in one error line naming the file and exit 2 (issue 10, item 10).

Each file kind the CLI reads — ``--addins-from``, ``report FILE`` / ``diff FILE``, catalog
directories and vendor files, the profiles TOML — gets the same attacks: nesting thousands deep,
``NaN`` / ``Infinity`` / ``1e999``, integers beyond Python's digit limit, files over the kind's
size limit, a FIFO in place of a file, YAML alias bombs. Before: ``RecursionError``,
``OverflowError`` or ``ValueError`` surfaced as "internal error" (exit 1), or the run hung.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from m365inv.catalog import load as catalog_load
from m365inv.cli import area_reports
from m365inv.collect import addins
from m365inv.inputfiles import MAX_DEPTH
from m365inv.profiles import MAX_PROFILES_BYTES
from tests.scanner.cli.conftest import CliResult, RunCli

DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 5_000 + "1" + "}" * 5_000
JUST_TOO_DEEP = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
HUGE_INT = "9" * 10_000


def _one_line_exit_2(result: CliResult, path: Path) -> str:
    assert result.code == 2, (result.code, result.err)
    lines = [ln for ln in result.err.strip().splitlines() if not ln.startswith("tip:")]
    assert len(lines) == 1, result.err
    line = lines[0]
    assert line.startswith("error: ") and "internal error" not in line
    assert str(path.name) in line or str(path.parent) in line, line
    return line


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


# ------------------------------------------------------------------------------ --addins-from

ADDIN_ATTACKS = {
    "deep-array": DEEP_ARRAY,
    "deep-object": DEEP_OBJECT,
    "just-too-deep": JUST_TOO_DEEP,
    "nan": '[{"AppId": "a", "DisplayName": "x", "UserCount": NaN}]',
    "infinity": '[{"AppId": "a", "UserCount": Infinity}]',
    "minus-infinity": '[{"AppId": "a", "UserCount": -Infinity}]',
    "overflowing-float": '[{"AppId": "a", "UserCount": 1e999}]',
    "huge-int": f'[{{"AppId": "a", "UserCount": {HUGE_INT}}}]',
    "not-rows": "[1, 2, 3]",
    "csv-huge-field": "AppId,DisplayName\nabc," + "x" * 200_000 + "\n",
}


@pytest.mark.parametrize("attack", sorted(ADDIN_ATTACKS))
def test_addins_file(run_cli: RunCli, tmp_path: Path, attack: str) -> None:
    path = tmp_path / f"{attack}.json"
    path.write_text(ADDIN_ATTACKS[attack])
    result = run_cli(
        "scan", "--profile", "p", "--out", str(tmp_path / "o"), "--addins-from", str(path)
    )
    assert "add-in export" in _one_line_exit_2(result, path)


def test_addins_file_too_large_and_fifo(run_cli: RunCli, tmp_path: Path) -> None:
    big = _sparse(tmp_path / "big.csv", addins.MAX_FILE_BYTES + 1)
    result = run_cli(
        "scan", "--profile", "p", "--out", str(tmp_path / "o"), "--addins-from", str(big)
    )
    assert "larger than 50 MiB" in _one_line_exit_2(result, big)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    result = run_cli(
        "scan", "--profile", "p", "--out", str(tmp_path / "o"), "--addins-from", str(fifo)
    )
    assert "not a regular file" in _one_line_exit_2(result, fifo)


# ------------------------------------------------------------------------------ report / diff FILE

INVENTORY_ATTACKS = {
    "deep-object": '{"schemaVersion": "1.0.0", "x": ' + DEEP_OBJECT + "}",
    "deep-array": '{"schemaVersion": "1.0.0", "x": ' + DEEP_ARRAY + "}",
    "nan": '{"schemaVersion": NaN}',
    "infinity": '{"schemaVersion": Infinity}',
    "not-an-inventory": "[1]",
    "truncated": '{"schemaVersion": "1.0',
}


@pytest.mark.parametrize("attack", sorted(INVENTORY_ATTACKS))
@pytest.mark.parametrize("command", ["report", "diff"])
def test_inventory_file(run_cli: RunCli, tmp_path: Path, attack: str, command: str) -> None:
    path = tmp_path / f"{attack}.json"
    path.write_text(INVENTORY_ATTACKS[attack])
    args = [str(path), "-o", str(tmp_path / "o")] if command == "report" else [str(path)] * 2
    _one_line_exit_2(run_cli(command, *args), path)


def test_inventory_file_too_large(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(area_reports, "MAX_INVENTORY_BYTES", 64 * 1024)  # 512 MiB is real
    big = _sparse(tmp_path / "big.json", 64 * 1024 + 1)
    line = _one_line_exit_2(run_cli("report", str(big), "-o", str(tmp_path / "o")), big)
    assert "larger than 64 KiB" in line


def test_file_name_with_escapes_is_shown_escaped(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[2J\u202e.json"
    path.write_text("[1]")
    result = run_cli("report", str(path), "-o", str(tmp_path / "o"))
    assert result.code == 2
    assert "\x1b" not in result.err and "\u202e" not in result.err
    assert "evil\\x1b[2J\\u202e.json" in result.err


# ------------------------------------------------------------------------------ catalog

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)
VENDOR_ATTACKS = {
    "alias-bomb": "id: bomb\nname: *i\n" + LAUGHS,
    "deep": "id: deep\nname: " + "[" * 5_000 + "]" * 5_000 + "\n",
    "nan": "id: nan\nname: x\nconfidence: .nan\n",
    "inf": "id: inf\nname: x\nconfidence: .inf\n",
    "not-yaml": "id: [unclosed\n",
    "huge-int": f"id: big\nname: {HUGE_INT}\n",
}


@pytest.mark.parametrize("attack", sorted(VENDOR_ATTACKS))
def test_catalog_directory_and_vendor_file(run_cli: RunCli, tmp_path: Path, attack: str) -> None:
    directory = tmp_path / "catalog"
    directory.mkdir()
    path = directory / f"{attack}.yaml"
    path.write_text(VENDOR_ATTACKS[attack])
    _one_line_exit_2(run_cli("catalog", "list", "--catalog", str(directory)), path)
    _one_line_exit_2(run_cli("catalog", "validate", str(path)), path)


def test_vendor_file_too_large(run_cli: RunCli, tmp_path: Path) -> None:
    path = _sparse(tmp_path / "big.yaml", catalog_load.MAX_VENDOR_FILE_BYTES + 1)
    assert "larger than 1 MiB" in _one_line_exit_2(run_cli("catalog", "validate", str(path)), path)


# ------------------------------------------------------------------------------ profiles TOML

PROFILE_ATTACKS: dict[str, Callable[[], str]] = {
    "deep-array": lambda: "[tenants.x]\ntenant_id = " + "[" * 5_000 + "]" * 5_000 + "\n",
    "deep-inline-table": lambda: "[tenants.x]\nt = " + "{a = " * 3_000 + "1" + "}" * 3_000 + "\n",
    "nan": lambda: "[tenants.x]\ntenant_id = nan\n",
    "inf": lambda: "[tenants.x]\ntenant_id = -inf\n",
    "huge-int": lambda: f"[tenants.x]\ntenant_id = {HUGE_INT}\n",
    "not-toml": lambda: "[tenants.x\n",
}


@pytest.mark.parametrize("attack", sorted(PROFILE_ATTACKS))
def test_profiles_file(run_cli: RunCli, tmp_path: Path, attack: str) -> None:
    path = tmp_path / f"{attack}.toml"
    path.write_text(PROFILE_ATTACKS[attack]())
    _one_line_exit_2(run_cli("profile", "list", "--config", str(path)), path)


def test_profiles_file_too_large(run_cli: RunCli, tmp_path: Path) -> None:
    path = _sparse(tmp_path / "big.toml", MAX_PROFILES_BYTES + 1)
    line = _one_line_exit_2(run_cli("profile", "list", "--config", str(path)), path)
    assert "larger than 1 MiB" in line


# ------------------------------------------------------------------------------ other file inputs


@pytest.mark.parametrize("content", [DEEP_ARRAY, '{"authority_host": NaN}', "{"])
def test_sandbox_info_file(run_cli: RunCli, tmp_path: Path, content: str) -> None:
    path = tmp_path / "info.json"
    path.write_text(content)
    _one_line_exit_2(run_cli("sandbox", "approve", "ABC", "--info", str(path)), path)


def test_policy_text_for_catalog_import(run_cli: RunCli, tmp_path: Path) -> None:
    from m365inv.cli.area_catalog import MAX_POLICY_BYTES

    big = _sparse(tmp_path / "policy.txt", MAX_POLICY_BYTES + 1)
    result = run_cli("catalog", "import", str(big), "--vendor", "X")
    assert "larger than 16 MiB" in _one_line_exit_2(result, big)
    fifo = tmp_path / "policy-fifo.txt"
    os.mkfifo(fifo)
    result = run_cli("catalog", "import", str(fifo), "--vendor", "X")
    assert "not a regular file" in _one_line_exit_2(result, fifo)


_POLICY = (
    "Datenschutzerklärung der Müller GmbH. Wir verarbeiten personenbezogene Daten: Name, "
    "E-Mail-Adresse und IP-Adresse gemäß Art. 6 Abs. 1 lit. b DSGVO zur Vertragserfüllung. "
    "Betroffene haben das Recht auf Auskunft über die Verarbeitung. Die Daten werden nach "
    "30 Tagen gelöscht.\n"
)


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("binary.txt", bytes(range(256)) * 20, "not a text, HTML or PDF document"),
        ("empty.txt", b"", "no policy text found"),
        ("scripts.html", b"<html><script>" + b"var x = 1;" * 500 + b"</script></html>",
         "no policy text found"),
        ("cake.txt", b"Mix flour, sugar and eggs; bake for forty minutes. " * 10,
         "does not look like a privacy policy"),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 100, "unreadable PDF"),
    ],
)  # fmt: skip
def test_catalog_import_refuses_what_is_no_policy(
    run_cli: RunCli, tmp_path: Path, name: str, body: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    out = tmp_path / "draft.yaml"
    result = run_cli("catalog", "import", str(path), "--vendor", "X", "--out", str(out))
    assert message in _one_line_exit_2(result, path)
    assert not out.exists()  # nothing half-written


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("utf16.txt", _POLICY.encode("utf-16")),
        ("latin1.txt", _POLICY.encode("latin-1")),
        ("page.html", (
            "<html><head><script>track()</script><style>p{}</style></head><body><nav>Home | "
            f"Shop</nav><main><h1>Datenschutz</h1><p>{_POLICY}</p></main></body></html>"
        ).encode()),
    ],
)  # fmt: skip
def test_catalog_import_decodes_utf16_latin1_and_html(
    run_cli: RunCli, tmp_path: Path, name: str, body: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    out = tmp_path / "draft.yaml"
    result = run_cli("catalog", "import", str(path), "--vendor", "Müller GmbH", "--out", str(out))
    assert result.code == 0, result.err
    text = out.read_text("utf-8")
    assert "E-Mail-Adresse" in text and "IP-Adresse" in text
    assert "track()" not in text and "Shop" not in text


def test_catalog_import_reads_a_pdf(run_cli: RunCli, tmp_path: Path) -> None:
    from m365inv.sandbox.pdf import make_pdf

    path = tmp_path / "datenschutz.pdf"
    path.write_bytes(make_pdf(_POLICY))
    out = tmp_path / "draft.yaml"
    result = run_cli("catalog", "import", str(path), "--vendor", "Müller GmbH", "--out", str(out))
    assert result.code == 0, result.err
    assert "E-Mail-Adresse" in out.read_text("utf-8")
