"""Every option and argument that more than one command takes, defined once, with its metavar.

Kept import-light on purpose (typer and the standard library only): the command modules build
their signatures from these at start-up, and ``m365inv --help`` must stay fast. Closed choices
are parsed here, so a typo (``--format htm``, ``--lang fr``) is a usage error (exit 2) before
any tenant is read. The report formats and languages mirror ``reports.FORMATS`` and
``reports.i18n.LANGS`` (importing ``reports`` loads every renderer); a test keeps them equal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer


class ReportFormats(tuple[str, ...]):
    """The parsed ``--format`` list (its own type so typer takes it as one value, not nargs)."""

    __slots__ = ()


REPORT_FORMATS = ReportFormats(
    ("json", "html", "csv", "xlsx", "fides", "md", "notice", "notice-json")
)
ALL_FORMATS = ",".join(REPORT_FORMATS)
Lang = Literal["en", "de"]
DiffFormat = Literal["text", "md", "json"]
FAIL_ON_HELP = (
    "critical, high, medium, low (a finding at or above), undisclosed (a flow the vendor does "
    "not disclose), new-findings, any-change; comma-separated"
)

# Old spellings still accepted on the command line, never shown in --help (issue 14, item 8:
# one name for one thing). Applied to argv before parsing, see ``m365inv.cli.main``.
OPTION_ALIASES = {"--formats": "--format"}


def parse_formats(value: str | tuple[str, ...]) -> ReportFormats:
    """``"html,json"`` → the chosen formats in a fixed order; ``all`` = every one."""
    if isinstance(value, tuple):  # typer hands a default through the parser again
        return ReportFormats(value)
    wanted = {item.strip().lower() for item in value.split(",") if item.strip()}
    if "all" in wanted:
        return REPORT_FORMATS
    unknown = sorted(wanted - set(REPORT_FORMATS))
    if unknown or not wanted:
        raise typer.BadParameter(
            f"unknown report format {', '.join(unknown) or '(none given)'}; "
            f"choose from {ALL_FORMATS} or all"
        )
    return ReportFormats(f for f in REPORT_FORMATS if f in wanted)


def choice_parser(choices: tuple[str, ...], aliases: dict[str, str] | None = None) -> object:
    """A parser for a closed choice that also takes old spellings (``cert-password``)."""
    known = dict(aliases or {})
    known.update({c: c for c in choices})

    def parse(value: str) -> str:
        if value in known:
            return known[value]
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}")

    return parse


OutDirOpt = Annotated[
    Path, typer.Option("--out", "-o", metavar="DIR", help="Directory for the reports.")
]
ProfileOpt = Annotated[
    str, typer.Option("--profile", "-p", metavar="NAME", help="Profile (tenant) name.")
]
MaybeProfileOpt = Annotated[
    str | None, typer.Option("--profile", "-p", metavar="NAME", help="Profile (tenant) name.")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Profiles file (default: $M365INV_CONFIG, else one in the user config dir).",
    ),
]
VaultOpt = Annotated[
    Path | None,
    typer.Option(
        "--vault",
        metavar="FILE",
        help="Vault file (default: $M365INV_VAULT, else one in the user data dir).",
    ),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        metavar="URL",
        envvar="M365INV_STORE",
        show_envvar=True,
        help="Snapshot store: a SQLite path/URL or postgresql://… (default: the user data dir).",
    ),
]
FormatsOpt = Annotated[
    ReportFormats,
    typer.Option(
        "--format",
        "-f",
        metavar="LIST",
        parser=parse_formats,
        help=f"Report formats, comma-separated: {ALL_FORMATS}, or all.",
    ),
]
LangOpt = Annotated[Lang, typer.Option("--lang", metavar="en|de", help="Report language.")]
CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        metavar="DIR",
        file_okay=False,
        help="Directory of your own vendor files, layered on the shipped ones; repeatable.",
    ),
]
FailOnOpt = Annotated[
    str | None, typer.Option("--fail-on", metavar="LIST", help=f"Exit 4 on: {FAIL_ON_HELP}.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable output (JSON).")]
ConcurrencyOpt = Annotated[
    int,
    typer.Option(
        "--concurrency", metavar="N", min=1, max=64, help="Graph requests in flight per tenant."
    ),
]
AddinsOpt = Annotated[
    Path | None,
    typer.Option(
        "--addins-from",
        metavar="FILE",
        help="Get-OrganizationAddIn / Get-App export (CSV or JSON).",
    ),
]
InactiveDaysOpt = Annotated[
    int,
    typer.Option(
        "--inactive-days",
        metavar="DAYS",
        min=1,
        help="STALE_APP finding: an app with personal-data reach and no sign-in for DAYS.",
    ),
]
ActivityOpt = Annotated[
    bool,
    typer.Option(
        "--activity/--no-activity",
        help="Read each app's last sign-in (Graph beta; needs AuditLog.Read.All and Entra ID P1) "
        "for the STALE_APP finding. --no-activity skips the read: no STALE_APP finding, and no "
        "coverage gap on a tenant without P1.",
    ),
]
SandboxInfoOpt = Annotated[
    Path | None,
    typer.Option(
        "--info",
        metavar="FILE",
        help="The running sandbox's info file (default: info.json in the sandbox state dir).",
    ),
]
