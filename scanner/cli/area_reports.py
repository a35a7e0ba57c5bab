"""CLI commands of the reports area: ``schema``, ``report``, ``history``, ``diff``.

``report`` and ``diff`` accept either a snapshot id from the store or an ``inventory.json``
file, so they work the same on a laptop (files) and on a scheduled job's shared store.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from m365inv.cli.base import add_commands
from m365inv.cli.common import console, console_err, terminal_lines
from m365inv.cli.options import (
    FAIL_ON_HELP,
    ConfigOpt,
    DiffFormat,
    FormatsOpt,
    JsonOpt,
    LangOpt,
    MaybeProfileOpt,
    ProfileOpt,
    ReportFormats,
    StoreOpt,
)
from m365inv.cli.output import print_table
from m365inv.errors import ConfigError, ExitCode, RenderError
from m365inv.inputfiles import MAX_DEPTH, MiB, read_limited

if TYPE_CHECKING:
    from m365inv.models import Inventory

REPORT_DEFAULT = ReportFormats(("json", "html"))


def _load(ref: str, store_url: str | None, profile: str | None) -> tuple[Inventory, str]:
    """An inventory from a file path, a snapshot id, or ``latest`` (with ``--profile``)."""
    from m365inv.store import open_store

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
        snap = store.get(int(ref))  # an unknown id: SnapshotNotFound, exit 2
        return snap.inventory, f"snapshot {snap.info.id}"


MAX_INVENTORY_BYTES = 512 * MiB  # a 100k-user tenant's inventory is a few MiB


def _load_file(path: Path) -> Inventory:
    """An ``inventory.json`` someone hands us: bounded, and any problem is one line naming it."""
    from m365inv.reports.json_feed import decode_inventory

    data = read_limited(path, limit=MAX_INVENTORY_BYTES, what="inventory file")
    try:
        return decode_inventory(data)
    except RenderError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except RecursionError:  # msgspec skips unknown fields recursively
        raise ConfigError(f"{path}: nested more than {MAX_DEPTH} levels deep") from None


def schema_cmd() -> None:
    """Print the JSON Schema of inventory.json (draft 2020-12)."""
    from m365inv.reports.json_feed import schema_text

    sys.stdout.write(schema_text())


def report_cmd(
    source: Annotated[
        str,
        typer.Argument(
            metavar="SNAPSHOT", help="A snapshot id, 'latest', or an inventory.json file."
        ),
    ],
    formats: FormatsOpt = REPORT_DEFAULT,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Directory to write into.")
    ] = Path("m365inv-report"),
    lang: LangOpt = "en",
    store: StoreOpt = None,
    profile: MaybeProfileOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Render reports from a snapshot or an inventory.json file.

    Formats: JSON, HTML, the Art. 30 record (CSV, XLSX), Fides, Markdown.
    """
    from rich.text import Text

    from m365inv.cli.checks import check_out_dir
    from m365inv.profiles import load_profiles
    from m365inv.reports import Contact, write_reports

    check_out_dir(out)
    inventory, origin = _load(source, store, profile)
    prof = load_profiles(config).get(profile) if profile else None
    written = write_reports(inventory, out, formats, lang, Contact.of(prof) if prof else None)
    console.print(Text(f"Reports from {origin}:"))
    for fmt, path in written.items():
        console.print(Text(f"  {fmt:<6} {path}"))


def history_cmd(
    profile: ProfileOpt, store: StoreOpt = None, config: ConfigOpt = None, as_json: JsonOpt = False
) -> None:
    """List the stored snapshots of a profile, oldest first."""
    import msgspec

    from m365inv.profiles import get_profile
    from m365inv.store import open_store

    with open_store(store) as st:
        infos = st.list(profile)
    if not infos:
        get_profile(profile, config)  # neither snapshots nor a profile: a typo, exit 2
        console_err.print(f"no snapshots of profile {profile!r} yet", markup=False)
    if as_json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(infos), indent=2).decode() + "\n")
        return
    header = ("id", "taken at (UTC)", "tenant", "apps", "flows", "findings", "schema")
    rows = [
        [i.id, i.taken_at, i.tenant_id, i.apps, i.flows, i.findings, i.schema_version]
        for i in infos
    ]
    print_table(header, rows)


def _pair(
    a: str | None, b: str | None, store: str | None, profile: str | None
) -> tuple[Inventory, Inventory]:
    from m365inv.store import open_store

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
        str | None,
        typer.Argument(metavar="OLDER", help="Snapshot id or file (default: the previous one)."),
    ] = None,
    b: Annotated[
        str | None,
        typer.Argument(metavar="NEWER", help="Snapshot id or file (default: the latest)."),
    ] = None,
    profile: MaybeProfileOpt = None,
    store: StoreOpt = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", metavar="text|md|json", help="Output format.")
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LIST",
            help=f"Exit 4 when the change holds: {FAIL_ON_HELP} (new ones only).",
        ),
    ] = None,
) -> None:
    """Show what changed between two snapshots.

    Apps, permissions, data categories, provisioning attributes, findings, vendor policies.
    """
    from rich.text import Text

    from m365inv.diff import diff_inventories, fail_on_reasons
    from m365inv.gates import parse_policies
    from m365inv.reports.diff import render_diff

    policies = parse_policies(fail_on)
    older, newer = _pair(a, b, store, profile)
    if older.tenant.id != newer.tenant.id:
        raise RenderError(f"cannot diff different tenants ({older.tenant.id} vs {newer.tenant.id})")
    diff = diff_inventories(older, newer)
    reasons = fail_on_reasons(diff, policies)
    rendered = render_diff(diff, fmt)
    sys.stdout.write(terminal_lines(rendered) if fmt == "text" else rendered)
    if reasons:
        console_err.print(Text("fail-on: " + "; ".join(reasons)))
        raise typer.Exit(ExitCode.GATE)


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    add_commands(
        app, {"schema": schema_cmd, "report": report_cmd, "history": history_cmd, "diff": diff_cmd}
    )
