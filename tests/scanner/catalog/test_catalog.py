from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from m365inv.catalog import load_catalog, load_vendor_file
from m365inv.catalog.load import shipped_dir
from m365inv.cli import app
from m365inv.errors import CatalogError

SEEDS = {
    "axontic-mailissa": ("axontic GmbH", None),
    "mailstore": ("MailStore Software GmbH", "2020-08"),
    "utilitas-contactsync": ("utilitas GmbH", None),
    "milliways-emilie": ("Milliways Infodesign GmbH", "2018-05"),
    "mailprofessionals": ("Mail Professionals GmbH", None),
}


def test_shipped_catalog_has_the_five_seed_vendors() -> None:
    cat = load_catalog()
    assert [v.id for v in cat.vendors] == sorted(SEEDS)
    for v in cat.vendors:
        entity, date = SEEDS[v.id]
        assert (v.legal_entity, v.policy.date, v.country) == (entity, date, "DE")
        assert v.recognition.publisher_names == (entity,)
        assert v.disclosures and all(d.item for d in v.disclosures)


def test_seed_facts_from_the_policies() -> None:
    cat = load_catalog()
    cs = cat.get("utilitas-contactsync")
    assert cs is not None and cs.role == "processor"
    assert any(c.kind == "reversible-password-encryption" and "AES256" in c.claim
               for c in cs.security_claims)  # fmt: skip
    assert {s.name for s in cs.subprocessors} == {"Application Insights", "Google Analytics"}
    ms = cat.get("mailstore")
    assert ms is not None and ms.policy.date_as_written == "August 2020"
    assert any(t.mechanism == "SCC" and t.country == "US" for t in ms.transfers)
    assert {"Google Analytics", "Google Invisible reCAPTCHA"} <= {s.name for s in ms.subprocessors}
    em = cat.get("milliways-emilie")
    assert em is not None and em.policy.version == "2018/05" and em.transfers == ()
    mi = cat.get("axontic-mailissa")
    assert mi is not None and {"mailissa.com", "axontic.com"} <= set(mi.recognition.domains)
    assert any(d.reach == "signed-in-user" for d in mi.service_items())
    # the sandbox's invented homepages are only "observed", never claimed as policy facts
    assert "telefonsekretariat-emilie.de" not in em.recognition.domains


def _write(tmp: Path, name: str, data: object) -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def _minimal(vid: str = "acme") -> dict[str, object]:
    return {
        "id": vid, "name": "Acme", "legal_entity": "Acme Ltd", "country": "GB",
        "policy": {"language": "en", "date": "2024-01"},
        "recognition": {"publisher_names": ["Acme Ltd"]},
        "disclosures": [{"item": "Email address", "categories": ["user.contact.email"],
                         "scope": "service"}],
    }  # fmt: skip


def test_extra_dir_adds_and_overrides(tmp_path: Path) -> None:
    _write(tmp_path, "acme.yaml", _minimal())
    override = _minimal("mailstore")
    override["legal_entity"] = "Local override"
    _write(tmp_path, "mailstore.yaml", override)
    cat = load_catalog([tmp_path])
    assert cat.get("acme") is not None
    ms = cat.get("mailstore")
    assert ms is not None and ms.legal_entity == "Local override"
    assert [v.id for v in cat.vendors] == sorted([*SEEDS, "acme"])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["disclosures"][0].update(categories=["user.nonsense"]),
            "unknown data category",
        ),
        (lambda d: d.update(country="Germany"), "country"),
        (lambda d: d.update(extra=1), "Additional properties"),
        (lambda d: d["disclosures"][0].update(scope="everywhere"), "scope"),
        (lambda d: d["recognition"].update(display_name_patterns=["(unclosed"]), "pattern"),
        (lambda d: d.pop("policy"), "policy"),
    ],
)
def test_invalid_files_are_rejected_with_the_file_named(tmp_path: Path, mutate, message) -> None:
    data = _minimal()
    mutate(data)
    path = _write(tmp_path, "bad.yaml", data)
    with pytest.raises(CatalogError) as err:
        load_vendor_file(path)
    assert "bad.yaml" in str(err.value) and message in str(err.value)


def test_broken_yaml_duplicate_ids_and_missing_dir(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [unclosed", "utf-8")
    with pytest.raises(CatalogError, match="not valid YAML"):
        load_catalog([tmp_path], shipped=False)
    (tmp_path / "broken.yaml").unlink()
    _write(tmp_path, "a.yaml", _minimal())
    _write(tmp_path, "b.yaml", _minimal())
    with pytest.raises(CatalogError, match=r"also in a\.yaml"):
        load_catalog([tmp_path], shipped=False)
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog([tmp_path / "nope"])


def test_cli_list_show_validate(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["catalog", "validate"])
    assert res.exit_code == 0 and res.output.count("ok ") == 5
    res = runner.invoke(app, ["catalog", "show", "mailstore"])
    assert res.exit_code == 0 and "August 2020" in res.output
    _write(tmp_path, "acme.yaml", _minimal())
    res = runner.invoke(
        app, ["catalog", "list", "--catalog", str(tmp_path)], env={"COLUMNS": "200"}
    )
    assert res.exit_code == 0 and "acme" in res.output and "mailstore" in res.output
    res = runner.invoke(app, ["catalog", "validate", str(shipped_dir() / "mailstore.yaml")])
    assert res.exit_code == 0


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    bad = _minimal()
    bad["country"] = "xx"
    path = _write(tmp_path, "bad.yaml", bad)
    res = CliRunner().invoke(app, ["catalog", "validate", str(path)])
    assert res.exit_code != 0 and isinstance(res.exception, CatalogError)
    res = CliRunner().invoke(app, ["catalog", "show", "nope"])
    assert res.exit_code != 0
