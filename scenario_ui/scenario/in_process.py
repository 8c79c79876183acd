"""A WSGI entry into this very Django project, for the SDK's in-process transport.

Django's own WSGIHandler fires request_started/request_finished, whose
`close_old_connections` would close the database connection of the request
that is *calling* the sandbox. This handler runs the same middleware and URL
resolution without those signals, so a nested call is side-effect free.

It resolves against its own URLconf (the sandbox API alone) and gives the calling
request its URLconf back afterwards, so the caller's `reverse()` is unaffected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.http import StreamingHttpResponse
from django.urls import get_urlconf, set_urlconf

StartResponse = Callable[..., Any]
SANDBOX_URLCONF = "scenario_ui.in_process_urls"


class InProcessWSGIApp:
    def __init__(self) -> None:
        self._handler = BaseHandler()
        self._handler.load_middleware()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request = WSGIRequest(environ)
        request.urlconf = SANDBOX_URLCONF
        caller_urlconf = get_urlconf()
        try:
            response = self._handler.get_response(request)
        finally:
            set_urlconf(caller_urlconf)
        headers = [*response.items()]
        headers += [
            ("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()
        ]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        # No response.close(): it would send request_finished (see module docstring).
        if isinstance(response, StreamingHttpResponse):
            return list(cast(Iterable[bytes], response.streaming_content))
        return [getattr(response, "content", b"")]
