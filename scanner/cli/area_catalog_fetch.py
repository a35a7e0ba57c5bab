"""CLI of the draft workflow: ``catalog fetch URL``, ``catalog draft --from-inventory``,
``catalog review FILE`` and ``catalog accept FILE``.

From "no disclosure on file" to a reviewed vendor file: fetch the policy the app names
(opt-in, HTTPS only), draft a vendor file from it with recognition pre-filled from the tenant,
look at the draft next to the policy text, accept it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

import typer

from m365inv.cli.base import add_commands
from m365inv.cli.common import console
from m365inv.errors import CatalogError
from m365inv.textsafe import for_terminal

if TYPE_CHECKING:
    from m365inv.catalog.fetch import FetchedPolicy

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
HEADER = (
    "# DRAFT by m365inv from {url} — every item carries its source sentence and a confidence.\n"
    "# Review: m365inv catalog review {file}   Accept: m365inv catalog accept {file}\n"
)


def _safe(text: object) -> str:
    from rich.markup import escape

    return escape(for_terminal(str(text)))


def _cache(cache_dir: Path | None, no_cache: bool) -> Path | None:
    import platformdirs

    if no_cache:
        return None
    return cache_dir or Path(platformdirs.user_cache_dir("m365inv")) / "policies"


def _write_draft(
    out_dir: Path, fetched: FetchedPolicy, vendor: str, recognition: dict[str, list[str]] | None
) -> tuple[Path, dict[str, Any]]:
    import yaml

    from m365inv.atomic import write_text_atomic
    from m365inv.catalog.draft import draft_vendor

    data = draft_vendor(fetched.text, vendor, url=fetched.final_url, recognition=recognition)
    target = out_dir / f"{data['id']}.yaml"
    if target.exists():
        raise CatalogError(f"{target} exists; refusing to overwrite a vendor file")
    out_dir.mkdir(parents=True, exist_ok=True)
    body = HEADER.format(url=for_terminal(fetched.final_url), file=target.name)
    body += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    text_path = out_dir / f"{data['id']}.policy.txt"
    try:
        write_text_atomic(text_path, fetched.text + "\n")
        write_text_atomic(target, body)  # last: a draft file exists only with its policy text
    except OSError as exc:
        text_path.unlink(missing_ok=True)
        raise CatalogError(f"{target}: cannot write: {exc.strerror}") from None
    return target, data


def _report(fetched: FetchedPolicy, target: Path, data: dict[str, Any]) -> None:
    cached = " (from cache)" if fetched.from_cache else ""
    console.print(
        f"fetched {_safe(fetched.final_url)}: {fetched.content_type}, language "
        f"{fetched.language}, {len(fetched.text):,} characters{cached}"
    )
    if not fetched.looks_like_policy:
        console.print(f"warning: {_safe(fetched.url)} does not look like a privacy policy")
    console.print(
        f"draft written to {_safe(target)}: {len(data['disclosures'])} items, "
        f"{len(data['subprocessors'])} sub-processors, {len(data['transfers'])} transfers, "
        f"country {data['country'] or 'unknown'}"
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
    from m365inv.catalog.fetch import fetch_policy

    fetched = fetch_policy(
        url,
        ca_bundle=ca_bundle,
        cache_dir=_cache(cache_dir, no_cache),
        allow_private=allow_private_hosts,
    )
    name = vendor or (urlsplit(url).hostname or "vendor").removeprefix("www.")
    target, data = _write_draft(out_dir, fetched, name, None)
    _report(fetched, target, data)


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
    from m365inv.catalog.fetch import fetch_policy
    from m365inv.catalog.from_inventory import load_inventory, recognition_of, unmatched_vendors

    candidates = unmatched_vendors(load_inventory(from_inventory))
    gaps = 0
    for c in candidates:
        if not c.policy_url:
            gaps += 1
            console.print(f"skipped {_safe(c.name)}: no privacy statement URL on its apps")
            continue
        try:
            fetched = fetch_policy(
                c.policy_url,
                ca_bundle=ca_bundle,
                cache_dir=_cache(cache_dir, no_cache),
                allow_private=allow_private_hosts,
            )
            target, data = _write_draft(out_dir, fetched, c.name, recognition_of(c))
        except CatalogError as exc:
            gaps += 1
            console.print(f"failed {_safe(c.name)}: {_safe(exc)}")
            continue
        _report(fetched, target, data)
    console.print(
        f"{len(candidates) - gaps} of {len(candidates)} vendor(s) drafted in {_safe(out_dir)}"
    )
    if gaps:
        raise typer.Exit(code=3)


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
