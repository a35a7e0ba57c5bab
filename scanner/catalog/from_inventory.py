"""Which apps of a scanned tenant have no disclosure on file, grouped by vendor, with what the
tenant tells us to recognise them by (appIds, verified publisher id, domains) and where their
privacy statement is (``info.privacyStatementUrl``)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import msgspec

from m365inv.errors import CatalogError
from m365inv.models import Inventory


class VendorCandidate(msgspec.Struct, frozen=True):
    """One vendor to draft: the apps it publishes in this tenant and its policy URL."""

    name: str
    app_ids: tuple[str, ...]
    display_names: tuple[str, ...]
    verified_publisher_ids: tuple[str, ...]
    domains: tuple[str, ...]
    policy_url: str | None


def load_inventory(path: Path) -> Inventory:
    try:
        return msgspec.json.decode(path.read_bytes(), type=Inventory)
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read: {exc.strerror}") from None
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise CatalogError(f"{path}: not an m365inv inventory: {exc}".splitlines()[0]) from None


def _is_domain(host: str) -> bool:
    """A name that can recognise a vendor: not an IP literal, not ``localhost`` (a policy served
    from a test or internal server says nothing about who publishes the app)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host.casefold() != "localhost" and "." in host
    return False


def unmatched_vendors(inventory: Inventory) -> list[VendorCandidate]:
    """Third-party apps with no catalog vendor, one candidate per publisher."""
    groups: dict[str, list[int]] = {}
    apps = inventory.apps
    for n, app in enumerate(apps):
        if app.first_party or app.scanner or app.vendor is not None:
            continue  # the scanner's own app is no vendor's
        pub = app.publisher
        key = pub.verified_publisher_id or (pub.name or app.display_name or app.app_id).casefold()
        groups.setdefault(key, []).append(n)
    out: list[VendorCandidate] = []
    for members in groups.values():
        group = [apps[n] for n in members]
        first = group[0]
        urls = sorted({a.privacy_statement_url for a in group if a.privacy_statement_url})
        domains = {a.publisher.domain for a in group if a.publisher.domain}
        domains |= {h for u in urls if (h := urlsplit(u).hostname) and _is_domain(h)}
        out.append(
            VendorCandidate(
                name=first.publisher.name or first.display_name or first.app_id,
                app_ids=tuple(sorted({a.app_id for a in group})),
                display_names=tuple(sorted({a.display_name for a in group if a.display_name})),
                verified_publisher_ids=tuple(
                    sorted(
                        {
                            a.publisher.verified_publisher_id
                            for a in group
                            if a.publisher.verified_publisher_id
                        }
                    )
                ),
                domains=tuple(sorted(d.lower() for d in domains)),
                policy_url=urls[0] if urls else None,
            )
        )
    return sorted(out, key=lambda c: c.name.casefold())


def recognition_of(c: VendorCandidate) -> dict[str, list[str]]:
    """Recognition keys pre-filled from the tenant (merged into the draft's own)."""
    return {
        "app_ids": list(c.app_ids),
        "verified_publisher_ids": list(c.verified_publisher_ids),
        "publisher_names": [c.name],
        "display_names": list(c.display_names),
        "observed_domains": list(c.domains),
    }
