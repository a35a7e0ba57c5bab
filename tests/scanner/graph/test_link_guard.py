"""Issue 10 item 1: a bearer token never follows a link off the configured endpoint.

A hostile or misconfigured server (the sandbox's ``link_to`` fault) answers with an
``@odata.nextLink`` — top-level, inside ``$batch``, or from Exchange — that names another port,
another host name for the same machine, or plain ``http``; a snapshot store hands back an edited
delta link. Real listeners sit at those addresses: they must never see an ``Authorization``
header, and the scan must report the section as incomplete, saying the link was refused.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import msgspec
import pytest

from m365inv.collect import CollectOptions, collect_tenant
from m365inv.graph.origin import Origin, TokenGuard, describe
from m365inv.models import Coverage, TenantData
from m365inv.sandbox import Sandbox
from m365inv.sandbox.context import FaultRule
from tests.scanner.collect.tokens import MsalTokenSource
from tests.scanner.graph.trap import Trap, trap_listener

OPTS = CollectOptions(concurrency=4)


@pytest.fixture
def tls_trap(sandbox: Sandbox) -> Iterator[Trap]:
    with trap_listener(sandbox.state_dir) as trap:
        yield trap


@pytest.fixture
def http_trap() -> Iterator[Trap]:
    with trap_listener(None) as trap:
        yield trap


def _gap(td: TenantData, source: str) -> Coverage:
    cov = {c.source: c for c in td.coverage}[source]
    assert not cov.complete, cov
    assert cov.error is not None and "refused to follow a link" in cov.error
    assert cov.required_permission is None  # a refused link is not a missing permission
    return cov


def _scan(source: MsalTokenSource, previous: TenantData | None = None) -> TenantData:
    return asyncio.run(collect_tenant(source, previous=previous, options=OPTS))


def test_next_link_to_another_port(
    sandbox: Sandbox, source: MsalTokenSource, tls_trap: Trap
) -> None:
    elsewhere = f"https://127.0.0.1:{tls_trap.port}"
    sandbox.faults.add(FaultRule("/v1.0/applications", link_to=elsewhere))
    td = _scan(source)
    cov = _gap(td, "applications")
    assert f"127.0.0.1:{tls_trap.port}" in (cov.error or "")
    assert tls_trap.requests == []  # not even a token-less request: the link is not followed
    others = [c for c in td.coverage if c.source != "applications"]
    assert all(c.complete for c in others if c.source != "addIns"), others


def test_next_link_to_another_host_name_for_the_same_server(
    sandbox: Sandbox, source: MsalTokenSource
) -> None:
    port = sandbox.info.port
    sandbox.faults.add(FaultRule("/v1.0/applications", link_to=f"https://localhost:{port}"))
    td = _scan(source)
    assert "localhost" in (_gap(td, "applications").error or "")
    assert sandbox.stats.authorized_hosts[f"127.0.0.1:{port}"] > 0
    assert sandbox.stats.authorized_hosts[f"localhost:{port}"] == 0


def test_next_link_to_plain_http(
    sandbox: Sandbox, source: MsalTokenSource, http_trap: Trap
) -> None:
    sandbox.faults.add(
        FaultRule("/v1.0/applications", link_to=f"http://127.0.0.1:{http_trap.port}")
    )
    td = _scan(source)
    assert f"http://127.0.0.1:{http_trap.port}" in (_gap(td, "applications").error or "")
    assert http_trap.requests == []


def test_batch_inner_next_link(sandbox: Sandbox, source: MsalTokenSource, tls_trap: Trap) -> None:
    sandbox.faults.add(
        FaultRule("/appRoleAssignedTo", link_to=f"https://127.0.0.1:{tls_trap.port}")
    )
    td = _scan(source)
    _gap(td, "appRoleAssignedTo")
    assert tls_trap.requests == []


def test_exchange_next_link(sandbox: Sandbox, source: MsalTokenSource, tls_trap: Trap) -> None:
    sandbox.faults.add(FaultRule("/adminapi/beta/", link_to=f"https://127.0.0.1:{tls_trap.port}"))
    td = _scan(source)
    _gap(td, "addIns")
    assert tls_trap.requests == []


def test_delta_link_edited_in_the_store(
    sandbox: Sandbox, source: MsalTokenSource, tls_trap: Trap
) -> None:
    first = _scan(source)
    link = first.delta_links["users"]
    stolen = link.replace(sandbox.info.graph_endpoint, f"https://127.0.0.1:{tls_trap.port}")
    assert stolen != link
    edited = msgspec.structs.replace(first, delta_links={**first.delta_links, "users": stolen})
    second = _scan(source, previous=edited)
    _gap(second, "users")
    assert tls_trap.requests == []
    assert "users" not in second.delta_links  # the refused link is not carried forward


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://graph.example:443/v1.0/users", True),
        ("https://GRAPH.example/v1.0/users?$skiptoken=x", True),
        ("https://graph.example:8443/v1.0/users", False),
        ("http://graph.example/v1.0/users", False),
        ("https://graph.example.evil/v1.0/users", False),
        ("https://evil@graph.example/v1.0/users", False),
        ("https://graph.example@evil.test/v1.0/users", False),
        ("https://evil.test\\@graph.example/v1.0/users", False),
        ("//graph.example/v1.0/users", False),
        ("/v1.0/users", False),
        ("ftp://graph.example/v1.0/users", False),
        ("", False),
    ],
)
def test_origin_rule(url: str, allowed: bool) -> None:
    guard = TokenGuard({"graph": "https://graph.example", "exchange": "https://exo.example"})
    assert guard.allows(url, "graph") is allowed
    assert not guard.allows(url, "exchange")


def test_description_names_only_a_sanitised_origin() -> None:
    shown = describe("https://ev\u202eil.test:8443/v1.0/users?$skiptoken=SECRET")
    assert "SECRET" not in shown and "\u202e" not in shown and ":8443" in shown
    assert Origin.parse("https://[::1]:9443/x") == Origin("https", "::1", 9443)
