"""Transient and definitive token-endpoint failures, through the real MSAL.

The sandbox's fault plan answers the token endpoint itself (503/429 with ``Retry-After``, a
dropped connection, a cut-off body); the sandbox counts every token request, so these tests see
exactly how many times the client asked.
"""

from __future__ import annotations

import time

import pytest

from m365inv.auth import open_token_source
from m365inv.auth.transport import MAX_ATTEMPTS
from m365inv.errors import AuthError
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.auth.conftest import ProfileFor

TOKEN_PATH = "/oauth2/v2.0/token"


@pytest.fixture
def secret_env(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", sandbox.info.client_secret)


@pytest.mark.usefixtures("secret_env")
def test_retry_after_on_the_token_endpoint_is_honoured(
    sandbox: Sandbox, profile_for: ProfileFor
) -> None:
    source = open_token_source(profile_for(), vault=None, interactive=False)
    sandbox.faults.add(FaultRule(path_contains=TOKEN_PATH, status=503, retry_after=1))
    started = time.monotonic()
    assert source.token("graph")
    assert time.monotonic() - started >= 1.0  # waited the server's Retry-After
    assert sandbox.stats.token_requests == 2
    assert sandbox.faults.rules == []


@pytest.mark.usefixtures("secret_env")
def test_429_and_a_dropped_connection_are_retried(
    sandbox: Sandbox, profile_for: ProfileFor
) -> None:
    source = open_token_source(profile_for(), vault=None, interactive=False)
    sandbox.faults.add(FaultRule(path_contains=TOKEN_PATH, status=429, retry_after=0))
    sandbox.faults.add(FaultRule(path_contains=TOKEN_PATH, drop=True))
    assert source.granted_permissions("graph")  # a real token, with its roles
    assert sandbox.stats.token_requests == 3
    assert sandbox.faults.rules == []


@pytest.mark.usefixtures("secret_env")
def test_persistent_outage_gives_up_after_bounded_attempts_with_backoff(
    sandbox: Sandbox, profile_for: ProfileFor
) -> None:
    source = open_token_source(profile_for(), vault=None, interactive=False)
    rule = FaultRule(path_contains=TOKEN_PATH, status=503, retry_after=0, remaining=50)
    sandbox.faults.add(rule)
    started = time.monotonic()
    with pytest.raises(AuthError) as info:
        source.token("graph")
    elapsed = time.monotonic() - started
    assert sandbox.stats.token_requests == MAX_ATTEMPTS
    assert rule.remaining == 50 - MAX_ATTEMPTS
    # exponential backoff between attempts (0.2 + 0.4 + 0.8 s), even with Retry-After: 0
    assert 1.2 <= elapsed < 15
    assert "unavailable" in str(info.value)
    assert "\n" not in str(info.value)


def test_definitive_aadsts_error_fails_at_once(
    sandbox: Sandbox, profile_for: ProfileFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("M365INV_CLIENT_SECRET", "not-the-secret")
    source = open_token_source(profile_for(), vault=None, interactive=False)
    started = time.monotonic()
    with pytest.raises(AuthError) as info:
        source.token("graph")
    assert info.value.code == "7000215"
    assert sandbox.stats.token_requests == 1  # no retry of a wrong secret
    assert time.monotonic() - started < 1.0
    assert "not-the-secret" not in str(info.value)


@pytest.mark.usefixtures("secret_env")
def test_unknown_client_fails_at_once(sandbox: Sandbox, profile_for: ProfileFor) -> None:
    source = open_token_source(
        profile_for(client_id="00000000-0000-0000-0000-00000000abcd"), vault=None, interactive=False
    )
    with pytest.raises(AuthError) as info:
        source.token("graph")
    assert info.value.code == "700016"
    assert sandbox.stats.token_requests == 1


@pytest.mark.usefixtures("secret_env")
def test_malformed_token_response_is_one_auth_error(
    sandbox: Sandbox, profile_for: ProfileFor
) -> None:
    source = open_token_source(profile_for(), vault=None, interactive=False)
    sandbox.faults.add(FaultRule(path_contains=TOKEN_PATH, malformed=True))
    with pytest.raises(AuthError) as info:
        source.token("graph")
    assert "token endpoint" in str(info.value)
    assert sandbox.stats.token_requests == 1
    assert source.token("graph")  # the next attempt is a fresh, clean request
    assert sandbox.stats.token_requests == 2
