"""The executive summary's prioritised actions: which app, what risk, what to do.

Derived only from the scanner's findings (it decides severity); this module orders them the way
a DPO works through them — most severe first, then the ones that reach the most people — and
says each in the report's language.
"""

from __future__ import annotations

import msgspec

from m365inv.findings.severity import most_severe_first, severity_at_least
from m365inv.reports.i18n_findings import action, message, title
from m365inv.reports.summary import Summary


class Action(msgspec.Struct, frozen=True, kw_only=True):
    severity: str
    app: str
    vendor: str
    section: int  # 1-based index of the vendor section (the report links to it)
    risk: str  # the finding's title
    detail: str  # the finding as a sentence
    todo: str
    people: int | None


def prioritised(summary: Summary, lang: str, *, floor: str = "medium") -> list[Action]:
    """Every finding at or above ``floor`` that asks for an action, once per (app, code)."""
    out: list[Action] = []
    seen: set[tuple[str, str]] = set()
    for index, section in enumerate(summary.sections, start=1):
        for app in section.apps:
            flows = [f for f in section.flows if f.app_id == app.app_id]
            people = max((f.subjects.count or 0 for f in flows), default=0) or None
            for f in app.findings:
                todo = action(f.code, lang)
                if todo is None or not severity_at_least(f.severity, floor):
                    continue
                if (app.app_id, f.code) in seen:
                    continue
                seen.add((app.app_id, f.code))
                out.append(
                    Action(
                        severity=f.severity,
                        app=app.display_name or app.app_id,
                        vendor=section.name,
                        section=index,
                        risk=title(f.code, lang),
                        detail=message(f, app, flows, section.info, lang),
                        todo=todo,
                        people=people,
                    )
                )
    out.sort(key=lambda a: (most_severe_first(a.severity), -(a.people or 0), a.app.casefold()))
    return out


__all__ = ["Action", "prioritised"]
