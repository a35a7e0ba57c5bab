"""Whether the Exchange add-in read is attempted: only a sign-in failure means "no permission";
a bug in the token source must surface, not pass for an empty add-ins section."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from m365inv.collect.addins import PERMISSION, can_use_exchange
from m365inv.errors import AuthError


class _Source:
    def __init__(self, outcome: Any) -> None:
        self.outcome = outcome

    def granted_permissions(self, resource: str) -> frozenset[str]:
        assert resource == "exchange"
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return frozenset(self.outcome)


def _ctx(outcome: Any) -> Any:
    return SimpleNamespace(client=SimpleNamespace(source=_Source(outcome)))


def test_granted_and_missing() -> None:
    assert can_use_exchange(_ctx({PERMISSION}))
    assert not can_use_exchange(_ctx({"User.Read.All"}))


def test_sign_in_failure_is_no_permission() -> None:
    assert not can_use_exchange(_ctx(AuthError("sign-in failed (AADSTS500011): not licensed")))


def test_a_bug_is_not_hidden() -> None:
    with pytest.raises(KeyError):
        can_use_exchange(_ctx(KeyError("roles")))
