"""Tenant profiles: one ``[tenants.NAME]`` table per tenant in a TOML file.

See DESIGN.md "Configuration".

The file never holds a secret — those live in the vault or the environment — so it can be kept
in version control. Reading uses :mod:`tomllib`; writing edits the file's text (appending or
cutting one table) so the user's comments survive, and the result is re-parsed before it replaces
the file atomically.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

import platformdirs

from m365inv.atomic import write_text_atomic
from m365inv.errors import ConfigError
from m365inv.inputfiles import MiB, decode_text, parse_toml, read_limited

AuthMethod = Literal["secret", "certificate", "device_code", "managed_identity"]
Cloud = Literal["global", "usgov", "usgovdod", "china", "custom"]

ENV_CONFIG = "M365INV_CONFIG"


@dataclass(frozen=True)
class CloudEndpoints:
    authority_host: str
    graph_endpoint: str
    exchange_endpoint: str


# https://learn.microsoft.com/graph/deployments — Entra ID and Graph root endpoints per cloud.
CLOUDS: dict[str, CloudEndpoints] = {
    "global": CloudEndpoints(
        "https://login.microsoftonline.com",
        "https://graph.microsoft.com",
        "https://outlook.office365.com",
    ),
    "usgov": CloudEndpoints(
        "https://login.microsoftonline.us",
        "https://graph.microsoft.us",
        "https://outlook.office365.us",
    ),
    "usgovdod": CloudEndpoints(
        "https://login.microsoftonline.us",
        "https://dod-graph.microsoft.us",
        "https://webmail.apps.mil",
    ),
    "china": CloudEndpoints(
        "https://login.chinacloudapi.cn",
        "https://microsoftgraph.chinacloudapi.cn",
        "https://partner.outlook.cn",
    ),
}

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DOMAIN = re.compile(
    r"^(?=.{4,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$"
)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_ENDPOINT_KEYS = ("authority_host", "graph_endpoint", "exchange_endpoint")
KEYS = (
    "tenant_id",
    "client_id",
    "auth",
    "cloud",
    *_ENDPOINT_KEYS,
    "ca_bundle",
    "certificate_path",
    *("controller", "representative", "dpo"),
    "dpa_on_file",
)
RECORD_KEYS = ("controller", "representative", "dpo")
"""Free text for the Art. 30 record's header (name and contact of the controller, its EU
representative, its data-protection officer); reports mark them "to be completed" when absent."""


@dataclass(frozen=True)
class Profile:
    """One tenant as the scanner reaches it; endpoints already resolved from ``cloud``."""

    name: str
    tenant_id: str
    client_id: str | None
    auth: AuthMethod
    cloud: Cloud
    authority_host: str
    graph_endpoint: str
    exchange_endpoint: str
    ca_bundle: Path | None = None
    certificate_path: Path | None = None
    controller: str | None = None
    representative: str | None = None
    dpo: str | None = None
    # Catalog ids of vendors with a signed data-processing agreement (Art. 28 GDPR, AVV): a
    # tenant scan cannot see contracts, so the controller records them here.
    dpa_on_file: tuple[str, ...] = ()

    @property
    def authority(self) -> str:
        return f"{self.authority_host}/{self.tenant_id}"

    def admin_consent_url(self) -> str:
        return f"{self.authority}/adminconsent?client_id={self.client_id}"

    def to_toml_fields(self) -> dict[str, str | list[str]]:
        """The keys as they are written back: endpoints only for ``custom``."""
        out: dict[str, str | list[str]] = {"tenant_id": self.tenant_id}
        if self.client_id:
            out["client_id"] = self.client_id
        out["auth"] = self.auth
        out["cloud"] = self.cloud
        if self.cloud == "custom":
            out["authority_host"] = self.authority_host
            out["graph_endpoint"] = self.graph_endpoint
            if self.exchange_endpoint != self.graph_endpoint:
                out["exchange_endpoint"] = self.exchange_endpoint
        if self.ca_bundle:
            out["ca_bundle"] = str(self.ca_bundle)
        if self.certificate_path:
            out["certificate_path"] = str(self.certificate_path)
        for key in RECORD_KEYS:
            if (value := getattr(self, key)) is not None:
                out[key] = value
        if self.dpa_on_file:
            out["dpa_on_file"] = list(self.dpa_on_file)
        return out


def config_path(option: Path | None = None) -> Path:
    """``--config FILE``, else ``$M365INV_CONFIG``, else the platform's user config directory."""
    if option is not None:
        return Path(option)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    return platformdirs.user_config_path("m365inv") / "profiles.toml"


# ----------------------------------------------------------------------------- validation


def _did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _choice(name: str, key: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        hint = _did_you_mean(str(value), allowed) or f"; one of {', '.join(allowed)}"
        raise ConfigError(f"profile {name!r}: {key} = {value!r} is not valid{hint}")
    return value


def _https(name: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not re.match(r"^https://[^/\s?#]+(/[^\s?#]*)?$", value):
        raise ConfigError(f"profile {name!r}: {key} must be an https:// URL, got {value!r}")
    return value.rstrip("/")


def _path(name: str, key: str, value: object, base: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"profile {name!r}: {key} must be a file path")
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path)


def validate_profile(name: str, raw: dict[str, Any], *, base: Path = Path()) -> Profile:
    """A :class:`Profile` from one ``[tenants.NAME]`` table, or ConfigError naming the problem."""
    if not _NAME.match(name):
        raise ConfigError(f"profile name {name!r}: use letters, digits, '-' and '_' (max 64)")
    for key in raw:
        if key not in KEYS:
            raise ConfigError(f"profile {name!r}: unknown key {key!r}{_did_you_mean(key, KEYS)}")
    tenant = raw.get("tenant_id")
    if not isinstance(tenant, str) or not (_GUID.match(tenant) or _DOMAIN.match(tenant)):
        raise ConfigError(
            f"profile {name!r}: tenant_id must be a GUID or a verified domain, got {tenant!r}"
        )
    auth = cast(AuthMethod, _choice(name, "auth", raw.get("auth", "secret"), get_args(AuthMethod)))
    client = raw.get("client_id")
    if client is None and auth != "managed_identity":
        raise ConfigError(f"profile {name!r}: client_id is required for auth = {auth!r}")
    if client is not None and (not isinstance(client, str) or not _GUID.match(client)):
        raise ConfigError(f"profile {name!r}: client_id must be a GUID, got {client!r}")
    cloud = cast(Cloud, _choice(name, "cloud", raw.get("cloud", "global"), get_args(Cloud)))
    if cloud == "custom":
        for key in _ENDPOINT_KEYS[:2]:
            if key not in raw:
                raise ConfigError(f"profile {name!r}: cloud = 'custom' needs {key}")
        host = _https(name, "authority_host", raw["authority_host"])
        graph = _https(name, "graph_endpoint", raw["graph_endpoint"])
        exchange = _https(name, "exchange_endpoint", raw.get("exchange_endpoint", graph))
    else:
        for key in _ENDPOINT_KEYS:
            if key in raw:
                raise ConfigError(
                    f"profile {name!r}: {key} is only allowed with cloud = 'custom' "
                    f"(cloud {cloud!r} has fixed endpoints)"
                )
        host, graph, exchange = (getattr(CLOUDS[cloud], k) for k in _ENDPOINT_KEYS)
    cert = raw.get("certificate_path")
    return Profile(
        name=name,
        tenant_id=tenant,
        client_id=client.lower() if isinstance(client, str) else None,
        auth=auth,
        cloud=cloud,
        authority_host=host,
        graph_endpoint=graph,
        exchange_endpoint=exchange,
        ca_bundle=_path(name, "ca_bundle", raw["ca_bundle"], base) if "ca_bundle" in raw else None,
        certificate_path=_path(name, "certificate_path", cert, base) if cert is not None else None,
        **{k: _text(name, k, raw[k]) for k in RECORD_KEYS if k in raw},
        dpa_on_file=_vendor_ids(name, raw.get("dpa_on_file", [])),
    )


_VENDOR_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # config/vendors/vendor.schema.json


def _vendor_ids(name: str, value: object) -> tuple[str, ...]:
    """The ``dpa_on_file`` list: catalog vendor ids (their existence is checked against the
    catalog in use by :func:`check_dpa_vendors`, which the scan commands call)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"profile {name!r}: dpa_on_file must be a list of catalog vendor ids")
    for v in value:
        if len(v) > 100 or not _VENDOR_ID.match(v):
            raise ConfigError(f"profile {name!r}: dpa_on_file: {v!r} is not a catalog vendor id")
    return tuple(dict.fromkeys(value))


def check_dpa_vendors(profile: Profile, known: list[str], config: Path | None = None) -> None:
    """ConfigError (exit 2) naming the profile file when ``dpa_on_file`` lists an id the catalog
    does not hold: a typo would otherwise silently keep the PROCESSOR_WITHOUT_DPA finding — or,
    worse, a stale id would look like a recorded contract for a vendor that is not there."""
    for v in profile.dpa_on_file:
        if v not in known:
            raise ConfigError(
                f"{config_path(config)}: profile {profile.name!r}: dpa_on_file: unknown vendor "
                f"id {v!r}{_did_you_mean(v, known)}",
                tip="list the catalog's vendor ids with: m365inv catalog list",
            )


def _text(name: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 500:
        raise ConfigError(f"profile {name!r}: {key} must be text (1–500 characters)")
    return value.strip()


# ----------------------------------------------------------------------------- loading


MAX_PROFILES_BYTES = MiB  # a few hundred tenants fit in a few dozen KiB


def _read_toml(path: Path) -> dict[str, Any]:
    """The parsed file, bounded in size and depth (:mod:`m365inv.inputfiles`)."""
    data = read_limited(path, limit=MAX_PROFILES_BYTES, what="profiles file")
    return parse_toml(decode_text(data, str(path)), str(path))


def load_profiles(config: Path | None = None) -> dict[str, Profile]:
    """Every profile in the config file; an absent default file means no profiles yet."""
    path = config_path(config)
    if not path.exists():
        if config is not None:
            raise ConfigError(f"config file {path} does not exist")
        return {}
    data = _read_toml(path)
    for key in data:
        if key != "tenants":
            raise ConfigError(
                f"{path}: unknown top-level key {key!r}{_did_you_mean(key, ['tenants'])}"
            )
    tenants = data.get("tenants", {})
    if not isinstance(tenants, dict):
        raise ConfigError(f"{path}: 'tenants' must be a table of [tenants.NAME] sections")
    out: dict[str, Profile] = {}
    for name, raw in tenants.items():
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: tenants.{name} must be a table")
        out[name] = validate_profile(name, raw, base=path.parent)
    return out


def get_profile(name: str, config: Path | None = None) -> Profile:
    profiles = load_profiles(config)
    if name not in profiles:
        hint = _did_you_mean(name, sorted(profiles))
        where = config_path(config)
        raise ConfigError(
            f"no profile {name!r} in {where}{hint}",
            tip="list them with: m365inv profile list; add one with: m365inv profile add",
        )
    return profiles[name]


# ----------------------------------------------------------------------------- writing


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string (JSON's string escapes are a subset of TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _toml_value(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(toml_string(v) for v in value) + "]"
    return toml_string(value)


def render_table(profile: Profile) -> str:
    lines = [f"[tenants.{profile.name}]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in profile.to_toml_fields().items()]
    return "\n".join(lines) + "\n"


def _table_span(lines: list[str], name: str) -> tuple[int, int] | None:
    header = re.compile(rf"^\s*\[\s*tenants\.(\"?){re.escape(name)}\1\s*\]\s*(#.*)?$")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines)
    )
    return start, end


def _replace_file(path: Path, text: str, check: Any) -> None:
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # our edit would break the file: refuse
        raise ConfigError(
            f"{path}: cannot edit this file safely ({exc}); edit it by hand"
        ) from None
    if not check(parsed.get("tenants", {})):
        raise ConfigError(f"{path}: cannot edit this file safely; edit it by hand")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    write_text_atomic(path, text, mode=0o600)


def add_profile(profile: Profile, config: Path | None = None, *, replace: bool = False) -> Path:
    path = config_path(config)
    existing = load_profiles(path) if path.exists() else {}
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    if profile.name in existing:
        if not replace:
            raise ConfigError(f"profile {profile.name!r} already exists in {path}")
        span = _table_span(lines, profile.name)
        if span is None:
            raise ConfigError(f"{path}: cannot find [tenants.{profile.name}]; edit it by hand")
        lines[span[0] : span[1]] = [render_table(profile), "\n"]
        text = "".join(lines)
    else:
        sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        text = text + sep + render_table(profile)
    fields = profile.to_toml_fields()
    _replace_file(path, text, lambda t: t.get(profile.name) == fields)
    return path


def remove_profile(name: str, config: Path | None = None) -> Path:
    path = config_path(config)
    get_profile(name, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    span = _table_span(lines, name)
    if span is None:
        raise ConfigError(f"{path}: cannot find [tenants.{name}]; edit it by hand")
    del lines[span[0] : span[1]]
    _replace_file(path, "".join(lines), lambda t: name not in t)
    return path
