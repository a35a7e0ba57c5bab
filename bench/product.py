"""Child process: one m365inv collection run; prints its metrics as JSON on stdout.

``python -m bench.product INFO.json [--previous SNAP] [--save SNAP]``. Runs in its own process so
that CPU time and peak RSS are the product's alone (the sandbox runs in a process of its own).
Peak RSS is ``ru_maxrss``: the scan's peak is read before analysis, the whole run's after the
last report — the same stages, in the same order, as ``m365inv scan``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from bench.tokens import BenchTokenSource
from m365inv import aiorun
from m365inv.catalog import load_catalog
from m365inv.collect import CollectOptions, collect_tenant
from m365inv.collect.progress import ScanProgress
from m365inv.models import TenantData
from m365inv.pipeline import build_inventory
from m365inv.reports import FORMATS, write_reports
from m365inv.resolve import resolve_apps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("info")
    ap.add_argument("--previous")
    ap.add_argument("--save")
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument(
        "--pipeline", action="store_true", help="Then also time analysis and every report."
    )
    ap.add_argument(
        "--per-format", action="store_true", help="Then render each format again on its own."
    )
    args = ap.parse_args()
    info = json.loads(Path(args.info).read_text())
    previous = None
    if args.previous:
        previous = msgspec.msgpack.decode(Path(args.previous).read_bytes(), type=TenantData)
    source = BenchTokenSource(info)
    source.token()  # sign-in is not part of the measured scan
    load = os.getloadavg()[0]
    progress = ScanProgress()
    t0, c0, m0 = time.perf_counter(), time.process_time(), time.monotonic()
    tenant = aiorun.run(
        collect_tenant(
            source,
            previous=previous,
            options=CollectOptions(concurrency=args.concurrency),
            progress=progress,
        )
    )
    apps = resolve_apps(tenant)
    wall, cpu, m1 = time.perf_counter() - t0, time.process_time() - c0, time.monotonic()
    stats = progress.stats
    assert stats is not None
    if args.save:
        with Path(args.save).open("wb") as fh:
            write_msgpack(tenant, fh)
    rss_collect = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rest: dict[str, Any] = pipeline_rest(tenant, args.per_format) if args.pipeline else {}
    print(
        json.dumps(
            {
                **rest,
                "wall": wall,
                "load": load,
                "t0_mono": m0,  # the sandbox's chain timings use the same clock
                "t1_mono": m1,
                "cpu": cpu,
                "rss_mb": rss_collect,  # the scan's peak, before analysis and reports
                "rss_all_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "requests": stats.requests,
                "inner": stats.inner_requests,
                "retried": stats.retried,
                "throttled": stats.throttled,
                "objects": stats.objects,
                "ru": stats.resource_units,
                "users": len(tenant.users),
                "grants": len(tenant.delegated_grants),
                "sps": len(tenant.service_principals),
                "groups": len(tenant.groups),
                "apps": len(apps),
                "complete": all(c.complete for c in tenant.coverage),
                "gaps": [c.source for c in tenant.coverage if not c.complete],
                "summary": progress.summary(),
            }
        )
    )


def write_msgpack(tenant: TenantData, out: BinaryIO, chunk: int = 4096) -> None:
    """``msgspec.msgpack.encode(tenant)``'s bytes, written a chunk of records at a time.

    The benchmark keeps its snapshot in a file between the full scan and the repeat; encoding a
    million-user tenant in one call held a 320 MB ``bytes`` next to the tenant and set the scan's
    peak RSS. A struct encodes as a map of its fields in order; a long tuple as an array header
    and its items, so each chunk is encoded as a list and its own array header dropped.
    """
    names = tenant.__struct_encode_fields__
    out.write(_header(len(names), 0x80, 0xDE))
    for name, attr in zip(names, tenant.__struct_fields__, strict=True):
        out.write(msgspec.msgpack.encode(name))
        value = getattr(tenant, attr)
        if not isinstance(value, tuple) or len(value) <= chunk:
            out.write(msgspec.msgpack.encode(value))
            continue
        out.write(_header(len(value), 0x90, 0xDC))
        for i in range(0, len(value), chunk):
            part = value[i : i + chunk]
            out.write(msgspec.msgpack.encode(part)[len(_header(len(part), 0x90, 0xDC)) :])


def _header(n: int, fix: int, wide: int) -> bytes:
    """msgpack map (0x80 / 0xde) or array (0x90 / 0xdc) header for ``n`` entries."""
    if n < 16:
        return bytes([fix | n])
    if n < 1 << 16:
        return bytes([wide]) + n.to_bytes(2, "big")
    return bytes([wide + 1]) + n.to_bytes(4, "big")


def pipeline_rest(tenant: TenantData, per_format: bool) -> dict[str, Any]:
    """The stages after collection, timed separately (they run once the scan's data is in).

    With ``per_format`` each format is then rendered again on its own, for profiling: one
    format at a time never holds more than all of them together, so the whole-run peak stands.
    """
    t0 = time.perf_counter()
    inv = build_inventory(tenant, load_catalog(), now=dt.datetime.now(dt.UTC))
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_reports(inv, Path(out), FORMATS, "en")
    t2 = time.perf_counter()
    result: dict[str, Any] = {"analyse_s": t1 - t0, "reports_s": t2 - t1, "flows": len(inv.flows)}
    if per_format:
        timings = {}
        with tempfile.TemporaryDirectory() as out:
            for fmt in FORMATS:
                t = time.perf_counter()
                write_reports(inv, Path(out), [fmt], "en")
                timings[fmt] = time.perf_counter() - t
        result["per_format"] = timings
    return result


if __name__ == "__main__":
    main()
