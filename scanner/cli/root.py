"""The ``m365inv`` typer app: the root options and every command area, registered one way.

Import-light by design (issue 14, item 7): this module and the area modules import typer and
the standard library at the top and load the pipeline, MSAL, the Graph SDK, the renderers and
the sandbox inside the command that needs them, so ``--version`` and ``--help`` take well under
0.3 s. ``tests/scanner/cli/test_startup.py`` checks that no heavy module is imported here.
Help is plain click formatting (``rich_markup_mode=None``): typer's rich help alone costs
~0.2 s of imports.
"""

from __future__ import annotations

from typing import Annotated

import typer

from m365inv.cli import area_auth, area_catalog, area_reports, area_sandbox, area_scan, area_vault
from m365inv.cli.base import new_app
from m365inv.cli.common import STATE

app = new_app(
    None,
    "Inventory the personal data that third-party apps can reach in a Microsoft 365 tenant, "
    "and compare it with what their vendors disclose.",
)


def _version(value: bool) -> None:
    if value:
        from m365inv import __version__

        typer.echo(f"m365inv {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show debug logs and full tracebacks.")
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = None,
) -> None:
    from m365inv.logsafe import configure_logging

    STATE.debug = debug
    configure_logging(debug=debug)


for _area in (area_sandbox, area_auth, area_vault, area_scan, area_catalog, area_reports):
    _area.register(app)
