"""``python -m bench`` (``make bench``): m365inv vs. the typed-SDK way, and vs. the lower bound.

For each tenant size, in one run: start the sandbox (in this process) with realistic latency,
a per-object cost and Entra's resource-unit throttling; run a full m365inv collection (a child
process, so CPU and peak RSS are the scanner's alone); run the baseline (msgraph-sdk typed models,
sequential paging, capped and extrapolated); apply 1 % churn and run a delta repeat. The lower
bound is max(longest sequential request chain × latency, total RU ÷ the tenant's RU rate).
First, the start-up time of ``m365inv --version`` / ``--help`` (``--startup``: only that).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import startup
from scanner.sandbox import SandboxConfig, start_sandbox
from scanner.sandbox.throttle import budget_for


def child(module: str, *args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"{module} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def chain_seconds(objects: int, latency_ms: float, per_object_us: float, top: int = 999) -> float:
    pages = max(1, math.ceil(objects / top))
    return pages * latency_ms / 1000 + objects * per_object_us / 1e6


def churn(sb: Any, product: dict[str, Any], share: float) -> str:
    """Adds, updates and removes ``share`` of users, grants and service principals."""
    t = sb.tenant
    n_users = max(3, int(product["users"] * share))
    live = [u["id"] for _, (_i, u) in zip(range(n_users), t.users.iter_live(), strict=False)]
    for i, uid in enumerate(live):
        if i % 3 == 0:
            t.remove_user(uid)
        elif i % 3 == 1:
            t.update_user(uid, displayName=f"Churned {i}")
    added = [t.add_user(f"New hire {i}") for i in range(n_users // 3)]
    n_sps = max(1, int(product["sps"] * share))
    sps = [t.add_service_principal(f"New SaaS {i}") for i in range(n_sps)]
    n_grants = max(2, int(product["grants"] * share))
    for i in range(n_grants):
        t.add_delegated_grant(
            sps[i % len(sps)]["id"], "User.Read", principal_id=added[i % len(added)]["id"]
        )
    return f"{len(live)} users changed/removed + {len(added)} added, {n_sps} SPs, {n_grants} grants"


def run_size(users: int, args: argparse.Namespace, tmp: Path) -> list[str]:
    cfg = SandboxConfig(
        users=users,
        seed=42,
        latency_ms=args.latency_ms,
        per_object_us=args.per_object_us,
        throttle=True,
        state_dir=tmp / f"sb-{users}",
    )
    out: list[str] = []
    with start_sandbox(cfg) as sb:
        info = tmp / f"info-{users}.json"
        info.write_text(json.dumps(sb.info.to_dict()))
        snap = tmp / f"snap-{users}.msgpack"
        sb.stats.reset()
        server_cpu0 = time.process_time()  # this process only runs the sandbox meanwhile
        prod = child(
            "bench.product",
            str(info),
            "--save",
            str(snap),
            "--concurrency",
            str(args.concurrency),
            "--pipeline",
        )
        server_cpu = time.process_time() - server_cpu0
        server_requests = sb.stats.total
        base = None
        if not args.no_baseline:
            base = child(
                "bench.baseline",
                str(info),
                "--users",
                str(prod["users"]),
                "--groups",
                str(prod["groups"]),
                "--sps",
                str(prod["sps"]),
                "--grants",
                str(prod["grants"]),
                "--max-pages",
                str(args.baseline_pages),
            )
        what = churn(sb, prod, 0.01)
        sb.stats.reset()
        rep = child(
            "bench.product",
            str(info),
            "--previous",
            str(snap),
            "--concurrency",
            str(args.concurrency),
        )
        if args.verbose:
            print(f"repeat routes: {dict(sb.stats.by_route)}", file=sys.stderr)
    rate = budget_for(users) / 10.0
    chain = max(
        chain_seconds(prod["users"], args.latency_ms, args.per_object_us),
        chain_seconds(prod["grants"], args.latency_ms, args.per_object_us),
    )
    ru_s = prod["ru"] / rate
    lower = max(chain, ru_s)
    out.append(
        f"tenant {users:,} users · {prod['groups']:,} groups · {prod['sps']:,} SPs · "
        f"{prod['grants']:,} grants · latency {args.latency_ms:g} ms + "
        f"{args.per_object_us:g} µs/object · throttling on ({budget_for(users)} RU/10 s)"
    )
    out.append(
        f"  m365inv   wall {prod['wall']:7.2f} s  requests {prod['requests']:5d} "
        f"(+{prod['inner']} inside $batch; server saw {server_requests})  retried "
        f"{prod['retried']}  throttled {prod['throttled']}  CPU {prod['cpu']:.2f} s  "
        f"peak RSS {prod['rss_mb']:.0f} MB  RU {prod['ru']}  complete {prod['complete']}"
    )
    out.append(f"  (sandbox server: {server_cpu:.1f} s CPU in one Python thread during that scan)")
    out.append(
        f"  then, after collection: analysis {prod['analyse_s']:.2f} s ({prod['apps']:,} apps → "
        f"{prod['flows']:,} flows), all six reports {prod['reports_s']:.2f} s, peak RSS incl. "
        f"both {prod['rss_all_mb']:.0f} MB"
    )
    out.append(
        f"  lower bound {lower:6.2f} s  (sequential chain {chain:.2f} s, RU {prod['ru']} ÷ "
        f"{rate:g}/s = {ru_s:.2f} s)  → m365inv / lower bound = {prod['wall'] / lower:.2f}×"
    )
    if base is not None:
        label = "extrapolated from capped chains" if base["capped"] else "measured"
        out.append(
            f"  baseline  wall {base['extrapolated_s']:7.1f} s ({label}; measured "
            f"{base['measured_s']:.1f} s for {base['requests']} requests)  CPU "
            f"{base['cpu']:.1f} s  peak RSS {base['rss_mb']:.0f} MB"
        )
        out.append(f"  → baseline / m365inv = {base['extrapolated_s'] / prod['wall']:.1f}× faster")
    out.append(
        f"  repeat after 1 % churn ({what}): wall {rep['wall']:.2f} s  requests "
        f"{rep['requests']} (+{rep['inner']} in $batch) = "
        f"{100 * rep['requests'] / prod['requests']:.1f} % of the full scan; users "
        f"{rep['users']:,}  complete {rep['complete']}"
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--latency-ms", type=float, default=40.0)
    ap.add_argument("--per-object-us", type=float, default=50.0)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--baseline-pages", type=int, default=2)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--startup", action="store_true", help="only time m365inv's start-up")
    ap.add_argument("--startup-repeat", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    for line in startup.report(args.startup_repeat):
        print(line, flush=True)
    if args.startup:
        return
    with tempfile.TemporaryDirectory(prefix="m365inv-bench-") as d:
        for size in (int(s) for s in args.sizes.split(",")):
            for line in run_size(size, args, Path(d)):
                print(line, flush=True)
    print(f"benchmark done in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
