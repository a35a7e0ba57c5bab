from __future__ import annotations

import msgspec
import pytest

from m365inv.catalog import load_catalog
from m365inv.match import match_disclosure, match_vendor
from m365inv.models import Publisher, ServicePrincipal
from tests.scanner.seed_records import app, seed_apps


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog()


def test_seed_apps_match_their_vendor_by_publisher_name(catalog) -> None:  # type: ignore[no-untyped-def]
    got = {a.display_name: match_vendor(a, catalog) for a in seed_apps()}
    assert {k: (v.id if v else None) for k, v in got.items()} == {
        "Mailissa": "axontic-mailissa",
        "MailStore Server": "mailstore",
        "ContactSync": "utilitas-contactsync",
        "Telefonsekretariat Emilie": "milliways-emilie",
        "Mail Professionals Signatures": "mailprofessionals",
    }
    assert all(v and v.match_method == "publisher-name" for v in got.values())
    assert got["MailStore Server"].confidence == 0.95  # type: ignore[union-attr]  # verified


def test_first_party_is_never_matched(catalog) -> None:  # type: ignore[no-untyped-def]
    a = app("MailStore Server", "MailStore Software GmbH", first_party=True)
    assert match_vendor(a, catalog) is None


def test_verified_publisher_id_and_app_id_beat_names(catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    data = {
        "id": "zz-acme", "name": "Acme", "legal_entity": "Acme Ltd", "country": "GB",
        "policy": {"language": "en"},
        "recognition": {"verified_publisher_ids": ["777"], "app_ids": ["app-X"]},
        "disclosures": [],
    }  # fmt: skip
    (tmp_path / "acme.yaml").write_text(yaml.safe_dump(data), "utf-8")
    cat = load_catalog([tmp_path])
    by_id = match_vendor(app("whatever", "MailStore Software GmbH", verified_id="777"), cat)
    assert by_id is not None and (by_id.id, by_id.match_method, by_id.confidence) == (
        "zz-acme", "verified-publisher", 1.0)  # fmt: skip
    by_app = match_vendor(app("X", None), cat)
    assert by_app is not None and by_app.match_method == "app-id"


def test_domain_then_observed_domain(catalog) -> None:  # type: ignore[no-untyped-def]
    a = app("Some Archive", None)
    sp = ServicePrincipal(id=a.service_principal_id, app_id=a.app_id,
                          reply_urls=("https://login.portal.mailissa.com/auth",))  # fmt: skip
    m = match_vendor(a, catalog, sp)
    assert m is not None and (m.id, m.match_method, m.confidence) == (
        "axontic-mailissa",
        "domain",
        0.85,
    )
    sp2 = ServicePrincipal(id="x", app_id="y", homepage="https://www.contactsync.app/")
    m2 = match_vendor(app("Sync Tool", None), catalog, sp2)
    assert m2 is not None and (m2.id, m2.confidence) == ("utilitas-contactsync", 0.7)
    # a look-alike host is not a subdomain
    sp3 = ServicePrincipal(id="x", app_id="y", homepage="https://evilmailissa.com/")
    assert match_vendor(app("Other", None), catalog, sp3) is None


def test_display_name_pattern_and_fuzzy(catalog) -> None:  # type: ignore[no-untyped-def]
    m = match_vendor(app("MailStore Server 23.1", "Unknown Reseller"), catalog)
    assert m is not None and (m.id, m.match_method, m.confidence) == (
        "mailstore",
        "display-name",
        0.8,
    )
    fuzzy = match_vendor(app("Telefonsekretariat Emilié", None), catalog)
    assert fuzzy is not None and fuzzy.id == "milliways-emilie"
    assert match_vendor(app("Totally Unrelated CRM", "Contoso"), catalog) is None
    assert match_vendor(app("Mail", None), catalog) is None


def test_publisher_name_normalisation(catalog) -> None:  # type: ignore[no-untyped-def]
    a = app("x", None)
    a2 = msgspec.structs.replace(a, publisher=Publisher(name="  AXONTIC gmbh ", verified=False))
    m = match_vendor(a2, catalog)
    assert m is not None and m.id == "axontic-mailissa"


def test_disclosure_matching_is_hierarchy_aware(catalog) -> None:  # type: ignore[no-untyped-def]
    cs = catalog.get("utilitas-contactsync")
    item = match_disclosure("user.contact.phone_number", cs)  # covered by user.contact
    assert item is not None and item.item == "Kontaktdaten des Benutzers"
    email = match_disclosure("user.contact.email", cs)  # the more specific item wins
    assert email is not None and "Mailadresse" in email.item
    assert match_disclosure("user.demographic.gender", cs) is None
    # website / account items never disclose a tenant flow
    ms = catalog.get("mailstore")
    assert match_disclosure("user.contact.email", ms) is None


def test_disclosure_is_aware_of_whose_data_and_which_item(catalog) -> None:  # type: ignore[no-untyped-def]
    cs = catalog.get("utilitas-contactsync")
    # "Benutzername des Service Accounts" is one named account, not every user's UPN
    assert match_disclosure("user.account.username", cs, "signed-in-user") is not None
    assert match_disclosure("user.account.username", cs, "tenant") is None
    # "zugehörige Attribute" of synced contacts: job title and workplace too
    job = match_disclosure("user.job_title", cs, "tenant")
    assert job is not None and job.item.startswith("zugehörige Attribute")
    assert match_disclosure("user.workplace", cs, "tenant") is not None
    # the user/group id item covers group membership
    group = match_disclosure("user.social.group_membership", cs, "tenant")
    assert group is not None and "Gruppe" in group.item
