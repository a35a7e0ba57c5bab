"""``m365inv profile …``, ``m365inv login`` and ``m365inv check``.

``check`` exit codes: 0 every permission the scanner needs is granted · 3 signed in, but some are
missing (the scan would have coverage gaps) · 5 sign-in failed · 2 bad profile/config · 6 vault.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args

import typer

from m365inv.cli.area_vault import hidden_prompt
from m365inv.cli.base import add_commands, new_app
from m365inv.cli.common import console, console_err
from m365inv.cli.options import ConfigOpt, JsonOpt, ProfileOpt, VaultOpt
from m365inv.cli.output import print_json, print_table
from m365inv.errors import ExitCode
from m365inv.profiles import AuthMethod, Cloud
from m365inv.textsafe import for_terminal

if TYPE_CHECKING:  # MSAL and the vault load only when a command needs them
    from m365inv.auth.requirements import PermissionReport
    from m365inv.profiles import Profile
    from m365inv.vault import Vault

profile_app = new_app("profile", "Tenant profiles (no secrets).")

NameArg = Annotated[str, typer.Argument(metavar="NAME", help="Profile name.", show_default=False)]
UrlOpt = Annotated[str | None, typer.Option(metavar="URL", help="cloud=custom only.")]


def add(
    name: NameArg,
    tenant_id: Annotated[str, typer.Option(metavar="ID", help="Tenant GUID or verified domain.")],
    client_id: Annotated[str | None, typer.Option(metavar="ID", help="App (client) id.")] = None,
    auth: Annotated[
        AuthMethod,
        typer.Option(metavar="|".join(get_args(AuthMethod)), help="How to sign in."),
    ] = "secret",
    cloud: Annotated[
        Cloud, typer.Option(metavar="|".join(get_args(Cloud)), help="Which Microsoft cloud.")
    ] = "global",
    authority_host: UrlOpt = None,
    graph_endpoint: UrlOpt = None,
    exchange_endpoint: UrlOpt = None,
    ca_bundle: Annotated[
        Path | None, typer.Option(metavar="FILE", help="PEM of a private CA to trust.")
    ] = None,
    certificate_path: Annotated[
        Path | None, typer.Option(metavar="FILE", help="PEM or PFX (auth=certificate).")
    ] = None,
    replace: Annotated[bool, typer.Option(help="Overwrite an existing profile.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Add (or with --replace, update) a tenant profile."""
    from m365inv.profiles import add_profile, validate_profile

    raw: dict[str, Any] = {"tenant_id": tenant_id, "auth": auth, "cloud": cloud}
    optional = {
        "client_id": client_id,
        "authority_host": authority_host,
        "graph_endpoint": graph_endpoint,
        "exchange_endpoint": exchange_endpoint,
        "ca_bundle": str(ca_bundle.resolve()) if ca_bundle else None,
        "certificate_path": str(certificate_path.resolve()) if certificate_path else None,
    }
    raw.update({k: v for k, v in optional.items() if v is not None})
    profile = validate_profile(name, raw)
    path = add_profile(profile, config, replace=replace)
    console.print(f"saved profile {name} in {path}")
    if profile.auth in ("secret", "certificate"):
        console.print(f"next: m365inv vault set {name}   (or set M365INV_CLIENT_SECRET)")


def list_(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """List the profiles in the config file."""
    from m365inv.profiles import config_path, load_profiles

    profiles = load_profiles(config)
    rows = [[p.name, p.tenant_id, p.auth, p.cloud] for p in profiles.values()]
    header = ("name", "tenant", "auth", "cloud")
    if as_json:
        print_json([dict(zip(header, row, strict=True)) for row in rows])
        return
    if not profiles:
        console.print(
            f"no profiles in {config_path(config)}; add one with: m365inv profile add",
            markup=False,
        )
        return
    print_table(header, rows)


def show(name: NameArg, config: ConfigOpt = None) -> None:
    """Show one profile with its resolved endpoints (never a secret)."""
    from rich.markup import escape

    from m365inv.profiles import get_profile

    p = get_profile(name, config)
    rows: list[tuple[str, str]] = [
        ("name", p.name),
        ("tenant_id", p.tenant_id),
        ("client_id", p.client_id or "(system-assigned identity)"),
        ("auth", p.auth),
        ("cloud", p.cloud),
        ("authority", p.authority),
        ("graph_endpoint", p.graph_endpoint),
        ("exchange_endpoint", p.exchange_endpoint),
        ("ca_bundle", str(p.ca_bundle or "(system CAs)")),
    ]
    if p.certificate_path:
        rows.append(("certificate_path", str(p.certificate_path)))
    rows.append(("secret source", _secret_source(p)))
    for key, value in rows:
        console.print(f"{key:18} {escape(value)}")


def _secret_source(p: Profile) -> str:
    if p.auth == "secret":
        env = "M365INV_CLIENT_SECRET is set" if os.environ.get("M365INV_CLIENT_SECRET") else ""
        return env or "the vault (m365inv vault set)"
    if p.auth == "certificate":
        if os.environ.get("M365INV_CERT_PATH"):
            return "M365INV_CERT_PATH is set"
        return str(p.certificate_path) if p.certificate_path else "the vault (certificate)"
    return "none needed"


def remove(name: NameArg, config: ConfigOpt = None) -> None:
    """Remove a profile (its vault entries stay).

    Remove those with: m365inv vault remove NAME.
    """
    from m365inv.profiles import remove_profile

    path = remove_profile(name, config)
    console.print(f"removed profile {name} from {path}")


def _vault_if_any(option: Path | None, interactive: bool) -> Vault | None:
    """The vault when one exists; a missing default vault is fine when env vars carry secrets."""
    from m365inv.vault import open_vault, vault_path

    if option is None and not vault_path(None).exists():
        return None
    return open_vault(option, hidden_prompt if interactive else None)


def _print_report(profile: Profile, report: PermissionReport) -> None:
    from rich.table import Table

    table = Table("permission", "granted", "unlocks")
    for req in report.required:
        ok = req.permission in report.granted
        table.add_row(
            req.label(report.delegated),
            "[green]yes[/]" if ok else "[red]no[/]",
            ", ".join(req.sections),
        )
    console.print(table)
    if not report.missing:
        console.print("all permissions the scanner needs are granted")
        return
    console_err.print(f"[bold]{len(report.missing)} permission(s) missing:[/]")
    for req in report.missing:
        console_err.print(f"  {req.label(report.delegated)}: without it {req.cost}", soft_wrap=True)
    console_err.print(
        f"grant them and give admin consent: {profile.admin_consent_url()}", soft_wrap=True
    )


def _sign_in_and_report(
    profile: str, config: Path | None, vault: Path | None, interactive: bool
) -> int:
    from rich.markup import escape

    from m365inv.auth import open_token_source
    from m365inv.auth.requirements import permission_report
    from m365inv.profiles import get_profile

    prof = get_profile(profile, config)
    v = _vault_if_any(vault, interactive)
    source = open_token_source(
        prof,
        vault=v,
        interactive=interactive,
        on_device_code=lambda prompt: console_err.print(
            escape(for_terminal(prompt.message)), soft_wrap=True
        ),
    )
    report = permission_report(source, delegated=prof.auth == "device_code")
    console.print(
        f"signed in to {prof.tenant_id} as {prof.client_id or 'managed identity'}", soft_wrap=True
    )
    _print_report(prof, report)
    return ExitCode.INCOMPLETE if report.missing else ExitCode.OK


def login(profile: ProfileOpt, config: ConfigOpt = None, vault: VaultOpt = None) -> None:
    """Sign in (device code prompts here) and report permissions.

    The token is cached in the vault for later runs.
    """
    raise typer.Exit(_sign_in_and_report(profile, config, vault, interactive=True))


def check(profile: ProfileOpt, config: ConfigOpt = None, vault: VaultOpt = None) -> None:
    """Sign in without prompting; name missing permissions (exit 3)."""
    raise typer.Exit(_sign_in_and_report(profile, config, vault, interactive=False))


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    add_commands(profile_app, {"add": add, "list": list_, "show": show, "remove": remove})
    app.add_typer(profile_app)
    add_commands(app, {"login": login, "check": check})
