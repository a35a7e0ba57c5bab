"""The one error tree of m365inv.

Every stage raises a subclass of :class:`ScannerError`; only ``m365inv.cli`` turns them into a
one-line message, an optional tip and an exit code. Nothing below the CLI prints or exits.

::

    ScannerError                 exit 1 unless noted
    ├── ConfigError              bad profile / config file / CLI input        (exit 2)
    ├── AuthError                MSAL / token endpoint refused us             (exit 5)
    ├── VaultError               wrong passphrase, tampered or unknown vault  (exit 6)
    ├── GraphError               Graph answered with an error we cannot absorb
    │   ├── PermissionDenied     403 — carries the permission that would fix it
    │   ├── Throttled            429/503 budget exhausted after retries
    │   └── LinkRefused          a nextLink/deltaLink points away from the configured endpoint
    ├── ConnectionLost           the endpoint stayed unreachable after retries
    ├── StoreError               snapshot store problems
    │   └── SnapshotNotFound     no snapshot with the id the user gave          (exit 2)
    ├── CatalogError             invalid vendor catalog file
    ├── RenderError              a report could not be produced
    ├── SandboxError             the built-in sandbox tenant could not start
    └── Interrupted              Ctrl-C / SIGINT: nothing half-written is kept  (exit 130)
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every code ``m365inv`` exits with — the README's "Exit codes" table, row for row (a test
    keeps the two equal). The CLI is the only place that exits."""

    OK = 0
    FATAL = 1
    USAGE = 2  # bad option, argument, profile, config or catalog file
    INCOMPLETE = 3  # completed with coverage gaps / ``check``: permissions missing
    GATE = 4  # ``--fail-on`` tripped
    SIGN_IN = 5
    VAULT = 6
    INTERRUPTED = 130


class ScannerError(Exception):
    """Base class: ``str(err)`` is the one-line message, ``tip`` an optional next step."""

    exit_code: int = ExitCode.FATAL

    def __init__(self, message: str, *, tip: str | None = None) -> None:
        super().__init__(message)
        self.tip = tip


class ConfigError(ScannerError):
    exit_code = ExitCode.USAGE


class AuthError(ScannerError):
    """Sign-in failed; ``code`` is the AADSTS code when Entra gave one."""

    exit_code = ExitCode.SIGN_IN

    def __init__(self, message: str, *, code: str | None = None, tip: str | None = None) -> None:
        super().__init__(message, tip=tip)
        self.code = code


class VaultError(ScannerError):
    exit_code = ExitCode.VAULT


class GraphError(ScannerError):
    """Graph returned an error body; ``status`` and Graph's ``code`` are kept for coverage."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        tip: str | None = None,
    ) -> None:
        super().__init__(message, tip=tip)
        self.status = status
        self.code = code
        self.request_id = request_id


class PermissionDenied(GraphError):
    """403 from Graph; ``permission`` names what the app would need (None if unknown)."""

    def __init__(self, message: str, *, permission: str | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.permission = permission


class Throttled(GraphError):
    pass


class LinkRefused(GraphError):
    """A link Graph (or Exchange, or the snapshot store) gave us points at another scheme, host
    or port than the configured endpoint: it is not followed, so the token never goes there."""


class ConnectionLost(ScannerError):
    """The endpoint stayed unreachable (connection refused, reset or timed out) after every
    retry. Fatal for the run: a scan that lost its connection is not a partial inventory."""


class StoreError(ScannerError):
    pass


class SnapshotNotFound(StoreError):
    """The user named a snapshot id the store does not hold: their typo, a usage error."""

    exit_code = ExitCode.USAGE


class CatalogError(ScannerError):
    exit_code = ExitCode.USAGE


class RenderError(ScannerError):
    pass


class SandboxError(ScannerError):
    pass


class Interrupted(ScannerError):
    """The user pressed Ctrl-C (SIGINT); raised by the CLI in place of ``KeyboardInterrupt``
    once the stages' context managers have rolled back, so it prints as one line."""

    exit_code = ExitCode.INTERRUPTED


__all__ = [
    "AuthError",
    "CatalogError",
    "ConfigError",
    "ConnectionLost",
    "ExitCode",
    "GraphError",
    "Interrupted",
    "LinkRefused",
    "PermissionDenied",
    "RenderError",
    "SandboxError",
    "ScannerError",
    "SnapshotNotFound",
    "StoreError",
    "Throttled",
    "VaultError",
]
