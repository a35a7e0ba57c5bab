"""``m365inv demo``: the whole product on the built-in sandbox tenant — no tenant, no prompts.

It runs exactly the code path a real scan runs — a profile, a vault holding the client secret,
MSAL over HTTPS against the sandbox's identity endpoints, collection through Graph, analysis,
reports and a snapshot in a store — only the tenant is simulated. The sandbox's state (CA,
vault, keys) lives in a temporary directory that is removed afterwards; the reports and the
snapshot store stay in the output directory.

The sandbox listens on ``preferred_port`` (``m365inv sandbox serve``'s default, 9443) when that
port is free: the privacy-statement URLs in the demo's ``inventory.json`` then point at a port a
later ``m365inv sandbox serve`` serves again, so ``catalog draft --from-inventory`` can be
re-run by hand on the demo's inventory. When the port is taken, any free port is used.
"""

from __future__ import annotations

import socket
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from m365inv.auth import open_token_source
from m365inv.auth.interface import TokenSource
from m365inv.profiles import Profile
from m365inv.sandbox import SandboxConfig, SandboxInfo, start_sandbox
from m365inv.vault import Vault
from m365inv.vault.credentials import new_raw_key

DEMO_PROFILE = "sandbox"


@dataclass(frozen=True)
class DemoTenant:
    profile: Profile
    source: TokenSource
    info: SandboxInfo


def _free(port: int) -> bool:
    """Whether ``port`` on 127.0.0.1 can be bound now (a tiny race is harmless: the start then
    fails with its own clear "already in use" error)."""
    if port == 0:
        return True
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def sandbox_profile(info: SandboxInfo) -> Profile:
    """The TOML profile a user would write for the sandbox (``cloud = "custom"``)."""
    return Profile(
        name=DEMO_PROFILE,
        tenant_id=info.tenant_id,
        client_id=info.client_id,
        auth="secret",
        cloud="custom",
        authority_host=info.authority_host,
        graph_endpoint=info.graph_endpoint,
        exchange_endpoint=info.exchange_endpoint,
        ca_bundle=Path(info.ca_bundle),
    )


@asynccontextmanager
async def demo_tenant(
    *, users: int, seed: int, preferred_port: int = 0
) -> AsyncIterator[DemoTenant]:
    """Start the sandbox, store its client secret in a throwaway vault and sign in."""
    port = preferred_port if _free(preferred_port) else 0
    with tempfile.TemporaryDirectory(prefix="m365inv-demo-") as state:
        state_dir = Path(state)
        config = SandboxConfig(users=users, seed=seed, state_dir=state_dir, port=port)
        with start_sandbox(config) as sb:
            info = sb.info
            profile = sandbox_profile(info)
            # A raw random key (as M365INV_VAULT_KEY would give) — no passphrase prompt, and
            # the secret is never in the environment or argv.
            vault = Vault.create(state_dir / "vault.m365v", new_raw_key("demo"))
            vault.set(DEMO_PROFILE, profile.tenant_id, "client_secret", info.client_secret.encode())
            source = open_token_source(profile, vault=vault, interactive=False)
            yield DemoTenant(profile=profile, source=source, info=info)
