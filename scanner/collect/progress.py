"""Progress reporting: a live rich table on a terminal, plain lines otherwise, nothing in tests.

Counters come from the collections (items, pages) and from the client (requests, retries,
throttled); the display reads them, it never drives the scan.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import IO

from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from m365inv.graph.client import ClientStats
from m365inv.models import Coverage
from m365inv.textsafe import for_terminal


@dataclass
class _Row:
    items: int = 0
    pages: int = 0
    done: bool = False
    complete: bool = True


@dataclass
class ScanProgress:
    """Collects per-source counters; subclasses decide how (and whether) to show them."""

    rows: dict[str, _Row] = field(default_factory=dict)
    stats: ClientStats | None = None

    def update(self, source: str, *, items: int = 0, pages: int = 0) -> None:
        row = self.rows.setdefault(source, _Row())
        row.items += items
        row.pages += pages
        self.refresh()

    def finish(self, coverage: Coverage) -> None:
        row = self.rows.setdefault(coverage.source, _Row())
        row.done, row.complete = True, coverage.complete
        row.items = max(row.items, coverage.item_count)
        self.refresh()

    def refresh(self) -> None:
        return None

    def summary(self) -> str:
        s = self.stats or ClientStats()
        objects = sum(r.items for r in self.rows.values())
        secs = time.monotonic() - s.started
        return (
            f"scanned {objects} objects with {s.requests} requests in {secs:.1f} s "
            f"({s.retried} retried, {s.throttled} throttled)"
        )


class PlainProgress(ScanProgress):
    """One line per finished source — readable in CI logs and cron mail."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__()
        self._stream = stream or sys.stderr

    def finish(self, coverage: Coverage) -> None:
        super().finish(coverage)
        state = "ok" if coverage.complete else f"INCOMPLETE ({coverage.error})"
        line = f"{coverage.source}: {coverage.item_count} items, {state}"
        print(for_terminal(line), file=self._stream)  # the error may quote a server or a file


class RichProgress(ScanProgress):
    """A live table (source, items, pages, state) plus the client's request counters."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self._live = Live(console=console, refresh_per_second=4, transient=False)
        self._last = 0.0

    def __enter__(self) -> RichProgress:
        self._live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._live.update(self._table())
        self._live.__exit__(None, None, None)

    def refresh(self) -> None:
        now = time.monotonic()
        if now - self._last >= 0.2:
            self._last = now
            self._live.update(self._table())

    def _table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold")
        for col in ("source", "items", "pages", "state"):
            table.add_column(col, justify="right" if col in ("items", "pages") else "left")
        for name, row in self.rows.items():
            state = "…" if not row.done else ("ok" if row.complete else "[red]incomplete[/]")
            table.add_row(Text(for_terminal(name)), str(row.items), str(row.pages), state)
        if self.stats is not None:
            s = self.stats
            table.caption = f"{s.requests} requests · {s.retried} retried · {s.throttled} throttled"
        return table


def make_progress(console: Console, *, quiet: bool = False) -> ScanProgress:
    """Rich on a TTY, plain lines otherwise, silent counters with ``quiet``."""
    if quiet:
        return ScanProgress()
    if console.is_terminal:
        return RichProgress(console)
    return PlainProgress(console.file)


__all__ = ["PlainProgress", "RichProgress", "ScanProgress", "make_progress"]
