"""CLI commands of the reports area: ``schema``, ``report``, ``history``, ``diff``.

``report`` and ``diff`` accept either a snapshot id from the store or an ``inventory.json``
file, so they work the same on a laptop (files) and on a scheduled job's shared store.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import msgspec
import typer
from rich.table import Table
from rich.text import Text

from reports import FORMATS, write_reports
from reports.diff import FAIL_ON, diff_inventories, fail_on_reasons, render_diff
from reports.json_feed import decode_inventory, schema_text
from scanner.cli.common import console, console_err, terminal_lines
from scanner.errors import ConfigError, RenderError
from scanner.inputfiles import MAX_DEPTH, MiB, read_limited
from scanner.models import Inventory
from scanner.store import open_store

GATE_EXIT = 4

StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="M365INV_STORE",
        help="Snapshot store: a SQLite path/URL or postgresql://… (default: platform data dir).",
        show_envvar=True,
    ),
]
ProfileOpt = Annotated[str | None, typer.Option("--profile", "-p", help="Profile (tenant) name.")]


def _load(ref: str, store_url: str | None, profile: str | None) -> tuple[Inventory, str]:
    """An inventory from a file path, a snapshot id, or ``latest`` (with ``--profile``)."""
    path = Path(ref)
    if path.is_file():
        return _load_file(path), str(path)
    with open_store(store_url) as store:
        if ref == "latest":
            if not profile:
                raise ConfigError("'latest' needs --profile")
            snap = store.latest(profile)
            if snap is None:
                raise ConfigError(
                    f"no snapshots for profile {profile!r}", tip="run m365inv snapshot"
                )
            return snap.inventory, f"snapshot {snap.info.id}"
        if not ref.isdigit():
            raise ConfigError(f"{ref!r} is neither an inventory file nor a snapshot id")
        snap = store.get(int(ref))
        return snap.inventory, f"snapshot {snap.info.id}"


MAX_INVENTORY_BYTES = 512 * MiB  # a 100k-user tenant's inventory is a few MiB


def _load_file(path: Path) -> Inventory:
    """An ``inventory.json`` someone hands us: bounded, and any problem is one line naming it."""
    data = read_limited(path, limit=MAX_INVENTORY_BYTES, what="inventory file")
    try:
        return decode_inventory(data)
    except RenderError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except RecursionError:  # msgspec skips unknown fields recursively
        raise ConfigError(f"{path}: nested more than {MAX_DEPTH} levels deep") from None


def schema_cmd() -> None:
    """Print the JSON Schema of inventory.json (draft 2020-12)."""
    sys.stdout.write(schema_text())


def report_cmd(
    source: Annotated[
        str, typer.Argument(help="Snapshot id, 'latest', or an inventory.json file.")
    ],
    formats: Annotated[
        str, typer.Option("--format", "-f", help=f"Comma-separated: {','.join(FORMATS)} or all.")
    ] = "html,json",
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write into.")] = Path(
        "m365inv-report"
    ),
    lang: Annotated[str, typer.Option("--lang", help="Report language: de or en.")] = "en",
    store: StoreOpt = None,
    profile: ProfileOpt = None,
) -> None:
    """Render reports (HTML, JSON, Art. 30 CSV/XLSX, Fides, Markdown) from a snapshot or file."""
    inventory, origin = _load(source, store, profile)
    written = write_reports(inventory, out, formats, lang)
    console.print(Text(f"Reports from {origin}:"))
    for fmt, path in written.items():
        console.print(Text(f"  {fmt:<6} {path}"))


def history_cmd(
    profile: Annotated[str, typer.Option("--profile", "-p", help="Profile (tenant) name.")],
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the stored snapshots of a profile, oldest first."""
    with open_store(store) as st:
        infos = st.list(profile)
    if as_json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(infos), indent=2).decode() + "\n")
        return
    if not infos:
        console.print(Text(f"No snapshots for profile {profile!r}."))
        return
    table = Table("id", "taken at (UTC)", "tenant", "apps", "flows", "findings", "schema")
    table.columns[2].overflow = "fold"
    for i in infos:
        table.add_row(
            str(i.id), i.taken_at, Text(i.tenant_id), str(i.apps), str(i.flows),
            str(i.findings), i.schema_version,
        )  # fmt: skip
    console.print(table)


def _pair(
    a: str | None, b: str | None, store: str | None, profile: str | None
) -> tuple[Inventory, Inventory]:
    if a is not None and b is not None:
        return _load(a, store, profile)[0], _load(b, store, profile)[0]
    if not profile:
        raise ConfigError("give two snapshots/files, or --profile to diff the latest two")
    with open_store(store) as st:
        newest = st.latest(profile) if b is None else None
        if a is None:
            if newest is None:
                raise ConfigError(f"no snapshots for profile {profile!r}")
            older = st.previous(profile, newest.info.id)
            if older is None:
                raise ConfigError(f"profile {profile!r} has only one snapshot; nothing to diff")
            return older.inventory, newest.inventory
    base = _load(a, store, profile)[0]
    if newest is None:
        raise ConfigError(f"no snapshots for profile {profile!r}")
    return base, newest.inventory


def diff_cmd(
    a: Annotated[
        str | None, typer.Argument(help="Older snapshot id or file (default: previous).")
    ] = None,
    b: Annotated[
        str | None, typer.Argument(help="Newer snapshot id or file (default: latest).")
    ] = None,
    profile: ProfileOpt = None,
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text, md or json.")] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help=f"Exit {GATE_EXIT} on: {', '.join(FAIL_ON)} (comma-separated)."
        ),
    ] = None,
) -> None:
    """Show what changed between two snapshots (apps, permissions, categories, findings, …)."""
    if fmt not in ("text", "md", "json"):
        raise ConfigError(f"unknown diff format {fmt!r}", tip="use text, md or json")
    policies = [p.strip() for p in (fail_on or "").split(",") if p.strip()]
    older, newer = _pair(a, b, store, profile)
    if older.tenant.id != newer.tenant.id:
        raise RenderError(f"cannot diff different tenants ({older.tenant.id} vs {newer.tenant.id})")
    diff = diff_inventories(older, newer)
    reasons = fail_on_reasons(diff, policies)
    rendered = render_diff(diff, fmt)
    sys.stdout.write(terminal_lines(rendered) if fmt == "text" else rendered)
    if reasons:
        console_err.print(Text("fail-on: " + "; ".join(reasons)))
        raise typer.Exit(GATE_EXIT)


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    app.command("schema")(schema_cmd)
    app.command("report")(report_cmd)
    app.command("history")(history_cmd)
    app.command("diff")(diff_cmd)
