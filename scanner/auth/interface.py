"""What the rest of the scanner needs from sign-in: a source of bearer tokens.

The Graph client (``m365inv.graph``) depends only on this protocol, so collection can be tested
with any token source and sign-in can change (secret, certificate, device code, managed
identity) without touching collection.
"""

from __future__ import annotations

import ssl
from typing import Literal, Protocol

Resource = Literal["graph", "exchange"]


class TokenSource(Protocol):
    """A signed-in session for one tenant profile.

    ``token()`` is synchronous, thread-safe and cached (MSAL's cache): call it per request, it
    only reaches the token endpoint when the cached token is about to expire. It raises
    :class:`m365inv.errors.AuthError` when sign-in fails.
    """

    @property
    def graph_endpoint(self) -> str:
        """Base URL of Graph without the version, e.g. ``https://graph.microsoft.com``."""
        ...

    @property
    def exchange_endpoint(self) -> str:
        """Base URL of Exchange Online admin REST, e.g. ``https://outlook.office365.com``."""
        ...

    @property
    def ssl_context(self) -> ssl.SSLContext:
        """Verifying TLS context; trusts the profile's ``ca_bundle`` when it has one."""
        ...

    def token(self, resource: Resource = "graph", *, fresh: bool = False) -> str:
        """A bearer access token for ``resource``; ``fresh`` bypasses every cache (the resource
        rejected the cached token with 401: signing keys rolled over, token revoked)."""
        ...

    def granted_permissions(self, resource: Resource = "graph") -> frozenset[str]:
        """Application roles (``roles``) or delegated scopes (``scp``) the current token holds."""
        ...
