"""Renderers of the inventory: JSON feed (+ schema), HTML, Art. 30 CSV/XLSX, Fides, Markdown,
and the snapshot diff. :func:`write_reports` is the one entry point the CLI uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reports.fides import render_fides
from reports.html import render_html
from reports.i18n import check_lang
from reports.json_feed import encode_inventory
from reports.markdown import render_markdown
from reports.ropa import render_csv, render_xlsx
from scanner.atomic import write_bytes_atomic
from scanner.errors import ConfigError, RenderError
from scanner.models import Inventory

Renderer = Callable[[Inventory, str], bytes]

RENDERERS: dict[str, tuple[str, Renderer]] = {
    "json": ("inventory.json", lambda inv, _lang: encode_inventory(inv)),
    "html": ("report.html", lambda inv, lang: render_html(inv, lang).encode("utf-8")),
    "csv": ("art30-record.csv", render_csv),
    "xlsx": ("art30-record.xlsx", render_xlsx),
    "fides": ("fides-systems.yml", lambda inv, _lang: render_fides(inv)),
    "md": ("summary.md", lambda inv, lang: render_markdown(inv, lang).encode("utf-8")),
}
FORMATS = tuple(RENDERERS)


def parse_formats(spec: str | Iterable[str]) -> tuple[str, ...]:
    """``"html,json"`` or an iterable → known formats in a fixed order; ``all`` = every one."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    wanted = {i.strip().lower() for i in items if i.strip()}
    if "all" in wanted:
        return FORMATS
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        raise ConfigError(
            f"unknown report format(s): {', '.join(unknown) or '(none given)'}",
            tip=f"choose from {','.join(FORMATS)} or all",
        )
    return tuple(f for f in FORMATS if f in wanted)


def write_reports(
    inv: Inventory, out_dir: Path, formats: str | Iterable[str] = FORMATS, lang: str = "en"
) -> dict[str, Path]:
    """Render ``formats`` into ``out_dir`` (created, mode 0700); each file is written atomically.

    Reports hold personal data about the tenant's users, so files are 0600. Everything is
    rendered before the first file is written: a render error leaves the directory unchanged.
    """
    lang = check_lang(lang)
    chosen = parse_formats(formats)
    rendered = {fmt: RENDERERS[fmt][1](inv, lang) for fmt in chosen}
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise RenderError(f"cannot create report directory {out_dir}: {exc.strerror}") from None
    written = {}
    for fmt, data in rendered.items():
        path = out_dir / RENDERERS[fmt][0]
        try:
            write_bytes_atomic(path, data, mode=0o600)
        except OSError as exc:
            raise RenderError(f"cannot write {path}: {exc.strerror}") from None
        written[fmt] = path
    return written


__all__ = ["FORMATS", "RENDERERS", "parse_formats", "write_reports"]
