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

from reports.i18n import category_label, check_lang, labels
from reports.sankey import build_picture
from reports.summary import SEVERITIES, summarise
from scanner.errors import RenderError
from scanner.models import Flow, Inventory
from scanner.textsafe import for_xml


def _template_text(name: str) -> str:
    return (resources.files("reports") / "templates" / name).read_text("utf-8")


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


def render_html(inv: Inventory, lang: str = "en") -> str:
    """The report as one HTML document (deterministic for a given inventory and language)."""
    lang = check_lang(lang)
    summary = summarise(inv)
    names = {s.key: s.name for s in summary.sections}
    app_vendor = {
        a.app_id: (a.vendor.id if a.vendor else f"app:{a.app_id}") for a in summary.third_party_apps
    }

    def vendor_of(flow: Flow) -> tuple[str, str]:
        key = app_vendor.get(flow.app_id, f"app:{flow.app_id}")
        return key, names.get(key, flow.vendor or flow.app_id)

    third_ids = set(app_vendor)
    picture = build_picture(
        [f for f in summary.inventory.flows if f.app_id in third_ids],
        summary.inventory.tenant.display_name or summary.inventory.tenant.id,
        lambda key: category_label(key, lang),
        vendor_of,
        labels(lang)["more_recipients"],
    )
    css = _template_text("report.css")
    try:
        return (
            _environment()
            .get_template("report.html.j2")
            .render(
                lang=lang,
                L=labels(lang),
                S=summary,
                P=picture,
                inv=summary.inventory,
                tenant_name=summary.inventory.tenant.display_name or summary.inventory.tenant.id,
                severities=SEVERITIES,
                cat=lambda key: category_label(key, lang),
                css=css,
                csp=content_security_policy(css),
            )
        )
    except jinja2.TemplateError as exc:
        raise RenderError(f"HTML report could not be rendered: {exc}") from None


__all__ = ["content_security_policy", "render_html"]
