"""Signing and checking the sandbox's access tokens (RS256 JWTs shaped like Entra's v1 tokens).

Graph accepts v1.0 access tokens whose ``iss`` is ``https://sts.windows.net/{tid}/`` and whose
``aud`` is the resource; app-only tokens carry ``roles``, delegated tokens ``scp``. The sandbox
signs with one RSA key published in its JWKS (``kid`` = ``x5t`` = the SHA-1 thumbprint of the
signing certificate, as Entra does), so any standards-following validator could check them.

Verification sits on every Graph request, and a benchmark drives thousands of requests a second:
an RSA verify costs ~30 µs, so verified claims are kept in a small LRU keyed by the token string
and only the cheap time/audience checks run per request.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from m365inv.sandbox.context import Caller, TokenRejected

_CACHE_SIZE = 4096
_CLOCK_SKEW_S = 300  # Graph tolerates five minutes of skew on nbf / exp


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_uint(value: int) -> str:
    return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


def sts_issuer(tenant_id: str) -> str:
    return f"https://sts.windows.net/{tenant_id}/"


class TokenSigner:
    """The tenant's token-signing key: mints access / id tokens and verifies bearer tokens."""

    def __init__(self, tenant_id: str) -> None:
        self.tenant_id = tenant_id
        self._cache: OrderedDict[str, _Verified] = OrderedDict()
        self._lock = threading.Lock()
        self.rotate()

    def rotate(self) -> None:
        """A new signing key (Entra rolls its keys over): tokens signed before no longer verify,
        as a cached token does not after a real rollover, until the client gets a new one."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = dt.datetime.now(dt.UTC)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "accounts.sandbox.m365inv")])
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=365))
            .sign(key, hashes.SHA256())
        )
        with self._lock:
            self._key, self._public, self._cert = key, key.public_key(), cert
            self.kid = b64url(cert.fingerprint(hashes.SHA1()))  # noqa: S303 - x5t is SHA-1
            self._cache.clear()

    def jwks(self, issuer: str) -> dict[str, Any]:
        numbers = self._public.public_numbers()
        der = self._cert.public_bytes(serialization.Encoding.DER)
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "kid": self.kid,
                    "x5t": self.kid,
                    "n": _b64url_uint(numbers.n),
                    "e": _b64url_uint(numbers.e),
                    "x5c": [base64.b64encode(der).decode()],
                    "issuer": issuer,
                }
            ]
        }

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(
            claims, self._key, algorithm="RS256", headers={"kid": self.kid, "x5t": self.kid}
        )

    def access_token(
        self,
        *,
        audience: str,
        client_id: str,
        client_name: str,
        lifetime_s: int,
        roles: frozenset[str] = frozenset(),
        scopes: frozenset[str] = frozenset(),
        user: tuple[str, str] | None = None,
        appidacr: str = "1",
    ) -> tuple[str, int]:
        """Mint a token; returns (jwt, expires_in). ``user`` = (object id, UPN) for delegated."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "aud": audience,
            "iss": sts_issuer(self.tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + lifetime_s,
            "app_displayname": client_name,
            "appid": client_id,
            "appidacr": appidacr,
            "idp": sts_issuer(self.tenant_id),
            "tid": self.tenant_id,
            "uti": b64url(uuid.uuid4().bytes),
            "ver": "1.0",
        }
        if user is None:
            sp_oid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"sp:{self.tenant_id}:{client_id}"))
            claims.update(idtyp="app", oid=sp_oid, sub=sp_oid, roles=sorted(roles))
        else:
            oid, upn = user
            claims.update(idtyp="user", oid=oid, sub=oid, upn=upn, unique_name=upn)
            claims["scp"] = " ".join(sorted(scopes))
        return self.sign(claims), lifetime_s

    def id_token(self, *, issuer: str, client_id: str, user: tuple[str, str], name: str) -> str:
        now = int(time.time())
        oid, upn = user
        return self.sign(
            {
                "aud": client_id,
                "iss": issuer,
                "iat": now,
                "nbf": now,
                "exp": now + 3600,
                "name": name,
                "oid": oid,
                "preferred_username": upn,
                "sub": oid,
                "tid": self.tenant_id,
                "ver": "2.0",
            }
        )

    def client_info(self, oid: str) -> str:
        return b64url(json.dumps({"uid": oid, "utid": self.tenant_id}).encode())

    # -- verification (called on every Graph request) --

    def _verified(self, token: str) -> _Verified:
        with self._lock:
            hit = self._cache.get(token)
            if hit is not None:
                self._cache.move_to_end(token)
                return hit
        if token.count(".") != 2:
            raise TokenRejected(
                "InvalidAuthenticationToken", "IDX14100: JWT is not well formed, there are no dots."
            )
        try:
            claims = jwt.decode(
                token,
                self._public,
                algorithms=["RS256"],
                options={"verify_exp": False, "verify_nbf": False, "verify_aud": False},
            )
        except jwt.InvalidSignatureError as exc:
            raise TokenRejected(
                "InvalidAuthenticationToken",
                "Access token validation failure. Invalid signature.",
            ) from exc
        except jwt.InvalidTokenError as exc:
            raise TokenRejected(
                "InvalidAuthenticationToken",
                "CompactToken parsing failed with error code: 80049217",
            ) from exc
        verified = self._digest(claims)
        with self._lock:
            self._cache[token] = verified
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return verified

    def _digest(self, claims: dict[str, Any]) -> _Verified:
        """What the per-request checks need, computed once per token."""
        delegated = claims.get("idtyp") == "user"
        caller = Caller(
            client_id=str(claims.get("appid", "")),
            tenant_id=self.tenant_id,
            roles=frozenset(claims.get("roles", ())),
            scopes=frozenset(str(claims.get("scp", "")).split()) if delegated else frozenset(),
            user_id=str(claims.get("oid")) if delegated else None,
        )
        return _Verified(
            exp=float(claims.get("exp", 0)),
            nbf=float(claims.get("nbf", 0)),
            audience=str(claims.get("aud", "")).rstrip("/"),
            issuer_ok=claims.get("tid") == self.tenant_id
            and claims.get("iss") == sts_issuer(self.tenant_id),
            caller=caller,
        )

    def authenticate(
        self, authorization: str | None, audience_base: str, aliases: tuple[str, ...] = ()
    ) -> Caller:
        """``Authorization`` header → :class:`Caller`, or :class:`TokenRejected` (Graph wording).

        ``aliases``: other audiences that name the same service (Graph's well-known ids)."""
        if not authorization or not authorization[:7].lower() == "bearer ":
            raise TokenRejected("InvalidAuthenticationToken", "Access token is empty.")
        token = authorization[7:].strip()
        if not token:
            raise TokenRejected("InvalidAuthenticationToken", "Access token is empty.")
        verified = self._verified(token)
        now = time.time()
        if verified.exp + _CLOCK_SKEW_S < now or verified.nbf - _CLOCK_SKEW_S > now:
            raise TokenRejected(
                "InvalidAuthenticationToken", "Access token has expired or is not yet valid."
            )
        if verified.audience != audience_base.rstrip("/") and verified.audience not in aliases:
            raise TokenRejected(
                "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."
            )
        if not verified.issuer_ok:
            raise TokenRejected(
                "InvalidAuthenticationToken", "Access token validation failure. Invalid issuer."
            )
        return verified.caller


@dataclass(frozen=True, slots=True)
class _Verified:
    exp: float
    nbf: float
    audience: str
    issuer_ok: bool
    caller: Caller


def thumbprints(cert_pem: bytes) -> tuple[str, str]:
    """(x5t, x5t#S256) of a PEM certificate, base64url as they appear in a JWT header."""
    cert = x509.load_pem_x509_certificate(cert_pem)
    der = cert.public_bytes(serialization.Encoding.DER)
    sha1 = hashlib.sha1(der).digest()  # noqa: S324 - x5t is defined as SHA-1
    return b64url(sha1), b64url(hashlib.sha256(der).digest())
