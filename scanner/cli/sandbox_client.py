"""What the sandbox commands share: where its info file is, reading it, and one HTTPS call to
the running sandbox that trusts its CA (and nothing from ``REQUESTS_CA_BUNDLE``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from m365inv.errors import ConfigError, SandboxError
from m365inv.inputfiles import MiB, decode_text, parse_json, read_limited

ADMIN_HEADER = "X-Sandbox-Admin"  # scanner.sandbox.admin.ADMIN_HEADER (not imported: aiohttp)

if TYPE_CHECKING:
    import requests


def default_state_dir() -> Path:
    import platformdirs

    return platformdirs.user_state_path("m365inv") / "sandbox"


def _read_info(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise ConfigError(
            f"no sandbox info file at {path}", tip="start one with `m365inv sandbox serve`"
        )
    raw = read_limited(path, limit=MiB, what="sandbox info file")
    data = parse_json(decode_text(raw, str(path)), str(path))
    if not isinstance(data, dict) or not {"authority_host", "ca_bundle"} <= data.keys():
        raise ConfigError(f"{path} is not a sandbox info file")
    return data


def load_info(path: Path | None) -> dict[str, Any]:
    """The running sandbox's info file (default: ``info.json`` in the default state dir)."""
    return _read_info(path or default_state_dir() / "info.json")


def post(
    info: dict[str, Any], path: str, body: object, headers: dict[str, str] | None = None
) -> requests.Response:
    """POST ``body`` as JSON to the sandbox described by ``info``; unreachable is one line."""
    import requests

    with requests.Session() as session:
        session.trust_env = False  # the sandbox CA, whatever REQUESTS_CA_BUNDLE says
        session.verify = str(info["ca_bundle"])
        try:
            return session.post(
                f"{info['authority_host']}{path}", json=body, headers=headers, timeout=10
            )
        except requests.RequestException as exc:
            raise SandboxError(
                f"sandbox at {info['authority_host']} is not reachable ({type(exc).__name__})",
                tip="is `m365inv sandbox serve` still running?",
            ) from None


def admin_post(info: dict[str, Any], path: str, body: object) -> requests.Response:
    """:func:`post` with the sandbox's admin secret from its info file (device-code approval,
    tenant mutations); a refused secret is one line naming the likely cause."""
    secret = info.get("admin_secret")
    if not isinstance(secret, str) or not secret:
        raise ConfigError(
            "the sandbox info file holds no admin secret (written by an older m365inv?)",
            tip="restart `m365inv sandbox serve` to write a new one",
        )
    response = post(info, path, body, {ADMIN_HEADER: secret})
    if response.status_code in (401, 403):
        raise SandboxError("the sandbox refused the admin secret (info file of another sandbox?)")
    return response
