"""The ``m365inv`` command line: parse, wire, run once, map errors to exit codes.

Only this package catches :class:`~m365inv.errors.ScannerError` and turns it into one stderr
line (plus a tip) and an exit code; stages below never print or exit. Each command area lives in
its own module with a ``register(app)`` function so areas stay small and independent; the app
itself is built in :mod:`m365inv.cli.root`.

This module imports nothing at the top: :func:`main` is the console script, and a Ctrl-C while
Python is still loading the app must already end as "interrupted", exit 130 (issue 14, item 12).

Exit codes (:class:`m365inv.errors.ExitCode`): 0 complete · 1 fatal · 2 usage/config error ·
3 completed with coverage gaps · 4 findings at or above ``--fail-on`` · 5 sign-in failed ·
6 vault error · 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import warnings  # (loaded by Python itself at start-up: no cost)
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer


def main() -> None:
    """Run the CLI on ``sys.argv`` and raise ``SystemExit`` with its exit code (in-process use).

    Usage errors (a bad option or value) are one line + a tip, exit 2; Ctrl-C — at any moment,
    loading included — is "interrupted", exit 130; everything else of ours a
    :class:`ScannerError` with its own code. Anything else is a bug: one line, exit 1.
    ``--debug`` adds the (redacted) traceback, never another exit code.
    """
    sys.exit(_exit_code())


def run() -> None:
    """The console script (and ``python -m m365inv``): :func:`main` as a process.

    After a Ctrl-C that CPython 3.11 saw pass through certain frames, the interpreter ends the
    process with SIGINT on its way out although we caught it (returncode -2, not 130: one run
    in ~15 in ``tests/scanner/cli/test_interrupt.py``). Everything is unwound by then, so the
    process flushes and leaves with the documented 130 itself.
    """
    code = _exit_code()
    if code == 130:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(code)


_interrupted = False


def _on_sigint(signum: int, frame: Any) -> None:
    """Python's own Ctrl-C handler, remembering that it ran: a library's bare ``except:``
    around an optional import (a dependency probing for PIL, say) swallows the
    ``KeyboardInterrupt`` and the run goes on, so without the flag a Ctrl-C while loading
    could end as a normal exit 0. It also quiets the warnings the unwinding raises (below)."""
    global _interrupted
    _interrupted = True
    # Unwinding half-done asynchronous I/O drops coroutines a library had started (httpcore's
    # "coroutine 'AsyncLock.__aexit__' was never awaited"): after the user asked to stop, that
    # RuntimeWarning is noise on the terminal before "interrupted", not a fault to report.
    warnings.filterwarnings("ignore", r"coroutine .* was never awaited", RuntimeWarning)
    raise KeyboardInterrupt


def stop_if_interrupted() -> None:
    """Raise :class:`~m365inv.errors.Interrupted` when this run has seen a Ctrl-C that a library
    swallowed (its ``KeyboardInterrupt`` caught deep in an I/O stack) so that the work went on:
    a scan that finished after the user asked to stop is neither saved nor reported — the run
    ends "interrupted", exit 130, as it says, with nothing written."""
    if _interrupted:
        from m365inv.errors import Interrupted

        raise Interrupted("interrupted")


def _exit_code() -> int:
    import signal
    import threading

    global _interrupted
    _interrupted = False
    python_handler = signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _on_sigint)
    if python_handler and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)  # (not when Ctrl-C is ignored, nor from a
        # thread, where no handler can be set)
    try:
        from m365inv.cli.root import app

        code = _run(app, sys.argv[1:])
    except KeyboardInterrupt:  # while loading (or anywhere _run does not catch it itself)
        sys.stderr.write("interrupted\n")
        return 130
    if _interrupted and code != 130:  # swallowed below us: the user still asked to stop
        sys.stderr.write("interrupted\n")
        return 130
    return code


def _run(app: typer.Typer, argv: list[str]) -> int:
    from typer import Abort
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from m365inv.cli.common import STATE, console_err, error_line, terminal_lines
    from m365inv.cli.options import OPTION_ALIASES
    from m365inv.errors import ExitCode, Interrupted, ScannerError
    from m365inv.logsafe import redact

    args = [_alias(arg, OPTION_ALIASES) for arg in argv]
    try:
        result = app(args=args, prog_name="m365inv", standalone_mode=False)
    except (Interrupted, KeyboardInterrupt):
        console_err.print("interrupted")
        return ExitCode.INTERRUPTED
    except ScannerError as err:
        if STATE.debug:  # the traceback, but the same exit code as without --debug
            import traceback

            sys.stderr.write(terminal_lines(redact(traceback.format_exc())))
        error_line("error:", str(err))
        if err.tip:
            error_line("tip:", err.tip, style="dim")
        return err.exit_code
    except NoArgsIsHelpError as exc:  # a bare group: its help, as click would
        exc.show()
        return ExitCode.USAGE
    except UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "m365inv"
        _one_line(f"error: {exc.format_message()}", f"tip: {command} --help")
        return ExitCode.USAGE
    except ClickException as exc:
        _one_line(f"error: {exc.format_message()}")
        return exc.exit_code
    except Abort:  # EOF at a prompt (Ctrl-C at a prompt is Interrupted)
        _one_line("aborted")
        return ExitCode.FATAL
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, exit 1
        if STATE.debug:
            import traceback

            sys.stderr.write(terminal_lines(redact(traceback.format_exc())))
        error_line("internal error:", f"{type(exc).__name__}: {exc}")
        if not STATE.debug:
            error_line("tip:", "re-run with --debug for the traceback", style="dim")
        return ExitCode.FATAL
    if result == ExitCode.INTERRUPTED:  # typer maps a Ctrl-C while parsing to a silent 130
        console_err.print("interrupted")
    return result if isinstance(result, int) else ExitCode.OK


def _alias(arg: str, aliases: dict[str, str]) -> str:
    name, eq, value = arg.partition("=")
    return aliases[name] + eq + value if name in aliases else arg


def _one_line(*lines: str) -> None:
    """Each line on one line, control characters from argv made visible."""
    from m365inv.textsafe import for_terminal

    for line in lines:
        sys.stderr.write(for_terminal(" ".join(line.split())) + "\n")


def __getattr__(name: str) -> Any:
    """``from scanner.cli import app`` (the tests, CliRunner) without loading it here."""
    if name == "app":
        from m365inv.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
