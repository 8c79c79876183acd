"""Scenario's error shape: `{"reason": "..."}` with the HTTP status."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import JsonResponse


def error_response(
    status: int, reason: str, headers: Mapping[str, str] | None = None
) -> JsonResponse:
    response = JsonResponse({"reason": reason}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


class SandboxApiError(Exception):
    """A failed request, raised below a view and answered in Scenario's error shape."""

    def __init__(self, status: int, reason: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = dict(headers or {})

    def as_response(self) -> JsonResponse:
        return error_response(self.status, self.reason, self.headers)
