"""Shared fixtures: the sandbox tenant every integration test runs against.

* ``sandbox`` — one sandbox per xdist worker (200 users, seed 42), reset after each test
  (counters, queued faults, client roles and registrations, device codes).
* ``sandbox_factory(**config)`` — extra sandboxes with their own config (tenant mutations,
  other sizes, short token lifetimes); all closed at teardown.
* ``hostile_ca_env`` — points ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` at the system bundle
  (which does not trust the sandbox CA), proving a client's explicit ``ca_bundle`` wins.
* ``ca_session`` — a ``requests.Session`` that trusts only the sandbox CA and ignores the
  environment; hand it to MSAL as ``http_client``.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from m365inv.sandbox import Sandbox, SandboxConfig, start_sandbox


def _system_ca_bundle() -> str:
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.cafile, "/etc/ssl/certs/ca-certificates.crt", paths.openssl_cafile):
        if candidate and os.path.isfile(candidate):
            return candidate
    import certifi

    return str(certifi.where())


@pytest.fixture(scope="session")
def _sandbox_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    state = tmp_path_factory.mktemp("sandbox-state")
    config = SandboxConfig(users=200, seed=42, state_dir=state)
    with start_sandbox(config) as sb:
        yield sb


@pytest.fixture
def sandbox(_sandbox_session: Sandbox) -> Iterator[Sandbox]:
    yield _sandbox_session
    _sandbox_session.reset()


@pytest.fixture
def sandbox_factory(tmp_path: Path) -> Iterator[Callable[..., Sandbox]]:
    started: list[Sandbox] = []

    def make(**config: Any) -> Sandbox:
        config.setdefault("state_dir", tmp_path / f"sandbox-{len(started)}")
        sb = start_sandbox(SandboxConfig(**config))
        started.append(sb)
        return sb

    yield make
    for sb in started:
        sb.close()


@pytest.fixture
def hostile_ca_env(monkeypatch: pytest.MonkeyPatch) -> str:
    bundle = _system_ca_bundle()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", bundle)
    monkeypatch.setenv("CURL_CA_BUNDLE", bundle)
    return bundle


@pytest.fixture
def ca_session(sandbox: Sandbox) -> Iterator[requests.Session]:
    session = requests.Session()
    session.trust_env = False  # no REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE / proxies from the env
    session.verify = sandbox.info.ca_bundle
    yield session
    session.close()
