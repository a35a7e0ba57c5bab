"""is_microsoft_portal: a host or any parent domain on Microsoft's list — and nothing else."""

from __future__ import annotations

import pytest

from m365inv.resolve.apps import MICROSOFT_PORTAL_SUFFIXES, is_microsoft_portal


def _reference(host: str | None) -> bool:  # the definition, one endswith per suffix
    h = (host or "").lower().rstrip(".")
    return any(h == d or h.endswith("." + d) for d in MICROSOFT_PORTAL_SUFFIXES)


HOSTS = [
    None, "", ".", "com", "microsoft.com", "MICROSOFT.COM.", "login.microsoftonline.com",
    "evil-microsoft.com", "microsoft.com.evil.example", "a.b.sharepoint.com", "sharepoint.com.",
    "xmicrosoft.com", "cloud.microsoft", "x.cloud.microsoft", "microsoft", "www.example.com",
    "myapps.microsoft.com", "..microsoft.com",
]  # fmt: skip


@pytest.mark.parametrize("host", HOSTS)
def test_same_answer_as_the_definition(host: str | None) -> None:
    assert is_microsoft_portal(host) == _reference(host)


def test_every_listed_suffix_and_its_subdomains() -> None:
    for d in MICROSOFT_PORTAL_SUFFIXES:
        assert is_microsoft_portal(d) and is_microsoft_portal(f"x.{d}")
        assert not is_microsoft_portal(f"x{d}")
