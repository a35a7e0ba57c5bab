"""``aiorun.run``: the result comes back without asyncio formatting its repr."""

from __future__ import annotations

import pytest

from m365inv import aiorun


class _CountsRepr:
    def __init__(self) -> None:
        self.reprs = 0

    def __repr__(self) -> str:
        self.reprs += 1
        return "<result>"


def test_result_is_returned_without_its_repr() -> None:
    async def scan() -> _CountsRepr:
        return _CountsRepr()

    result = aiorun.run(scan())
    assert isinstance(result, _CountsRepr) and result.reprs == 0


def test_exceptions_propagate() -> None:
    async def fail() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        aiorun.run(fail())
