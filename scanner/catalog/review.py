"""Review a drafted vendor file: the draft next to the policy text, then accept it.

The review page is a self-contained HTML file (no scripts, no external resources): on the left
every drafted item with its confidence, on the right the policy with each item's source sentence
marked, so a reviewer sees at a glance what was read from where and what was missed.
Accepting turns ``draft: true`` off, drops the drafting confidences and stamps ``policy.reviewed``
— only for a file that validates without a single error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
import yaml

from m365inv.atomic import write_text_atomic
from m365inv.catalog.load import read_vendor_yaml, validation_errors
from m365inv.errors import CatalogError
from m365inv.textsafe import for_terminal

_SECTIONS = (
    "disclosures",
    "retention_rules",
    "legal_bases",
    "subprocessors",
    "transfers",
    "security_claims",
)
_LABEL = {
    "disclosures": "item",
    "retention_rules": "period",
    "legal_bases": "basis",
    "subprocessors": "name",
    "transfers": "country",
    "security_claims": "kind",
}

_TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
    """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review: {{ name }}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;display:grid;
 grid-template-columns:42% 58%;height:100vh}
section{overflow:auto;padding:1em 1.5em}
#policy{background:#fafafa;border-left:1px solid #ddd;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.25em .4em;vertical-align:top;text-align:left}
.low{color:#a40}mark{background:#ffe58a}.miss{color:#a00}h2{margin-top:1.2em}
</style></head><body><section><h1>Draft: {{ name }}</h1>
<p>{{ status }} · language {{ language }} · country {{ country }} ·
{{ found }} of {{ total }} source sentences found in the policy text.</p>
{% for title, rows in sections %}<h2>{{ title }} ({{ rows|length }})</h2><table>
<tr><th>what</th><th>confidence</th><th>source</th></tr>
{% for r in rows %}<tr><td>{{ r.label }}</td>
<td class="{{ 'low' if r.low else '' }}">{{ r.conf }}</td>
<td class="{{ '' if r.found else 'miss' }}">{% if r.anchor -%}
<a href="#{{ r.anchor }}">{{ r.source }}</a>{% else %}{{ r.source }}{% endif %}</td></tr>
{% endfor %}</table>{% endfor %}
<p>Accept with <code>m365inv catalog accept {{ file }}</code> once every row is checked.</p>
</section><section id="policy">{% for part, anchor in policy -%}
{% if anchor %}<mark id="{{ anchor }}">{{ part }}</mark>{% else %}{{ part }}{% endif %}
{%- endfor %}</section></body></html>
"""
)


def _clean(text: Any) -> str:
    return for_terminal(str(text)) if text is not None else ""


def _rows(
    data: dict[str, Any], policy: str
) -> tuple[list[tuple[str, list[dict[str, Any]]]], list[str]]:
    sections: list[tuple[str, list[dict[str, Any]]]] = []
    marks: list[str] = []
    for key in _SECTIONS:
        rows = []
        for entry in data.get(key) or []:
            source = entry.get("source") or ""
            found = bool(source) and source in policy
            anchor = f"s{len(marks)}" if found and source not in marks else None
            if anchor:
                marks.append(source)
            conf = entry.get("confidence")
            label = entry.get(_LABEL[key])
            if key == "transfers":
                where = entry.get("country") or "third countries not named"
                label = f"{where} ({entry.get('mechanism')})"
            rows.append(
                {
                    "label": _clean(label),
                    "conf": "" if conf is None else f"{conf:.2f}",
                    "low": conf is not None and conf < 0.7,
                    "source": _clean(source),
                    "found": found,
                    "anchor": anchor,
                }
            )
        sections.append((key.replace("_", " "), rows))
    return sections, marks


def _split_policy(policy: str, marks: list[str]) -> list[tuple[str, str | None]]:
    """The policy text cut at the first occurrence of each marked sentence."""
    spans = sorted((policy.find(m), policy.find(m) + len(m), f"s{n}") for n, m in enumerate(marks))
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, anchor in spans:
        if start < pos:
            continue  # overlaps an earlier mark
        out += [(policy[pos:start], None), (policy[start:end], anchor)]
        pos = end
    out.append((policy[pos:], None))
    return [("\n".join(_clean(line) for line in part.split("\n")), a) for part, a in out]


def review_page(draft_path: Path, policy_text: str) -> str:
    """The HTML review page of ``draft_path`` next to ``policy_text``."""
    data = read_vendor_yaml(draft_path)
    if not isinstance(data, dict):
        raise CatalogError(f"{draft_path}: not a vendor file")
    sections, marks = _rows(data, policy_text)
    total = sum(len(rows) for _, rows in sections)
    found = sum(1 for _, rows in sections for r in rows if r["found"])
    errors = validation_errors(data)
    status = "DRAFT" if data.get("draft") else "reviewed"
    if errors:
        status += f" · {len(errors)} validation error(s)"
    return _TEMPLATE.render(
        name=_clean(data.get("name")),
        status=status,
        language=_clean((data.get("policy") or {}).get("language")),
        country=_clean(data.get("country") or "unknown"),
        found=found,
        total=total,
        sections=sections,
        policy=_split_policy(policy_text, marks),
        file=_clean(draft_path.name),
    )


def accept(draft_path: Path, *, today: dt.date | None = None) -> dict[str, Any]:
    """Mark a reviewed draft as accepted (in place, atomically); refuse one with errors."""
    raw = read_vendor_yaml(draft_path)
    errors = validation_errors(raw)
    if not isinstance(raw, dict):
        raise CatalogError(f"{draft_path}: not a vendor file")
    data: dict[str, Any] = raw
    if errors:
        raise CatalogError(
            f"{draft_path}: {len(errors)} validation error(s), first: {errors[0]}",
            tip=f"see `m365inv catalog validate {draft_path}`",
        )
    if not data.get("draft"):
        raise CatalogError(f"{draft_path}: not a draft (already reviewed)")
    data["draft"] = False
    for key in _SECTIONS:
        for entry in data.get(key) or []:
            entry.pop("confidence", None)
    data["policy"]["reviewed"] = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    header = "# Reviewed against the policy text; drafted by m365inv, accepted by a reviewer.\n"
    write_text_atomic(
        draft_path, header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    )
    return data
