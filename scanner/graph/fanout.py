"""Reading many small collections (members of each group, assignments of each resource) fast.

First pages go out twenty to a ``$batch``; any inner answer with a nextLink is followed on its
own. Batches run concurrently under the client's concurrency limit and budget.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Mapping
from typing import TypeVar

from m365inv.errors import GraphError
from m365inv.graph import sansio
from m365inv.graph.batch import MAX_BATCH, batch_get
from m365inv.graph.client import GraphClient

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


async def fan_out(
    client: GraphClient, urls: Mapping[K, str], item_type: type[T], *, cost_each: int = 1
) -> dict[K, list[T] | GraphError]:
    """Every item of every ``urls`` collection, or the error that stopped that one collection."""
    keys = list(urls)
    out: dict[K, list[T] | GraphError] = {}
    # Many reads: full batches of 20. A few: split in two, so a small fan-out does not wait for
    # one batch's slowest inner request — at most one extra request.
    size = MAX_BATCH if len(keys) >= 2 * MAX_BATCH else max(1, -(-len(keys) // 2))
    async with asyncio.TaskGroup() as tg:
        for start in range(0, len(keys), size):
            chunk = keys[start : start + size]
            tg.create_task(
                _one_batch(client, {k: urls[k] for k in chunk}, item_type, cost_each, out)
            )
    return out


async def _one_batch(
    client: GraphClient,
    urls: Mapping[K, str],
    item_type: type[T],
    cost_each: int,
    out: dict[K, list[T] | GraphError],
) -> None:
    ids = {str(i): key for i, key in enumerate(urls)}
    try:
        items = await batch_get(client, {i: urls[k] for i, k in ids.items()}, cost_each=cost_each)
    except GraphError as exc:  # the whole $batch failed: every collection in it is a gap
        for key in urls:
            out[key] = exc
        return
    for rid, key in ids.items():
        item = items.get(rid)
        if item is None:
            out[key] = GraphError("no answer in $batch", status=None)
            continue
        body = sansio.inner_body(item)
        if item.status >= 300:
            out[key] = sansio.error_from(item.status, item.headers, body)
            continue
        try:
            page = sansio.decode_page(body, item_type)
            values = list(page.value)
            client.stats.objects += len(values)
            if page.next_link:
                async for more in client.pages(client.request_for_url(page.next_link), item_type):
                    values.extend(more.value)
        except GraphError as exc:
            out[key] = exc
            continue
        out[key] = values


__all__ = ["fan_out"]
