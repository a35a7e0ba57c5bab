"""Records of the vendor disclosure catalog (one ``Vendor`` per ``config/vendors/*.yaml``).

The YAML keys are snake_case and documented in ``config/vendors/vendor.schema.json``; files are
validated against that schema first and then decoded into these frozen records.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

DisclosureScope = Literal["service", "account", "website"]
DisclosureReach = Literal["signed-in-user", "selected-users", "all-users"]
TransferMechanism = Literal["DPF", "SCC", "adequacy", "BCR", "consent", "none-stated"]
RetentionRuleKind = Literal["fixed", "statutory", "event", "not-stored"]
ClaimKind = Literal[
    "reversible-password-encryption", "encryption-at-rest", "transport-encryption", "other"
]

EU_EEA = frozenset(  # EU member states plus the EEA's Iceland, Liechtenstein, Norway
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
    " IS LI NO".split(),
)


class _Rec(msgspec.Struct, frozen=True, kw_only=True):
    pass


class Policy(_Rec, frozen=True, kw_only=True):
    language: str
    url: str | None = None
    version: str | None = None
    date: str | None = None  # "2020", "2020-08" or "2020-08-01"
    date_as_written: str | None = None
    reviewed: str | None = None

    def as_date(self) -> dt.date | None:
        """The policy date, rounded to the first day of the stated month/year."""
        if not self.date:
            return None
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


class Recognition(_Rec, frozen=True, kw_only=True):
    app_ids: tuple[str, ...] = ()
    verified_publisher_ids: tuple[str, ...] = ()
    publisher_names: tuple[str, ...] = ()
    display_names: tuple[str, ...] = ()
    display_name_patterns: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    observed_domains: tuple[str, ...] = ()


class DisclosureItem(_Rec, frozen=True, kw_only=True):
    item: str
    categories: tuple[str, ...]
    scope: DisclosureScope
    reach: DisclosureReach | None = None
    when: str | None = None
    purpose: str | None = None
    legal_basis: str | None = None
    retention: str | None = None
    retention_period: str | None = None  # ISO 8601 duration; "P0D" = not stored
    source: str | None = None
    confidence: float | None = None  # drafts only: how sure the drafting rules were


class LegalBasis(_Rec, frozen=True, kw_only=True):
    basis: str
    source: str | None = None
    confidence: float | None = None


class RetentionRule(_Rec, frozen=True, kw_only=True):
    """A retention statement of the policy; ``period`` is ISO 8601 (None: event-based only)."""

    rule: RetentionRuleKind
    period: str | None = None
    text: str | None = None
    source: str | None = None
    confidence: float | None = None


class Subprocessor(_Rec, frozen=True, kw_only=True):
    name: str
    country: str | None
    provider: str | None = None
    purpose: str | None = None
    source: str | None = None
    # Whose data the recipient gets (as for disclosures): service = the product's data from the
    # tenant; account = the customer's contract/account data; website = visitors of the vendor's
    # website (trackers, fonts) — never a recipient of tenant data. The default keeps the
    # meaning of files written before the field existed.
    scope: DisclosureScope = "service"
    confidence: float | None = None


class Transfer(_Rec, frozen=True, kw_only=True):
    # None: "if we transfer outside the EEA, we use SCC" — third countries the policy does not
    # name; the mechanism then covers every third-country recipient it names no other for
    country: str | None
    mechanism: TransferMechanism = "none-stated"
    recipients: tuple[str, ...] = ()
    source: str | None = None
    scope: DisclosureScope = "service"  # as Subprocessor.scope: a mechanism covers its scope only
    confidence: float | None = None


class SecurityClaim(_Rec, frozen=True, kw_only=True):
    claim: str
    kind: ClaimKind
    source: str | None = None
    confidence: float | None = None


class Vendor(_Rec, frozen=True, kw_only=True):
    id: str
    name: str
    legal_entity: str
    country: str | None  # None: a draft could not tell from the policy
    policy: Policy
    recognition: Recognition
    disclosures: tuple[DisclosureItem, ...]
    role: Literal["controller", "processor", "unspecified"] = "unspecified"
    draft: bool = False
    legal_bases: tuple[LegalBasis, ...] = ()
    subprocessors: tuple[Subprocessor, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    processing_locations: tuple[str, ...] = ()
    security_claims: tuple[SecurityClaim, ...] = ()
    retention_rules: tuple[RetentionRule, ...] = ()
    notes: str | None = None
    path: str | None = None  # where it was loaded from (not part of the file)

    def service_items(self) -> tuple[DisclosureItem, ...]:
        """Items about data the product processes from the tenant — the only ones that can
        disclose a tenant flow (website-visitor and customer-account items cannot)."""
        return tuple(d for d in self.disclosures if d.scope == "service")


class Catalog(_Rec, frozen=True, kw_only=True):
    vendors: tuple[Vendor, ...]  # sorted by id; later directories override earlier ones by id

    def get(self, vendor_id: str) -> Vendor | None:
        return next((v for v in self.vendors if v.id == vendor_id), None)
