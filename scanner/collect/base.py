"""What every collection module shares: its context, its result, and the coverage rule.

A collection never swallows an error into an empty result: it returns a ``Section`` whose
``Coverage`` says what was read, and — when something failed — the error and the permission that
would fix it. A 403 on one section becomes a gap; the scan goes on (Prowler #10893 is the
counter-example).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar

from kiota_abstractions.request_information import RequestInformation

from m365inv.errors import GraphError, PermissionDenied
from m365inv.graph.client import GraphClient
from m365inv.logsafe import redact
from m365inv.models import Coverage

T = TypeVar("T")
W = TypeVar("W")


class Progress(Protocol):
    """Where collections report how far they got (rich display, plain log, or nothing)."""

    def update(self, source: str, *, items: int = 0, pages: int = 0) -> None: ...

    def finish(self, coverage: Coverage) -> None: ...


class NullProgress:
    def update(self, source: str, *, items: int = 0, pages: int = 0) -> None:
        return None

    def finish(self, coverage: Coverage) -> None:
        return None


@dataclass(frozen=True)
class CollectOptions:
    """Knobs of one scan."""

    concurrency: int = 16  # requests in flight per tenant
    page_size: int = 999  # $top: Graph's maximum for directory listings
    low_priority: bool = False  # x-ms-throttle-priority: low (scheduled runs)
    # Whose members to read: groups assigned to apps (what flows need), every group, or none.
    group_members: Literal["assigned", "all", "none"] = "assigned"
    delta: bool = True  # store delta links and use them on the next scan
    delta_max_age_days: float = 6.5  # Graph expires delta tokens after ~7 days
    exchange_addins: bool = True  # ask Exchange for add-ins when the token allows it
    addins_file: str | None = None  # Get-OrganizationAddIn / Get-App export (CSV or JSON)
    sign_in_activity: bool = True  # read apps' last sign-ins (Graph beta, AuditLog.Read.All, P1)


@dataclass
class Section(Generic[T]):
    """The outcome of one collection."""

    source: str
    items: list[T] = field(default_factory=list)
    complete: bool = True
    error: str | None = None
    permission: str | None = None
    delta_link: str | None = None
    changed_ids: set[str] | None = None  # set by a delta read: ids added/updated/removed

    def coverage(self) -> Coverage:
        return Coverage(
            source=self.source,
            complete=self.complete,
            item_count=len(self.items),
            error=redact(self.error) if self.error else None,  # reaches reports and stderr
            required_permission=self.permission if not self.complete else None,
        )

    def merge(self, other: Section[T]) -> None:
        """Adds a second read of the same collection (its items and its gap, if any)."""
        self.items.extend(other.items)
        if not other.complete:
            self.complete = False
            self.error = self.error or other.error
            self.permission = self.permission or other.permission

    def fail(self, exc: GraphError, permission: str | None) -> None:
        self.complete = False
        if self.error is None:
            self.error = str(exc)
        if isinstance(exc, PermissionDenied) or exc.status == 403:  # 401 is a token problem
            self.permission = permission

    def require(self, *inputs: Section[Any]) -> None:
        """A section computed from others is complete only if they are: "0 assignments" read
        from a service-principal list that failed means "not read", never "none"."""
        for source in inputs:
            if source.complete:
                continue
            self.complete = False
            why = f"derived from {source.source}, which was not read completely"
            self.error = why if self.error is None else f"{self.error}; {why}"


@dataclass
class Ctx:
    client: GraphClient
    options: CollectOptions
    progress: Progress


async def read_list(
    ctx: Ctx,
    section: Section[T],
    info: RequestInformation,
    wire: type[W],
    convert: Callable[[W], T] | None,
    permission: str,
) -> Section[T]:
    """Page through ``info`` into ``section``; a failure keeps what was read and marks the gap."""
    try:
        async for page in ctx.client.pages(info, wire):
            if convert is None:
                section.items.extend(page.value)  # type: ignore[arg-type]
            else:
                section.items.extend(convert(w) for w in page.value)
            ctx.progress.update(section.source, items=len(page.value), pages=1)
            if page.delta_link:
                section.delta_link = page.delta_link
    except GraphError as exc:
        section.fail(exc, permission)
    return section


__all__ = ["CollectOptions", "Ctx", "NullProgress", "Progress", "Section", "read_list"]
