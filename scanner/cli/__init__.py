"""The ``m365inv`` command line: parse, wire, run once, map errors to exit codes.

Only this package catches :class:`~scanner.errors.ScannerError` and turns it into one stderr
line (plus a tip) and an exit code; stages below never print or exit. Each command area lives in
its own module with a ``register(app)`` function so areas stay small and independent.

Exit codes: 0 complete · 1 fatal · 2 usage/config error · 3 completed with coverage gaps ·
4 findings at or above ``--fail-on`` · 5 sign-in failed · 6 vault error · 130 interrupted.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from scanner import __version__
from scanner.cli import area_auth, area_catalog, area_reports, area_sandbox, area_scan, area_vault
from scanner.cli.common import STATE, console_err, error_line, terminal_lines
from scanner.errors import Interrupted, ScannerError
from scanner.logsafe import configure_logging, redact

if TYPE_CHECKING:
    from typer._click.core import Context as ClickContext  # typer vendors click


class _Group(TyperGroup):
    """Typer turns a ``KeyboardInterrupt`` inside a command into a silent exit 130 (and click's
    prompts turn it into "Aborted!", exit 1) before :func:`main` can see it. Re-raise it as
    :class:`Interrupted` so ``main`` prints one line and exits 130 either way."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted("interrupted") from None
        except typer.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):
                raise Interrupted("interrupted") from None
            raise


app = typer.Typer(
    name="m365inv",
    cls=_Group,
    help=(
        "Inventory the personal data that third-party apps can reach in a Microsoft 365 tenant, "
        "and compare it with what their vendors disclose."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
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
    STATE.debug = debug
    configure_logging(debug=debug)


for _area in (area_sandbox, area_auth, area_vault, area_scan, area_catalog, area_reports):
    _area.register(app)


def main() -> None:
    """Console-script entry point: run the app, turning our errors into one line + exit code.

    Click's standalone mode handles usage errors (exit 2); Ctrl-C arrives as
    :class:`Interrupted` (exit 130); everything else of ours as a :class:`ScannerError`. Anything
    else is a bug: one line. ``--debug`` adds the (redacted) traceback, never another exit code.
    """
    try:
        app()
    except Interrupted:
        console_err.print("interrupted")
        sys.exit(Interrupted.exit_code)
    except ScannerError as err:
        if STATE.debug:  # the traceback, but the same exit code as without --debug
            sys.stderr.write(terminal_lines(redact(traceback.format_exc())))
        error_line("error:", str(err))
        if err.tip:
            error_line("tip:", err.tip, style="dim")
        sys.exit(err.exit_code)
    except KeyboardInterrupt:  # outside a command (while parsing or loading)
        console_err.print("interrupted")
        sys.exit(Interrupted.exit_code)
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, exit 1
        if STATE.debug:
            sys.stderr.write(terminal_lines(redact(traceback.format_exc())))
        error_line("internal error:", f"{type(exc).__name__}: {exc}")
        if not STATE.debug:
            console_err.print("[dim]tip:[/] re-run with --debug for the traceback")
        sys.exit(1)
