"""CLI of the draft workflow: ``catalog fetch URL``, ``catalog draft --from-inventory``,
``catalog review FILE`` and ``catalog accept FILE``.

From "no disclosure on file" to a reviewed vendor file: fetch the policy the app names
(opt-in, HTTPS only), draft a vendor file from it with recognition pre-filled from the tenant,
look at the draft next to the policy text, accept it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer

from m365inv.cli.base import add_commands
from m365inv.cli.common import console
from m365inv.errors import CatalogError
from m365inv.textsafe import for_terminal

if TYPE_CHECKING:
    from m365inv.catalog.drafting import DraftOutcome, FetchOptions

# Heavy libraries (trafilatura, pypdf, httpx, yaml, rich) are imported inside the commands:
# ``m365inv --help`` must not pay for them (issue 14, item 7).

CaBundle = Annotated[
    Path | None,
    typer.Option(
        "--ca-bundle",
        metavar="FILE",
        help="Trust only this CA file (PEM), for a private or test server.",
        exists=True,
        dir_okay=False,
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        metavar="DIR",
        help="Where fetched policies are cached (default: user cache).",
        file_okay=False,
    ),
]
OutDir = Annotated[
    Path,
    typer.Option(
        "--out-dir", metavar="DIR", help="Directory for the draft files.", file_okay=False
    ),
]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Fetch again even when cached.")]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private-hosts",
        help="Also fetch from private/loopback addresses (refused by default: the URLs come "
        "from the tenant).",
    ),
]


def _safe(text: object) -> str:
    from rich.markup import escape

    return escape(for_terminal(str(text)))


def _options(
    ca_bundle: Path | None, cache_dir: Path | None, no_cache: bool, allow_private: bool
) -> FetchOptions:
    import platformdirs

    from m365inv.catalog.drafting import FetchOptions

    cache = (
        None if no_cache else cache_dir or Path(platformdirs.user_cache_dir("m365inv")) / "policies"
    )
    return FetchOptions(ca_bundle=ca_bundle, cache_dir=cache, allow_private=allow_private)


def print_outcome(outcome: DraftOutcome) -> None:
    """One vendor's outcome as the lines ``catalog draft`` and ``demo`` print."""
    if outcome.status == "skipped":
        console.print(f"skipped {_safe(outcome.vendor)}: {_safe(outcome.reason)}")
        return
    if outcome.status == "failed" or outcome.fetched is None or outcome.draft is None:
        console.print(f"failed {_safe(outcome.vendor)}: {_safe(outcome.reason)}")
        return
    fetched, draft = outcome.fetched, outcome.draft
    cached = " (from cache)" if fetched.from_cache else ""
    console.print(
        f"fetched {_safe(fetched.final_url)}: {fetched.content_type}, language "
        f"{fetched.language}, {len(fetched.text):,} characters{cached}"
    )
    if not fetched.looks_like_policy:
        console.print(f"warning: {_safe(fetched.url)} does not look like a privacy policy")
    console.print(
        f"draft written to {_safe(draft.path)}: {draft.items} items, "
        f"{draft.subprocessors} sub-processors, {draft.transfers} transfers, "
        f"country {draft.country or 'unknown'}"
    )


def fetch_cmd(
    url: Annotated[
        str, typer.Argument(metavar="URL", help="https:// URL of the privacy policy (HTML or PDF).")
    ],
    vendor: Annotated[
        str | None,
        typer.Option("--vendor", metavar="NAME", help="Vendor name (default: host)."),
    ] = None,
    out_dir: OutDir = Path("."),
    ca_bundle: CaBundle = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    allow_private_hosts: AllowPrivate = False,
) -> None:
    """Fetch a privacy policy and draft a vendor file from it (draft + its policy text)."""
    from m365inv.catalog.drafting import fetch_and_draft

    name = vendor or (urlsplit(url).hostname or "vendor").removeprefix("www.")
    options = _options(ca_bundle, cache_dir, no_cache, allow_private_hosts)
    print_outcome(fetch_and_draft(url, name, out_dir, options))


def draft_cmd(
    from_inventory: Annotated[
        Path,
        typer.Option(
            "--from-inventory",
            metavar="FILE",
            help="inventory.json of a scan.",
            exists=True,
            dir_okay=False,
        ),
    ],
    out_dir: OutDir = Path("vendors-draft"),
    ca_bundle: CaBundle = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    allow_private_hosts: AllowPrivate = False,
) -> None:
    """Draft a vendor file for every third-party app without a disclosure on file.

    Fetches each app's privacy statement (Graph's info.privacyStatementUrl). Exit 3 when some
    vendors could not be drafted (each named on its own line); the others are written.
    """
    from m365inv.catalog.drafting import draft_from_inventory
    from m365inv.catalog.from_inventory import load_inventory

    options = _options(ca_bundle, cache_dir, no_cache, allow_private_hosts)
    outcomes = draft_from_inventory(
        load_inventory(from_inventory), out_dir, options, on_outcome=print_outcome
    )
    if print_draft_summary(outcomes, out_dir):
        raise typer.Exit(code=3)


def print_draft_summary(outcomes: list[DraftOutcome], out_dir: Path) -> bool:
    """The closing line; True when some vendor could not be drafted (exit 3 for the command)."""
    drafted = sum(o.status == "drafted" for o in outcomes)
    console.print(f"{drafted} of {len(outcomes)} vendor(s) drafted in {_safe(out_dir)}")
    return drafted < len(outcomes)


def review_cmd(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A drafted vendor file.", exists=True, dir_okay=False),
    ],
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy",
            metavar="FILE",
            help="Policy text (default: <file>.policy.txt beside it).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="FILE",
            help="Write the review page here (default: <file>.review.html).",
        ),
    ] = None,
) -> None:
    """Show a draft next to its policy text: a terminal summary and an HTML review page."""
    from rich.table import Table

    from m365inv.atomic import write_text_atomic
    from m365inv.catalog import read_vendor_yaml
    from m365inv.catalog.review import review_page

    policy_path = policy or file.with_name(file.name.removesuffix(".yaml") + ".policy.txt")
    try:
        text = policy_path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{policy_path}: cannot read the policy text: {exc}") from None
    data = read_vendor_yaml(file) or {}
    table = Table("item", "categories", "confidence", "source in policy")
    for d in data.get("disclosures") or []:
        found = "yes" if d.get("source") and d["source"] in text else "NO"
        table.add_row(
            _safe(d.get("item")),
            _safe(", ".join(d.get("categories") or [])),
            _safe(d.get("confidence", "")),
            found,
        )
    console.print(table)
    out = html or file.with_name(file.name.removesuffix(".yaml") + ".review.html")
    write_text_atomic(out, review_page(file, text))
    console.print(f"review page written to {_safe(out)}")


def accept_cmd(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The reviewed draft.", exists=True, dir_okay=False),
    ],
) -> None:
    """Accept a reviewed draft: draft: false, confidences dropped, policy.reviewed stamped."""
    from m365inv.catalog.review import accept

    data = accept(file)
    console.print(
        f"accepted {_safe(file)} ({_safe(data['id'])}); move it into your --catalog directory"
    )


def register(app: typer.Typer) -> None:
    """Attach fetch/draft/review/accept to the catalog sub-app."""
    add_commands(
        app, {"fetch": fetch_cmd, "draft": draft_cmd, "review": review_cmd, "accept": accept_cmd}
    )
