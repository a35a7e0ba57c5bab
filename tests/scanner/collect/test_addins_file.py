"""--addins-from: Get-OrganizationAddIn / Get-App exports as JSON or CSV, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from m365inv.collect.addins import parse_addins_file
from m365inv.errors import ConfigError


def test_json_array_from_convertto_json(tmp_path: Path) -> None:
    f = tmp_path / "addins.json"
    f.write_text(
        json.dumps(
            [
                {
                    "AppId": "a1",
                    "DisplayName": "Mailissa for Outlook",
                    "ProviderName": "axontic GmbH",
                    "Enabled": True,
                    "DefaultStateForUser": "Enabled",
                    "PermissionLevel": "ReadWriteMailbox",
                    "ProvidedTo": "Everyone",
                    "Unrelated": {"x": 1},
                },
                {"DisplayName": "no id, skipped"},
            ]
        ),
        encoding="utf-8",
    )
    (a,) = parse_addins_file(f)
    assert (a.id, a.provider_name, a.permission_level, a.scope, a.source) == (
        "a1",
        "axontic GmbH",
        "ReadWriteMailbox",
        "Everyone",
        "export",
    )
    assert a.enabled is True


def test_single_object_and_utf16_bom(tmp_path: Path) -> None:
    f = tmp_path / "one.json"
    f.write_bytes(json.dumps({"ProductId": "p1", "Name": "Ünïcode"}).encode("utf-16"))
    (a,) = parse_addins_file(f)
    assert a.id == "p1" and a.display_name == "Ünïcode"


def test_csv_from_export_csv_with_type_header(tmp_path: Path) -> None:
    f = tmp_path / "addins.csv"
    f.write_text(
        "#TYPE Microsoft.Exchange.Management.Extension.App\n"
        '"AppId","DisplayName","ProviderName","Enabled","Requirements"\n'
        '"a2","=cmd|\' /C calc\'!A0","Evil","False","ReadItem"\n',
        encoding="utf-8-sig",
    )
    (a,) = parse_addins_file(f)
    assert a.display_name == "=cmd|' /C calc'!A0" and a.enabled is False
    assert a.permission_level == "ReadItem"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[{bad json", "not valid JSON"),
        (b'"just a string"', None),
        (b"Name,Other\nx,y\n", "no AppId"),
        (b"", "empty"),
        (b"\xff\xfe\x00\xd8", None),
    ],
)
def test_bad_files_are_one_line_config_errors(
    tmp_path: Path, content: bytes, message: str | None
) -> None:
    f = tmp_path / "bad"
    f.write_bytes(content)
    with pytest.raises(ConfigError) as err:
        parse_addins_file(f)
    if message:
        assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        parse_addins_file(tmp_path / "nope.json")
