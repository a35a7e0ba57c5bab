"""Flow picture geometry: proportional bands, bounded number of recipient nodes."""

from __future__ import annotations

from reports.sankey import COLOURS, MAX_VENDORS, build_picture
from scanner.models import Flow
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
