"""Shared report work is done once per inventory object, and never reused for another."""

from __future__ import annotations

import msgspec

from m365inv.models import Inventory
from m365inv.reports.memo import last_result
from m365inv.reports.ropa_record import activities
from m365inv.reports.summary import summarise


def test_last_result_is_per_object_and_arguments() -> None:
    calls: list[tuple[object, str]] = []

    @last_result
    def f(obj: object, lang: str) -> tuple[int, str]:
        calls.append((obj, lang))
        return (len(calls), lang)

    a, b = object(), object()
    assert f(a, "en") == f(a, "en") == (1, "en")
    assert f(a, "de") == (2, "de")  # other arguments: computed again
    assert f(b, "de") == (3, "de")  # an equal-looking but other object: computed again
    assert len(calls) == 3


def test_summary_and_activities_follow_the_inventory(inventory: Inventory) -> None:
    assert summarise(inventory) is summarise(inventory)
    assert activities(inventory, "en") is activities(inventory, "en")
    other = msgspec.structs.replace(inventory, apps=inventory.apps[:1], flows=())
    assert summarise(other) is not summarise(inventory)
    assert len(summarise(other).inventory.apps) == 1
