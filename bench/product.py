"""Child process: one m365inv collection run; prints its metrics as JSON on stdout.

``python -m bench.product INFO.json [--previous SNAP] [--save SNAP]``. Runs in its own process so
that CPU time and peak RSS are the scanner's alone (the sandbox runs in the parent).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import msgspec

from bench.tokens import BenchTokenSource
from scanner import aiorun
from scanner.collect import CollectOptions, collect_tenant
from scanner.collect.progress import ScanProgress
from scanner.models import TenantData
from scanner.resolve import resolve_apps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("info")
    ap.add_argument("--previous")
    ap.add_argument("--save")
    ap.add_argument("--concurrency", type=int, default=32)
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
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
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


if __name__ == "__main__":
    main()
