"""The main jobs: ``scan`` (one tenant or ``--all``), ``snapshot`` (scan + store + diff + prune)
and ``demo`` (the whole product on the built-in sandbox tenant).

Exit codes: 0 complete · 3 completed with coverage gaps · 4 ``--fail-on`` tripped (wins over 3).
Sign-in, vault and config errors keep their own codes (5, 6, 2) via ``ScannerError``.

``--fail-on`` judges what the command looks at: ``scan`` the inventory it just made (every
finding counts as new); ``snapshot`` — like ``diff`` — the change since the previous snapshot.
A profile's first snapshot has nothing to compare with: it is the baseline and trips no gate.

Everything heavy (MSAL, the Graph SDK, the pipeline, the renderers, the store, the sandbox) is
imported inside the commands, after the options have been checked.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from m365inv.cli import stop_if_interrupted
from m365inv.cli.base import add_commands
from m365inv.cli.checks import check_out_dir
from m365inv.cli.common import console, console_err, error_line, real_console_err, terminal_lines
from m365inv.cli.options import (
    REPORT_FORMATS,
    ActivityOpt,
    AddinsOpt,
    CatalogOpt,
    ConcurrencyOpt,
    ConfigOpt,
    FailOnOpt,
    FormatsOpt,
    InactiveDaysOpt,
    LangOpt,
    MaybeProfileOpt,
    OutDirOpt,
    ProfileOpt,
    QuietOpt,
    StoreOpt,
    VaultOpt,
)
from m365inv.errors import ConfigError, ExitCode, ScannerError

if TYPE_CHECKING:
    from m365inv.auth.interface import TokenSource
    from m365inv.catalog.drafting import DraftOutcome
    from m365inv.catalog.model import Catalog
    from m365inv.collect import CollectOptions
    from m365inv.collect.progress import ScanProgress
    from m365inv.findings.rules import FindingOptions
    from m365inv.models import Inventory
    from m365inv.pipeline import ScanResult
    from m365inv.profiles import Profile
    from m365inv.store.store import Snapshot, SnapshotStore


LowPriorityOpt = Annotated[
    bool, typer.Option("--low-priority", help="Send x-ms-throttle-priority: low (scheduled runs).")
]


def _escape(text: str) -> str:
    """Hostile text (tenant names, diff lines, a server's prompt) for a rich console: control
    and bidi characters shown as escapes on every line, never read as markup."""
    from rich.markup import escape

    return escape(terminal_lines(text))


def _sign_in(profile: Profile, vault: Path | None, *, interactive: bool) -> TokenSource:
    from m365inv.auth import open_token_source
    from m365inv.cli.area_auth import _vault_if_any

    return open_token_source(
        profile,
        vault=_vault_if_any(vault, interactive),
        interactive=interactive,
        on_device_code=lambda prompt: console_err.print(_escape(prompt.message)),
    )


def _progress(quiet: bool) -> ScanProgress:
    from m365inv.collect.progress import make_progress

    return make_progress(real_console_err(), quiet=quiet)


@contextlib.contextmanager
def _live(progress: ScanProgress) -> Iterator[None]:
    from m365inv.collect.progress import RichProgress

    with progress if isinstance(progress, RichProgress) else contextlib.nullcontext():
        yield


def summary_lines(inv: Inventory) -> list[str]:
    """The few lines a person reads after a run (the reports hold the detail)."""
    third = [a for a in inv.apps if not (a.first_party or a.scanner)]
    third_ids = {a.app_id for a in third}
    flows = [f for f in inv.flows if f.app_id in third_ids]
    vendors = {a.vendor.id for a in inv.apps if a.vendor}
    severities = Counter(f.severity for a in inv.apps for f in a.findings)
    undisclosed = sum(1 for f in flows if f.disclosed is False)
    sev = ", ".join(
        f"{severities[s]} {s}"
        for s in ("critical", "high", "medium", "low", "info")
        if severities[s]
    )
    lines = [
        f"{len(inv.apps)} apps ({len(third)} third-party), {len(vendors)} vendor(s) matched",
        f"{len(flows)} personal-data flows, {undisclosed} not disclosed by the vendor",
        f"findings: {sev or 'none'}",
    ]
    gaps = [c for c in inv.coverage if not c.complete]
    if gaps:
        lines.append(
            "coverage gaps (not 'nothing found'): "
            + "; ".join(
                f"{c.source}"
                + (f" (needs {c.required_permission})" if c.required_permission else "")
                for c in gaps
            )
        )
    return lines


def _print_summary(inv: Inventory) -> None:
    for line in summary_lines(inv):
        console.print(_escape(line), soft_wrap=True)


def _exit_code(inv: Inventory, reasons: list[str], *, tenant: str | None = None) -> int:
    """0, 3 (gaps) or 4 (a gate). A gap is also one stderr line each, even with ``--quiet``:
    a scheduled job's log must say *why* a section is missing, not just exit 3."""
    where = f"{tenant}: " if tenant else ""
    for gap in (c for c in inv.coverage if not c.complete):
        why = gap.error or "not read"
        if gap.required_permission:
            why += f" (needs {gap.required_permission})"
        error_line("warning:", f"{where}{gap.source} not read: {why}", style="")
    if reasons:
        console_err.print("fail-on: " + _escape("; ".join(reasons)))
        return ExitCode.GATE
    return ExitCode.INCOMPLETE if any(not c.complete for c in inv.coverage) else ExitCode.OK


def _options(
    concurrency: int,
    low_priority: bool,
    addins_from: Path | None,
    *,
    delta: bool = True,
    activity: bool = True,
) -> CollectOptions:
    from m365inv.collect import CollectOptions
    from m365inv.collect.addins import parse_addins_file

    if addins_from is not None:
        parse_addins_file(addins_from)  # fail fast, before signing in
    return CollectOptions(
        concurrency=concurrency,
        low_priority=low_priority,
        addins_file=str(addins_from) if addins_from else None,
        delta=delta,
        sign_in_activity=activity,
    )


def _finding_options(
    profile: Profile, catalog: Catalog, config: Path | None, inactive_days: int
) -> FindingOptions:
    """The profile's finding options; an unknown ``dpa_on_file`` id is a config error (exit 2)
    before any sign-in, so a typo never silently keeps or drops a finding."""
    from m365inv.findings.rules import FindingOptions
    from m365inv.profiles import check_dpa_vendors

    check_dpa_vendors(profile, [v.id for v in catalog.vendors], config)
    return FindingOptions(inactive_days=inactive_days, dpa_on_file=frozenset(profile.dpa_on_file))


async def _scan_all(
    profiles: list[Profile],
    vault: Path | None,
    catalog: Catalog,
    options: CollectOptions,
    max_tenants: int,
    findings: dict[str, FindingOptions] | None = None,
) -> list[tuple[Profile, ScanResult | BaseException]]:
    """Scan tenants concurrently (bounded); one tenant's failure does not stop the others."""
    import asyncio

    from m365inv.pipeline import scan

    gate = asyncio.Semaphore(max_tenants)

    async def one(profile: Profile) -> tuple[Profile, ScanResult | BaseException]:
        async with gate:
            try:
                source = await asyncio.to_thread(_sign_in, profile, vault, interactive=False)
                result = await scan(
                    source,
                    catalog,
                    options=options,
                    tenant_id=profile.tenant_id,
                    scanner_app_id=profile.client_id,
                    finding_options=(findings or {}).get(profile.name),
                )
            except Exception as exc:  # noqa: BLE001 - one tenant's failure (even a bug) must not
                # lose the other tenants' reports; it is printed per tenant and sets the exit code
                return profile, exc
            return profile, result

    return list(await asyncio.gather(*(one(p) for p in profiles)))


def scan_cmd(
    out: OutDirOpt,
    profile: MaybeProfileOpt = None,
    all_profiles: Annotated[
        bool, typer.Option("--all", help="Scan every profile (tenants concurrently).")
    ] = False,
    max_tenants: Annotated[
        int,
        typer.Option(
            "--max-tenants", metavar="N", min=1, max=32, help="Tenants at once with --all."
        ),
    ] = 4,
    config: ConfigOpt = None,
    vault: VaultOpt = None,
    formats: FormatsOpt = REPORT_FORMATS,
    lang: LangOpt = "en",
    catalog_dirs: CatalogOpt = None,
    addins_from: AddinsOpt = None,
    concurrency: ConcurrencyOpt = 16,
    low_priority: LowPriorityOpt = False,
    fail_on: FailOnOpt = None,
    quiet: QuietOpt = False,
    inactive_days: InactiveDaysOpt = 90,
    activity: ActivityOpt = True,
) -> None:
    """Scan a tenant (or --all) and write the reports to DIR."""
    from m365inv import aiorun
    from m365inv.catalog import load_catalog
    from m365inv.gates import gate_reasons, parse_policies
    from m365inv.logsafe import redact
    from m365inv.pipeline import scan
    from m365inv.profiles import get_profile, load_profiles
    from m365inv.reports import Contact, write_reports

    if (profile is None) == (not all_profiles):
        raise ConfigError("give either --profile NAME or --all")
    check_out_dir(out)
    policies = parse_policies(fail_on)
    options = _options(concurrency, low_priority, addins_from, activity=activity)
    catalog = load_catalog(catalog_dirs or ())
    if all_profiles:
        profiles = sorted(load_profiles(config).values(), key=lambda p: p.name)
        if not profiles:
            raise ConfigError("no profiles configured", tip="m365inv profile add …")
        per_tenant = {p.name: _finding_options(p, catalog, config, inactive_days) for p in profiles}
        results = aiorun.run(_scan_all(profiles, vault, catalog, options, max_tenants, per_tenant))
        stop_if_interrupted()
        codes = []
        for prof, res in results:
            if isinstance(res, BaseException):
                what = str(res) if isinstance(res, ScannerError) else redact(repr(res))
                error_line(f"{prof.name}: failed:", what, style="red")
                codes.append(getattr(res, "exit_code", ExitCode.FATAL))
                continue
            write_reports(res.inventory, out / prof.name, formats, lang, Contact.of(prof))
            console.print(f"[bold]{_escape(prof.name)}[/] → {_escape(str(out / prof.name))}")
            _print_summary(res.inventory)
            codes.append(
                _exit_code(
                    res.inventory,
                    gate_reasons(res.inventory, None, policies),
                    tenant=prof.name,
                )
            )
        raise typer.Exit(max(codes, default=ExitCode.OK))
    assert profile is not None
    prof = get_profile(profile, config)
    findings = _finding_options(prof, catalog, config, inactive_days)
    source = _sign_in(prof, vault, interactive=True)
    progress = _progress(quiet)
    with _live(progress):
        result = aiorun.run(
            scan(
                source,
                catalog,
                options=options,
                progress=progress,
                tenant_id=prof.tenant_id,
                scanner_app_id=prof.client_id,
                finding_options=findings,
            )
        )
    stop_if_interrupted()
    if not quiet:
        console_err.print(progress.summary())
    written = write_reports(result.inventory, out, formats, lang, Contact.of(prof))
    _print_summary(result.inventory)
    console.print(f"reports: {_escape(', '.join(str(p) for p in written.values()))}")
    reasons = gate_reasons(result.inventory, None, policies)
    raise typer.Exit(_exit_code(result.inventory, reasons))


def snapshot_cmd(
    profile: ProfileOpt,
    config: ConfigOpt = None,
    vault: VaultOpt = None,
    store: StoreOpt = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="DIR", help="Also write the reports here."),
    ] = None,
    formats: FormatsOpt = REPORT_FORMATS,
    lang: LangOpt = "en",
    catalog_dirs: CatalogOpt = None,
    addins_from: AddinsOpt = None,
    concurrency: ConcurrencyOpt = 16,
    low_priority: Annotated[
        bool, typer.Option("--low-priority/--normal-priority", help="Throttle priority.")
    ] = True,
    full: Annotated[
        bool, typer.Option("--full", help="Ignore delta links; read everything.")
    ] = False,
    keep_last: Annotated[
        int | None,
        typer.Option("--keep-last", metavar="N", min=1, help="Prune: keep the N newest."),
    ] = None,
    keep_days: Annotated[
        float | None,
        typer.Option("--keep-days", metavar="DAYS", min=0, help="Prune: keep younger than DAYS."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LIST",
            help="Exit 4 when the change since the previous snapshot holds: critical, high, "
            "medium, low (a new finding at or above), undisclosed (a new undisclosed flow), "
            "new-findings, any-change; comma-separated. The first snapshot is the baseline.",
        ),
    ] = None,
    quiet: QuietOpt = False,
    inactive_days: InactiveDaysOpt = 90,
    activity: ActivityOpt = True,
) -> None:
    """Scan, store a snapshot, diff it with the previous one, prune.

    No prompts: secrets come from the vault (M365INV_VAULT_KEY / keyring / passphrase
    variable) or the environment, so it runs from cron, a systemd timer or a CronJob.
    """
    from m365inv import aiorun
    from m365inv.catalog import load_catalog
    from m365inv.diff import diff_inventories, fail_on_reasons
    from m365inv.gates import parse_policies
    from m365inv.pipeline import scan
    from m365inv.profiles import get_profile
    from m365inv.reports import Contact, write_reports
    from m365inv.reports.diff import render_diff
    from m365inv.store import open_store

    if out is not None:
        check_out_dir(out)
    policies = parse_policies(fail_on)
    options = _options(concurrency, low_priority, addins_from, delta=True, activity=activity)
    catalog = load_catalog(catalog_dirs or ())
    prof = get_profile(profile, config)
    findings = _finding_options(prof, catalog, config, inactive_days)
    source = _sign_in(prof, vault, interactive=False)
    progress = _progress(quiet)
    with open_store(store) as snapshots, snapshots.lock(prof.tenant_id):
        previous = snapshots.latest(prof.name)
        base = None if previous is None or full else previous.tenant_data
        with _live(progress):
            result = aiorun.run(
                scan(
                    source,
                    catalog,
                    previous=base,
                    options=options,
                    progress=progress,
                    tenant_id=prof.tenant_id,
                    scanner_app_id=prof.client_id,
                    finding_options=findings,
                )
            )
        stop_if_interrupted()  # (a scan that finished after a swallowed Ctrl-C is not saved)
        baseline = _baseline(snapshots, prof.name, result.inventory, previous)
        info = snapshots.save(prof.name, result.inventory, result.tenant)
        pruned = snapshots.prune(prof.name, keep_last=keep_last, keep_days=keep_days)
    if not quiet:
        console_err.print(progress.summary())
    console.print(f"snapshot {info.id} of {_escape(prof.name)} at {info.taken_at}")
    if pruned:
        console.print(f"pruned {len(pruned)} old snapshot(s)")
    _print_summary(result.inventory)
    diff = diff_inventories(baseline.inventory, result.inventory) if baseline else None
    if diff is not None:
        console.print(_escape(render_diff(diff, "text")), soft_wrap=True)
    if out is not None:
        write_reports(result.inventory, out, formats, lang, Contact.of(prof))
    if diff is None and policies:
        console_err.print(
            f"fail-on: first snapshot of {_escape(prof.name)}: the baseline, no gate applies"
        )
    reasons = fail_on_reasons(diff, policies) if diff is not None else []
    raise typer.Exit(_exit_code(result.inventory, reasons))


def _baseline(
    snapshots: SnapshotStore, profile: str, newer: Inventory, latest: Snapshot | None
) -> Snapshot | None:
    """What ``snapshot`` diffs against: the newest snapshot that read at least every section
    this run read. After a run with a gap, the next good run is compared with the last good one
    — what the gap hid is neither "removed" then nor "new" now. None found: the latest."""
    from m365inv.diff import comparable

    if latest is None or comparable(latest.inventory, newer):
        return latest
    for info in reversed(snapshots.list(profile)[-_LOOK_BACK:-1]):
        older = snapshots.get(info.id)
        if comparable(older.inventory, newer):
            return older
    return latest


_LOOK_BACK = 20


def demo_cmd(
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Directory for the reports.")
    ] = Path("m365inv-demo"),
    users: Annotated[
        int,
        typer.Option("--users", metavar="N", min=10, max=1_000_000, help="Sandbox tenant size."),
    ] = 500,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Sandbox tenant seed.")] = 42,
    formats: FormatsOpt = REPORT_FORMATS,
    lang: LangOpt = "en",
    quiet: QuietOpt = False,
) -> None:
    """Scan the built-in sandbox tenant and write every report to DIR."""
    import asyncio

    from m365inv import aiorun
    from m365inv.catalog import load_catalog
    from m365inv.catalog.drafting import FetchOptions, draft_from_inventory
    from m365inv.cli.area_sandbox import DEFAULT_PORT
    from m365inv.demo import demo_tenant
    from m365inv.pipeline import scan
    from m365inv.reports import write_reports
    from m365inv.store import open_store

    check_out_dir(out)
    catalog = load_catalog()
    progress = _progress(quiet)

    drafts_dir = out / "vendors-draft"

    async def run() -> tuple[ScanResult, list[DraftOutcome]]:
        async with demo_tenant(users=users, seed=seed, preferred_port=DEFAULT_PORT) as tenant:
            console_err.print(
                f"sandbox tenant {tenant.profile.tenant_id} ({users} users) at "
                f"{tenant.profile.graph_endpoint}"
            )
            result = await scan(
                tenant.source,
                catalog,
                progress=progress,
                tenant_id=tenant.profile.tenant_id,
                scanner_app_id=tenant.profile.client_id,
            )
            # While the sandbox still serves its vendors' policies: draft a vendor file for
            # every app without a disclosure on file (the real workflow, on the sandbox's CA).
            options = FetchOptions(ca_bundle=Path(tenant.info.ca_bundle), allow_private=True)
            drafts = await asyncio.to_thread(
                draft_from_inventory, result.inventory, drafts_dir, options, replace=True
            )
            return result, drafts

    with _live(progress):
        result, drafts = aiorun.run(run())
    stop_if_interrupted()
    if not quiet:
        console_err.print(progress.summary())
    written = write_reports(result.inventory, out, formats, lang)
    store_url = f"sqlite:///{(out / 'snapshots.sqlite3').resolve()}"
    with open_store(store_url) as snapshots:
        info = snapshots.save("sandbox", result.inventory, result.tenant)
    _print_summary(result.inventory)
    console.print(f"[bold]reports written to {_escape(str(out))}/[/]")
    for fmt, path in written.items():
        console.print(f"  {fmt:6} {_escape(str(path))}")
    console.print(f"  store  {_escape(store_url)} (snapshot {info.id}, taken {info.taken_at})")
    _print_drafts(drafts, drafts_dir)
    console.print(f"open {_escape(str(written.get('html', out)))} in a browser to start")


def _print_drafts(drafts: list[DraftOutcome], drafts_dir: Path) -> None:
    """The demo's one line on vendor drafts, and the next step."""
    done = [d for d in drafts if d.draft is not None]
    skipped = sum(d.status == "skipped" for d in drafts)
    failed = [d for d in drafts if d.status == "failed"]
    console.print(
        f"  drafts {_escape(str(drafts_dir))}/: {len(done)} of {len(drafts)} vendors without a "
        f"disclosure on file drafted from their privacy statements ({skipped} name none)"
    )
    for d in failed:
        console.print(f"  [red]draft failed[/] {_escape(d.vendor)}: {_escape(str(d.reason))}")
    if done and done[0].draft is not None:
        console.print(f"  review one: m365inv catalog review {_escape(str(done[0].draft.path))}")


def register(app: typer.Typer) -> None:
    """Attach ``scan``, ``snapshot`` and ``demo``."""
    add_commands(app, {"scan": scan_cmd, "snapshot": snapshot_cmd, "demo": demo_cmd})
