"""CLI commands of the catalog area: ``m365inv catalog list|show|validate|import``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from m365inv.cli import area_catalog_fetch
from m365inv.cli.base import add_commands, new_app
from m365inv.cli.common import console, terminal_lines
from m365inv.cli.options import CatalogOpt as CatalogDirs
from m365inv.cli.options import JsonOpt
from m365inv.cli.output import print_json, print_table
from m365inv.errors import CatalogError, ConfigError
from m365inv.inputfiles import MiB
from m365inv.textsafe import for_terminal

if TYPE_CHECKING:
    from m365inv.catalog import Catalog

catalog_app = new_app(
    "catalog",
    "The vendor disclosure catalog: list, show, validate, import; fetch, draft, review, accept.",
)


def _catalog(dirs: list[Path] | None) -> Catalog:
    from m365inv.catalog import load_catalog

    return load_catalog(dirs or ())


def list_vendors(catalog: CatalogDirs = None, as_json: JsonOpt = False) -> None:
    """List vendors in the catalog."""
    header = ("id", "legal entity", "policy date", "items", "service items", "source")
    rows: list[list[object]] = [
        [
            v.id,
            v.legal_entity,
            v.policy.date_as_written or v.policy.date or "undated",
            len(v.disclosures),
            len(v.service_items()),
            Path(v.path).name if v.path else "",
        ]
        for v in _catalog(catalog).vendors
    ]
    if as_json:
        keys = ("id", "legalEntity", "policyDate", "items", "serviceItems", "source")
        print_json([dict(zip(keys, row, strict=True)) for row in rows])
        return
    print_table(header, rows)


def show_vendor(
    vendor_id: Annotated[str, typer.Argument(metavar="VENDOR", help="Catalog id, e.g. mailstore.")],
    catalog: CatalogDirs = None,
) -> None:
    """Print one vendor file as YAML."""
    from rich.markup import escape

    vendor = _catalog(catalog).get(vendor_id)
    if vendor is None:
        raise ConfigError(
            f"no vendor {vendor_id!r} in the catalog", tip="see `m365inv catalog list`"
        )
    assert vendor.path is not None
    console.print(escape(terminal_lines(Path(vendor.path).read_text("utf-8"))), end="")


def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE", help="Vendor files to check (default: the catalog)."),
    ] = None,
    catalog: CatalogDirs = None,
) -> None:
    """Validate vendor files against the schema and the category taxonomy (every error)."""
    from rich.markup import escape

    from m365inv.catalog import read_vendor_yaml, validation_errors

    if files:
        bad = 0
        for path in files:
            errors = validation_errors(read_vendor_yaml(path))
            for err in errors:
                console.print(
                    f"error  {escape(for_terminal(str(path)))}: {escape(for_terminal(err))}",
                    soft_wrap=True,
                )
            if not errors:
                console.print(f"ok  {escape(for_terminal(str(path)))}")
            bad += bool(errors)
        if bad:
            raise CatalogError(f"{bad} of {len(files)} file(s) have errors (listed above)")
        return
    for v in _catalog(catalog).vendors:
        console.print(escape(for_terminal(f"ok  {v.id}  {v.path or ''}")))


MAX_POLICY_BYTES = 16 * MiB  # the five seed policies are 20-90 KiB


def import_policy(
    policy: Annotated[
        Path,
        typer.Argument(
            metavar="POLICY",
            help="Privacy policy, German or English: a text, HTML or PDF file "
            "(UTF-8, UTF-16 or Latin-1).",
        ),
    ],
    vendor: Annotated[
        str, typer.Option("--vendor", metavar="NAME", help="Vendor / legal entity name.")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write the draft here, not to stdout."),
    ] = None,
) -> None:
    """Draft a vendor file from a privacy policy, for review."""
    import yaml
    from rich.markup import escape

    from m365inv.atomic import write_text_atomic
    from m365inv.catalog.draft import draft_vendor
    from m365inv.catalog.fetch import policy_text
    from m365inv.inputfiles import read_limited

    if out is not None and out.exists():  # before any work, not after drafting
        raise CatalogError(f"{out} exists; refusing to overwrite a vendor file")
    raw = read_limited(policy, limit=MAX_POLICY_BYTES, what="policy text")
    suffix = policy.suffix.lower()
    ctype = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html"}.get(suffix, "")
    _, text, _ = policy_text(raw, ctype, where=str(policy))
    data = draft_vendor(text, vendor)
    rendered = "# DRAFT by `m365inv catalog import` — review every item against the policy.\n"
    rendered += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    if out is None:
        console.print(escape(terminal_lines(rendered)), end="")
        return
    write_text_atomic(out, rendered)
    console.print(f"draft written to {escape(str(out))}")


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    add_commands(
        catalog_app,
        {"list": list_vendors, "show": show_vendor, "validate": validate, "import": import_policy},
    )
    area_catalog_fetch.register(catalog_app)
    app.add_typer(catalog_app)
