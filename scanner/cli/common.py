"""State and helpers shared by the CLI areas (not by the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from scanner.logsafe import redact
from scanner.textsafe import for_terminal

console = Console(highlight=False)
console_err = Console(stderr=True, highlight=False)


@dataclass
class CliState:
    debug: bool = False


STATE = CliState()


def error_line(label: str, message: str, *, style: str = "bold red") -> None:
    """``label message`` as exactly one stderr line: secrets masked (the one redaction path,
    :func:`~scanner.logsafe.redact`), control and bidi characters shown as escapes, never read
    as markup, never wrapped."""
    line = Text.assemble((label, style), " ", for_terminal(redact(message)))
    console_err.print(line, soft_wrap=True)


def terminal_lines(text: str) -> str:
    """Multi-line hostile text (diff, summaries) with each line made safe for a terminal."""
    return "\n".join(for_terminal(line) for line in text.split("\n"))
