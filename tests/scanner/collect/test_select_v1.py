"""Every property the scanner ``$select``s exists in Graph v1.0 (the msgraph-sdk models are
generated from the v1.0 CSDL). A beta-only property such as ``publisherName`` makes a real
tenant answer 400 for the whole collection — the sandbox mirrors that, but it cannot know
properties we never told it about, so this checks against Microsoft's own schema."""

from __future__ import annotations

from typing import Any

import pytest
from msgraph.generated.models.app_role_assignment import AppRoleAssignment
from msgraph.generated.models.application import Application
from msgraph.generated.models.group import Group
from msgraph.generated.models.o_auth2_permission_grant import OAuth2PermissionGrant
from msgraph.generated.models.service_principal import ServicePrincipal
from msgraph.generated.models.user import User

from m365inv.collect import directory, relations


@pytest.mark.parametrize(
    ("select", "model"),
    [
        (directory.USER_SELECT, User),
        (directory.GROUP_SELECT, Group),
        (directory.SP_SELECT, ServicePrincipal),
        (directory.APP_SELECT, Application),
        (directory.GRANT_SELECT, OAuth2PermissionGrant),
        (relations.ASSIGNMENT_SELECT, AppRoleAssignment),
    ],
)
def test_selected_properties_exist_in_v1(select: tuple[str, ...], model: Any) -> None:
    known = set(model().get_field_deserializers())
    assert [p for p in select if p not in known] == []
