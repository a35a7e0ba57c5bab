"""Geometry of the flow picture: tenant → data categories → vendors, as plain SVG shapes.

Computed in Python so the HTML stays script-free (the CSP forbids scripts) and the template only
places numbers and escaped labels. Band width is proportional to the number of flows; colour is
the worst disclosure status in the band (not disclosed > no disclosure on file > disclosed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import msgspec

from m365inv.models import Flow

COLOURS = {False: "#c62828", None: "#9e9e9e", True: "#2e7d32"}
_WORST = {False: 0, None: 1, True: 2}
WIDTH = 960
NODE_W = 12
GAP = 10
MAX_BAND = 600.0
LABEL_MAX = 42
MAX_VENDORS = 25
MAX_CATEGORIES = 12
MIN_NODE = 15.0  # px: a node is never thinner than its 12 px label, so labels never overlap
OTHER = "\uffff"  # sorts last; never a catalog id or app id


class Node(msgspec.Struct, frozen=True):
    x: float
    y: float
    h: float
    label: str
    count: int
    anchor: str  # SVG text-anchor of the label


class Band(msgspec.Struct, frozen=True):
    path: str
    colour: str
    title: str


class Picture(msgspec.Struct, frozen=True):
    width: int
    height: int
    nodes: tuple[Node, ...]
    bands: tuple[Band, ...]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_MAX else flat[: LABEL_MAX - 1] + "…"


def _worst(values: Sequence[bool | None]) -> bool | None:
    return min(values, key=lambda v: _WORST[v])


def _band(x1: float, y1: float, x2: float, y2: float, t: float) -> str:
    mx = (x1 + x2) / 2
    return (
        f"M{x1:.1f},{y1:.1f} C{mx:.1f},{y1:.1f} {mx:.1f},{y2:.1f} {x2:.1f},{y2:.1f} "
        f"L{x2:.1f},{y2 + t:.1f} C{mx:.1f},{y2 + t:.1f} {mx:.1f},{y1 + t:.1f} "
        f"{x1:.1f},{y1 + t:.1f} Z"
    )


def _column(
    keys: Sequence[str], sizes: dict[str, int], unit: float, top: float
) -> dict[str, float]:
    pos, y = {}, top
    for key in keys:
        pos[key] = y
        y += max(sizes[key] * unit, MIN_NODE) + GAP
    return pos


def category_group(key: str) -> str:
    """The coarser category a key rolls up to: its first two segments (``user.content``,
    ``user.contact``, ``user.behavior`` …), so forty categories become a handful."""
    return ".".join(key.removeprefix("ext:").split(".")[:2])


def _category_keys(flows: Sequence[Flow]) -> Callable[[Flow], str]:
    """How flows map to the middle column: categories as they are when few, else grouped, and
    beyond ``MAX_CATEGORIES`` groups the smallest merged into one."""
    distinct = {f.category for f in flows}
    if len(distinct) <= MAX_CATEGORIES:
        return lambda f: f.category
    sizes: dict[str, int] = defaultdict(int)
    for f in flows:
        sizes[category_group(f.category)] += 1
    ranked = sorted(sizes, key=lambda k: (-sizes[k], k))
    kept = set(ranked if len(ranked) <= MAX_CATEGORIES else ranked[: MAX_CATEGORIES - 1])
    return lambda f: g if (g := category_group(f.category)) in kept else OTHER


def _top_vendors(
    flows: Sequence[Flow], vendor_of: Callable[[Flow], tuple[str, str]]
) -> tuple[set[str], int]:
    """The recipients drawn individually (largest first), and how many there are in all."""
    sizes: dict[str, int] = defaultdict(int)
    for f in flows:
        sizes[vendor_of(f)[0]] += 1
    if len(sizes) <= MAX_VENDORS:
        return set(sizes), len(sizes)
    ranked = sorted(sizes, key=lambda k: (-sizes[k], k))
    return set(ranked[: MAX_VENDORS - 1]), len(sizes)


def build_picture(
    flows: Sequence[Flow],
    tenant_label: str,
    category_label: Callable[[str], str],
    vendor_of: Callable[[Flow], tuple[str, str]],
    other_label: str = "+{n}",
    other_categories: str = "…",
) -> Picture:
    """``vendor_of(flow)`` gives (sort key, label) of the recipient column. Beyond
    ``MAX_VENDORS`` recipients the smallest are merged into one ``other_label`` node, and beyond
    ``MAX_CATEGORIES`` categories they are grouped (then merged into ``other_categories``), so a
    tenant with 2,500 apps still gets a picture with about 40 readable labels."""
    cat_flows: dict[str, list[Flow]] = defaultdict(list)
    pair_flows: dict[tuple[str, str], list[Flow]] = defaultdict(list)
    vendor_labels: dict[str, str] = {}
    kept, distinct = _top_vendors(flows, vendor_of)
    merged = other_label.format(n=distinct - len(kept))
    cat_of = _category_keys(flows)

    def label_of(key: str) -> str:
        return other_categories if key == OTHER else category_label(key)

    for f in flows:
        vkey, vlabel = vendor_of(f)
        if vkey not in kept:
            vkey, vlabel = OTHER, merged
        vendor_labels[vkey] = vlabel
        ckey = cat_of(f)
        cat_flows[ckey].append(f)
        pair_flows[(ckey, vkey)].append(f)
    total = len(flows)
    if total == 0:
        return Picture(width=WIDTH, height=0, nodes=(), bands=())
    unit = min(14.0, MAX_BAND / total)
    cats = sorted(cat_flows, key=lambda c: (c == OTHER, label_of(c).casefold(), c))
    vendors = sorted(vendor_labels, key=lambda v: (v == OTHER, vendor_labels[v].casefold(), v))
    cat_size = {c: len(cat_flows[c]) for c in cats}
    ven_size = {v: sum(len(fs) for (_c, vk), fs in pair_flows.items() if vk == v) for v in vendors}
    top = 20.0
    cat_y = _column(cats, cat_size, unit, top)
    ven_y = _column(vendors, ven_size, unit, top)
    xs = (10.0, WIDTH / 2 - NODE_W / 2, WIDTH - 260.0)
    nodes = [Node(xs[0], top, total * unit, _short(tenant_label), total, "start")]
    nodes += [
        Node(xs[1], cat_y[c], max(cat_size[c] * unit, MIN_NODE), _short(label_of(c)),
             cat_size[c], "start")
        for c in cats
    ]  # fmt: skip
    nodes += [
        Node(xs[2], ven_y[v], max(ven_size[v] * unit, MIN_NODE), _short(vendor_labels[v]),
             ven_size[v], "start")
        for v in vendors
    ]  # fmt: skip
    bands = []
    t_off = top
    c_in = dict.fromkeys(cats, 0.0)
    c_out = dict.fromkeys(cats, 0.0)
    v_in = dict.fromkeys(vendors, 0.0)
    for c in cats:
        t = cat_size[c] * unit
        status = _worst([f.disclosed for f in cat_flows[c]])
        bands.append(
            Band(
                _band(xs[0] + NODE_W, t_off, xs[1], cat_y[c], t),
                COLOURS[status],
                f"{label_of(c)}: {cat_size[c]}",
            )
        )
        t_off += t
        c_in[c] += t
    cat_rank = {c: i for i, c in enumerate(cats)}
    ven_rank = {v: i for i, v in enumerate(vendors)}
    for (c, v), fs in sorted(
        pair_flows.items(), key=lambda kv: (cat_rank[kv[0][0]], ven_rank[kv[0][1]])
    ):
        t = len(fs) * unit
        y1 = cat_y[c] + c_out[c]
        y2 = ven_y[v] + v_in[v]
        status = _worst([f.disclosed for f in fs])
        bands.append(
            Band(
                _band(xs[1] + NODE_W, y1, xs[2], y2, t),
                COLOURS[status],
                f"{label_of(c)} → {vendor_labels[v]}: {len(fs)}",
            )
        )
        c_out[c] += t
        v_in[v] += t
    height = int(max(top + total * unit, *(n.y + n.h for n in nodes)) + 20)
    return Picture(width=WIDTH, height=height, nodes=tuple(nodes), bands=tuple(bands))


__all__ = [
    "COLOURS",
    "MAX_CATEGORIES",
    "Band",
    "Node",
    "Picture",
    "build_picture",
    "category_group",
]
