"""Renderers of the inventory: JSON feed (+ schema), HTML, Art. 30 CSV/XLSX, Fides, Markdown,
the privacy-notice building blocks, and the snapshot diff. :func:`write_reports` is the one
entry point the CLI uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reports.fides import render_fides
from reports.html import render_html
from reports.i18n import check_lang
from reports.json_feed import encode_inventory
from reports.markdown import render_markdown
from reports.privacy_notice import render_notice_json, render_privacy_notice
from reports.ropa import render_csv, render_xlsx
from reports.ropa_record import Contact
from scanner.atomic import write_bytes_atomic
from scanner.errors import ConfigError, RenderError
from scanner.models import Inventory
from scanner.textsafe import for_terminal

Renderer = Callable[[Inventory, str, Contact | None], bytes]

RENDERERS: dict[str, tuple[str, Renderer]] = {
    "json": ("inventory.json", lambda inv, _lang, _c: encode_inventory(inv)),
    "html": ("report.html", lambda inv, lang, _c: render_html(inv, lang).encode("utf-8")),
    "csv": ("art30-record.csv", render_csv),
    "xlsx": ("art30-record.xlsx", render_xlsx),
    "fides": ("fides-systems.yml", lambda inv, _lang, _c: render_fides(inv)),
    "md": ("summary.md", lambda inv, lang, _c: render_markdown(inv, lang).encode("utf-8")),
    "notice": (
        "privacy-notice.{lang}.md",
        lambda inv, lang, _c: render_privacy_notice(inv, lang).encode("utf-8"),
    ),
    "notice-json": ("privacy-notice.json", lambda inv, _lang, _c: render_notice_json(inv)),
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


def _render_one(fmt: str, inv: Inventory, lang: str, contact: Contact | None) -> bytes:
    """One format; any failure becomes a :class:`RenderError` naming the format.

    Renderers are written to accept any Unicode string Graph can return, but a renderer that
    still fails (a library bug, an unforeseen character) must not take the other reports down:
    the caller writes the rest and names this one.
    """
    try:
        return RENDERERS[fmt][1](inv, lang, contact)
    except RenderError as exc:
        raise RenderError(f"{fmt}: {for_terminal(str(exc))}") from None
    except Exception as exc:  # noqa: BLE001 — named in the error and exit 1, never hidden
        detail = for_terminal(str(exc))[:200]
        raise RenderError(f"{fmt}: {type(exc).__name__}: {detail}") from None


def write_reports(
    inv: Inventory,
    out_dir: Path,
    formats: str | Iterable[str] = FORMATS,
    lang: str = "en",
    contact: Contact | None = None,
) -> dict[str, Path]:
    """Render ``formats`` into ``out_dir`` (created, mode 0700); each file is written atomically.

    Reports hold personal data about the tenant's users, so files are 0600. A format that fails
    to render is not written; every other format still is, and then :class:`RenderError` names
    the failed ones (exit 1) — one bad character never costs the whole set of reports.
    ``contact`` fills the Art. 30 record's controller / representative / DPO cells.
    """
    lang = check_lang(lang)
    chosen = parse_formats(formats)
    rendered: dict[str, bytes] = {}
    failed: list[str] = []
    for fmt in chosen:
        try:
            rendered[fmt] = _render_one(fmt, inv, lang, contact)
        except RenderError as exc:
            failed.append(str(exc))
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise RenderError(f"cannot create report directory {out_dir}: {exc.strerror}") from None
    written = {}
    for fmt, data in rendered.items():
        path = out_dir / RENDERERS[fmt][0].format(lang=lang)
        try:
            write_bytes_atomic(path, data, mode=0o600)
        except OSError as exc:
            failed.append(f"{fmt}: cannot write {path}: {exc.strerror}")
            continue
        written[fmt] = path
    if failed:
        done = ", ".join(str(p) for p in written.values()) or "none"
        raise RenderError(f"report(s) not written — {'; '.join(failed)} (written: {done})")
    return written


__all__ = ["FORMATS", "RENDERERS", "Contact", "parse_formats", "write_reports"]
