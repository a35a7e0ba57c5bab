"""The self-contained HTML report for a DPO: one file, no scripts, no network fetches.

Everything lives inline (CSS in a ``<style>`` pinned by its hash in the CSP, the flow picture as
inline SVG), so the file can be mailed, archived and opened offline. The CSP forbids scripts,
remote fonts, images and frames outright, so even a templating mistake cannot turn a hostile
display name into running code; Jinja's autoescape is the first line of defence.
"""

from __future__ import annotations

import base64
import hashlib
from importlib import resources

import jinja2
import markupsafe
import msgspec

from m365inv.errors import RenderError
from m365inv.findings.severity import most_severe_first
from m365inv.models import App, Finding, Flow, Inventory
from m365inv.reports.i18n import category_label, check_lang, labels, number, when
from m365inv.reports.i18n_findings import (
    evidence_label,
    message,
    note_label,
    reason,
    source_name,
    title,
)
from m365inv.reports.priorities import prioritised
from m365inv.reports.sankey import Picture, build_picture
from m365inv.reports.summary import SEVERITIES, Summary, VendorSection, summarise
from m365inv.textsafe import for_xml


def _template_text(name: str) -> str:
    return (resources.files("m365inv.reports") / "templates" / name).read_text("utf-8")


def _finalize(value: object) -> object:
    """Every printed value without the code points HTML cannot carry (NUL, most C0 controls,
    unpaired surrogates would make the UTF-8 encoding fail) — autoescape runs after this."""
    if isinstance(value, markupsafe.Markup):  # our own CSS, marked safe in the template
        return value
    return for_xml(value) if isinstance(value, str) else value


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        finalize=_finalize,
        loader=jinja2.FunctionLoader(_template_text),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def content_security_policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src 'none'; font-src 'none'; script-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


class VendorRow(msgspec.Struct, frozen=True, kw_only=True):
    index: int
    section: VendorSection
    role: str | None  # catalog role key, None when no vendor matched
    top_severity: str | None


class MicrosoftApp(msgspec.Struct, frozen=True, kw_only=True):
    app: App
    categories: tuple[str, ...]
    people: int | None


def _vendor_rows(summary: Summary) -> list[VendorRow]:
    rows = []
    for i, s in enumerate(summary.sections, start=1):
        sevs = sorted((f.severity for f in s.findings), key=most_severe_first)
        rows.append(
            VendorRow(
                index=i,
                section=s,
                role=s.info.role if s.info else None,
                top_severity=sevs[0] if sevs else None,
            )
        )
    return rows


def _microsoft_apps(summary: Summary) -> list[MicrosoftApp]:
    ids = {a.app_id for a in summary.first_party_apps}
    flows: dict[str, list[Flow]] = {}
    for f in summary.inventory.flows:
        if f.app_id in ids:
            flows.setdefault(f.app_id, []).append(f)
    out = []
    for a in summary.first_party_apps:
        mine = flows.get(a.app_id, [])
        counts = [f.subjects.count for f in mine if f.subjects.count is not None]
        out.append(
            MicrosoftApp(
                app=a,
                categories=tuple(sorted({f.category for f in mine} | set(a.data_categories))),
                people=max(counts) if counts else None,
            )
        )
    return out


def _picture(summary: Summary, lang: str) -> Picture:
    names = {s.key: s.name for s in summary.sections}
    app_vendor = {
        a.app_id: (a.vendor.id if a.vendor else f"app:{a.app_id}") for a in summary.third_party_apps
    }

    def vendor_of(flow: Flow) -> tuple[str, str]:
        key = app_vendor.get(flow.app_id, f"app:{flow.app_id}")
        return key, names.get(key, flow.vendor or flow.app_id)

    return build_picture(
        [f for f in summary.inventory.flows if f.app_id in app_vendor],
        summary.inventory.tenant.display_name or summary.inventory.tenant.id,
        lambda key: category_label(key, lang),
        vendor_of,
        labels(lang)["more_recipients"],
        labels(lang)["other_categories"],
    )


def _shown_sections(summary: Summary, linked: set[int], top: int) -> set[int]:
    """The 1-based indexes of the vendor sections detailed in the report: every section an
    action on the page links to, then the rest in report order, ``top`` in all at most.

    A tenant with 25,000 third-party apps has thousands of sections; detailing each made the
    report 160 MB, which no browser opens quickly. The rest are counted in the report and
    listed, in full, in ``inventory.json`` and the Art. 30 record.
    """
    shown = set(linked)
    for i in range(1, len(summary.sections) + 1):
        if len(shown) >= max(top, len(linked)):
            break
        shown.add(i)
    return shown


def render_html(
    inv: Inventory, lang: str = "en", *, top_actions: int = 15, top_sections: int = 200
) -> str:
    """The report as one HTML document (deterministic for a given inventory and language).

    Top-down, as a DPO reads it: the executive summary with the prioritised actions, the vendors
    at a glance, the picture, what was read, then each vendor's detail and Microsoft's own apps.
    """
    lang = check_lang(lang)
    summary = summarise(inv)
    actions = prioritised(summary, lang)

    by_app: dict[str, dict[str, list[Flow]]] = {}  # section key → app id → its flows

    def fmsg(finding: Finding, app: App | None, section: VendorSection | None) -> str:
        if section is None:
            return message(finding, app, [], None, lang)
        if app is None:
            return message(finding, app, section.flows, section.info, lang)
        if section.key not in by_app:  # one pass per section, not one per finding
            index: dict[str, list[Flow]] = {}
            for f in section.flows:
                index.setdefault(f.app_id, []).append(f)
            by_app[section.key] = index
        flows = by_app[section.key].get(app.app_id, [])
        return message(finding, app, flows, section.info, lang)

    shown = _shown_sections(summary, {a.section for a in actions[:top_actions]}, top_sections)

    css = _template_text("report.css")
    try:
        return (
            _environment()
            .get_template("report.html.j2")
            .render(
                lang=lang,
                L=labels(lang),
                S=summary,
                P=_picture(summary, lang),
                inv=summary.inventory,
                tenant_name=summary.inventory.tenant.display_name or summary.inventory.tenant.id,
                severities=SEVERITIES,
                actions=actions[:top_actions],
                more_actions=max(0, len(actions) - top_actions),
                vendor_rows=[r for r in _vendor_rows(summary) if r.index in shown],
                sections=[(i, s) for i, s in enumerate(summary.sections, 1) if i in shown],
                more_sections=len(summary.sections) - len(shown),
                ms_apps=_microsoft_apps(summary),
                cat=lambda key: category_label(key, lang),
                num=lambda n: number(n, lang),
                date=lambda v, time=False: when(v, lang, time=time),
                ftitle=lambda code: title(code, lang),
                fmsg=fmsg,
                src=lambda source: source_name(source, lang),
                why=lambda cov: reason(cov, lang),
                ev=lambda text: evidence_label(text, lang),
                note=lambda text: note_label(text, lang),
                css=css,
                csp=content_security_policy(css),
            )
        )
    except jinja2.TemplateError as exc:
        raise RenderError(f"HTML report could not be rendered: {exc}") from None


__all__ = ["content_security_policy", "render_html"]
