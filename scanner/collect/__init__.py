"""Collection: read a tenant through Graph into ``TenantData`` — complete, fast, honest about gaps.

``collect_tenant`` is the entry point; ``CollectOptions`` its knobs; ``Progress`` what a display
implements. One module per collection family; ``orchestrator`` wires them.
"""

from m365inv.collect.base import CollectOptions, NullProgress, Progress
from m365inv.collect.orchestrator import collect_tenant

__all__ = ["CollectOptions", "NullProgress", "Progress", "collect_tenant"]
