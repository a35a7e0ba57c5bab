"""Device-code grants and refresh tokens: the sandbox's only user-facing sign-in state.

Entra's device flow (RFC 8628): ``/devicecode`` hands out a ``device_code`` for the client to poll
with and a short ``user_code`` for the person to type at the verification page. Here the person is
a test or ``m365inv sandbox approve CODE``; until then polling answers ``authorization_pending``,
after ``expires_in`` ``expired_token``, after a decline ``authorization_declined``.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Literal

from m365inv.sandbox import identity_errors as E

_USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: people type these

State = Literal["pending", "approved", "declined"]


@dataclass
class DeviceGrant:
    device_code: str
    user_code: str
    client_id: str
    resource: str
    scopes: frozenset[str]  # permission names without the resource prefix (".default" allowed)
    oidc_scopes: frozenset[str]
    expires_at: float
    state: State = "pending"
    user: tuple[str, str] | None = None  # (object id, UPN) once approved


@dataclass(frozen=True)
class RefreshGrant:
    client_id: str
    user: tuple[str, str]
    scopes: frozenset[str]  # the delegated scopes the user consented to


@dataclass
class DeviceCodes:
    """Thread-safe: approvals come from test threads, polling from the server loop."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    by_device: dict[str, DeviceGrant] = field(default_factory=dict)
    by_user: dict[str, DeviceGrant] = field(default_factory=dict)
    refresh: dict[str, RefreshGrant] = field(default_factory=dict)

    def create(
        self,
        *,
        client_id: str,
        resource: str,
        scopes: frozenset[str],
        oidc_scopes: frozenset[str],
        lifetime_s: int,
    ) -> DeviceGrant:
        with self.lock:
            self._expire_old()
            while True:
                user_code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(9))
                if user_code not in self.by_user:
                    break
            grant = DeviceGrant(
                device_code=secrets.token_urlsafe(48),
                user_code=user_code,
                client_id=client_id,
                resource=resource,
                scopes=scopes,
                oidc_scopes=oidc_scopes,
                expires_at=time.time() + lifetime_s,
            )
            self.by_device[grant.device_code] = grant
            self.by_user[user_code] = grant
            return grant

    def decide(self, user_code: str, user: tuple[str, str] | None, *, approve: bool) -> bool:
        """Approve (as ``user``) or decline a pending code; False if unknown or expired."""
        with self.lock:
            grant = self.by_user.get(user_code.strip().upper().replace("-", ""))
            if grant is None or grant.expires_at < time.time() or grant.state != "pending":
                return False
            grant.state = "approved" if approve else "declined"
            grant.user = user
            return True

    def redeem(self, device_code: str, client_id: str) -> DeviceGrant:
        """The poll: the approved grant (consumed), or the Entra error to answer with."""
        with self.lock:
            grant = self.by_device.get(device_code)
            if grant is None or grant.client_id != client_id:
                raise E.bad_device_code()
            if grant.expires_at < time.time():
                raise E.device_code_expired()
            if grant.state == "pending":
                raise E.authorization_pending()
            if grant.state == "declined":
                raise E.device_code_declined()
            del self.by_device[device_code]
            self.by_user.pop(grant.user_code, None)
            return grant

    def issue_refresh(self, grant: RefreshGrant) -> str:
        token = "0.SB" + secrets.token_urlsafe(96)
        with self.lock:
            self.refresh[token] = grant
        return token

    def refresh_grant(self, token: str, client_id: str) -> RefreshGrant:
        with self.lock:
            grant = self.refresh.get(token)
        if grant is None or grant.client_id != client_id:
            raise E.bad_refresh_token()
        return grant

    def clear(self) -> None:
        with self.lock:
            self.by_device.clear()
            self.by_user.clear()
            self.refresh.clear()

    def _expire_old(self) -> None:
        """Drop codes long past expiry so a long-running serve does not accumulate them."""
        cutoff = time.time() - 3600
        for code in [c for c, g in self.by_device.items() if g.expires_at < cutoff]:
            grant = self.by_device.pop(code)
            self.by_user.pop(grant.user_code, None)
