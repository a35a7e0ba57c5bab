"""The one severity scale. Higher rank = more severe; every module (findings, gates, diff,
reports) imports it from here — issue 14 found two scales in opposite order."""

from __future__ import annotations

from m365inv.models import Severity

SEVERITY_RANK: dict[str, int] = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}
SEVERITIES: tuple[Severity, ...] = ("critical", "high", "medium", "low", "info")  # most first


def severity_at_least(severity: str, floor: str) -> bool:
    """True when ``severity`` is ``floor`` or more severe."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[floor]


def most_severe_first(severity: str) -> int:
    """Sort key: critical first, info last."""
    return -SEVERITY_RANK[severity]


__all__ = ["SEVERITIES", "SEVERITY_RANK", "most_severe_first", "severity_at_least"]
