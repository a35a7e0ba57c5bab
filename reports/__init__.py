"""Renderers of the inventory: JSON feed (+ schema), HTML, Art. 30 CSV/XLSX, Fides, Markdown,
the privacy-notice building blocks, and the snapshot diff. :func:`write_reports` is the one
entry point the CLI uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from m365inv.atomic import open_atomic, write_bytes_atomic
from m365inv.errors import ConfigError, RenderError
from m365inv.models import Inventory
from m365inv.reports.fides import render_fides, write_fides
from m365inv.reports.html import render_html
from m365inv.reports.i18n import check_lang
from m365inv.reports.json_feed import encode_inventory, write_inventory
from m365inv.reports.markdown import render_markdown
from m365inv.reports.privacy_notice import render_notice_json, render_privacy_notice
from m365inv.reports.ropa import render_csv, render_xlsx, write_csv, write_xlsx_record
from m365inv.reports.ropa_record import Contact
from m365inv.textsafe import for_terminal

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
_BUILT_IN = dict(RENDERERS)

Streamer = Callable[[Inventory, str, Contact | None, BinaryIO], None]
STREAMERS: dict[str, Streamer] = {
    # the reports that grow with every app and flow (the feed: 270 MB at a million users),
    # written as they are produced, never held whole
    "json": lambda inv, _lang, _c, out: write_inventory(inv, out),
    "csv": lambda inv, lang, c, out: write_csv(inv, out, lang, c),
    "xlsx": lambda inv, lang, c, out: write_xlsx_record(inv, out, lang, c),
    "fides": lambda inv, _lang, _c, out: write_fides(inv, out),
}
"""Formats written straight into their file (same bytes as their renderer). A test that swaps
a renderer in ``RENDERERS`` gets its renderer used, not the streamer."""


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


def _stream_one(fmt: str, inv: Inventory, lang: str, contact: Contact | None, path: Path) -> None:
    """One format streamed into its file; failures named as :func:`_render_one` names them
    (a write error stays an :class:`OSError` for the caller)."""
    try:
        with open_atomic(path, mode=0o600) as out:
            STREAMERS[fmt](inv, lang, contact, out)
    except (RenderError, OSError):
        raise
    except Exception as exc:  # noqa: BLE001 — named in the error and exit 1, never hidden
        detail = for_terminal(str(exc))[:200]
        raise RenderError(f"{fmt}: {type(exc).__name__}: {detail}") from None


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
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise RenderError(f"cannot create report directory {out_dir}: {exc.strerror}") from None
    written: dict[str, Path] = {}
    failed: list[str] = []
    for fmt in chosen:  # one format at a time: never every report in memory at once
        path = out_dir / RENDERERS[fmt][0].format(lang=lang)
        try:
            if fmt in STREAMERS and RENDERERS[fmt] is _BUILT_IN[fmt]:
                _stream_one(fmt, inv, lang, contact, path)
            else:
                write_bytes_atomic(path, _render_one(fmt, inv, lang, contact), mode=0o600)
        except RenderError as exc:
            failed.append(str(exc))
            continue
        except OSError as exc:
            failed.append(f"{fmt}: cannot write {path}: {exc.strerror}")
            continue
        written[fmt] = path
    if failed:
        done = ", ".join(str(p) for p in written.values()) or "none"
        raise RenderError(f"report(s) not written — {'; '.join(failed)} (written: {done})")
    return written


__all__ = ["FORMATS", "RENDERERS", "STREAMERS", "Contact", "parse_formats", "write_reports"]
