"""Graph's error body, exactly as v1.0 sends it:
``{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

INSUFFICIENT = "Insufficient privileges to complete the operation."


class GraphError(Exception):
    """Raised by handlers; the dispatcher turns it into an error response."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


def error_body(code: str, message: str, request_id: str, client_request_id: str) -> dict[str, Any]:
    date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return {
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": date,
                "request-id": request_id,
                "client-request-id": client_request_id,
            },
        }
    }


def bad_request(message: str, code: str = "Request_BadRequest") -> GraphError:
    return GraphError(400, code, message)


def unsupported(message: str) -> GraphError:
    return GraphError(400, "Request_UnsupportedQuery", message)


def not_found(oid: str) -> GraphError:
    return GraphError(
        404,
        "Request_ResourceNotFound",
        f"Resource '{oid}' does not exist or one "
        "of its queried reference-property objects are not present.",
    )


def denied() -> GraphError:
    return GraphError(403, "Authorization_RequestDenied", INSUFFICIENT)


def no_route(method: str, path: str) -> GraphError:
    return GraphError(
        400,
        "BadRequest",
        f"Resource not found for the segment '{path.split('/')[-1]}'."
        if method == "GET"
        else f"Unsupported request: {method} {path}",
    )
