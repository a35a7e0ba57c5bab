"""Tenant profiles: validation messages, clouds, and edits that keep the user's comments."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from m365inv.errors import ConfigError
from m365inv.profiles import (
    CLOUDS,
    add_profile,
    get_profile,
    load_profiles,
    remove_profile,
    validate_profile,
)

T = "11111111-2222-3333-4444-555555555555"
C = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def _raw(**kw: Any) -> dict[str, Any]:
    return {"tenant_id": T, "client_id": C, **kw}


@pytest.fixture(autouse=True)
def _no_env_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("M365INV_CONFIG", raising=False)


@pytest.mark.parametrize(
    ("cloud", "authority", "graph", "exchange"),
    [
        (
            "global",
            "https://login.microsoftonline.com",
            "https://graph.microsoft.com",
            "https://outlook.office365.com",
        ),
        (
            "usgov",
            "https://login.microsoftonline.us",
            "https://graph.microsoft.us",
            "https://outlook.office365.us",
        ),
        (
            "usgovdod",
            "https://login.microsoftonline.us",
            "https://dod-graph.microsoft.us",
            "https://webmail.apps.mil",
        ),
        (
            "china",
            "https://login.chinacloudapi.cn",
            "https://microsoftgraph.chinacloudapi.cn",
            "https://partner.outlook.cn",
        ),
    ],
)
def test_clouds(cloud: str, authority: str, graph: str, exchange: str) -> None:
    p = validate_profile("x", _raw(cloud=cloud))
    assert (p.authority_host, p.graph_endpoint, p.exchange_endpoint) == (authority, graph, exchange)
    assert p.authority == f"{authority}/{T}"
    assert p.admin_consent_url() == f"{authority}/{T}/adminconsent?client_id={C}"
    assert set(CLOUDS) == {"global", "usgov", "usgovdod", "china"}


def test_custom_cloud_and_exchange_default(tmp_path: Path) -> None:
    p = validate_profile(
        "sb",
        _raw(
            cloud="custom",
            authority_host="https://127.0.0.1:9443/",
            graph_endpoint="https://127.0.0.1:9443",
            ca_bundle="ca.pem",
        ),
        base=tmp_path,
    )
    assert p.authority_host == "https://127.0.0.1:9443"
    assert p.exchange_endpoint == p.graph_endpoint
    assert p.ca_bundle == tmp_path / "ca.pem"  # relative to the config file


def test_domain_tenant_and_defaults() -> None:
    p = validate_profile("x", {"tenant_id": "contoso.onmicrosoft.com", "client_id": C.upper()})
    assert (p.auth, p.cloud, p.client_id) == ("secret", "global", C)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_raw(tenant="x"), "unknown key 'tenant' (did you mean 'tenant_id'?)"),
        (_raw(client_secret="x"), "unknown key 'client_secret'"),
        (_raw(tenant_id="not a guid"), "tenant_id must be a GUID or a verified domain"),
        (_raw(client_id="123"), "client_id must be a GUID"),
        ({"tenant_id": T}, "client_id is required for auth = 'secret'"),
        (_raw(auth="secrt"), "auth = 'secrt' is not valid (did you mean 'secret'?)"),
        (_raw(cloud="mars"), "cloud = 'mars' is not valid; one of global, usgov"),
        (_raw(cloud="custom"), "cloud = 'custom' needs authority_host"),
        (
            _raw(cloud="custom", authority_host="https://a.example"),
            "cloud = 'custom' needs graph_endpoint",
        ),
        (
            _raw(
                cloud="custom",
                authority_host="http://a.example",
                graph_endpoint="https://a.example",
            ),
            "authority_host must be an https:// URL",
        ),
        (
            _raw(graph_endpoint="https://a.example"),
            "graph_endpoint is only allowed with cloud = 'custom'",
        ),
    ],
)
def test_validation_messages(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        validate_profile("p1", raw)
    assert message in str(info.value)
    assert str(info.value).startswith("profile 'p1': ")


def test_managed_identity_needs_no_client_id() -> None:
    assert validate_profile("mi", {"tenant_id": T, "auth": "managed_identity"}).client_id is None


def test_bad_profile_name() -> None:
    with pytest.raises(ConfigError, match="profile name"):
        validate_profile("a b", _raw())


def test_load_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    with pytest.raises(ConfigError, match="does not exist"):
        load_profiles(cfg)
    cfg.write_text("[tenants.a\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_profiles(cfg)
    cfg.write_text("[tenant.a]\ntenant_id = 'x'\n")
    with pytest.raises(ConfigError, match="did you mean 'tenants'"):
        load_profiles(cfg)


def test_missing_default_file_means_no_profiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_profiles(None) == {}


def test_add_keeps_comments_and_remove_cuts_one_table(tmp_path: Path) -> None:
    cfg = tmp_path / "sub" / "profiles.toml"
    add_profile(validate_profile("first", _raw()), cfg)
    text = cfg.read_text()
    cfg.write_text("# my tenants\n" + text + "# trailing note\n")
    add_profile(validate_profile("second", _raw(auth="device_code", cloud="usgov")), cfg)
    assert set(load_profiles(cfg)) == {"first", "second"}
    assert "# my tenants" in cfg.read_text()
    assert stat.S_IMODE(cfg.stat().st_mode) == 0o600
    with pytest.raises(ConfigError, match="already exists"):
        add_profile(validate_profile("first", _raw()), cfg)
    add_profile(validate_profile("first", _raw(cloud="china")), cfg, replace=True)
    assert get_profile("first", cfg).cloud == "china"
    remove_profile("first", cfg)
    assert set(load_profiles(cfg)) == {"second"}
    assert "# my tenants" in cfg.read_text()
    with pytest.raises(ConfigError, match=r"no profile 'secnd' in .* \(did you mean 'second'\?\)"):
        get_profile("secnd", cfg)


def test_hostile_strings_round_trip(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    weird = tmp_path / 'dir "quoted" \\ back\nslash' / "ca.pem"
    add_profile(validate_profile("w", _raw(ca_bundle=str(weird))), cfg)
    assert get_profile("w", cfg).ca_bundle == weird


def test_example_profile_is_valid() -> None:
    example = Path(__file__).parents[2] / "config" / "example-profile.toml"
    profiles = load_profiles(example)
    assert {"contoso", "sandbox"} <= set(profiles)
