"""Request builders → ``RequestInformation`` with ``$select``, ``$top`` and headers.

Every collection asks for exactly the fields its record keeps (``$select`` also lowers the
resource-unit cost by one) and the largest page Graph allows.
"""

from __future__ import annotations

from typing import Any

from kiota_abstractions.base_request_configuration import RequestConfiguration
from kiota_abstractions.request_information import RequestInformation

TOP = 999


def get_info(
    builder: Any,
    *,
    select: tuple[str, ...] | None = None,
    top: int | None = TOP,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> RequestInformation:
    """``builder.to_get_request_information`` with its own typed query-parameter class."""
    qp_cls = getattr(type(builder), f"{type(builder).__name__}GetQueryParameters", None)
    config: RequestConfiguration[Any] = RequestConfiguration()
    if qp_cls is not None:
        kwargs: dict[str, Any] = dict(params)
        if select:
            kwargs["select"] = list(select)
        if top is not None:
            kwargs["top"] = top
        config.query_parameters = qp_cls(**kwargs)
    if headers:
        config.headers.add_all(headers)
    info: RequestInformation = builder.to_get_request_information(config)
    return info


__all__ = ["TOP", "get_info"]
