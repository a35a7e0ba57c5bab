"""Graph timestamps → aware UTC datetimes, leniently: a malformed value is "unknown", not an
error (Microsoft's own docs examples carry offsets such as ``-8:00``, which are not RFC 3339)."""

from __future__ import annotations

import datetime as dt


def parse_time(raw: str | None) -> dt.datetime | None:
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    return value.astimezone(dt.UTC)


def format_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


__all__ = ["format_time", "parse_time"]
