"""``m365inv scan``: sign in, collect the tenant, resolve apps, write ``inventory.json``.

Interim wiring owned by the collect area: the lead replaces the body with the full pipeline
(classification, reports, snapshots). Exit codes: 0 complete · 3 completed with coverage gaps.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Annotated

import msgspec
import typer
from rich.markup import escape

from scanner import __version__
from scanner.atomic import write_bytes_atomic
from scanner.auth import open_token_source
from scanner.cli.area_auth import _vault_if_any
from scanner.cli.area_vault import ConfigOpt, VaultOpt
from scanner.cli.common import console_err
from scanner.collect import CollectOptions, collect_tenant
from scanner.collect.addins import parse_addins_file
from scanner.collect.progress import RichProgress, make_progress
from scanner.errors import ConfigError
from scanner.models import Generator, Inventory, TenantCounts, TenantData, TenantInfo
from scanner.profiles import get_profile
from scanner.resolve import resolve_apps

SCHEMA_VERSION = "1.0.0"
EXIT_GAPS = 3


def build_inventory(tenant: TenantData) -> Inventory:
    """The inventory from collected facts (classification fields stay empty here)."""
    guests = sum(1 for u in tenant.users if u.user_type == "Guest")
    counts = TenantCounts(
        users=len(tenant.users),
        guests=guests,
        groups=len(tenant.groups),
        service_principals=len(tenant.service_principals),
    )
    org = tenant.org
    return Inventory(
        schema_version=SCHEMA_VERSION,
        generator=Generator(name="m365inv", version=__version__),
        tenant=TenantInfo(
            id=org.id if org else "",
            display_name=org.display_name if org else None,
            scanned_at=tenant.scanned_at,
            counts=counts,
        ),
        apps=resolve_apps(tenant),
        coverage=tenant.coverage,
    )


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""

    @app.command("scan")
    def scan(
        profile: Annotated[str, typer.Option("--profile", "-p", help="Profile name.")],
        out: Annotated[Path, typer.Option("--out", help="Output directory.")],
        config: ConfigOpt = None,
        vault: VaultOpt = None,
        addins_from: Annotated[
            Path | None,
            typer.Option(
                "--addins-from", help="Get-OrganizationAddIn / Get-App export (CSV or JSON)."
            ),
        ] = None,
        concurrency: Annotated[
            int, typer.Option("--concurrency", min=1, max=64, help="Requests in flight.")
        ] = 16,
        low_priority: Annotated[
            bool,
            typer.Option("--low-priority", help="Send x-ms-throttle-priority: low (cron runs)."),
        ] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    ) -> None:
        """Scan a tenant and write OUT/inventory.json."""
        if addins_from is not None:
            parse_addins_file(addins_from)  # fail fast, before signing in
        if out.exists() and not out.is_dir():
            raise ConfigError(f"--out {out} exists and is not a directory")
        prof = get_profile(profile, config)
        source = open_token_source(
            prof,
            vault=_vault_if_any(vault, False),
            interactive=True,
            on_device_code=lambda prompt: console_err.print(escape(prompt.message)),
        )
        options = CollectOptions(
            concurrency=concurrency,
            low_priority=low_priority,
            addins_file=str(addins_from) if addins_from else None,
        )
        progress = make_progress(console_err, quiet=quiet)
        live = progress if isinstance(progress, RichProgress) else contextlib.nullcontext()
        with live:
            tenant = asyncio.run(collect_tenant(source, options=options, progress=progress))
        if not quiet:
            console_err.print(progress.summary())
        out.mkdir(parents=True, exist_ok=True)
        inventory = build_inventory(tenant)
        write_bytes_atomic(
            out / "inventory.json", msgspec.json.format(msgspec.json.encode(inventory))
        )
        gaps = [c.source for c in tenant.coverage if not c.complete]
        if gaps:
            console_err.print(f"coverage gaps: {', '.join(gaps)}")
            raise typer.Exit(EXIT_GAPS)
