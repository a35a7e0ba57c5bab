"""m365inv — inventory of personal-data flows from a Microsoft 365 tenant to SaaS vendors."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("m365-inventory")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
