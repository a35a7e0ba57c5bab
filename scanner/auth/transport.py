"""HTTP for MSAL: pinned trust, bounded timeouts, and retries for transient token failures.

The session does not read ``REQUESTS_CA_BUNDLE`` / ``CURL_CA_BUNDLE`` (``trust_env = False``):
those are set machine-wide here and would silently replace a profile's ``ca_bundle``. Proxies
from the environment are still honoured, per URL, so corporate networks keep working.

Retries sit *below* MSAL on purpose: MSAL's own throttling cache replays a 429/5xx answer for
its Retry-After period, so retrying above it would only re-read the cached failure.
"""

from __future__ import annotations

import logging
import ssl
from pathlib import Path
from typing import Any

import requests
from requests.utils import get_environ_proxies
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    retry_if_result,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
)

from m365inv.errors import ConfigError

log = logging.getLogger(__name__)

TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 4
MAX_RETRY_AFTER_S = 10.0
TIMEOUT = (10.0, 30.0)  # connect, read


def _check_bundle(ca_bundle: Path | None) -> str | None:
    if ca_bundle is None:
        return None
    if not ca_bundle.is_file():
        raise ConfigError(f"ca_bundle {ca_bundle} does not exist")
    return str(ca_bundle)


def ssl_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """A verifying context: only ``ca_bundle`` when given, else the system's trust store."""
    return ssl.create_default_context(cafile=_check_bundle(ca_bundle))


def _wait(state: RetryCallState) -> float:
    backoff = wait_exponential(multiplier=0.2, max=2.0)(state)
    outcome = state.outcome
    if outcome is not None and not outcome.failed:
        response: requests.Response = outcome.result()
        try:
            return max(
                backoff, min(float(response.headers.get("Retry-After", 0)), MAX_RETRY_AFTER_S)
            )
        except ValueError:
            return backoff
    return backoff


class TokenHttpSession(requests.Session):
    """``requests.Session`` with pinned verification, default timeouts and bounded retries."""

    def __init__(self, ca_bundle: Path | None, *, max_attempts: int = MAX_ATTEMPTS) -> None:
        super().__init__()
        self.trust_env = False
        self.verify = _check_bundle(ca_bundle) or True
        self._max_attempts = max_attempts

    def request(
        self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any
    ) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        kwargs.setdefault("proxies", get_environ_proxies(str(url)))
        kwargs["verify"] = self.verify  # callers (MSAL) must not loosen it
        retrying = Retrying(
            stop=stop_after_attempt(self._max_attempts) | stop_after_delay(45),
            wait=_wait,
            retry=retry_if_exception(_transient_error)
            | retry_if_result(lambda r: r.status_code in TRANSIENT_STATUS),
            retry_error_callback=_last_answer,
            before_sleep=lambda s: log.debug(
                "token endpoint transient failure, retry %d", s.attempt_number
            ),
            reraise=True,
        )
        response: requests.Response = retrying(super().request, method, url, *args, **kwargs)
        return response


def _transient_error(exc: BaseException) -> bool:
    # SSLError is a ConnectionError in requests, but a certificate problem never heals by retrying.
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    return isinstance(exc, requests.ConnectionError | requests.Timeout)


def _last_answer(state: RetryCallState) -> requests.Response:
    """Out of attempts: hand MSAL the last response (or raise the last connection error)."""
    assert state.outcome is not None
    return state.outcome.result()  # type: ignore[no-any-return]
