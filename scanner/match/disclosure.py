"""Flow category → the vendor's disclosure item that covers it (hierarchy aware).

Only ``scope: service`` items can disclose a tenant flow: what a vendor says about its website
visitors or its customers' billing contacts says nothing about the mailboxes its app reads.
The most specific covering item wins (``user.contact.email`` before ``user.contact``).
"""

from __future__ import annotations

from scanner.catalog.model import DisclosureItem, Vendor
from scanner.classify.taxonomy import covers


def match_disclosure(category: str, vendor: Vendor) -> DisclosureItem | None:
    best: tuple[int, int, DisclosureItem] | None = None
    for n, item in enumerate(vendor.service_items()):
        for disclosed in item.categories:
            if covers(disclosed, category):
                key = (disclosed.count("."), -n)
                if best is None or key > best[:2]:
                    best = (key[0], key[1], item)
    return best[2] if best else None
