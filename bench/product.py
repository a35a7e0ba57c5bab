"""Child process: one m365inv collection run; prints its metrics as JSON on stdout.

``python -m bench.product INFO.json [--previous SNAP] [--save SNAP]``. Runs in its own process so
that CPU time and peak RSS are the scanner's alone (the sandbox runs in the parent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from pathlib import Path

import msgspec

from bench.tokens import BenchTokenSource
from reports import FORMATS, write_reports
from scanner import aiorun
from scanner.catalog import load_catalog
from scanner.collect import CollectOptions, collect_tenant
from scanner.collect.progress import ScanProgress
from scanner.models import TenantData
from scanner.pipeline import build_inventory
from scanner.resolve import resolve_apps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("info")
    ap.add_argument("--previous")
    ap.add_argument("--save")
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument(
        "--pipeline", action="store_true", help="Then also time analysis and every report."
    )
    args = ap.parse_args()
    info = json.loads(Path(args.info).read_text())
    previous = None
    if args.previous:
        previous = msgspec.msgpack.decode(Path(args.previous).read_bytes(), type=TenantData)
    source = BenchTokenSource(info)
    source.token()  # sign-in is not part of the measured scan
    progress = ScanProgress()
    t0, c0 = time.perf_counter(), time.process_time()
    tenant = aiorun.run(
        collect_tenant(
            source,
            previous=previous,
            options=CollectOptions(concurrency=args.concurrency),
            progress=progress,
        )
    )
    apps = resolve_apps(tenant)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    stats = progress.stats
    assert stats is not None
    if args.save:
        Path(args.save).write_bytes(msgspec.msgpack.encode(tenant))
    rss_collect = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rest = pipeline_rest(tenant) if args.pipeline else {}
    print(
        json.dumps(
            {
                **rest,
                "wall": wall,
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


def pipeline_rest(tenant: TenantData) -> dict[str, float]:
    """The stages after collection, timed separately (they run once the scan's data is in)."""
    t0 = time.perf_counter()
    inv = build_inventory(tenant, load_catalog(), now=dt.datetime.now(dt.UTC))
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_reports(inv, Path(out), FORMATS, "en")
    t2 = time.perf_counter()
    return {"analyse_s": t1 - t0, "reports_s": t2 - t1, "flows": len(inv.flows)}


if __name__ == "__main__":
    main()
