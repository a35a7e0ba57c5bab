"""Flow category → the vendor's disclosure item that covers it (hierarchy and subject aware).

Only ``scope: service`` items can disclose a tenant flow: what a vendor says about its website
visitors or its customers' billing contacts says nothing about the mailboxes its app reads.
Whose data an item is about matters too (issue 12 item 5): an item about named accounts or
selected mailboxes (``reach: selected-users`` — "Benutzername des Service Accounts") does not
disclose the same category for everyone in the tenant. An item about the signed-in user still
discloses the category (the vendor names it) and the wider reach is its own finding
(REACH_WIDER_THAN_DISCLOSED). The most specific covering item wins (``user.contact.email``
before ``user.contact``); between equally specific ones, the one whose reach fits the flow.
"""

from __future__ import annotations

from m365inv.catalog.model import DisclosureItem, Vendor
from m365inv.classify.taxonomy import covers
from m365inv.models import SubjectScope


def _fits(item: DisclosureItem, scope: SubjectScope | None) -> bool:
    return not (scope == "tenant" and item.reach == "selected-users")


def match_disclosure(
    category: str, vendor: Vendor, scope: SubjectScope | None = None
) -> DisclosureItem | None:
    """The service item disclosing ``category`` for a flow of ``scope`` (None: any scope)."""
    best: tuple[int, int, int, DisclosureItem] | None = None
    for n, item in enumerate(vendor.service_items()):
        if not _fits(item, scope):
            continue
        for disclosed in item.categories:
            if covers(disclosed, category):
                key = (disclosed.count("."), int(item.reach == "all-users"), -n)
                if best is None or key > best[:3]:
                    best = (key[0], key[1], key[2], item)
    return best[3] if best else None
