"""State and helpers shared by the CLI areas (not by the pipeline).

``console`` / ``console_err`` are created on first use: importing rich costs ~50 ms, and
``m365inv --version`` / ``--help`` must not pay for it (issue 14, item 7).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from m365inv.logsafe import redact
from m365inv.textsafe import for_terminal

if TYPE_CHECKING:
    from rich.console import Console


class _LazyConsole:
    """Stands in for a :class:`rich.console.Console` until its first attribute is used."""

    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)

    def real(self) -> Console:
        """The rich console itself (for rich objects that take one, e.g. a live display)."""
        if self._console is None:
            from rich.console import Console

            # Not a terminal (a pipe, a file, a CI log): no wrapping and no truncation, so ids,
            # times and diff lines reach the next program whole (issue 14, item 11).
            stream = sys.stderr if self._stderr else sys.stdout
            piped = not stream.isatty()
            self._console = Console(
                stderr=self._stderr,
                highlight=False,
                soft_wrap=piped,
                width=10_000 if piped else None,
            )
        return self._console


_stdout = _LazyConsole(stderr=False)
_stderr = _LazyConsole(stderr=True)
console = cast("Console", _stdout)
console_err = cast("Console", _stderr)


def real_console_err() -> Console:
    """The stderr console as a real :class:`rich.console.Console` (progress displays)."""
    return _stderr.real()


def is_piped() -> bool:
    """stdout is not a terminal: print whole lines, no tables cut to a width."""
    return not sys.stdout.isatty()


@dataclass
class CliState:
    debug: bool = False


STATE = CliState()


def error_line(label: str, message: str, *, style: str = "bold red") -> None:
    """``label message`` as exactly one stderr line: secrets masked (the one redaction path,
    :func:`~m365inv.logsafe.redact`), control and bidi characters shown as escapes, never read
    as markup, never wrapped."""
    from rich.text import Text

    line = Text.assemble((label, style), " ", for_terminal(redact(message)))
    console_err.print(line, soft_wrap=True)


def terminal_lines(text: str) -> str:
    """Multi-line hostile text (diff, summaries) with each line made safe for a terminal."""
    return "\n".join(for_terminal(line) for line in text.split("\n"))
