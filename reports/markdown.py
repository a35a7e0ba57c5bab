"""A short Markdown summary for tickets and chat (GitHub, GitLab, Jira, Teams, Mattermost).

Tenant strings are escaped for Markdown *and* for the HTML those renderers produce: a display
name like ``<img src=x>`` or ``[click](javascript:…)`` must arrive as text. Newlines, tabs and
CRs in names are flattened so a name cannot break out of its table cell.
"""

from __future__ import annotations

from reports.i18n import category_label, check_lang, labels
from reports.summary import SEVERITIES, summarise
from scanner.models import Inventory
from scanner.textsafe import for_markdown


def md_escape(text: str) -> str:
    """One line of inert Markdown: whitespace runs (newlines included) become one space, then
    :func:`scanner.textsafe.for_markdown` escapes syntax, controls and bidi overrides."""
    return for_markdown(" ".join(text.split()))


def render_markdown(inv: Inventory, lang: str = "en", *, top: int = 10) -> str:
    lang = check_lang(lang)
    L = labels(lang)
    s = summarise(inv)
    tenant = s.inventory.tenant
    out = [
        f"## {L['title']}",
        "",
        f"**{L['tenant']}:** {md_escape(tenant.display_name or tenant.id)} "
        f"(`{tenant.id}`) · **{L['scanned_at']}:** {tenant.scanned_at}",
        "",
        f"- {L['third_party_apps']}: **{len(s.third_party_apps)}** · {L['vendors']}: "
        f"**{s.vendor_count}** · {L['unmatched_apps']}: **{s.unmatched_count}**",
        f"- {L['flows']}: **{s.flow_count}** · {L['undisclosed_flows']}: "
        f"**{s.undisclosed_count}** · {L['unknown_flows']}: **{s.unknown_count}**",
        f"- {L['findings']}: "
        + " · ".join(f"{L['sev_' + sev]} **{s.findings_by_severity[sev]}**" for sev in SEVERITIES),
    ]
    if s.nothing_read:
        out += ["", f"> ⚠️ **{L['nothing_read']}**"]
    if s.gaps:
        out += ["", f"> ⚠️ **{L['coverage_gaps']}:**"]
        for g in s.gaps:
            fix = f" — {L['gap_fix']} `{g.required_permission}`" if g.required_permission else ""
            out.append(f"> - `{g.source}`: {md_escape(g.error or '?')}{fix}")
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
            people = sec.max_people if sec.max_people is not None else L["not_determinable"]
            out.append(
                f"| {md_escape(sec.name)} | {apps} | {cats} | {people} | {sec.undisclosed} |"
            )
        if len(s.sections) > top:
            out.append(f"| … +{len(s.sections) - top} | | | | |")
    serious = [
        (a, f) for a in s.third_party_apps for f in a.findings if f.severity in ("critical", "high")
    ]
    if serious:
        out += ["", f"**{L['findings']} ({L['sev_critical']} / {L['sev_high']}):**"]
        for app, f in sorted(
            serious, key=lambda af: (SEVERITIES.index(af[1].severity), af[1].code)
        ):
            out.append(
                f"- **{L['sev_' + f.severity]}** `{f.code}` — "
                f"{md_escape(app.display_name or app.app_id)}: {md_escape(f.message)}"
            )
    return "\n".join(out) + "\n"


__all__ = ["md_escape", "render_markdown"]
