"""``python -m bench.agreement``: a second labelling scored against the first like a draft."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import agreement


def _doc(items: list[str], **over: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "id": "x-de", "language": "de", "split": "dev", "source": "s", "licence": "l",
        "country": "DE", "items": items, "retention": ["P30D"], "legal_bases": ["b"],
        "subprocessors": [{"name": "Hetzner Online GmbH", "country": "DE"}],
        "transfers": [], "security": ["TLS"],
    }  # fmt: skip
    doc.update(over)
    return doc


def _corpus(tmp_path: Path, first: dict[str, object], second: dict[str, object]) -> Path:
    (tmp_path / "labels.yaml").write_text(yaml.safe_dump([first]), "utf-8")
    (tmp_path / "second_labels.yaml").write_text(yaml.safe_dump([second]), "utf-8")
    return tmp_path


def test_identical_labels_agree_fully(tmp_path: Path) -> None:
    doc = _doc(["Name", "E-Mail-Adresse"])
    c = agreement.agreement(_corpus(tmp_path, doc, doc))["de"]
    assert all(fp == fn == 0 for _, fp, fn in c.values())
    assert c["items"] == [2, 0, 0] and c["legal_bases"] == [1, 0, 0] and c["security"][0] == 1


def test_differences_count_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _doc(["Name", "E-Mail-Adresse", "Telefonnummer"])
    second = _doc(["Name", "E-Mail-Adresse des Nutzers", "IP-Adresse"], legal_bases=["b", "f"])
    c = agreement.agreement(_corpus(tmp_path, first, second))["de"]
    assert c["items"] == [2, 1, 1]  # "… des Nutzers" matches; IP-Adresse / Telefonnummer not
    assert c["legal_bases"] == [1, 1, 0]
    monkeypatch.setattr("sys.argv", ["agreement", "--corpus", str(tmp_path)])
    agreement.main()
    out = capsys.readouterr().out
    assert "-- language de" in out and "COMBINED" in out


def test_a_transfer_without_a_named_mechanism_agrees_with_itself(tmp_path: Path) -> None:
    doc = _doc(["Name"], transfers=[{"country": "US", "mechanism": None}])
    c = agreement.agreement(_corpus(tmp_path, doc, doc))["de"]
    assert c["transfers"] == [1, 0, 0]
