"""A short Markdown summary for tickets and chat (GitHub, GitLab, Jira, Teams, Mattermost).

Tenant strings are escaped for Markdown *and* for the HTML those renderers produce: a display
name like ``<img src=x>`` or ``[click](javascript:…)`` must arrive as text. Newlines, tabs and
CRs in names are flattened so a name cannot break out of its table cell.
"""

from __future__ import annotations

from m365inv.models import Inventory
from m365inv.reports.i18n import category_label, check_lang, labels, number, when
from m365inv.reports.i18n_findings import reason, source_name
from m365inv.reports.priorities import prioritised
from m365inv.reports.summary import SEVERITIES, summarise
from m365inv.textsafe import for_markdown


def md_escape(text: str) -> str:
    """One line of inert Markdown: whitespace runs (newlines included) become one space, then
    :func:`m365inv.textsafe.for_markdown` escapes syntax, controls and bidi overrides."""
    return for_markdown(" ".join(text.split()))


def render_markdown(inv: Inventory, lang: str = "en", *, top: int = 10) -> str:
    lang = check_lang(lang)
    L = labels(lang)
    s = summarise(inv)

    def n(value: int) -> str:
        return number(value, lang)

    tenant = s.inventory.tenant
    out = [
        f"## {L['title']}",
        "",
        f"**{L['tenant']}:** {md_escape(tenant.display_name or tenant.id)} "
        f"(`{tenant.id}`) · **{L['scanned_at']}:** {when(tenant.scanned_at, lang, time=True)}",
        "",
        f"- {L['third_party_apps']}: **{n(len(s.third_party_apps))}** · {L['vendors']}: "
        f"**{n(s.vendor_count)}** · {L['unmatched_apps']}: **{n(s.unmatched_count)}**",
        f"- {L['flows']}: **{n(s.flow_count)}** · {L['undisclosed_flows']}: "
        f"**{n(s.undisclosed_count)}** · {L['unknown_flows']}: **{n(s.unknown_count)}**",
        f"- {L['findings']}: "
        + " · ".join(
            f"{L['sev_' + sev]} **{n(s.findings_by_severity[sev])}**" for sev in SEVERITIES
        ),
    ]
    if s.nothing_read:
        out += ["", f"> ⚠️ **{L['nothing_read']}**"]
    if s.gaps:
        out += ["", f"> ⚠️ **{L['coverage_gaps']}:**"]
        for g in s.gaps:
            fix = f" — {L['gap_fix']} `{g.required_permission}`" if g.required_permission else ""
            name = md_escape(source_name(g.source, lang))
            out.append(f"> - {name} (`{g.source}`): {reason(g, lang)}{fix}")
    elif s.flow_count == 0:
        out += ["", L["no_flows_seen"]]
    if s.sections:
        out += [
            "",
            f"| {L['vendor']} | {L['apps']} | {L['category']} | {L['people']} | "
            f"{L['undisclosed_flows']} |",
            "|---|---|---|---|---|",
        ]
        for sec in s.sections[:top]:
            cats = ", ".join(md_escape(category_label(c, lang)) for c in sec.categories)
            apps = ", ".join(md_escape(a.display_name or a.app_id) for a in sec.apps)
            people = n(sec.max_people) if sec.max_people is not None else L["not_determinable"]
            out.append(
                f"| {md_escape(sec.name)} | {apps} | {cats} | {people} | {n(sec.undisclosed)} |"
            )
        if len(s.sections) > top:
            out.append(f"| … +{len(s.sections) - top} | | | | |")
    serious = prioritised(s, lang, floor="high")
    if serious:
        out += ["", f"**{L['actions']} ({L['sev_critical']} / {L['sev_high']}):**"]
        for a in serious:
            out.append(
                f"- **{L['sev_' + a.severity]}** {md_escape(a.app)} — {md_escape(a.risk)}: "
                f"{md_escape(a.detail)} → {md_escape(a.todo)}"
            )
    return "\n".join(out) + "\n"


__all__ = ["md_escape", "render_markdown"]
