"""CLI commands of the catalog area: ``m365inv catalog list|show|validate|import``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.markup import escape
from rich.table import Table

from scanner.atomic import write_text_atomic
from scanner.catalog import Catalog, load_catalog, read_vendor_yaml, validation_errors
from scanner.cli.common import console, terminal_lines
from scanner.errors import CatalogError, ConfigError
from scanner.inputfiles import MiB, decode_text, read_limited
from scanner.textsafe import for_terminal

CatalogDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        help="Directory of your own vendor files, layered on top of the shipped ones (repeatable).",
        file_okay=False,
    ),
]

catalog_app = typer.Typer(
    name="catalog",
    help="The vendor disclosure catalog: list, show, validate, draft vendor files from policies.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _catalog(dirs: list[Path] | None) -> Catalog:
    return load_catalog(dirs or ())


@catalog_app.command("list")
def list_vendors(catalog: CatalogDirs = None) -> None:
    """List vendors in the catalog."""
    table = Table("id", "legal entity", "policy date", "items", "service items", "source")
    for v in _catalog(catalog).vendors:
        table.add_row(
            escape(for_terminal(v.id)),
            escape(for_terminal(v.legal_entity)),
            escape(for_terminal(v.policy.date_as_written or v.policy.date or "undated")),
            str(len(v.disclosures)),
            str(len(v.service_items())),
            escape(for_terminal(Path(v.path).name if v.path else "")),
        )
    console.print(table)


@catalog_app.command("show")
def show_vendor(
    vendor_id: Annotated[str, typer.Argument(help="Catalog id, e.g. mailstore.")],
    catalog: CatalogDirs = None,
) -> None:
    """Print one vendor file as YAML."""
    vendor = _catalog(catalog).get(vendor_id)
    if vendor is None:
        raise ConfigError(
            f"no vendor {vendor_id!r} in the catalog", tip="see `m365inv catalog list`"
        )
    assert vendor.path is not None
    console.print(escape(terminal_lines(Path(vendor.path).read_text("utf-8"))), end="")


@catalog_app.command("validate")
def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Vendor files to check (default: the catalog).")
    ] = None,
    catalog: CatalogDirs = None,
) -> None:
    """Validate vendor files against the schema and the category taxonomy (every error)."""
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


@catalog_app.command("import")
def import_policy(
    policy: Annotated[Path, typer.Argument(help="Privacy-policy text file (German or English).")],
    vendor: Annotated[str, typer.Option("--vendor", help="Vendor / legal entity name.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the draft here instead of stdout.")
    ] = None,
) -> None:
    """Draft a vendor file from privacy-policy text, for a human to review."""
    from scanner.catalog.draft import draft_vendor

    raw = read_limited(policy, limit=MAX_POLICY_BYTES, what="policy text")
    text = decode_text(raw, str(policy))
    data = draft_vendor(text, vendor)
    rendered = "# DRAFT by `m365inv catalog import` — review every item against the policy.\n"
    rendered += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    if out is None:
        console.print(escape(terminal_lines(rendered)), end="")
        return
    if out.exists():
        raise CatalogError(f"{out} exists; refusing to overwrite a vendor file")
    write_text_atomic(out, rendered)
    console.print(f"draft written to {escape(str(out))}")


from scanner.cli import area_catalog_fetch  # noqa: E402  (registers fetch/draft/review/accept)

area_catalog_fetch.register(catalog_app)


def register(app: typer.Typer) -> None:
    """Attach this area's commands to the root app."""
    app.add_typer(catalog_app)
