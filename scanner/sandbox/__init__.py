"""The sandbox tenant: a faithful Entra + Graph simulator over HTTPS on 127.0.0.1.

``with start_sandbox(SandboxConfig(users=200)) as sb:`` — then point MSAL at
``f"{sb.info.authority_host}/{sb.info.tenant_id}"`` and trust ``sb.info.ca_bundle``.
"""

from __future__ import annotations

from m365inv.sandbox.context import SandboxClient, SandboxConfig
from m365inv.sandbox.server import Sandbox, SandboxInfo, start_sandbox

__all__ = ["Sandbox", "SandboxClient", "SandboxConfig", "SandboxInfo", "start_sandbox"]
