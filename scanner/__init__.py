"""m365inv — inventory of personal-data flows from a Microsoft 365 tenant to SaaS vendors.

``__version__`` is looked up on first use: importing ``importlib.metadata`` and reading the
distribution's metadata costs start-up time that only ``--version`` and the reports need.
"""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("m365-inventory")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__"]
