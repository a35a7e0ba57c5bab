"""STALE_APP: threshold, "no sign-in on record", and nothing claimed without the activity read."""

from __future__ import annotations

import datetime as dt

import msgspec

from m365inv.findings.activity import inactivity_findings
from m365inv.models import SIGN_IN_ACTIVITY_SOURCE, Coverage, Flow, Subjects, TenantData
from tests.scanner.seed_records import seed_apps

NOW = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
READ = TenantData(org=None, scanned_at="x", coverage=(
    Coverage(source=SIGN_IN_ACTIVITY_SOURCE, complete=True, item_count=1),))  # fmt: skip
EVERYONE = Subjects(scope="tenant", count=3)
FLOW = Flow(app_id="a", vendor=None, category="user.name", access="read", subjects=EVERYONE,
            evidence=("x",), disclosed=None)  # fmt: skip


def _app(last: str | None):  # type: ignore[no-untyped-def]
    return msgspec.structs.replace(seed_apps()[1], service_principal_id="sp", last_sign_in=last)


def test_threshold_is_configurable() -> None:
    old = _app("2026-07-01T00:00:00Z")  # 143 days before NOW
    assert [f.code for f in inactivity_findings(old, [FLOW], READ, now=NOW, days=90)] == [
        "STALE_APP"
    ]
    assert inactivity_findings(old, [FLOW], READ, now=NOW, days=200) == []


def test_no_record_no_reach_or_not_read() -> None:
    [never] = inactivity_findings(_app(None), [FLOW], READ, now=NOW, days=90)
    assert "no sign-in on record" in never.message
    assert inactivity_findings(_app(None), [], READ, now=NOW, days=90) == []  # no reach
    unread = TenantData(org=None, scanned_at="x", coverage=(
        Coverage(source=SIGN_IN_ACTIVITY_SOURCE, complete=False, error="403"),))  # fmt: skip
    assert inactivity_findings(_app(None), [FLOW], unread, now=NOW, days=90) == []


def test_translatable_key_and_german_text() -> None:
    """STALE_APP carries its message key and parameters; the German report words it itself."""
    from m365inv.reports.i18n_findings import action, message, title

    old = _app("2026-07-01T00:00:00Z")
    [idle] = inactivity_findings(old, [FLOW], READ, now=NOW, days=90)
    assert idle.key == "finding.STALE_APP" and idle.params["days"] == "143"
    assert "last signed in 143 days ago (2026-07-01)" in idle.message
    de = message(idle, old, [FLOW], None, "de")
    assert "seit 143 Tagen nicht angemeldet (zuletzt am 2026-07-01)" in de
    [never] = inactivity_findings(_app(None), [FLOW], READ, now=NOW, days=90)
    assert never.key == "finding.STALE_APP.never"
    assert "keine Anmeldung im Protokoll" in message(never, _app(None), [FLOW], None, "de")
    assert title("STALE_APP", "de") == "App lange nicht genutzt"
    assert "Löschung" in (action("STALE_APP", "de") or "")
