"""OData query options as Graph's directory endpoints accept them: ``$top``, ``$select``,
``$filter`` (only ``prop eq value`` on the properties a listing allows), ``$count``, and the
opaque ``$skiptoken`` / ``$deltatoken`` (base64url JSON with a keyed checksum, so clients cannot
forge positions and a token from another sandbox is rejected)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from m365inv.sandbox.graph.errors import GraphError, bad_request, unsupported

MAX_TOP = 999
DEFAULT_TOP = 100
_FILTER = re.compile(
    r"^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false|null|-?\d+)|([0-9a-fA-F-]{36}))\s*$"
)  # Edm.Guid properties (appOwnerOrganizationId) take an unquoted GUID literal


@dataclass(frozen=True)
class Query:
    top: int
    select: tuple[str, ...] | None
    filter: tuple[str, Any] | None
    count: bool
    skiptoken: str | None
    deltatoken: str | None
    expand: str | None


def parse_query(
    params: Mapping[str, str], *, max_top: int = MAX_TOP, default_top: int = DEFAULT_TOP
) -> Query:
    top = default_top
    raw_top = params.get("$top")
    if raw_top is not None:
        if not raw_top.strip().isdigit() or not 1 <= int(raw_top) <= max_top:
            raise unsupported(
                f"Invalid page size specified: '{raw_top}'. Must be between 1 and "
                f"{max_top} inclusive."
            )
        top = int(raw_top)
    select = None
    if params.get("$select"):
        select = tuple(s.strip() for s in params["$select"].split(",") if s.strip())
    flt = None
    if params.get("$filter"):
        m = _FILTER.match(params["$filter"])
        if not m:
            raise unsupported("Unsupported Query.")
        prop, text, literal, guid = m.groups()
        text = guid.lower() if guid else text
        value: Any = (
            text.replace("''", "'")
            if text is not None
            else {"true": True, "false": False, "null": None}.get(literal, literal)
        )
        if literal and literal.lstrip("-").isdigit():
            value = int(literal)
        flt = (prop, value)
    count_raw = params.get("$count")
    if count_raw not in (None, "true", "false"):
        raise bad_request(f"Invalid value '{count_raw}' for $count.")
    return Query(
        top=top,
        select=select,
        filter=flt,
        count=count_raw == "true",
        skiptoken=params.get("$skiptoken"),
        deltatoken=params.get("$deltatoken"),
        expand=params.get("$expand"),
    )


def _sig(secret: str, payload: bytes) -> str:
    return hashlib.blake2b(payload, key=secret.encode()[:64], digest_size=6).hexdigest()


def encode_token(secret: str, state: dict[str, Any]) -> str:
    payload = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    blob = _sig(secret, payload).encode() + b"." + payload
    return base64.urlsafe_b64encode(blob).decode().rstrip("=")


def decode_token(secret: str, token: str, *, what: str = "$skiptoken") -> dict[str, Any]:
    try:
        blob = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        sig, payload = blob.split(b".", 1)
        if sig.decode() != _sig(secret, payload):
            raise ValueError("signature")
        state = json.loads(payload)
        if not isinstance(state, dict):
            raise ValueError("shape")
        return state
    except (ValueError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_request(f"Invalid {what} value '{token[:40]}'.") from exc


def query_fingerprint(params: Mapping[str, str]) -> str:
    """Ties a skiptoken to the query it continues (changing $filter mid-chain is an error)."""
    keys = ("$select", "$filter", "$top", "$count", "$expand")
    text = "&".join(f"{k}={params.get(k, '')}" for k in keys)
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()


def check_select(select: tuple[str, ...] | None, known: frozenset[str], type_name: str) -> None:
    for prop in select or ():
        if prop not in known:
            raise GraphError(
                400,
                "Request_BadRequest",
                f"Could not find a property named '{prop}' on type 'microsoft.graph.{type_name}'.",
            )


def check_filter(flt: tuple[str, Any] | None, allowed: frozenset[str], resource: str) -> None:
    if flt is not None and flt[0] not in allowed:
        raise unsupported(
            f"Unsupported or invalid query filter clause specified for property "
            f"'{flt[0]}' of resource '{resource}'."
        )
