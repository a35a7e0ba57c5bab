"""Every property the collectors decode is one they ``$select`` (issue 14 item 4).

A decoded field Graph is never asked for is always ``None``: dead weight at best, and at worst a
rule that reads it decides on "not returned" (``publisherName`` was beta-only and never selected,
yet matching read it). The wire structs and the records decoded straight from Graph must ask for
exactly what they hold; nested objects (``verifiedPublisher``, ``info``) are one selected
property each.
"""

from __future__ import annotations

import msgspec

from m365inv.collect.delta import KINDS
from m365inv.collect.directory import APP_SELECT
from m365inv.models import Application


def _wire_names(struct: type[msgspec.Struct]) -> set[str]:
    return {f.encode_name for f in msgspec.structs.fields(struct)}


# Record fields another read fills, never the listing: groups decode straight into ``Group``,
# whose members come from ``/groups/{id}/members`` (collect/relations.py) — None until then.
FILLED_ELSEWHERE = {"groups": {"memberIds"}}


def test_every_decoded_field_is_selected() -> None:
    for name, kind in KINDS.items():
        extra = _wire_names(kind.wire) - set(kind.select) - FILLED_ELSEWHERE.get(name, set())
        assert not extra, f"{name}: decoded but never $selected: {sorted(extra)}"
    assert not _wire_names(Application) - set(APP_SELECT)


def test_the_check_would_see_an_unselected_field() -> None:
    class Probe(msgspec.Struct, rename="camel"):
        id: str
        publisher_name: str | None = None

    assert _wire_names(Probe) - {"id"} == {"publisherName"}
