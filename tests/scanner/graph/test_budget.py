"""The resource-unit budget: costs as Graph documents them, a true sliding window."""

from __future__ import annotations

import asyncio

import pytest

from m365inv.graph.budget import RuBudget, request_cost, tenant_budget


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("path", "select", "cost"),
    [
        ("/v1.0/users", True, 1),
        ("/v1.0/users", False, 2),
        ("/v1.0/groups/g1/members", True, 2),
        ("/v1.0/groups/g1/members", False, 3),
        ("/v1.0/directoryObjects/getByIds", False, 5),
        ("/v1.0/servicePrincipals/s1/appRoleAssignedTo", True, 1),
        ("/v1.0/organization", True, 1),
        ("/v1.0/organization", False, 1),
    ],
)
def test_request_cost(path: str, select: bool, cost: int) -> None:
    assert request_cost(path, has_select=select) == cost


def test_tenant_budget_tiers() -> None:
    assert [tenant_budget(n) for n in (None, 10, 49, 50, 500, 501, 100_000)] == [
        3500,
        3500,
        3500,
        5000,
        5000,
        8000,
        8000,
    ]


def test_sliding_window_never_exceeds_limit() -> None:
    clock = Clock()
    budget = RuBudget(100, window=10.0, headroom=1.0, clock=clock)
    for _ in range(10):
        assert budget.delay_for(10) == 0.0
        budget.charge(10)
        clock.now += 0.5
    # 100 RU spent between t=100 and t=104.5: the next RU must wait until t=110 frees the first
    assert budget.delay_for(10) == pytest.approx(110.0 - clock.now)
    clock.now = 110.0
    assert budget.delay_for(10) == 0.0


def test_oversized_request_does_not_deadlock() -> None:
    budget = RuBudget(5, headroom=1.0, clock=Clock())
    assert budget.delay_for(50) == 0.0  # empty window: let it through rather than wait forever


def test_acquire_waits_and_pause_holds_everyone() -> None:
    async def main() -> float:
        budget = RuBudget(10, window=0.2, headroom=1.0)
        await budget.acquire(10)
        loop = asyncio.get_running_loop()
        t0 = loop.time()
        await budget.acquire(5)  # must wait for the window to slide
        waited = loop.time() - t0
        budget.pause(0.1)
        t1 = loop.time()
        await budget.acquire(1)
        assert loop.time() - t1 >= 0.09
        return waited

    assert asyncio.run(main()) >= 0.15
