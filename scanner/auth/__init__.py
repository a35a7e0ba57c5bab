"""Sign-in: MSAL flows that produce a :class:`~m365inv.auth.interface.TokenSource`."""

from m365inv.auth.flows import DeviceCodePrompt, open_token_source
from m365inv.auth.interface import Resource, TokenSource
from m365inv.auth.msal_source import MsalTokenSource

__all__ = ["DeviceCodePrompt", "MsalTokenSource", "Resource", "TokenSource", "open_token_source"]
