"""``m365inv demo``: the whole product on the built-in sandbox tenant — no tenant, no prompts.

It runs exactly the code path a real scan runs — a profile, a vault holding the client secret,
MSAL over HTTPS against the sandbox's identity endpoints, collection through Graph, analysis,
reports and a snapshot in a store — only the tenant is simulated. The sandbox's state (CA,
vault, keys) lives in a temporary directory that is removed afterwards; the reports and the
snapshot store stay in the output directory.
"""

from __future__ import annotations

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
async def demo_tenant(*, users: int, seed: int) -> AsyncIterator[DemoTenant]:
    """Start the sandbox, store its client secret in a throwaway vault and sign in."""
    with tempfile.TemporaryDirectory(prefix="m365inv-demo-") as state:
        state_dir = Path(state)
        with start_sandbox(SandboxConfig(users=users, seed=seed, state_dir=state_dir)) as sb:
            info = sb.info
            profile = sandbox_profile(info)
            # A raw random key (as M365INV_VAULT_KEY would give) — no passphrase prompt, and
            # the secret is never in the environment or argv.
            vault = Vault.create(state_dir / "vault.m365v", new_raw_key("demo"))
            vault.set(DEMO_PROFILE, profile.tenant_id, "client_secret", info.client_secret.encode())
            source = open_token_source(profile, vault=vault, interactive=False)
            yield DemoTenant(profile=profile, source=source)
