"""CLI commands of the sandbox area: ``m365inv sandbox serve`` and ``m365inv sandbox approve``.

``serve`` runs the simulated tenant in the foreground until Ctrl-C / SIGTERM. Once it accepts
connections it writes the info file (JSON, mode 0600: it holds the client secret) and, if asked,
a TOML profile (no secret) for ``m365inv scan --profile sandbox``. Both are written atomically,
so a script can wait for the info file to appear and then read it whole.
"""

from __future__ import annotations

import contextlib
import json
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from m365inv.cli import area_sandbox_mutate
from m365inv.cli.base import add_commands, new_app
from m365inv.cli.common import console
from m365inv.cli.options import SandboxInfoOpt
from m365inv.cli.sandbox_client import admin_post, default_state_dir, load_info
from m365inv.errors import ConfigError, SandboxError

if TYPE_CHECKING:  # the sandbox (aiohttp, cryptography) loads only when a command needs it
    from m365inv.sandbox import SandboxInfo

MIN_USERS, MAX_USERS = 10, 1_000_000
DEFAULT_PORT = 9443


def profile_toml(info: SandboxInfo, *, name: str = "sandbox", info_path: Path | None) -> str:
    """A profile in DESIGN.md's "Configuration" format for the running sandbox."""
    from m365inv.profiles import toml_string as _toml_str

    where = f" ({info_path})" if info_path else ""
    lines = [
        "# m365inv profile for the built-in sandbox tenant (m365inv sandbox serve).",
        "# The client secret is deliberately not stored here: it changes on every start and is",
        f"# in the sandbox info file{where}, key client_secret — or set M365INV_CLIENT_SECRET.",
        f"[tenants.{name}]",
        f"tenant_id = {_toml_str(info.tenant_id)}",
        f"client_id = {_toml_str(info.client_id)}",
        'auth = "secret"',
        'cloud = "custom"',
        f"authority_host = {_toml_str(info.authority_host)}",
        f"graph_endpoint = {_toml_str(info.graph_endpoint)}",
        f"exchange_endpoint = {_toml_str(info.exchange_endpoint)}",
        f"ca_bundle = {_toml_str(info.ca_bundle)}",
        "",
    ]
    return "\n".join(lines)


def _write_outputs(
    info: SandboxInfo, info_out: Path, profile_out: Path | None
) -> None:  # fmt: skip
    from m365inv.atomic import write_text_atomic

    try:  # the profile first: the info file appearing is the "ready" signal scripts wait for
        if profile_out is not None:
            profile_out.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(profile_out, profile_toml(info, info_path=info_out), mode=0o600)
        info_out.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(info_out, json.dumps(info.to_dict(), indent=2) + "\n", mode=0o600)
    except OSError as exc:
        raise ConfigError(f"cannot write {exc.filename}: {exc.strerror}") from None


@contextlib.contextmanager
def _stop_on_signal() -> Iterator[threading.Event]:
    """An event set by SIGINT or SIGTERM, installed *before* the info file appears: a script
    that waits for the file and then sends SIGTERM must get a clean shutdown, not a kill."""
    stop = threading.Event()

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


QUIRKS: dict[str, dict[str, Any]] = {
    "teams-app-only-403": {"teams_delegated_only": True},
    "exchange-no-role": {"exchange_directory_role": False},
    "exchange-next-link-400": {"exchange_page_size": 2, "exchange_next_link_replayable": False},
    "no-premium": {"premium_licence": False},
}
"""``--quirk`` names → SandboxConfig fields: what real tenants do that a scan must report."""


def _quirks(names: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        if name not in QUIRKS:
            raise ConfigError(f"unknown --quirk {name!r}; choose from {', '.join(QUIRKS)}")
        out.update(QUIRKS[name])
    return out


def serve(
    port: Annotated[
        int,
        typer.Option(
            metavar="PORT", help="Port on 127.0.0.1 (0: any free port).", min=0, max=65535
        ),
    ] = DEFAULT_PORT,
    users: Annotated[
        int, typer.Option(metavar="N", help="Users in the generated tenant (10..1,000,000).")
    ] = 200,
    seed: Annotated[
        int, typer.Option(metavar="N", help="Seed: same seed, same tenant and client ids.")
    ] = 42,
    latency_ms: Annotated[
        float, typer.Option(metavar="MS", help="Added to every Graph request.", min=0)
    ] = 0.0,
    per_object_us: Annotated[
        float, typer.Option(metavar="US", help="Added per object returned in a page.", min=0)
    ] = 0.0,
    throttle: Annotated[
        bool, typer.Option("--throttle/--no-throttle", help="Entra's resource-unit budget.")
    ] = False,
    faults: Annotated[
        bool, typer.Option("--faults/--no-faults", help="Random 503s, drops, empty pages.")
    ] = False,
    info_out: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Where to write the info JSON (0600; holds the client secret)."
        ),
    ] = None,
    profile_out: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Also write a TOML profile (without the secret)."),
    ] = None,
    state_dir: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="CA and keys (default: the user state dir)."),
    ] = None,
    quirk: Annotated[
        list[str] | None,
        typer.Option(
            metavar="QUIRK",
            help="Real-tenant behaviour to reproduce (repeatable): " + ", ".join(QUIRKS) + ".",
        ),
    ] = None,
) -> None:
    """Run the sandbox tenant (Entra + Graph, HTTPS) until Ctrl-C."""
    from m365inv.sandbox import SandboxConfig, start_sandbox

    if not MIN_USERS <= users <= MAX_USERS:
        raise ConfigError(f"--users must be between {MIN_USERS:,} and {MAX_USERS:,}, not {users:,}")
    # Absolute: the profile's ca_bundle and the info file are read from other directories.
    state = (state_dir or default_state_dir()).resolve()
    info_path = (info_out or state / "info.json").resolve()
    profile_out = profile_out.resolve() if profile_out else None
    config = SandboxConfig(
        users=users, seed=seed, port=port, latency_ms=latency_ms, per_object_us=per_object_us,
        throttle=throttle, faults=faults, state_dir=state, **_quirks(quirk or []),
    )  # fmt: skip
    started = time.monotonic()
    with start_sandbox(config) as sb, _stop_on_signal() as stop:
        info = sb.info
        try:
            _write_outputs(info, info_path, profile_out)
            elapsed = time.monotonic() - started
            extra = f", profile {profile_out}" if profile_out else ""
            console.print(
                f"sandbox ready in {elapsed:.1f} s: {info.authority_host} tenant {info.tenant_id} "
                f"({users:,} users); info {info_path}{extra}. Ctrl-C to stop.",
                soft_wrap=True,
            )
            while not stop.wait(0.5):
                pass
        finally:
            info_path.unlink(missing_ok=True)  # the secret dies with the server
    console.print("sandbox stopped")


def approve(
    user_code: Annotated[
        str, typer.Argument(metavar="CODE", help="The code shown by the device sign-in.")
    ],
    info: SandboxInfoOpt = None,
    user: Annotated[
        str | None,
        typer.Option(metavar="UPN", help="Sign in as this userPrincipalName (default: the admin)."),
    ] = None,
) -> None:
    """Approve a pending device-code sign-in on the sandbox.

    As the person at the verification page would.
    """
    body: dict[str, str] = {"user_code": user_code}
    if user:
        body["user_principal_name"] = user
    response = admin_post(load_info(info), "/_sandbox/devicecode/approve", body)
    if response.status_code == 404:
        raise SandboxError(f"no pending device code {user_code!r} (expired, used, or unknown)")
    if response.status_code != 200:
        raise SandboxError(f"sandbox refused the approval (HTTP {response.status_code})")
    console.print(f"approved {user_code}")


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    sandbox_app = new_app(
        "sandbox",
        "The built-in sandbox tenant: a local Entra + Graph simulator.",
    )
    add_commands(sandbox_app, {"serve": serve, "approve": approve})
    area_sandbox_mutate.register(sandbox_app)
    app.add_typer(sandbox_app)
