"""Write draft vendor files: one policy fetched and drafted, or every unmatched vendor of an
inventory.

One place for the draft workflow's decisions, so that ``catalog fetch``, ``catalog draft
--from-inventory`` and ``m365inv demo`` (which drafts its sandbox tenant's unmatched vendors
while the sandbox still serves their policies) write the same files and skip for the same
reasons. The CLI only prints the :class:`DraftOutcome` records.

A draft is two files: ``<id>.policy.txt`` (the text it was drafted from, for review) and
``<id>.yaml`` (``draft: true``), written atomically and in that order, so a draft file never
exists without its policy text. An existing vendor file is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import yaml

from m365inv.atomic import write_text_atomic
from m365inv.catalog.draft import draft_vendor
from m365inv.catalog.fetch import FetchedPolicy, fetch_policy
from m365inv.catalog.from_inventory import VendorCandidate, recognition_of, unmatched_vendors
from m365inv.errors import CatalogError
from m365inv.models import Inventory
from m365inv.textsafe import for_terminal

HEADER = (
    "# DRAFT by m365inv from {url} — every item carries its source sentence and a confidence.\n"
    "# Review: m365inv catalog review {file}   Accept: m365inv catalog accept {file}\n"
)


class FetchOptions(msgspec.Struct, frozen=True):
    """How policies are fetched (see :func:`m365inv.catalog.fetch.fetch_policy`)."""

    ca_bundle: Path | None = None
    cache_dir: Path | None = None
    allow_private: bool = False


class WrittenDraft(msgspec.Struct, frozen=True):
    """A draft on disk and what it holds (for the one-line report)."""

    path: Path
    vendor_id: str
    items: int
    subprocessors: int
    transfers: int
    country: str | None


class DraftOutcome(msgspec.Struct, frozen=True):
    """What happened to one vendor: ``drafted``, ``skipped`` (no policy URL) or ``failed``."""

    vendor: str
    status: str
    reason: str | None = None
    fetched: FetchedPolicy | None = None
    draft: WrittenDraft | None = None


def write_draft(
    out_dir: Path,
    fetched: FetchedPolicy,
    vendor: str,
    recognition: dict[str, list[str]] | None,
    *,
    replace: bool = False,
) -> WrittenDraft:
    """Draft ``fetched`` and write ``<id>.policy.txt`` then ``<id>.yaml`` into ``out_dir``.

    ``replace`` lets a re-run overwrite its own earlier draft (the demo's output directory);
    otherwise an existing vendor file — perhaps already reviewed — is never overwritten.
    """
    data: dict[str, Any] = draft_vendor(
        fetched.text, vendor, url=fetched.final_url, recognition=recognition
    )
    target = out_dir / f"{data['id']}.yaml"
    if target.exists() and not replace:
        raise CatalogError(f"{target} exists; refusing to overwrite a vendor file")
    try:  # owner-only, like the reports: recognition holds the tenant's appIds and domains
        out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise CatalogError(f"{out_dir}: cannot create: {exc.strerror}") from None
    body = HEADER.format(url=for_terminal(fetched.final_url), file=target.name)
    body += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    text_path = out_dir / f"{data['id']}.policy.txt"
    try:
        write_text_atomic(text_path, fetched.text + "\n")
        write_text_atomic(target, body)  # last: a draft file exists only with its policy text
    except OSError as exc:
        text_path.unlink(missing_ok=True)
        raise CatalogError(f"{target}: cannot write: {exc.strerror}") from None
    return WrittenDraft(
        path=target,
        vendor_id=str(data["id"]),
        items=len(data["disclosures"]),
        subprocessors=len(data["subprocessors"]),
        transfers=len(data["transfers"]),
        country=data.get("country"),
    )


def fetch_and_draft(url: str, vendor: str, out_dir: Path, options: FetchOptions) -> DraftOutcome:
    """Fetch one policy and write its draft; a refusal or failure raises :class:`CatalogError`."""
    fetched = _fetch(url, options)
    written = write_draft(out_dir, fetched, vendor, None)
    return DraftOutcome(vendor=vendor, status="drafted", fetched=fetched, draft=written)


def _fetch(url: str, options: FetchOptions) -> FetchedPolicy:
    return fetch_policy(
        url,
        ca_bundle=options.ca_bundle,
        cache_dir=options.cache_dir,
        allow_private=options.allow_private,
    )


def _one(
    candidate: VendorCandidate, out_dir: Path, options: FetchOptions, *, replace: bool
) -> DraftOutcome:
    if not candidate.policy_url:
        return DraftOutcome(
            vendor=candidate.name, status="skipped", reason="no privacy statement URL on its apps"
        )
    try:
        fetched = _fetch(candidate.policy_url, options)
        written = write_draft(
            out_dir, fetched, candidate.name, recognition_of(candidate), replace=replace
        )
    except CatalogError as exc:
        return DraftOutcome(vendor=candidate.name, status="failed", reason=str(exc))
    return DraftOutcome(vendor=candidate.name, status="drafted", fetched=fetched, draft=written)


def draft_from_inventory(
    inventory: Inventory,
    out_dir: Path,
    options: FetchOptions,
    *,
    on_outcome: Callable[[DraftOutcome], None] | None = None,
    replace: bool = False,
) -> list[DraftOutcome]:
    """Draft every third-party vendor of ``inventory`` that has no disclosure on file.

    One vendor's failure (a refused redirect, a page that is no policy) is recorded as its
    outcome and the others go on; ``on_outcome`` sees each as it happens (progress).
    """
    outcomes: list[DraftOutcome] = []
    for candidate in unmatched_vendors(inventory):
        outcome = _one(candidate, out_dir, options, replace=replace)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return outcomes


__all__ = [
    "HEADER",
    "DraftOutcome",
    "FetchOptions",
    "WrittenDraft",
    "draft_from_inventory",
    "fetch_and_draft",
    "write_draft",
]
