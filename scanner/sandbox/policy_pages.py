"""Privacy policies of some of the sandbox's third-party apps, served on its own origin.

A real tenant names each app's privacy statement in ``info.privacyStatementUrl``; the sandbox's
catalog vendors point at their real (external) hosts, which tests never contact. So that
``m365inv catalog draft --from-inventory`` can be tried end to end against the sandbox, a few of
its third-party apps (none in the catalog) carry a fictional vendor, written here as vendors
write them — headings, bullet lists, tables, scripts and navigation around the text — German and
English, one as PDF (built when served, :mod:`m365inv.sandbox.pdf`):

``GET /_sandbox/policies/<slug>.html`` (or ``.pdf``) — no authentication, like a vendor website.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from m365inv.sandbox.pdf import make_pdf

if TYPE_CHECKING:  # the tenant data imports this module; only the server needs aiohttp
    from aiohttp import web

POLICY_PATH = "/_sandbox/policies"


@dataclass(frozen=True)
class PolicyVendor:
    """A fictional vendor of one third-party app: its app name, publisher and policy file."""

    slug: str
    app_name: str
    company: str
    host: str  # the vendor's web host (homepage, reply URL) — a reserved .example name
    source: str  # file in scanner/sandbox/policies/
    kind: str  # "html" | "pdf"

    @property
    def path(self) -> str:
        return f"{POLICY_PATH}/{self.slug}.{self.kind}"


# Third-party app number → its vendor. Apps 0…3 exist in every sandbox tenant (at least 8
# third-party apps); none is a hostile name (every 41st) or a gallery app (t % 7 == 4).
POLICY_VENDORS: dict[int, PolicyVendor] = {
    0: PolicyVendor(
        "zeitwerk", "Zeitwerk Dienstplan", "Zeitwerk Software GmbH",
        "www.zeitwerk-dienstplan.example", "zeitwerk.html", "html",
    ),
    1: PolicyVendor(
        "belegfix", "Belegfix Rechnungseingang", "Belegfix GmbH",
        "app.belegfix.example", "belegfix.html", "html",
    ),
    2: PolicyVendor(
        "pollinate", "Pollinate Surveys", "Pollinate Labs Ltd.",
        "www.pollinate.example", "pollinate.html", "html",
    ),
    3: PolicyVendor(
        "talentbridge", "TalentBridge Recruiting", "TalentBridge, Inc.",
        "www.talentbridge.example", "talentbridge.txt", "pdf",
    ),
}  # fmt: skip
_BY_PATH = {v.path: v for v in POLICY_VENDORS.values()}


def policy_body(vendor: PolicyVendor) -> tuple[str, bytes]:
    """(content type, body) as the vendor's web server would answer."""
    data = resources.files("m365inv.sandbox.policies").joinpath(vendor.source).read_bytes()
    if vendor.kind == "pdf":
        return "application/pdf", make_pdf(data.decode("utf-8"))
    return "text/html; charset=utf-8", data


def add_policy_routes(app: web.Application) -> None:
    from aiohttp import web

    async def policy(request: web.Request) -> web.Response:
        vendor = _BY_PATH.get(request.path)
        if vendor is None:
            raise web.HTTPNotFound()
        ctype, body = policy_body(vendor)
        return web.Response(body=body, headers={"Content-Type": ctype})

    app.router.add_get(POLICY_PATH + "/{name}", policy)


__all__ = ["POLICY_PATH", "POLICY_VENDORS", "PolicyVendor", "add_policy_routes", "policy_body"]
