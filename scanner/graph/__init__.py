"""Graph access: sans-io parsing (``sansio``), the resource-unit budget (``budget``), the retry
policy (``retry``), the async client on msgraph-sdk's request adapter (``client``), ``$batch``
(``batch``) and batched fan-out over many small collections (``fanout``)."""

from m365inv.graph.batch import batch_get
from m365inv.graph.budget import RuBudget, request_cost, tenant_budget
from m365inv.graph.client import ClientStats, GraphClient
from m365inv.graph.fanout import fan_out
from m365inv.graph.retry import RetryPolicy
from m365inv.graph.sansio import Page

__all__ = [
    "ClientStats",
    "GraphClient",
    "Page",
    "RetryPolicy",
    "RuBudget",
    "batch_get",
    "fan_out",
    "request_cost",
    "tenant_budget",
]
