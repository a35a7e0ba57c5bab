"""Flow picture geometry: proportional bands, bounded number of recipient nodes."""

from __future__ import annotations

import itertools

import pytest

from m365inv.models import Flow
from m365inv.reports.sankey import COLOURS, MAX_VENDORS, build_picture
from tests.reports.fixture_inventory import _flow


def _pic(flows: list[Flow]):  # type: ignore[no-untyped-def]
    return build_picture(flows, "Tenant", lambda c: c, lambda f: (f.app_id, f"V {f.app_id}"),
                         "+ {n} more")  # fmt: skip


def test_many_recipients_are_merged() -> None:
    flows = [_flow(f"app{i:02d}", None, "user.name", None) for i in range(40)]
    flows += [_flow("app00", None, "user.contact.email", False)]
    pic = _pic(flows)
    labels = [n.label for n in pic.nodes]
    assert len(pic.nodes) == 1 + 2 + MAX_VENDORS
    assert labels[-1] == f"+ {40 - (MAX_VENDORS - 1)} more"
    assert "V app00" in labels  # the biggest recipient is drawn on its own
    assert pic.nodes[0].count == 41 and pic.nodes[-1].count == 40 - (MAX_VENDORS - 1)


def test_worst_status_colours_the_band() -> None:
    flows = [
        _flow("a", None, "user.name", True),
        _flow("b", None, "user.name", False),
        _flow("c", None, "user.job_title", None),
    ]
    pic = _pic(flows)
    tenant_bands = {b.title.split(":")[0]: b.colour for b in pic.bands if "→" not in b.title}
    assert tenant_bands == {"user.name": COLOURS[False], "user.job_title": COLOURS[None]}


def test_no_flows_no_picture() -> None:
    assert _pic([]).nodes == ()


def _tenant_flows(apps: int) -> list[Flow]:
    """``apps`` apps over every category the report knows, vendors of very different size."""
    from m365inv.reports.i18n import _CATEGORIES

    keys = sorted(_CATEGORIES)
    flows = []
    for i in range(apps):
        vendor = f"vendor{i % max(1, apps // 3):04d}"
        for k in range(1 + i % 5):
            flows.append(
                _flow(vendor, None, keys[(i * 7 + k) % len(keys)], (None, True, False)[k % 3])
            )
    return flows


@pytest.mark.parametrize("apps", [25, 2500])
def test_readable_at_25_and_2500_apps(apps: int) -> None:
    from m365inv.reports.sankey import MAX_CATEGORIES

    pic = _pic(_tenant_flows(apps))
    middle = [n for n in pic.nodes if n.x == pic.nodes[1].x]
    right = [n for n in pic.nodes if n.x > middle[0].x]
    assert len(middle) <= MAX_CATEGORIES and len(right) <= MAX_VENDORS
    for column in (middle, right):
        tops = sorted(n.y for n in column)
        # 12 px labels centred on their node: consecutive nodes at least a label apart
        assert all(b - a >= 14 for a, b in itertools.pairwise(tops)), tops
        assert all(n.h >= 14 for n in column)
    from m365inv.reports.sankey import GAP, MAX_BAND, MIN_NODE

    # bounded whatever the tenant size: the bands plus one label-high node per recipient
    assert pic.height <= 20 + MAX_BAND + MAX_VENDORS * (MIN_NODE + GAP) + 20, pic.height


def test_categories_are_grouped_only_when_many() -> None:
    from m365inv.reports.sankey import category_group

    assert category_group("ext:user.content.private.email") == "user.content"
    few = _pic(_tenant_flows(2))
    assert len([n for n in few.nodes if n.x == few.nodes[1].x]) == 3  # as given when few
    assert not any(n.label == "user.content" for n in few.nodes)
    many = _pic(_tenant_flows(2500))
    labels = {n.label for n in many.nodes}
    assert "user.content" in labels and "ext:user.content.private.email" not in labels
