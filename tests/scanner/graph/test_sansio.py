"""Sans-io parsing from recorded Graph bodies: pages, errors, Retry-After, $batch."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from m365inv.collect.directory import _ServicePrincipal, sp_from
from m365inv.errors import GraphError, PermissionDenied, Throttled
from m365inv.graph import sansio
from m365inv.models import User

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def test_users_page_decodes_straight_into_records_ignoring_extras() -> None:
    page = sansio.decode_page(sample("users_page.json"), User)
    assert [u.id for u in page.value] == [
        "6e7b768e-07e2-4810-8459-485f84f8f204",
        "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
    ]
    guest = page.value[1]
    assert guest.account_enabled is False  # never an optimistic default
    assert guest.user_type == "Guest"  # names in the page are ignored: never kept
    assert page.next_link and "$skiptoken=" in page.next_link
    assert page.delta_link is None


def test_last_page_has_no_next_link() -> None:
    page = sansio.decode_page(sample("users_last_page.json"), User)
    assert page.value == () and page.next_link is None


@pytest.mark.parametrize(
    "body",
    [b'{"value":[{"id":"1"', b"<html>gateway</html>", b'{"value":[{"displayName":"no id"}]}', b""],
)
def test_malformed_bodies_raise_typed_error(body: bytes) -> None:
    with pytest.raises(sansio.MalformedResponse):
        sansio.decode_page(body, User)


def test_403_becomes_permission_denied_with_code_and_request_id() -> None:
    err = sansio.error_from(403, {"request-id": "rid-1"}, sample("error_403.json"))
    assert isinstance(err, PermissionDenied)
    assert err.code == "Authorization_RequestDenied" and err.request_id == "rid-1"
    assert "Insufficient privileges" in str(err)


def test_429_and_503_are_throttled_others_plain() -> None:
    assert isinstance(sansio.error_from(429, {}, sample("error_429.json")), Throttled)
    assert isinstance(sansio.error_from(503, {}, b"not json"), Throttled)
    err = sansio.error_from(410, {}, b'{"error":{"code":"syncStateNotFound"}}')
    assert type(err) is GraphError and err.status == 410 and err.code == "syncStateNotFound"


def test_error_message_is_bounded() -> None:
    body = msgspec.json.encode({"error": {"code": "X", "message": "a" * 5000}})
    assert len(str(sansio.error_from(400, {}, body))) < 400


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after": "0"}, 0.0),
        ({}, sansio.DEFAULT_RETRY_AFTER),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, sansio.DEFAULT_RETRY_AFTER),
        ({"Retry-After": "-5"}, sansio.DEFAULT_RETRY_AFTER),
        ({"Retry-After": "nan"}, sansio.DEFAULT_RETRY_AFTER),
        ({"Retry-After": "999999"}, sansio.MAX_RETRY_AFTER),
    ],
)
def test_retry_after(headers: dict[str, str], expected: float) -> None:
    assert sansio.retry_after(headers) == expected


def test_retryable_statuses() -> None:
    assert all(sansio.is_retryable(s) for s in (429, 503, 504, 500, 502))
    assert not any(sansio.is_retryable(s) for s in (400, 401, 403, 404, 410))


def test_batch_answer_splits_into_inner_responses() -> None:
    items = sansio.decode_batch(sample("batch_mixed.json"))
    assert {k: v.status for k, v in items.items()} == {"1": 200, "2": 429, "3": 403, "4": 200}
    assert sansio.retry_after(items["2"].headers) == 3.0
    ok = sansio.decode_page(sansio.inner_body(items["1"]), User)
    assert [u.id for u in ok.value] == ["u1", "u2"]
    assert sansio.decode_page(sansio.inner_body(items["4"]), User).next_link
    assert isinstance(
        sansio.error_from(403, items["3"].headers, sansio.inner_body(items["3"])), PermissionDenied
    )


def test_batch_body_limits_and_shape() -> None:
    body = msgspec.json.decode(
        sansio.batch_body({"a": "/users/1"}, {"x-ms-throttle-priority": "low"})
    )
    assert body == {
        "requests": [
            {
                "id": "a",
                "method": "GET",
                "url": "/users/1",
                "headers": {"x-ms-throttle-priority": "low"},
            }
        ]
    }
    with pytest.raises(ValueError):
        sansio.batch_body({str(i): "/x" for i in range(21)})
    with pytest.raises(ValueError):
        sansio.batch_body({})


def test_service_principal_wire_tolerates_nulls_and_flattens_info() -> None:
    page = sansio.decode_page(sample("sp_page.json"), _ServicePrincipal)
    first, second = (sp_from(w) for w in page.value)
    assert first.privacy_statement_url == "https://www.mailstore.com/privacy"
    assert first.verified_publisher and first.verified_publisher.verified_publisher_id == "4839201"
    assert first.reply_urls == () and first.oauth2_permission_scopes == ()
    assert second.verified_publisher is None  # all-null object means "not verified"
    assert second.app_roles[0].allowed_member_types is None  # null: not returned
    assert second.privacy_statement_url is None
