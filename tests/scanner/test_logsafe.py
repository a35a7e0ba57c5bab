"""The one redaction point for logs: every credential shape a library might log."""

from __future__ import annotations

import logging

import pytest

from m365inv import logsafe
from m365inv.logsafe import MASK, RedactingFilter, redact, remember_secret


@pytest.fixture(autouse=True)
def _own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Secrets remembered here stay here (the registry is per process)."""
    monkeypatch.setattr(logsafe, "_remembered", set())


JWT = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
SECRET = "Qx7~s3cr3t.value_42"


@pytest.mark.parametrize(
    "text",
    [
        f"Authorization: Bearer {JWT}",
        "authorization: Basic bXljbGllbnQ6c2VjcmV0",
        f"headers=[(b'Authorization', b'Bearer {JWT}')]",
        f"{{'Authorization': 'Bearer {SECRET}'}}",
        f"grant_type=client_credentials&client_secret={SECRET}&scope=x",
        f'{{"client_secret": "{SECRET}", "scope": "x"}}',
        f"client_assertion_type=jwt-bearer&client_assertion={JWT}",
        f'{{"token_type": "Bearer", "access_token": "{SECRET}", "refresh_token": "{SECRET}"',
        f"Token response is not in json format: {JWT}",
    ],
)
def test_credentials_are_masked(text: str) -> None:
    out = redact(text)
    assert SECRET not in out
    assert JWT not in out
    assert "c2lnbmF0dXJlLXNpZ25hdHVyZQ" not in out
    assert MASK in out


def test_ordinary_text_is_untouched() -> None:
    text = (
        "GET https://127.0.0.1:1/v1.0/users?$top=999&$select=id,displayName 200 (token cache hit)"
    )
    assert redact(text) == text


def test_filter_rewrites_message_args_and_traceback() -> None:
    logger = logging.getLogger("tests.logsafe")
    try:
        raise ValueError(f"bad answer: {JWT}")
    except ValueError:
        record = logger.makeRecord(
            "tests.logsafe", logging.ERROR, __file__, 1, "body: %s", (SECRET,), None
        )
        record.msg = "client_secret=%s"
        import sys

        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert SECRET not in formatted
    assert JWT not in formatted
    assert "ValueError" in formatted


@pytest.mark.parametrize(
    "text",
    [
        f"postgresql://scanner:{SECRET}@db.internal:5432/m365inv",
        f"postgresql+psycopg://scanner@db/m365inv?password={SECRET}&sslmode=require",
        f"host=db user=scanner password={SECRET} dbname=m365inv",
        f"host=db user=scanner password = '{SECRET} with spaces' dbname=m365inv",
        f"https://proxyuser:{SECRET}@proxy.example:3128",
    ],
)
def test_url_userinfo_and_dsn_passwords_are_masked(text: str) -> None:
    out = redact(text)
    assert SECRET not in out and "with spaces" not in out and MASK in out


def test_remembered_secret_is_masked_in_free_text() -> None:
    value = "Free-text-echo-9f3a"
    assert value in redact(f"Invalid client secret provided: '{value}'")
    remember_secret(value)
    remember_secret("shortpw")  # too short to remember: would mask ordinary words
    assert redact(f"Invalid client secret provided: '{value}'") == (
        f"Invalid client secret provided: '{MASK}'"
    )
    assert redact("a shortpw note") == "a shortpw note"
    remember_secret(b"bytes-secret-77")
    assert redact("got bytes-secret-77 back") == f"got {MASK} back"


def test_urls_without_password_are_untouched() -> None:
    for text in ("https://graph.microsoft.com/v1.0/users", "mailto:dpo@example.com", "a@b.c"):
        assert redact(text) == text


def test_remembered_word_does_not_break_a_shape() -> None:
    """A client secret that is an ordinary word must not unmask ``client_secret=…``."""
    remember_secret("_secret=")
    remember_secret("client_secret")
    out = redact(f"grant_type=client_credentials&client_secret={SECRET}&scope=x")
    assert SECRET not in out
