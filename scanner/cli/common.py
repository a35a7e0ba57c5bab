"""State and helpers shared by the CLI areas (not by the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console

console = Console(highlight=False)
console_err = Console(stderr=True, highlight=False)


@dataclass
class CliState:
    debug: bool = False


STATE = CliState()
