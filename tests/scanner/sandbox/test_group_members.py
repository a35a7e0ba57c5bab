"""Group membership like Graph: ``members`` is direct and of every type; ``transitiveMembers``
cast to users is the flat, distinct set of people (docs: group-list-transitivemembers)."""

from __future__ import annotations

from m365inv.sandbox import Sandbox
from tests.scanner.sandbox.test_graph_helpers import GraphClient


def test_members_are_direct_and_mixed_transitive_users_are_distinct(sandbox: Sandbox) -> None:
    graph = GraphClient(sandbox)
    t = sandbox.tenant
    group = t.groups.get(t.mailpro_group()) or {}
    nested = t.groups.get(t.mailpro_group() + 1) or {}
    direct = graph.all_pages(f"groups/{group['id']}/members?$select=id&$top=5")
    types = {m["@odata.type"] for m in direct}
    assert types == {
        "#microsoft.graph.user",
        "#microsoft.graph.group",
        "#microsoft.graph.device",
        "#microsoft.graph.orgContact",
    }
    assert nested["id"] in {m["id"] for m in direct}
    users = graph.all_pages(
        f"groups/{group['id']}/transitiveMembers/microsoft.graph.user?$select=id"
    )
    ids = [u["id"] for u in users]
    inner = graph.all_pages(f"groups/{nested['id']}/members/graph.user?$select=id")
    direct_users = {m["id"] for m in direct if m["@odata.type"] == "#microsoft.graph.user"}
    assert set(ids) == direct_users | {u["id"] for u in inner}
    assert len(ids) == len(set(ids)) > len(direct_users)
    assert all(set(u) == {"id"} for u in users)
