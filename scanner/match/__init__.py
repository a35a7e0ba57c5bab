"""Matching: apps to catalog vendors, flows to disclosure items."""

from m365inv.match.disclosure import match_disclosure
from m365inv.match.vendor import DISPLAY_NAME_THRESHOLD, match_vendor

__all__ = ["DISPLAY_NAME_THRESHOLD", "match_disclosure", "match_vendor"]
