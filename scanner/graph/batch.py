"""``$batch``: up to 20 GETs in one round trip, retrying only the inner requests that failed.

Graph throttles each inner request on its own and answers 429/503 inside a 200 batch response,
each with its own ``Retry-After``; the SDK does not retry those. We resend only the failed ones
after the longest wait any of them asked for, a bounded number of rounds.
https://learn.microsoft.com/graph/json-batching#handling-throttling
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from kiota_abstractions.method import Method
from kiota_abstractions.request_information import RequestInformation

from m365inv.graph import sansio
from m365inv.graph.client import GraphClient

MAX_BATCH = 20


async def batch_get(
    client: GraphClient, urls: Mapping[str, str], *, cost_each: int = 1
) -> dict[str, sansio.BatchItem]:
    """GET ≤20 ``urls`` (relative to /v1.0, keyed by caller ids) in one ``$batch``.

    Returns one item per id: 2xx items carry their raw body; ids still failing after the retry
    rounds keep their last error status, for the caller to report as a coverage gap.
    """
    if len(urls) > MAX_BATCH:
        raise ValueError(f"at most {MAX_BATCH} requests per $batch")
    pending = dict(urls)
    results: dict[str, sansio.BatchItem] = {}
    headers = {"x-ms-throttle-priority": "low"} if client.low_priority else None
    for round_no in range(1, client.policy.max_attempts + 1):
        info = RequestInformation(Method.POST, "{+baseurl}/$batch")
        info.path_parameters["baseurl"] = client.base_url
        info.headers.try_add("Accept", "application/json")
        info.set_stream_content(sansio.batch_body(pending, headers), "application/json")
        client.stats.inner_requests += len(pending)
        async with client.fanout_slots:
            resp = await client.send(info, cost=cost_each * len(pending))
        items = sansio.decode_batch(resp.body)
        waits: list[float] = []
        for rid in list(pending):
            item = items.get(rid)
            if item is None:  # Graph dropped it: treat like a transient failure
                waits.append(sansio.DEFAULT_RETRY_AFTER)
                continue
            results[rid] = item
            if sansio.is_retryable(item.status) and round_no < client.policy.max_attempts:
                if item.status == 429:
                    client.stats.throttled += 1
                waits.append(sansio.retry_after(item.headers))
                continue
            del pending[rid]
        if not pending:
            break
        client.stats.retried += len(pending)
        await asyncio.sleep(max(waits, default=0.0))
    return results


__all__ = ["MAX_BATCH", "batch_get"]
