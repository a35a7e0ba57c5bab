"""Sign-in: MSAL flows that produce a :class:`~scanner.auth.interface.TokenSource`."""

from scanner.auth.flows import DeviceCodePrompt, open_token_source
from scanner.auth.interface import Resource, TokenSource
from scanner.auth.msal_source import MsalTokenSource

__all__ = ["DeviceCodePrompt", "MsalTokenSource", "Resource", "TokenSource", "open_token_source"]
