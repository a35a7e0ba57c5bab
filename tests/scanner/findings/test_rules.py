# ruff: noqa: E501 — one case per line reads better than wrapped calls
"""Finding rules through analyse(): the issue-12 signals, the evidence ladder, scopes of
recipients, sign-in scopes, the severity list, vendor findings once, translatable messages."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from m365inv.analysis import analyse
from m365inv.catalog import load_catalog
from m365inv.catalog.model import Catalog
from m365inv.findings import FindingOptions
from m365inv.findings.messages import MESSAGES
from m365inv.findings.sensitive import is_sensitive
from m365inv.findings.vendor_rules import third_country_findings
from m365inv.models import (
    EXCHANGE_APP_ID,
    App,
    Coverage,
    Publisher,
    ServicePrincipal,
    TenantData,
    User,
    VerifiedPublisher,
)
from tests.scanner.seed_records import app, perm, seed_tenant

NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
CATALOG = load_catalog()


def _codes(a: App) -> dict[str, str]:
    return {f.code: f.severity for f in a.findings}


def _one(*apps: App, tenant: TenantData | None = None, catalog: Catalog = CATALOG,
         options: FindingOptions | None = None) -> dict[str, App]:  # fmt: skip
    res = analyse(list(apps), tenant or seed_tenant(), catalog, now=NOW, options=options)
    return {a.display_name or a.app_id: a for a in res.apps}


@pytest.mark.parametrize(
    ("value", "resource", "code"),
    [
        ("Mail.Send", None, "SEND_AS_ANY_USER"),
        ("Mail.ReadWrite", None, "TENANT_WIDE_WRITE"),
        ("Contacts.ReadWrite", None, "TENANT_WIDE_WRITE"),
        ("Calendars.ReadWrite", None, "TENANT_WIDE_WRITE"),
        ("MailboxSettings.ReadWrite", None, "MAILBOX_FORWARDING"),
        ("Application.ReadWrite.All", None, "PRIVILEGE_ESCALATION"),
        ("Domain.ReadWrite.All", None, "PRIVILEGE_ESCALATION"),
        ("TeamsAppInstallation.ManageSelectedForUser.All", None, "PRIVILEGE_ESCALATION"),
        ("full_access_as_app", EXCHANGE_APP_ID, "SEND_AS_ANY_USER"),
    ],
)
def test_high_risk_application_permissions(value: str, resource: str | None, code: str) -> None:
    p = perm(value, resource=resource) if resource else perm(value)
    got = _codes(_one(app("Risky", "Contoso", p))["Risky"])
    assert got.get(code) == "high", got


def test_the_same_permissions_delegated_raise_no_tenant_signal() -> None:
    d = "delegated"
    a = app("Own mailbox", "Contoso", perm("Mail.Send", d, "Principal", 3),
            perm("MailboxSettings.ReadWrite", d, "Principal", 3),
            perm("Contacts.ReadWrite", d, "Principal", 3))  # fmt: skip
    got = _codes(_one(a)["Own mailbox"])
    assert not {"SEND_AS_ANY_USER", "TENANT_WIDE_WRITE", "MAILBOX_FORWARDING"} & set(got)


def test_sign_in_scopes_alone_are_not_noisy_undisclosed_flows() -> None:
    d = "delegated"
    signin = [perm(v, d, "Principal", 4) for v in ("openid", "profile", "email", "User.Read")]
    res = _one(app("Just SSO", "Contoso", *signin), app("SSO plus mail", "Contoso",
               *signin, perm("Mail.Read", d, "Principal", 4)))  # fmt: skip
    assert "NO_DISCLOSURE_ON_FILE" not in _codes(res["Just SSO"])
    assert res["Just SSO"].data_categories  # the flows themselves are still listed
    nodisc = next(f for f in res["SSO plus mail"].findings if f.code == "NO_DISCLOSURE_ON_FILE")
    assert any("Mail.Read" in e for e in nodisc.evidence)


def test_severity_comes_from_the_explicit_sensitive_list() -> None:
    assert not is_sensitive("user.content.self_image")  # a profile photo is not content
    assert is_sensitive("user.content.private.email") and is_sensitive("user.behavior.presence")
    assert is_sensitive("user.demographic.sexual_orientation")
    assert is_sensitive("user.authorization.password") and not is_sensitive("user.authorization")
    assert not is_sensitive("user.name") and not is_sensitive("user.contact.email")


def _with(catalog: Catalog, vendor_id: str, **recognition: tuple[str, ...]) -> Catalog:
    return msgspec.structs.replace(catalog, vendors=tuple(
        msgspec.structs.replace(v, recognition=msgspec.structs.replace(v.recognition, **recognition))
        if v.id == vendor_id else v for v in catalog.vendors))  # fmt: skip


def test_a_photo_alone_undisclosed_is_medium_not_high() -> None:
    cat = _with(CATALOG, "mailprofessionals", app_ids=("app-Sig",))
    a = app("Sig", None, perm("ProfilePhoto.Read.All"))
    undisclosed = next(f for f in _one(a, catalog=cat)["Sig"].findings
                       if f.code == "UNDISCLOSED_CATEGORY")  # fmt: skip
    assert undisclosed.severity == "medium" and "user.content.self_image" in undisclosed.evidence[0]


# ---------------------------------------------------------------- evidence ladder (issue 10 #8)
MAILSTORE_VP = VerifiedPublisher(
    display_name="MailStore Software GmbH", verified_publisher_id="4839201"
)


def _sp(a: App, owner: str, **kw: object) -> ServicePrincipal:
    return ServicePrincipal(id=a.service_principal_id, app_id=a.app_id,
                            app_owner_organization_id=owner, **kw)  # type: ignore[arg-type]  # fmt: skip


def _tenant(*sps: ServicePrincipal) -> TenantData:
    return msgspec.structs.replace(seed_tenant(), service_principals=sps)


def test_ladder_levels_and_disclosure() -> None:
    real = app("MailStore Server", "MailStore Software GmbH", perm("Mail.Read"),
               verified_id="4839201")  # fmt: skip
    fork = app("MailStore Server (evil fork)", None, perm("Mail.Read"))
    fork = msgspec.structs.replace(fork, publisher=Publisher(name=None, verified=False,
                                                             domain="www.mailstore.com"))  # fmt: skip
    tenant = _tenant(
        _sp(
            real,
            "mailstore-tenant",
            verified_publisher=MAILSTORE_VP,
            homepage="https://www.mailstore.com",
        ),
        _sp(fork, "evil-tenant", homepage="https://www.mailstore.com"),
    )
    res = _one(real, fork, tenant=tenant)
    real_m, fork_m = res["MailStore Server"].vendor, res["MailStore Server (evil fork)"].vendor
    assert real_m is not None and real_m.level == "probable"  # verified name + policy domain
    assert fork_m is not None and (fork_m.id, fork_m.level) == ("mailstore", "possible")
    fork_codes = _codes(res["MailStore Server (evil fork)"])
    assert fork_codes["POSSIBLE_IMPERSONATION"] == "high"
    assert fork_codes["VENDOR_MATCH_UNCONFIRMED"] == "medium"
    assert "STALE_POLICY" not in fork_codes and "UNDISCLOSED_CATEGORY" not in fork_codes
    # an add-in with the vendor's name but no service principal: owner unknown, no claim
    addin = app("MailStore Add-in", None)
    addin = msgspec.structs.replace(addin, service_principal_id="", sources=("addIns",))
    res2 = _one(real, addin, tenant=tenant)
    assert "POSSIBLE_IMPERSONATION" not in _codes(res2["MailStore Add-in"])
    imp = next(f for f in res["MailStore Server (evil fork)"].findings
               if f.code == "POSSIBLE_IMPERSONATION")  # fmt: skip
    assert any("evil-tenant" in e for e in imp.evidence)
    assert any("mailstore-tenant" in e for e in imp.evidence)


def test_a_possible_match_never_marks_a_flow_disclosed() -> None:
    # ContactSync's policy discloses contact data, but a display name is all this app shows
    a = app("ContactSync", None, perm("Contacts.ReadWrite"))
    res = analyse([a], _tenant(_sp(a, "someone")), CATALOG, now=NOW)
    assert res.apps[0].vendor is not None and res.apps[0].vendor.level == "possible"
    assert res.flows and all(f.disclosed is None and f.vendor is None for f in res.flows)
    assert "POSSIBLE_IMPERSONATION" not in _codes(res.apps[0])  # no known app to compare with


def test_reply_url_on_a_policy_domain_is_probable() -> None:
    a = app("Mailissa", None, perm("User.Read", "delegated", "Principal", 2))
    sp = _sp(a, "axontic-tenant", reply_urls=("https://portal.mailissa.com/auth/callback",))
    res = analyse([a], _tenant(sp), CATALOG, now=NOW)
    m = res.apps[0].vendor
    assert m is not None and (m.id, m.level) == ("axontic-mailissa", "probable")
    assert any(f.disclosed is True for f in res.flows)


def test_app_id_is_confirmed() -> None:
    cat = _with(CATALOG, "utilitas-contactsync", app_ids=("app-CS",))
    m = _one(app("CS", None, perm("Contacts.Read")), catalog=cat)["CS"].vendor
    assert m is not None and (m.level, m.match_method) == ("confirmed", "app-id")


# ---------------------------------------------------------------- vendors, recipients, rules
def test_vendor_findings_are_reported_once_per_vendor() -> None:
    cat = _with(CATALOG, "mailstore", app_ids=("app-MS A", "app-MS B"))
    res = _one(app("MS A", None, perm("Mail.Read")), app("MS B", None, perm("Mail.Read")),
               catalog=cat)  # fmt: skip
    stale = [n for n, a in res.items() if "STALE_POLICY" in _codes(a)]
    assert stale == ["MS A"]
    assert all("UNDISCLOSED_CATEGORY" in _codes(a) for a in res.values())  # per app, stays


def test_website_trackers_are_not_tenant_recipients_and_mechanisms_are_per_recipient() -> None:
    mailstore = CATALOG.get("mailstore")
    assert mailstore is not None
    found = third_country_findings(mailstore)
    # Google Analytics, Ads, Facebook … are website trackers: only the group company is left,
    # and the group-internal SCC covers it alone
    assert len(found) == 1 and found[0].severity == "low"
    assert found[0].evidence == ("OpenText-Konzernunternehmen (account): SCC",)
    contactsync = CATALOG.get("utilitas-contactsync")
    assert contactsync is not None and third_country_findings(contactsync) == []


def test_processor_without_dpa_and_location_unknown() -> None:
    cat = _with(CATALOG, "utilitas-contactsync", app_ids=("app-CS",))
    a = app("CS", None, perm("Contacts.Read"))
    assert _codes(_one(a, catalog=cat)["CS"])["PROCESSOR_WITHOUT_DPA"] == "medium"
    with_dpa = _one(
        a, catalog=cat, options=FindingOptions(dpa_on_file=frozenset({"utilitas-contactsync"}))
    )
    assert "PROCESSOR_WITHOUT_DPA" not in _codes(with_dpa["CS"])
    assert _codes(with_dpa["CS"])["PROCESSING_LOCATION_UNKNOWN"] == "low"
    emilie = _with(CATALOG, "milliways-emilie", app_ids=("app-E",))
    assert "PROCESSING_LOCATION_UNKNOWN" not in _codes(_one(app("E", None, perm("Calendars.Read")),
                                                             catalog=emilie)["E"])  # fmt: skip


def test_guests_reached_is_an_art14_finding() -> None:
    base = seed_tenant()
    tenant = msgspec.structs.replace(
        base, users=(*base.users, User(id="g1", user_type="Guest")),
        coverage=(Coverage(source="users", complete=True, item_count=len(base.users) + 1),),
    )  # fmt: skip
    got = _one(app("Dir", "Contoso", perm("User.Read.All")), tenant=tenant)["Dir"]
    guest = next(f for f in got.findings if f.code == "GUESTS_REACHED")
    assert guest.severity == "low" and guest.params["count"] == "1"
    none = _one(app("Dir", "Contoso", perm("User.Read.All")))["Dir"]  # guests not read: no claim
    assert "GUESTS_REACHED" not in _codes(none)


def test_messages_are_keys_with_parameters() -> None:
    res = _one(app("Risky", "Contoso", perm("Mail.Send"), perm("Mail.Read")))
    for f in res["Risky"].findings:
        assert f.key is not None and f.key in MESSAGES
        assert MESSAGES[f.key].format(**f.params) == f.message
        assert f.params["app"] == "Risky"


def test_a_safeguard_for_unnamed_third_countries_covers_a_sub_processor() -> None:
    from m365inv.catalog.model import Subprocessor, Transfer

    base = CATALOG.get("utilitas-contactsync")
    assert base is not None
    mailer = (Subprocessor(name="Mailer Inc.", country="US"),)
    vendor = msgspec.structs.replace(base, subprocessors=mailer, transfers=())
    assert [f.severity for f in third_country_findings(vendor)] == ["medium"]
    # "if data leaves the EEA, we rely on the SCC": no country named, every third country covered
    unnamed = (Transfer(country=None, mechanism="SCC"),)
    found = third_country_findings(msgspec.structs.replace(vendor, transfers=unnamed))
    assert [(f.severity, f.evidence) for f in found] == [("low", ("Mailer Inc. (service): SCC",))]
    # one stated for the country itself comes first
    both = (*unnamed, Transfer(country="US", mechanism="DPF"))
    found = third_country_findings(msgspec.structs.replace(vendor, transfers=both))
    assert found[0].evidence == ("Mailer Inc. (service): DPF",)
