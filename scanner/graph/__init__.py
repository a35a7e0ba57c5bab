"""Graph access: sans-io parsing (``sansio``), the resource-unit budget (``budget``), the retry
policy (``retry``), the async client on msgraph-sdk's request adapter (``client``), ``$batch``
(``batch``) and batched fan-out over many small collections (``fanout``)."""

from scanner.graph.batch import batch_get
from scanner.graph.budget import RuBudget, request_cost, tenant_budget
from scanner.graph.client import ClientStats, GraphClient
from scanner.graph.fanout import fan_out
from scanner.graph.retry import RetryPolicy
from scanner.graph.sansio import Page

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
