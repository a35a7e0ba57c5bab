"""analyse() on hand-made records: the five seed apps and every finding code.

The seed apps carry only a publisher name, which alone is a *possible* match (issue 10 item 8);
``CATALOG`` is the shipped catalog with the seed apps' appIds added, so they are *confirmed* and
their flows are checked against the policies. The ladder itself is tested with the plain catalog.
"""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from m365inv.analysis import analyse
from m365inv.catalog import load_catalog
from m365inv.catalog.model import Catalog
from m365inv.findings import FindingOptions
from m365inv.models import App, Group, Inventory
from tests.scanner.seed_records import N_USERS, app, perm, seed_apps, seed_tenant

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
ALL_CODES = {
    "UNDISCLOSED_CATEGORY", "REACH_WIDER_THAN_DISCLOSED", "NO_DISCLOSURE_ON_FILE",
    "UNVERIFIED_PUBLISHER", "STALE_POLICY", "STORED_IMPERSONATION_CREDENTIAL", "ART9_GROUP_NAME",
    "SENSITIVE_GROUP_NAME", "EMPLOYEE_MONITORING", "CONTENT_ACCESS", "UNRESOLVED_PERMISSION",
    "UNCLASSIFIED_PERMISSION", "POLICY_UNDATED", "TENANT_WIDE_WRITE", "PROCESSOR_WITHOUT_DPA",
    "PROCESSING_LOCATION_UNKNOWN", "THIRD_COUNTRY_SUBPROCESSOR", "SEND_AS_ANY_USER",
}  # fmt: skip


def _with_app_ids(catalog: Catalog) -> Catalog:
    ids = {
        "axontic-mailissa": "app-Mailissa", "mailstore": "app-MailStore Server",
        "utilitas-contactsync": "app-ContactSync",
        "milliways-emilie": "app-Telefonsekretariat Emilie",
        "mailprofessionals": "app-Mail Professionals Signatures",
    }  # fmt: skip
    return msgspec.structs.replace(catalog, vendors=tuple(
        msgspec.structs.replace(v, recognition=msgspec.structs.replace(
            v.recognition, app_ids=(*v.recognition.app_ids, ids[v.id])))
        if v.id in ids else v
        for v in catalog.vendors
    ))  # fmt: skip


CATALOG = _with_app_ids(load_catalog())


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    extra = (
        app("Unknown Helper", "Contoso Tools", perm("Mail.Read"), perm(None),
            perm("Contoso.Widgets.Read")),
        app("Microsoft Teams", "Microsoft Services", perm("Mail.Read"), first_party=True),
    )  # fmt: skip
    return analyse([*seed_apps(), *extra], seed_tenant(), CATALOG, now=NOW)


def codes(a: App) -> set[str]:
    return {f.code for f in a.findings}


def by_name(result, name: str) -> App:  # type: ignore[no-untyped-def]
    return next(a for a in result.apps if a.display_name == name)


def test_every_finding_code_is_produced(result) -> None:  # type: ignore[no-untyped-def]
    assert set().union(*(codes(a) for a in result.apps)) == ALL_CODES


def test_seed_vendors_and_their_findings(result) -> None:  # type: ignore[no-untyped-def]
    vendors = {a.display_name: a.vendor.id if a.vendor else None for a in result.apps}
    assert vendors["Mailissa"] == "axontic-mailissa"
    assert vendors["Microsoft Teams"] is None and vendors["Unknown Helper"] is None
    ms = by_name(result, "MailStore Server")
    assert {"CONTENT_ACCESS", "UNDISCLOSED_CATEGORY", "STALE_POLICY"} <= codes(ms)
    assert "UNVERIFIED_PUBLISHER" not in codes(ms)
    cs = by_name(result, "ContactSync")
    assert {
        "STORED_IMPERSONATION_CREDENTIAL",
        "TENANT_WIDE_WRITE",
        "PROCESSOR_WITHOUT_DPA",
    } <= codes(cs)
    # its only third-country recipients are website trackers: no tenant finding (issue 12 item 4)
    assert "THIRD_COUNTRY_SUBPROCESSOR" not in codes(cs)
    # Betriebsrat / SBV are employee representations (medium); ver.di membership is Art. 9
    assert {"SENSITIVE_GROUP_NAME", "ART9_GROUP_NAME"} <= codes(cs)
    art9 = next(f for f in cs.findings if f.code == "ART9_GROUP_NAME")
    assert art9.params["count"] == "1" and not any("Betriebsrat" in e for e in art9.evidence)
    em = by_name(result, "Telefonsekretariat Emilie")
    assert {"EMPLOYEE_MONITORING", "STALE_POLICY", "UNDISCLOSED_CATEGORY"} <= codes(em)
    mi = by_name(result, "Mailissa")
    assert {"REACH_WIDER_THAN_DISCLOSED", "UNVERIFIED_PUBLISHER"} <= codes(mi)
    assert "STALE_POLICY" not in codes(mi)  # undated policy: no claim about its age …
    assert "POLICY_UNDATED" in codes(mi)  # … but the missing date is itself a finding
    assert "POLICY_UNDATED" not in codes(ms)
    mp = by_name(result, "Mail Professionals Signatures")
    assert "UNDISCLOSED_CATEGORY" in codes(mp)


def test_flows_disclosed_states(result) -> None:  # type: ignore[no-untyped-def]
    flows = {(f.app_id, f.category): f for f in result.flows}
    email = flows[("app-Mailissa", "user.contact.email")]
    assert email.disclosed is True and email.disclosure is not None
    assert email.disclosure.item == "E-Mail Adresse des angemeldeten M365 Nutzers"
    assert flows[("app-Mailissa", "user.social.group_membership")].disclosed is False
    mail = flows[("app-MailStore Server", "user.content.private.email")]
    assert mail.disclosed is False and mail.subjects.count == N_USERS and mail.access == "full"
    assert flows[("app-Unknown Helper", "user.content.private.email")].disclosed is None
    cs = flows[("app-ContactSync", "user.contact.phone_number")]
    assert cs.disclosed is True and cs.disclosure is not None
    assert cs.disclosure.retention and "90 Tage" in cs.disclosure.retention


def test_apps_carry_categories_and_permission_flags(result) -> None:  # type: ignore[no-untyped-def]
    helper = by_name(result, "Unknown Helper")
    flags = {p.value: (p.resolved, p.classified) for p in helper.permissions}
    assert flags == {"Mail.Read": (True, True), None: (False, False),
                     "Contoso.Widgets.Read": (True, False)}  # fmt: skip
    assert len(helper.permissions) == 3  # never dropped
    assert "user.content.private.email" in helper.data_categories
    assert {"NO_DISCLOSURE_ON_FILE", "UNRESOLVED_PERMISSION", "UNCLASSIFIED_PERMISSION"} <= codes(
        helper
    )
    teams = by_name(result, "Microsoft Teams")
    assert not codes(teams) & {"NO_DISCLOSURE_ON_FILE", "UNVERIFIED_PUBLISHER"}


def test_output_is_deterministic_and_ordered(result) -> None:  # type: ignore[no-untyped-def]
    again = analyse(list(reversed([*seed_apps()])), seed_tenant(), CATALOG, now=NOW)
    sub = tuple(a for a in result.apps if a.vendor is not None)
    assert msgspec.json.encode(again.apps) == msgspec.json.encode(sub)
    keys = [(f.app_id, f.category) for f in result.flows]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    names = [(a.display_name or "").casefold() for a in result.apps]
    assert names == sorted(names)
    from m365inv.findings import SEVERITY_RANK

    for a in result.apps:
        ranks = [-SEVERITY_RANK[f.severity] for f in a.findings]
        assert ranks == sorted(ranks)


def test_inventory_encodes(result) -> None:  # type: ignore[no-untyped-def]
    from m365inv.models import Generator, TenantCounts, TenantInfo

    inv = Inventory(schema_version="1.0.0", generator=Generator(name="m365inv", version="0"),
                    tenant=TenantInfo(id="t", display_name=None, scanned_at="x",
                                      counts=TenantCounts()),
                    apps=result.apps, flows=result.flows)  # fmt: skip
    assert b'"disclosed":false' in msgspec.json.encode(inv)


def test_stale_policy_threshold_is_configurable() -> None:
    apps = [a for a in seed_apps() if a.display_name == "MailStore Server"]
    loose = analyse(apps, seed_tenant(), CATALOG, now=NOW,
                    options=FindingOptions(stale_policy_years=10))  # fmt: skip
    assert "STALE_POLICY" not in codes(loose.apps[0])
    early = analyse(apps, seed_tenant(), CATALOG, now=dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    assert "STALE_POLICY" not in codes(early.apps[0])


def test_art9_needs_both_a_sensitive_name_and_group_access() -> None:
    tenant = msgspec.structs.replace(
        seed_tenant(), groups=(Group(id="g", display_name="Vertrieb"),)
    )
    res = analyse(seed_apps(), tenant, CATALOG, now=NOW)
    assert all("ART9_GROUP_NAME" not in codes(a) for a in res.apps)
    ms = analyse([a for a in seed_apps() if a.display_name == "MailStore Server"], seed_tenant(),
                 CATALOG, now=NOW)  # fmt: skip
    assert "ART9_GROUP_NAME" not in codes(ms.apps[0])  # no group permission


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("Betriebsrat Standort Hannover", set()),  # representation: employee data, not Art. 9
        ("ver.di Vertrauensleute", {"trade union"}),
        ("SBV – Schwerbehindertenvertretung", set()),
        ("BEM-Team", {"health"}),
        ("Works Council EMEA", set()),
        ("Vertrieb Nord", set()),
        ("European Union Affairs", set()),
        ("Membership", set()),
    ],
)
def test_art9_lexicon(name: str, labels: set[str]) -> None:
    from m365inv.findings import art9_labels

    assert set(art9_labels(name)) == labels


def test_hostile_display_names_pass_through_unchanged() -> None:
    evil = "=cmd|' /C calc'!A0 <script>"
    res = analyse([app(evil, "Contoso", perm("Mail.Read"))], seed_tenant(), CATALOG, now=NOW)
    assert any(evil in f.message for f in res.apps[0].findings)  # escaping is the renderer's job


def test_every_message_is_one_plain_sentence_with_exact_evidence(result) -> None:  # type: ignore[no-untyped-def]
    import re

    for a in result.apps:
        for f in a.findings:
            assert f.message.endswith("."), f.message
            body = f.message[:-1]
            # one sentence: no sentence-ending full stop inside (abbreviations like "e.g." and
            # "Nr." aside), no line breaks, no dash-joined second clause
            assert not re.search(r"[a-z]{3,}\. [A-Z]", body), f.message
            assert "\n" not in f.message and " — " not in f.message, f.message
            assert f.evidence, f.code
    monitoring = next(
        f
        for f in by_name(result, "Telefonsekretariat Emilie").findings
        if f.code == "EMPLOYEE_MONITORING"
    )
    assert any("Presence.Read.All (application)" in e for e in monitoring.evidence)
    undated = next(f for f in by_name(result, "Mailissa").findings if f.code == "POLICY_UNDATED")
    assert undated.severity == "medium" and "axontic GmbH" in undated.message
    nodisc = next(
        f for f in by_name(result, "Unknown Helper").findings if f.code == "NO_DISCLOSURE_ON_FILE"
    )
    assert any("Mail.Read" in e for e in nodisc.evidence)  # names the permission, not a category


def test_severity_scale(result) -> None:  # type: ignore[no-untyped-def]
    """The scale documented in scanner/findings/__init__.py, on the seed apps."""

    def sev(app: str, code: str) -> str:
        return next(f.severity for f in by_name(result, app).findings if f.code == code)

    assert sev("MailStore Server", "CONTENT_ACCESS") == "high"  # every mailbox
    assert sev("Telefonsekretariat Emilie", "EMPLOYEE_MONITORING") == "high"
    assert sev("ContactSync", "SENSITIVE_GROUP_NAME") == "medium"
    assert sev("ContactSync", "STORED_IMPERSONATION_CREDENTIAL") == "medium"
    assert sev("ContactSync", "TENANT_WIDE_WRITE") == "high"
    assert sev("MailStore Server", "STALE_POLICY") == "medium"
    assert sev("Mailissa", "POLICY_UNDATED") == "medium"
    assert sev("Mailissa", "UNVERIFIED_PUBLISHER") == "medium"  # User.ReadBasic.All: whole tenant
    assert sev("Unknown Helper", "NO_DISCLOSURE_ON_FILE") == "medium"


def test_delegated_content_of_signed_in_users_is_medium() -> None:
    res = analyse([app("Inbox Helper", "Contoso Tools", perm("Mail.Read", "delegated"))],
                  seed_tenant(), CATALOG, now=NOW)  # fmt: skip
    content = next(f for f in res.apps[0].findings if f.code == "CONTENT_ACCESS")
    assert content.severity == "medium"
    unverified = next(f for f in res.apps[0].findings if f.code == "UNVERIFIED_PUBLISHER")
    assert unverified.severity == "low"
