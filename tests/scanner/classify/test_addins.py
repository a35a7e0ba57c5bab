"""Outlook add-in flows: permission level → categories/access, deployment → reach."""

from __future__ import annotations

from m365inv.classify.addins import NOTE_ITEM, NOTE_OFF_BY_DEFAULT, addin_parts
from m365inv.classify.flows import merge
from m365inv.collect.addins import addins_from_rows
from m365inv.models import App, Publisher, TenantData
from m365inv.resolve.counts import tenant_counts
from tests.scanner.seed_records import seed_tenant

COUNTS = tenant_counts(seed_tenant())


def _case(**row: object) -> tuple[App, TenantData]:
    """A ``Get-App -OrganizationApp`` row through the real parser, as a standalone add-in app."""
    [addin] = addins_from_rows([{"AppId": "a1", "DisplayName": "X", "Enabled": True, **row}],
                               source="exchange")  # fmt: skip
    app = App(app_id="a1", service_principal_id="", display_name="X", first_party=False,
              publisher=Publisher(name=None, verified=False), sources=("addIns",))  # fmt: skip
    return app, TenantData(org=None, scanned_at="x", add_ins=(addin,))


def test_levels() -> None:
    def flows(level: str) -> dict[str, str]:
        app, t = _case(PermissionLevel=level, ProvidedTo="Everyone")
        return {c: p.access for c, p in merge(addin_parts(app, t, COUNTS)).items()}

    assert flows("Restricted") == {}
    assert set(flows("ReadItem").values()) == {"read"}
    assert "user.content.private.email" in flows("ReadItem")
    assert set(flows("ReadWriteItem").values()) == {"write"}
    mailbox = flows("ReadWriteMailbox")
    assert set(mailbox.values()) == {"full"} and "user.contact" in mailbox
    assert set(mailbox) > set(flows("ReadItem"))


def test_reach_follows_the_deployment() -> None:
    app, t = _case(PermissionLevel="ReadWriteMailbox", ProvidedTo="Everyone")
    part = merge(addin_parts(app, t, COUNTS))["user.content.private.email"]
    assert (part.subjects.scope, part.subjects.count) == ("tenant", COUNTS.users)
    users = ["a@x.example", "b@x.example"]
    app, t = _case(PermissionLevel="ReadItem", ProvidedTo="SpecificUsers", UserList=users,
                   DefaultStateForUser="Disabled")  # fmt: skip
    part = merge(addin_parts(app, t, COUNTS))["user.content.private.email"]
    assert (part.subjects.scope, part.subjects.count) == ("assigned-users", 2)
    assert part.notes == (NOTE_ITEM, NOTE_OFF_BY_DEFAULT)
    assert part.evidence == ("Outlook add-in X: ReadItem (deployed to SpecificUsers)",)
    app, t = _case(PermissionLevel="ReadItem", ProvidedTo="SpecificUsers")
    assert merge(addin_parts(app, t, COUNTS))["user.name"].subjects.count is None  # not listed


def test_disabled_add_in_opens_nothing() -> None:
    app, t = _case(PermissionLevel="ReadWriteMailbox", ProvidedTo="Everyone", Enabled=False)
    assert addin_parts(app, t, COUNTS) == []
