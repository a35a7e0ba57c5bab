"""``run(coro)``: ``asyncio.run`` without the cost of ``repr``-ing a huge result.

On CPython 3.11 ``asyncio.run`` formats ``repr()`` of its main task — including the task's
*result* — when it restores the SIGINT handler (python/cpython#112559). For a scan that result
is the whole tenant: on 100k users the repr built a ~200 MB string and took ~0.7 s after the
scan had finished. Keeping the result out of the main task avoids both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    box: list[T] = []

    async def main() -> None:
        box.append(await coro)

    asyncio.run(main())
    return box[0]


__all__ = ["run"]
