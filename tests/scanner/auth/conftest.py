"""Profiles pointing at the sandbox, a clean credential environment, a fast vault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from m365inv.profiles import Profile, validate_profile
from m365inv.sandbox import Sandbox
from m365inv.vault import Passphrase, Vault
from tests.scanner.vault.fast import use_fast_vault

_ENV = (
    "M365INV_CLIENT_SECRET",
    "M365INV_CERT_PATH",
    "M365INV_CERT_PASSWORD",
    "M365INV_VAULT",
    "M365INV_VAULT_KEY",
    "M365INV_VAULT_PASSPHRASE",
    "M365INV_CONFIG",
    "IDENTITY_ENDPOINT",
    "IDENTITY_HEADER",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in _ENV:
        monkeypatch.delenv(var, raising=False)
    use_fast_vault(monkeypatch)


ProfileFor = Callable[..., Profile]


@pytest.fixture
def profile_for(sandbox: Sandbox) -> ProfileFor:
    def make(**overrides: Any) -> Profile:
        info = sandbox.info
        raw: dict[str, Any] = {
            "tenant_id": info.tenant_id,
            "client_id": info.client_id,
            "auth": "secret",
            "cloud": "custom",
            "authority_host": info.authority_host,
            "graph_endpoint": info.graph_endpoint,
            "ca_bundle": info.ca_bundle,
        }
        raw.update(overrides)
        return validate_profile(
            raw.pop("name", "sandbox"), {k: v for k, v in raw.items() if v is not None}
        )

    return make


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault.create(tmp_path / "vault.m365v", Passphrase("test passphrase"))
