"""``m365inv sandbox mutate …``: change the running sandbox tenant between two snapshots.

Talks to the sandbox's admin endpoint (:mod:`m365inv.sandbox.admin`) with the admin secret from
its info file, so the tenant changes in place — same keys, same client secret — and the next
``m365inv snapshot`` reads the change through its delta links.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from m365inv.cli.base import add_commands, new_app
from m365inv.cli.common import console
from m365inv.cli.options import SandboxInfoOpt
from m365inv.cli.sandbox_client import admin_post, load_info
from m365inv.errors import ConfigError, SandboxError

ADMIN_PATH = "/_sandbox/admin/mutate"  # scanner.sandbox.admin.ADMIN_PATH (not imported: aiohttp)

AppOpt = Annotated[
    str,
    typer.Option(
        "--app", metavar="APP", help="The app: display name, appId or service principal id."
    ),
]
UserOpt = Annotated[
    str | None,
    typer.Option("--user", metavar="UPN", help="One user (userPrincipalName or object id)."),
]


def _mutate(info_path: Any, body: dict[str, Any]) -> dict[str, Any]:
    response = admin_post(load_info(info_path), ADMIN_PATH, body)
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if response.status_code == 400:  # the tenant has no such app / user: the user's input
        raise ConfigError(str(answer.get("error", "the sandbox refused the change")))
    if response.status_code != 200 or not isinstance(answer, dict):
        raise SandboxError(f"sandbox refused the change (HTTP {response.status_code})")
    return answer


def add_user(
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Display name.")],
    guest: Annotated[bool, typer.Option("--guest", help="A guest, not a member.")] = False,
    info: SandboxInfoOpt = None,
) -> None:
    """Add a user to the running sandbox tenant."""
    body = {"action": "add-user", "displayName": name, "userType": "Guest" if guest else "Member"}
    done = _mutate(info, body)
    console.print(f"added user {done['userPrincipalName']} ({done['id']})", markup=False)


def add_consent(
    app: AppOpt,
    scope: Annotated[
        str,
        typer.Option(
            "--scope", metavar="SCOPES", help="Delegated scopes, e.g. 'User.Read Mail.Read'."
        ),
    ],
    user: UserOpt = None,
    create: Annotated[bool, typer.Option("--create", help="Add the app if it is new.")] = False,
    info: SandboxInfoOpt = None,
) -> None:
    """Grant an app delegated Graph scopes.

    Tenant-wide (every user), or with --user for one user.
    """
    body = {"action": "add-consent", "app": app, "scope": scope, "user": user, "create": create}
    done = _mutate(info, body)
    grant = done["grant"]
    who = "every user" if grant["consentType"] == "AllPrincipals" else f"user {user}"
    console.print(f"granted {grant['scope']} to {done['app']} for {who}", markup=False)


def revoke_consent(app: AppOpt, user: UserOpt = None, info: SandboxInfoOpt = None) -> None:
    """Remove an app's delegated grants (or one user's)."""
    done = _mutate(info, {"action": "revoke-consent", "app": app, "user": user})
    console.print(f"revoked {done['removed']} grant(s) of {done['app']}", markup=False)


def _mapping(value: str) -> tuple[str, str]:
    source, sep, target = value.partition("=")
    if not sep or not source.strip() or not target.strip():
        raise typer.BadParameter(f'{value!r}: want SOURCE=TARGET, e.g. mail=emails[type eq "work"]')
    return source.strip(), target.strip()


def set_provisioning(
    app: AppOpt,
    mappings: Annotated[
        list[str],
        typer.Option(
            "--map",
            metavar="SOURCE=TARGET",
            help="A user attribute sent to the app (Entra source = app target); repeatable.",
        ),
    ],
    info: SandboxInfoOpt = None,
) -> None:
    """Replace an app's provisioning (SCIM) attribute mappings."""
    pairs = [list(_mapping(m)) for m in mappings]
    done = _mutate(info, {"action": "set-provisioning", "app": app, "mappings": pairs})
    console.print(f"{done['app']} now receives {done['mappings']} attribute(s)", markup=False)


def register(sandbox_app: typer.Typer) -> None:
    """Attach ``sandbox mutate …`` to the sandbox sub-app."""
    mutate_app = new_app("mutate", "Change the running sandbox tenant (for snapshot/diff).")
    add_commands(
        mutate_app,
        {
            "add-user": add_user,
            "add-consent": add_consent,
            "revoke-consent": revoke_consent,
            "set-provisioning": set_provisioning,
        },
    )
    sandbox_app.add_typer(mutate_app)
