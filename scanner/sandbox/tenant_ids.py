"""Deterministic ids and hashes: every generated object is a pure function of (seed, kind, index).

Object ids are UUIDv4-shaped; their last four bytes carry a keyed bijection of ``index``, so an
id can be mapped back to its index without an id → index table (a 1,000,000-user tenant keeps no
million-entry dict). ``index_of`` regenerates the id from the recovered index and compares, so a
forged or foreign id is rejected.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import uuid
from datetime import UTC, datetime, timedelta


def mix(seed: int, kind: str, index: int) -> int:
    """A 64-bit hash of (seed, kind, index): the one source of randomness for generated objects."""
    digest = hashlib.blake2b(f"{seed}:{kind}:{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


_MUL = (
    0x9E3779B1  # odd, so multiplication mod 2**32 is invertible: ids of neighbours look unrelated
)
_INV = pow(_MUL, -1, 2**32)


@functools.lru_cache(maxsize=64)
def _mask(seed: int, kind: str) -> int:
    return mix(seed, "mask:" + kind, 0) & 0xFFFFFFFF


def object_id(seed: int, kind: str, index: int) -> str:
    head = bytearray(hashlib.blake2b(f"{seed}:id:{kind}:{index}".encode(), digest_size=12).digest())
    head[6] = (head[6] & 0x0F) | 0x40  # version 4
    head[8] = (head[8] & 0x3F) | 0x80  # RFC 4122 variant
    tail = (((index * _MUL) & 0xFFFFFFFF) ^ _mask(seed, kind)).to_bytes(4, "big")
    return str(uuid.UUID(bytes=bytes(head) + tail))


def index_of(seed: int, kind: str, oid: str) -> int | None:
    """The index whose ``object_id`` is ``oid``, or None when ``oid`` is not one of ours."""
    try:
        raw = uuid.UUID(oid).bytes
    except (ValueError, AttributeError, TypeError):
        return None
    index = ((int.from_bytes(raw[12:], "big") ^ _mask(seed, kind)) * _INV) & 0xFFFFFFFF
    return index if object_id(seed, kind, index) == oid.lower() else None


def grant_id(client_id: str, resource_id: str, principal_id: str | None = None) -> str:
    """oauth2PermissionGrant ids in Entra are base64url(clientId ‖ resourceId [‖ principalId])."""
    raw = uuid.UUID(client_id).bytes_le + uuid.UUID(resource_id).bytes_le
    if principal_id:
        raw += uuid.UUID(principal_id).bytes_le
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def assignment_id(principal_id: str, salt: int) -> str:
    """appRoleAssignment ids are base64url strings starting with the principal's id bytes."""
    raw = uuid.UUID(principal_id).bytes_le + salt.to_bytes(8, "big") + b"\x00" * 8
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


EPOCH = datetime(2019, 3, 1, tzinfo=UTC)


def timestamp(h: int, span_days: int = 2000) -> str:
    """A creation timestamp spread over ``span_days`` after 2019-03-01, as Graph formats it."""
    moment = EPOCH + timedelta(seconds=h % (span_days * 86400))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
