"""Secrets redacted in one place — for logs, for the CLI's error lines, for coverage reasons.

:func:`redact` is the one redaction path: the log filter below, the CLI's one-line errors and
tips (``m365inv.cli.common.error_line``), and every coverage reason that reaches a report go
through it. Besides the credential *shapes* listed below it masks the *values* the process has
been handed (:func:`remember_secret`: client secrets, certificate and vault passphrases, store
passwords), so a server that echoes a secret back in free text ("Invalid client secret
provided: …") is masked too, and URL userinfo passwords (``postgresql://user:pw@host``) and
libpq DSN ``password=…`` values, quoted or not.


``--debug`` turns on DEBUG for everything: MSAL, requests/urllib3, httpx/httpcore, kiota. Those
libraries mostly avoid logging credentials, but not always — MSAL logs a token response it could
not parse verbatim (``oauth2cli``: "Token response is not in json format: …"), which for a cut-off
answer holds the access token. So every record that reaches our handler passes through
:class:`RedactingFilter` first: ``Authorization`` header values, ``client_secret``,
``client_assertion``, ``access_token``, ``refresh_token``, ``id_token`` in form, JSON, dict-repr
and header-tuple shapes, and any bare JWT, are replaced before formatting (message, arguments
and the formatted traceback alike).
"""

from __future__ import annotations

import logging
import re
import sys
import threading

MASK = "***"
_MIN_REMEMBERED = 8  # shorter values would mask ordinary words
_remembered: set[str] = set()
_remembered_lock = threading.Lock()

_KEYS = (
    r"authorization|client_secret|client_assertion|access_token|refresh_token|id_token"
    r"|assertion|password|passphrase"
)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # a JWT anywhere (access tokens, id tokens, client assertions): header.payload.signature
    (re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), MASK),
    # "Authorization: Bearer x" / "Authorization: Basic x" (header lines)
    (re.compile(r"(authorization\s*:\s*)(?:(bearer|basic)\s+)?[^\s\"',]+", re.I), rf"\1\2 {MASK}"),
    # "key": "value" and 'key': 'value' (JSON, dict repr) — also b'key': b'value'
    (re.compile(rf"""(b?["']({_KEYS})["']\s*:\s*b?["'])[^"']*""", re.I), rf"\1{MASK}"),
    # (b'Authorization', b'Bearer x') — httpcore / h11 header tuples
    (re.compile(rf"""(b?["']({_KEYS})["']\s*,\s*b?["'])[^"']*""", re.I), rf"\1{MASK}"),
    # key=value in a form body, a query string or a libpq DSN (where a value may be quoted)
    (
        re.compile(rf"(\b({_KEYS})\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^&\s\"']+)", re.I),
        rf"\1{MASK}",
    ),
    # scheme://user:password@host — the userinfo password of any URL (store URLs, proxies)
    (re.compile(r"([a-z][a-z0-9+.\-]*://[^\s/:@]*:)[^\s@]+(@)", re.I), rf"\1{MASK}\2"),
)


def remember_secret(value: str | bytes | None) -> None:
    """Mask ``value`` wherever it appears from now on (this process)."""
    if value is None:
        return
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    if len(text) >= _MIN_REMEMBERED:
        with _remembered_lock:
            _remembered.add(text)


def redact(text: str) -> str:
    """``text`` with every remembered secret and every credential-shaped value masked."""
    # Shapes first: a remembered value that happens to be a word ("secret") must not break the
    # "client_secret=…" shape before that has masked its value.
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    with _remembered_lock:
        known = sorted(_remembered, key=len, reverse=True)  # longest first: no partial leftovers
    for secret in known:
        text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record in place so no handler or formatter ever sees the secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a library's bad format string: keep the raw parts
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(*, debug: bool) -> None:
    """Root logging to stderr, through :class:`RedactingFilter` on every root handler.

    Without ``--debug`` MSAL is kept to CRITICAL: its ERROR records carry a traceback for
    failures we already report as one-line :class:`~m365inv.errors.AuthError` messages.
    """
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("msal").setLevel(logging.NOTSET if debug else logging.CRITICAL)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
