"""The one error tree of m365inv.

Every stage raises a subclass of :class:`ScannerError`; only ``scanner.cli`` turns them into a
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
    ├── CatalogError             invalid vendor catalog file
    ├── RenderError              a report could not be produced
    ├── SandboxError             the built-in sandbox tenant could not start
    └── Interrupted              Ctrl-C / SIGINT: nothing half-written is kept  (exit 130)
"""

from __future__ import annotations


class ScannerError(Exception):
    """Base class: ``str(err)`` is the one-line message, ``tip`` an optional next step."""

    exit_code: int = 1

    def __init__(self, message: str, *, tip: str | None = None) -> None:
        super().__init__(message)
        self.tip = tip


class ConfigError(ScannerError):
    exit_code = 2


class AuthError(ScannerError):
    """Sign-in failed; ``code`` is the AADSTS code when Entra gave one."""

    exit_code = 5

    def __init__(self, message: str, *, code: str | None = None, tip: str | None = None) -> None:
        super().__init__(message, tip=tip)
        self.code = code


class VaultError(ScannerError):
    exit_code = 6


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


class CatalogError(ScannerError):
    exit_code = 2


class RenderError(ScannerError):
    pass


class SandboxError(ScannerError):
    pass


class Interrupted(ScannerError):
    """The user pressed Ctrl-C (SIGINT); raised by the CLI in place of ``KeyboardInterrupt``
    once the stages' context managers have rolled back, so it prints as one line."""

    exit_code = 130


__all__ = [
    "AuthError",
    "CatalogError",
    "ConfigError",
    "ConnectionLost",
    "GraphError",
    "Interrupted",
    "LinkRefused",
    "PermissionDenied",
    "RenderError",
    "SandboxError",
    "ScannerError",
    "StoreError",
    "Throttled",
    "VaultError",
]
