"""Listings that survive pipes (issue 14, item 11).

On a terminal a listing is a rich table; when stdout is a pipe or a file it is tab-separated
lines with every value whole — no column cut to the terminal's width (``catalog show`` needs the
full id that ``catalog list`` printed) — and every listing command also has ``--json``. Values
come from tenants, catalogs and files: control characters are made visible either way.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from m365inv.cli.common import console, is_piped


def print_json(value: object) -> None:
    """``value`` as indented JSON on stdout (json.dumps escapes control characters)."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A table on a terminal; a header line and tab-separated rows when piped."""
    from m365inv.textsafe import for_terminal

    cells = [[for_terminal(str(c)) for c in row] for row in rows]
    if is_piped():
        for line in (list(header), *cells):
            sys.stdout.write("\t".join(line) + "\n")  # for_terminal escaped any tab
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(*header)
    for row in cells:
        table.add_row(*(Text(c) for c in row))
    console.print(table)
