"""The vendor disclosure catalog: what each vendor's privacy policy says it processes."""

from m365inv.catalog.load import (
    load_catalog,
    load_vendor_file,
    read_vendor_yaml,
    validate_data,
    validation_errors,
    vendor_schema,
)
from m365inv.catalog.model import (
    Catalog,
    DisclosureItem,
    Policy,
    Recognition,
    SecurityClaim,
    Subprocessor,
    Transfer,
    Vendor,
)

__all__ = [
    "Catalog",
    "DisclosureItem",
    "Policy",
    "Recognition",
    "SecurityClaim",
    "Subprocessor",
    "Transfer",
    "Vendor",
    "load_catalog",
    "load_vendor_file",
    "read_vendor_yaml",
    "validate_data",
    "validation_errors",
    "vendor_schema",
]
