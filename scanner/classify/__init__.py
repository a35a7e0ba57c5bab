"""Classification: which personal data a permission opens, how far, about whom."""

from m365inv.classify.rules import (
    REACH_ORDER,
    PermissionClass,
    PermissionMap,
    Reach,
    classify_permission,
    load_permission_map,
)
from m365inv.classify.taxonomy import Taxonomy, covers, label, load_taxonomy

__all__ = [
    "REACH_ORDER",
    "PermissionClass",
    "PermissionMap",
    "Reach",
    "Taxonomy",
    "classify_permission",
    "covers",
    "label",
    "load_permission_map",
    "load_taxonomy",
]
