"""Child process: the benchmark's sandbox tenant, away from the process that measures.

``python -m bench.sandbox_proc --users N --latency-ms L --per-object-us U --state-dir DIR``
starts the sandbox (latency, per-object cost, Entra's RU throttling), writes ``DIR/info.json``
and prints one JSON line ``{"ready": …}``. Then it answers one JSON line per command read from
stdin, so the parent can mark the scan's start and end and read the sandbox's own CPU for exactly
that span:

* ``{"op": "reset"}`` — zero the request counters; answers the process CPU so far.
* ``{"op": "stats"}`` — requests seen since the last reset, by route, the process CPU, and the
  timings of the users chain (below).
* ``{"op": "churn", "share": 0.01, "users": …, "sps": …, "grants": …}`` — apply churn.
* ``{"op": "quit"}`` — stop the server and exit.

CPU is ``getrusage(RUSAGE_SELF)`` user + system: every thread of this process (the server's
event loop and whatever it starts), nothing of the scanner's.

**The users chain, timed at the server.** The scan's critical path is the users nextLink chain
(the ``$deltatoken=latest`` request, then the ``$top=999`` listing). For each of its requests the
server records when the request reached the handler and when its response left the handler
(``time.monotonic``, the same clock in every process on Linux). The parent splits the chain's
wall time into: time in the sandbox (of which the modelled latency, and the excess — the
sandbox's own cost beyond the model: queueing behind other requests on its one event loop,
encoding after the modelled wait), and time between a response and the next request (the
client's turnaround, TLS and the network stack — the scanner's side of the gap).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from m365inv.sandbox import SandboxConfig
from m365inv.sandbox.server import Sandbox

_CHAIN = ("/v1.0/users", "/v1.0/users/delta")


class TimedSandbox(Sandbox):
    """The sandbox, plus a record of when each users-chain request was in the handler."""

    def __init__(self, config: SandboxConfig) -> None:
        super().__init__(config)
        self.chain: list[tuple[float, float]] = []

    def _build_app(self) -> web.Application:
        app = super()._build_app()

        @web.middleware
        async def timed(request: web.Request, handler: Any) -> web.StreamResponse:
            if request.method != "GET" or request.path not in _CHAIN:
                return await handler(request)
            began = time.monotonic()
            response = await handler(request)
            self.chain.append((began, time.monotonic()))
            return response

        app.middlewares.append(timed)
        return app


def cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def churn(tenant: Any, counts: dict[str, Any], share: float) -> str:
    """Adds, updates and removes ``share`` of users, grants and service principals."""
    n_users = max(3, int(counts["users"] * share))
    live = [u["id"] for _, (_i, u) in zip(range(n_users), tenant.users.iter_live(), strict=False)]
    for i, uid in enumerate(live):
        if i % 3 == 0:
            tenant.remove_user(uid)
        elif i % 3 == 1:
            tenant.update_user(uid, displayName=f"Churned {i}")
    added = [tenant.add_user(f"New hire {i}") for i in range(n_users // 3)]
    n_sps = max(1, int(counts["sps"] * share))
    sps = [tenant.add_service_principal(f"New SaaS {i}") for i in range(n_sps)]
    n_grants = max(2, int(counts["grants"] * share))
    for i in range(n_grants):
        tenant.add_delegated_grant(
            sps[i % len(sps)]["id"], "User.Read", principal_id=added[i % len(added)]["id"]
        )
    return f"{len(live)} users changed/removed + {len(added)} added, {n_sps} SPs, {n_grants} grants"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, required=True)
    ap.add_argument("--latency-ms", type=float, required=True)
    ap.add_argument("--per-object-us", type=float, required=True)
    ap.add_argument("--state-dir", type=Path, required=True)
    args = ap.parse_args()
    cfg = SandboxConfig(
        users=args.users,
        seed=42,
        latency_ms=args.latency_ms,
        per_object_us=args.per_object_us,
        throttle=True,
        state_dir=args.state_dir,
    )
    with TimedSandbox(cfg).start() as sb:
        info = args.state_dir / "info.json"
        info.write_text(json.dumps(sb.info.to_dict()))
        print(json.dumps({"ready": str(info), "cpu": cpu_s()}), flush=True)
        for line in sys.stdin:
            cmd = json.loads(line)
            op = cmd["op"]
            answer: dict[str, Any] = {"cpu": cpu_s()}
            if op == "reset":
                sb.stats.reset()
                sb.chain.clear()
            elif op == "stats":
                with sb.stats.lock:
                    answer |= {"total": sb.stats.total, "by_route": dict(sb.stats.by_route)}
                answer["chain"] = sorted(sb.chain)
            elif op == "churn":
                answer["what"] = churn(sb.tenant, cmd, float(cmd["share"]))
            elif op == "quit":
                break
            else:
                answer["error"] = f"unknown op {op!r}"
            print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
