from __future__ import annotations

from collections.abc import Iterator

import pytest

from m365inv.sandbox import Sandbox
from tests.scanner.collect.tokens import MsalTokenSource


@pytest.fixture
def source(sandbox: Sandbox) -> Iterator[MsalTokenSource]:
    src = MsalTokenSource(sandbox)
    yield src
    src.close()
