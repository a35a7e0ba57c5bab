"""Files a user hands us — profiles, vendor catalogs, add-in exports, inventory files — read
with bounds, so a hostile or broken file is one error line naming it (exit 2), never an
"internal error", a hang or a memory blow-up.

The hazards, each bounded here once:

* **size**: a file is read only up to its kind's limit (checked on the bytes actually read,
  not just ``stat``, so a growing file or a FIFO cannot slip past);
* **depth**: parsers recurse, so ``[[[[…]]]]`` a few thousand deep raised ``RecursionError``;
  the parse is guarded and the result's depth is capped at :data:`MAX_DEPTH`;
* **size after parsing**: YAML aliases (the "billion laughs") expand a 300-byte file into
  billions of nodes for whoever walks it; the walk counts every visit up to :data:`MAX_NODES`;
* **numbers**: ``NaN``, ``Infinity`` and ``1e999`` are not data we accept anywhere (Python's
  ``json`` takes them by default); integers longer than Python's 4,300-digit limit raise
  ``ValueError``, now a parse error like any other.
"""

from __future__ import annotations

import json
import math
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from m365inv.errors import ConfigError, ScannerError

MAX_DEPTH = 64
MAX_NODES = 2_000_000
MiB = 1024 * 1024


def read_limited(
    path: Path, *, limit: int, what: str, error: type[ScannerError] = ConfigError
) -> bytes:
    """At most ``limit`` bytes of ``path``; ``error`` naming the file when it is larger."""
    try:
        # O_NONBLOCK: a FIFO planted where a file was expected must not hang the run
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise error(f"{path}: {what} is not a regular file")
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror}") from None
    if len(data) > limit:
        raise error(f"{path}: {what} is larger than {_size(limit)}")
    return data


def _size(limit: int) -> str:
    return f"{limit // MiB} MiB" if limit >= MiB else f"{limit // 1024} KiB"


def check_tree(value: Any, where: str, *, error: type[ScannerError] = ConfigError) -> None:
    """Refuse a parsed document nested deeper than :data:`MAX_DEPTH`, with more than
    :data:`MAX_NODES` nodes (aliases counted at every use) or holding a non-finite float."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    nodes = 0
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise error(
                f"{where}: too many values (more than {MAX_NODES:,}; aliases count each use)"
            )
        if isinstance(item, float) and not math.isfinite(item):
            raise error(f"{where}: {item!r} is not a number we accept")
        children: Any = ()
        if isinstance(item, dict):
            children = [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple):
            children = item
        if children and depth >= MAX_DEPTH:
            raise error(f"{where}: nested more than {MAX_DEPTH} levels deep")
        stack.extend((child, depth + 1) for child in children)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_json(text: str | bytes, where: str, *, error: type[ScannerError] = ConfigError) -> Any:
    """JSON without ``NaN``/``Infinity``, bounded in depth and size; ``error`` on any problem."""
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise error(f"{where}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:  # NaN / Infinity, or an integer beyond Python's digit limit
        raise error(f"{where}: not valid JSON ({str(exc).splitlines()[0]})") from None
    except RecursionError:
        raise error(f"{where}: nested more than {MAX_DEPTH} levels deep") from None
    check_tree(data, where, error=error)
    return data


def parse_toml(text: str, where: str, *, error: type[ScannerError] = ConfigError) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{where}: not valid TOML ({exc})") from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise error(f"{where}: not valid TOML ({str(exc).splitlines()[0]})") from None
    except RecursionError:
        raise error(f"{where}: nested more than {MAX_DEPTH} levels deep") from None
    check_tree(data, where, error=error)
    return data


def parse_yaml(text: str, where: str, *, error: type[ScannerError] = ConfigError) -> Any:
    import yaml  # not at import time: the CLI's --help must stay light

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(f"{where}: not valid YAML: {str(exc).splitlines()[0]}") from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise error(f"{where}: not valid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise error(f"{where}: nested more than {MAX_DEPTH} levels deep") from None
    check_tree(data, where, error=error)
    return data


def decode_text(data: bytes, where: str, *, error: type[ScannerError] = ConfigError) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{where}: not UTF-8 text") from None
