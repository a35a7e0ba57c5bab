"""401 handling below the CLI: one refresh past the cache, then Graph ends the run and Exchange
(add-ins only) becomes that section's gap — neither is reported as a missing permission."""

from __future__ import annotations

import asyncio

import pytest

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.errors import AuthError
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.collect.tokens import MsalTokenSource

OPTS = CollectOptions(concurrency=4)


def test_rollover_refreshes_past_the_cache_once_per_resource(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    source.token()  # cached before the rollover, like a token from the vault's MSAL cache
    sandbox.rotate_signing_key()
    td = asyncio.run(collect_tenant(source, options=OPTS))
    assert all(c.complete for c in td.coverage), [c for c in td.coverage if not c.complete]
    assert 1 <= source.fresh_calls <= 2  # Graph, and Exchange — not once per rejected request


def test_graph_rejecting_fresh_tokens_ends_the_run(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("/v1.0/", status=401, remaining=10_000))
    with pytest.raises(AuthError, match="Graph rejected a freshly issued access token") as err:
        asyncio.run(collect_tenant(source, options=OPTS))
    assert err.value.code == "InvalidAuthenticationToken"
    assert err.value.exit_code == 5


def test_exchange_rejecting_fresh_tokens_is_the_addins_gap(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    sandbox.faults.add(FaultRule("/adminapi/beta/", status=401, remaining=10))
    td = asyncio.run(collect_tenant(source, options=OPTS))
    cov = {c.source: c for c in td.coverage}
    assert not cov["addIns"].complete
    assert "Exchange rejected a freshly issued access token" in (cov["addIns"].error or "")
    assert cov["addIns"].required_permission is None  # not "needs Exchange.ManageAsApp"
    assert all(c.complete for s, c in cov.items() if s != "addIns")
