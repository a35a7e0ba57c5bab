"""Rendering of a snapshot diff (:mod:`m365inv.diff` computes it): text for terminals and logs,
Markdown for tickets, JSON for machines. Every tenant string is made inert for its medium."""

from __future__ import annotations

import msgspec

from m365inv.diff import Change, InventoryDiff
from m365inv.reports.markdown import md_escape
from m365inv.textsafe import for_terminal


def encode_diff(diff: InventoryDiff) -> bytes:
    return msgspec.json.format(msgspec.json.encode(diff, order="sorted"), indent=2) + b"\n"


def _line(c: Change, esc: bool) -> str:
    # Tenant strings: inert Markdown for tickets, visible escapes for terminals and logs (a
    # display name must not carry ESC sequences or bidi overrides into either).
    e = md_escape if esc else (lambda s: for_terminal(" ".join(s.split())))
    who = f"{e(c.app_name or c.app_id or '')}: " if c.app_id else ""
    sev = f"[{c.severity}] " if c.severity else ""
    shown = {k: v for k, v in sorted(c.details.items()) if v is not None and v != ""}
    extra = ", ".join(f"{k}={e(str(v))}" for k, v in shown.items())
    # a code span renders nothing inside it but a backtick, which would end it early
    item = f"`{for_terminal(c.item).replace('`', chr(0x2018))}`" if esc else e(c.item)
    return f"{c.kind}: {sev}{who}{item}" + (f" ({extra})" if extra else "")


def render_diff(diff: InventoryDiff, fmt: str = "text") -> str:
    """``text`` for terminals and logs, ``md`` for tickets; ``json`` via :func:`encode_diff`."""
    if fmt == "json":
        return encode_diff(diff).decode()
    md = fmt == "md"
    head = for_terminal(f"Changes for tenant {diff.tenant_id}: {diff.before} → {diff.after}")
    lines = [f"### {head}" if md else head, ""]
    if not diff.changes:
        lines.append("No changes.")
    for c in diff.changes:
        lines.append(("- " if md else "  ") + _line(c, md))
    return "\n".join(lines) + "\n"


__all__ = ["encode_diff", "render_diff"]
