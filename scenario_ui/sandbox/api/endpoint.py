"""The decorator every sandbox view wears: method check, credentials, JSON errors only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Concatenate

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from scenario_ui.sandbox.api.auth import require_credentials
from scenario_ui.sandbox.api.errors import SandboxApiError, error_response
from scenario_ui.sandbox.call_counts import count_call

logger = logging.getLogger(__name__)

type View[**P] = Callable[Concatenate[HttpRequest, P], HttpResponse]


def sandbox_endpoint[**P](
    *methods: str, credentials: bool = True, counted: bool = True
) -> Callable[[View[P]], View[P]]:
    """Serve `methods` only, for callers with credentials, answering every failure as JSON.

    The API authenticates with credentials, not sessions: no CSRF token, no login.
    Credentials come first: without them a caller learns nothing, not even the methods.
    `credentials=False` serves anyone, like the signed URLs of the real API's files.
    Each call served is counted per route (`call_counts`), except with `counted=False`.
    """

    def decorate(view: View[P]) -> View[P]:
        @wraps(view)
        def endpoint(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            try:
                if credentials:
                    require_credentials(request)
                if counted:
                    count_call(request)
                if request.method not in methods:
                    return method_not_allowed(request, methods)
                return view(request, *args, **kwargs)
            except SandboxApiError as error:
                return error.as_response()
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
                return error_response(413, f"Request body larger than {limit} bytes")
            except Exception:
                # Django's own error page is HTML; API clients can only read the JSON shape.
                logger.exception("Sandbox API failure on %s %s", request.method, request.path)
                return error_response(500, "Internal sandbox error")

        return login_not_required(csrf_exempt(endpoint))

    return decorate


def method_not_allowed(request: HttpRequest, allowed_methods: tuple[str, ...]) -> HttpResponse:
    expected = ", ".join(allowed_methods)
    return error_response(
        405,
        f"Method {request.method} not allowed on {request.path}; expected one of: {expected}",
        {"Allow": expected},
    )
